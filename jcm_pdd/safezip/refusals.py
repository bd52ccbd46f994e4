"""Why a zip is refused, as data: each ``Problem`` with its facts, and the callers' words.

``jcm_pdd.safezip.reader`` reports every broken rule as a ``Refusal``; it never words one.
A caller (project file, validation package) keeps a template for every ``Problem`` (its
``Words``) and ``words_for`` turns that table into the ``refuse`` function the reader calls, so
each file type explains itself in its own terms while the rules stay in one place. Also here:
``name_problem`` (the entry name rules, which a package writer applies to names it writes
too), ``shown_name`` and ``human_size`` (how names and sizes appear in any message).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

_DRIVE = re.compile(r"^[A-Za-z]:")
MAX_NAME_LENGTH = 400


class Problem(StrEnum):
    """Every reason a zip is refused; each caller words every one (a test checks that)."""

    # the file itself
    NOT_FOUND = "not-found"
    FOLDER = "folder"
    NOT_REGULAR = "not-regular"  # a pipe, device or socket: reading it could block forever
    NO_PERMISSION = "no-permission"
    UNREADABLE = "unreadable"  # detail: the system's reason
    EMPTY_FILE = "empty-file"
    NOT_ZIP = "not-zip"
    TRUNCATED = "truncated"  # no end record: the end of the file is missing
    DIRECTORY_TOO_LARGE = "directory-too-large"  # size
    DIRECTORY_DAMAGED = "directory-damaged"  # detail
    UNSUPPORTED_FEATURE = "unsupported-feature"  # detail: e.g. a "version needed" from the future
    NO_ENTRIES = "no-entries"
    TOO_MANY_ENTRIES = "too-many-entries"  # number, limit
    # entry names
    EMPTY_NAME = "empty-name"
    NAME_TOO_LONG = "name-too-long"  # limit
    CONTROL_CHARACTERS = "control-characters"
    BACKSLASH = "backslash"
    ABSOLUTE = "absolute"
    OUTSIDE = "outside"  # a '..' part
    ALIAS_PART = "alias-part"  # a '.' or empty part: one file under two names
    DUPLICATE = "duplicate"
    DUPLICATE_BY_CASE = "duplicate-by-case"  # other: the first spelling
    # entry kinds and declared sizes
    SYMLINK = "symlink"
    SPECIAL_FILE = "special-file"
    ENCRYPTED = "encrypted"
    PATCHED_DATA = "patched-data"
    COMPRESSION = "compression"  # number: the method
    FOLDER_WITH_DATA = "folder-with-data"
    MEMBER_TOO_LARGE = "member-too-large"  # size, limit
    STORED_SIZES_DIFFER = "stored-sizes-differ"
    RATIO = "ratio"  # ratio, limit
    TOTAL_TOO_LARGE = "total-too-large"  # size, limit
    # local headers
    LOCAL_HEADER_MISSING = "local-header-missing"
    OVERLAP = "overlap"  # other: the overlapping entry
    LOCAL_NAME_DIFFERS = "local-name-differs"
    DATA_PAST_END = "data-past-end"
    # reading content
    TOO_LARGE_TO_READ = "too-large-to-read"  # size, limit
    ENDS_EARLY = "ends-early"
    MALFORMED_DATA = "malformed-data"
    MORE_THAN_DECLARED = "more-than-declared"
    SHORTER_THAN_DECLARED = "shorter-than-declared"
    CHECKSUM = "checksum"
    READ_FAILED = "read-failed"  # detail


def human_size(size: int) -> str:
    """A byte count as a person reads it (``12.3 MB``)."""
    value = float(size)
    for unit in ("bytes", "KB", "MB", "GB", "TB"):
        if value < 1024 or unit == "TB":
            return f"{int(value)} bytes" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1024
    raise AssertionError("unreachable")


def shown_name(name: str) -> str:
    """An entry name as it may appear in a message: printable (no terminal escapes) and short."""
    clean = "".join(ch if ch.isprintable() else "?" for ch in name)
    return clean if len(clean) <= 60 else clean[:57] + "..."


@dataclass(frozen=True)
class Refusal:
    """One broken rule and its facts; ``words`` fills a caller's template with them."""

    problem: Problem
    path: Path
    entry: str = ""
    other: str = ""
    number: int = 0  # a count or a code
    size: int = 0  # bytes
    limit: int = 0  # the ceiling the number or size broke
    ratio: float = 0.0
    detail: str = ""

    def words(self, template: str) -> str:
        """``template`` with ``{entry}``, ``{size_text}``, ``{ratio:.0f}`` ... filled in."""
        return template.format(
            path=self.path,
            file=self.path.name,
            entry=shown_name(self.entry),
            other=shown_name(self.other),
            number=self.number,
            size=self.size,
            size_text=human_size(self.size),
            limit=self.limit,
            limit_text=human_size(self.limit),
            ratio=self.ratio,
            detail=self.detail,
        )


Words = Mapping[Problem, str]  # a caller's template for every problem
Refuse = Callable[[Refusal], Exception]  # a caller's error for a refusal


def words_for(words: Words, error: Callable[[Refusal, str], Exception]) -> Refuse:
    """A ``refuse`` function: the caller's template for the problem, wrapped in its error."""
    return lambda refusal: error(refusal, refusal.words(words[refusal.problem]))


def name_problem(name: str, max_length: int = MAX_NAME_LENGTH) -> Problem | None:
    """What makes ``name`` unsafe as a path inside a zip, or None when it is safe."""
    if not name:
        return Problem.EMPTY_NAME
    if len(name) > max_length:
        return Problem.NAME_TOO_LONG
    if any(unicodedata.category(ch) == "Cc" for ch in name):
        return Problem.CONTROL_CHARACTERS
    if "\\" in name:
        return Problem.BACKSLASH
    if name.startswith("/") or _DRIVE.match(name):
        return Problem.ABSOLUTE
    parts = name.rstrip("/").split("/")
    if ".." in parts:
        return Problem.OUTSIDE
    if any(part in ("", ".") for part in parts):
        return Problem.ALIAS_PART
    return None
