"""The open document's lock heartbeat: refreshed every minute off the GUI thread.

While a document is open and its lock is ours, a timer starts ``ProjectLock.refresh`` in a
background job every ``HEARTBEAT_EVERY`` (reading and writing a small file on what may be a
slow shared drive never holds up typing). Another computer sees the heartbeat and treats a lock
that stopped beating for ``HEARTBEAT_LAPSED`` as stale (``storage.lock``). One refresh at a
time; closing the document or the window ``wait``s for the one under way.

When the refresh finds that another instance has taken the lock over, the document's banner
says who and since when, once per lock, and a save to that file is refused
(``session.io.save_document``); Save As keeps the changes, and once saved under another name
(a lock of ours again) the banner goes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from jcm_pdd.gui.jobs import Progress, SingleJob
from jcm_pdd.storage import ProjectLock
from jcm_pdd.storage.lock import HEARTBEAT_EVERY, LockInfo

if TYPE_CHECKING:
    from jcm_pdd.gui.mainwindow import MainWindow


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


def taken_over_text(name: str, holder: LockInfo) -> str:
    opened = holder.opened_at()
    return tr(
        "“{0}” was taken over by {1} on {2} since {3}: saving it here would overwrite their "
        "changes. Save your changes under another name (File > Save As…)."
    ).format(
        name,
        holder.user or tr("someone"),
        holder.host or tr("an unknown computer"),
        opened.strftime("%Y-%m-%d %H:%M UTC") if opened else tr("an unknown time"),
    )


class LockHeartbeat(QObject):
    taken_over = Signal(object)  # the LockInfo of whoever took the open document's lock

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._job = SingleJob(self)
        self._lock: ProjectLock | None = None
        self._told: ProjectLock | None = None  # the lock whose take-over was already shown
        self.timer = QTimer(self)
        self.timer.setInterval(int(HEARTBEAT_EVERY.total_seconds() * 1000))
        self.timer.timeout.connect(self.tick)
        self.timer.start()
        self.taken_over.connect(self._show)

    @property
    def busy(self) -> bool:
        return self._job.busy

    def tick(self) -> bool:
        """Start a refresh of the open document's lock; True when one was started."""
        session = self._window.session
        lock = session.lock if session is not None else None
        if lock is None or self.busy or lock is self._told or self._window.saving:
            return False  # (a save under way holds or takes the lock itself)

        def job(_progress: Progress) -> LockInfo | None:
            return lock.refresh()

        self._lock = lock
        self._job.start(job, self._apply)
        return True

    def wait(self) -> None:
        """Block until the refresh under way, if any, has ended (before a close)."""
        self._job.finish()

    def _apply(self, result: object) -> None:
        lock, self._lock = self._lock, None
        session = self._window.session
        if isinstance(result, LockInfo) and session is not None and session.lock is lock:
            self._told = lock
            self.taken_over.emit(result)
        # A UserError (a bug, worded) is not the user's business every minute: the crash log
        # has it, and the next heartbeat tries again.

    def saved(self) -> None:
        """After a save: under another name the document holds a lock of its own again."""
        window, told = self._window, self._told
        session = window.session
        if told is None or session is None or session.lock is told or window.view is None:
            return
        self._told = None
        window.view.set_banner(None)

    def _show(self, holder: LockInfo) -> None:
        window = self._window
        session = window.session
        if session is None or window.view is None:
            return
        window.view.set_banner(taken_over_text(session.display_name, holder), "error")
