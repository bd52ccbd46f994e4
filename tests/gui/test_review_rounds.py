"""Three validation rounds driven through the real windows with clicks and keys.

Round 1: the developer packages; the validator raises a CAR (on a field) and a CL (on a
section) and signs off the field's section. The developer opens the review next to the project,
sees the findings at their fields, responds and edits the field, and packages round 2 (the
dialog proposes it). The validator opens round 2 beside the round-1 review: the round view shows
the change and the responses, the sign-off is stale and says why; the CL is closed, the CAR kept
open. Round 3 closes the CAR, and the findings export lists both with their rounds.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QTableWidget, QTreeWidget

from jcm_pdd.gui.export_dialog import PackageDialog
from jcm_pdd.package.review import load_review
from tests.gui.screens import keep_screenshot
from tests.package.projects import make_project, save

DESCRIPTION = "pdd.description"
# The same field as the round view names it, in the form's words.
DESCRIPTION_LABEL = "A.2 General description of project and applied technologies and/or measures"


def click_row(table: QTableWidget, key: str) -> None:
    """Click the row whose first cell reads ``key``."""
    for row in range(table.rowCount()):
        if table.item(row, 0).text() == key:
            rect = table.visualItemRect(table.item(row, 0))
            QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            assert table.currentRow() == row
            return
    raise AssertionError(f"no row {key!r} in {table.accessibleName()}")


def click_section(window, section_id: str) -> None:
    tree: QTreeWidget = window.view.navigator
    item = tree._items[section_id]
    tree.scrollToItem(item)
    QTest.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center()
    )
    assert window.view.current_page().section.id == section_id


def type_into(widget, text: str) -> None:
    widget.setFocus()
    QTest.keyClicks(widget, text)


def package_round(window, qtbot, expected_round: int) -> Path:
    """File > Package for validation…: the proposed round and file, then Package."""
    window.act_package.trigger()
    dialog = window.findChildren(PackageDialog)[-1]
    qtbot.addWidget(dialog)
    assert dialog.round_box.value() == expected_round
    target = Path(dialog.target.text())
    assert target.name == f"darkhan-round{expected_round}.jcmpkg"
    if expected_round > 1:
        assert f"round {expected_round - 1}" in dialog.previous.text()
    type_into(dialog.packaged_by, "D. Developer")
    with qtbot.waitSignal(dialog.finished_job, timeout=180000):
        QTest.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert target.is_file(), dialog.message.text()
    dialog.close()
    return target


def send(path: Path, folder: Path) -> Path:
    """E-mail a file to the other side: a copy in their folder."""
    folder.mkdir(exist_ok=True)
    return Path(shutil.copyfile(path, folder / path.name))


def answer_review(window, review: Path, monkeypatch, responses: dict[str, str]) -> None:
    """The developer opens the validator's review next to the project and responds."""
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(review), ""))
    )
    window.act_open_review.trigger()
    panel = window.response_panel
    for finding_id, text in responses.items():
        click_row(panel.table, finding_id)
        panel.response_edit.clear()
        type_into(panel.response_edit, text)
        QTest.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    saved = load_review(review)
    for finding_id, text in responses.items():
        assert saved.finding(finding_id).response == text


def edit_description(window, text: str) -> None:
    """Go to the CAR's field from the findings dock and type the correction."""
    panel = window.response_panel
    click_row(panel.table, "CAR-01")
    QTest.mouseClick(panel.go_button, Qt.MouseButton.LeftButton)
    editor = window.view.current_page().binding(DESCRIPTION).editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    type_into(editor, text)
    window.act_save.trigger()
    assert not window.session.is_dirty


