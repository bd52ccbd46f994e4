"""The start page for consultants with many projects: each recent project shows its folder
(a column and the tooltip), and a right-click offers "Show in folder" and "Remove from list"."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from drive import click
from PySide6.QtCore import QUrl
from PySide6.QtGui import QContextMenuEvent, QDesktopServices
from PySide6.QtWidgets import QApplication


def _right_click_row(page, row: int):
    table = page.table
    point = table.visualRect(table.model().index(row, 0)).center()
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, point, table.viewport().mapToGlobal(point)
    )
    QApplication.sendEvent(table.viewport(), event)  # what a right-click delivers
    menu = page.row_menu
    assert menu is not None and menu.isVisible()
    return menu


def _choose(menu, text: str) -> None:
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


@pytest.mark.skipif(sys.platform == "win32", reason="Windows shows the full path, no ~")
def test_a_folder_in_the_home_folder_shows_as_tilde(
    window, qtbot, tmp_path: Path, monkeypatch
) -> None:
    """The Folder column reads ~/Documents/… for a project under the home folder (as file
    managers show it); the tooltip keeps the full path; a folder elsewhere shows in full."""
    from jcm_pdd.storage import save_project
    from tests.gui.conftest import filled_project

    home = tmp_path / "home" / "mina"
    monkeypatch.setenv("HOME", str(home))
    inside = home / "Documents" / "JCM projects" / "solar.jcmpdd"
    outside = tmp_path / "shared" / "wind.jcmpdd"
    for path in (inside, outside):
        path.parent.mkdir(parents=True)
        save_project(path, filled_project())
        assert window.open_path(path)
        window.close_document()
    page = window.start_page
    folder = page.table.columnCount() - 1
    folders = {page.table.item(r, 0).toolTip(): page.table.item(r, folder).text() for r in (0, 1)}
    assert folders == {
        str(inside): "~/Documents/JCM projects",
        str(outside): str(outside.parent),
    }


def test_packages_and_reviews_a_validator_opens_are_recent_files(
    window, qtbot, tmp_path: Path, tmp_path_factory
) -> None:
    """A validator reopens packages and review files from the start page like projects: each
    row says what it is and its round, and Duplicate (a project's) is off for them."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from tests.gui.review_packages import built_rounds, copy_into

    package = copy_into(built_rounds(tmp_path_factory).round1, tmp_path / "tpe")
    assert window.open_path(package)
    assert window.prefs.recent_files[0] == str(package.resolve())
    findings = window.findings_panel
    findings.new_finding_on("pdd.sites.0.latitude")
    findings.text_edit.setFocus()
    QTest.keyClicks(findings.text_edit, "Check the latitude against the map.")
    QTest.mouseClick(findings.raise_button, Qt.MouseButton.LeftButton)
    review = findings.review_path
    assert review.is_file()
    assert window.close_document()
    page = window.start_page
    assert page.table.item(0, 4).text() == "validation package, round 1"
    assert page.table.item(0, 0).text() == "Rooftop PV in Darkhan"
    page.table.selectRow(0)
    assert not page.duplicate_button.isEnabled()

    assert window.open_path(review)  # the review opens with its package beside it
    assert window.prefs.recent_files[:2] == [str(review.resolve()), str(package.resolve())]
    assert window.close_document()
    assert page.table.item(0, 4).text() == "review, round 1"
    assert page.table.item(0, 0).text() == "Rooftop PV in Darkhan"
    rect = page.table.visualItemRect(page.table.item(0, 0))
    QTest.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.findings_panel is not None  # reopened from the list, review and all
