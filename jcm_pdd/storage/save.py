"""Writing a project atomically: a complete new container, or the old file untouched.

The new container is written to a temporary file in the target's folder (same file system,
so ``os.replace`` is atomic), flushed and fsynced, then renamed over the target, and the
folder is fsynced so the rename itself survives a power cut. A crash at any moment leaves
either the old file or the new one, plus at worst a stray hidden ``.saving`` temp file.
Saving over the file the project was loaded from works: its attachments are copied out of
the old container into the temp file before the rename.

``project.json`` is pretty-printed with sorted keys (saving twice is byte-identical, and two
versions diff cleanly) and deflated; attachments are images and PDFs that do not compress, so
they are stored as they are: copied raw when their source is unchanged since it was verified,
otherwise streamed in chunks and re-hashed on the way (see ``attachments.py``). Memory use
does not grow with attachment size.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import time
from collections.abc import Iterator, Mapping
from contextlib import ExitStack, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any, BinaryIO

from jcm_pdd import __version__
from jcm_pdd.atomic import HOST_TAG as _HOST_TAG
from jcm_pdd.atomic import TEMP_SUFFIX, FolderNotWritable, atomic_write
from jcm_pdd.errors import UserError
from jcm_pdd.model import FORMAT_VERSION, Project
from jcm_pdd.storage.attachments import (
    AttachmentStore,
    InContainer,
    InFile,
    ZipCache,
    entry_name,
    fingerprint,
)
from jcm_pdd.storage.container import (
    CHUNK,
    DEFAULT_LIMITS,
    MANIFEST_ENTRY,
    MIMETYPE,
    MIMETYPE_ENTRY,
    PROJECT_ENTRY,
    Container,
    human_size,
)
from jcm_pdd.storage.errors import ProjectFileError, ProjectSaveError
from jcm_pdd.storage.lock import pid_alive
from jcm_pdd.storage.manifest import Manifest
from jcm_pdd.storage.plausible import size_problem
from jcm_pdd.storage.zipwriter import SizeMismatch, ZipWriter

READ_LIMITS = DEFAULT_LIMITS  # what the reader enforces; a saved file must stay within it
STALE_TEMP_AGE = 3600.0  # seconds; a temp of another computer this old is a crashed save's


def project_json_bytes(project: Project) -> bytes:
    """The canonical ``project.json``: same document, same bytes.

    Raises ``ProjectTooLarge`` for content the loader would refuse (``plausible``).
    """
    data = project.model_dump(mode="json")
    too_large = size_problem(data)
    if too_large is not None:
        raise ProjectTooLarge(too_large)
    text = json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False)
    return (text + "\n").encode("utf-8")


# The manifest is read whole and at most 1 MB; the start page shows a line of the title. A
# pasted title of megabytes saved a manifest the reader then refused.
SUMMARY_TITLE = 1000


def default_summary(project: Project) -> dict[str, Any]:
    """What the start page shows when the caller passes no summary of its own."""
    methodology = project.pdd.methodology
    label = methodology.methodology_id
    if methodology.version:
        label = f"{label} ver{methodology.version}".strip()
    return {
        "title": project.pdd.title[:SUMMARY_TITLE],
        "country": project.rule_set.partner_country,
        "methodology": label,
        "sites": len(project.pdd.sites),
        "attachments": len(project.attachments),
    }


def _copy_attachment(
    store: AttachmentStore,
    sha: str,
    writer: ZipWriter,
    files: dict[Path, BinaryIO],
    cache: ZipCache,
) -> None:
    """Raw copy when the source is provably the bytes verified earlier; else stream and hash."""
    name = entry_name(sha)
    size = store.size(sha)
    origin = store.source(sha)
    if (
        isinstance(origin, InFile | InContainer)
        and origin.crc is not None
        and origin.fingerprint is not None
        and fingerprint(origin.path) == origin.fingerprint
    ):
        if origin.path not in files:
            files[origin.path] = open(origin.path, "rb")  # closed by write_container
        offset = origin.data_offset if isinstance(origin, InContainer) else 0
        try:
            writer.write_raw(name, files[origin.path], offset, size, origin.crc)
        except SizeMismatch:
            raise _SourceChanged(origin.path.name) from None
        if fingerprint(origin.path) != origin.fingerprint:  # changed while we copied
            raise _SourceChanged(origin.path.name)
        return
    digest = hashlib.sha256()

    def chunks(source: IO[bytes]) -> Iterator[bytes]:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
            yield chunk

    where = origin.path.name if isinstance(origin, InFile | InContainer) else "in memory"
    with store.open(sha, cache) as source:
        try:
            writer.write_chunks(name, size, chunks(source))
        except SizeMismatch:
            raise _SourceChanged(where) from None
    if digest.hexdigest() != sha:
        raise _SourceChanged(where)


class ProjectTooLarge(UserError):
    """The project holds more than a project file may (``plausible.size_problem`` says what)."""


class _SourceChanged(Exception):
    """An attachment's bytes no longer hash to its name (its file was edited or replaced)."""


def _dead_writer(temp: Path, now: float) -> bool:
    """Whether ``temp`` is the leftover of a writer that is gone (a crash or a kill)."""
    owner = temp.name[: -len(TEMP_SUFFIX)].rsplit(".", 1)[-1].split("-")
    if len(owner) == 3 and owner[0] == _HOST_TAG and owner[1].isdigit():
        pid = int(owner[1])
        if pid != os.getpid() and not pid_alive(pid):
            return True
    # Another computer's (a shared folder), or an older name: only age tells.
    try:
        return now - temp.stat().st_mtime > STALE_TEMP_AGE
    except OSError:
        return False


