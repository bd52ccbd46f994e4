"""The background-job helper: work off the GUI thread, results and errors back on it.

``Worker(job)`` runs ``job(progress)`` in a ``QThread`` and emits ``finished`` with the result,
or with a ``UserError`` (the user's words) when the job fails. A bug (any other exception) is
written to the crash log (``jcm_pdd.crashlog``) with its traceback, never dropped, and reaches
the user as one sentence in product words. Signals cross to the GUI thread queued, so slots
touch widgets only there (Picard's rule).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from jcm_pdd.crashlog import record
from jcm_pdd.errors import UserError

Progress = Callable[[int, int, str], None]


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


def bug_message() -> str:
    return tr(
        "The work stopped because of an internal problem in JCM PDD Studio (a bug, "
        "please report it); no file was written and your project was not changed."
    )


class Worker(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)  # the result, or a UserError

    def __init__(self, job: Callable[[Progress], Any]) -> None:
        super().__init__()
        self._job = job

    def run(self) -> None:
        try:
            result: Any = self._job(lambda done, total, msg: self.progress.emit(done, total, msg))
        except UserError as exc:
            result = exc
        except Exception as exc:  # a bug: the trace goes to the crash log, the user reads words
            record(exc, "background job")
            result = UserError(bug_message())
        self.finished.emit(result)
