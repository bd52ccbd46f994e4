"""A table edited full width: the Full width button (or F11 in the table) moves the table into a
window as large as the main window; typing there edits the document, Ctrl+Z there undoes on the
document's one undo stack, and "Back to the form" (or Esc) puts the table back with the edit."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit
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


def _edit_cell(editor: TableEditor, row: int, column: int) -> QPlainTextEdit:
    table = editor.table
    table.scrollToItem(table.item(row, column))
    rect = table.visualItemRect(table.item(row, column))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    cell_editor = table.indexWidget(table.currentIndex())
    assert isinstance(cell_editor, QPlainTextEdit)
    return cell_editor


def test_full_width_button_edits_the_table_in_a_large_window(window, qtbot) -> None:
    window.resize(1366, 768)
    assert window.open_path(sample_project_path())
    editor = _table(window, "monitoring_plan.monitored")
    qtbot.waitExposed(editor.table)
    narrow = editor.table.width()
    QTest.mouseClick(editor.full_width_button, Qt.MouseButton.LeftButton)
    big = editor.full_width_window
    assert big is not None
    qtbot.waitExposed(big)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is big)  # it takes the keyboard
    # the same table widget, now in the big window and wider than it was in the form
    assert editor.table.window() is big
    assert editor.table.width() > narrow
    assert big.width() >= window.width() - 2
    assert editor.away.isVisible()  # the form says where the table went
    column = editor.column_of("measurement_methods")
    before = window.session.project.monitoring_plan.monitored[0].measurement_methods
    cell = _edit_cell(editor, 0, column)
    QTest.keyClick(cell, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(cell, "Read the meter monthly.")
    QTest.keyClick(cell, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClicks(cell, "Keep the invoices.")
    keep_screenshot(big, "table1_full_width_editing.png")
    QTest.keyClick(cell, Qt.Key.Key_Return)
    expected = "Read the meter monthly.\nKeep the invoices."
    assert window.session.project.monitoring_plan.monitored[0].measurement_methods == expected
    # Ctrl+Z in the big window undoes on the document's stack
    QTest.keyClick(editor.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.session.project.monitoring_plan.monitored[0].measurement_methods == before
    assert editor.table.item(0, column).text() == before
    QTest.keyClick(
        editor.table,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.session.project.monitoring_plan.monitored[0].measurement_methods == expected
    QTest.mouseClick(big.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.full_width_window is None)
    # back in the form, with the edit
    assert editor.table.window() is window
    assert editor.body.isVisible() and not editor.away.isVisible()
    assert editor.table.item(0, column).text() == expected
    assert window.controller is not None and window.controller.stack.canUndo()


def test_f11_opens_and_closes_the_full_width_window(window, qtbot) -> None:
    assert window.open_path(sample_project_path())
    editor = _table(window, "pdd.eligibility")
    qtbot.waitExposed(editor.table)
    editor.table.setFocus()
    editor.table.setCurrentCell(0, 0)
    QTest.keyClick(editor.table, Qt.Key.Key_F11)
    big = editor.full_width_window
    assert big is not None
    qtbot.waitExposed(big)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is big)
    assert QApplication.focusWidget() is editor.table  # ready to type in
    # Add row works in the big window, on the document
    rows = len(window.session.project.pdd.eligibility)
    QTest.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert len(window.session.project.pdd.eligibility) == rows + 1
    assert editor.table.rowCount() == rows + 1
    QTest.keyClick(editor.table, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: editor.full_width_window is None)
    assert editor.table.window() is window
    assert editor.table.rowCount() == rows + 1
    # Esc closes it as well
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    QTest.keyClick(editor.table, Qt.Key.Key_F11)
    big = editor.full_width_window
    assert big is not None
    QTest.keyClick(big, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: editor.full_width_window is None)
    assert editor.table.window() is window
