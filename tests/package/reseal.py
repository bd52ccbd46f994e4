"""Forging a package the way a careful tamperer would: change a member, re-make every checksum.

Checksums alone cannot catch this (the manifests agree with the altered files), which is why
verification re-computes the figures and reads them back from the documents. ``reseal``
replaces members and rewrites manifest, Payload-Oxum and tag manifest consistently.
"""

from __future__ import annotations

import hashlib
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

from jcm_pdd.package import bagit


def reseal(
    src: Path, dst: Path, edits: dict[str, Callable[[bytes], bytes]], drop: set[str] | None = None
) -> None:
    with zipfile.ZipFile(src) as zin:
        members = {
            info.filename: zin.read(info)
            for info in zin.infolist()
            if info.filename not in (drop or set())
        }
    for name, edit in edits.items():
        members[name] = edit(members[name])
    payload = {n: d for n, d in members.items() if n.startswith(bagit.PAYLOAD_DIR)}
    members[bagit.MANIFEST] = bagit.format_manifest(
        {n: hashlib.sha256(d).hexdigest() for n, d in payload.items()}
    )
    oxum = bagit.payload_oxum(len(d) for d in payload.values())
    info = members[bagit.BAG_INFO].decode()
    members[bagit.BAG_INFO] = re.sub(r"Payload-Oxum: .*", f"Payload-Oxum: {oxum}", info).encode()
    tags = {
        n: hashlib.sha256(members[n]).hexdigest()
        for n in (bagit.BAGIT_TXT, bagit.BAG_INFO, bagit.MANIFEST, bagit.INDEX)
    }
    members[bagit.TAGMANIFEST] = bagit.format_manifest(tags)
    with zipfile.ZipFile(dst, "w") as zout:
        for name, data in members.items():
            zout.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), data)


def edit_docx_xml(part: str, old: str, new: str) -> Callable[[bytes], bytes]:
    """An edit that replaces text inside one XML part of a .docx (e.g. a C.3 figure)."""

    def edit(data: bytes) -> bytes:
        import io

        out = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w") as zout:
            for info in zin.infolist():
                body = zin.read(info)
                if info.filename == part:
                    text = body.decode("utf-8")
                    assert old in text, f"{old!r} not in {part}"
                    body = text.replace(old, new, 1).encode("utf-8")
                zout.writestr(info, body)
        return out.getvalue()

    return edit
