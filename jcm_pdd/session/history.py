"""The undo history of a document: a list of ``Change(path, old, new)`` steps with merge rules.

Anki's habit: undo semantics live in the core, the GUI only reflects them. Typing in one field
produces many changes; consecutive changes of the same path within ``merge_window`` seconds
merge into one step, so one undo takes back the whole word or number. A step never merges into
the step that was current when the document was last saved (Qt's QUndoStack follows the same
rule), so "undo back to the saved state" is always possible. Structural edits (adding or
removing table rows) never merge: a ``row`` step inserts or removes one row (``old``/``new`` are
(index, row) and (index, None)), a ``rows`` step replaces the whole list. A ``multi`` step changes
several paths at once (``old``/``new`` map each path to its value), e.g. removing a row together
with the confidential marks on it, so one undo restores both.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

ChangeKind = Literal["set", "rows", "row", "multi"]
DEFAULT_MERGE_WINDOW = 2.0  # seconds: longer than a typing pause, shorter than a new thought


@dataclass(frozen=True)
class Change:
    """One step: the value at ``path`` went from ``old`` to ``new`` at time ``at`` (seconds)."""

    path: str
    old: Any
    new: Any
    kind: ChangeKind = "set"
    at: float = 0.0

    def can_merge(self, later: Change, window: float = DEFAULT_MERGE_WINDOW) -> bool:
        """Whether ``later`` continues this step (same field, typed soon after)."""
        return (
            self.kind == "set"
            and later.kind == "set"
            and self.path == later.path
            and 0.0 <= later.at - self.at <= window
        )

    def merged(self, later: Change) -> Change:
        """One step from this step's old value to ``later``'s new value, timed as ``later``."""
        return Change(self.path, self.old, later.new, self.kind, later.at)


class ChangeHistory:
    """Undo/redo over ``Change`` steps, with a clean index marking the saved state."""

    def __init__(self, merge_window: float = DEFAULT_MERGE_WINDOW) -> None:
        self.merge_window = merge_window
        self._steps: list[Change] = []
        self._index = 0  # number of applied steps; steps[index:] are redoable
        self._clean: int | None = 0  # None once the saved state was dropped from the history
        self.listeners: list[Callable[[], None]] = []

    # -- state -----------------------------------------------------------------------------
    @property
    def index(self) -> int:
        return self._index

    @property
    def steps(self) -> tuple[Change, ...]:
        return tuple(self._steps)

    @property
    def is_dirty(self) -> bool:
        return self._clean != self._index

    def can_undo(self) -> bool:
        return self._index > 0

    def can_redo(self) -> bool:
        return self._index < len(self._steps)

    # -- edits -----------------------------------------------------------------------------
    def record(self, change: Change) -> bool:
        """Record an applied change; return True when it merged into the current step."""
        if self._index < len(self._steps):
            # A new edit after undo discards the redo tail; a clean mark in it is unreachable.
            del self._steps[self._index :]
            if self._clean is not None and self._clean > self._index:
                self._clean = None
        top = self._steps[-1] if self._steps else None
        merge = (
            top is not None
            and self._clean != self._index
            and top.can_merge(change, self.merge_window)
        )
        if merge and top is not None:
            self._steps[-1] = top.merged(change)
        else:
            self._steps.append(change)
            self._index += 1
        self._notify()
        return merge

    def undo(self) -> Change:
        """Step back; return the step to revert (the caller writes ``change.old``)."""
        if not self.can_undo():
            raise IndexError("nothing to undo")
        self._index -= 1
        change = self._steps[self._index]
        self._notify()
        return change

    def redo(self) -> Change:
        """Step forward; return the step to re-apply (the caller writes ``change.new``)."""
        if not self.can_redo():
            raise IndexError("nothing to redo")
        change = self._steps[self._index]
        self._index += 1
        self._notify()
        return change

    def mark_clean(self) -> None:
        """The document was saved: the current state is the clean one."""
        self._clean = self._index
        self._notify()

    def mark_unsaved(self) -> None:
        """No state in this history matches a saved file (e.g. restored unsaved work)."""
        self._clean = None
        self._notify()

    def clear(self) -> None:
        self._steps.clear()
        self._index = 0
        self._clean = 0
        self._notify()

    def _notify(self) -> None:
        for listener in list(self.listeners):
            listener()
