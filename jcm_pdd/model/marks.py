"""Confidential marks: which values the public copy of every export shows as "XXX".

``Project.confidential`` lists *stable* model paths: a row is named by its identity
(``pdd.stakeholder_comments.@3f9a2c1e.comment``), not by its position, so a mark belongs to the
value and follows it when rows are inserted, removed or moved, and through undo and redo
(issue 13: marks that followed row numbers printed a confidential comment after a row above it
was removed). A mark may name a field, a whole row (everything beneath it) or, for
compatibility, a pattern with ``*`` (every row). A mark whose row is gone *dangles*: checks
report it and a public export is refused until it is removed or the row restored.

Paths given with row numbers (older files, scripts, the editors' positions) are turned into
stable ones against the current rows by :func:`stable_path`; :func:`index_path` turns a mark
back into the row-number path the exporters read, or None when it dangles.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from jcm_pdd.model.paths import PathError, split, step


def _walk(root: BaseModel, path: str, *, stable: bool) -> str | None:
    """``path`` with each row step written by identity (``stable``) or by number; None when
    a step leads nowhere. Steps after a ``*`` are kept as they are (a pattern)."""
    node: Any = root
    out: list[str] = []
    parts = split(path)
    for number, part in enumerate(parts):
        if part == "*":
            return ".".join(out + parts[number:])
        try:
            child = step(node, part, path)
        except PathError:
            return None
        if isinstance(node, list):
            row_id = getattr(child, "row_id", None)
            if stable and row_id:
                part = f"@{row_id}"
            elif not stable:
                part = str(next(n for n, row in enumerate(node) if row is child))
        out.append(part)
        node = child
    return ".".join(out)


def stable_path(root: BaseModel, path: str) -> str:
    """``path`` with its row numbers replaced by row identities (unchanged where it leads
    nowhere, so a dangling path stays visible as such)."""
    if not any(part.isdigit() for part in split(path)):
        return path
    found = _walk(root, path, stable=True)
    return path if found is None else found


def index_path(root: BaseModel, mark: str) -> str | None:
    """The row-number path a mark names now, or None when it dangles (its row is gone)."""
    return _walk(root, mark, stable=False)


def dangling(root: BaseModel, marks: list[str]) -> list[str]:
    """The marks that point at nothing."""
    return [mark for mark in marks if mark and index_path(root, mark) is None]


def is_marked(root: BaseModel, marks: list[str], path: str) -> bool:
    """Whether exactly ``path`` (a field, cell or row, by number or identity) carries a mark."""
    wanted = stable_path(root, path)
    return wanted in marks


def toggled(root: BaseModel, marks: list[str], path: str) -> list[str]:
    """``marks`` with the mark of ``path`` added, or removed when it is there."""
    wanted = stable_path(root, path)
    if wanted in marks:
        return [m for m in marks if m != wanted]
    return [*marks, wanted]
