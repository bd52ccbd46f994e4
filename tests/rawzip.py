"""A tiny raw zip writer for tests: it writes a zip exactly as told, however wrong that is.

``zipfile`` refuses to write most hostile files on purpose (symlink modes, lying sizes, spoofed
local names, overlapping or missing local headers, encryption flags), so the hostile-package
corpus (tests/package) and the tests of ``jcm_pdd.safezip`` build theirs with ``raw_zip``.
"""

from __future__ import annotations

import stat
import struct
import zlib
from dataclasses import dataclass

STORED, DEFLATED, BZIP2 = 0, 8, 12
REGULAR = (stat.S_IFREG | 0o644) << 16


@dataclass
class RawEntry:
    name: str
    data: bytes = b""
    method: int = STORED
    declared_size: int | None = None  # the uncompressed size the directory states
    declared_packed: int | None = None  # the compressed size the directory states
    flags: int = 0
    external_attr: int = REGULAR
    local_name: str | None = None
    offset_of: str | None = None  # reuse another entry's local header (overlap)
    # Where the directory says the local header is; when set, no local header is written.
    header_offset: int | None = None
    crc: int | None = None  # the checksum the headers state
    packed: bytes | None = None  # the compressed bytes as stored (else made from data)


def _packed(entry: RawEntry) -> bytes:
    if entry.packed is not None:
        return entry.packed
    if entry.method == DEFLATED:
        packer = zlib.compressobj(6, zlib.DEFLATED, -15)
        return packer.compress(entry.data) + packer.flush()
    return entry.data


def raw_zip(entries: list[RawEntry]) -> bytes:
    """Write a zip exactly as told, however wrong that is."""
    body = bytearray()
    central = bytearray()
    offsets: dict[str, int] = {}
    for e in entries:
        packed = _packed(e)
        size = len(e.data) if e.declared_size is None else e.declared_size
        # version needed, flags, method, time, date, CRC, sizes: alike in both headers
        common = struct.pack(
            "<5H3L",
            20,
            e.flags,
            e.method,
            0,
            0x21,
            zlib.crc32(e.data) if e.crc is None else e.crc,
            len(packed) if e.declared_packed is None else e.declared_packed,
            size,
        )
        if e.header_offset is not None:
            offset = e.header_offset
        elif e.offset_of is not None:
            offset = offsets[e.offset_of]
        else:
            offset = len(body)
            local = (e.local_name if e.local_name is not None else e.name).encode()
            body += b"PK\x03\x04" + common + struct.pack("<2H", len(local), 0) + local + packed
        offsets[e.name] = offset
        name = e.name.encode()
        # made by (Unix, 2.0), the common fields, lengths, disk, attributes, local header offset
        central += b"PK\x01\x02" + struct.pack("<H", (3 << 8) | 20) + common
        central += struct.pack("<5H2L", len(name), 0, 0, 0, 0, e.external_attr, offset) + name
    eocd = struct.pack(
        "<4s4H2LH", b"PK\x05\x06", 0, 0, len(entries), len(entries), len(central), len(body), 0
    )
    return bytes(body + central + eocd)