def test_three_rounds_from_package_to_closed_findings(
    window, tmp_path: Path, qtbot, monkeypatch
) -> None:
    dev, tpe = tmp_path / "developer", tmp_path / "tpe"
    dev.mkdir()
    project = save(dev / "darkhan.jcmpdd", *make_project())

    # -- round 1: the developer packages ---------------------------------------------------
    assert window.open_path(project)
    round1 = send(package_round(window, qtbot, 1), tpe)
    assert window.close_document()

    # -- the validator raises a CAR on a field and a CL on a section, signs off A.2 ---------
    assert window.open_path(round1)
    findings = window.findings_panel
    click_section(window, "PDD:A.2")
    findings.target_box.lineEdit().clear()
    type_into(findings.target_box.lineEdit(), DESCRIPTION)
    type_into(findings.text_edit, "The description does not say how the roofs were surveyed.")
    QTest.mouseClick(findings.raise_button, Qt.MouseButton.LeftButton)
    QTest.mouseClick(window.signoff_panel.sign_button, Qt.MouseButton.LeftButton)
    QTest.mouseClick(findings.new_button, Qt.MouseButton.LeftButton)
    click_section(window, "PDD:C.3")
    findings.type_box.setFocus()
    QTest.keyClick(findings.type_box, Qt.Key.Key_Down)  # CAR -> CL
    assert findings.type_box.currentData() == "CL"
    type_into(findings.text_edit, "Explain the grid emission factor used for PV-1.")
    QTest.mouseClick(findings.raise_button, Qt.MouseButton.LeftButton)
    review1 = tpe / "darkhan-round1.jcmreview"
    assert [(f.id, f.target) for f in load_review(review1).findings] == [
        ("CAR-01", DESCRIPTION),
        ("CL-01", "PDD:C.3"),
    ]
    assert window.view.navigator.finding_mark("PDD:A.2") == "⚑1"
    assert window.close_document()

    # -- the developer answers and corrects, then packages round 2 -------------------------
    assert window.open_path(project)
    answer_review(
        window,
        send(review1, dev),
        monkeypatch,
        {
            "CAR-01": "Added the survey method to A.2.",
            "CL-01": "The national grid factor of 2024, see C.3.",
        },
    )
    assert window.view.navigator.finding_mark("PDD:A.2") == "⚑1"
    page = window.view.show_section("PDD:A.2")
    assert "CAR-01" in page.finding_label(DESCRIPTION), "the finding shows at its field"
    keep_screenshot(window, "developer-response-view.png")
    edit_description(window, " Each roof was surveyed by drone in March 2025.")
    round2 = send(package_round(window, qtbot, 2), tpe)
    assert window.close_document()

    # -- the validator opens round 2 beside the round-1 review -----------------------------
    assert window.open_path(round2)
    view = window.round_view
    assert any(r[2] == DESCRIPTION_LABEL for r in view.diff_view.rows()), view.diff_view.rows()
    rows = {r[0]: r for r in view.rows()}
    assert rows["CAR-01"][3] == "Added the survey method to A.2."
    assert rows["CAR-01"][5] == "changed"
    assert rows["CL-01"][3] == "The national grid factor of 2024, see C.3."
    assert window.signoff_panel.stale_sections() == ["PDD:A.2"]
    click_row(window.signoff_panel.table, window.signoff_panel.table.item(0, 0).text())
    assert window.signoff_panel.changed_keys() == [DESCRIPTION]
    assert [row[0] for row in window.signoff_panel.changed_paths()] == [DESCRIPTION_LABEL]
    keep_screenshot(window, "round2-view.png")
    click_row(view.table, "CL-01")
    type_into(view.assessment, "The factor is the published one.")
    QTest.mouseClick(view.close_button, Qt.MouseButton.LeftButton)
    click_row(view.table, "CAR-01")
    type_into(view.assessment, "The drone survey report is not attached.")
    QTest.mouseClick(view.keep_button, Qt.MouseButton.LeftButton)
    review2 = tpe / "darkhan-round2.jcmreview"
    saved = load_review(review2)
    assert [(f.id, f.status, f.closed_in_round) for f in saved.findings] == [
        ("CAR-01", "open", None),
        ("CL-01", "closed", 2),
    ]
    assert [ref.round for ref in saved.packages] == [1, 2]
    findings = window.findings_panel
    findings.set_type_filter("CL")
    assert findings.visible_ids() == ["CL-01"]
    findings.set_type_filter("")
    findings.set_filter("open")
    assert findings.visible_ids() == ["CAR-01"]
    assert window.close_document()

    # -- round 3: the developer answers the CAR again; the validator closes it -------------
    assert window.open_path(project)
    answer_review(
        window, send(review2, dev), monkeypatch, {"CAR-01": "The survey report is attached."}
    )
    edit_description(window, " The survey report is in the annex.")
    round3 = send(package_round(window, qtbot, 3), tpe)
    assert window.close_document()
    assert window.open_path(round3)
    view = window.round_view
    assert {r[0]: r[3] for r in view.rows()}["CAR-01"] == "The survey report is attached."
    click_row(view.table, "CAR-01")
    type_into(view.assessment, "Report checked.")
    QTest.mouseClick(view.close_button, Qt.MouseButton.LeftButton)
    assert not window.findings_panel.review.open_car_cl()

    # -- the findings table export lists both with the rounds raised and closed -------------
    target = tpe / "findings.xlsx"
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *a, **k: (str(target), "Excel workbook (*.xlsx)")),
    )
    QTest.mouseClick(window.findings_panel.export_button, Qt.MouseButton.LeftButton)
    sheet = load_workbook(target).active
    header = [c.value for c in sheet[1]]
    lines = sheet.iter_rows(min_row=2, values_only=True)
    rows_out = {r[0]: dict(zip(header, r, strict=True)) for r in lines}
    assert rows_out["CAR-01"]["Raised"].startswith("round 1")
    assert rows_out["CAR-01"]["Closed"].startswith("round 3")
    assert rows_out["CL-01"]["Raised"].startswith("round 1")
    assert rows_out["CL-01"]["Closed"].startswith("round 2")
    assert rows_out["CAR-01"]["Participants' response"] == "The survey report is attached."


