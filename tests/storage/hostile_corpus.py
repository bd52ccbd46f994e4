"""A corpus of malformed and hostile project files, generated (no binaries in the repository).

Each ``Case`` builds one file into a given path and names a fragment of the user-worded error
it must produce. Cases cover damage (empty, truncated, bad checksums), foreign files (a text
file, a plain zip, an OpenDocument), hostile containers (path escapes, symbolic links,
duplicates, zip bombs by ratio, size, count and overlap) and bad content (invalid JSON, schema
errors, a newer or inconsistent format, missing or altered attachments).
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from storage_builders import (
    CD_CSIZE,
    CD_FLAGS,
    CD_LOCAL_OFFSET,
    CD_USIZE,
    CD_VERSION_NEEDED,
    FIGURE,
    FIGURE_SHA,
    Entry,
    central_field,
    manifest_bytes,
    patch_central,
    project_data,
    replace,
    valid_entries,
    write_raw,
)

from jcm_pdd.model import FORMAT_VERSION

Builder = Callable[[Path], object]


@dataclass(frozen=True)
class Case:
    name: str
    build: Builder
    expect: str  # a fragment of the message the user must see


def _with(entries_change: Callable[[list[Entry]], list[Entry]]) -> Builder:
    return lambda path: write_raw(path, entries_change(valid_entries()))


def _project(data: object) -> Builder:
    raw = data if isinstance(data, bytes) else json.dumps(data).encode()
    return _with(lambda e: replace(e, "project.json", raw))


def _manifest(raw: bytes) -> Builder:
    return _with(lambda e: replace(e, "manifest.json", raw))


def _extra(entry: Entry) -> Builder:
    return _with(lambda e: [*e, entry])


def _truncated(path: Path) -> None:
    write_raw(path, valid_entries())
    blob = path.read_bytes()
    path.write_bytes(blob[: len(blob) // 2])


def _flip_attachment_byte(path: Path) -> None:
    write_raw(path, valid_entries())
    blob = bytearray(path.read_bytes())
    at = blob.index(FIGURE[100:140]) + 10  # stored, so the content sits verbatim in the file
    blob[at] ^= 0xFF
    path.write_bytes(bytes(blob))


def _patched(entry: str, offset: int, fmt: str, value: int | Callable[[Path], int]) -> Builder:
    def build(path: Path) -> None:
        write_raw(path, valid_entries())
        patch_central(path, entry, offset, fmt, value(path) if callable(value) else value)

    return build


def _declared_huge(path: Path) -> None:
    """Three stored entries each claiming ~4 GB (ratio 1:1, so only the total gives it away)."""
    entries = valid_entries() + [Entry(f"pad{i}.bin", b"x", zipfile.ZIP_STORED) for i in range(3)]
    write_raw(path, entries)
    for i in range(3):
        for field in (CD_CSIZE, CD_USIZE):
            patch_central(path, f"pad{i}.bin", field, "<I", 0xFFFFFFF0)


def _ratio_bomb(path: Path) -> None:
    """8 MiB of zeros (about 8 KB deflated) declared as 2 GiB: far above the absolute floor."""
    write_raw(path, [*valid_entries(), Entry("attachments/zeros", b"\0" * (8 * 1024 * 1024))])
    patch_central(path, "attachments/zeros", CD_USIZE, "<I", 0x7FFFFFFF)


def _too_many(path: Path) -> None:
    entries = valid_entries() + [Entry(f"n/{i}", b"", zipfile.ZIP_STORED) for i in range(10_001)]
    write_raw(path, entries)


def _name_mismatch(path: Path) -> None:
    """The central directory names an entry differently from its local header."""
    entries = valid_entries()
    write_raw(path, entries)
    blob = bytearray(path.read_bytes())
    local = blob.index(b"PK\x03\x04" + blob[4:26], 0)  # first local header (mimetype)
    del local
    # Rename project.json's *local* header name in place (same length keeps offsets valid).
    at = blob.index(b"project.json")
    blob[at : at + 12] = b"projekt.json"
    path.write_bytes(bytes(blob))


def _odf(path: Path) -> None:
    write_raw(
        path,
        [
            Entry("mimetype", b"application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED),
            Entry("content.xml", b"<x/>"),
        ],
    )


def _deep_json() -> bytes:
    return b"[" * 200_000 + b"]" * 200_000


def _newer_unreadable() -> dict[str, object]:
    return project_data(format_version=FORMAT_VERSION + 1, carbon_market_links=["new format"])


CASES: list[Case] = [
    Case("empty", lambda p: p.write_bytes(b""), "the file is empty"),
    Case(
        "text file",
        lambda p: p.write_text("Dear TPE,\nplease find attached"),
        "not a zip container",
    ),
    Case("truncated", _truncated, "end of the zip container is missing"),
    Case(
        "plain zip",
        lambda p: write_raw(p, [Entry("notes.txt", b"hello")]),
        "has no 'mimetype' entry",
    ),
    Case("opendocument", _odf, "application/vnd.oasis.opendocument.text"),
    Case("mimetype not first", _with(lambda e: [e[1], e[0], *e[2:]]), "is not the first entry"),
    Case(
        "mimetype compressed",
        _with(lambda e: [Entry("mimetype", e[0].data, zipfile.ZIP_DEFLATED), *e[1:]]),
        "'mimetype' entry is compressed",
    ),
    Case(
        "no manifest",
        _with(lambda e: [x for x in e if x.name != "manifest.json"]),
        "has no manifest.json",
    ),
    Case("manifest not json", _manifest(b"{format_version: 1"), "manifest.json is not valid JSON"),
    Case("manifest not object", _manifest(b"[1, 2]"), "manifest.json does not hold a JSON object"),
    Case(
        "manifest no version",
        _manifest(b'{"app_version": "0.1"}'),
        "does not state a valid format version",
    ),
    Case(
        "no project.json",
        _with(lambda e: [x for x in e if x.name != "project.json"]),
        "has no project.json",
    ),
    Case(
        "project not json", _project(b'{"pdd": {"title": "x",}}'), "project.json is not valid JSON"
    ),
    Case(
        "project not utf-8",
        _project('{"pdd": {"title": "Ölgii"}}'.encode("latin-1")),
        "is not UTF-8 text",
    ),
    Case("project is a list", _project([1, 2, 3]), "expected a JSON object, found list"),
    Case("project nested deeply", _project(_deep_json()), "nested too deeply"),
    Case(
        "project huge integer",
        _project(b'{"format_version": 1, "pdd": ' + b"9" * 5000 + b"}"),
        "holds a number too long to be read",
    ),
    Case(
        "latitude out of range",
        _project(project_data(pdd={"sites": [{"latitude": "95"}]})),
        "pdd.sites.0.latitude: must be between -90 and 90",
    ),
    Case(  # Python's Decimal would read the Arabic-Indic digits as 47.9 unseen
        "latitude in other digits",
        _project(project_data(pdd={"sites": [{"latitude": "\u0664\u0667.\u0669"}]})),
        "pdd.sites.0.latitude: “٤٧.٩” is written with ‘٤’ (arabic-indic digit four); write numbers "
        "with the digits 0-9",
    ),
    Case(  # a look-alike named by its Unicode name, as its shape cannot tell it from '-'
        "latitude with a typographic minus sign",
        _project(project_data(pdd={"sites": [{"latitude": "\u221247.9"}]})),
        "pdd.sites.0.latitude: “−47.9” is written with ‘−’ (minus sign); write numbers with the "
        "digits 0-9",
    ),
    Case(
        "unknown field",
        _project(project_data(pdd={"titel": "typo"})),
        "pdd.titel: is not a field of a JCM PDD Studio project",
    ),
    Case(
        "bad date",
        _project(project_data(pdd={"duration": {"start_date": "31/12/2024"}})),
        "pdd.duration.start_date: must be a date written YYYY-MM-DD",
    ),
    Case(
        "bad digest",
        _project(project_data(attachments=[{"sha256": "abc"}])),
        "attachments.0.sha256: must be a lowercase hexadecimal SHA-256",
    ),
    Case(
        "newer unreadable",
        _with(
            lambda e: replace(
                replace(e, "manifest.json", manifest_bytes(FORMAT_VERSION + 1)),
                "project.json",
                json.dumps(_newer_unreadable()).encode(),
            )
        ),
        "made by a newer version of JCM PDD Studio",
    ),
    Case("version mismatch", _manifest(manifest_bytes(0)), "disagree about the format version"),
    Case(
        "v0 unconvertible",
        _with(
            lambda e: replace(
                replace(e, "manifest.json", manifest_bytes(0)),
                "project.json",
                b'{"format_version": 0, "sites": "everywhere"}',
            )
        ),
        "could not be converted",
    ),
    Case("dotdot", _extra(Entry("../../evil.sh", b"rm -rf ~")), "uses '..' to point outside"),
    Case("absolute", _extra(Entry("/etc/cron.d/evil", b"* * * * * x")), "has an absolute path"),
    Case("drive letter", _extra(Entry("C:/Windows/evil.dll", b"MZ")), "has an absolute path"),
    Case("backslash", _extra(Entry("attachments\\..\\evil", b"x")), "contains a backslash"),
    Case(
        "symlink",
        _extra(Entry("attachments/link", b"/etc/passwd", attrs={"external_attr": 0o120777 << 16})),
        "is a symbolic link",
    ),
    Case(
        "duplicate",
        _extra(Entry("project.json", b'{"pdd": {"title": "shadow"}}')),
        "more than once",
    ),
    Case("ratio bomb", _ratio_bomb, "would expand"),
    Case("declared size bomb", _declared_huge, "when unpacked"),
    Case("too many entries", _too_many, "too many entries"),
    Case(
        "overlapping entries",
        _patched("manifest.json", CD_LOCAL_OFFSET, "<I", 0),
        "overlap each other",
    ),
    Case("encrypted", _patched("project.json", CD_FLAGS, "<H", 0x1), "is encrypted"),
    Case("patched data", _patched("project.json", CD_FLAGS, "<H", 0x20), "(patched data)"),
    Case(
        "future zip version",
        _patched("project.json", CD_VERSION_NEEDED, "<H", 80),
        "zip features JCM PDD Studio does not read",
    ),
    Case(
        "bzip2",
        _with(lambda e: [*e[:2], Entry("project.json", e[2].data, zipfile.ZIP_BZIP2), *e[3:]]),
        "compression method",
    ),
    Case("crc damage", _flip_attachment_byte, "checksum does not match its content"),
    Case("local name differs", _name_mismatch, "carries a different name in the file"),
    Case(
        "declares more than it holds",
        _patched(
            "project.json",
            CD_USIZE,
            "<I",
            lambda p: central_field(p, "project.json", CD_USIZE, "<I") + 100,
        ),
        "shorter than it declares",
    ),
    Case(
        "attachment missing",
        _with(lambda e: [x for x in e if not x.name.startswith("attachments/")]),
        "content is missing from the file",
    ),
    Case(
        "attachment altered",
        _with(lambda e: replace(e, f"attachments/{FIGURE_SHA}", FIGURE[::-1])),
        "does not match its recorded checksum",
    ),
    Case(
        "attachment not a digest",
        _extra(Entry("attachments/invoice.exe", b"MZ")),
        "is not named by its content checksum",
    ),
    Case("stray entry", _extra(Entry("macros/autorun.py", b"print(1)")), "not part of a project"),
    Case(
        "entry too large",
        _with(
            lambda e: [
                *e[:2],
                Entry(
                    "project.json",
                    b'{"pdd": {"title": "' + b"A" * (65 * 1024 * 1024) + b'"}}',
                    zipfile.ZIP_STORED,
                ),
                *e[3:],
            ]
        ),
        "is too large",
    ),
]
