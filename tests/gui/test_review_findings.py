"""The findings panel: raise a finding on the navigator's section, respond, close, filter and
export; every change is saved to the .jcmreview beside the package and the package is untouched.
Driven through the real widgets (offscreen), in English and Japanese."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from jcm_pdd.gui.diff_view import section_titles
from jcm_pdd.gui.i18n import install_language
from jcm_pdd.gui.review_panel import ReviewPanel, review_for_opened, target_paths
from jcm_pdd.package import open_package, snapshot_folder
from jcm_pdd.package.review import load_review
from jcm_pdd.session.formview import form_view
from tests.gui.review_packages import built_rounds, copy_into
from tests.gui.screens import keep_screenshot


@pytest.fixture(params=["en", "ja"])
def language(request: pytest.FixtureRequest, qapp) -> Iterator[str]:
    assert install_language(request.param) or request.param == "en"
    yield request.param
    install_language("en")


@pytest.fixture
def package(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_into(built_rounds(tmp_path_factory).round1, tmp_path / "received")


def _panel(qtbot, package: Path) -> tuple[ReviewPanel, object]:
    opened = open_package(package)
    review, path = review_for_opened(opened)
    assert opened.project is not None
    panel = ReviewPanel(
        review,
        path,
        author="T. Auditor",
        section_titles=section_titles(opened.project),
        field_paths=target_paths(opened.project, form_view(opened.project)),
    )
    qtbot.addWidget(panel)
    panel.show()
    return panel, opened


def test_raise_respond_close_saved_beside_the_package(qtbot, package, answers, language) -> None:
    before_bytes = package.read_bytes()
    panel, opened = _panel(qtbot, package)
    try:
        assert snapshot_folder(package.parent).entries.keys() == {package.name}, (
            "opening for review writes nothing"
        )
        panel.set_target("PDD:A.3")  # what the navigator shows
        assert panel.target() == "PDD:A.3"
        panel.type_box.setCurrentIndex(panel.type_box.findData("CL"))
        qtbot.keyClicks(panel.text_edit, "Confirm the coordinates of site S1.")
        qtbot.mouseClick(panel.raise_button, Qt.MouseButton.LeftButton)

        review_file = package.with_suffix(".jcmreview")
        saved = load_review(review_file)
        assert [(f.id, f.type, f.target, f.status) for f in saved.findings] == [
            ("CL-01", "CL", "PDD:A.3", "open")
        ]
        assert saved.findings[0].text == "Confirm the coordinates of site S1."
        assert saved.findings[0].author == "T. Auditor"
        assert saved.packages[0].round == 1 and saved.packages[0].package_id == opened.package_id
        assert package.read_bytes() == before_bytes
        assert sorted(p.name for p in package.parent.iterdir()) == [
            "round1.jcmpkg",
            "round1.jcmreview",
        ]
        assert panel.selected_id() == "CL-01" and not panel.raise_button.isEnabled()

        # A second finding on a field of the same section (a table cell).
        panel.start_new()
        index = panel.target_box.findData("pdd.sites.0.latitude")
        assert index > 0, "the section's fields are offered as targets"
        panel.target_box.setCurrentIndex(index)
        panel.type_box.setCurrentIndex(panel.type_box.findData("CAR"))
        panel.text_edit.setPlainText("Latitude does not match the site plan.")
        qtbot.mouseClick(panel.raise_button, Qt.MouseButton.LeftButton)
        assert load_review(review_file).finding("CAR-01").target == "pdd.sites.0.latitude"
        assert panel.table.item(1, 2).text() == "PDD:A.3 › pdd.sites.0.latitude"
        assert "T. Auditor" in panel.table.item(1, 0).toolTip()

        # The participants respond; the TPE closes it.
        panel.select_finding("CL-01")
        panel.response_edit.setPlainText("Coordinates taken from the cadastral map, see Annex.")
        qtbot.mouseClick(panel.respond_button, Qt.MouseButton.LeftButton)
        saved = load_review(review_file)
        assert saved.finding("CL-01").status == "responded"
        assert saved.finding("CL-01").response.startswith("Coordinates taken")
        panel.assessment_edit.setPlainText("Accepted.")
        qtbot.mouseClick(panel.close_button, Qt.MouseButton.LeftButton)
        closed = load_review(review_file).finding("CL-01")
        assert (closed.status, closed.assessment, closed.closed_in_round) == (
            "closed",
            "Accepted.",
            1,
        )
        assert panel.reopen_button.isEnabled() and not panel.respond_button.isEnabled()

        # Editing the text of an open finding.
        panel.select_finding("CAR-01")
        panel.text_edit.setPlainText("Latitude of S1 does not match the site plan.")
        qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
        assert load_review(review_file).finding("CAR-01").text.startswith("Latitude of S1")

        # Filter by status (by the status itself, whatever the language shows).
        panel.set_filter("closed")
        assert panel.visible_ids() == ["CL-01"]
        panel.set_filter("open")
        assert panel.visible_ids() == ["CAR-01"]
        panel.set_filter("")
        assert panel.visible_ids() == ["CL-01", "CAR-01"]
        assert package.read_bytes() == before_bytes
        panel.select_finding("CAR-01")
        panel.resize(1100, 420)
        keep_screenshot(panel, f"review_findings_{language}.png")
        if language == "ja":
            assert panel.raise_button.text() != "Raise finding", "strings are translated"
    finally:
        opened.close()


def test_refused_finding_saves_nothing(qtbot, package, answers) -> None:
    panel, opened = _panel(qtbot, package)
    try:
        panel.set_target("PDD:C.3")
        qtbot.mouseClick(panel.raise_button, Qt.MouseButton.LeftButton)  # no description
        assert answers["asked"], "the reviewer is told why"
        assert panel.review.findings == []
        assert not package.with_suffix(".jcmreview").exists()
    finally:
        opened.close()


def test_reopen_and_respond_after_closing(qtbot, package, answers) -> None:
    panel, opened = _panel(qtbot, package)
    try:
        panel.set_target("MPS:T1")
        panel.raise_finding("FAR", text="Check the meter calibration at the first verification.")
        panel.set_target("PDD:C.3")  # browsing on while FAR-01 is still selected
        assert panel.raise_finding("CL", text="Show the grid factor source.").target == "PDD:C.3"
        panel.select_finding("FAR-01")
        panel.close_finding("Forwarded to verification.")
        assert panel.respond("late answer") is None and answers["asked"], "closed: refused"
        assert load_review(package.with_suffix(".jcmreview")).finding("FAR-01").response == ""
        qtbot.mouseClick(panel.reopen_button, Qt.MouseButton.LeftButton)
        assert load_review(package.with_suffix(".jcmreview")).finding("FAR-01").status == "open"
    finally:
        opened.close()


def test_findings_export_as_docx_and_xlsx(qtbot, package, tmp_path, answers, monkeypatch) -> None:
    import docx
    import openpyxl

    panel, opened = _panel(qtbot, package)
    try:
        panel.set_target("PDD:C.3")
        panel.raise_finding("CAR", text="The estimate for PV-1 is not evidenced.")
        out = tmp_path / "report"
        out.mkdir()
        chosen = {"name": str(out / "findings"), "filter": ""}

        def ask(*args, **kwargs):
            return chosen["name"], chosen["filter"]

        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(ask))
        word = panel.export_findings()  # no suffix typed and Word chosen: .docx
        assert word == out / "findings.docx"
        rows = [[c.text for c in r.cells] for r in docx.Document(str(word)).tables[0].rows]
        c3 = "PDD C.3. Estimated emissions reductions in each year"
        assert rows[1][:3] == ["CAR-01", "CAR", c3], "the form's words, as the app shows them"
        assert rows[1][3] == "The estimate for PV-1 is not evidenced."
        chosen["name"] = str(out / "findings.xlsx")
        excel = panel.export_findings()
        sheet = openpyxl.load_workbook(str(excel)).active
        assert sheet is not None
        assert (sheet["A2"].value, sheet["C2"].value) == ("CAR-01", c3)
        assert panel.export_findings(package.with_suffix(".txt")) is None and answers["asked"]
        assert sorted(p.name for p in package.parent.iterdir()) == [
            "round1.jcmpkg",
            "round1.jcmreview",
        ]
    finally:
        opened.close()


def test_unwritable_review_file_is_reported_and_rolled_back(qtbot, package, answers) -> None:
    panel, opened = _panel(qtbot, package)
    try:
        panel.review_path = package.parent / "gone" / "round1.jcmreview"  # folder removed
        panel.set_target("PDD:A.1")
        assert panel.raise_finding("CL", text="Title differs from the MoC.") is None
        assert any("cannot be written" in str(text) for text in answers["asked"])
        assert panel.review.findings == [] and panel.table.rowCount() == 0
        assert sorted(p.name for p in package.parent.iterdir()) == ["round1.jcmpkg"]
    finally:
        opened.close()
