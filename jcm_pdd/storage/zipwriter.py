"""A small zip writer that can copy stored entries raw, for saves at the speed of a file copy.

``zipfile`` recomputes a CRC-32 for every byte it writes; re-saving a project with 100 MB of
attachments would spend most of its time checksumming bytes that sit unchanged in the
previous container (or in a file whose CRC was computed when it was attached). This writer
takes a known CRC and copies such bytes raw, by ``os.copy_file_range`` where the platform
offers it (the kernel copies, as ``shutil.copyfile`` does), else in chunks. It writes only
what the project format needs: STORED and DEFLATED entries, UTF-8 names, ZIP64 records
when an entry, an offset or the entry count outgrows the classic 32/16-bit fields.
(APPNOTE.TXT 6.3: 4.3.7 local header, 4.3.12 central directory, 4.3.14-16 end records,
4.5.3 ZIP64 extra field.)
"""

from __future__ import annotations

import os
import struct
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import BinaryIO

from jcm_pdd.storage.container import CHUNK

STORED, DEFLATED = 0, 8
_MAX32 = 0xFFFFFFFF
_MAX16 = 0xFFFF
_UTF8_FLAG = 0x800
_UNIX_FILE = 0o100644 << 16
_MADE_BY = (3 << 8) | 45  # unix, spec 4.5


@dataclass
class _Written:
    name: bytes
    method: int
    crc: int
    compressed: int
    size: int
    offset: int
    dostime: int
    dosdate: int
    zip64: bool
    data_offset: int = 0


