"""Atomic file writes: the one primitive every writer of a user-visible file goes through.

A file is written to a hidden temp file in the same folder (so ``os.replace`` is atomic),
flushed and fsynced, optionally checked, given the old file's permissions, renamed over the
target, and the folder is fsynced so the rename itself survives a power cut. Any failure
(writing, fsync, the check, the rename) removes the temp file and leaves the target exactly as
it was. Used by project saves, validation packages, review files, findings tables, exported
documents, the lock file, preferences and the TOML parse cache. No Qt, no third-party import.

Temp names carry a tag of this computer and the writing process id
(``.<name>.<host>-<pid>-<random>.saving``), so ``storage.save.remove_leftover_temps`` can tell
a dead writer's leftover from a save running now.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import socket
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import BinaryIO

TEMP_SUFFIX = ".saving"
HOST_TAG = hashlib.sha256(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:8]


class FolderNotWritable(OSError):
    """No temp file could be created beside the target (``strerror`` says why)."""


def create_temp(folder: Path, target: Path) -> tuple[int, Path]:
    """A new hidden temp file beside the target, created with the usual permissions.

    Unlike ``tempfile.mkstemp`` (always 0600) the mode is 0666 minus the umask, as for any new
    document, without touching the process-wide umask (the GUI has other threads). The name
    carries the host tag and process id (see the module docstring).
    """
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        owner = f"{HOST_TAG}-{os.getpid()}-{secrets.token_hex(4)}"
        temp = folder / f".{target.name}.{owner}{TEMP_SUFFIX}"
        try:
            return os.open(temp, flags, 0o666), temp
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name in {folder}")


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (Windows cannot open folders; NTFS journals)."""
    if sys.platform == "win32":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def atomic_write(
    target: Path | str,
    *,
    check: Callable[[Path], None] | None = None,
    durable: bool = True,
    buffering: int = -1,
    sync_folder: bool = True,
) -> Iterator[BinaryIO]:
    """Write ``target`` through the handle this yields; it appears only if the block succeeds.

    ``check(temp)`` runs on the complete temp file before the rename (a save reopens it);
    ``durable=False`` skips the fsyncs (a cache that can always be rebuilt);
    ``sync_folder=False`` leaves the folder's fsync to the caller, who writes several files
    into it and syncs it once after the last rename (``fsync_folder``)."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, temp = create_temp(folder, target)
    except OSError as exc:
        raise FolderNotWritable(exc.errno, exc.strerror or str(exc), str(folder)) from exc
    try:
        with os.fdopen(fd, "w+b", buffering=buffering) as handle:
            yield handle
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        if check is not None:
            check(temp)
        if sys.platform != "win32" and target.exists():
            os.chmod(temp, target.stat().st_mode & 0o777)  # keep the file's permissions
        os.replace(temp, target)
    except BaseException:
        with suppress(OSError):
            temp.unlink()
        raise
    if durable and sync_folder:
        with suppress(OSError):  # the data is safe; only the rename's durability is at stake
            fsync_folder(folder)


def write_atomic(
    target: Path | str, data: bytes, *, durable: bool = True, sync_folder: bool = True
) -> Path:
    """``target`` holds exactly ``data`` afterwards, or (on any error) what it held before
    (``sync_folder``: see ``atomic_write``)."""
    with atomic_write(target, durable=durable, sync_folder=sync_folder) as handle:
        handle.write(data)
    return Path(target)
