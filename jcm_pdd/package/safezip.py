"""Reading an untrusted zip file without ever trusting it: the only zip reader of ``package``.

A validation package comes from outside (e-mail, USB stick), so every structural promise of the
zip is checked before a byte is used: the end record and entry count (before the central
directory is parsed), names (no ``..``, absolute, drive or backslash paths, no control
characters, no duplicates even up to case), entry types (no symlinks or devices), encryption and
compression method, declared sizes and ratios (zip bombs), and that local headers agree with the
central directory and do not overlap. Data is then read by this module itself, straight from the
file at the checked offsets, counting bytes as they are produced, so a member that inflates to
more than it declared is stopped while reading, not after. Nothing is ever extracted here; callers
get bytes or a stream of chunks. Every refusal is a ``PackageFormatError`` worded for a person.
"""

from __future__ import annotations

import hashlib
import io
import re
import stat
import struct
import unicodedata
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from jcm_pdd.errors import UserError

_LOCAL_SIG = b"PK\x03\x04"
_EOCD_SIG = b"PK\x05\x06"
_EOCD64_LOCATOR_SIG = b"PK\x06\x07"
_EOCD64_SIG = b"PK\x06\x06"
_EOCD_SIZE = 22
_MAX_COMMENT = 0xFFFF
_DRIVE = re.compile(r"^[A-Za-z]:")
CHUNK = 4 * 1024 * 1024  # large reads: hashing is then I/O bound, not call bound


class PackageFormatError(UserError):
    """The file is not a readable, safe validation package; the message says why."""


@dataclass(frozen=True)
class Limits:
    """Ceilings that stop zip bombs; generous for real packages (a 200 MB package is normal)."""

    max_entries: int = 10_000
    max_member_size: int = 2 * 1024**3
    max_total_size: int = 8 * 1024**3
    # Ratio of uncompressed to compressed size; text deflates ~5-20x, a bomb ~1000x.
    max_ratio: int = 200
    ratio_floor: int = 1024 * 1024  # small members may compress well without suspicion
    max_name_length: int = 400


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class Member:
    """One checked file entry: where its data starts in the file and what it declares."""

    name: str
    size: int
    compressed_size: int
    method: int
    crc: int
    data_offset: int


def _fail(message: str) -> PackageFormatError:
    return PackageFormatError(message)


def check_member_name(name: str, limits: Limits = DEFAULT_LIMITS) -> str | None:
    """Why ``name`` is unsafe as a path inside a package, or None when it is safe."""
    if not name:
        return "an entry has an empty name"
    if len(name) > limits.max_name_length:
        return f"an entry name is longer than {limits.max_name_length} characters"
    if any(unicodedata.category(ch) == "Cc" for ch in name):
        return f"the entry name {name!r} contains control characters"
    if "\\" in name:
        return f"the entry '{name}' uses backslashes in its path (a Windows path is not allowed)"
    if name.startswith("/") or _DRIVE.match(name):
        return f"the entry '{name}' has an absolute path"
    parts = name.rstrip("/").split("/")
    if any(part in ("..", ".") for part in parts):
        return f"the entry '{name}' points outside the package (it contains '..' or '.')"
    if any(part == "" for part in parts):
        return f"the entry '{name}' has an empty path component"
    return None


def _read_eocd(fh: io.FileIO, file_size: int, limits: Limits) -> int:
    """Find the end record and return the number of entries it declares (checked early)."""
    tail_len = min(file_size, _EOCD_SIZE + _MAX_COMMENT)
    fh.seek(file_size - tail_len)
    tail = fh.read(tail_len)
    pos = tail.rfind(_EOCD_SIG)
    if pos < 0 or len(tail) - pos < _EOCD_SIZE:
        raise _fail(
            "The package is truncated or damaged: the end of the zip is missing "
            "(was the download or copy interrupted?)."
        )
    (_, _, _, _, total, cd_size, _, _) = struct.unpack("<4s4H2LH", tail[pos : pos + _EOCD_SIZE])
    # The central directory is read into memory by the parser: bound it before it is read
    # (a name is at most max_name_length; 1 KiB per entry leaves room for extra fields).
    if cd_size != 0xFFFFFFFF and cd_size > limits.max_entries * 1024:
        raise _fail(
            "The package's zip directory is implausibly large; it is refused as a possible "
            "zip bomb."
        )
    if total == 0xFFFF and pos >= 20:  # zip64: the count is in the zip64 end record
        loc = tail[pos - 20 : pos]
        if loc[:4] == _EOCD64_LOCATOR_SIG:
            (offset,) = struct.unpack("<Q", loc[8:16])
            if offset + 56 <= file_size:
                fh.seek(offset)
                rec = fh.read(56)
                if rec[:4] == _EOCD64_SIG:
                    (total,) = struct.unpack("<Q", rec[32:40])
    if total > limits.max_entries:
        raise _fail(
            f"The package declares {total} entries, more than the limit of {limits.max_entries}; "
            "it is refused as a possible zip bomb."
        )
    if total == 0:
        raise _fail("The package is an empty zip: it holds no files.")
    return int(total)


