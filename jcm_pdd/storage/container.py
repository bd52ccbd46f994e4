"""Reading a ``.jcmpdd`` zip container defensively: layout, entry safety, and size limits.

A project file may come from anyone (an e-mail, a consultant's USB stick), so nothing in it is
trusted: entry names are checked before anything is read (no ``..``, absolute paths,
backslashes or symbolic links; no duplicates), declared sizes are checked against limits
(total size, entry count, compression ratio) and the bytes actually produced while reading
are counted again, because a zip's declared sizes can lie. Nothing is ever extracted to disk
(no ``extractall``); the file is opened read-only, so a failed load cannot alter it.
"""

from __future__ import annotations

import os
import re
import stat
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import IO

from jcm_pdd.storage.errors import ProjectFileError

MIMETYPE = "application/vnd.jcm-pdd+zip"
MIMETYPE_ENTRY = "mimetype"
MANIFEST_ENTRY = "manifest.json"
PROJECT_ENTRY = "project.json"
ATTACHMENTS_DIR = "attachments/"
CHUNK = 1024 * 1024  # streaming unit: large enough for throughput, small for memory

_DIGEST_NAME = re.compile(r"^attachments/[0-9a-f]{64}$")
_DRIVE = re.compile(r"^[A-Za-z]:")
_MiB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """What a project file may claim before it is treated as hostile (a zip bomb)."""

    max_entries: int = 10_000
    max_total_size: int = 8 * 1024 * _MiB  # all entries, uncompressed
    max_json_size: int = 64 * _MiB  # project.json
    max_manifest_size: int = 1 * _MiB
    # Text compresses well, but a ratio beyond this on a sizeable entry is a bomb's signature.
    max_ratio: float = 200.0
    ratio_applies_above: int = 1 * _MiB


DEFAULT_LIMITS = Limits()


def human_size(size: int) -> str:
    value = float(size)
    for unit in ("bytes", "KB", "MB", "GB", "TB"):
        if value < 1024 or unit == "TB":
            return f"{int(value)} bytes" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1024
    raise AssertionError("unreachable")


def _shown(name: str) -> str:
    """An entry name as it may appear in a message: printable and short."""
    clean = "".join(ch if ch.isprintable() else "?" for ch in name)
    return clean if len(clean) <= 60 else clean[:57] + "..."


