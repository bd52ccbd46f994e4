"""Where each attachment's bytes are right now, and streaming them without holding them twice.

An attachment is named by the SHA-256 of its content. Its bytes live either inside a project
container that was loaded (or just saved), in a file the user added (not yet saved into a
project), or, for small generated content, in memory. ``save_project`` copies every referenced
attachment from wherever it is into the new container. After a save all sources point at the
new container, so the user may move or delete the original files.

Trust, and speed: bytes are hashed when they enter the store (``add_file`` hashes and computes
the zip CRC in one pass; ``load_project`` verifies every hash). A source remembers the file
system's fingerprint of its file (size, mtime, inode, device) at that moment; while the file
still shows the same fingerprint, save copies the bytes raw with the known CRC (as fast as a
file copy). If the file changed in any way the file system reports (edited, replaced by another
save), save streams and re-hashes instead, and refuses bytes that no longer match.
"""

from __future__ import annotations

import hashlib
import io
import mimetypes
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from jcm_pdd.errors import UserError
from jcm_pdd.model import AttachmentRecord
from jcm_pdd.storage.container import ATTACHMENTS_DIR, CHUNK

Fingerprint = tuple[int, int, int, int]  # size, mtime (ns), inode, device


def fingerprint(path: Path) -> Fingerprint | None:
    """Identity of a file's current content as far as the file system can tell, cheaply."""
    try:
        info = path.stat()
    except OSError:
        return None
    return (info.st_size, info.st_mtime_ns, info.st_ino, info.st_dev)


@dataclass(frozen=True)
class InContainer:
    """``entry`` of the container at ``path``. When the container still has ``fingerprint``,
    the bytes at ``data_offset`` were verified (hash) and have CRC ``crc``: copy them raw."""

    path: Path
    entry: str
    fingerprint: Fingerprint | None = None
    crc: int | None = None
    data_offset: int = 0


@dataclass(frozen=True)
class InFile:
    """A file the user attached; ``crc`` was computed with the hash while ``fingerprint`` held."""

    path: Path
    fingerprint: Fingerprint | None = None
    crc: int | None = None


@dataclass(frozen=True)
class InMemory:
    data: bytes


Source = InContainer | InFile | InMemory


def entry_name(sha256: str) -> str:
    return f"{ATTACHMENTS_DIR}{sha256}"


class ZipCache:
    """Open source containers once per save (or per batch of reads), closed together."""

    def __init__(self, stack: ExitStack) -> None:
        self._stack = stack
        self._open: dict[Path, zipfile.ZipFile] = {}

    def get(self, path: Path) -> zipfile.ZipFile:
        if path not in self._open:
            self._open[path] = self._stack.enter_context(zipfile.ZipFile(path))
        return self._open[path]


