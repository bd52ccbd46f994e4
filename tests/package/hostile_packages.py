"""A corpus of hostile and broken packages, each with the words its error must contain.

Built in memory by a tiny raw zip writer (below) because ``zipfile`` refuses to write most of
these on purpose: symlink modes, lying sizes, spoofed local names, overlapping entries,
encryption flags. ``CORPUS`` maps a case name to a ``Hostile`` (bytes, expected message
fragment, and optional custom limits). The tests assert each message, that verification
never says VERIFIED, that opening refuses, and that nothing is written anywhere.
"""

from __future__ import annotations

import hashlib
import stat
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field

from jcm_pdd.package.safezip import Limits

STORED, DEFLATED, BZIP2 = 0, 8, 12
REGULAR = (stat.S_IFREG | 0o644) << 16


@dataclass
class RawEntry:
    name: str
    data: bytes = b""
    method: int = STORED
    declared_size: int | None = None
    flags: int = 0
    external_attr: int = REGULAR
    local_name: str | None = None
    offset_of: str | None = None  # reuse another entry's local header (overlap)


@dataclass
class Hostile:
    data: bytes
    message: str
    limits: Limits = field(default_factory=Limits)


def raw_zip(entries: list[RawEntry]) -> bytes:
    """Write a zip exactly as told, however wrong that is."""
    body = bytearray()
    central = bytearray()
    offsets: dict[str, int] = {}
    for e in entries:
        if e.method == DEFLATED:
            packer = zlib.compressobj(6, zlib.DEFLATED, -15)
            packed = packer.compress(e.data) + packer.flush()
        else:
            packed = e.data
        crc = zlib.crc32(e.data)
        size = len(e.data) if e.declared_size is None else e.declared_size
        name = e.name.encode()
        if e.offset_of is not None:
            offset = offsets[e.offset_of]
        else:
            offset = len(body)
            local = (e.local_name if e.local_name is not None else e.name).encode()
            body += struct.pack(
                "<4s5H3L2H",
                b"PK\x03\x04",
                20,
                e.flags,
                e.method,
                0,
                0x21,
                crc,
                len(packed),
                size,
                len(local),
                0,
            )
            body += local + packed
        offsets[e.name] = offset
        central += struct.pack(
            "<4s6H3L5H2L",
            b"PK\x01\x02",
            (3 << 8) | 20,
            20,
            e.flags,
            e.method,
            0,
            0x21,
            crc,
            len(packed),
            size,
            len(name),
            0,
            0,
            0,
            0,
            e.external_attr,
            offset,
        )
        central += name
    eocd = struct.pack(
        "<4s4H2LH", b"PK\x05\x06", 0, 0, len(entries), len(entries), len(central), len(body), 0
    )
    return bytes(body + central + eocd)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


BAGIT = b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
PAYLOAD = b"hello validator\n"


def bag(
    manifest: bytes | None = None,
    extra: list[RawEntry] | None = None,
    bagit_txt: bytes | None = BAGIT,
) -> bytes:
    """A minimal bag (one payload file) with an optionally replaced manifest."""
    if manifest is None:
        manifest = f"{_sha(PAYLOAD)}  data/hello.txt\n".encode()
    entries = [RawEntry("manifest-sha256.txt", manifest), RawEntry("data/hello.txt", PAYLOAD)]
    if bagit_txt is not None:
        entries.insert(0, RawEntry("bagit.txt", bagit_txt))
    return raw_zip(entries + (extra or []))


def _overlap() -> bytes:
    inner = RawEntry("data/b.txt", b"B" * 64)
    inner_bytes = raw_zip([inner])
    inner_local = inner_bytes[: 30 + len(inner.name) + 64]
    outer = RawEntry("data/a.txt", inner_local)
    data = raw_zip([outer])
    # Central directory: a.txt at 0, b.txt inside a.txt's data (30 + len(name) bytes in).
    body_len = 30 + len(outer.name) + len(inner_local)
    body = data[:body_len]
    offsets = {"data/a.txt": 0, "data/b.txt": 30 + len(outer.name)}
    central = bytearray()
    for entry, payload in ((outer, inner_local), (inner, b"B" * 64)):
        name = entry.name.encode()
        central += struct.pack(
            "<4s6H3L5H2L",
            b"PK\x01\x02",
            (3 << 8) | 20,
            20,
            0,
            0,
            0,
            0x21,
            zlib.crc32(payload),
            len(payload),
            len(payload),
            len(name),
            0,
            0,
            0,
            0,
            REGULAR,
            offsets[entry.name],
        )
        central += name
    eocd = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 2, 2, len(central), len(body), 0)
    return bytes(body + central + eocd)


def _many_entries() -> bytes:
    return raw_zip([RawEntry(f"data/{n}.txt", b"x") for n in range(10_001)])


