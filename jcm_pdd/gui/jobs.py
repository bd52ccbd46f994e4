"""The background-job helper: work off the GUI thread, results and errors back on it.

``Worker(job)`` runs ``job(progress)`` in a ``QThread`` and emits ``finished`` with the result,
or with a ``UserError`` (the user's words) when the job fails; a damaged installation (a data
file of the app missing) is told as such, in the interface language. A bug (any other
exception) is written to the crash log (``jcm_pdd.crashlog``) with its traceback, never
dropped, and reaches the user as one sentence in product words; a ``UserError`` raised ``from``
an internal failure (a renderer's bug worded for the user) keeps that failure's traceback in
the crash log too. Signals cross to the GUI thread queued, so slots touch widgets only there
(Picard's rule). ``result`` keeps what ``finished`` carried, for a caller that waits for the
thread instead of the queued signal (autosave before a save). ``SingleJob`` runs such jobs one
at a time for an owner that may also wait for the one under way (the autosave, the lock
heartbeat, the background Diagnostics).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QThread, Signal

from jcm_pdd.crashlog import record
from jcm_pdd.errors import InstallationError, UserError

Progress = Callable[[int, int, str], None]


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


def bug_message() -> str:
    return tr(
        "The work stopped because of an internal problem in JCM PDD Studio (a bug, "
        "please report it); no file was written and your project was not changed."
    )


_DOCUMENTS = {  # InstallationError.document (export.api's names), in the interface language
    "PDD (Word)": QT_TRANSLATE_NOOP("", "PDD (Word)"),
    "PDD (PDF)": QT_TRANSLATE_NOOP("", "PDD (PDF)"),
    "Monitoring Plan workbook": QT_TRANSLATE_NOOP("", "Monitoring Plan workbook"),
    "MoC (Word)": QT_TRANSLATE_NOOP("", "MoC (Word)"),
}


def installation_message(exc: InstallationError) -> str:
    document = tr(str(_DOCUMENTS.get(exc.document, exc.document)))
    return tr(
        "The {document} could not be made: a file of JCM PDD Studio is missing or unreadable "
        "({detail}). Your project was not changed. Reinstall the app; “jcm-pdd selftest” shows "
        "what is missing."
    ).format(document=document, detail=exc.detail)


def _keep_cause(exc: UserError) -> None:
    """A UserError standing for an internal failure (a renderer's bug, a data file that cannot
    be read: raised ``from`` it) keeps that failure's traceback in the crash log."""
    if exc.__cause__ is not None and not isinstance(exc.__cause__, UserError):
        record(exc, "background job")


class Worker(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)  # the result, or a UserError

    def __init__(self, job: Callable[[Progress], Any]) -> None:
        super().__init__()
        self._job = job
        self.result: Any = None  # set, in the job's thread, before ``finished`` is emitted

    def run(self) -> None:
        try:
            result: Any = self._job(lambda done, total, msg: self.progress.emit(done, total, msg))
        except InstallationError as exc:
            _keep_cause(exc)
            result = UserError(installation_message(exc))
        except UserError as exc:
            _keep_cause(exc)
            result = exc
        except Exception as exc:  # a bug: the trace goes to the crash log, the user reads words
            record(exc, "background job")
            result = UserError(bug_message())
        self.result = result
        self.finished.emit(result)