def remove_leftover_temps(folder: Path, name: str = "") -> int:
    """Remove the temp files dead writers left in ``folder`` (for the file ``name``, or for
    any file); return the bytes freed. Never raises: cleaning must not stop an open or save."""
    freed = 0
    now = time.time()
    pattern = f".{glob.escape(name) if name else '*'}.*{TEMP_SUFFIX}"
    try:
        leftovers = list(folder.glob(pattern))
    except OSError:
        return 0
    for leftover in leftovers:
        with suppress(OSError):
            if _dead_writer(leftover, now):
                size = leftover.stat().st_size
                leftover.unlink()
                freed += size
    return freed


def _check_reopens(temp: Path, target: Path) -> None:
    """Refuse to put in place a file the reader would refuse: the user's work stays openable.

    The reader's limits (sizes, ratios, entry count, names, project.json size) are judged on
    the finished temp file, from its directory alone (no content is re-read), before the rename.
    """
    try:
        with Container(temp, READ_LIMITS) as container:
            size = container.member(PROJECT_ENTRY).size
            if size > container.limits.max_json_size:
                raise container.fail(
                    f"its project text would take {human_size(size)} (at most "
                    f"{human_size(container.limits.max_json_size)} is allowed)."
                )
            size = container.member(MANIFEST_ENTRY).size
            if size > container.limits.max_manifest_size:
                raise container.fail(
                    f"its summary would take {human_size(size)} (at most "
                    f"{human_size(container.limits.max_manifest_size)} is allowed)."
                )
    except ProjectFileError as exc:
        raise ProjectSaveError(
            target,
            "the saved file would be refused when opened again ("
            + exc.reason.rstrip(".")
            + "); shorten the largest text or table, or move data into an attachment",
        ) from None


def write_container(
    handle: BinaryIO,
    project: Project,
    store: AttachmentStore,
    manifest: Manifest,
    when: datetime,
) -> dict[str, tuple[int, int]]:
    """Write the whole container to an open, unbuffered binary file.

    Returns where each attachment's data landed (sha -> data offset, CRC) so the store can
    read and raw-copy them from the new file next time.
    """
    writer = ZipWriter(handle, when)
    writer.write_bytes(MIMETYPE_ENTRY, MIMETYPE.encode("ascii"), deflate=False)
    writer.write_bytes(MANIFEST_ENTRY, manifest.to_json_bytes(), deflate=True)
    writer.write_bytes(PROJECT_ENTRY, project_json_bytes(project), deflate=True)
    files: dict[Path, BinaryIO] = {}
    written: set[str] = set()
    with ExitStack() as stack:
        cache = ZipCache(stack)
        try:
            for record in project.attachments:
                if record.sha256 not in written:
                    _copy_attachment(store, record.sha256, writer, files, cache)
                    written.add(record.sha256)
        finally:
            for opened in files.values():
                opened.close()
    writer.close()
    placements = writer.placements()
    return {sha: placements[entry_name(sha)] for sha in written}


def save_project(
    path: Path | str,
    project: Project,
    attachments: AttachmentStore | None = None,
    *,
    summary: Mapping[str, Any] | None = None,
    template_hash: str = "",
) -> Manifest:
    """Save ``project`` (and the attachments its records reference) to ``path`` atomically.

    ``summary`` is merged over ``default_summary(project)`` into the manifest for the start page
    (e.g. emission reductions per year, completeness). Raises ``ProjectSaveError`` (a
    ``UserError``) when an attachment is missing or unreadable or the disk refuses; the file
    at ``path`` is then exactly what it was before.
    """
    target = Path(path)
    if target.is_symlink():  # save where the link points; replacing the link would break it
        target = target.resolve()
    store = attachments if attachments is not None else AttachmentStore()
    for record in project.attachments:
        if record.sha256 not in store:
            raise ProjectSaveError(
                target,
                f"the content of the attachment “{record.name or record.sha256}” is "
                "not available (attach the file again)",
            )
    when = datetime.now(UTC).replace(microsecond=0)
    methodology = project.pdd.methodology
    manifest = Manifest(
        format_version=FORMAT_VERSION,
        app_version=__version__,
        saved_at=when.isoformat().replace("+00:00", "Z"),
        methodology_id=methodology.methodology_id,
        methodology_version=methodology.version,
        template_hash=template_hash,
        summary={**default_summary(project), **(summary or {})},
    )
    folder = target.parent if str(target.parent) else Path(".")
    remove_leftover_temps(folder, target.name)  # free the space of killed saves first
    try:
        # The container streams itself (unbuffered); the temp is reopened before the rename.
        with atomic_write(
            target, check=lambda temp: _check_reopens(temp, target), buffering=0
        ) as handle:
            placements = write_container(handle, project, store, manifest, when)
    except BaseException as exc:
        if isinstance(exc, FolderNotWritable):
            raise ProjectSaveError(target, f"the folder is not writable ({exc.strerror})") from None
        if isinstance(exc, _SourceChanged):
            raise ProjectSaveError(
                target,
                f"an attached file changed after it was attached ({exc.args[0]}); attach it again",
            ) from None
        if isinstance(exc, UserError) and not isinstance(exc, ProjectSaveError):
            raise ProjectSaveError(target, exc.message.rstrip(".")) from None
        if isinstance(exc, OSError):
            raise ProjectSaveError(target, exc.strerror or str(exc)) from None
        if isinstance(exc, UnicodeEncodeError):  # a lone surrogate pasted or loaded somewhere
            raise ProjectSaveError(
                target, "some text holds a character that is not valid Unicode (a lone surrogate)"
            ) from None
        raise
    store.bind_to_container(target.resolve(), placements)
    return manifest
