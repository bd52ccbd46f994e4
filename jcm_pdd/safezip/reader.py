"""The zip reader that checks everything before it reads anything (see the package docstring).

The order is deliberate: the file and its end record (entry count, directory size) before the
central directory is parsed; every declared fact (names, kinds, flags, sizes, ratios) before a
local header is read; local headers (present, not overlapping, same name, inside the file)
before any content; and content counted, inflated and checksummed by this module as it is
produced. Every broken rule is handed to the caller's ``refuse`` as a ``Refusal``.
"""

from __future__ import annotations

import hashlib
import io
import os
import stat
import struct
import unicodedata
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Self

from jcm_pdd.safezip.refusals import MAX_NAME_LENGTH, Problem, Refusal, Refuse, name_problem

_LOCAL_SIG = b"PK\x03\x04"
_EOCD_SIG = b"PK\x05\x06"
_EOCD64_LOCATOR_SIG = b"PK\x06\x07"
_EOCD64_SIG = b"PK\x06\x06"
_EOCD_SIZE = 22
_LOCAL_HEADER_SIZE = 30
_MAX_COMMENT = 0xFFFF
_ENCRYPTED = 0x41  # flag bit 0: encrypted, bit 6: strong encryption
_PATCHED = 0x20  # flag bit 5: "compressed patched data"
_UTF8_NAME = 0x800  # flag bit 11: the name is UTF-8 (else code page 437)
_O_BINARY = getattr(os, "O_BINARY", 0)
_GiB = 1024**3
_MiB = 1024**2
CHUNK = 4 * _MiB  # large reads: hashing is then I/O bound, not call bound


@dataclass(frozen=True)
class Limits:
    """Ceilings that stop zip bombs; callers pick values that are generous for real files."""

    max_entries: int = 10_000
    max_member_size: int = 2 * _GiB
    max_total_size: int = 8 * _GiB
    # Ratio of uncompressed to compressed size; text deflates ~5-20x, a bomb ~1000x. The ratio
    # is judged only above an absolute size: honest repetitive content (pasted meter readings,
    # a column of zeros) deflates ~250x too, and a member below ``ratio_floor`` is small enough
    # to inflate whatever its ratio (deflate cannot exceed ~1032x, so it is read in bounded
    # memory and time). Above the floor a high ratio is what a bomb looks like.
    max_ratio: int = 200
    ratio_floor: int = 64 * _MiB
    max_name_length: int = MAX_NAME_LENGTH


@dataclass(frozen=True)
class Member:
    """One checked file entry: where its data starts in the file and what it declares."""

    name: str
    size: int
    compressed_size: int
    method: int
    crc: int
    data_offset: int


