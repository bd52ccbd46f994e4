"""Driving real widgets the way a person does: mouse clicks on cells, items, buttons and links,
and typing, with QTest events only (no signal emission, no model setting).

Shared by the GUI tests and the end-to-end journey (``test_gui_journey``).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QTableWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

LEFT = Qt.MouseButton.LeftButton


def click(widget: QWidget, pos: QPoint | None = None) -> None:
    QTest.mouseClick(widget, LEFT, Qt.KeyboardModifier.NoModifier, pos or widget.rect().center())


def press(button: QAbstractButton) -> None:
    """Click a button where a person would: in its middle."""
    assert button.isVisible() and button.isEnabled(), button.text()
    click(button)


def choose_menu(window: QWidget, menu_title: str, action_text: str) -> None:
    """Click a menu of the window's menu bar, then an entry of it, as a person does."""
    from PySide6.QtWidgets import QMainWindow

    assert isinstance(window, QMainWindow)
    bar = window.menuBar()
    top = next(a for a in bar.actions() if a.text().replace("&", "") == menu_title)
    click(bar, bar.actionGeometry(top).center())
    menu = top.menu()
    QTest.qWait(20)
    assert menu.isVisible(), menu_title
    entry = next(a for a in menu.actions() if a.text().replace("&", "") == action_text)
    click(menu, menu.actionGeometry(entry).center())
    QTest.qWait(20)


def toggle(box: QAbstractButton) -> None:
    """Click a check box on its box (its middle may be empty space past the label)."""
    click(box, QPoint(8, box.height() // 2))


def link_point(label: QLabel) -> QPoint:
    """Where the first link of a rich-text label is drawn: the mouse is moved over the label
    until it shows the pointing hand, as a person finds a link by hovering."""
    label.setMouseTracking(True)
    height, width = label.height(), label.width()
    for y in range(2, height, 4):
        for x in range(2, width, 4):
            point = QPoint(x, y)
            QTest.mouseMove(label, point)
            if label.cursor().shape() == Qt.CursorShape.PointingHandCursor:
                return point
    raise AssertionError(f"no clickable link in {label.text()!r}")


def click_link(label: QLabel) -> None:
    click(label, link_point(label))


def click_tree_item(tree: QTreeWidget, item: QTreeWidgetItem, double: bool = False) -> None:
    tree.scrollToItem(item)
    rect = tree.visualItemRect(item)
    click(tree.viewport(), rect.center())
    if double:
        QTest.mouseDClick(tree.viewport(), LEFT, Qt.KeyboardModifier.NoModifier, rect.center())


def cell_center(table: QTableWidget, row: int, column: int) -> QPoint:
    index = table.model().index(row, column)
    table.scrollTo(index)
    return table.visualRect(index).center()


def open_cell_editor(table: QTableWidget, row: int, column: int) -> QWidget:
    """Click a cell, then double-click it: its editor opens (a line, a paragraph or a list)."""
    point = cell_center(table, row, column)
    click(table.viewport(), point)
    QTest.mouseDClick(table.viewport(), LEFT, Qt.KeyboardModifier.NoModifier, point)
    editor = table.indexWidget(table.model().index(row, column))
    if editor is None:
        editor = QApplication.focusWidget()
    assert editor is not None, (row, column)
    return editor


def commit_cell(editor: QWidget) -> None:
    """Enter in a cell editor: the view keeps the text and closes the editor (queued by Qt,
    so the events are processed before the test looks)."""
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QTest.qWait(1)


def choose_in_combo(combo: QComboBox, text: str) -> None:
    """Pick the entry showing ``text`` (or starting with it) as a person does with the
    keyboard: focus the drop-down, Home, then Down until it shows."""
    index = combo.findText(text)
    if index < 0:
        index = next((i for i in range(combo.count()) if combo.itemText(i).startswith(text)), -1)
    assert index >= 0, (text, [combo.itemText(i) for i in range(combo.count())])
    combo.setFocus()
    if combo.currentIndex() != index:
        QTest.keyClick(combo, Qt.Key.Key_Home)
        for _ in range(index):
            if combo.currentIndex() == index:
                break
            QTest.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentIndex() == index, (combo.currentText(), text)
