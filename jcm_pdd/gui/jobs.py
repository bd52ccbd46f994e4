"""The background-job helper: work off the GUI thread, results and errors back on it.

``Worker(job)`` runs ``job(progress)`` in a ``QThread`` and emits ``finished`` with the result,
or with a ``UserError`` (the user's words) when the job fails; a damaged installation (a data
file of the app missing) is told as such, in the interface language. A bug (any other
exception) is written to the crash log (``jcm_pdd.crashlog``) with its traceback, never
dropped, and reaches the user as one sentence in product words; a ``UserError`` raised ``from``
an internal failure (a renderer's bug worded for the user) keeps that failure's traceback in
the crash log too. Signals cross to the GUI thread queued, so slots touch widgets only there
(Picard's rule). ``result`` keeps what ``finished`` carried, for a caller that waits for the
thread instead of the queued signal (autosave before a save).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal

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
