"""The app's views a person reads most, set up the way a person gets there (clicks and keys):
used for the user guide's pictures (``resources/guide/images``) and for the screenshots kept
for review at several window sizes and in both languages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from drive import open_cell_editor, press
from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from jcm_pdd.gui.mainwindow import MainWindow
from jcm_pdd.gui.section_editor import SectionEditor
from jcm_pdd.gui.table_editor import TableEditor
from jcm_pdd.paths import sample_project_path


def _table(window: MainWindow, path: str) -> TableEditor:
    window.go_to_path(path)
    page = window.view.current_page()
    assert isinstance(page, SectionEditor)
    return next(t for t in page.tables if t.path == path)


def _settle(window: MainWindow) -> None:
    """What a person sees a moment later: the figures and the first check done."""
    from jcm_pdd.gui.controller import CHECK_DELAY_MS

    QTest.qWait(CHECK_DELAY_MS + 100)
    window.wait_for_checks()  # the check runs in the background
    QApplication.processEvents()


def table1(window: MainWindow) -> QPixmap:
    window.open_path(sample_project_path())
    _table(window, "monitoring_plan.monitored")
    _settle(window)
    return window.grab()


def table2(window: MainWindow) -> QPixmap:
    """Three chillers: twelve Table 2 rows, each naming its unit."""
    from jcm_pdd.session import io as session_io
    from jcm_pdd.session import newproject

    choice = next(m for m in newproject.for_country("ID") if m.id == "JCM_ID_AM002")
    sites = [newproject.SiteEntry("S1", "Jakarta", "DKI Jakarta", units=3)]
    window.set_session(session_io.new_document(newproject.new_project("ID", choice, sites)))
    _table(window, "monitoring_plan.fixed_ex_ante")
    _settle(window)
    return window.grab()


def b2_paragraph_cell(window: MainWindow) -> QPixmap:
    window.open_path(sample_project_path())
    editor = _table(window, "pdd.eligibility")
    _settle(window)
    cell = open_cell_editor(editor.table, 0, editor.column_of("project_information"))
    assert isinstance(cell, QPlainTextEdit)
    QTest.keyClick(cell, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(cell, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClicks(cell, "The modules are certified to IEC 61215.")
    _settle(window)
    pixmap = window.grab()
    QTest.keyClick(cell, Qt.Key.Key_Escape)
    return pixmap


def find_bar(window: MainWindow) -> QPixmap:
    window.open_path(sample_project_path())
    _settle(window)
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.view.find_bar
    QTest.keyClicks(bar.edit, "ulaanbaatar")
    QTest.keyClick(bar.edit, Qt.Key.Key_Return)
    QTest.keyClick(bar.edit, Qt.Key.Key_Return)
    _settle(window)
    return window.grab()


def start_page(window: MainWindow) -> QPixmap:
    window.close_document()
    _settle(window)
    return window.grab()


def user_guide(window: MainWindow) -> QPixmap:
    from drive import choose_menu

    from jcm_pdd.gui.help import UserGuide

    help_menu = window.menuBar().actions()[-1]
    guide_action = next(a for a in help_menu.menu().actions() if a.text())
    choose_menu(window, help_menu.text().replace("&", ""), guide_action.text().replace("&", ""))
    guide = next(w for w in QApplication.topLevelWidgets() if isinstance(w, UserGuide))
    guide.resize(min(window.width() - 80, 1100), window.height() - 80)
    _settle(window)
    pixmap = guide.grab()
    guide.close()
    return pixmap


def export_refusal(window: MainWindow) -> QPixmap:
    from jcm_pdd.session import io as session_io
    from jcm_pdd.session import newproject

    choice = next(m for m in newproject.for_country("MN") if m.id == "JCM_MN_AM003")
    project = newproject.new_project("MN", choice, [newproject.SiteEntry("S1")])
    window.set_session(session_io.new_document(project))
    dialog = window.export_dialog()
    assert dialog is not None
    _settle(window)
    press(dialog.start_button)  # type: ignore[attr-defined]
    _settle(window)
    pixmap = dialog.grab()
    dialog.close()
    return pixmap


def export_open_folder(window: MainWindow, folder: Path) -> QPixmap:
    from drive import toggle

    window.open_path(sample_project_path())
    dialog = window.export_dialog()
    assert dialog is not None
    _settle(window)
    dialog.folder.selectAll()  # type: ignore[attr-defined]
    QTest.keyClicks(dialog.folder, str(folder))  # type: ignore[attr-defined]
    toggle(dialog.draft)  # type: ignore[attr-defined]
    press(dialog.start_button)  # type: ignore[attr-defined]
    for _ in range(600):  # until the export has finished and offers "Open folder"
        if dialog.open_folder_button.isVisible():  # type: ignore[attr-defined]
            break
        QTest.qWait(100)
    _settle(window)
    pixmap = dialog.grab()
    dialog.close()
    return pixmap


SCENES: dict[str, Callable[[MainWindow], QPixmap]] = {
    "table1": table1,
    "table2": table2,
    "b2_paragraph_cell": b2_paragraph_cell,
    "find_bar": find_bar,
    "user_guide": user_guide,
    "export_refusal": export_refusal,
}


def keep(pixmap: QPixmap, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    assert pixmap.save(str(target)), target