def _dos(when: datetime) -> tuple[int, int]:
    year = max(when.year, 1980)
    date = ((year - 1980) << 9) | (when.month << 5) | when.day
    time = (when.hour << 11) | (when.minute << 5) | (when.second // 2)
    return time, date


class SizeMismatch(Exception):
    """A source produced a different number of bytes than announced (it changed meanwhile)."""


class ZipWriter:
    """Write entries sequentially to a seekable, unbuffered binary file; ``close`` ends it."""

    def __init__(self, out: BinaryIO, when: datetime, zip64_threshold: int = _MAX32) -> None:
        self._out = out
        self._time, self._date = _dos(when)
        self._limit = zip64_threshold  # tests lower it to exercise the ZIP64 records
        self._entries: list[_Written] = []
        self._start = out.tell()

    # -- entries ------------------------------------------------------------------------------
    def _header(self, entry: _Written) -> bytes:
        extra = b""
        csize, usize = entry.compressed, entry.size
        if entry.zip64:
            extra = struct.pack("<HHQQ", 1, 16, entry.size, entry.compressed)
            csize = usize = _MAX32
        flags = _UTF8_FLAG if not entry.name.isascii() else 0
        return (
            struct.pack(
                "<IHHHHHIIIHH",
                0x04034B50,
                45 if entry.zip64 else 20,
                flags,
                entry.method,
                entry.dostime,
                entry.dosdate,
                entry.crc,
                csize,
                usize,
                len(entry.name),
                len(extra),
            )
            + entry.name
            + extra
        )

    def _begin(self, name: str, method: int, crc: int, compressed: int, size: int) -> _Written:
        entry = _Written(
            name=name.encode("utf-8"),
            method=method,
            crc=crc,
            compressed=compressed,
            size=size,
            offset=self._out.tell(),
            dostime=self._time,
            dosdate=self._date,
            zip64=max(size, compressed) >= self._limit,
        )
        header = self._header(entry)
        self._out.write(header)
        entry.data_offset = entry.offset + len(header)
        self._entries.append(entry)
        return entry

    def placements(self) -> dict[str, tuple[int, int]]:
        """Entry name -> (offset of its data in the file, CRC-32), for later raw copies."""
        return {e.name.decode("utf-8"): (e.data_offset, e.crc) for e in self._entries}

    def write_bytes(self, name: str, data: bytes, *, deflate: bool) -> None:
        """A small entry held in memory (mimetype, manifest, project.json)."""
        crc = zlib.crc32(data)
        if deflate:
            packer = zlib.compressobj(6, zlib.DEFLATED, -15)  # raw deflate stream, as zip wants
            payload = packer.compress(data) + packer.flush()
        else:
            payload = data
        self._begin(name, DEFLATED if deflate else STORED, crc, len(payload), len(data))
        self._out.write(payload)

    def write_chunks(self, name: str, size: int, chunks: Iterable[bytes]) -> None:
        """A stored entry streamed from ``chunks``; its CRC is patched into the header after."""
        entry = self._begin(name, STORED, 0, size, size)
        crc = 0
        written = 0
        for chunk in chunks:
            crc = zlib.crc32(chunk, crc)
            written += len(chunk)
            if written > size:
                raise SizeMismatch(name)
            self._out.write(chunk)
        if written != size:
            raise SizeMismatch(name)
        end = self._out.tell()
        self._out.seek(entry.offset + 14)  # the CRC field of the local header
        self._out.write(struct.pack("<I", crc))
        self._out.seek(end)
        entry.crc = crc

    def write_raw(self, name: str, source: BinaryIO, offset: int, size: int, crc: int) -> None:
        """A stored entry whose bytes (and CRC) are known: copied raw from ``source``."""
        self._begin(name, STORED, crc, size, size)
        copied = _copy_range(source, offset, self._out, size)
        if copied != size:
            raise SizeMismatch(name)

    # -- end ----------------------------------------------------------------------------------
    def close(self) -> None:
        out = self._out
        directory_start = out.tell()
        for entry in self._entries:
            fields: list[int] = []
            usize, csize, offset = entry.size, entry.compressed, entry.offset - self._start
            if usize >= self._limit:
                fields.append(usize)
                usize = _MAX32
            if csize >= self._limit:
                fields.append(csize)
                csize = _MAX32
            if offset >= self._limit:
                fields.append(offset)
                offset = _MAX32
            extra = (
                struct.pack(f"<HH{len(fields)}Q", 1, 8 * len(fields), *fields) if fields else b""
            )
            flags = _UTF8_FLAG if not entry.name.isascii() else 0
            out.write(
                struct.pack(
                    "<IHHHHHHIIIHHHHHII",
                    0x02014B50,
                    _MADE_BY,
                    45 if fields or entry.zip64 else 20,
                    flags,
                    entry.method,
                    entry.dostime,
                    entry.dosdate,
                    entry.crc,
                    csize,
                    usize,
                    len(entry.name),
                    len(extra),
                    0,
                    0,
                    0,
                    _UNIX_FILE,
                    offset,
                )
                + entry.name
                + extra
            )
        directory_end = out.tell()
        count = len(self._entries)
        size = directory_end - directory_start
        start = directory_start - self._start
        if count >= _MAX16 or size >= self._limit or start >= self._limit:
            out.write(
                struct.pack(
                    "<IQHHIIQQQQ", 0x06064B50, 44, _MADE_BY, 45, 0, 0, count, count, size, start
                )
            )
            out.write(struct.pack("<IIQI", 0x07064B50, 0, directory_end - self._start, 1))
            count, size, start = min(count, _MAX16), min(size, _MAX32), _MAX32
        out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, size, start, 0))


def _copy_range(source: BinaryIO, offset: int, target: BinaryIO, size: int) -> int:
    """Copy ``size`` bytes from ``offset`` of ``source`` to ``target``'s current position."""
    done = 0
    copy_range = getattr(os, "copy_file_range", None)
    if copy_range is not None:
        try:
            src, dst = source.fileno(), target.fileno()
            while done < size:
                step = copy_range(src, dst, min(size - done, 1 << 30), offset + done)
                if step == 0:
                    return done
                done += step
            return done
        except OSError:
            pass  # e.g. across file systems on older kernels: copy the rest in chunks
    source.seek(offset + done)
    while done < size:
        chunk = source.read(min(CHUNK, size - done))
        if not chunk:
            break
        target.write(chunk)
        done += len(chunk)
    return done
