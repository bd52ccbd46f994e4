"""The main window's actions, menus and toolbar, with their shortcuts and icons.

``install_menus(window)`` builds them (at start and again after a language change, when every
text is read anew through ``tr()``), as ``act_*`` attributes of the window that its state
updates enable and disable. The slots are the window's own methods, and two small ones here
(About, and opening a validator's review to answer it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox

from jcm_pdd.gui import icons
from jcm_pdd.gui.confidential import SHORTCUT as CONFIDENTIAL_SHORTCUT
from jcm_pdd.gui.confidential import show_overview, toggle_focused

if TYPE_CHECKING:
    from jcm_pdd.gui.mainwindow import MainWindow


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


def _action(
    window: MainWindow,
    text: str,
    slot: Callable[[], object],
    shortcut: QKeySequence.StandardKey | str | None = None,
    icon: str = "",
) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if icon:
        action.setIcon(icons.icon(icon))
    action.triggered.connect(slot)
    return action


def install_menus(window: MainWindow) -> None:
    _build_actions(window)
    _build_menus(window)


def _build_actions(w: MainWindow) -> None:
    keys = QKeySequence.StandardKey
    w.act_new = _action(w, tr("&New…"), w.new_project, keys.New, "new")
    w.act_open = _action(w, tr("&Open…"), w.open_dialog, keys.Open, "open")
    w.act_save = _action(w, tr("&Save"), w.save, keys.Save, "save")
    w.act_save_as = _action(w, tr("Save &As…"), w.save_as, keys.SaveAs)
    w.act_close = _action(w, tr("&Close"), w.close_document, keys.Close)
    w.act_export = _action(w, tr("&Export…"), w.export_dialog, "Ctrl+E", "export")
    w.act_package = _action(w, tr("Package for &validation…"), w.package_dialog, None, "package")
    w.act_prefs = _action(w, tr("&Preferences…"), w.preferences_dialog, keys.Preferences)
    w.act_quit = _action(w, tr("&Quit"), w.close, keys.Quit)
    w.act_start = _action(w, tr("Start &page"), w.show_start_page_only)
    w.act_show_calc = _action(w, tr("Show &calculation…"), w.calc_panel.show_calculation)
    w.act_about = _action(w, tr("&About JCM PDD Studio"), lambda: about(w))
    w.act_compare = _action(w, tr("Co&mpare with…"), w.compare_dialog)
    w.act_open_review = _action(w, tr("Ans&wer a validator's review…"), lambda: open_review(w))
    w.act_undo = _action(w, tr("&Undo"), w.undo, keys.Undo, "undo")
    w.act_redo = _action(w, tr("&Redo"), w.redo, keys.Redo, "redo")
    w.act_confidential = _action(
        w, tr("Mark &confidential"), lambda: toggle_focused(w), CONFIDENTIAL_SHORTCUT, "lock"
    )
    w.act_confidential_items = _action(
        w, tr("Confidential &items…"), lambda: show_overview(w, focus=True)
    )
    w.act_export_monitoring = _action(
        w, tr("Export monitoring repor&t…"), lambda: export_monitoring_report(w)
    )
    w.act_add_period = _action(w, tr("Add &monitoring period…"), lambda: add_monitoring_period(w))
    _build_help_actions(w)
    w.writing_actions = [
        w.act_save,
        w.act_export,
        w.act_package,
        w.act_open_review,
        w.act_confidential,
        w.act_add_period,
        w.act_export_monitoring,
    ]


def _build_help_actions(w: MainWindow) -> None:
    from jcm_pdd.gui import window_help as h

    keys = QKeySequence.StandardKey
    w.act_find = _action(w, tr("&Find…"), lambda: h.find(w), keys.Find)
    w.act_next_problem = _action(w, tr("&Next problem"), lambda: h.next_problem(w, 1), "F8")
    w.act_previous_problem = _action(
        w, tr("&Previous problem"), lambda: h.next_problem(w, -1), "Shift+F8"
    )
    w.act_guide = _action(w, tr("&User guide"), lambda: h.show_guide(w))
    w.act_field_help = _action(w, tr("Help on this &field"), lambda: h.field_help(w), "F1")
    w.act_shortcuts = _action(w, tr("&Keyboard shortcuts"), lambda: h.show_shortcuts(w))


def _build_menus(w: MainWindow) -> None:
    menu = w.menuBar()
    file_menu = menu.addMenu(tr("&File"))
    file_menu.addActions([w.act_new, w.act_open])
    w.recent_menu = file_menu.addMenu(tr("Open &Recent"))
    w.recent_menu.aboutToShow.connect(w.fill_recent)
    file_menu.addSeparator()
    file_menu.addActions([w.act_save, w.act_save_as, w.act_close])
    file_menu.addSeparator()
    file_menu.addActions([w.act_export, w.act_export_monitoring, w.act_package])
    file_menu.addActions([w.act_open_review, w.act_compare])
    file_menu.addSeparator()
    file_menu.addActions([w.act_prefs, w.act_quit])
    edit_menu = menu.addMenu(tr("&Edit"))
    edit_menu.addActions([w.act_undo, w.act_redo])
    edit_menu.addSeparator()
    edit_menu.addActions([w.act_confidential, w.act_confidential_items])
    edit_menu.addSeparator()
    edit_menu.addAction(w.act_add_period)
    edit_menu.addSeparator()
    edit_menu.addActions([w.act_find, w.act_next_problem, w.act_previous_problem])
    view_menu = menu.addMenu(tr("&View"))
    view_menu.addAction(w.act_start)
    view_menu.addAction(w.calc_dock.toggleViewAction())
    view_menu.addAction(w.diag_dock.toggleViewAction())
    view_menu.addAction(w.confidential_dock.toggleViewAction())
    view_menu.addAction(w.act_show_calc)
    help_menu = menu.addMenu(tr("&Help"))
    help_menu.addActions([w.act_guide, w.act_field_help, w.act_shortcuts])
    help_menu.addSeparator()
    help_menu.addAction(w.act_about)
    toolbar = w.addToolBar(tr("Main"))
    toolbar.setObjectName("mainToolbar")
    toolbar.addActions([w.act_new, w.act_open, w.act_save])
    toolbar.addSeparator()
    toolbar.addActions([w.act_undo, w.act_redo])
    toolbar.addSeparator()
    toolbar.addActions([w.act_export, w.act_package])


def about(window: MainWindow) -> QMessageBox:
    """The About box, with a button that opens the crash log folder (``jcm_pdd.crashlog``)."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    from jcm_pdd import __version__
    from jcm_pdd.crashlog import crash_dir

    box = QMessageBox(window)
    box.setWindowTitle(tr("About JCM PDD Studio"))
    box.setText(
        tr(
            "JCM PDD Studio {0}\nDraft, calculate, export and package JCM Project Design "
            "Documents, offline."
        ).format(__version__)
    )
    folder = crash_dir()
    box.setInformativeText(tr("Crash reports are kept in {0}").format(folder))
    logs = box.addButton(tr("Open crash reports folder"), QMessageBox.ButtonRole.ActionRole)
    close = box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(close)  # Enter closes (it pressed "Open crash reports folder")
    box.setEscapeButton(close)
    logs.clicked.disconnect()  # keep the box open: opening a folder is not an answer
    logs.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))))
    box.open()
    return box


def add_monitoring_period(window: MainWindow) -> None:
    """After registration: a new monitoring period, shown on the Monitoring page (the page's
    module loads only now)."""
    from jcm_pdd.gui.monitoring_page import MONITORING_ID, MonitoringPage, add_period_to

    if window.controller is None or window.view is None or window.controller.read_only:
        return
    add_period_to(window.controller)
    page = window.view.show_section(MONITORING_ID)
    assert isinstance(page, MonitoringPage)
    page.select_period(len(window.controller.session.project.monitoring.periods) - 1)
    page.tabs.setCurrentWidget(page.period_editor)
    page.period_editor.start.setFocus()


def export_monitoring_report(window: MainWindow) -> None:
    """The Monitoring Report Sheet and the Monitoring Report of every period (after
    registration; the dialog's module loads only now)."""
    from jcm_pdd.gui.monitoring_page import export_report_from

    if window.controller is not None and not window.controller.read_only:
        window.monitoring_export = export_report_from(window, window.controller, -1)


def open_review(window: MainWindow) -> None:
    """Open a validator's review beside the project, to answer its findings."""
    from jcm_pdd.gui.participant import open_review

    open_review(window)
