"""The package's only zip reader: ``jcm_pdd.safezip``'s rules, with a package's words and limits.

A validation package comes from outside (e-mail, USB stick). The checks themselves (names,
kinds, sizes, ratios, local headers, counted reads) belong to ``jcm_pdd.safezip``, shared with
the project file; this module says what each refusal means for a package, sets the package's
limits (a 200 MB package is normal) and adds the package's own needs: ``check_member_name``
for paths named in tag files and payloads, and ``copy_to``. Stored members are not CRC-checked
while read: the SHA-256 of the bag manifest is their integrity check, and computing the CRC as
well would cost ~20% of the verify time on large payloads. Every refusal is a
``PackageFormatError`` worded for a person.
"""

from __future__ import annotations

from pathlib import Path

from jcm_pdd.errors import UserError
from jcm_pdd.safezip import (
    CHUNK,
    Limits,
    Member,
    Problem,
    Refusal,
    SafeZipReader,
    Words,
    name_problem,
    words_for,
)

__all__ = [
    "CHUNK",
    "DEFAULT_LIMITS",
    "Limits",
    "Member",
    "PackageFormatError",
    "SafeZip",
    "check_member_name",
]


class PackageFormatError(UserError):
    """The file is not a readable, safe validation package; the message says why."""


DEFAULT_LIMITS = Limits()

# Why a name is unsafe, as a phrase: check_member_name returns it for a writer's or a tag
# file's message, and SafeZip says "Unsafe package: <phrase>."
NAME_WORDS: Words = {
    Problem.EMPTY_NAME: "an entry has an empty name",
    Problem.NAME_TOO_LONG: "an entry name is longer than {limit} characters",
    Problem.CONTROL_CHARACTERS: "the entry name '{entry}' contains control characters",
    Problem.BACKSLASH: (
        "the entry '{entry}' uses backslashes in its path (a Windows path is not allowed)"
    ),
    Problem.ABSOLUTE: "the entry '{entry}' has an absolute path",
    Problem.OUTSIDE: "the entry '{entry}' points outside the package (it contains '..')",
    Problem.ALIAS_PART: "the entry '{entry}' has an empty or '.' path component",
}

_DAMAGED = "The package is truncated or damaged: "
_BOMB = "; refused as a possible zip bomb."

WORDS: Words = {
    **{problem: f"Unsafe package: {phrase}." for problem, phrase in NAME_WORDS.items()},
    Problem.NOT_FOUND: "The package '{path}' does not exist.",
    Problem.FOLDER: "'{path}' is a folder, not a package file.",
    Problem.NOT_REGULAR: (
        "'{path}' is not a regular file (a pipe, device or socket), so it cannot be a package."
    ),
    Problem.NO_PERMISSION: "The package '{path}' cannot be read: you do not have permission.",
    Problem.UNREADABLE: "The package '{path}' cannot be read: {detail}.",
    Problem.EMPTY_FILE: "The file is empty (0 bytes); it is not a validation package.",
    Problem.NOT_ZIP: "'{file}' is not a validation package: it is not a zip file.",
    Problem.TRUNCATED: _DAMAGED
    + "the end of the zip is missing (was the download or copy interrupted?).",
    Problem.DIRECTORY_TOO_LARGE: "The package's zip directory is implausibly large" + _BOMB,
    Problem.DIRECTORY_DAMAGED: _DAMAGED + "its zip directory cannot be read ({detail}).",
    Problem.UNSUPPORTED_FEATURE: (
        "The package uses zip features that are not read ({detail}); it was written by "
        "another tool or is damaged."
    ),
    Problem.NO_ENTRIES: "The package is an empty zip: it holds no files.",
    Problem.TOO_MANY_ENTRIES: (
        "The package declares {number} entries, more than the limit of {limit}" + _BOMB
    ),
    Problem.DUPLICATE: "Unsafe package: the entry '{entry}' appears twice.",
    Problem.DUPLICATE_BY_CASE: (
        "Unsafe package: the entry '{entry}' appears twice (as '{other}' and '{entry}')."
    ),
    Problem.SYMLINK: "Unsafe package: the entry '{entry}' is a symbolic link.",
    Problem.SPECIAL_FILE: (
        "Unsafe package: the entry '{entry}' is not a regular file (a device, pipe or socket)."
    ),
    Problem.ENCRYPTED: "The entry '{entry}' is encrypted; packages are never encrypted.",
    Problem.PATCHED_DATA: "The entry '{entry}' uses a zip feature (patched data) that is not read.",
    Problem.COMPRESSION: (
        "The entry '{entry}' uses an unsupported compression method ({number}); only stored "
        "and deflated entries are read."
    ),
    Problem.FOLDER_WITH_DATA: "Unsafe package: the folder entry '{entry}' holds data.",
    Problem.MEMBER_TOO_LARGE: (
        "The entry '{entry}' would unpack to {size_text}, more than the limit of {limit_text}"
        + _BOMB
    ),
    Problem.STORED_SIZES_DIFFER: (
        "The package is damaged: the stored entry '{entry}' has two sizes."
    ),
    Problem.RATIO: "The entry '{entry}' expands {ratio:.0f} times when unpacked (limit {limit})"
    + _BOMB,
    Problem.TOTAL_TOO_LARGE: "The package would unpack to more than {limit_text}" + _BOMB,
    Problem.LOCAL_HEADER_MISSING: _DAMAGED + "the entry '{entry}' is missing.",
    Problem.OVERLAP: (
        "Unsafe package: the entries '{entry}' and '{other}' overlap (a zip bomb technique)."
    ),
    Problem.LOCAL_NAME_DIFFERS: (
        "Unsafe package: the entry '{entry}' carries a different name in its local header "
        "(a spoofing technique)."
    ),
    Problem.DATA_PAST_END: _DAMAGED + "the data of '{entry}' runs past the end of the file.",
    Problem.TOO_LARGE_TO_READ: "The entry '{entry}' is {size_text}, too large for what it holds.",
    Problem.ENDS_EARLY: "The package is truncated: '{entry}' ends early.",
    Problem.MALFORMED_DATA: "The package is damaged: the entry '{entry}' cannot be unpacked.",
    Problem.MORE_THAN_DECLARED: "The entry '{entry}' unpacks to more data than it declares" + _BOMB,
    Problem.SHORTER_THAN_DECLARED: (
        "The package is damaged: the entry '{entry}' is shorter than it declares."
    ),
    Problem.CHECKSUM: "The package is damaged: the entry '{entry}' fails its zip checksum.",
    Problem.READ_FAILED: "The package's entry '{entry}' cannot be read ({detail}).",
}


def _error(refusal: Refusal, text: str) -> PackageFormatError:
    return PackageFormatError(text)


def check_member_name(name: str, limits: Limits = DEFAULT_LIMITS) -> str | None:
    """Why ``name`` is unsafe as a path inside a package, or None when it is safe."""
    problem = name_problem(name, limits.max_name_length)
    if problem is None:
        return None
    return Refusal(problem, Path(), name, limit=limits.max_name_length).words(NAME_WORDS[problem])


class SafeZip(SafeZipReader):
    """An open, fully checked package zip; refusals are ``PackageFormatError``."""

    def __init__(self, path: Path | str, limits: Limits = DEFAULT_LIMITS) -> None:
        super().__init__(path, limits, words_for(WORDS, _error), verify_stored_crc=False)

    def copy_to(self, name: str, target: Path) -> None:
        """Write one member to ``target`` (a path the caller has already made safe)."""
        with open(target, "xb") as out:
            for chunk in self.chunks(name):
                out.write(chunk)
