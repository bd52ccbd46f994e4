"""Tables a person reads and writes in: Table 1 shows its wrapped text on first view, and a
paragraph cell (B.2 explanation, Table 1 measurement method) edits over several lines: Shift+Enter
starts a new line and the text typed before it stays."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPlainTextEdit
from screens import keep_screenshot

from jcm_pdd.gui.mainwindow import MainWindow
from jcm_pdd.gui.section_editor import SectionEditor
from jcm_pdd.gui.table_editor import TableEditor
from jcm_pdd.paths import sample_project_path


def _table(window: MainWindow, path: str) -> TableEditor:
    assert window.view is not None
    section = window.view.section_of_path(path)
    assert section is not None
    page = window.view.show_section(section)
    assert isinstance(page, SectionEditor)
    return next(t for t in page.tables if t.path == path)


def _click_cell(editor: TableEditor, row: int, column: int) -> None:
    table = editor.table
    table.scrollToItem(table.item(row, column))
    rect = table.visualItemRect(table.item(row, column))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_table_1_shows_its_wrapped_text_on_first_view(window, qtbot) -> None:
    window.resize(1366, 768)
    assert window.open_path(sample_project_path())
    editor = _table(window, "monitoring_plan.monitored")
    qtbot.waitExposed(editor.table)
    table = editor.table
    line = table.fontMetrics().lineSpacing()
    # every row is at least as tall as its longest wrapped cell needs at the column widths
    for row in range(table.rowCount()):
        needed = min(max(table.sizeHintForRow(row), line), line * editor.MAX_ROW_LINES)
        assert table.rowHeight(row) >= needed, row
    # and some cell of Table 1 does wrap to several lines: the rows are not one line tall
    assert max(table.rowHeight(r) for r in range(table.rowCount())) > 2 * line
    # the first row fits in the view with its text at the top (a row taller than the view,
    # its text centred below the fold, looked empty)
    assert table.rowHeight(0) <= table.viewport().height()
    first = table.item(0, editor.column_of("description"))
    assert first.text() and first.textAlignment() & Qt.AlignmentFlag.AlignTop
    keep_screenshot(window, "table1_first_view.png")


def test_shift_enter_in_a_paragraph_cell_keeps_the_text(window, qtbot, tmp_path: Path) -> None:
    assert window.open_path(sample_project_path())
    editor = _table(window, "pdd.eligibility")
    qtbot.waitExposed(editor.table)
    column = editor.column_of("project_information")
    assert column >= 0
    _click_cell(editor, 0, column)
    cell_editor = editor.table.indexWidget(editor.table.currentIndex())
    assert isinstance(cell_editor, QPlainTextEdit)
    QTest.keyClick(cell_editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(cell_editor, "The PV modules are new.")
    QTest.keyClick(cell_editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClicks(cell_editor, "They meet IEC 61215.")
    keep_screenshot(window, "b2_paragraph_cell_editing.png")
    QTest.keyClick(cell_editor, Qt.Key.Key_Return)  # Enter keeps the text
    expected = "The PV modules are new.\nThey meet IEC 61215."
    assert window.session.project.pdd.eligibility[0].project_information == expected
    assert editor.table.item(0, column).text() == expected
    assert editor.table.indexWidget(editor.table.currentIndex()) is None  # editor closed


def test_table_2_rows_name_their_unit(window, qtbot) -> None:
    from jcm_pdd.session import io as session_io
    from jcm_pdd.session import newproject

    choice = next(m for m in newproject.for_country("ID") if m.id == "JCM_ID_AM002")
    sites = [newproject.SiteEntry("S1", units=3)]
    window.set_session(session_io.new_document(newproject.new_project("ID", choice, sites)))
    editor = _table(window, "monitoring_plan.fixed_ex_ante")
    table = editor.table
    headers = [table.verticalHeaderItem(r).text() for r in range(table.rowCount())]
    assert table.rowCount() >= 6
    symbol = editor.column_of("symbol")
    per_unit = [
        (table.item(r, symbol).text(), h.split("  ", 1)[-1])
        for r, h in enumerate(headers)
        if "S1-" in h
    ]
    assert len(per_unit) == table.rowCount()  # every per-unit row names its unit
    assert len(set(per_unit)) == len(per_unit)  # no two rows read the same
    assert all(unit.endswith(" · S1") for _symbol, unit in per_unit)
    tip = table.verticalHeaderItem(0).toolTip()
    assert tip.startswith("Project chiller S1-") and tip.endswith(", site S1")
    keep_screenshot(window, "table2_units.png")
    units = _table(window, "monitoring_plan.index_members")
    column = units.column_of("set")
    assert units.table.item(0, column).text().endswith("(i)")
    assert units.table.item(0, column).text() != "i"