class Container:
    """An open, checked project container. Use as a context manager; read entries by name."""

    def __init__(self, path: Path, limits: Limits = DEFAULT_LIMITS) -> None:
        self.path = path
        self.limits = limits
        self._file: IO[bytes] | None = None
        self._zip: zipfile.ZipFile | None = None
        try:
            self._open()
            self._check_entries()
            self._check_mimetype()
        except BaseException:
            self.close()
            raise

    # -- opening ------------------------------------------------------------------------------
    def fail(self, reason: str, details: list[str] | None = None) -> ProjectFileError:
        return ProjectFileError(self.path, reason, details)

    def _open(self) -> None:
        try:
            if self.path.is_dir():
                raise self.fail("it is a folder, not a project file.")
            handle = open(self.path, "rb")  # read-only: a failed load cannot alter the file
        except FileNotFoundError:
            raise self.fail("the file does not exist.") from None
        except PermissionError:
            raise self.fail("you do not have permission to read this file.") from None
        except OSError as exc:
            raise self.fail(f"the file cannot be read ({exc.strerror or exc}).") from None
        self._file = handle
        head = handle.read(4)
        if not head:
            raise self.fail("the file is empty (0 bytes); it may have been cut off while copying.")
        handle.seek(0)
        try:
            self._zip = zipfile.ZipFile(handle)
        except NotImplementedError as exc:  # e.g. a "version needed" from the future
            raise self.fail(
                f"it uses zip features JCM PDD Studio does not read ({exc}); the file was "
                "written by another tool or is damaged."
            ) from exc
        except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
            if head == b"PK\x03\x04":
                raise self.fail(
                    "the file is incomplete or damaged: the end of the zip container is missing "
                    "(was a copy or download interrupted?)."
                ) from exc
            raise self.fail(
                "it is not a JCM PDD Studio project (the file is not a zip container)."
            ) from exc

    @property
    def zip(self) -> zipfile.ZipFile:
        assert self._zip is not None, "container is closed"
        return self._zip

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()
            self._zip = None
        if self._file is not None:
            self._file.close()
            self._file = None

    def __enter__(self) -> Container:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- structural checks --------------------------------------------------------------------
    def _check_entries(self) -> None:
        infos = self.zip.infolist()
        limits = self.limits
        if len(infos) > limits.max_entries:
            raise self.fail(
                f"it has too many entries ({len(infos)}; a project may have at most "
                f"{limits.max_entries}). It may be a hostile file."
            )
        seen: set[str] = set()
        total = 0
        for info in infos:
            name = info.filename
            self._check_name(info)
            if name in seen:
                raise self.fail(
                    f"it contains the entry “{_shown(name)}” more than once; a damaged or "
                    "tampered file could show different content to different programs."
                )
            seen.add(name)
            if info.flag_bits & 0x41:  # bit 0: encrypted, bit 6: strong encryption
                raise self.fail(f"the entry “{_shown(name)}” is encrypted; projects never are.")
            if info.flag_bits & 0x20:  # bit 5: "compressed patched data"
                raise self.fail(
                    f"the entry “{_shown(name)}” uses a zip feature (patched data) JCM PDD "
                    "Studio does not read."
                )
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise self.fail(
                    f"the entry “{_shown(name)}” uses a compression method JCM PDD Studio does "
                    f"not read (method {info.compress_type})."
                )
            total += info.file_size
            if (
                info.file_size > limits.ratio_applies_above
                and info.file_size > limits.max_ratio * max(info.compress_size, 1)
            ):
                ratio = info.file_size / max(info.compress_size, 1)
                raise self.fail(
                    f"the entry “{_shown(name)}” would expand {ratio:.0f} times its stored size "
                    f"(at most {limits.max_ratio:.0f} is allowed): this looks like a zip bomb."
                )
        if total > limits.max_total_size:
            raise self.fail(
                f"its contents would take {human_size(total)} when unpacked (at most "
                f"{human_size(limits.max_total_size)} is allowed): this looks like a zip bomb."
            )
        self._check_overlap(infos)

    def _check_overlap(self, infos: list[zipfile.ZipInfo]) -> None:
        """Entries sharing bytes are how "overlapping" zip bombs multiply a small payload."""
        ordered = sorted(infos, key=lambda i: i.header_offset)
        for current, following in zip(ordered, ordered[1:], strict=False):
            # 30 bytes of local header + the name + the data; a local extra field only adds.
            encoding = "utf-8" if current.flag_bits & 0x800 else "cp437"
            name_length = len(current.orig_filename.encode(encoding, "replace"))
            minimum_end = current.header_offset + 30 + name_length + current.compress_size
            if following.header_offset < minimum_end:
                raise self.fail(
                    f"its entries “{_shown(current.filename)}” and "
                    f"“{_shown(following.filename)}” overlap each other: this looks like a zip "
                    "bomb or a tampered file."
                )

    def _check_name(self, info: zipfile.ZipInfo) -> None:
        name = info.filename
        if "\\" in name:
            raise self.fail(
                f"the entry name “{_shown(name)}” contains a backslash; entry names in a project "
                "use forward slashes only."
            )
        if name.startswith("/") or _DRIVE.match(name):
            raise self.fail(
                f"the entry “{_shown(name)}” has an absolute path; it would point outside the "
                "project."
            )
        if ".." in name.split("/"):
            raise self.fail(f"the entry “{_shown(name)}” uses '..' to point outside the project.")
        mode = info.external_attr >> 16
        if info.create_system == 3 and stat.S_ISLNK(mode):
            raise self.fail(
                f"the entry “{_shown(name)}” is a symbolic link; projects contain only files."
            )

    def _check_mimetype(self) -> None:
        infos = self.zip.infolist()
        names = [info.filename for info in infos]
        if MIMETYPE_ENTRY not in names:
            raise self.fail(
                "it is a zip file but not a JCM PDD Studio project (it has no 'mimetype' entry)."
            )
        first = infos[0]
        if first.filename != MIMETYPE_ENTRY:
            raise self.fail(
                "the project's 'mimetype' entry is not the first entry of the container, so the "
                "file was not written by JCM PDD Studio or was repacked by another tool."
            )
        if first.compress_type != zipfile.ZIP_STORED:
            raise self.fail(
                "the project's 'mimetype' entry is compressed; JCM PDD Studio always stores it "
                "uncompressed, so the file was repacked by another tool."
            )
        raw = self.read_bytes(MIMETYPE_ENTRY, 256)
        if raw != MIMETYPE.encode("ascii"):
            shown = _shown(raw.decode("ascii", "replace").strip())
            raise self.fail(f"its type is “{shown}”, not a JCM PDD Studio project ({MIMETYPE}).")

    # -- reading ------------------------------------------------------------------------------
    def names(self) -> list[str]:
        return [info.filename for info in self.zip.infolist()]

    def has(self, name: str) -> bool:
        return name in self.zip.NameToInfo

    def info(self, name: str) -> zipfile.ZipInfo:
        return self.zip.getinfo(name)

    def unexpected_entries(self) -> list[str]:
        """Entries that are not part of the format (not mimetype, manifest, project, attachment)."""
        known = {MIMETYPE_ENTRY, MANIFEST_ENTRY, PROJECT_ENTRY, ATTACHMENTS_DIR}
        return [n for n in self.names() if n not in known and not _DIGEST_NAME.match(n)]

    def iter_entry(self, name: str, limit: int | None = None) -> Iterator[bytes]:
        """Yield the entry's bytes in chunks, counting them against the declared size and limit."""
        info = self.info(name)
        if limit is not None and info.file_size > limit:
            raise self.fail(
                f"the entry “{_shown(name)}” is too large ({human_size(info.file_size)}; at most "
                f"{human_size(limit)} is allowed)."
            )
        cap = info.file_size
        produced = 0
        try:
            with self.zip.open(info) as stream:
                while chunk := stream.read(CHUNK):
                    produced += len(chunk)
                    if produced > cap:  # the declared size lied: stop before memory runs out
                        raise self.fail(
                            f"the entry “{_shown(name)}” holds more data than it declares; "
                            "this looks like a zip bomb."
                        )
                    yield chunk
        except ProjectFileError:
            raise
        except (
            zipfile.BadZipFile,
            EOFError,
            zlib.error,
            OSError,
            ValueError,
            RuntimeError,  # zipfile: "password required"
            NotImplementedError,  # zipfile: an unsupported feature flag
        ) as exc:
            raise self._damaged(name, exc) from exc
        if produced != info.file_size:
            raise self.fail(
                f"the entry “{_shown(name)}” is shorter than it declares; the file is damaged."
            )

    def data_offset(self, name: str) -> int:
        """Where the entry's (stored) bytes start in the file: after its local header."""
        info = self.info(name)
        assert self._file is not None
        self._file.seek(info.header_offset)
        header = self._file.read(30)
        if len(header) != 30 or header[:4] != b"PK\x03\x04":
            raise self.fail(f"the entry “{_shown(name)}” cannot be read; the file is damaged.")
        lengths: tuple[int, int] = struct.unpack("<HH", header[26:30])
        return int(info.header_offset) + 30 + sum(lengths)

    def fingerprint(self) -> tuple[int, int, int, int]:
        """The opened file's identity (size, mtime, inode, device), see attachments.py."""
        assert self._file is not None
        info = os.fstat(self._file.fileno())
        return (info.st_size, info.st_mtime_ns, info.st_ino, info.st_dev)

    def read_bytes(self, name: str, limit: int) -> bytes:
        return b"".join(self.iter_entry(name, limit))

    def _damaged(self, name: str, exc: BaseException) -> ProjectFileError:
        text = str(exc)
        if "CRC" in text:
            return self.fail(
                f"the entry “{_shown(name)}” is damaged (its checksum does not match its "
                "content); the file was corrupted on disk or in transfer."
            )
        return self.fail(f"the entry “{_shown(name)}” cannot be read; the file is damaged.")
