"""Sign-off marks in the GUI: signed in round 1, stale in a changed round 2 with exactly the
changed paths shown (old -> new), current again once re-signed; saved only to the .jcmreview."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from jcm_pdd.gui.diff_view import section_titles
from jcm_pdd.gui.i18n import install_language
from jcm_pdd.gui.review_panel import review_for_opened
from jcm_pdd.gui.signoff_panel import STALE_COLOUR, SignOffPanel, package_figures
from jcm_pdd.package import open_package
from jcm_pdd.package.review import load_review, review_for_package
from tests.gui.review_packages import built_rounds, copy_into
from tests.gui.screens import keep_screenshot


@pytest.fixture(params=["en", "ja"])
def language(request: pytest.FixtureRequest, qapp) -> Iterator[str]:
    assert install_language(request.param) or request.param == "en"
    yield request.param
    install_language("en")


def _panel(qtbot, opened, review, path) -> SignOffPanel:
    panel = SignOffPanel(
        review,
        path,
        opened.project,
        package_figures(opened),
        round=opened.round,
        package_id=opened.package_id,
        reviewer="T. Auditor",
        section_titles=section_titles(opened.project),
    )
    qtbot.addWidget(panel)
    panel.resize(900, 520)
    panel.show()
    return panel


def test_sign_offs_go_stale_in_round_2_and_show_what_changed(
    qtbot, tmp_path: Path, tmp_path_factory, answers, language
) -> None:
    rounds = built_rounds(tmp_path_factory)
    first = copy_into(rounds.round1, tmp_path / "r1")
    second = copy_into(rounds.round2, tmp_path / "r2")
    before = (first.read_bytes(), second.read_bytes())

    with open_package(first) as opened:
        review, review1 = review_for_opened(opened)
        panel = _panel(qtbot, opened, review, review1)
        for section in ("PDD:A.1", "PDD:C.3", "MPS:T1"):
            panel.set_section(section)  # what the navigator shows
            qtbot.mouseClick(panel.sign_button, Qt.MouseButton.LeftButton)
        assert panel.stale_sections() == []
        saved = load_review(review1)
        assert sorted(s.section for s in saved.signoffs) == ["MPS:T1", "PDD:A.1", "PDD:C.3"]
        assert {s.round for s in saved.signoffs} == {1}
        panel.select_section("PDD:C.3")
        assert panel.changed_paths() == []

    # Round 2 arrives in its own folder; the review of round 1 is carried into it.
    with open_package(second) as opened:
        review, review2 = review_for_package(
            second, opened.round, opened.package_id, previous=review1
        )
        assert review2 == second.with_suffix(".jcmreview") and not review2.exists()
        panel = _panel(qtbot, opened, review, review2)
        assert sorted(panel.stale_sections()) == ["MPS:T1", "PDD:C.3"]
        row = next(
            r for r in range(panel.table.rowCount()) if panel.table.item(r, 0).data(256) == "MPS:T1"
        )
        assert panel.table.item(row, 0).background().color() == QColor(STALE_COLOUR)
        assert panel.table.item(row, 0).text().startswith("MPS Table 1")

        assert panel.select_section("MPS:T1")
        assert panel.changed_keys() == ["monitoring_plan.monitored.0.estimated_value"]
        ((field, old, new),) = panel.changed_paths()  # the field in the form's words
        assert (old, new) == ("1000", "1100")
        row_word = "1 行目" if language == "ja" else "row 1"  # the interface language's words
        assert field.startswith("Table 1 ") and field.endswith(f", {row_word}, Estimated Values")
        assert panel.changes.item(0, 0).toolTip() == "monitoring_plan.monitored.0.estimated_value"
        assert panel.select_section("PDD:C.3")
        c3 = {
            key: (old, new)
            for key, (_, old, new) in zip(panel.changed_keys(), panel.changed_paths(), strict=True)
        }
        shown = [name for name, _, _ in panel.changed_paths()]
        er = (
            "排出削減量 ER tCO2e（切り捨て）"
            if language == "ja"
            else "Emission reductions ER, tCO2e (rounded down)"
        )
        assert f"2026 — {er}" in shown  # a figure by year and quantity, as review show names it
        keep_screenshot(panel, f"review_signoff_figures_{language}.png")
        assert not any(name.startswith("figures.") for name in shown)
        # 2026: 1100 x 0.797 + 250.5 x 0.533 = 1010.2165 -> 1010 (was 930)
        assert c3["figures.2026.ER_rounded"] == ("930", "1010")
        assert c3["figures.2026.ER"][1].endswith("(2020433/2000)")
        assert panel.select_section("PDD:A.1") and panel.changed_paths() == []
        panel.select_section("MPS:T1")
        keep_screenshot(panel, f"review_signoff_{language}.png")
        if language == "ja":
            assert panel.remove_button.text() != "Remove sign-off", "strings are translated"

        # Re-signing in round 2 makes the mark current; only the review file is written.
        panel.set_section("MPS:T1")
        qtbot.mouseClick(panel.sign_button, Qt.MouseButton.LeftButton)
        assert panel.stale_sections() == ["PDD:C.3"]
        assert {s.section: s.round for s in load_review(review2).signoffs}["MPS:T1"] == 2
        panel.select_section("PDD:A.1")
        qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
        assert "PDD:A.1" not in {s.section for s in load_review(review2).signoffs}

    assert (first.read_bytes(), second.read_bytes()) == before
    assert sorted(p.name for p in second.parent.iterdir()) == ["round2.jcmpkg", "round2.jcmreview"]


def test_sign_off_of_an_unknown_section_is_refused(qtbot, tmp_path, tmp_path_factory, answers):
    package = copy_into(built_rounds(tmp_path_factory).round1, tmp_path)
    with open_package(package) as opened:
        review, path = review_for_opened(opened)
        panel = _panel(qtbot, opened, review, path)
        assert not panel.sign_off_current("PDD:Z.9")
        assert answers["asked"] and review.signoffs == [] and not path.exists()


def test_round_2_continues_the_review_of_round_1(qtbot, tmp_path, tmp_path_factory, answers):
    from jcm_pdd.gui.review_panel import ReviewPanel

    rounds = built_rounds(tmp_path_factory)
    first = copy_into(rounds.round1, tmp_path / "r1")
    second = copy_into(rounds.round2, tmp_path / "r2")
    with open_package(first) as opened:
        review, review1 = review_for_opened(opened)
        findings = ReviewPanel(review, review1)
        qtbot.addWidget(findings)
        findings.set_target("MPS:T1")
        findings.raise_finding("CAR", text="Evidence for the PV-1 estimate.")
        _panel(qtbot, opened, review, review1).sign_off_current("MPS:T1")

    with open_package(second) as opened:
        review, review2 = review_for_opened(opened)  # a fresh review in round 2's folder
        findings = ReviewPanel(review, review2)
        qtbot.addWidget(findings)
        signoffs = _panel(qtbot, opened, review, review2)
        findings.changed.connect(signoffs.refresh)  # as the window wires them
        assert findings.carry_button.isVisibleTo(findings) and signoffs.states == []
        assert not findings.carry_over(review2) and answers["asked"], "its own file is refused"
        assert findings.carry_over(review1)
        saved = load_review(review2)
        assert [r.round for r in saved.packages] == [1, 2]
        assert [f.id for f in saved.findings] == ["CAR-01"]
        assert signoffs.stale_sections() == ["MPS:T1"], "round 1's sign-off, stale in round 2"
        assert not findings.carry_button.isVisibleTo(findings)
        assert not findings.carry_over(review1), "only into a review not yet started"
    assert load_review(review1).packages[-1].round == 1, "round 1's review is left as it was"


def test_a_sign_off_reads_in_the_forms_words_not_its_key(
    qtbot, tmp_path, tmp_path_factory, answers, language
) -> None:
    """A sign-off of a part of a section (a model path) is listed, named on its button and in
    the detail line as the form names it, as the findings are; the key only where no label is
    found."""
    package = copy_into(built_rounds(tmp_path_factory).round1, tmp_path)
    with open_package(package) as opened:
        review, path = review_for_opened(opened)
        panel = _panel(qtbot, opened, review, path)
        panel.set_section("pdd.sites")
        assert "pdd.sites" not in panel.sign_button.text()
        qtbot.mouseClick(panel.sign_button, Qt.MouseButton.LeftButton)
        assert [s.section for s in load_review(path).signoffs] == ["pdd.sites"]
        assert panel.table.rowCount() == 1
        name = panel.table.item(0, 0).text()
        assert name.startswith("A.3 Location of project") and "pdd.sites" not in name
        assert panel.select_section("pdd.sites")
        assert panel.detail_label.text().startswith("A.3 Location of project")
        header = panel.changes.horizontalHeaderItem(0).text()  # what the changes list names
        assert header == ("項目" if language == "ja" else "Field or figure"), header
