"""A corpus of hostile and broken packages, each with the words its error must contain.

Built in memory by the raw zip writer of tests/rawzip.py because ``zipfile`` refuses to write
most of these on purpose: symlink modes, lying sizes, spoofed local names, overlapping entries,
encryption flags. ``CORPUS`` maps a case name to a ``Hostile`` (bytes, expected message
fragment, and optional custom limits). The tests assert each message, that verification
never says VERIFIED, that opening refuses, and that nothing is written anywhere.
"""

from __future__ import annotations

import hashlib
import stat
from collections.abc import Callable
from dataclasses import dataclass, field

from rawzip import BZIP2, DEFLATED, RawEntry, raw_zip

from jcm_pdd.package.safezip import Limits


@dataclass
class Hostile:
    data: bytes
    message: str
    limits: Limits = field(default_factory=Limits)


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
    """``data/b.txt``'s local header and data sit inside the data of ``data/a.txt``."""
    inner = RawEntry("data/b.txt", b"B" * 64)
    inner_local = raw_zip([inner])[: 30 + len(inner.name) + 64]
    outer = RawEntry("data/a.txt", inner_local)
    inner.header_offset = 30 + len(outer.name)
    return raw_zip([outer, inner])


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
            # 4 MiB of zeros declared as 1 GiB: above the absolute floor, ~250,000 times its size
            bag(
                extra=[
                    RawEntry(
                        "data/zeros.bin", b"\0" * (4 * 1024 * 1024), DEFLATED, declared_size=1 << 30
                    )
                ]
            ),
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
