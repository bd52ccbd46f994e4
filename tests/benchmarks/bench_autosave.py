"""Autosave benchmark (a plain script, not collected by pytest); prints its figures.

A 300-unit project with 100 MB of attachments (four 25 MB scans), opened from its file and
edited, as a user has it open. Per autosave it measures:

- before (the old way): the whole recovery write on the GUI thread, ``session.io.write_recovery``;
- after: the GUI thread's share of ``MainWindow.autosave_tick`` (the snapshot and the job's
  start), and the longest the GUI thread's event loop then waited between two ticks of a 5 ms
  timer while the background job wrote the copy (how long a keystroke could wait meanwhile),
  beside the same figure over as long a time with no autosave running (the idle baseline).

Median of N rounds, interleaved so a noisy neighbour slows both alike.
Run: QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_autosave.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MB = 1024 * 1024


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Where TMPDIR points: on a disk (not a RAM-backed /tmp) fsync costs what it costs users.
    with tempfile.TemporaryDirectory(prefix="bench-autosave-") as tmp:
        os.environ["JCM_PDD_HOME"] = str(Path(tmp) / "home")
        sys.path[:0] = [str(ROOT), str(ROOT / "tests")]  # tests/builders.py too
        from PySide6.QtCore import QEventLoop, QTimer

        from jcm_pdd.gui.application import application
        from jcm_pdd.gui.mainwindow import MainWindow
        from jcm_pdd.gui.preferences import Preferences
        from jcm_pdd.session import io as session_io
        from jcm_pdd.storage import AttachmentStore, save_project
        from tests.gui.conftest import filled_project

        project = filled_project(300)
        store = AttachmentStore()
        rng = random.Random(1)
        for number in range(4):
            scan = Path(tmp) / f"scan-{number}.pdf"
            scan.write_bytes(rng.randbytes(25 * MB))
            project.attachments.append(store.add_file(scan))
        path = Path(tmp) / "big.jcmpdd"
        save_project(path, project, store)

        application()
        window = MainWindow(Preferences())
        window.show()
        assert window.open_path(path)
        session = window.session
        assert session is not None
        window.autosave.interval = 0  # every tick is due once the document has changed

        def longest_wait(ticks: list[float]) -> float:
            return max((b - a for a, b in zip(ticks, ticks[1:], strict=False)), default=0.0)

        def ticking() -> tuple[QTimer, list[float]]:
            ticks: list[float] = []
            timer = QTimer()
            timer.setInterval(5)
            timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
            timer.start()
            return timer, ticks

        before: list[float] = []
        after: list[float] = []
        stalls: list[float] = []
        idle: list[float] = []
        for n in range(args.runs):
            session.set_value("pdd.title", f"Edited {n}a")
            started = time.perf_counter()
            session_io.write_recovery(session)
            before.append(time.perf_counter() - started)

            session.set_value("pdd.title", f"Edited {n}b")
            loop = QEventLoop()
            window.autosaver.written.connect(loop.quit)
            window.autosaver.failed.connect(loop.quit)
            timer, ticks = ticking()
            started = time.perf_counter()
            assert window.autosave_tick()
            after.append(time.perf_counter() - started)
            ticks.append(time.perf_counter())
            loop.exec()
            timer.stop()
            took = time.perf_counter() - started
            window.autosaver.written.disconnect(loop.quit)
            window.autosaver.failed.disconnect(loop.quit)
            stalls.append(longest_wait(ticks))
            timer, ticks = ticking()  # the same time, nothing written: what the loop waits idle
            QTimer.singleShot(max(1, round(took * 1000)), loop.quit)
            loop.exec()
            timer.stop()
            idle.append(longest_wait(ticks))

        def ms(values: list[float]) -> str:
            median, most = statistics.median(values) * 1000, max(values) * 1000
            return f"median {median:.1f} ms (max {most:.1f})"

        size = path.stat().st_size / MB
        print(f"autosave, 300 units and {size:.0f} MB of attachments, {args.runs} rounds:")
        print(f"  before: the whole write on the GUI thread       {ms(before)}")
        print(f"  after:  GUI-thread share of autosave_tick       {ms(after)}")
        print(f"          longest event-loop wait during the write {ms(stalls)} (5 ms timer)")
        print(f"          the same, as long with no autosave (idle)  {ms(idle)}")
        session.history.mark_clean()  # close without the "save changes?" prompt
        window.controller.stack.setClean()  # type: ignore[union-attr]
        window.close_document()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
