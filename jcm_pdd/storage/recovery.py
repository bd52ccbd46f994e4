"""Recovery copies of unsaved work (autosave), kept in the user data folder.

A dirty document is written, complete with its attachments, to
``paths.recovery_dir()/<key>.jcmpdd`` (atomically, like any save) with a small sidecar
``<key>.json`` saying which file it belongs to (or none, for a new document), its title and
when it was written. It is never written over the user's own file. On the next start
``pending()`` lists what is left (after a crash); ``restore`` loads one; ``discard`` removes it
after a normal save or close. *When* to write is ``jcm_pdd.session.AutosavePolicy``'s job.
"""

from __future__ import annotations

import hashlib
import json
import time
import uuid
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from jcm_pdd import textfile
from jcm_pdd.atomic import write_atomic
from jcm_pdd.model import Project
from jcm_pdd.paths import recovery_dir
from jcm_pdd.storage.attachments import AttachmentStore
from jcm_pdd.storage.load import LoadedProject, load_project
from jcm_pdd.storage.save import STALE_TEMP_AGE, remove_leftover_temps, save_project

# A sidecar holds a path, a title and a time: a few hundred bytes.
MAX_SIDECAR_BYTES = 1024 * 1024
MAX_TITLE = 1000


@dataclass(frozen=True)
class RecoveryEntry:
    key: str
    original: Path | None  # the user's file this is unsaved work of; None for a new document
    title: str
    written_at: str  # ISO 8601 UTC
    path: Path  # the recovery container


def key_for(original: Path) -> str:
    """A stable key per original file, so repeated autosaves replace one recovery copy."""
    return hashlib.sha256(str(original.resolve()).encode("utf-8")).hexdigest()[:24]


class RecoveryStore:
    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder if folder is not None else recovery_dir()
        self.folder.mkdir(parents=True, exist_ok=True)
        self.clean_leftovers()

    def clean_leftovers(self) -> int:
        """Remove what interrupted autosaves left (temp files of dead writers, half-written
        sidecars, copies no sidecar names after an hour); return the bytes freed."""
        freed = remove_leftover_temps(self.folder)
        now = time.time()
        for path in [*self.folder.glob("*.json.tmp"), *self.folder.glob("*.jcmpdd")]:
            with suppress(OSError):
                if path.suffix == ".jcmpdd" and path.with_suffix(".json").exists():
                    continue  # a recovery copy with its sidecar: offered on the next start
                if now - path.stat().st_mtime > STALE_TEMP_AGE:
                    size = path.stat().st_size
                    path.unlink()
                    freed += size
        return freed

    def _paths(self, key: str) -> tuple[Path, Path]:
        return self.folder / f"{key}.jcmpdd", self.folder / f"{key}.json"

    def write(
        self,
        project: Project,
        attachments: AttachmentStore | None = None,
        *,
        original: Path | None = None,
        key: str | None = None,
    ) -> RecoveryEntry:
        """Write (or replace) the recovery copy of a document; keep the returned ``key``.

        ``key`` defaults to one derived from ``original``; a new, never-saved document gets a
        fresh key (pass it back on the next autosave so the copy is replaced, not multiplied).
        Unlike a normal save, the attachment store is left pointing where it was.
        """
        if key is None:
            key = key_for(original) if original is not None else uuid.uuid4().hex[:24]
        container, sidecar = self._paths(key)
        # Saving rebinds a store's sources to the written container; the recovery copy will be
        # discarded after the real save, so the caller's store must keep its own sources.
        store = attachments.copy() if attachments is not None else None
        save_project(container, project, store)
        written_at = datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
        entry = RecoveryEntry(
            key=key,
            original=original.resolve() if original is not None else None,
            # shown in the recovery dialog; kept short so the sidecar stays far below the size
            # ``pending`` reads (a pasted title of megabytes would hide the copy)
            title=project.pdd.title[:MAX_TITLE],
            written_at=written_at,
            path=container,
        )
        meta = {
            "original": str(entry.original) if entry.original else None,
            "title": entry.title,
            "written_at": written_at,
        }
        write_atomic(sidecar, json.dumps(meta, indent=2, ensure_ascii=False).encode("utf-8"))
        return entry

    def pending(self) -> list[RecoveryEntry]:
        """Recovery copies left from earlier sessions, newest first."""
        found: list[RecoveryEntry] = []
        for sidecar in self.folder.glob("*.json"):
            container = sidecar.with_suffix(".jcmpdd")
            if not container.is_file():
                continue
            try:
                if sidecar.stat().st_size > MAX_SIDECAR_BYTES:
                    continue  # not a sidecar this app wrote
                meta = json.loads(textfile.read_text(sidecar))
                original = meta.get("original")
                found.append(
                    RecoveryEntry(
                        key=sidecar.stem,
                        original=Path(original) if textfile.usable_path(original) else None,
                        title=str(meta.get("title", "")),
                        written_at=str(meta.get("written_at", "")),
                        path=container,
                    )
                )
            # a half-written or damaged sidecar (RecursionError: nested deeper than the parser
            # goes): the container alone cannot be attributed
            except (OSError, ValueError, AttributeError, RecursionError):
                continue
        return sorted(found, key=lambda e: e.written_at, reverse=True)

    def restore(self, entry: RecoveryEntry) -> LoadedProject:
        """Load the recovered document. Save it to ``entry.original`` (or a new file) and then
        ``discard`` it: its attachments are read from the recovery copy until that save."""
        return load_project(entry.path, backup_before_migration=False)

    def discard(self, key: str) -> None:
        for path in self._paths(key):
            with suppress(FileNotFoundError):
                path.unlink()

    def discard_for(self, original: Path) -> None:
        """After a normal save or close of ``original``: its recovery copy is no longer needed."""
        self.discard(key_for(original))
