"""Taking over the lock of a document another instance holds (issue 11 item 2), by mouse.

The read-only banner over a locked document offers "Take over…"; the warning defaults to
Cancel (nothing changes), and only "Take over and edit" makes the document editable, writes
our lock in place of the other and lets the user type and save.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from jcm_pdd.storage import load_project
from jcm_pdd.storage.lock import lock_path, read_lock


def _foreign_lock(project: Path) -> None:
    when = (datetime.now(UTC) - timedelta(hours=2)).replace(microsecond=0).isoformat()
    lock_path(project).write_text(
        json.dumps({"host": "PC-17-elsewhere", "user": "dorj", "pid": 4242, "time": when})
    )


def _answer(button_text: str, seen: list[str]) -> None:
    """Click ``button_text`` in the warning once it is shown (it is modal)."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        [button] = [b for b in box.buttons() if b.text() == button_text]
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, click)


def test_take_over_after_the_warning_makes_the_document_editable(
    window, project_file: Path, qtbot, tmp_path: Path
) -> None:
    _foreign_lock(project_file)
    assert window.open_path(project_file)
    view = window.view
    assert window.session.read_only and view.banner.isVisible()
    button = view.take_over_button
    assert button.isVisible() and "dorj" in view.banner.text()

    seen: list[str] = []
    _answer("Cancel", seen)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    assert seen and "PC-17-elsewhere" in seen[0] and "overwrite" in seen[0]
    assert window.session.read_only and read_lock(project_file).host == "PC-17-elsewhere"  # type: ignore[union-attr]

    _answer("Take over and edit", seen)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    assert len(seen) == 2
    assert window.session.read_only is None
    assert not view.banner_frame.isVisible() and not button.isVisible()
    assert "read-only" not in window.windowTitle() and window.act_save.isEnabled()
    mine = read_lock(project_file)
    assert mine is not None and mine.host != "PC-17-elsewhere"

    page = view.show_section(view.section_of_path("pdd.title"))
    edit = page.binding("pdd.title").editor
    assert not edit.isReadOnly()
    edit.selectAll()
    QTest.keyClicks(edit, "Taken over here")
    QTest.keyClick(edit, Qt.Key.Key_Tab)
    assert window.save()
    assert load_project(project_file).project.pdd.title == "Taken over here"
    window.grab().save(str(tmp_path / "after-take-over.png"))
    assert window.close_document()
    assert not lock_path(project_file).exists()


def test_no_take_over_button_for_an_unlocked_document(window, project_file: Path) -> None:
    assert window.open_path(project_file)
    assert window.session.read_only is None
    assert not window.view.take_over_button.isVisible()
