"""File dialogs start where the user's files are: the open project's folder, else the folder of
the last file used, else the user's documents; never the working directory the app was
started from (a desktop entry starts it in / or the home folder)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from jcm_pdd.session import io as session_io
from jcm_pdd.session import newproject
from jcm_pdd.storage import save_project
from tests.gui.conftest import filled_project


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The folder each file dialog was opened in (the user then cancels)."""
    folders: list[str] = []

    def open_name(parent, caption, folder="", *args, **kwargs):
        folders.append(folder)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(open_name))
    return folders


def _untitled(window) -> None:
    choice = next(m for m in newproject.for_country("MN") if m.id == "JCM_MN_AM003")
    sites = [newproject.SiteEntry("S1", "Ulaanbaatar", "", None, None, 1)]
    window.set_session(session_io.new_document(newproject.new_project("MN", choice, sites)))


def test_an_untitled_project_asks_in_the_last_folder_used(
    window, asked, tmp_path: Path, project_file: Path, monkeypatch
) -> None:
    elsewhere = tmp_path / "cwd"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    window.prefs.recent_files = [str(project_file)]
    _untitled(window)
    window.act_open_review.trigger()  # File > Answer a validator's review…
    # the compare dialog's Browse… with nothing typed yet
    from drive import click
    from PySide6.QtWidgets import QPushButton

    from jcm_pdd.gui.diff_view import CompareDialog

    dialog = CompareDialog(window, None, None)
    dialog.show()
    browse = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Browse…")
    click(browse, browse.rect().center())
    dialog.close()
    assert asked == [str(project_file.parent)] * 2
    assert all(Path(folder) != Path(os.getcwd()) for folder in asked)


def test_a_saved_project_asks_in_its_own_folder(window, asked, tmp_path: Path) -> None:
    own = tmp_path / "projects" / "solar.jcmpdd"
    own.parent.mkdir()
    save_project(own, filled_project())
    assert window.open_path(own)
    window.act_compare.trigger()
    window.act_open_review.trigger()
    assert asked == [str(own.parent)] * 2


def test_with_nothing_to_go_by_the_documents_folder(
    window, asked, tmp_path: Path, monkeypatch
) -> None:
    from jcm_pdd.gui.export_dialog import documents_folder

    monkeypatch.chdir(tmp_path)
    window.prefs.recent_files = []
    _untitled(window)
    window.act_open_review.trigger()
    assert asked == [str(documents_folder())]
