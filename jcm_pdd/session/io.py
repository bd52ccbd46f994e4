"""Opening, saving, closing and autosaving a document session through ``jcm_pdd.storage``.

The GUI never touches files itself: it asks here. Opening decides whether the document is
editable: a live lock held by another instance, or a file made by a newer version, opens it
read-only with the reason shown in a banner (and no lock of ours is taken). Saving takes the
lock of the new file, writes atomically with a start-page summary in the manifest, and drops
the recovery copy; closing releases the lock and drops the recovery copy.

Autosave is split for the GUI's background job: ``snapshot_for_recovery`` takes what is to be
written on the GUI thread (the project as its JSON data, a copy of the attachment store: well
under a millisecond for a 300-unit project), and ``write_snapshot`` does the slow part
(validation, serialising, compressing, copying the attachments, fsync) on any thread, touching
nothing the GUI thread goes on editing. ``recovery_written`` records the result in the session.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jcm_pdd.errors import UserError
from jcm_pdd.model import Project
from jcm_pdd.session.document import DocumentSession
from jcm_pdd.storage import (
    AttachmentStore,
    ProjectLock,
    ProjectLocked,
    ProjectSaveError,
    RecoveryEntry,
    RecoveryStore,
    load_project,
    save_project,
)
from jcm_pdd.storage.lock import LockInfo, LockTakenOver
from jcm_pdd.storage.save import remove_leftover_temps


def new_document(project: Project | None = None) -> DocumentSession:
    return DocumentSession(project or Project(), None, attachments=AttachmentStore())


def open_document(path: Path, *, lock: bool = True) -> DocumentSession:
    """Load ``path`` into a session (read-only when locked elsewhere or too new).

    Temp files that killed saves of this file left beside it are removed first (a save of a
    project with large attachments, killed, leaves its size behind).
    """
    remove_leftover_temps(Path(path).parent, Path(path).name)
    loaded = load_project(path)
    read_only = loaded.read_only_reason
    held: ProjectLock | None = None
    holder: LockInfo | None = None
    if read_only is None and lock:
        held = ProjectLock(path)
        try:
            held.acquire()
        except ProjectLocked as exc:
            held = None
            holder = exc.holder
            read_only = exc.message + " It is opened read-only."
    session = DocumentSession(
        loaded.project, loaded.path, attachments=loaded.attachments, read_only=read_only
    )
    session.lock = held
    session.lock_holder = holder
    return session


def take_over_lock(session: DocumentSession) -> LockInfo | None:
    """Make a document that is read-only because of another's lock editable here.

    The caller has warned the user that the holder, if still editing, and this instance would
    overwrite each other's saves. Returns the holder whose lock was replaced.
    """
    if session.lock_holder is None or session.path is None:
        raise UserError("This document is not locked by another instance.")
    lock = ProjectLock(session.path)
    previous = lock.take_over()
    session.lock = lock
    session.lock_holder = None
    session.read_only = None
    return previous


def save_document(
    session: DocumentSession, path: Path, summary: dict[str, Any] | None = None
) -> None:
    """Save atomically to ``path`` (taking its lock), mark the session clean, drop recovery."""
    if session.read_only is not None:
        raise UserError(f"This document is read-only: {session.read_only}")
    path = Path(path)
    new_lock: ProjectLock | None = None
    if session.lock is None or session.path is None or path.resolve() != session.path.resolve():
        new_lock = ProjectLock(path)
        new_lock.acquire()  # ProjectLocked (a UserError) if another instance has it open
    elif (taker := session.lock.taken_by()) is not None:  # our lock lapsed or was taken over
        raise LockTakenOver(path, taker)
    try:
        save_project(path, session.project, session.attachments, summary=summary)
    except BaseException:
        if new_lock is not None:
            new_lock.release()
        raise
    if new_lock is not None:
        if session.lock is not None:
            session.lock.release()
        session.lock = new_lock
    discard_recovery(session)
    session.mark_saved(path)


def close_document(session: DocumentSession) -> None:
    """The user closed the document (saved or not, by their choice): release, drop recovery."""
    discard_recovery(session)
    if session.lock is not None:
        session.lock.release()
        session.lock = None


class AutosaveError(UserError):
    """The recovery copy could not be written; the user's own file is untouched."""


@dataclass(frozen=True)
class RecoverySnapshot:
    """A session's document as it stood when an autosave was due, detached from the session."""

    # project.model_dump(mode="json"): exactly what project.json holds; or, where a copy that
    # is never written is at hand (``CheckCopier``: a few ms where a dump of a 300-unit,
    # 120-period project takes 0.1-0.6 s), that copy in ``project`` and ``data`` empty
    data: dict[str, Any]
    attachments: AttachmentStore  # an independent copy (the session's store may be rebound)
    original: Path | None
    key: str | None  # the session's recovery copy to replace, if one was written
    revision: int
    project: Project | None = None


def snapshot_for_recovery(
    session: DocumentSession, project_copy: Project | None = None
) -> RecoverySnapshot:
    """What an autosave writes, taken at once (on the GUI thread, between two edits);
    ``project_copy``, when given, is the project as it is now in a copy nobody writes."""
    return RecoverySnapshot(
        data={} if project_copy is not None else session.project.model_dump(mode="json"),
        project=project_copy,
        attachments=session.attachments.copy(),
        original=session.path,
        key=session.recovery_key,
        revision=session.revision,
    )


def write_snapshot(snapshot: RecoverySnapshot, store: RecoveryStore | None = None) -> RecoveryEntry:
    """Write the recovery copy of ``snapshot`` (any thread); AutosaveError when it cannot be."""
    # The data came from a valid project, so it validates back to an equal one (a saved file
    # is loaded the same way).
    project = snapshot.project
    if project is None:
        project = Project.model_validate(snapshot.data)
    try:
        return (store or RecoveryStore()).write(
            project, snapshot.attachments, original=snapshot.original, key=snapshot.key
        )
    except ProjectSaveError as exc:
        raise AutosaveError(
            f"the recovery copy could not be written ({exc.reason}); your file is unchanged. "
            "Save to keep your changes."
        ) from None
    except OSError as exc:  # the recovery folder itself (created by RecoveryStore())
        raise AutosaveError(
            f"the recovery folder could not be written ({exc.strerror or exc}); your file is "
            "unchanged. Save to keep your changes."
        ) from None


def recovery_written(session: DocumentSession, entry: RecoveryEntry) -> None:
    """Remember the session's recovery copy (the next autosave replaces it; a save drops it)."""
    session.recovery_key = entry.key


def write_recovery(session: DocumentSession, store: RecoveryStore | None = None) -> RecoveryEntry:
    """Write the autosave recovery copy of the session now, on this thread."""
    entry = write_snapshot(snapshot_for_recovery(session), store)
    recovery_written(session, entry)
    return entry


def discard_recovery(session: DocumentSession, store: RecoveryStore | None = None) -> None:
    if session.recovery_key is None:
        return
    (store or RecoveryStore()).discard(session.recovery_key)
    session.recovery_key = None


def pending_recoveries(store: RecoveryStore | None = None) -> list[RecoveryEntry]:
    return (store or RecoveryStore()).pending()


def restore_recovery(entry: RecoveryEntry, store: RecoveryStore | None = None) -> DocumentSession:
    """Open a recovery copy as unsaved work of its original file (dirty until saved)."""
    loaded = (store or RecoveryStore()).restore(entry)
    session = DocumentSession(loaded.project, entry.original, attachments=loaded.attachments)
    session.recovery_key = entry.key
    session.history.mark_unsaved()
    return session
