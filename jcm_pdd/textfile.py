"""Reading a small text file from outside: only a regular file, never a pipe or a device.

A template in ``--templates``, a calculation input, a review file: any of them may be a named
pipe (``mkfifo``) or a device, and ``open()`` of a FIFO blocks until someone writes to it, so
a command would hang forever. ``read_text`` opens without blocking, checks what was opened is
a regular file, and only then reads it. The refusal is an ``OSError`` (``NotRegularFile``), so
every caller's existing "cannot read" handling words it. ``holds_lone_surrogate`` finds JSON
text that parses but could never be written back (a lone surrogate escape).
"""

from __future__ import annotations

import errno
import json
import os
import re
import stat
from pathlib import Path
from typing import Any


class NotRegularFile(OSError):
    """The path is a pipe, device or socket (or anything but a regular file)."""

    def __init__(self, path: Path) -> None:
        super().__init__(errno.EINVAL, "not a regular file (a pipe, device or socket)", str(path))


def read_bytes(path: Path | str) -> bytes:
    """The file's bytes; ``NotRegularFile`` for a pipe, device or socket."""
    path = Path(path)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "it is a folder, not a file", str(path))
        if not stat.S_ISREG(mode):
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


# A JSON escape of a surrogate code point: valid JSON, but alone (unpaired) it is not text,
# and printing or saving it fails. Only texts containing such an escape are examined further.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def holds_lone_surrogate(text: str, data: Any) -> bool:
    """Whether ``data`` (parsed from the JSON ``text``) holds a lone surrogate anywhere: text
    that cannot be written back as UTF-8, so a file holding it could never be saved again."""
    if not _SURROGATE_ESCAPE.search(text):
        return False
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def usable_path(text: object) -> bool:
    """Whether ``text`` (a path read from a file of ours: the preferences' recent files, a
    recovery copy's original) can name a file: a string without NUL that the file system can
    encode (no lone surrogate). ``open`` raises ValueError or UnicodeEncodeError on others."""
    if not isinstance(text, str) or not text or "\0" in text:
        return False
    try:
        os.fsencode(text)
    except UnicodeError:
        return False
    return True


def why(exc: OSError | UnicodeDecodeError) -> str:
    """Why a file could not be read, in a person's words (no "[Errno 21]", no codec names)."""
    if isinstance(exc, UnicodeDecodeError):
        return f"it is not UTF-8 text (byte {exc.start + 1} is not)"
    if isinstance(exc, IsADirectoryError):
        return "it is a folder, not a file"
    if isinstance(exc, FileNotFoundError):
        return "it does not exist"
    if isinstance(exc, PermissionError):
        return "you do not have permission to read it"
    return exc.strerror or str(exc)
