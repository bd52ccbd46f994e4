"""Loading a project file: container checks, manifest, migration, validation, attachments.

Every defect becomes a ``ProjectFileError`` whose message a user understands; nothing is
written to the file (it is opened read-only), and an older format is copied to the migration
backup folder before it is converted. A file from a newer version of the app is offered
read-only when its content still fits this version's model, and refused otherwise.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from jcm_pdd import textfile
from jcm_pdd.model import FORMAT_VERSION, Project
from jcm_pdd.paths import migration_backup_dir
from jcm_pdd.storage.attachments import AttachmentStore, entry_name
from jcm_pdd.storage.container import (
    ATTACHMENTS_DIR,
    DEFAULT_LIMITS,
    PROJECT_ENTRY,
    Container,
    Limits,
)
from jcm_pdd.storage.manifest import Manifest, manifest_from
from jcm_pdd.storage.migrations import MigrationError, migrate
from jcm_pdd.storage.plausible import size_problem
from jcm_pdd.storage.schema_errors import describe

NEWER = "it was made by a newer version of JCM PDD Studio"


@dataclass
class LoadedProject:
    """A project as loaded, with what the caller must know to show and save it."""

    project: Project
    manifest: Manifest
    attachments: AttachmentStore
    path: Path
    read_only_reason: str | None = None  # set: show it, and do not save over the file
    migrated_from: int | None = None  # the older format version it was converted from
    backup_path: Path | None = None  # the copy kept before migration


def read_project_json(container: Container) -> bytes:
    """The raw ``project.json`` bytes, size-checked (``jcm-pdd dump`` prints these)."""
    if not container.has(PROJECT_ENTRY):
        raise container.fail("it has no project.json; the file is damaged or incomplete.")
    return container.read_bytes(PROJECT_ENTRY, container.limits.max_json_size)


def _parse_json(container: Container, raw: bytes) -> dict[str, Any]:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise container.fail(
            f"its project.json is not UTF-8 text (bad byte at position {exc.start}); "
            "the file is damaged."
        ) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise container.fail(
            f"its project.json is not valid JSON ({exc.msg} at line {exc.lineno}, column "
            f"{exc.colno}); the file is damaged or was edited by hand."
        ) from None
    except RecursionError:
        raise container.fail(
            "its project.json is nested too deeply to be a project; it may be a hostile file."
        ) from None
    except ValueError:  # an integer with more digits than Python converts (DoS guard)
        raise container.fail(
            "its project.json holds a number too long to be read; it may be a hostile file."
        ) from None
    if textfile.holds_lone_surrogate(text, data):
        raise container.fail(
            "its project.json holds text that is not valid Unicode (a lone surrogate escape such "
            "as \\ud800); the file was not written by JCM PDD Studio or was damaged."
        )
    too_large = size_problem(data)
    if too_large is not None:
        raise container.fail(f"its project data is implausibly large: {too_large}.")
    if not isinstance(data, dict):
        raise container.fail(
            "its project.json does not hold a project (expected a JSON object, found "
            f"{type(data).__name__ if data is not None else 'null'})."
        )
    return data


def _format_version(container: Container, manifest: Manifest, data: dict[str, Any]) -> int:
    stated = data.get("format_version", manifest.format_version)
    if type(stated) is not int:
        raise container.fail("its project.json does not state a valid format version.")
    if stated != manifest.format_version:
        raise container.fail(
            f"its manifest.json and project.json disagree about the format version "
            f"({manifest.format_version} and {stated}); the file was altered by another tool."
        )
    return stated


def _validate(container: Container, data: dict[str, Any], newer: int | None = None) -> Project:
    try:
        return Project.model_validate(data)
    except ValidationError as exc:
        lines = describe(exc, Project)
        shown = "; ".join(lines[:5]) + (f"; and {len(lines) - 5} more" if len(lines) > 5 else "")
        if newer is not None:
            raise container.fail(
                f"{NEWER} (file format {newer}; this version reads formats up to "
                f"{FORMAT_VERSION}) and uses content this version cannot show. Update JCM PDD "
                "Studio to open it.",
                lines,
            ) from None
        raise container.fail(f"its project data is invalid: {shown}.", lines) from None


def _backup(path: Path, version: int) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = migration_backup_dir() / f"{path.stem}.format{version}.{stamp}{path.suffix}"
    counter = 1
    while target.exists():
        counter += 1
        target = target.with_name(f"{path.stem}.format{version}.{stamp}-{counter}{path.suffix}")
    shutil.copyfile(path, target)  # reads the original; never writes to it
    return target


def _attachments(container: Container, project: Project, strict: bool) -> AttachmentStore:
    """Check every referenced attachment is present and matches its hash; index them.

    ``strict``: refuse entries that are not part of the format (a newer format may add some,
    so a read-only view of a newer file tolerates them).
    """
    store = AttachmentStore()
    unexpected = container.unexpected_entries()
    if strict and unexpected:
        name = unexpected[0]
        shown = name if len(name) <= 60 else name[:57] + "..."
        if name.startswith(ATTACHMENTS_DIR):
            raise container.fail(
                f"its attachment entry “{shown}” is not named by its content checksum; "
                "attachments were added by another tool."
            )
        raise container.fail(
            f"it contains an entry that is not part of a project (“{shown}”); it was "
            "altered by another tool."
        )
    source = container.path.resolve()
    # Fingerprint of the file as opened: if it is the same at save time, the bytes verified
    # here can be copied raw (see attachments.py); a replaced file makes save re-hash.
    stamp = container.fingerprint()
    for record in project.attachments:
        if record.sha256 in store:
            continue
        label = record.name or record.sha256[:12]
        entry = entry_name(record.sha256)
        if not container.has(entry):
            raise container.fail(
                f"the attachment “{label}” is listed but its content is missing from the file."
            )
        digest, size = container.sha256(entry)
        if digest != record.sha256:
            raise container.fail(
                f"the content of the attachment “{label}” does not match its recorded checksum; "
                "the file was altered or damaged."
            )
        member = container.member(entry)
        raw = member.method == zipfile.ZIP_STORED
        store.add_container_entry(
            source,
            record.sha256,
            size,
            crc=member.crc if raw else None,
            data_offset=member.data_offset if raw else 0,
            container_fingerprint=stamp,
        )
    return store


def load_project(
    path: Path | str,
    *,
    limits: Limits = DEFAULT_LIMITS,
    backup_before_migration: bool = True,
) -> LoadedProject:
    """Load and check a ``.jcmpdd`` file; raise ``ProjectFileError`` with a user-worded reason.

    An older format is migrated (after a copy is kept in ``paths.migration_backup_dir()``
    unless ``backup_before_migration`` is False, for read-only tools like ``jcm-pdd info``).
    """
    path = Path(path)
    with Container(path, limits) as container:
        manifest = manifest_from(container)
        data = _parse_json(container, read_project_json(container))
        version = _format_version(container, manifest, data)
        read_only: str | None = None
        migrated_from: int | None = None
        backup: Path | None = None
        if version > FORMAT_VERSION:
            project = _validate(container, {**data, "format_version": FORMAT_VERSION}, version)
            read_only = (
                f"This project was made by a newer version of JCM PDD Studio (file format "
                f"{version}); this version can show it but not save it. Update JCM PDD Studio "
                "to edit it."
            )
        else:
            if version < FORMAT_VERSION:
                if backup_before_migration:
                    backup = _backup(path, version)
                try:
                    data = migrate(data, version)
                except MigrationError as exc:
                    raise container.fail(
                        f"it uses the old file format {version} and could not be converted: {exc}."
                    ) from None
                migrated_from = version
            project = _validate(container, data)
        store = _attachments(container, project, strict=read_only is None)
    return LoadedProject(project, manifest, store, path, read_only, migrated_from, backup)
