"""The main window: start page or the open document, menus and shortcuts, the calculation and
diagnostics docks, saving, recent files, autosave and the prompt before losing unsaved work.

Window chrome is hand-coded (no Designer). File work goes through ``jcm_pdd.session.io``; the
window only reflects state (Anki's habit).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QThread, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from jcm_pdd.errors import UserError
from jcm_pdd.forms import load_forms
from jcm_pdd.gui import icons, theme, window_layout
from jcm_pdd.gui.autosaver import Autosaver
from jcm_pdd.gui.calc_panel import CalcPanel
from jcm_pdd.gui.checker import BackgroundCheck
from jcm_pdd.gui.confidential import ConfidentialPanel
from jcm_pdd.gui.confidential import attach as attach_confidential
from jcm_pdd.gui.controller import DocumentController
from jcm_pdd.gui.diagnostics_panel import DiagnosticsPanel
from jcm_pdd.gui.document_view import DocumentView
from jcm_pdd.gui.lock_heartbeat import LockHeartbeat
from jcm_pdd.gui.lock_takeover import offer_take_over
from jcm_pdd.gui.preferences import Preferences
from jcm_pdd.gui.window_menus import install_menus
from jcm_pdd.model import Project
from jcm_pdd.paths import sample_project_path
from jcm_pdd.session import AutosavePolicy, DocumentSession
from jcm_pdd.session import io as session_io
from jcm_pdd.session.diagnostics import SEVERITY_ORDER, DiagnosticView
from jcm_pdd.session.figures import FiguresView, estimate_figures
from jcm_pdd.session.formview import section_completeness

if TYPE_CHECKING:
    from jcm_pdd.gui.participant import ParticipantReview, ResponsePanel
    from jcm_pdd.gui.review_panel import ReviewPanel
    from jcm_pdd.gui.round_view import RoundView
    from jcm_pdd.gui.signoff_panel import SignOffPanel
    from jcm_pdd.gui.start_page import StartPage
    from jcm_pdd.gui.verifier_periods import PeriodsPanel

PROJECT_FILTER = "JCM PDD project (*.jcmpdd)"
OPEN_FILTER = "JCM PDD project or validation package (*.jcmpdd *.jcmpkg)"
REVIEW_DOCK_SHARE = 0.28  # of the window height: the review docks' starting height
PREFERENCES_SAVE_DELAY_MS = 1000  # after a file opens or saves: see MainWindow.remember_recent


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


class MainWindow(QMainWindow):
    document_opened = Signal()
    figures_updated = Signal()
    diagnostics_updated = Signal()
    findings_panel: ReviewPanel  # the review docks' panels (review_docks, participant)
    signoff_panel: SignOffPanel
    round_view: RoundView
    periods_panel: PeriodsPanel  # verifier mode (a verification package)
    response_panel: ResponsePanel | None
    # The actions and menus window_menus.install_menus builds (again after a language change).
    act_new: QAction
    act_open: QAction
    act_save: QAction
    act_save_as: QAction
    act_close: QAction
    act_export: QAction
    act_package: QAction
    act_prefs: QAction
    act_quit: QAction
    act_start: QAction
    act_show_calc: QAction
    act_about: QAction
    act_compare: QAction
    act_open_review: QAction
    act_undo: QAction
    act_redo: QAction
    act_confidential: QAction
    act_confidential_items: QAction
    act_add_period: QAction
    act_export_monitoring: QAction
    monitoring_export: QWidget  # the last "Export monitoring report" dialog opened
    act_find: QAction
    act_next_problem: QAction
    act_previous_problem: QAction
    act_guide: QAction
    act_field_help: QAction
    act_shortcuts: QAction
    recent_menu: QMenu
    writing_actions: list[QAction]  # enabled only in an editable document

    def __init__(self, prefs: Preferences | None = None, *, start_page: bool = True) -> None:
        super().__init__()
        self.prefs = prefs or Preferences.load()
        self.controller: DocumentController | None = None
        self.checker: BackgroundCheck | None = None  # the open document's diagnostics
        self.review_docks: list[QDockWidget] = []
        self.participant_review: ParticipantReview | None = None  # a review being answered
        self.participant_dock: QDockWidget | None = None
        self.response_panel = None
        self.view: DocumentView | None = None
        self._layout_restored = False  # the docks were put where the user last had them
        self._diag_dock_low = False  # the diagnostics dock is held to one line's height
        self.autosave = AutosavePolicy()
        self.setWindowIcon(icons.icon("app"))
        self.resize(1280, 820)
        self.setMinimumSize(800, 560)

        self.stack = QStackedWidget()
        self._start_page: StartPage | None = None  # built when first shown (see start_page)
        self.setCentralWidget(self.stack)

        self.calc_panel = CalcPanel()
        self.calc_panel.go_to_path.connect(self.go_to_path)
        self.calc_panel.acknowledgement_changed.connect(self.record_acknowledgement)
        self.calc_dock = QDockWidget(tr("Estimated emission reductions (C.3)"), self)
        self.calc_dock.setObjectName("calcDock")
        self.calc_dock.setWidget(self.calc_panel)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.calc_dock)
        self.diag_panel = DiagnosticsPanel()
        self.diag_panel.go_to_path.connect(self.go_to_path)
        self.diag_dock = QDockWidget(tr("Diagnostics"), self)
        self.diag_dock.setObjectName("diagnosticsDock")
        self.diag_dock.setWidget(self.diag_panel)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.diag_dock)

        self.confidential_panel = ConfidentialPanel()
        self.confidential_panel.go_to_path.connect(self.go_to_path)
        self.confidential_dock = QDockWidget(tr("Confidential items"), self)
        self.confidential_dock.setObjectName("confidentialDock")
        self.confidential_dock.setWidget(self.confidential_panel)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.confidential_dock)
        self.tabifyDockWidget(self.calc_dock, self.confidential_dock)
        self.confidential_dock.hide()  # shown from View or Edit, and when a mark is set
        # The editor keeps most of the width and height (a 1366x768 laptop included).
        self.resizeDocks([self.calc_dock], [330], Qt.Orientation.Horizontal)
        self.resizeDocks([self.diag_dock], [170], Qt.Orientation.Vertical)
        install_menus(self)
        self.autosaver = Autosaver(self.autosave, self)  # writes in a background job
        self.lock_heartbeat = LockHeartbeat(self)  # another computer sees the file still open
        self.saving = False  # a save is being written (no autosave nor lock refresh beside it)
        # Shown until an autosave or a save succeeds: a failing autosave must not go unseen.
        self.autosave_problem = QLabel()
        self.autosave_problem.setObjectName("autosaveProblem")
        theme.style_banner(self.autosave_problem, "warning")
        self.statusBar().addPermanentWidget(self.autosave_problem)
        self.autosave_problem.hide()
        self.autosaver.failed.connect(self._autosave_failed)
        self.autosaver.written.connect(self.autosave_problem.hide)
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(int(self.autosave.interval * 1000))
        self.autosave_timer.timeout.connect(self.autosave_tick)
        self.autosave_timer.start()
        self._prefs_save = QTimer(self)  # see remember_recent
        self._prefs_save.setSingleShot(True)
        self._prefs_save.setInterval(PREFERENCES_SAVE_DELAY_MS)
        self._prefs_save.timeout.connect(lambda: self.prefs.save())
        from jcm_pdd.gui import gc_guard, none_guard  # PySide6 crashes: see the modules

        self.none_guard = none_guard.install(self)
        gc_guard.install()  # objects die on the GUI thread, never in a background job
        window_layout.restore_geometry(self)  # the docks' layout: when a document opens
        if start_page:
            self.show_start()
        else:  # a file is about to be opened (the caller shows the start page if that fails)
            self._update_state()

    def fill_recent(self) -> None:
        self.recent_menu.clear()
        for name in self.prefs.recent_files:
            action = self.recent_menu.addAction(name)
            action.triggered.connect(lambda _=False, n=name: self.open_path(Path(n)))
        self.recent_menu.setEnabled(bool(self.prefs.recent_files))

    @property
    def start_page(self) -> StartPage:
        """The start page, built on first use: opening a file straight away never needs it."""
        if self._start_page is None:
            from jcm_pdd.gui.start_page import StartPage  # (a start on a file never loads it)

            self._start_page = StartPage(self)
            self.stack.addWidget(self._start_page)
        return self._start_page

    # -- state -----------------------------------------------------------------------------
    @property
    def session(self) -> DocumentSession | None:
        return self.controller.session if self.controller else None

    def _update_state(self) -> None:
        session = self.session
        has_doc = session is not None
        read_only = bool(session and session.read_only)
        stack = self.controller.stack if self.controller else None
        self.act_undo.setEnabled(bool(stack and stack.canUndo() and not read_only))
        self.act_redo.setEnabled(bool(stack and stack.canRedo() and not read_only))
        for action in self.writing_actions:
            action.setEnabled(has_doc and not read_only)
        self.act_save_as.setEnabled(has_doc and not read_only)
        self.act_close.setEnabled(has_doc)
        self.act_show_calc.setEnabled(has_doc)
        self.act_compare.setEnabled(bool(session and session.path))
        self.calc_dock.setVisible(has_doc)
        self.diag_dock.setVisible(has_doc)
        title = "JCM PDD Studio"
        if session is not None:
            marker = "*" if session.is_dirty else ""
            title = f"{marker}{session.display_name}{_title_suffix(session)} — JCM PDD Studio"
        self.setWindowTitle(title)

    def show_start(self) -> None:
        self.start_page.refresh(self.prefs.recent_files)
        self.stack.setCurrentWidget(self.start_page)
        self._update_state()

    def show_start_page_only(self) -> None:
        self.start_page.refresh(self.prefs.recent_files)
        self.stack.setCurrentWidget(self.start_page)

    def status(self, message: str) -> None:
        self.statusBar().showMessage(message, 6000)

    # -- documents -------------------------------------------------------------------------
    def set_session(self, session: DocumentSession) -> None:
        """Show ``session`` in the window (the previous document must be closed first)."""
        self._discard_view()
        controller = DocumentController(session, self)
        self.controller = controller
        self._build_view(controller)
        assert self.view is not None
        self.view.navigator.setFocus()  # the keyboard starts at the sections (not C.3's table)
        controller.dirty_changed.connect(lambda _d: self._update_state())
        controller.stack.indexChanged.connect(lambda _i: self._update_state())
        controller.recalculate.connect(self.recalculate)
        self.checker = BackgroundCheck(session, self)
        self.checker.checked.connect(self._show_diagnostics)
        self.checker.failed.connect(self._check_failed)
        controller.recheck.connect(self.recheck)
        state = getattr(session, "package_state", None)
        if state is not None:  # validator mode: findings and sign-offs beside the editor
            from jcm_pdd.gui.review_docks import add_review_docks

            self.review_docks = add_review_docks(self, state)
        restored = window_layout.restore_layout(self)  # where this mode's docks were last time
        self.autosave.reset()
        # The figures and the diagnostics follow once the window has been drawn: the editor is
        # usable at once, and the C.3 panel fills a moment later.
        self.calc_panel.set_figures(FiguresView(message="Calculating…"))  # (the panel's words)
        self.diag_panel.set_checking()
        self._fit_diagnostics_dock(False)  # one line until the check says more
        controller.schedule_recalc()
        controller.schedule_recheck()
        self._update_state()  # shows the diagnostics dock, which would cover the review docks
        # Once the dock area has laid out its tabs, the first review dock goes on top (at its
        # starting height unless the reviewer's own layout was put back).
        self._layout_restored = restored
        QTimer.singleShot(0, self._raise_first_review_dock)
        QTimer.singleShot(0, self._settle_keyboard)  # (after the window is drawn)
        self.document_opened.emit()

    def _settle_keyboard(self) -> None:
        from jcm_pdd.gui.keyboard import settle  # focus seen: tab bars, selections

        settle(self)

    def _raise_first_review_dock(self) -> None:
        if self.review_docks:
            self.review_docks[0].raise_()
            if self._layout_restored:
                return
            # The form keeps the larger share: the review docks start at about a quarter of
            # the window's height (a 1366x768 laptop included); the reviewer may drag it.
            height = round(self.height() * REVIEW_DOCK_SHARE)
            docks = self.review_docks
            self.resizeDocks(docks, [height] * len(docks), Qt.Orientation.Vertical)

    def _build_view(self, controller: DocumentController, section_id: str = "") -> None:
        self.view = DocumentView(controller, self.status)
        attach_confidential(self, self.view)
        if _package_or_read_only(controller.session):  # (the package modules load only then)
            from jcm_pdd.gui.package_window import banner_for

            shown = banner_for(controller.session)  # built here: it follows a language change
            if shown is not None:
                self.view.set_banner(*shown)
        offer_take_over(self)  # over a document another instance has locked
        self.stack.addWidget(self.view)
        self.stack.setCurrentWidget(self.view)
        if section_id:
            self.view.show_section(section_id)

    def retranslate(self) -> None:
        """Show the window in the language just installed, without a restart.

        Every text is set through ``tr()`` when a widget is built, so the chrome, the docks and
        the document's editors are built again from the same state. The document, its undo
        history and any unsaved changes are untouched (they live in the session and the
        controller, which are kept). The review docks (validator's, or the participant's
        findings to answer) are built again over the same review, keeping what is typed.
        """
        for toolbar in self.findChildren(QToolBar):
            self.removeToolBar(toolbar)
            toolbar.deleteLater()
        for action in self.findChildren(QAction):
            if action.parent() is self:
                action.deleteLater()
        self.menuBar().clear()
        install_menus(self)
        self.calc_dock.setWindowTitle(tr("Estimated emission reductions (C.3)"))
        self.diag_dock.setWindowTitle(tr("Diagnostics"))
        self.confidential_dock.setWindowTitle(tr("Confidential items"))
        self.confidential_panel.retranslate()
        self.calc_panel.retranslate()
        self.diag_panel.retranslate()
        on_start = self._start_page is not None and self.stack.currentWidget() is self._start_page
        if self._start_page is not None:
            self.stack.removeWidget(self._start_page)
            self._start_page.deleteLater()
            self._start_page = None
        controller = self.controller
        if controller is not None and self.view is not None:
            current = self.view.current_page()
            section_id = getattr(getattr(current, "section", None), "id", "") or getattr(
                current, "page_id", ""
            )  # a form section, or a page of its own (the Monitoring page)
            self.stack.removeWidget(self.view)
            self.view.deleteLater()
            self._build_view(controller, section_id)
            if self.review_docks:
                from jcm_pdd.gui.package_window import rebuild_review_docks

                rebuild_review_docks(self)
            from jcm_pdd.gui import participant

            participant.retranslate(self)
            controller.schedule_recalc()
            controller.recheck_now()
        if on_start or self.view is None:
            self.show_start()
        self._update_state()

    def _discard_view(self) -> None:
        if self.view is not None:  # the layout of this mode's docks, for the next document
            window_layout.remember_layout(self)
        if self.review_docks:
            from jcm_pdd.gui.review_docks import remove_review_docks

            remove_review_docks(self)
        if self.participant_dock is not None or self.participant_review is not None:
            from jcm_pdd.gui.participant import close_review

            close_review(self)
        if self.view is not None:
            self.stack.removeWidget(self.view)
            self.view.deleteLater()
            self.view = None
        if self.checker is not None:  # no result of this document is shown any more
            self.checker.stop()
            self.checker.blockSignals(True)
            self.checker.deleteLater()
            self.checker = None
        if self.controller is not None:
            self.controller.detach()
            self.controller.stack.blockSignals(True)
            self.controller.blockSignals(True)
            self.controller.deleteLater()
            self.controller = None

    def record_acknowledgement(self, template_id: str) -> None:
        """The user ticked or cleared the calculation panel's acknowledgement that the
        methodology is not read from the approved document: recorded in the project (undoable)."""
        if self.controller is None:
            return
        refused = self.controller.edit("pdd.methodology.acknowledged_template", template_id)
        if refused:
            self.statusBar().showMessage(refused, 5000)
        self.recalculate()

    def recalculate(self) -> None:
        session = self.session
        if session is None or self.view is None:
            return
        if self.controller is not None and self.controller.only_monitoring_changed():
            return  # a monitored value: C.3 reads none (the Monitoring page recalculates)
        figures = estimate_figures(session.project)
        place = ""
        if figures.message_path and self.prefs.language != "en":
            from jcm_pdd.session.labels import path_label

            place = path_label(self.view.sections, figures.message_path, self.prefs.language)
        self.calc_panel.set_figures(figures, place)
        self.figures_updated.emit()

    def recheck(self, at_once: bool = False) -> None:
        """Check the document: in the background once typing pauses (the window never waits
        for it, ``_show_diagnostics`` follows), or ``at_once`` for a caller that reads the list
        as soon as this returns (packaging, a language switch: the whole window is rebuilt
        then anyway)."""
        if self.session is None or self.view is None or self.checker is None:
            return
        if at_once:
            self._show_diagnostics(self.checker.check_now(self.prefs.language))
        else:
            self.checker.request(self.prefs.language)

    def checks_pending(self) -> bool:
        """A check is scheduled or under way: the Diagnostics list may still change."""
        return self.controller is not None and (
            self.controller.recheck_due or (self.checker is not None and self.checker.busy)
        )

    def wait_for_checks(self, timeout: float = 60.0) -> None:
        """Handle events until the scheduled and running checks are shown (tests, scripts)."""
        deadline = time.monotonic() + timeout
        while self.checks_pending():
            if time.monotonic() > deadline:
                raise TimeoutError("the diagnostics did not finish in time")
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            QThread.msleep(2)
        QCoreApplication.processEvents()  # the queued result, if it just arrived

    def _check_failed(self, message: str) -> None:
        # In the Diagnostics panel's own line (it says the work stopped, and why) instead of
        # the list, which is of an older state, until a check succeeds; and in the status bar,
        # where the eye is while typing.
        self.diag_panel.set_checking()
        self.diag_panel.summary.setText(message)
        self.statusBar().showMessage(message, 10000)

    def _show_diagnostics(self, found: list[DiagnosticView]) -> None:
        """Show the diagnostics of the newest state (on the GUI thread)."""
        view = self.view
        if view is None:
            return
        order = {section.id: n for n, section in enumerate(view.sections)}
        section_of = {d.path: view.section_of_path(d.path) for d in found}
        # In the order of the submission (PDD A to F, Monitoring Plan, MoC), as a reader
        # works through it, within each severity (sorted() keeps the path order within a section).
        diagnostics = sorted(
            found,
            key=lambda d: (
                SEVERITY_ORDER.get(d.severity, 3),
                order.get(section_of[d.path] or "", len(order)),
            ),
        )
        from jcm_pdd.session.labels import labels_for

        labels = labels_for(view.sections, [d.path for d in diagnostics], self.prefs.language)
        self.diag_panel.set_diagnostics(diagnostics, labels)
        self._fit_diagnostics_dock(bool(diagnostics))
        problems: dict[str, int] = {}
        for d in diagnostics:
            sid = section_of[d.path]
            if d.severity == "error" and sid:
                problems[sid] = problems.get(sid, 0) + 1
        view.refresh_marks(problems)
        self.diagnostics_updated.emit()

    def _fit_diagnostics_dock(self, has_problems: bool) -> None:
        """One line high when there is nothing to list; a list's height when there is."""
        low = self.diag_panel.summary.sizeHint().height() + 40  # the line and the dock title
        if self.review_docks:  # a tab beside the review docks: their height, not one line's
            self.diag_dock.setMaximumHeight(16777215)
            self._diag_dock_low = False
        elif not has_problems:
            self.diag_dock.setMaximumHeight(low)  # the editor takes the height back
            self._diag_dock_low = True
        elif self._diag_dock_low:  # (a flag: the line's height differs by text and script)
            self.diag_dock.setMaximumHeight(16777215)  # QWIDGETSIZE_MAX: resizable again
            self.resizeDocks([self.diag_dock], [170], Qt.Orientation.Vertical)
            self._diag_dock_low = False

    def go_to_target(self, target: str) -> None:
        """A navigator section key (``PDD:A.3``) or a model path."""
        if self.view is None:
            return
        if any(s.id == target for s in self.view.sections):
            from jcm_pdd.gui.keyboard import first_focus

            self.stack.setCurrentWidget(self.view)
            field = first_focus(self.view.show_section(target))
            if field is not None:  # the keyboard goes on where the eyes went: the section
                field.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.go_to_path(target)

    def go_to_path(self, path: str) -> None:
        if self.view is not None:
            self.stack.setCurrentWidget(self.view)
            self.view.focus_path(path)

    def new_project(self) -> None:
        if not self.close_document():
            return
        from jcm_pdd.gui.wizard import NewProjectWizard

        wizard = NewProjectWizard(self)
        if wizard.exec():
            self.set_session(session_io.new_document(wizard.project()))

    def start_folder(self) -> Path:
        """Where a file dialog starts: the open project's folder, else the folder of the last
        file opened, else the user's documents; never the working directory."""
        from jcm_pdd.gui.export_dialog import documents_folder

        session = self.session
        if session is not None and session.path is not None:
            return session.path.parent
        for name in self.prefs.recent_files:
            if Path(name).parent.is_dir():
                return Path(name).parent
        return documents_folder()

    def open_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, tr("Open"), str(self.start_folder()), tr(OPEN_FILTER)
        )
        if name:
            self.open_path(Path(name))

    def open_path(self, path: Path) -> bool:
        asked = path  # what the user opened goes into the recent files
        if path.suffix.lower() == ".jcmreview":  # a review opens with its package
            from jcm_pdd.package.review import package_for_review

            try:
                path = package_for_review(path)
            except UserError as exc:
                QMessageBox.warning(self, tr("Cannot open"), exc.message)
                return False
        if path.suffix.lower() == ".jcmpkg":
            from jcm_pdd.gui.package_window import open_package_in

            opened = open_package_in(self, path)
            if opened:  # validators reopen their packages and reviews from the start page
                self.remember_recent(asked)
            return opened
        if self._is_open(path) and not self.close_document():
            return False  # the same file again: this window's lock goes before it is reopened
        # The file is read, locked and checked before the open document is closed: a file
        # that cannot be opened leaves the window as it was, with its unsaved changes.
        try:
            if _is_sample(path):
                # The bundled sample is opened as an untitled copy, so saving never alters it.
                session = session_io.open_document(path, lock=False)
                session.path = None
            else:
                session = session_io.open_document(path)
        except UserError as exc:
            QMessageBox.warning(self, tr("Cannot open"), exc.message)
            return False
        try:
            # The project's own form definitions are validated when first used (the app start
            # reads the files, not their content): a broken one is refused here, naming the file.
            load_forms().for_project(session.project)
        except UserError as exc:
            if session.lock is not None:  # not opened after all: another may open it
                session.lock.release()
            QMessageBox.warning(self, tr("Cannot open"), exc.message)
            return False
        if not self.close_document():  # cancelled at "Save the changes…?"
            if session.lock is not None:
                session.lock.release()
            return False
        self.set_session(session)
        if session.path is not None:
            self.remember_recent(session.path)
        return True

    def remember_recent(self, path: Path) -> None:
        """``path`` heads the recent files at once; the preferences file follows a moment
        later (and again at close). It is written durably (two fsyncs, which on a laptop's disk
        can take longer than drawing the window): not while a double-clicked file opens."""
        self.prefs.add_recent(path)
        self._prefs_save.start()

    def _is_open(self, path: Path) -> bool:
        """Whether ``path`` is the file of the open document (by any name for it)."""
        current = self.session.path if self.session is not None else None
        if current is None:
            return False
        try:
            return current.resolve() == path.resolve() or current.samefile(path)
        except OSError:  # either is gone or unreadable: not the same open file
            return False

    def save(self) -> bool:
        session = self.session
        if session is None or session.read_only:
            return False
        if session.path is None:
            return self.save_as()
        return self._save_to(session.path)

    def save_as(self) -> bool:
        session = self.session
        if session is None or session.read_only:
            return False
        suggested = (session.project.pdd.title or tr("Untitled")).replace("/", "-") + ".jcmpdd"
        name, _ = QFileDialog.getSaveFileName(
            self, tr("Save As"), str(self.start_folder() / suggested), tr(PROJECT_FILTER)
        )
        if not name:
            return False
        path = Path(name)
        if path.suffix.lower() != ".jcmpdd":
            path = path.with_suffix(".jcmpdd")
        return self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        session = self.session
        assert session is not None and self.controller is not None
        self.autosaver.wait()  # never two writes at once; the save then drops its copy
        self.lock_heartbeat.wait()
        summary = self.summary()
        from jcm_pdd.gui.jobs import wait_for_job

        # A project with hundreds of MB of attachments takes seconds to write: in a job, while
        # the window keeps drawing (the user's input waits until the file is written).
        self.saving = True
        try:
            wait_for_job(
                self,
                tr("Saving “{0}”…").format(path.name),
                lambda: session_io.save_document(session, path, summary),
            )
        except UserError as exc:
            QMessageBox.critical(self, tr("Not saved"), exc.message)
            return False
        finally:
            self.saving = False
        self.controller.mark_saved()
        self.lock_heartbeat.saved()  # a taken-over file saved under another name: ours again
        self.autosave.reset()
        self.autosave_problem.hide()
        self.remember_recent(path)
        self.status(tr("Saved {0}").format(path.name))
        self._update_state()
        return True

    def summary(self) -> dict[str, object]:
        """Key figures for the start page, stored in the manifest."""
        session = self.session
        assert session is not None and self.view is not None
        figures = self.calc_panel.figures
        filled = required = 0
        for section in self.view.sections:
            f, r = section_completeness(session.project, section)
            filled += f
            required += r
        per_year = ""
        if figures.c3 is not None and figures.c3.rows:
            per_year = str(figures.c3.er_per_full_year)  # a full year of C.3, as documents show
        return {
            "er_per_year": per_year,
            "completeness": round(100 * filled / required) if required else 100,
        }

    def close_document(self) -> bool:
        """Close the open document, asking first about unsaved changes; False if cancelled."""
        session = self.session
        if session is None:
            return True
        if session.is_dirty and not session.read_only:
            answer = QMessageBox.question(
                self,
                tr("Unsaved changes"),
                tr("Save the changes to “{0}” before closing?").format(session.display_name),
                QMessageBox.StandardButton.Save
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Save,
            )
            if answer == QMessageBox.StandardButton.Cancel:
                return False
            if answer == QMessageBox.StandardButton.Save and not self.save():
                return False
        self.drop_document()
        return True

    def drop_document(self) -> None:
        """Close the document without asking: release it, clear the panels, show the start."""
        session = self.session
        self.autosaver.wait()  # a copy being written is known, and dropped, before closing
        self.lock_heartbeat.wait()
        self.autosave_problem.hide()
        if session is not None and session.read_only is None:
            session_io.close_document(session)
        elif (package := getattr(session, "package", None)) is not None:
            package.close()  # a validation package's session (gui.validator.PackageSession)
        self._discard_view()
        self.calc_panel.set_figures(estimate_figures(Project()))
        self.diag_panel.set_diagnostics([])
        self.show_start()

    def undo(self) -> None:
        if self.controller and not self.controller.read_only:
            self.controller.stack.undo()

    def redo(self) -> None:
        if self.controller and not self.controller.read_only:
            self.controller.stack.redo()

    # -- autosave --------------------------------------------------------------------------
    def autosave_tick(self) -> bool:
        """Start writing the recovery copy in the background if one is due; True if started."""
        session = self.session
        if session is None or session.read_only or self.saving:
            return False
        checker = self.checker  # its copy of the project spares the GUI thread a dump
        return self.autosaver.tick(
            session, time.monotonic(), checker.project_copy if checker is not None else None
        )

    def _autosave_failed(self, message: str) -> None:
        text = tr("Autosave failed: {0}").format(message)
        self.autosave_problem.setText(text)
        self.autosave_problem.setToolTip(text)
        self.autosave_problem.show()

    # -- dialogs ---------------------------------------------------------------------------
    def export_dialog(self) -> QWidget | None:
        if self.session is None or self.session.read_only:
            return None
        from jcm_pdd.gui.export_dialog import ExportDialog

        dialog = ExportDialog(self.session, self, self.prefs.language)
        dialog.go_to_path.connect(self.go_to_path)
        dialog.open()
        return dialog

    def package_dialog(self) -> QWidget | None:
        from jcm_pdd.gui.package_window import package_dialog

        return package_dialog(self)

    def compare_dialog(self) -> QWidget | None:
        """Compare the open file (project or package round) with another one."""
        from jcm_pdd.gui.diff_view import compare_with

        return compare_with(self, self.session.path if self.session else None)

    def preferences_dialog(self) -> None:
        from jcm_pdd.gui.preferences_dialog import PreferencesDialog

        dialog = PreferencesDialog(self.prefs, self)
        language = self.prefs.language
        if dialog.exec():
            self.prefs.save()
            if self.review_docks:  # findings and sign-offs from now on carry the new name
                from jcm_pdd.gui.review_docks import reviewer_name

                self.findings_panel.author = reviewer_name(self)
                self.signoff_panel.reviewer = reviewer_name(self)
            if self.prefs.language != language:
                self.retranslate()

    # -- closing ---------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if not self.close_document():
            event.ignore()
            return
        self.prefs.geometry = window_layout.encode(self.saveGeometry())
        self._prefs_save.stop()
        self.prefs.save()
        event.accept()


def _package_or_read_only(session: DocumentSession) -> bool:
    """Whether ``session`` is a validation package or read-only: only then do the banner and the
    title need ``package_window`` (which loads the package and review modules, not needed to
    start on a project)."""
    return session.read_only is not None or getattr(session, "package_state", None) is not None


def _title_suffix(session: DocumentSession) -> str:
    if not _package_or_read_only(session):
        return ""
    from jcm_pdd.gui.package_window import title_suffix

    return title_suffix(session)


def _is_sample(path: Path) -> bool:
    try:
        return path.resolve() == sample_project_path().resolve()
    except FileNotFoundError:
        return False
