"""The Diagnostics off the GUI thread (issue 17): one check at a time, on a copy, the latest wins.

On a 300-unit, 120-period project ``run_diagnostics`` takes 0.6-1.3 s; run on the GUI thread
once typing paused, it froze the window that long. ``BackgroundCheck.request`` instead takes a
copy of the project (``session.check_copy``: only what changed is copied again; a first copy
a slice of periods per pass of the event loop) and runs the check in a ``jobs.SingleJob``
thread; ``checked`` brings the diagnostics back on the GUI thread.
Every request bumps a generation: a check that ends after a newer request is dropped, never
shown, and the newest state is checked next (one check at a time, so a burst of requests
costs one more check, not one each). ``check_now`` is the synchronous path for a caller that
judges by the list at once (the Package dialog, a language switch): it waits for the check
under way (dropping it) and checks the live project on the GUI thread. A bug in the check
reaches the crash log (``jobs.Worker``) and ``failed`` in the user's words.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from jcm_pdd.errors import UserError
from jcm_pdd.gui.jobs import Progress, SingleJob
from jcm_pdd.model import Project
from jcm_pdd.session import DocumentSession
from jcm_pdd.session.check_copy import CheckCopier
from jcm_pdd.session.diagnostics import DiagnosticView, run_diagnostics

SLICE_S = 0.02  # the longest the copy keeps the window from its events at a time


class BackgroundCheck(QObject):
    checked = Signal(object)  # the diagnostics (list) of the newest state requested
    failed = Signal(str)  # why the check stopped, in the user's words

    def __init__(self, session: DocumentSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._copier = CheckCopier(session)
        self._job = SingleJob(self)
        self._requested = 0  # generation of the newest request
        self._running = 0  # generation the check under way was started for
        self._language = "en"
        self._preparing = False  # the copy is being made, a slice per pass of the event loop

    @property
    def busy(self) -> bool:
        """A check is under way (or its copy is being made, or its result not handled yet)."""
        return self._job.busy or self._preparing

    def request(self, language: str) -> None:
        """Check the project as it is now, in the background; ``checked`` follows."""
        self._requested += 1
        self._language = language
        if not self.busy:
            self._start()
        # else: the check under way is stale; _finished drops it and starts this one

    def check_now(self, language: str) -> list[DiagnosticView]:
        """The diagnostics of the project as it is now, on this thread (a check under way is
        waited for and dropped: its state is older)."""
        self._requested += 1
        self._preparing = False  # the check below is of a newer state than that copy's
        self._job.join()
        return run_diagnostics(self.session.project, language)

    def stop(self) -> None:
        """The document closes: no result of it is handled any more."""
        self._requested += 1
        self._preparing = False
        self._job.join()
        self._copier.detach()

    def project_copy(self) -> Project | None:
        """The project as it is now, in a copy nobody writes (for the autosave's background
        write), or None while the first copy of a big project is still being made."""
        return self._copier.copy_if_ready(SLICE_S)

    def _start(self) -> None:
        self._preparing = True
        if not self._copier.prepare(SLICE_S):
            QTimer.singleShot(0, self, self._prepare_more)  # the window's events in between
            return
        self._preparing = False
        project = self._copier.copy()  # on this thread, between two edits
        language = self._language

        def job(_progress: Progress) -> Any:
            return run_diagnostics(project, language)

        self._running = self._requested
        self._job.start(job, self._finished)

    def _prepare_more(self) -> None:
        if self._preparing:  # (not stopped meanwhile)
            self._start()

    def _finished(self, result: object) -> None:
        # Not called for a check waited for (and dropped) by check_now or stop.
        if self._running != self._requested:
            self._start()  # edited meanwhile: this result is of an older state
            return
        if isinstance(result, UserError):
            self.failed.emit(result.message)
            return
        self.checked.emit(result)
