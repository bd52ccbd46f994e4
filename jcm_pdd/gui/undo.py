"""QUndoCommand over one step of the core ChangeHistory (the core decides merges).

The command does not carry the value itself: the session's history is the source of truth and
the QUndoStack mirrors its index. Each command's first ``redo`` (Qt calls it on push) is a no-op
because the session already applied the change. A command whose step the core merged into the
previous one reports ``merged``; ``mergeWith`` then returns True so Qt drops it too. Both stacks
refuse to merge into the saved (clean) step, so they stay in step.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from jcm_pdd.session import DocumentSession

MERGEABLE_ID = 1


class ChangeCommand(QUndoCommand):
    def __init__(self, session: DocumentSession, label: str, merged: bool, mergeable: bool):
        super().__init__(label)
        self._session = session
        self._first = True
        self.merged = merged
        self._mergeable = mergeable

    def id(self) -> int:
        return MERGEABLE_ID if self._mergeable else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt override
        return isinstance(other, ChangeCommand) and other.merged

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._session.redo()

    def undo(self) -> None:
        self._session.undo()


def edit_label(path: str) -> str:
    field = path.rsplit(".", 1)[-1].replace("_", " ")
    return QCoreApplication.translate("Undo", "Edit {0}").format(field)