class AttachmentStore:
    """Maps attachment digests to where their bytes are; opens them as streams."""

    def __init__(self) -> None:
        self._sources: dict[str, Source] = {}
        self._sizes: dict[str, int] = {}

    # -- adding -------------------------------------------------------------------------------
    def add_file(
        self,
        path: Path | str,
        *,
        caption: str = "",
        supports_field: str = "",
        media_type: str | None = None,
    ) -> AttachmentRecord:
        """Reference a file on disk (hashed while streaming, never read whole into memory)."""
        path = Path(path).resolve()
        digest = hashlib.sha256()
        crc = 0
        size = 0
        try:
            before = fingerprint(path)
            with open(path, "rb") as handle:
                while chunk := handle.read(CHUNK):
                    digest.update(chunk)
                    crc = zlib.crc32(chunk, crc)
                    size += len(chunk)
            stable = before is not None and fingerprint(path) == before and before[0] == size
        except OSError as exc:
            raise UserError(f"Cannot attach “{path.name}”: {exc.strerror or exc}.") from None
        sha = digest.hexdigest()
        if sha not in self._sources:
            # A file that changed while we read it gets no fingerprint: it is re-hashed on save.
            self._sources[sha] = InFile(path, before if stable else None, crc)
            self._sizes[sha] = size
        guessed = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return AttachmentRecord(
            sha256=sha,
            name=path.name,
            media_type=media_type or guessed,
            size=size,
            caption=caption,
            supports_field=supports_field,
        )

    def add_bytes(
        self,
        data: bytes,
        name: str,
        *,
        media_type: str | None = None,
        caption: str = "",
        supports_field: str = "",
    ) -> AttachmentRecord:
        """Keep small generated content (a rendered figure, a test blob) in memory."""
        sha = hashlib.sha256(data).hexdigest()
        if sha not in self._sources:
            self._sources[sha] = InMemory(bytes(data))
            self._sizes[sha] = len(data)
        guessed = mimetypes.guess_type(name)[0] or "application/octet-stream"
        return AttachmentRecord(
            sha256=sha,
            name=name,
            media_type=media_type or guessed,
            size=len(data),
            caption=caption,
            supports_field=supports_field,
        )

    def add_container_entry(
        self,
        container: Path,
        sha256: str,
        size: int,
        *,
        crc: int | None = None,
        data_offset: int = 0,
        container_fingerprint: Fingerprint | None = None,
    ) -> None:
        """Record that ``attachments/<sha256>`` of ``container`` holds these (verified) bytes."""
        self._sources[sha256] = InContainer(
            container, entry_name(sha256), container_fingerprint, crc, data_offset
        )
        self._sizes[sha256] = size

    def bind_to_container(self, container: Path, placements: dict[str, tuple[int, int]]) -> None:
        """After a save: the new container holds these attachments (sha -> data offset, CRC)."""
        stamp = fingerprint(container)
        for sha, (offset, crc) in placements.items():
            if sha in self._sources:
                self._sources[sha] = InContainer(container, entry_name(sha), stamp, crc, offset)

    # -- queries ------------------------------------------------------------------------------
    def __contains__(self, sha256: object) -> bool:
        return sha256 in self._sources

    def __len__(self) -> int:
        return len(self._sources)

    def digests(self) -> frozenset[str]:
        return frozenset(self._sources)

    def size(self, sha256: str) -> int:
        return self._sizes[sha256]

    def source(self, sha256: str) -> Source:
        return self._sources[sha256]

    def copy(self) -> AttachmentStore:
        """An independent store with the same sources (a recovery save must not rebind ours)."""
        twin = AttachmentStore()
        twin._sources = dict(self._sources)
        twin._sizes = dict(self._sizes)
        return twin

    def remove(self, sha256: str) -> None:
        """Forget an attachment (its record was deleted). Saving writes only referenced ones."""
        self._sources.pop(sha256, None)
        self._sizes.pop(sha256, None)

    # -- reading ------------------------------------------------------------------------------
    @contextmanager
    def open(self, sha256: str, cache: ZipCache | None = None) -> Iterator[IO[bytes]]:
        """A binary stream of the attachment's bytes (for viewers and exporters)."""
        source = self._sources.get(sha256)
        if source is None:
            raise UserError(f"The attachment {sha256[:12]}… is not available.")
        with ExitStack() as stack:
            if isinstance(source, InMemory):
                yield io.BytesIO(source.data)
            elif isinstance(source, InFile):
                try:
                    handle = stack.enter_context(open(source.path, "rb"))
                except OSError as exc:
                    raise UserError(
                        f"The attached file “{source.path}” cannot be read any more "
                        f"({exc.strerror or exc}); attach it again."
                    ) from None
                yield handle
            else:
                zcache = cache if cache is not None else ZipCache(stack)
                try:
                    archive = zcache.get(source.path)
                    stream = stack.enter_context(archive.open(source.entry))
                except (OSError, KeyError, zipfile.BadZipFile) as exc:
                    raise UserError(
                        f"The project file “{source.path.name}” holding an attachment cannot "
                        f"be read any more ({exc}); was it moved or replaced?"
                    ) from None
                yield stream

    def read_bytes(self, sha256: str) -> bytes:
        with self.open(sha256) as stream:
            return stream.read()
