"""Helpers for the package tests: a small real bag written by the core, and zip surgery.

``write_sample_bag`` uses ``writer.write_bag`` directly (no project, no engine), so the
zip/BagIt core is tested on its own. ``flip_byte``, ``without_member`` and ``with_member``
alter a package the ways the property tests need.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

from jcm_pdd.package.safezip import SafeZip
from jcm_pdd.package.writer import BagResult, PayloadFile, write_bag


def sample_payload(seed: int = 7) -> list[PayloadFile]:
    rng = bytes((seed * n * 31 + n // 7) % 256 for n in range(50_000))
    return [
        PayloadFile("project/sample.jcmpdd", "project", data=b"PK-not-really-a-project" * 10),
        PayloadFile("documents/pdd.pdf", "document: pdd_pdf", data=rng),
        PayloadFile("documents/notes.txt", "document: notes", data=b"plain text\n" * 500),
        PayloadFile("calculation/trace.json", "calculation trace", data=b'{"figures": {}}\n'),
        PayloadFile("attachments/0123-site map.png", "attachment", data=rng[::-1]),
    ]


def write_sample_bag(path: Path, payload: list[PayloadFile] | None = None) -> BagResult:
    return write_bag(
        path,
        payload if payload is not None else sample_payload(),
        [("Project-Title", "Sample"), ("Package-Round", "1")],
        {"format": "jcmpkg", "round": 1},
    )


def member_extents(path: Path) -> dict[str, tuple[int, int]]:
    """``{name: (data offset, data length)}`` of every member."""
    with SafeZip(path) as zf:
        return {m.name: (m.data_offset, m.compressed_size) for m in zf.members.values()}


def flip_byte(path: Path, offset: int) -> None:
    with open(path, "r+b") as fh:
        fh.seek(offset)
        byte = fh.read(1)
        fh.seek(offset)
        fh.write(bytes([byte[0] ^ 0xFF]))


def _rewrite(
    src: Path, dst: Path, skip: str | None = None, add: tuple[str, bytes] | None = None
) -> None:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            if info.filename != skip:
                zout.writestr(info, zin.read(info))
        if add is not None:
            zout.writestr(zipfile.ZipInfo(add[0], (1980, 1, 1, 0, 0, 0)), add[1])


def without_member(path: Path, name: str) -> None:
    tmp = path.with_suffix(".tmp")
    _rewrite(path, tmp, skip=name)
    os.replace(tmp, path)


def with_member(path: Path, name: str, data: bytes) -> None:
    tmp = path.with_suffix(".tmp")
    _rewrite(path, tmp, add=(name, data))
    os.replace(tmp, path)