@pytest.fixture(autouse=True)
def _english() -> None:
    from jcm_pdd.gui.i18n import install_language

    install_language("en")


def test_round_view_beside_the_previous_round_in_the_folder(
    window, tmp_path: Path, tmp_path_factory
) -> None:
    """Round 2 dropped into the folder of round 1 and its review: the review carries on, the
    round view compares with round 1's package and shows each finding's field as it is now."""
    from tests.gui.review_packages import ESTIMATED_VALUE_LABEL, built_rounds, copy_into

    rounds = built_rounds(tmp_path_factory)
    folder = tmp_path / "tpe"
    round1 = copy_into(rounds.round1, folder)
    assert window.open_path(round1)
    findings = window.findings_panel
    findings.new_finding_on("pdd.sites.0.latitude")
    type_into(findings.text_edit, "Check the latitude against the map.")
    QTest.mouseClick(findings.raise_button, Qt.MouseButton.LeftButton)
    assert window.close_document()

    round2 = copy_into(rounds.round2, folder)
    assert window.open_path(round2)
    view = window.round_view
    row = view.rows()[0]
    assert row[0] == "CAR-01" and row[3] == "(no response)" and row[5] == "unchanged"
    assert float(row[4].strip('"')) == pytest.approx(49.4863, abs=0.01), row
    assert any(r[2] == ESTIMATED_VALUE_LABEL for r in view.diff_view.rows())
    assert "Round 2" in view.summary.text() and "since round 1" in view.summary.text()
    assert not (folder / "round2.jcmreview").exists(), "opening writes nothing"
    assert window.findings_panel.review.latest_round == 2


def test_round_view_follows_a_language_change(window, tmp_path: Path, tmp_path_factory) -> None:
    from jcm_pdd.gui.i18n import install_language
    from tests.gui.review_packages import built_rounds, copy_into
    from tests.gui.test_gui_language_switch import _choose_language_in_dialog, _has_kana

    rounds = built_rounds(tmp_path_factory)
    assert window.open_path(copy_into(rounds.round1, tmp_path / "tpe"))
    type_into(window.findings_panel.text_edit, "Which grid factor?")
    QTest.mouseClick(window.findings_panel.raise_button, Qt.MouseButton.LeftButton)
    assert window.close_document()
    assert window.open_path(copy_into(rounds.round2, tmp_path / "tpe"))
    diff = window.round_view.diff
    assert diff is not None
    try:
        _choose_language_in_dialog(window, "ja")
        dock = next(d for d in window.review_docks if d.objectName() == "roundDock")
        assert _has_kana(dock.windowTitle()) and _has_kana(window.round_view.summary.text())
        assert window.round_view.diff is diff, "the previous round is not opened again"
    finally:
        install_language("en")


def test_package_dialog_never_replaces_a_package_without_asking(
    window, answers, tmp_path: Path, qtbot
) -> None:
    from PySide6.QtWidgets import QMessageBox

    project = save(tmp_path / "darkhan.jcmpdd", *make_project())
    assert window.open_path(project)
    first = package_round(window, qtbot, 1)
    before = first.read_bytes()
    window.act_package.trigger()
    dialog = window.findChildren(PackageDialog)[-1]
    qtbot.addWidget(dialog)
    assert dialog.round_box.value() == 2 and "darkhan-round1.jcmpkg" in dialog.previous.text()
    dialog.round_box.setFocus()
    QTest.keyClick(dialog.round_box, Qt.Key.Key_Down)  # back to round 1: the same file name
    assert Path(dialog.target.text()) == first
    answers["question"] = QMessageBox.StandardButton.No
    QTest.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert "already exists" in answers["asked"][-1]
    assert dialog.thread_ is None and first.read_bytes() == before, "kept as it was"
    assert "kept" in dialog.message.text()
    answers["question"] = QMessageBox.StandardButton.Yes
    with qtbot.waitSignal(dialog.finished_job, timeout=180000):
        QTest.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert "round 1" in dialog.message.text()
    dialog.close()
