"""Writing a bag as one deterministic zip: the low-level half of building a package.

Given payload files (bytes or a file on disk) and the bag-info fields, ``write_bag`` hashes the
payload, writes the BagIt tag files and the zip. Deterministic by construction: entries in a
fixed order (tag files first, then ``data/`` sorted by path), every timestamp fixed at
1980-01-01 00:00, fixed permissions and creator system, and every member STORED. Storing is a
security choice, not only a speed one: deflate is not canonical (different compressed bytes can
inflate to the same content; the property tests found such a byte flip), so with compression a
change to a member's bytes could go unseen by the content checksums. Stored, every byte of
every member is content and is covered by a manifest; verifying is I/O plus hashing only. The
payload is mostly zip containers, PDF and images anyway, which do not deflate. The same
payload bytes therefore give the same ``manifest-sha256.txt``; the same payload *and* the same
bag-info give a byte-identical package. The file appears atomically (temporary file in the
target folder, fsync, ``os.replace``), so a crash never leaves half a package under its name.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jcm_pdd.atomic import atomic_write
from jcm_pdd.errors import UserError
from jcm_pdd.package import bagit
from jcm_pdd.package.safezip import CHUNK, check_member_name

Progress = Callable[[float, str], None]

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
DEFLATE_LEVEL = 6


@dataclass
class PayloadFile:
    """One file for ``data/``: ``path`` is relative to ``data/`` (POSIX), with a role label."""

    path: str
    role: str
    data: bytes | None = None
    source: Path | None = None
    compress: bool = False  # see the module docstring: stored unless a caller insists

    def size(self) -> int:
        if self.data is not None:
            return len(self.data)
        assert self.source is not None
        return self.source.stat().st_size

    def should_compress(self) -> bool:
        return self.compress


@dataclass
class BagResult:
    path: Path
    manifest: dict[str, str]
    tag_manifest: dict[str, str]
    package_id: str  # SHA-256 of tagmanifest-sha256.txt: identifies this exact package
    payload_oxum: str
    roles: dict[str, str] = field(default_factory=dict)


def _sha256_of(item: PayloadFile) -> str:
    if item.data is not None:
        return hashlib.sha256(item.data).hexdigest()
    assert item.source is not None
    digest = hashlib.sha256()
    with open(item.source, "rb", buffering=0) as fh:
        buffer = bytearray(CHUNK)
        view = memoryview(buffer)
        while got := fh.readinto(buffer):
            digest.update(view[:got])
    return digest.hexdigest()


def _zipinfo(name: str, compress: bool, size: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=ZIP_EPOCH)
    info.create_system = 3  # unix, whatever system builds it
    info.external_attr = 0o100644 << 16  # a regular file, rw-r--r--
    info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    info.file_size = size
    return info


def _write_member(zf: zipfile.ZipFile, name: str, item: PayloadFile | bytes) -> None:
    if isinstance(item, bytes):
        zf.writestr(_zipinfo(name, compress=False, size=len(item)), item)
        return
    info = _zipinfo(name, item.should_compress(), item.size())
    with zf.open(info, "w", force_zip64=info.file_size > 0x7FFF0000) as out:
        if item.data is not None:
            out.write(item.data)
        else:
            assert item.source is not None
            with open(item.source, "rb") as fh:
                while chunk := fh.read(CHUNK):
                    out.write(chunk)


def _check_payload(payload: Sequence[PayloadFile]) -> None:
    seen: set[str] = set()
    for item in payload:
        name = bagit.PAYLOAD_DIR + item.path
        problem = check_member_name(name)
        if problem or item.path.endswith("/"):
            raise UserError(f"Cannot package '{item.path}': {problem or 'it is a folder'}.")
        key = name.casefold()
        if key in seen:
            raise UserError(f"Cannot package two files named '{item.path}' (names must differ).")
        seen.add(key)
        if (item.data is None) == (item.source is None):
            raise UserError(f"Cannot package '{item.path}': give either its bytes or its file.")


def write_bag(
    out_path: Path,
    payload: Sequence[PayloadFile],
    bag_info: list[tuple[str, str]],
    index: dict[str, Any],
    progress: Progress | None = None,
) -> BagResult:
    """Write the package at ``out_path`` atomically and return its manifests and identity."""
    report = progress or (lambda _f, _m: None)
    _check_payload(payload)
    ordered = sorted(payload, key=lambda item: item.path)
    total = sum(item.size() for item in ordered) or 1
    manifest: dict[str, str] = {}
    done = 0
    for item in ordered:
        report(0.5 * done / total, f"Hashing {item.path}")
        manifest[bagit.PAYLOAD_DIR + item.path] = _sha256_of(item)
        done += item.size()
    oxum = bagit.payload_oxum(item.size() for item in ordered)
    fields = [*bag_info, ("Payload-Oxum", oxum)]
    index = {**index, "payload": {bagit.PAYLOAD_DIR + i.path: i.role for i in ordered}}
    tags: dict[str, bytes] = {
        bagit.BAGIT_TXT: bagit.bagit_txt(),
        bagit.BAG_INFO: bagit.format_bag_info(fields),
        bagit.MANIFEST: bagit.format_manifest(manifest),
        bagit.INDEX: (
            json.dumps(index, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        ).encode(),
    }
    tag_manifest = {name: hashlib.sha256(data).hexdigest() for name, data in tags.items()}
    tagmanifest_bytes = bagit.format_manifest(tag_manifest)
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    # The package gets the user's usual permissions (0666 minus the umask), like any document
    # they save: a validator on a shared drive must be able to read it (mkstemp gives 0600).
    with (
        atomic_write(out_path) as raw,
        zipfile.ZipFile(raw, "w", compresslevel=DEFLATE_LEVEL, allowZip64=True) as zf,
    ):
        for name, data in tags.items():
            _write_member(zf, name, data)
        _write_member(zf, bagit.TAGMANIFEST, tagmanifest_bytes)
        done = 0
        for item in ordered:
            report(0.5 + 0.5 * done / total, f"Writing {item.path}")
            _write_member(zf, bagit.PAYLOAD_DIR + item.path, item)
            done += item.size()
    report(1.0, "Package written")
    return BagResult(
        path=out_path,
        manifest=manifest,
        tag_manifest=tag_manifest,
        package_id=hashlib.sha256(tagmanifest_bytes).hexdigest(),
        payload_oxum=oxum,
        roles={bagit.PAYLOAD_DIR + i.path: i.role for i in ordered},
    )
