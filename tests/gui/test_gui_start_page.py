"""The start page for consultants with many projects: each recent project shows its folder
(a column and the tooltip), and a right-click offers "Show in folder" and "Remove from list"."""

from __future__ import annotations

from pathlib import Path

from drive import click
from PySide6.QtCore import QUrl
from PySide6.QtGui import QContextMenuEvent, QDesktopServices
from PySide6.QtWidgets import QApplication


def _right_click_row(page, row: int):  # noqa: ANN001, ANN202
    table = page.table
    point = table.visualRect(table.model().index(row, 0)).center()
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, point, table.viewport().mapToGlobal(point)
    )
    QApplication.sendEvent(table.viewport(), event)  # what a right-click delivers
    menu = page.row_menu
    assert menu is not None and menu.isVisible()
    return menu


def _choose(menu, text: str) -> None:  # noqa: ANN001
    action = next(a for a in menu.actions() if a.text() == text)
    click(menu, menu.actionGeometry(action).center())


def test_recent_projects_show_their_folder_and_can_be_forgotten(
    window, qtbot, project_file: Path, tmp_path: Path, monkeypatch
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(opened.append))
    assert window.open_path(project_file)
    window.close_document()
    page = window.start_page
    assert page.table.rowCount() == 1
    folder_column = page.table.columnCount() - 1
    assert page.table.horizontalHeaderItem(folder_column).text() == "Folder"
    assert page.table.item(0, folder_column).text() == str(project_file.parent)
    assert page.table.item(0, 0).toolTip() == str(project_file)
    _choose(_right_click_row(page, 0), "Show in folder")
    assert [u.toLocalFile() for u in opened] == [str(project_file.parent)]
    _choose(_right_click_row(page, 0), "Remove from list")
    assert page.table.rowCount() == 0 and window.prefs.recent_files == []
    assert project_file.is_file()  # the file itself is untouched
