"""Reading project values for an export, with confidential values replaced by "XXX".

Every builder reads values through a ``FieldReader`` by model path, so the public copy cannot
leak a confidential value through a forgotten code path: the decision is made in one place.
``Project.confidential`` lists marks: stable model paths (rows by identity, see
``jcm_pdd.model.marks``) or patterns (``*`` = any row); a listed path also covers everything
beneath it (a mark on a site's row hides the whole site). The reader resolves the marks to the
rows' current positions once; a mark that points at nothing (``dangling``) must stop a public
export (``refuse_dangling_marks``), never be skipped.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from jcm_pdd.errors import UserError
from jcm_pdd.model import Project
from jcm_pdd.model.marks import dangling, index_path
from jcm_pdd.model.paths import PathError, get_value, split

REDACTED = "XXX"


def _matches(pattern: list[str], path: list[str]) -> bool:
    """Whether ``path`` equals ``pattern`` or lies beneath it (``*`` matches one segment)."""
    if len(path) < len(pattern):
        return False
    return all(p == "*" or p == q for p, q in zip(pattern, path, strict=False))


def format_decimal(value: Decimal) -> str:
    """A Decimal without exponent or trailing zeros, e.g. 1.50 -> 1.5, 1E+3 -> 1000."""
    text = format(value.normalize(), "f")
    return text


def format_value(value: Any, date_format: str = "%d/%m/%Y") -> str:
    """How a model value is printed in a document (dates dd/mm/yyyy as the JCM forms do)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, Decimal):
        return format_decimal(value)
    if isinstance(value, dt.date):
        return value.strftime(date_format)
    return str(value)


class FieldReader:
    """Reads values by path from ``project``; in a public copy confidential ones read "XXX"."""

    def __init__(self, project: Project, *, public: bool) -> None:
        self.project = project
        self.public = public
        resolved = (index_path(project, mark) for mark in project.confidential if mark)
        self._patterns = [split(p) for p in resolved if p]

    def is_confidential(self, path: str) -> bool:
        parts = split(path)
        return any(_matches(pattern, parts) for pattern in self._patterns)

    def hidden(self, path: str) -> bool:
        return self.public and self.is_confidential(path)

    def raw(self, path: str) -> Any:
        """The value itself (for counting rows etc.); None where the path leads nowhere."""
        try:
            return get_value(self.project, path)
        except PathError:
            return None

    def text(self, path: str, date_format: str = "%d/%m/%Y") -> str:
        """The printable value at ``path``, or "XXX" when hidden in this copy."""
        value = self.raw(path)
        if self.hidden(path):
            # An empty marked field hides nothing: XXX would claim a value that is not there.
            return "" if value in (None, "") else REDACTED
        return format_value(value, date_format)


def refuse_dangling_marks(project: Project) -> None:
    """A public copy is refused while a confidential mark points at nothing: what it hid may
    now be elsewhere, and guessing would risk printing it."""
    lost = dangling(project, project.confidential)
    if lost:
        listed = "; ".join(lost[:5]) + (f" and {len(lost) - 5} more" if len(lost) > 5 else "")
        raise UserError(
            f"{len(lost)} confidential mark(s) point at a row or field that no longer exists "
            f"({listed}). Restore the row (undo) or remove the mark in Confidential items, "
            "then export the public copy again."
        )
