"""Reading a small text file from outside: only a regular file, never a pipe or a device.

A template in ``--templates``, a calculation input, a review file: any of them may be a named
pipe (``mkfifo``) or a device, and ``open()`` of a FIFO blocks until someone writes to it, so
a command would hang forever. ``read_text`` opens without blocking, checks what was opened is
a regular file, and only then reads it. The refusal is an ``OSError`` (``NotRegularFile``), so
every caller's existing "cannot read" handling words it.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path


class NotRegularFile(OSError):
    """The path is a pipe, device or socket (or anything but a regular file)."""

    def __init__(self, path: Path) -> None:
        super().__init__(errno.EINVAL, "not a regular file (a pipe, device or socket)", str(path))


def read_bytes(path: Path | str) -> bytes:
    """The file's bytes; ``NotRegularFile`` for a pipe, device or socket."""
    path = Path(path)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotRegularFile(path)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read()
    finally:
        os.close(fd)


def read_text(path: Path | str) -> str:
    """The file's text (UTF-8; ``UnicodeDecodeError`` propagates)."""
    return read_bytes(path).decode("utf-8")


def is_regular(path: Path | str) -> bool:
    """Whether ``path`` is a regular file (without opening it)."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False
