"""Reading a ``.jcmpdd`` zip container defensively: the project's words, limits and layout.

A project file may come from anyone (an e-mail, a consultant's USB stick), so nothing in it is
trusted. The zip safety rules (entry names, kinds, declared sizes and ratios, local headers,
counted reads that stop a member inflating past its declared size, CRCs) belong to
``jcm_pdd.safezip``, shared with validation packages; this module says what each refusal means
for a project, sets a project's limits (including those of ``project.json`` and the manifest)
and checks the container's own layout (the ``mimetype`` entry first, stored, and right).
Nothing is ever extracted to disk; the file is opened read-only, so a failed load cannot alter
it.
"""

from __future__ import annotations

import os
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from jcm_pdd import safezip
from jcm_pdd.safezip import Problem, Refusal, SafeZipReader, Words, words_for
from jcm_pdd.safezip import human_size as human_size
from jcm_pdd.storage.errors import ProjectFileError

MIMETYPE = "application/vnd.jcm-pdd+zip"
MIMETYPE_ENTRY = "mimetype"
MANIFEST_ENTRY = "manifest.json"
PROJECT_ENTRY = "project.json"
ATTACHMENTS_DIR = "attachments/"
CHUNK = 1024 * 1024  # streaming unit: large enough for throughput, small for memory

_DIGEST_NAME = re.compile(r"^attachments/[0-9a-f]{64}$")
_MiB = 1024 * 1024


@dataclass(frozen=True)
class Limits(safezip.Limits):
    """What a project file may claim before it is treated as hostile (a zip bomb)."""

    # An attachment may be as large as the whole project may be (a long video, a big scan).
    max_member_size: int = 8 * 1024 * _MiB
    max_total_size: int = 8 * 1024 * _MiB  # all entries, uncompressed
    max_json_size: int = 64 * _MiB  # project.json
    max_manifest_size: int = 1 * _MiB


DEFAULT_LIMITS = Limits()

_BOMB = ": this looks like a zip bomb."
_HOSTILE = " It may be a hostile file."
_TAMPERED = "a damaged or tampered file could show different content to different programs."

# Each reason follows "Cannot open “<file>”: " (see ProjectFileError).
WORDS: Words = {
    Problem.NOT_FOUND: "the file does not exist.",
    Problem.FOLDER: "it is a folder, not a project file.",
    Problem.NOT_REGULAR: (
        "it is not a regular file (a pipe, device or socket), so it cannot be a project file."
    ),
    Problem.NO_PERMISSION: "you do not have permission to read this file.",
    Problem.UNREADABLE: "the file cannot be read ({detail}).",
    Problem.EMPTY_FILE: "the file is empty (0 bytes); it may have been cut off while copying.",
    Problem.NOT_ZIP: "it is not a JCM PDD Studio project (the file is not a zip container).",
    Problem.TRUNCATED: (
        "the file is incomplete or damaged: the end of the zip container is missing (was a "
        "copy or download interrupted?)."
    ),
    Problem.DIRECTORY_TOO_LARGE: (
        "its zip directory is implausibly large ({size_text}) for a project." + _HOSTILE
    ),
    Problem.DIRECTORY_DAMAGED: (
        "the file is incomplete or damaged: its zip directory cannot be read ({detail})."
    ),
    Problem.UNSUPPORTED_FEATURE: (
        "it uses zip features JCM PDD Studio does not read ({detail}); the file was written "
        "by another tool or is damaged."
    ),
    Problem.NO_ENTRIES: "it is an empty zip container, not a JCM PDD Studio project.",
    Problem.TOO_MANY_ENTRIES: (
        "it has too many entries ({number}; a project may have at most {limit})." + _HOSTILE
    ),
    Problem.EMPTY_NAME: "one of its entries has an empty name." + _HOSTILE,
    Problem.NAME_TOO_LONG: (
        "the entry “{entry}” has a name longer than {limit} characters; projects never do."
    ),
    Problem.CONTROL_CHARACTERS: (
        "the entry name “{entry}” contains control characters; projects never do."
    ),
    Problem.BACKSLASH: (
        "the entry name “{entry}” contains a backslash; entry names in a project use forward "
        "slashes only."
    ),
    Problem.ABSOLUTE: (
        "the entry “{entry}” has an absolute path; it would point outside the project."
    ),
    Problem.OUTSIDE: "the entry “{entry}” uses '..' to point outside the project.",
    Problem.ALIAS_PART: (
        "the entry “{entry}” has an empty or '.' part in its path; projects never do."
    ),
    Problem.DUPLICATE: "it contains the entry “{entry}” more than once; " + _TAMPERED,
    Problem.DUPLICATE_BY_CASE: (
        "it contains the entries “{other}” and “{entry}”, which differ only in case; " + _TAMPERED
    ),
    Problem.SYMLINK: "the entry “{entry}” is a symbolic link; projects contain only files.",
    Problem.SPECIAL_FILE: (
        "the entry “{entry}” is a device, pipe or socket; projects contain only files."
    ),
    Problem.ENCRYPTED: "the entry “{entry}” is encrypted; projects never are.",
    Problem.PATCHED_DATA: (
        "the entry “{entry}” uses a zip feature (patched data) JCM PDD Studio does not read."
    ),
    Problem.COMPRESSION: (
        "the entry “{entry}” uses a compression method JCM PDD Studio does not read (method "
        "{number})."
    ),
    Problem.FOLDER_WITH_DATA: (
        "the folder entry “{entry}” holds data; the file is damaged or was tampered with."
    ),
    Problem.MEMBER_TOO_LARGE: (
        "the entry “{entry}” would take {size_text} when unpacked (at most {limit_text} is "
        "allowed)" + _BOMB
    ),
    Problem.STORED_SIZES_DIFFER: (
        "the entry “{entry}” states two different sizes; the file is damaged."
    ),
    Problem.RATIO: (
        "the entry “{entry}” would expand {ratio:.0f} times its stored size (at most {limit} "
        "is allowed)" + _BOMB
    ),
    Problem.TOTAL_TOO_LARGE: (
        "its contents would take {size_text} when unpacked (at most {limit_text} is allowed)"
        + _BOMB
    ),
    Problem.LOCAL_HEADER_MISSING: (
        "the entry “{entry}” is missing from the file; the file is incomplete or damaged."
    ),
    Problem.OVERLAP: (
        "its entries “{entry}” and “{other}” overlap each other: this looks like a zip bomb or "
        "a tampered file."
    ),
    Problem.LOCAL_NAME_DIFFERS: (
        "the entry “{entry}” carries a different name in the file than in its table of "
        "contents; the file is damaged or was tampered with."
    ),
    Problem.DATA_PAST_END: (
        "the data of the entry “{entry}” runs past the end of the file; the file is incomplete "
        "or damaged."
    ),
    Problem.TOO_LARGE_TO_READ: (
        "the entry “{entry}” is too large ({size_text}; at most {limit_text} is allowed)."
    ),
    Problem.ENDS_EARLY: "the entry “{entry}” ends early; the file is incomplete or damaged.",
    Problem.MALFORMED_DATA: "the entry “{entry}” cannot be read; the file is damaged.",
    Problem.MORE_THAN_DECLARED: (
        "the entry “{entry}” holds more data than it declares; this looks like a zip bomb."
    ),
    Problem.SHORTER_THAN_DECLARED: (
        "the entry “{entry}” is shorter than it declares; the file is damaged."
    ),
    Problem.CHECKSUM: (
        "the entry “{entry}” is damaged (its checksum does not match its content); the file "
        "was corrupted on disk or in transfer."
    ),
    Problem.READ_FAILED: "the entry “{entry}” cannot be read ({detail}).",
}


