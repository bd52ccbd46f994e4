"""Builders shared by the storage tests: sample projects and raw containers written by hand.

``write_raw`` writes a zip exactly as told (any order, any names, duplicates, odd flags), so
tests can produce files JCM PDD Studio would never write; ``patch_central`` edits fields of a
central-directory record in place (sizes, flags, offsets) to forge what zipfile refuses to.
"""

from __future__ import annotations

import hashlib
import json
import struct
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from builders import site

from jcm_pdd.model import FORMAT_VERSION, Participant, Project
from jcm_pdd.storage import MIMETYPE, AttachmentStore, project_json_bytes

FIGURE = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40  # small, incompressible-ish content
FIGURE_SHA = hashlib.sha256(FIGURE).hexdigest()


def sample_project(store: AttachmentStore | None = None) -> Project:
    project = Project()
    project.rule_set.partner_country = "MN"
    project.pdd.title = "Rooftop solar PV in Ulaanbaatar"
    project.pdd.methodology.methodology_id = "JCM_MN_AM003"
    project.pdd.methodology.version = "02.0"
    project.pdd.sites = [
        site("S1", "Ulaanbaatar", "", "47.9184", "106.9177"),
        site("S2", "Darkhan", "", "49.4867", "105.9228"),
    ]
    project.pdd.participants = [
        Participant(country="Mongolia", name="Ulaanbaatar Solar LLC"),
        Participant(country="Japan", name="Example Energy Co., Ltd."),
    ]
    if store is not None:
        record = store.add_bytes(FIGURE, "figure.png", caption="Project boundary")
        project.attachments.append(record)
        project.pdd.figure_attachment = record.sha256
    return project


@dataclass
class Entry:
    name: str
    data: bytes
    compress: int = zipfile.ZIP_DEFLATED
    attrs: dict[str, Any] = field(default_factory=dict)


def manifest_bytes(version: int = FORMAT_VERSION, **extra: Any) -> bytes:
    data = {
        "format_version": version,
        "app_version": "0.1.0",
        "saved_at": "2026-01-01T00:00:00Z",
        "methodology": {"id": "JCM_MN_AM003", "version": "02.0"},
        "summary": {},
    }
    data.update(extra)
    return json.dumps(data).encode()


def valid_entries(project: Project | None = None, *, with_figure: bool = True) -> list[Entry]:
    """The entries of a correct current-format container (mimetype first and stored)."""
    if project is None:
        project = sample_project(AttachmentStore() if with_figure else None)
    entries = [
        Entry("mimetype", MIMETYPE.encode(), zipfile.ZIP_STORED),
        Entry("manifest.json", manifest_bytes()),
        Entry("project.json", project_json_bytes(project)),
    ]
    if with_figure:
        entries.append(Entry(f"attachments/{FIGURE_SHA}", FIGURE, zipfile.ZIP_STORED))
    return entries


def replace(entries: list[Entry], name: str, data: bytes) -> list[Entry]:
    return [Entry(e.name, data, e.compress, e.attrs) if e.name == name else e for e in entries]


def write_raw(path: Path, entries: list[Entry]) -> Path:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicates we mean to write
        with zipfile.ZipFile(path, "w") as archive:
            for entry in entries:
                info = zipfile.ZipInfo(entry.name, date_time=(2026, 1, 1, 0, 0, 0))
                info.compress_type = entry.compress
                info.external_attr = 0o100644 << 16
                info.create_system = 3
                for key, value in entry.attrs.items():
                    setattr(info, key, value)
                archive.writestr(info, entry.data)
    return path


def project_data(**changes: Any) -> dict[str, Any]:
    """The sample project's JSON data (with a figure) with top-level keys replaced."""
    data: dict[str, Any] = json.loads(project_json_bytes(sample_project(AttachmentStore())))
    data.update(changes)
    return data


# Offsets inside a central directory record (zip APPNOTE 4.3.12).
CD_VERSION_NEEDED, CD_FLAGS, CD_METHOD, CD_CRC, CD_CSIZE, CD_USIZE, CD_LOCAL_OFFSET = (
    6,
    8,
    10,
    16,
    20,
    24,
    42,
)


def patch_central(path: Path, entry: str, offset: int, fmt: str, value: int) -> None:
    """Overwrite one field of ``entry``'s central-directory record."""
    blob = bytearray(path.read_bytes())
    position = 0
    while True:
        position = blob.index(b"PK\x01\x02", position)
        (name_length,) = struct.unpack_from("<H", blob, position + 28)
        name = bytes(blob[position + 46 : position + 46 + name_length]).decode()
        if name == entry:
            struct.pack_into(fmt, blob, position + offset, value)
            path.write_bytes(bytes(blob))
            return
        position += 4


def central_field(path: Path, entry: str, offset: int, fmt: str) -> int:
    with zipfile.ZipFile(path) as archive:
        del archive  # just proves it is a zip before we poke at it
    blob = path.read_bytes()
    position = 0
    while True:
        position = blob.index(b"PK\x01\x02", position)
        (name_length,) = struct.unpack_from("<H", blob, position + 28)
        if blob[position + 46 : position + 46 + name_length].decode() == entry:
            return int(struct.unpack_from(fmt, blob, position + offset)[0])
        position += 4
