"""Garbage collection happens on the GUI thread only (gui/gc_guard.py): a background job that
allocates a lot never runs the collector itself, which destroyed GUI-thread Qt objects from the
worker and crashed the app ("Fatal Python error: Segmentation fault", "Garbage-collecting")."""

from __future__ import annotations

import gc
import threading


def test_a_busy_worker_thread_never_collects_the_gui_collects(window, qtbot) -> None:
    assert not gc.isenabled()
    threads: list[bool] = []

    def seen(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            threads.append(threading.current_thread() is threading.main_thread())

    def churn() -> None:  # cycles enough to cross every generation's threshold many times
        for _ in range(200_000):
            cycle: list[object] = []
            cycle.append(cycle)

    gc.callbacks.append(seen)
    try:
        worker = threading.Thread(target=churn)
        worker.start()
        worker.join()
        assert threads == []  # the worker allocated past every threshold and did not collect
        qtbot.waitUntil(lambda: bool(threads), timeout=5000)  # the GUI thread's timer did
    finally:
        gc.callbacks.remove(seen)
    assert all(threads)