class SafeZipReader:
    """An open, fully checked zip. Use as a context manager; read with ``read``/``chunks``.

    ``refuse`` turns every ``Refusal`` into the caller's error (raised as it is returned).
    ``verify_stored_crc`` is False only where a stronger hash covers stored content anyway.
    """

    def __init__(
        self,
        path: Path | str,
        limits: Limits,
        refuse: Refuse,
        *,
        verify_stored_crc: bool = True,
        chunk_size: int = CHUNK,
    ) -> None:
        self.path = Path(path)
        self.limits = limits
        self._refuse = refuse
        self._verify_stored_crc = verify_stored_crc
        self.chunk_size = chunk_size  # the reading unit: memory held per read vs calls made
        self.members: dict[str, Member] = {}  # file entries, in directory order
        self.entries: list[str] = []  # every entry name (folders too), in directory order
        self.directories: list[str] = []
        self._infos: dict[str, zipfile.ZipInfo] = {}
        self._fh = self._open_file()
        try:
            self._check()
        except BaseException:
            self._fh.close()
            raise

    def refused(
        self,
        problem: Problem,
        entry: str = "",
        other: str = "",
        *,
        number: int = 0,
        size: int = 0,
        limit: int = 0,
        ratio: float = 0.0,
        detail: str = "",
    ) -> Exception:
        """The caller's error for ``problem`` about ``entry`` (and ``other``), with its facts."""
        return self._refuse(
            Refusal(problem, self.path, entry, other, number, size, limit, ratio, detail)
        )

    # -- opening -------------------------------------------------------------------------
    def _open_file(self) -> io.FileIO:
        if self.path.is_dir():
            raise self.refused(Problem.FOLDER)
        try:
            # A pipe, device or socket would block open() or read() forever (a FIFO named like a
            # project): only a regular file is opened. O_NONBLOCK makes even the open of a FIFO
            # return at once; fstat then judges what was actually opened (no race with a swap).
            fd = os.open(self.path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | _O_BINARY)
        except FileNotFoundError:
            raise self.refused(Problem.NOT_FOUND) from None
        except IsADirectoryError:
            raise self.refused(Problem.FOLDER) from None
        except PermissionError:
            raise self.refused(Problem.NO_PERMISSION) from None
        except OSError as exc:
            raise self.refused(Problem.UNREADABLE, detail=exc.strerror or str(exc)) from None
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            raise self.refused(Problem.NOT_REGULAR)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        # Unbuffered and read-only: large reads go straight into our buffer, and a failed open
        # can never alter the file.
        return io.FileIO(fd, "rb", closefd=True)

    def _check(self) -> None:
        size = os.fstat(self._fh.fileno()).st_size
        self.file_size = size
        if size == 0:
            raise self.refused(Problem.EMPTY_FILE)
        if self._fh.read(4) not in (_LOCAL_SIG, _EOCD_SIG):
            raise self.refused(Problem.NOT_ZIP)
        self._check_end_record(size)
        infos, start_dir = self._read_directory(size)
        self._check_declared(infos)
        self._check_local_headers(start_dir)

    def _check_end_record(self, file_size: int) -> None:
        """Find the end record and check the entry count it declares, before parsing more."""
        tail_len = min(file_size, _EOCD_SIZE + _MAX_COMMENT)
        self._fh.seek(file_size - tail_len)
        tail = self._fh.read(tail_len)
        pos = tail.rfind(_EOCD_SIG)
        if pos < 0 or len(tail) - pos < _EOCD_SIZE:
            raise self.refused(Problem.TRUNCATED)
        (_, _, _, _, total, cd_size, _, _) = struct.unpack("<4s4H2LH", tail[pos : pos + _EOCD_SIZE])
        # The parser reads the central directory into memory: bound it before it is read
        # (a name is at most max_name_length; 1 KiB per entry leaves room for extra fields).
        if cd_size != 0xFFFFFFFF and cd_size > self.limits.max_entries * 1024:
            raise self.refused(Problem.DIRECTORY_TOO_LARGE, size=cd_size)
        if total == 0xFFFF and pos >= 20:  # zip64: the count is in the zip64 end record
            locator = tail[pos - 20 : pos]
            if locator[:4] == _EOCD64_LOCATOR_SIG:
                (offset,) = struct.unpack("<Q", locator[8:16])
                if offset + 56 <= file_size:
                    self._fh.seek(offset)
                    record = self._fh.read(56)
                    if record[:4] == _EOCD64_SIG:
                        (total,) = struct.unpack("<Q", record[32:40])
        self._check_count(total)
        if total == 0:
            raise self.refused(Problem.NO_ENTRIES)

    def _check_count(self, count: int) -> None:
        if count > self.limits.max_entries:
            raise self.refused(
                Problem.TOO_MANY_ENTRIES, number=count, limit=self.limits.max_entries
            )

    def _read_directory(self, file_size: int) -> tuple[list[zipfile.ZipInfo], int]:
        self._fh.seek(0)
        try:
            with zipfile.ZipFile(self._fh) as parsed:  # parses the central directory only
                infos = parsed.infolist()
                start_dir = int(getattr(parsed, "start_dir", file_size))
        except NotImplementedError as exc:  # e.g. a "version needed" from the future
            raise self.refused(Problem.UNSUPPORTED_FEATURE, detail=str(exc)) from None
        except (
            zipfile.BadZipFile,
            zipfile.LargeZipFile,
            EOFError,
            ValueError,
            struct.error,
            OverflowError,
            UnicodeDecodeError,
        ) as exc:
            raise self.refused(Problem.DIRECTORY_DAMAGED, detail=str(exc)) from None
        self._check_count(len(infos))
        return infos, start_dir

    def _check_declared(self, infos: list[zipfile.ZipInfo]) -> None:
        """What the central directory declares: names, kinds, flags, sizes (nothing read yet)."""
        seen: dict[str, str] = {}
        total = 0
        for info in infos:
            # orig_filename: zipfile cuts a name at NUL and turns os.sep into '/'; judge the
            # name as stored.
            name = info.orig_filename
            problem = name_problem(name, self.limits.max_name_length)
            if problem is not None:
                raise self.refused(problem, name, limit=self.limits.max_name_length)
            folded = unicodedata.normalize("NFC", name).casefold()
            if folded in seen:
                first = seen[folded]
                duplicate = Problem.DUPLICATE if first == name else Problem.DUPLICATE_BY_CASE
                raise self.refused(duplicate, name, first)
            seen[folded] = name
            self.entries.append(name)
            self._infos[name] = info
            self._check_kind(info)
            if name.endswith("/"):
                if info.file_size:
                    raise self.refused(Problem.FOLDER_WITH_DATA, name)
                self.directories.append(name)
                continue
            self._check_sizes(info)
            total += info.file_size
            self.members[name] = Member(
                name, info.file_size, info.compress_size, info.compress_type, info.CRC, 0
            )
        if total > self.limits.max_total_size:  # the whole claim, so the message states it
            raise self.refused(
                Problem.TOTAL_TOO_LARGE, size=total, limit=self.limits.max_total_size
            )

    def _check_kind(self, info: zipfile.ZipInfo) -> None:
        name = info.orig_filename
        kind = stat.S_IFMT(info.external_attr >> 16)
        if kind == stat.S_IFLNK:
            raise self.refused(Problem.SYMLINK, name)
        if kind not in (0, stat.S_IFREG, stat.S_IFDIR):
            raise self.refused(Problem.SPECIAL_FILE, name)
        if info.flag_bits & _ENCRYPTED:
            raise self.refused(Problem.ENCRYPTED, name)
        if info.flag_bits & _PATCHED:
            raise self.refused(Problem.PATCHED_DATA, name)
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise self.refused(Problem.COMPRESSION, name, number=info.compress_type)

    def _check_sizes(self, info: zipfile.ZipInfo) -> None:
        name, size, packed = info.orig_filename, info.file_size, info.compress_size
        limits = self.limits
        if size > limits.max_member_size:
            raise self.refused(
                Problem.MEMBER_TOO_LARGE, name, size=size, limit=limits.max_member_size
            )
        if info.compress_type == zipfile.ZIP_STORED and size != packed:
            raise self.refused(Problem.STORED_SIZES_DIFFER, name)
        if size > limits.ratio_floor and size > packed * limits.max_ratio:
            ratio = size / max(packed, 1)
            raise self.refused(Problem.RATIO, name, ratio=ratio, limit=limits.max_ratio)

    def _check_local_headers(self, start_dir: int) -> None:
        """Each file's local header: present, not overlapping another, same name, in the file."""
        local_names: dict[str, bytes] = {}
        extents: list[tuple[int, int, str]] = []
        for name, member in self.members.items():
            offset = self._infos[name].header_offset  # negative when the directory lies
            header = b""
            if 0 <= offset < start_dir:
                self._fh.seek(offset)
                header = self._fh.read(_LOCAL_HEADER_SIZE)
            if len(header) < _LOCAL_HEADER_SIZE or header[:4] != _LOCAL_SIG:
                raise self.refused(Problem.LOCAL_HEADER_MISSING, name)
            name_len, extra_len = struct.unpack("<HH", header[26:30])
            local_names[name] = self._fh.read(name_len)
            data_offset = offset + _LOCAL_HEADER_SIZE + name_len + extra_len
            self.members[name] = Member(
                name, member.size, member.compressed_size, member.method, member.crc, data_offset
            )
            extents.append((offset, data_offset + member.compressed_size, name))
        # Entries sharing bytes are how "overlapping" zip bombs multiply a small payload.
        extents.sort()
        for (_, end, first), (start, _, second) in zip(extents, extents[1:], strict=False):
            if start < end:
                raise self.refused(Problem.OVERLAP, first, second)
        for name, member in self.members.items():
            info = self._infos[name]
            encoding = "utf-8" if info.flag_bits & _UTF8_NAME else "cp437"
            if local_names[name].decode(encoding, errors="replace") != info.orig_filename:
                raise self.refused(Problem.LOCAL_NAME_DIFFERS, name)
            if member.data_offset + member.compressed_size > start_dir:
                raise self.refused(Problem.DATA_PAST_END, name)

    # -- reading -------------------------------------------------------------------------
    def names(self) -> list[str]:
        """The file entries (not folders), in directory order."""
        return list(self.members)

    def has(self, name: str) -> bool:
        return name in self.members

    def chunks(self, name: str, chunk_size: int | None = None) -> Iterator[bytes | memoryview]:
        """The member's bytes, chunk by chunk; counted and checked while they are produced.

        A chunk may be a view of a reused buffer: use it before asking for the next one.
        """
        member = self.members[name]
        chunk_size = chunk_size or self.chunk_size
        try:
            self._fh.seek(member.data_offset)
            if member.method == zipfile.ZIP_STORED:
                yield from self._stored(member, chunk_size)
            else:
                yield from self._inflated(member, chunk_size)
        except OSError as exc:  # the medium went away (a USB stick pulled) or failed
            raise self.refused(Problem.READ_FAILED, name, detail=exc.strerror or str(exc)) from None

    def _stored(self, member: Member, chunk_size: int) -> Iterator[memoryview]:
        remaining = member.compressed_size
        buffer = bytearray(min(chunk_size, max(remaining, 1)))
        view = memoryview(buffer)
        crc = 0
        while remaining:
            got = self._fh.readinto(view[: min(remaining, len(buffer))])
            if not got:
                raise self.refused(Problem.ENDS_EARLY, member.name)
            remaining -= got
            if self._verify_stored_crc:
                crc = zlib.crc32(view[:got], crc)
            yield view[:got]
        if self._verify_stored_crc and crc != member.crc:
            raise self.refused(Problem.CHECKSUM, member.name)

    def _inflated(self, member: Member, chunk_size: int) -> Iterator[bytes]:
        name = member.name
        inflater = zlib.decompressobj(-15)
        remaining = member.compressed_size
        produced = 0
        crc = 0
        while remaining or inflater.unconsumed_tail:
            if inflater.unconsumed_tail:
                data = inflater.unconsumed_tail
            else:
                data = self._fh.read(min(remaining, chunk_size))
                if not data:
                    raise self.refused(Problem.ENDS_EARLY, name)
                remaining -= len(data)
            try:
                out = inflater.decompress(data, chunk_size)
            except zlib.error:
                raise self.refused(Problem.MALFORMED_DATA, name) from None
            produced += len(out)
            if produced > member.size:  # the declared size lied: stop before memory runs out
                raise self.refused(Problem.MORE_THAN_DECLARED, name)
            crc = zlib.crc32(out, crc)
            if out:
                yield out
            if inflater.eof:
                break
        # The stream must end exactly at the end of the entry: a missing end-of-stream marker
        # or trailing bytes would otherwise let compressed data change without the content.
        if not inflater.eof or inflater.unused_data or remaining:
            raise self.refused(Problem.MALFORMED_DATA, name)
        if produced != member.size:
            raise self.refused(Problem.SHORTER_THAN_DECLARED, name)
        if crc != member.crc:
            raise self.refused(Problem.CHECKSUM, name)

    def read(self, name: str, limit: int = 64 * _MiB) -> bytes:
        """The whole member, refused before reading when it declares more than ``limit``."""
        member = self.members[name]
        if member.size > limit:
            raise self.refused(Problem.TOO_LARGE_TO_READ, name, size=member.size, limit=limit)
        return b"".join(bytes(chunk) for chunk in self.chunks(name))

    def sha256(self, name: str) -> tuple[str, int]:
        """Hex digest and byte count of a member, streamed (never held in memory whole)."""
        digest = hashlib.sha256()
        count = 0
        for chunk in self.chunks(name):
            digest.update(chunk)
            count += len(chunk)
        return digest.hexdigest(), count

    # -- lifetime ------------------------------------------------------------------------
    def close(self) -> None:
        self._fh.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