class _Done:
    """A job's value, in an object of its own per job (see ``SingleJob``)."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value


class SingleJob(QObject):
    """One background job at a time, whose result the owner takes either when it arrives or by
    waiting for it (``join``), never both.

    ``start(job, on_done)`` runs ``job`` in a ``Worker`` on a thread of its own; ``on_done``
    gets the result (or a ``UserError``) on this object's (the GUI) thread, through the queued
    ``finished`` signal, unless ``join`` took it first; ``finish`` waits for the job and hands
    its result to ``on_done`` at once. Why each step is as it is:

    - The thread has no Qt parent: this object drops the thread and the worker (on the GUI
      thread) once the thread has finished; a parent would keep one of each per job.
    - ``join`` asks the thread to quit directly (a queued request would wait for the GUI thread,
      the one that is waiting) and then waits: the thread ends as soon as its job returns, so
      this cannot hang on a finished job.
    - A result ``join`` has taken already still arrives through ``finished`` later; it is
      ignored, since only the current job's result (``Worker.result``) counts. The job's value
      travels in a box of its own (``_Done``), so that two jobs' results are never the same
      object (two ``None``s would be, and a late ``None`` would make ``_finished`` wait for
      the next job on the GUI thread).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: QThread | None = None
        self._worker: Worker | None = None
        self._on_done: Callable[[Any], None] | None = None

    @property
    def busy(self) -> bool:
        """A job is under way (or its result has not been taken yet)."""
        return self._worker is not None

    def start(self, job: Callable[[Progress], Any], on_done: Callable[[Any], None]) -> None:
        """Run ``job`` in the background; ``on_done(result)`` follows on this thread unless
        ``join`` takes the result first. One job at a time: starting a second is a bug."""
        if self.busy:
            raise RuntimeError("a background job is already under way")

        def boxed(progress: Progress) -> _Done:
            return _Done(job(progress))

        thread = QThread()  # no Qt parent: dropped in join once it has finished
        worker = Worker(boxed)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.finished.connect(self._finished)  # queued: runs on this (the GUI) thread
        self._thread, self._worker, self._on_done = thread, worker, on_done
        thread.start()

    def join(self) -> Any:
        """Wait for the job under way to end and take its result (None if there was no job);
        its ``on_done`` is then not called."""
        thread, worker = self._thread, self._worker
        if thread is None or worker is None:
            return None
        thread.quit()  # asked directly: the thread ends as soon as its job returns
        thread.wait()
        self._thread = self._worker = self._on_done = None
        result = worker.result  # a _Done, or the UserError the Worker made of a failure
        return result.value if isinstance(result, _Done) else result

    def finish(self) -> None:
        """Wait for the job under way, if any, to end and hand its result to its ``on_done``
        now (an autosave before a save, a heartbeat before a close)."""
        on_done = self._on_done
        if on_done is not None:
            on_done(self.join())

    def _finished(self, result: object) -> None:
        # A result join has taken already arrives here later: only the current job's counts.
        if self._worker is not None and result is self._worker.result:
            self.finish()


def wait_for_job(
    parent: QObject | None, label: str, job: Callable[[], Any], *, show_after_ms: int = 400
) -> Any:
    """Run ``job`` off the GUI thread and return its result (raise its ``UserError``), for a
    caller that needs the result before it goes on (opening a package verifies every file:
    seconds for a package of 500 MB, during which the window drew nothing).

    Meanwhile the GUI thread keeps drawing and its timers run, but the user's input waits
    (``ExcludeUserInputEvents``: keys and clicks are handled once the job is done, so nothing
    can act on a half-opened document); after ``show_after_ms`` a window-modal busy dialog
    says what is under way."""
    from PySide6.QtCore import QEventLoop, Qt
    from PySide6.QtWidgets import QProgressDialog, QWidget

    loop = QEventLoop()
    results: list[Any] = []

    def done(result: Any) -> None:
        results.append(result)
        loop.quit()

    runner = SingleJob()
    runner.start(lambda _progress: job(), done)
    dialog = QProgressDialog(label, "", 0, 0, parent if isinstance(parent, QWidget) else None)
    dialog.setCancelButton(None)  # no Cancel: the job cannot be stopped halfway
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(show_after_ms)
    dialog.setValue(0)  # starts the timer that shows it once the wait is long enough
    if not results:
        loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    dialog.reset()
    dialog.close()
    dialog.deleteLater()
    result = results[0]
    if isinstance(result, UserError):
        raise result
    return result
