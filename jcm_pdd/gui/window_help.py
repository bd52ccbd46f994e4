"""The main window's help and navigation commands: Help → User guide and Keyboard shortcuts,
F1 on the focused field, Ctrl+F (find across the submission), F8 / Shift+F8 (next / previous
problem of the diagnostics). Functions of the window, kept apart from its chrome."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QDialog, QWidget

if TYPE_CHECKING:
    from jcm_pdd.gui.mainwindow import MainWindow


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


def show_guide(window: MainWindow) -> QDialog:
    from jcm_pdd.gui.help import UserGuide

    dialog = UserGuide(window.prefs.language, window)
    dialog.show()
    return dialog


def show_shortcuts(window: MainWindow) -> QDialog:
    from PySide6.QtGui import QAction, QKeySequence

    from jcm_pdd.gui.help import Shortcuts

    rows = []
    for action in window.findChildren(QAction):
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        if keys and action.parent() is window:
            rows.append((keys, action.text().replace("&", "").rstrip("…")))
    dialog = Shortcuts(sorted(set(rows)), window)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()  # the keyboard goes with it (Esc closes it)
    return dialog


def focused_path(window: MainWindow) -> str:
    """The model path of the field or table cell that has the keyboard focus ("" if none)."""
    from jcm_pdd.gui.section_editor import SectionEditor

    view = window.view
    page = view.current_page() if view is not None else None
    focus = QApplication.focusWidget()
    if not isinstance(page, SectionEditor) or focus is None:
        return ""

    def within(widget: QWidget) -> bool:
        return widget is focus or widget.isAncestorOf(focus)

    for binding in page.bindings:
        if within(binding.widget):
            return binding.path
    for table in page.tables:
        if within(table):
            index = table.table.currentIndex()
            if index.isValid():
                return table.cell_path(index.row(), index.column())
            return table.path
    return ""


def field_help(window: MainWindow) -> QDialog | None:
    """F1: the focused field's guidance and methodology citation; the user guide elsewhere."""
    from jcm_pdd.gui.help import FieldHelpDialog
    from jcm_pdd.session.search import field_help as help_for

    path = focused_path(window)
    session = window.session
    if not path or session is None or window.view is None:
        return show_guide(window)
    found = help_for(session.project, window.view.sections, path, window.prefs.language)
    dialog = FieldHelpDialog(found, window)
    dialog.show()
    return dialog


def find(window: MainWindow) -> None:
    """Ctrl+F: the find bar above the editor."""
    if window.view is not None:
        window.view.find_bar.open_bar()


def next_problem(window: MainWindow, direction: int) -> str:
    """F8 / Shift+F8: go to the next (previous) problem in the diagnostics; its path."""
    panel = window.diag_panel
    count = panel.tree.topLevelItemCount()
    if not count:
        window.status(tr("No problems found."))
        return ""
    selected = panel.tree.currentItem()
    current = panel.tree.indexOfTopLevelItem(selected) if selected is not None else -1
    row = (current + direction) % count if current >= 0 else (0 if direction > 0 else count - 1)
    item = panel.tree.topLevelItem(row)
    assert item is not None  # 0 <= row < count
    panel.tree.setCurrentItem(item)
    panel.tree.scrollToItem(item)
    path = panel.diagnostics[row].path
    window.status(panel.diagnostics[row].message)
    if path:
        window.go_to_path(path)
    return path
