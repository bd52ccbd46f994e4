"""The app outlives PySide6's lost references to None (Python 3.11 with PySide6 6.12): a long
session of void Qt calls does not bring the count of None to zero."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject

from jcm_pdd.gui import none_guard


def test_many_void_calls_leave_none_alive(window) -> None:
    probe = QObject()
    start = sys.getrefcount(None)
    for _ in range(50_000):  # more than None's own count at start-up (about 26,000)
        probe.setObjectName("x")
    none_guard.top_up()
    assert sys.getrefcount(None) > 10_000
    if none_guard.drops_references():
        assert window.none_guard is not None and window.none_guard.isActive()
        assert sys.getrefcount(None) < start + len(none_guard._RESERVE)  # the fault is real
    else:
        assert window.none_guard is None  # nothing is held where the fault is absent