def _cases() -> dict[str, Callable[[], Hostile]]:
    good = bag()
    return {
        "not_a_zip": lambda: Hostile(b"%PDF-1.7\n%binary\n" * 20, "it is not a zip file"),
        "empty_file": lambda: Hostile(b"", "The file is empty"),
        "truncated": lambda: Hostile(good[: len(good) // 2], "the end of the zip is missing"),
        "truncated_directory": lambda: Hostile(good[:-40] + good[-22:], "truncated or damaged"),
        "empty_zip": lambda: Hostile(raw_zip([]), "empty zip"),
        "zip_slip": lambda: Hostile(
            bag(extra=[RawEntry("data/../../evil.sh", b"rm -rf ~")]), "points outside the package"
        ),
        "absolute_path": lambda: Hostile(
            bag(extra=[RawEntry("/etc/cron.d/evil", b"x")]), "has an absolute path"
        ),
        "drive_path": lambda: Hostile(
            bag(extra=[RawEntry("C:/Windows/evil.dll", b"x")]), "has an absolute path"
        ),
        "backslash_path": lambda: Hostile(
            bag(extra=[RawEntry("data\\..\\..\\evil.bat", b"x")]), "uses backslashes"
        ),
        "control_characters": lambda: Hostile(
            bag(extra=[RawEntry("data/evil\x1b[2J.txt", b"x")]), "control characters"
        ),
        "symlink": lambda: Hostile(
            bag(
                extra=[
                    RawEntry(
                        "data/link", b"/etc/passwd", external_attr=(stat.S_IFLNK | 0o777) << 16
                    )
                ]
            ),
            "is a symbolic link",
        ),
        "device_file": lambda: Hostile(
            bag(extra=[RawEntry("data/dev", b"", external_attr=(stat.S_IFCHR | 0o666) << 16)]),
            "not a regular file",
        ),
        "ratio_bomb": lambda: Hostile(
            bag(extra=[RawEntry("data/zeros.bin", b"\0" * (20 * 1024 * 1024), DEFLATED)]),
            "expands",
        ),
        "size_lie_bomb": lambda: Hostile(
            bag(
                manifest=f"{_sha(PAYLOAD)}  data/hello.txt\n{_sha(b'x')}  data/lie.bin\n".encode(),
                extra=[
                    RawEntry(
                        "data/lie.bin", b"\0" * (3 * 1024 * 1024), DEFLATED, declared_size=50_000
                    )
                ],
            ),
            "unpacks to more data than it declares",
        ),
        "declared_huge_member": lambda: Hostile(
            bag(
                extra=[RawEntry("data/huge.bin", b"x" * 1000, DEFLATED, declared_size=3 * 1024**3)]
            ),
            "would unpack to",
        ),
        "total_size_bomb": lambda: Hostile(
            bag(extra=[RawEntry(f"data/{n}.bin", bytes(range(256)) * 1600) for n in range(4)]),
            "would unpack to more than",
            Limits(max_total_size=1024 * 1024),
        ),
        "too_many_entries": lambda: Hostile(_many_entries(), "more than the limit of 10000"),
        "huge_central_directory": lambda: Hostile(
            bag(extra=[RawEntry(f"data/{'x' * 300}{n}.txt", b"") for n in range(40)]),
            "zip directory is implausibly large",
            Limits(max_entries=10),
        ),
        "duplicate_names": lambda: Hostile(
            bag(extra=[RawEntry("data/hello.txt", b"evil twin")]), "appears twice"
        ),
        "case_duplicate_names": lambda: Hostile(
            bag(extra=[RawEntry("data/HELLO.txt", b"evil twin")]), "appears twice (as"
        ),
        "spoofed_local_name": lambda: Hostile(
            bag(extra=[RawEntry("data/ok.txt", b"x", local_name="../../ok.txt")]),
            "different name in its local header",
        ),
        "overlapping_entries": lambda: Hostile(_overlap(), "overlap"),
        "encrypted_entry": lambda: Hostile(
            bag(extra=[RawEntry("data/secret.txt", b"x", flags=0x1)]), "is encrypted"
        ),
        "unsupported_compression": lambda: Hostile(
            bag(extra=[RawEntry("data/b.bz2", b"x", method=BZIP2)]),
            "unsupported compression method",
        ),
        "missing_bagit_txt": lambda: Hostile(bag(bagit_txt=None), "'bagit.txt' is missing"),
        "manifest_outside_payload": lambda: Hostile(
            bag(manifest=f"{_sha(BAGIT)}  bagit.txt\n".encode()),
            "names a file outside the payload",
        ),
        "manifest_traversal": lambda: Hostile(
            bag(manifest=f"{_sha(PAYLOAD)}  data/../../etc/passwd\n".encode()),
            "names a file outside the payload",
        ),
        "manifest_malformed_line": lambda: Hostile(
            bag(manifest=b"d41d8cd98f00b204e9800998ecf8427e data/hello.txt\n"),
            "line 1 is malformed",
        ),
        "manifest_with_bom": lambda: Hostile(
            bag(manifest=b"\xef\xbb\xbf" + f"{_sha(PAYLOAD)}  data/hello.txt\n".encode()),
            "byte-order mark",
        ),
        "bag_info_escape_sequence": lambda: Hostile(
            bag(extra=[RawEntry("bag-info.txt", b"Project-Title: \x1b]0;pwned\x07\x1b[2J\n")]),
            "'bag-info.txt' contains control characters",
        ),
        "manifest_escape_sequence": lambda: Hostile(
            bag(manifest=f"{_sha(PAYLOAD)}  data/hello.txt\x1b[2J\n".encode()),
            "'manifest-sha256.txt' contains control characters",
        ),
        "bagit_txt_wrong_version": lambda: Hostile(
            bag(bagit_txt=b"BagIt-Version: 7.0\nTag-File-Character-Encoding: UTF-8\n"),
            "unsupported BagIt-Version",
        ),
    }


CASES = _cases()


def build(name: str) -> Hostile:
    return CASES[name]()
