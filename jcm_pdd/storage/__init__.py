"""The project file ``.jcmpdd``: container, atomic save, load checks, migrations, recovery, lock.

Public API (import from ``jcm_pdd.storage``)::

    load_project(path, *, limits=DEFAULT_LIMITS, backup_before_migration=True) -> LoadedProject
        Check and load a project file. Raises ProjectFileError (a UserError: show .message;
        .details lists e.g. one schema error per line). LoadedProject has .project (Project),
        .manifest (Manifest), .attachments (AttachmentStore), .path, .read_only_reason
        (None, or why it must not be saved over: a newer format), .migrated_from (old format
        version or None) and .backup_path (the copy kept before migrating).

    save_project(path, project, attachments=None, *, summary=None, template_hash="") -> Manifest
        Atomic save (temp file beside it, fsync, os.replace, fsync folder). Saving over the
        file the project came from is fine. ``summary`` (title, country, methodology, ER per
        year, completeness ...) goes into the manifest for the start page. Raises
        ProjectSaveError (a UserError); the old file is then untouched.

    read_manifest(path) -> Manifest
        Reads only manifest.json (after the container safety checks): for listing projects.

    AttachmentStore
        .add_file(path, caption=, supports_field=, media_type=) -> AttachmentRecord (append
        it to project.attachments); .add_bytes(data, name, ...); .open(sha) (context manager
        giving a binary stream); .read_bytes(sha); `sha in store`; .size(sha); .remove(sha);
        .copy(). Saving rebinds the store to the saved file.

    RecoveryStore(folder=None)
        .write(project, attachments, original=path_or_None, key=None) -> RecoveryEntry;
        .pending() -> list[RecoveryEntry]; .restore(entry) -> LoadedProject;
        .discard(key); .discard_for(original).

    ProjectLock(path)
        .acquire() -> LockInfo | None (raises ProjectLocked, a UserError with .holder, when a
        live lock exists; stale locks are taken over; None when the folder is not writable, so
        no lock could be written); .holder() -> LockInfo | None; .release(); usable as a
        context manager.

    MIGRATIONS: dict[int, Callable[[dict], dict]]  (format n -> n + 1, on JSON data)
    project_json_bytes(project) -> bytes  (the canonical project.json, as saved)

Modules: ``container`` (reading a zip defensively: names, limits, counted reads),
``zipwriter`` (writing it, raw copies of verified attachments), ``manifest``, ``attachments``,
``save`` (atomic write), ``load`` (checks, migration, validation), ``migrations``,
``schema_errors`` (pydantic errors in words, with field paths), ``recovery``, ``lock``.
"""

from jcm_pdd.storage.attachments import AttachmentStore
from jcm_pdd.storage.container import DEFAULT_LIMITS, MIMETYPE, Limits
from jcm_pdd.storage.errors import ProjectFileError, ProjectSaveError
from jcm_pdd.storage.load import LoadedProject, load_project
from jcm_pdd.storage.lock import LockInfo, ProjectLock, ProjectLocked
from jcm_pdd.storage.manifest import Manifest, read_manifest
from jcm_pdd.storage.migrations import MIGRATIONS
from jcm_pdd.storage.recovery import RecoveryEntry, RecoveryStore
from jcm_pdd.storage.save import project_json_bytes, save_project

__all__ = [
    "DEFAULT_LIMITS",
    "MIGRATIONS",
    "MIMETYPE",
    "AttachmentStore",
    "Limits",
    "LoadedProject",
    "LockInfo",
    "Manifest",
    "ProjectFileError",
    "ProjectLock",
    "ProjectLocked",
    "ProjectSaveError",
    "RecoveryEntry",
    "RecoveryStore",
    "load_project",
    "project_json_bytes",
    "read_manifest",
    "save_project",
]
