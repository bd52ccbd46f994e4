"""Text on its way to a terminal: what a file says is shown, never obeyed.

A project title, a package member name or a template label comes from someone else's file.
Written raw, ``\\x1b]0;...\\x07`` retitles the terminal and ``\\x1b[2J`` clears it, and a lone
surrogate (valid JSON, not valid Unicode) stops the print with ``UnicodeEncodeError``. Every
command's standard output passes through ``SafeText`` (``safe_stdout``), which shows every
control character except newline and tab as an escape, and ``guard_streams`` makes the
standard streams escape what still cannot be encoded instead of crashing.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO

# C0 and C1 control characters, and the surrogate code points (never valid on their own).
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_UNSAFE_KEEP_LINES = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def printable(text: str, *, keep_newlines: bool = False) -> str:
    """``text`` with control characters and lone surrogates shown as escapes (``\\x1b``)."""
    pattern = _UNSAFE_KEEP_LINES if keep_newlines else _UNSAFE
    return pattern.sub(_escape, text)


def guard_streams() -> None:
    """Let stdout/stderr escape unencodable characters rather than raise in the middle."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


class SafeText:
    """A text stream that writes ``printable(text, keep_newlines=True)`` to the one it wraps.

    Everything else (``buffer``, ``flush``, ``fileno`` ...) is the wrapped stream's, so a
    command that writes exact bytes (``dump``) still can.
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(printable(text, keep_newlines=True))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextmanager
def safe_stdout() -> Iterator[None]:
    """Within the block, ``print`` to stdout shows control characters as escapes."""
    original = sys.stdout
    sys.stdout = SafeText(original)
    try:
        yield
    finally:
        sys.stdout = original
