"""Start-up of the desktop app: the one function the CLI calls, ``run_app(path)``.

Sequence: create the QApplication (or reuse one, in tests), load preferences and the interface
language, build the main window, offer any recovery copies left by a crash, open the file asked
for (or show the start page), and run the event loop; files the system hands over later (macOS
file-open events) open in the same window. Heavy modules (QtCharts, exporters,
packaging) are imported later, when first used.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from jcm_pdd.errors import UserError
from jcm_pdd.gui.i18n import install_language
from jcm_pdd.gui.mainwindow import MainWindow
from jcm_pdd.gui.preferences import Preferences
from jcm_pdd.session import io as session_io

DESKTOP_FILE_NAME = "org.jcmpdd.PddStudio"
# Qt sends QFileOpenEvent on macOS only. The handler is an event filter on the application,
# which sees every event of every widget: in Python each one is a call and a conversion (the
# first event of each kind builds its Python class, the enums with it), about 20 ms of CPU
# before the window is first shown, and a cost on every mouse move after. So elsewhere it is
# not installed.
FILE_OPEN_EVENTS = sys.platform == "darwin"


def application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName("JCM PDD Studio")
    app.setOrganizationName("JCM PDD Studio")
    app.setApplicationDisplayName("JCM PDD Studio")
    # The installed desktop entry's name (packaging/linux): Wayland and the task bar match the
    # window to its menu entry and icon by it.
    app.setDesktopFileName(DESKTOP_FILE_NAME)
    return app


class FileOpenHandler(QObject):
    """macOS hands a double-clicked (or dropped-on-the-Dock) file to a running app as a
    ``QFileOpenEvent``, not as an argument: open it in the window like ``jcm-pdd FILE``."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            path = event.file()
            if path:
                self.window.open_path(Path(path))
                self.window.raise_()
                return True
        return super().eventFilter(watched, event)


def offer_recovery(window: MainWindow) -> bool:
    """Show the recovery dialog if autosave copies are pending; True if one was restored."""
    entries = session_io.pending_recoveries()
    if not entries:
        return False
    from jcm_pdd.gui.recovery_dialog import RecoveryDialog  # only after a crash

    dialog = RecoveryDialog(entries, window)
    if not dialog.exec() or dialog.chosen is None:
        return False
    try:
        session = session_io.restore_recovery(dialog.chosen)
    except UserError as exc:
        QMessageBox.warning(window, dialog.windowTitle(), exc.message)
        return False
    window.set_session(session)
    return True


def build_window(path: Path | None = None, *, recover: bool = True) -> MainWindow:
    """Everything ``run_app`` does except the event loop (tests and benchmarks use this)."""
    application()
    prefs = Preferences.load()
    install_language(prefs.language)
    window = MainWindow(prefs, start_page=path is None)
    window.show()
    restored = recover and offer_recovery(window)
    if path is not None and not restored and not window.open_path(path):
        window.show_start()
    return window


def forms_readable() -> bool:
    """Whether every form definition in ``forms/`` reads; if not, say which and why, once.

    The editors are generated from ``forms/`` and have no hand-written substitute, so the app
    does not start without them (the message also goes to stderr for a terminal user). Every
    file is read here, but only a project's own four definitions are validated, when it opens
    (``MainWindow.open_path`` names a file that does not validate): a start does not pay for
    the other 44 (``jcm-pdd selftest`` and ``jcm-pdd forms --check`` validate all of them)."""
    from jcm_pdd.forms import load_forms

    try:
        load_forms().read_files()
    except UserError as exc:
        text = f"JCM PDD Studio cannot start: {exc.message}"
        print(text, file=sys.stderr)
        QMessageBox.critical(None, "JCM PDD Studio", text)
        return False
    return True


def run_app(path: Path | None = None) -> int:
    app = application()
    if not forms_readable():
        return 1
    from jcm_pdd import crashlog

    crashlog.install()  # from here on a crash leaves its traceback in the user data folder
    window = build_window(path)
    if FILE_OPEN_EVENTS:
        app.installEventFilter(FileOpenHandler(window))
    window.raise_()
    if os.environ.get("JCM_PDD_STARTUP_PROBE"):
        probe(app, window)
    return app.exec()


def probe(app: QApplication, window: MainWindow) -> None:
    """For tests/benchmarks/bench_frozen_start.py (the frozen app has no script to time it):
    print "ready" when the event loop first runs (the window drawn with the file open, taking
    input), then "figures" when the C.3 panel shows the opened project's figures (computed
    once the window is drawn), and quit. Without an open project it quits when ready."""

    def say(what: str, then_quit: bool = False) -> None:
        print(what, time.time(), time.process_time(), flush=True)  # wall clock, CPU seconds
        if then_quit:
            app.quit()

    if window.controller is None:
        QTimer.singleShot(0, lambda: say("ready", then_quit=True))
        return
    QTimer.singleShot(0, lambda: say("ready"))
    window.figures_updated.connect(lambda: say("figures", then_quit=True))
