"""Keeps the app alive on Python 3.11 with a PySide6 that drops a reference to ``None``.

PySide6 6.12 returns ``None`` from every void Qt call without taking a reference to it (from
Python 3.12 on, ``None`` is immortal and that is harmless). On Python 3.11 each such call takes
one reference from ``None``'s count; typing costs about 17 per keystroke, and once the count
reaches zero the interpreter stops with "Fatal Python error: none_dealloc" (a crash that loses
the unsaved work), after a thousand or two keystrokes.

``install`` measures whether the running PySide6 has the fault (ten void calls, and how much
the count fell) and, only if so, holds a reserve of references to ``None`` that a timer tops up
while the app runs. Eight bytes per reference lost; nothing at all where the fault is absent.
"""

from __future__ import annotations

import ctypes
import sys
from itertools import repeat

from PySide6.QtCore import QObject, QTimer

_RESERVE: list[None] = []
_CHUNK = 500_000  # references added at once (4 MB)
_LOW = 200_000  # below this many, the next top-up adds a chunk
# The reserve made at install, before the window is first drawn: a whole chunk took 2.5 ms of
# the start. A tenth lasts until the timer's first tick adds a chunk, a second later: over a
# start on the sample and its first two seconds None's count rose (21,000 to 28,000, the new
# objects' references outweighing the lost ones), and typing takes about 17 a keystroke.
_FIRST = _CHUNK // 10


def drops_references() -> bool:
    """Whether void Qt calls take references from ``None`` in this process."""
    if sys.version_info >= (3, 12):
        return False  # None is immortal
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(10):
        probe.setObjectName("probe")  # a void call
    return sys.getrefcount(None) <= before - 10


def top_up() -> None:
    """Add references to ``None`` when the count runs low (where the fault is present)."""
    if _RESERVE and sys.getrefcount(None) < _LOW:
        _RESERVE.extend(repeat(None, _CHUNK))  # (no 4 MB temporary list)


def install(parent: QObject) -> QTimer | None:
    """Start guarding if this PySide6 has the fault; the timer lives as long as ``parent``."""
    if not _RESERVE:
        if not drops_references():
            return None
        _RESERVE.extend(repeat(None, _FIRST))
        # The reserve stands for references PySide6 took and never gives back, so it is never
        # released (released at exit, it would take None's count to zero then): one extra
        # reference keeps the list alive past the interpreter's clean-up.
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(_RESERVE))
    timer = QTimer(parent)
    timer.setInterval(1000)
    timer.timeout.connect(top_up)
    timer.start()
    return timer