class SafeZip:
    """An open, fully checked zip. Use as a context manager; read with ``read``/``chunks``."""

    def __init__(self, path: Path, limits: Limits = DEFAULT_LIMITS) -> None:
        self.path = Path(path)
        self.limits = limits
        try:
            # Unbuffered: large reads go straight into our buffer (no second copy).
            self._fh: io.FileIO = io.FileIO(self.path, "rb")
        except FileNotFoundError:
            raise _fail(f"The package '{self.path}' does not exist.") from None
        except IsADirectoryError:
            raise _fail(f"'{self.path}' is a folder, not a package file.") from None
        except OSError as exc:
            raise _fail(f"The package '{self.path}' cannot be read: {exc.strerror}.") from None
        try:
            self.members: dict[str, Member] = {}
            self.directories: list[str] = []
            self._open()
        except BaseException:
            self._fh.close()
            raise

    # -- opening -------------------------------------------------------------------------
    def _open(self) -> None:
        size = self.path.stat().st_size
        self.file_size = size
        if size == 0:
            raise _fail("The file is empty (0 bytes); it is not a validation package.")
        head = self._fh.read(4)
        if head not in (_LOCAL_SIG, _EOCD_SIG):
            raise _fail(f"'{self.path.name}' is not a validation package: it is not a zip file.")
        _read_eocd(self._fh, size, self.limits)
        self._fh.seek(0)
        try:
            with zipfile.ZipFile(self._fh) as zf:  # parses the central directory only
                infos = zf.infolist()
                start_dir = int(getattr(zf, "start_dir", size))
        except (
            zipfile.BadZipFile,
            zipfile.LargeZipFile,
            EOFError,
            ValueError,
            struct.error,
            OverflowError,
            NotImplementedError,
            UnicodeDecodeError,
        ) as exc:
            raise _fail(
                f"The package is truncated or damaged: its zip directory cannot be read ({exc})."
            ) from None
        if len(infos) > self.limits.max_entries:
            raise _fail(
                f"The package holds {len(infos)} entries, more than the limit of "
                f"{self.limits.max_entries}; it is refused as a possible zip bomb."
            )
        seen: dict[str, str] = {}
        total = 0
        extents: list[tuple[int, int, str]] = []
        for info in infos:
            name = info.filename
            problem = check_member_name(name, self.limits)
            if problem:
                raise _fail(f"Unsafe package: {problem}.")
            folded = unicodedata.normalize("NFC", name).casefold()
            if folded in seen:
                other = seen[folded]
                detail = "twice" if other == name else f"twice (as '{other}' and '{name}')"
                raise _fail(f"Unsafe package: the entry '{name}' appears {detail}.")
            seen[folded] = name
            self._check_type(info)
            if info.flag_bits & 0x1:
                raise _fail(f"The entry '{name}' is encrypted; packages are never encrypted.")
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise _fail(
                    f"The entry '{name}' uses an unsupported compression method "
                    f"({info.compress_type}); only stored and deflated entries are read."
                )
            if name.endswith("/"):
                if info.file_size:
                    raise _fail(f"Unsafe package: the folder entry '{name}' holds data.")
                self.directories.append(name)
                continue
            self._check_sizes(info)
            total += info.file_size
            if total > self.limits.max_total_size:
                raise _fail(
                    "The package would unpack to more than "
                    f"{self.limits.max_total_size // 1024**2} MB; refused as a possible zip bomb."
                )
            member = self._locate(info, start_dir)
            self.members[name] = member
            extents.append((info.header_offset, member.data_offset + member.compressed_size, name))
        extents.sort()
        for (_, end, first), (start, _, second) in zip(extents, extents[1:], strict=False):
            if start < end:
                raise _fail(
                    f"Unsafe package: the entries '{first}' and '{second}' overlap "
                    "(a zip bomb technique)."
                )

    def _check_type(self, info: zipfile.ZipInfo) -> None:
        mode = info.external_attr >> 16
        kind = stat.S_IFMT(mode)
        if kind == stat.S_IFLNK:
            raise _fail(f"Unsafe package: the entry '{info.filename}' is a symbolic link.")
        if kind not in (0, stat.S_IFREG, stat.S_IFDIR):
            raise _fail(
                f"Unsafe package: the entry '{info.filename}' is not a regular file "
                "(a device, pipe or socket)."
            )

    def _check_sizes(self, info: zipfile.ZipInfo) -> None:
        name, size, packed = info.filename, info.file_size, info.compress_size
        if size > self.limits.max_member_size:
            raise _fail(
                f"The entry '{name}' would unpack to {size // 1024**2} MB, more than the limit "
                f"of {self.limits.max_member_size // 1024**2} MB; refused as a possible zip bomb."
            )
        if info.compress_type == zipfile.ZIP_STORED and size != packed:
            raise _fail(f"The package is damaged: the stored entry '{name}' has two sizes.")
        if size > self.limits.ratio_floor and size > packed * self.limits.max_ratio:
            raise _fail(
                f"The entry '{name}' expands {size // max(packed, 1)} times when unpacked "
                f"(limit {self.limits.max_ratio}); refused as a possible zip bomb."
            )

    def _locate(self, info: zipfile.ZipInfo, start_dir: int) -> Member:
        self._fh.seek(info.header_offset)
        header = self._fh.read(30)
        if len(header) < 30 or header[:4] != _LOCAL_SIG:
            raise _fail(
                f"The package is truncated or damaged: the entry '{info.filename}' is missing."
            )
        name_len, extra_len = struct.unpack("<HH", header[26:30])
        raw_name = self._fh.read(name_len)
        encoding = "utf-8" if info.flag_bits & 0x800 else "cp437"
        if raw_name.decode(encoding, errors="replace") != info.filename:
            raise _fail(
                f"Unsafe package: the entry '{info.filename}' carries a different name in its "
                "local header (a spoofing technique)."
            )
        data_offset = info.header_offset + 30 + name_len + extra_len
        if data_offset + info.compress_size > start_dir:
            raise _fail(
                f"The package is truncated or damaged: the data of '{info.filename}' runs past "
                "the end of the file."
            )
        return Member(
            info.filename,
            info.file_size,
            info.compress_size,
            info.compress_type,
            info.CRC,
            data_offset,
        )

    # -- reading -------------------------------------------------------------------------
    def names(self) -> list[str]:
        return list(self.members)

    def chunks(self, name: str, chunk_size: int = CHUNK) -> Iterator[bytes | memoryview]:
        """The member's bytes, chunk by chunk; counted and checked while they are produced."""
        member = self.members[name]
        self._fh.seek(member.data_offset)
        remaining = member.compressed_size
        if member.method == zipfile.ZIP_STORED:
            # The SHA-256 of the manifest is the integrity check for stored data, so the CRC is
            # not computed twice (it would cost ~20% of the verify time on large payloads).
            buffer = bytearray(min(chunk_size, max(remaining, 1)))
            view = memoryview(buffer)
            while remaining:
                want = min(remaining, len(buffer))
                got = self._fh.readinto(view[:want])
                if not got:
                    raise _fail(f"The package is truncated: '{name}' ends early.")
                remaining -= got
                yield view[:got]
            return
        inflater = zlib.decompressobj(-15)
        produced = 0
        crc = 0
        while remaining or inflater.unconsumed_tail:
            if inflater.unconsumed_tail:
                data = inflater.unconsumed_tail
            else:
                data = self._fh.read(min(remaining, chunk_size))
                if not data:
                    raise _fail(f"The package is truncated: '{name}' ends early.")
                remaining -= len(data)
            try:
                out = inflater.decompress(data, chunk_size)
            except zlib.error:
                raise _fail(
                    f"The package is damaged: the entry '{name}' cannot be unpacked."
                ) from None
            produced += len(out)
            if produced > member.size:
                raise _fail(
                    f"The entry '{name}' unpacks to more data than it declares; "
                    "refused as a possible zip bomb."
                )
            crc = zlib.crc32(out, crc)
            if out:
                yield out
            if inflater.eof:
                break
        # The stream must end exactly at the end of the entry: a missing end-of-stream marker
        # or trailing bytes would otherwise let compressed data change without the content.
        complete = inflater.eof and not inflater.unused_data and not remaining
        if not complete or produced != member.size or crc != member.crc:
            raise _fail(f"The package is damaged: the entry '{name}' fails its zip checksum.")

    def read(self, name: str, max_size: int = 64 * 1024 * 1024) -> bytes:
        member = self.members[name]
        if member.size > max_size:
            raise _fail(
                f"The entry '{name}' is {member.size} bytes, too large for what it should hold."
            )
        return b"".join(bytes(c) for c in self.chunks(name))

    def sha256(self, name: str) -> tuple[str, int]:
        """Hex digest and byte count of a member, streamed (never held in memory whole)."""
        digest = hashlib.sha256()
        count = 0
        for chunk in self.chunks(name):
            digest.update(chunk)
            count += len(chunk)
        return digest.hexdigest(), count

    def copy_to(self, name: str, target: Path) -> None:
        """Write one member to ``target`` (a path the caller has already made safe)."""
        with open(target, "xb") as out:
            for chunk in self.chunks(name):
                out.write(chunk)

    # -- lifetime ------------------------------------------------------------------------
    def close(self) -> None:
        self._fh.close()

    def __enter__(self) -> SafeZip:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