def _error(refusal: Refusal, reason: str) -> ProjectFileError:
    return ProjectFileError(refusal.path, reason)


class Container(SafeZipReader):
    """An open, checked project container. Use as a context manager; read entries by name."""

    limits: Limits

    def __init__(self, path: Path, limits: Limits = DEFAULT_LIMITS) -> None:
        super().__init__(path, limits, words_for(WORDS, _error), chunk_size=CHUNK)
        try:
            self._check_mimetype()
        except BaseException:
            self.close()
            raise

    def fail(self, reason: str, details: list[str] | None = None) -> ProjectFileError:
        return ProjectFileError(self.path, reason, details)

    def _check_mimetype(self) -> None:
        if MIMETYPE_ENTRY not in self.members:
            raise self.fail(
                "it is a zip file but not a JCM PDD Studio project (it has no 'mimetype' entry)."
            )
        if self.entries[0] != MIMETYPE_ENTRY:
            raise self.fail(
                "the project's 'mimetype' entry is not the first entry of the container, so the "
                "file was not written by JCM PDD Studio or was repacked by another tool."
            )
        if self.members[MIMETYPE_ENTRY].method != zipfile.ZIP_STORED:
            raise self.fail(
                "the project's 'mimetype' entry is compressed; JCM PDD Studio always stores it "
                "uncompressed, so the file was repacked by another tool."
            )
        raw = self.read(MIMETYPE_ENTRY, 256)
        if raw != MIMETYPE.encode("ascii"):
            shown = safezip.shown_name(raw.decode("ascii", "replace").strip())
            raise self.fail(f"its type is “{shown}”, not a JCM PDD Studio project ({MIMETYPE}).")

    # -- reading ------------------------------------------------------------------------------
    def names(self) -> list[str]:
        """Every entry, folders too, in the order of the container."""
        return list(self.entries)

    def member(self, name: str) -> safezip.Member:
        return self.members[name]

    def unexpected_entries(self) -> list[str]:
        """Entries that are not part of the format (not mimetype, manifest, project, attachment)."""
        known = {MIMETYPE_ENTRY, MANIFEST_ENTRY, PROJECT_ENTRY, ATTACHMENTS_DIR}
        return [n for n in self.names() if n not in known and not _DIGEST_NAME.match(n)]

    def read_bytes(self, name: str, limit: int) -> bytes:
        return self.read(name, limit)

    def data_offset(self, name: str) -> int:
        """Where the entry's (stored) bytes start in the file: after its local header."""
        return self.members[name].data_offset

    def fingerprint(self) -> tuple[int, int, int, int]:
        """The opened file's identity (size, mtime, inode, device), see attachments.py."""
        info = os.fstat(self._fh.fileno())
        return (info.st_size, info.st_mtime_ns, info.st_ino, info.st_dev)
