"""Confidential marks in the desktop app (issue 13, item 2): Ctrl+Shift+K and the context menu
mark a field, a table cell and a table row; the marker shows where a mark is set; the
"Confidential items" dock lists every mark and jumps to it; all of it in English and Japanese."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from jcm_pdd.gui.confidential import MARK_ROLE, marker_tip
from jcm_pdd.gui.i18n import install_language
from jcm_pdd.model import StakeholderComment
from jcm_pdd.storage import load_project, save_project
from tests.gui.conftest import filled_project
from tests.gui.screens import keep_screenshot

COMMENTS = "pdd.stakeholder_comments"


@pytest.fixture
def commented_file(tmp_path: Path) -> Path:
    project = filled_project()
    project.pdd.stakeholder_comments = [
        StakeholderComment(stakeholder="Ward office", comment="Supports the project"),
        StakeholderComment(stakeholder="Resident", comment="Asked for the owner's phone"),
    ]
    path = tmp_path / "comments.jcmpdd"
    save_project(path, project)
    return path


def _shortcut(widget: QWidget) -> None:
    QTest.keyClick(
        widget,
        Qt.Key.Key_K,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )


def _right_click(widget: QWidget, pos: QPoint) -> None:
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, widget.mapToGlobal(pos))
    QApplication.sendEvent(widget, event)


def _action(menu: QMenu | None, text: str):
    assert menu is not None, "a context menu was shown"
    found = [a for a in menu.actions() if a.text().split("\t")[0] == text]
    assert found, f"{text!r} not in {[a.text() for a in menu.actions()]}"
    return found[0]


def test_mark_a_field_a_cell_and_a_row_then_jump_from_the_overview(
    window, commented_file, qtbot
) -> None:
    assert window.open_path(commented_file)
    session = window.controller.session

    # A field: focus it, Ctrl+Shift+K. The editor shows the lock and the tip.
    page = window.view.show_section("PDD:A.1")
    binding = page.binding("pdd.title")
    binding.editor.setFocus()
    _shortcut(binding.editor)
    assert session.is_confidential("pdd.title")
    assert binding.editor.toolTip() == marker_tip()
    assert any(a.objectName() == "confidentialLock" for a in binding.editor.actions())

    # A cell: click it, Ctrl+Shift+K; then its row from the context menu.
    page = window.view.show_section("PDD:E.2")
    table = next(t for t in page.tables if t.path == COMMENTS)
    column = table.column_of("comment")
    rect = table.table.visualItemRect(table.table.item(1, column))
    QTest.mouseClick(table.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    _shortcut(table.table)
    assert session.is_confidential(f"{COMMENTS}.1.comment")
    item = table.table.item(1, column)
    assert item.data(MARK_ROLE) and item.toolTip() == marker_tip()
    assert not table.table.item(0, column).data(MARK_ROLE)

    first = table.table.visualItemRect(table.table.item(0, 0)).center()
    _right_click(table.table.viewport(), first)
    menu = table.context_menu
    assert _action(menu, "Confidential cell").isChecked() is False
    _action(menu, "Confidential row").trigger()
    assert session.is_confidential(f"{COMMENTS}.0")
    assert all(table.table.item(0, c).data(MARK_ROLE) for c in range(table.table.columnCount()))

    # The overview lists the three marks; double-clicking one goes to its cell.
    dock = window.confidential_dock
    dock.show()
    dock.raise_()
    tree = window.confidential_panel.tree
    assert tree.topLevelItemCount() == 3
    texts = [tree.topLevelItem(n).text(0) for n in range(3)]
    assert texts[0] == "Title of the JCM project" or "title" in texts[0].lower()
    assert any("row 2" in t for t in texts) and any("row 1" in t for t in texts)
    window.view.show_section("PDD:A.1")
    target = tree.topLevelItem(1)
    rect = tree.visualItemRect(target)
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(30, rect.center().y()))
    assert tree.indexOfTopLevelItem(tree.currentItem()) == 1
    QTest.keyClick(tree, Qt.Key.Key_Return)  # activates the item, as a double click does
    shown = window.view.current_page()
    assert getattr(shown, "section", None).id == "PDD:E.2"
    assert table.table.currentRow() == 1 and table.table.currentColumn() == column
    keep_screenshot(window, "confidential-overview-en.png")
    window.view.show_section("PDD:A.1")
    QTest.mouseClick(window.confidential_panel.go_button, Qt.MouseButton.LeftButton)
    assert window.view.current_page().section.id == "PDD:E.2"

    # Removing the marked row takes its mark with it; undo brings both back.
    table.table.setCurrentCell(1, column)
    QTest.mouseClick(table.remove_button, Qt.MouseButton.LeftButton)
    assert tree.topLevelItemCount() == 2
    window.act_undo.trigger()
    assert tree.topLevelItemCount() == 3
    assert table.table.item(1, column).data(MARK_ROLE)

    # Unmark from the overview; the marker goes away; the saved file keeps the rest.
    tree.setCurrentItem(tree.topLevelItem(1))
    QTest.mouseClick(window.confidential_panel.remove_button, Qt.MouseButton.LeftButton)
    assert not table.table.item(1, column).data(MARK_ROLE)
    assert window.save()
    saved = load_project(commented_file).project
    assert len(saved.confidential) == 2
    assert saved.confidential[1] == f"{COMMENTS}.@{saved.pdd.stakeholder_comments[0].row_id}"


def test_japanese_toggle_and_overview(window, commented_file, qtbot) -> None:
    install_language("ja")
    window.retranslate()
    assert window.open_path(commented_file)
    page = window.view.show_section("PDD:E.2")
    table = next(t for t in page.tables if t.path == COMMENTS)
    column = table.column_of("comment")
    rect = table.table.visualItemRect(table.table.item(1, column))
    _right_click(table.table.viewport(), rect.center())
    labels = [a.text().split("\t")[0] for a in table.context_menu.actions()]
    assert "機密 (セル)" in labels and "機密 (行)" in labels
    _action(table.context_menu, "機密 (セル)").trigger()
    panel = window.confidential_panel
    assert panel.tree.headerItem().text(0) == "項目"
    assert panel.tree.topLevelItemCount() == 1
    assert "公開版" in panel.tree.topLevelItem(0).text(2)
    assert window.confidential_dock.windowTitle() == "機密項目"
    window.confidential_dock.show()
    window.confidential_dock.raise_()
    keep_screenshot(window, "confidential-overview-ja.png")
    install_language("en")
