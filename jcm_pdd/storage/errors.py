"""The one error type of the storage layer: a project file that cannot be read or written.

``ProjectFileError`` is a ``UserError``: its message is written for the person who picked the
file (what is wrong with it, in their words), never a traceback. ``details`` keeps the
individual findings (e.g. one line per schema error) for a dialog that lists them.
"""

from __future__ import annotations

from pathlib import Path

from jcm_pdd.errors import UserError


class ProjectFileError(UserError):
    """A ``.jcmpdd`` file that cannot be opened, migrated or saved, with the reason in words."""

    def __init__(self, path: Path | str, reason: str, details: list[str] | None = None) -> None:
        self.path = Path(path)
        self.reason = reason
        self.details = list(details or [])
        super().__init__(f"Cannot open “{self.path.name}”: {reason}")


class ProjectSaveError(UserError):
    """Saving failed; the file on disk is unchanged (the save was atomic)."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(
            f"Cannot save “{self.path.name}”: {reason} (the file on disk is unchanged)"
        )
