"""Autosave off the GUI thread: the recovery copy is written by a background job.

When ``AutosavePolicy`` says a copy is due, the document is snapshotted on the GUI thread and
``session.io.write_snapshot`` serialises, compresses and writes it, attachments included, in a
``jobs.SingleJob`` thread; typing goes on meanwhile. The snapshot is the Diagnostics' copy of the
project (``CheckCopier``: renewed only where edited, a few ms) with a copy of the attachment
store; only while that copy is first being made is the project dumped to JSON instead (0.1 s
for 300 units with 120 monitoring periods on a quiet machine, up to 0.6 s under load).
One write at a time: a tick while one runs does nothing (the next tick catches up). A save or
a close first ``wait``s for the write under way and applies its result, so the recovery copy it
must drop is known (a save never races an autosave over the same attachment sources). A failure
is emitted in the user's words (``failed``); the policy is not advanced, so the next tick tries
again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from jcm_pdd.errors import UserError
from jcm_pdd.gui.jobs import Progress, SingleJob
from jcm_pdd.model import Project
from jcm_pdd.session import AutosavePolicy, DocumentSession
from jcm_pdd.session import io as session_io
from jcm_pdd.storage import RecoveryEntry


class Autosaver(QObject):
    written = Signal()  # a recovery copy was written and recorded in its session
    failed = Signal(str)  # why it was not, in the user's words

    def __init__(self, policy: AutosavePolicy, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.policy = policy
        self._job = SingleJob(self)
        self._session: DocumentSession | None = None
        self._revision = 0
        self._due_at = 0.0

    @property
    def busy(self) -> bool:
        """A recovery copy is being written (or its result is not applied yet)."""
        return self._job.busy

    def tick(
        self,
        session: DocumentSession,
        now: float,
        project_copy: Callable[[], Project | None] | None = None,
    ) -> bool:
        """Start writing ``session``'s recovery copy if one is due; True when started.
        ``project_copy`` gives the project in a copy nobody writes, when one is at hand: the
        background job then serialises it, and the GUI thread does not dump the project."""
        if self.busy or session.read_only is not None:
            return False
        if not self.policy.due(now=now, dirty=session.is_dirty, revision=session.revision):
            return False
        snapshot = session_io.snapshot_for_recovery(
            session, project_copy() if project_copy is not None else None
        )

        def job(_progress: Progress) -> RecoveryEntry:
            return session_io.write_snapshot(snapshot)

        self._session, self._revision, self._due_at = session, snapshot.revision, now
        self._job.start(job, self._apply)
        return True

    def wait(self) -> None:
        """Block until the write under way, if any, has ended, and apply its result."""
        self._job.finish()

    def _apply(self, result: object) -> None:
        session = self._session
        assert session is not None
        self._session = None
        if isinstance(result, UserError):
            self.failed.emit(result.message)
            return
        assert isinstance(result, RecoveryEntry)
        session_io.recovery_written(session, result)
        self.policy.written(now=self._due_at, revision=self._revision)
        self.written.emit()
