"""One open document: the project, where it came from, whether it may be written, its history.

Every edit goes through ``DocumentSession.set_value`` / ``insert_row`` / ``remove_row`` so that
validation (pydantic on assignment), the undo history and change notification happen in one
place. Old and new values are deep copies, so a later edit never alters a recorded step.

Confidential marks (``jcm_pdd.model.marks``) name rows by identity, so they follow rows that are
inserted or moved; ``toggle_confidential`` is an undoable edit of the marks; removing a row
removes its marks in the same step; copied rows are pasted with new identities and carry the
marks they had (``copy_rows`` / ``paste_rows``).
"""

from __future__ import annotations

import copy
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args, get_origin

from pydantic import BaseModel

from jcm_pdd.errors import UserError
from jcm_pdd.model import Project
from jcm_pdd.model.base import RowModel, new_row_id
from jcm_pdd.model.marks import is_marked, stable_path, toggled
from jcm_pdd.model.paths import get_value, set_value, split
from jcm_pdd.session.history import Change, ChangeHistory
from jcm_pdd.storage import AttachmentStore, ProjectLock
from jcm_pdd.storage.lock import LockInfo


class ReadOnlyError(UserError):
    """An edit was attempted on a document opened read-only."""


def _snapshot(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_copy(deep=True)
    return copy.deepcopy(value)


@dataclass(frozen=True)
class WorkerCopy:
    """What a background export reads instead of the live document: a deep copy of the project
    and a copy of the attachment store (so figures and evidence files reach the documents)."""

    project: Project
    attachments: AttachmentStore
    path: Path | None


@dataclass(frozen=True)
class RowClip:
    """Copied rows of one table, with the marks on them relative to each row (``""`` = the
    whole row, ``"comment"`` = a field): pasting re-creates the marks on the new rows."""

    list_path: str
    rows: tuple[Any, ...]
    marks: tuple[tuple[str, ...], ...]


class DocumentSession:
    """The project being edited plus its file, attachments, read-only reason and history."""

    def __init__(
        self,
        project: Project,
        path: Path | None = None,
        *,
        attachments: AttachmentStore | None = None,
        read_only: str | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.project = project
        self.path = path
        self.attachments = attachments if attachments is not None else AttachmentStore()
        self.read_only = read_only  # None when editable, else the reason shown in the banner
        self.history = ChangeHistory()
        self.lock: ProjectLock | None = None  # our lock on ``path`` while it is open here
        # Who holds the lock when it is read-only for that reason (the GUI words the banner).
        self.lock_holder: LockInfo | None = None
        self.recovery_key: str | None = None  # the autosave copy of this session, if written
        self.revision = 0  # bumps on every applied change, undo and redo
        self.listeners: list[Callable[[str], None]] = []
        self._clock = clock

    def worker_copy(self) -> WorkerCopy:
        """The document as it is now, for a worker thread that must never see live data."""
        return WorkerCopy(self.project.model_copy(deep=True), self.attachments.copy(), self.path)

    # -- state -----------------------------------------------------------------------------
    @property
    def is_dirty(self) -> bool:
        return self.history.is_dirty

    @property
    def display_name(self) -> str:
        if self.path is not None:
            return self.path.name
        return self.project.pdd.title or "Untitled"

    def value(self, path: str) -> Any:
        return get_value(self.project, path)

    # -- edits -----------------------------------------------------------------------------
    def set_value(self, path: str, value: Any) -> tuple[Change, bool] | None:
        """Write ``value`` at ``path``; return (step, merged) or None if nothing changed.

        Raises ``pydantic.ValidationError`` for a value the model refuses (nothing is changed)
        and ``ReadOnlyError`` in a read-only document.
        """
        self._check_writable()
        old = get_value(self.project, path)
        if old == value:
            return None
        old = _snapshot(old)
        set_value(self.project, path, value)
        new = _snapshot(get_value(self.project, path))  # as validated/coerced by the model
        change = Change(path, old, new, "set", self._clock())
        merged = self.history.record(change)
        self._applied(path)
        return change, merged

    def new_row(self, list_path: str) -> BaseModel:
        """A blank row of the right type for the table at ``list_path``."""
        return row_type(self.project, list_path)()

    def insert_row(self, list_path: str, index: int | None = None, row: Any = None) -> Change:
        rows = list(get_value(self.project, list_path))
        item = self.new_row(list_path) if row is None else row
        if isinstance(item, RowModel) and any(
            getattr(r, "row_id", None) == item.row_id for r in rows
        ):
            item = item.model_copy(update={"row_id": _fresh_id(rows)})  # a copy is a new row
        at = len(rows) if index is None else index
        return self._row_change(list_path, (at, None), (at, _snapshot(item)))

    def remove_row(self, list_path: str, index: int) -> Change:
        rows = list(get_value(self.project, list_path))
        row_mark = stable_path(self.project, f"{list_path}.{index}")
        marks = self.project.confidential
        kept = [m for m in marks if m != row_mark and not m.startswith(row_mark + ".")]
        if kept == marks:
            return self._row_change(list_path, (index, _snapshot(rows[index])), (index, None))
        del rows[index]
        return self._apply_multi({list_path: rows, "confidential": kept})

    def move_row(self, list_path: str, index: int, to: int) -> Change:
        rows = list(get_value(self.project, list_path))
        rows.insert(to, rows.pop(index))
        return self._replace_rows(list_path, rows)

    # -- confidential marks ----------------------------------------------------------------
    def is_confidential(self, path: str) -> bool:
        """Whether ``path`` itself (a field, a cell or a row) carries a confidential mark."""
        return is_marked(self.project, self.project.confidential, path)

    def toggle_confidential(self, path: str) -> Change:
        """Mark ``path`` confidential, or unmark it: one undoable step (never merged with the
        next toggle, unlike typing)."""
        get_value(self.project, path)  # raises PathError for a path that leads nowhere
        marks = toggled(self.project, self.project.confidential, path)
        return self._apply_multi({"confidential": marks})

    def remove_mark(self, mark: str) -> Change:
        """Remove one mark as stored (also one that points at nothing): one undoable step."""
        return self._apply_multi(
            {"confidential": [m for m in self.project.confidential if m != mark]}
        )

    def copy_rows(self, list_path: str, indices: Sequence[int]) -> RowClip:
        rows = get_value(self.project, list_path)
        marks = self.project.confidential
        copied, copied_marks = [], []
        for index in indices:
            prefix = stable_path(self.project, f"{list_path}.{index}")
            copied.append(_snapshot(rows[index]))
            copied_marks.append(
                tuple(
                    "" if m == prefix else m[len(prefix) + 1 :]
                    for m in marks
                    if m == prefix or m.startswith(prefix + ".")
                )
            )
        return RowClip(list_path, tuple(copied), tuple(copied_marks))

    def paste_rows(self, list_path: str, index: int, clip: RowClip) -> Change:
        """Insert the copied rows at ``index`` as new rows (new identities) with their marks."""
        if clip.list_path != list_path:
            raise UserError("These rows were copied from another table.")
        rows = list(get_value(self.project, list_path))
        marks = list(self.project.confidential)
        for offset, (row, row_marks) in enumerate(zip(clip.rows, clip.marks, strict=True)):
            new = _snapshot(row)
            if isinstance(new, RowModel):
                new = new.model_copy(update={"row_id": _fresh_id(rows)})
            rows.insert(index + offset, new)
            base = f"{list_path}.@{getattr(new, 'row_id', '')}"
            marks += [base if m == "" else f"{base}.{m}" for m in row_marks]
        if marks == self.project.confidential:
            return self._replace_rows(list_path, rows)
        return self._apply_multi({list_path: rows, "confidential": marks})

    def _row_change(self, list_path: str, old: tuple[int, Any], new: tuple[int, Any]) -> Change:
        """One row inserted (``old`` = (index, None), ``new`` = (index, row)) or removed (the
        reverse). The step keeps that row only, not the whole table: a table of 120 monitoring
        periods of 300 values each would otherwise be copied twice per added row. Undo and redo
        find the same positions again because the history is linear."""
        self._check_writable()
        self._write_row(list_path, new)
        change = Change(list_path, old, new, "row", self._clock())
        self.history.record(change)
        self._applied(list_path)
        return change

    def _write_row(self, list_path: str, value: tuple[int, Any]) -> None:
        index, row = value
        rows = list(get_value(self.project, list_path))
        if row is None:
            del rows[index]
        else:
            rows.insert(index, _snapshot(row))
        set_value(self.project, list_path, rows)

    def _replace_rows(self, list_path: str, rows: list[Any]) -> Change:
        self._check_writable()
        old = _snapshot(get_value(self.project, list_path))
        set_value(self.project, list_path, rows)
        new = _snapshot(get_value(self.project, list_path))
        change = Change(list_path, old, new, "rows", self._clock())
        self.history.record(change)
        self._applied(list_path)
        return change

    def _apply_multi(self, values: dict[str, Any]) -> Change:
        self._check_writable()
        old = {path: _snapshot(get_value(self.project, path)) for path in values}
        for path, value in values.items():
            set_value(self.project, path, value)
        new = {path: _snapshot(get_value(self.project, path)) for path in values}
        change = Change(next(iter(values)), old, new, "multi", self._clock())
        self.history.record(change)
        self._applied(*values)
        return change

    def set_values(self, values: dict[str, Any]) -> Change:
        """Write several values as one undoable step (e.g. an import: the periods it fills and
        the attachment of its file); every path is reported to the listeners."""
        return self._apply_multi(values)

    # -- undo ------------------------------------------------------------------------------
    def undo(self) -> Change:
        self._check_writable()
        change = self.history.undo()
        self._write(change, change.old)
        return change

    def redo(self) -> Change:
        self._check_writable()
        change = self.history.redo()
        self._write(change, change.new)
        return change

    def _write(self, change: Change, value: Any) -> None:
        if change.kind == "row":
            self._write_row(change.path, value)
            self._applied(change.path)
        elif change.kind == "multi":
            for path, item in value.items():
                set_value(self.project, path, _snapshot(item))
            self._applied(*value)
        else:
            set_value(self.project, change.path, _snapshot(value))
            self._applied(change.path)

    def mark_saved(self, path: Path) -> None:
        self.path = path
        self.history.mark_clean()

    # -- internals -------------------------------------------------------------------------
    def _check_writable(self) -> None:
        if self.read_only is not None:
            raise ReadOnlyError(f"This document is read-only: {self.read_only}")

    def _applied(self, *paths: str) -> None:
        self.revision += 1
        for path in paths:
            for listener in list(self.listeners):
                listener(path)


def _fresh_id(rows: Sequence[Any]) -> str:
    taken = {getattr(row, "row_id", None) for row in rows}
    row_id = new_row_id()
    while row_id in taken:
        row_id = new_row_id()
    return row_id


def row_type(root: BaseModel, list_path: str) -> type[BaseModel]:
    """The model class of the rows of the list at ``list_path`` (e.g. ``pdd.sites`` -> Site)."""
    parts = split(list_path)
    parent = get_value(root, ".".join(parts[:-1])) if len(parts) > 1 else root
    if not isinstance(parent, BaseModel):
        raise TypeError(f"'{list_path}' is not a table of the document")
    annotation = type(parent).model_fields[parts[-1]].annotation
    if get_origin(annotation) is not list:
        raise TypeError(f"'{list_path}' is not a table of the document")
    (item,) = get_args(annotation)
    if not (isinstance(item, type) and issubclass(item, BaseModel)):
        raise TypeError(f"rows of '{list_path}' are not records")
    return item
