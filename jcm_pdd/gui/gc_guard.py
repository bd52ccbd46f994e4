"""Python's garbage collector runs on the GUI thread only, never in a background job.

The cyclic collector runs in whichever thread happens to allocate past its threshold. When a
background job (an export, a package build) triggers it, unreachable cycles holding PySide6
objects made on the GUI thread (a closed dialog and the lambdas connected to its signals) are
destroyed from that worker thread, and Qt crashes: "Fatal Python error: Segmentation fault",
"Garbage-collecting" at the top of the worker's stack. Reproduced here: 1 run in 3 of
``pytest tests/gui`` under load, in a package build's job.

The cure PyQt's documentation and qutebrowser use: switch automatic collection off and collect
from a timer on the GUI thread, by the same generation thresholds the collector would use, so
memory use stays as before and every object dies on the thread that owns it.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QTimer

INTERVAL_MS = 250  # often enough that no generation grows far past its threshold
_timer: QTimer | None = None


def collect() -> int:
    """Collect the oldest generation whose threshold is exceeded (what gc would do now)."""
    counts = gc.get_count()
    thresholds = gc.get_threshold()
    for generation in (2, 1, 0):
        if thresholds[generation] and counts[generation] > thresholds[generation]:
            return gc.collect(generation)
    return 0


def install() -> QTimer | None:
    """Turn automatic collection off and collect on the GUI thread for as long as the
    application lives (once per process; None without a QCoreApplication)."""
    global _timer
    app = QCoreApplication.instance()
    if app is None:
        return None
    if _timer is None:
        _timer = QTimer(app)
        _timer.setInterval(INTERVAL_MS)
        _timer.timeout.connect(collect)
        _timer.start()
    gc.disable()
    return _timer
