"""The Diagnostics dock at scale (issue 17): a 300-unit, 120-period project (MN_AM003, 36,000
monitored values) whose periods have thousands of problems: every third unit calibrated only
after its period ended (a warning, 12,000 of them before 2031), every tenth unit's value
negative (an error: below the template's minimum, 3,600), and a day left out between two
periods every other month (an error: a gap, 60).

Prints, per run and as the median of the runs (the machine is shared and noisy):
- the check alone: every diagnostic of the project, with its words (``run_diagnostics``)
- a value typed until the Diagnostics dock shows the new list (the check, in a background job
  since issue 17's gui.checker, then the fields' labels and the list), and the longest the GUI
  thread was kept from its events meanwhile
- the list alone filled again (the same diagnostics, a language switch's refill)
- scrolling the list: End, then 20 x Page Up (keys, as a user), each until drawn

Run: QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_diagnostics_scale.py [--runs N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def troubled_project():
    """The GUI bench's 300-unit project, with the problems described above."""
    from bench_monitoring_gui import big_project

    made = big_project()
    for number, period in enumerate(made.monitoring.periods):
        if number % 2 and period.start is not None:
            period.start += dt.timedelta(days=1)  # a day in no period
        for n, value in enumerate(period.values, start=1):
            if n % 3 == 0:
                value.calibration_date = dt.date(2031, 1, 1)
            if n % 10 == 0:
                value.value = Decimal(-n)
    return made


def ticking() -> tuple[list[float], object]:
    from PySide6.QtCore import QTimer

    ticks: list[float] = [time.perf_counter()]
    beat = QTimer()
    beat.setInterval(2)
    beat.timeout.connect(lambda: ticks.append(time.perf_counter()))
    beat.start()
    return ticks, beat


def one_run(project) -> dict[str, float]:
    from bench_monitoring_gui import until
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from jcm_pdd.gui.application import application
    from jcm_pdd.gui.mainwindow import MainWindow
    from jcm_pdd.gui.monitoring_page import MONITORING_ID, MonitoringPage
    from jcm_pdd.gui.preferences import Preferences
    from jcm_pdd.session import io as session_io
    from jcm_pdd.session.diagnostics import run_diagnostics

    out: dict[str, float] = {}
    start = time.perf_counter()
    found = run_diagnostics(project)
    out["the check alone (run_diagnostics)"] = time.perf_counter() - start
    out["diagnostics"] = len(found)

    application()
    window = MainWindow(Preferences())
    window.resize(1400, 900)
    window.show()
    window.set_session(session_io.new_document(project))
    until(lambda: bool(window.calc_panel.figures.rows))
    window.controller.recheck_now()
    page = window.view.show_section(MONITORING_ID)
    assert isinstance(page, MonitoringPage)
    settled = time.perf_counter() + 2.0
    until(lambda: time.perf_counter() > settled)  # the page's own figures done first
    panel = window.diag_panel
    shown: list[float] = []
    window.diagnostics_updated.connect(lambda: shown.append(time.perf_counter()))

    page.select_period(57)
    until(lambda: page.values.model.rowCount() == 300)
    page.tabs.setCurrentWidget(page.values)
    ticks, beat = ticking()
    start = time.perf_counter()
    index = page.values.model.index(9, 2)  # unit 10: negative, now positive
    page.values.model.setData(index, "12.5", Qt.ItemDataRole.EditRole)
    until(lambda: bool(shown), 120)
    out["a value typed -> the dock's list shown"] = shown[0] - start
    until(lambda: time.perf_counter() > shown[0] + 0.3)
    beat.stop()
    gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
    out["longest the GUI thread was busy meanwhile"] = max(gaps)

    start = time.perf_counter()
    panel.retranslate()  # the same list filled again
    out["the list alone filled again"] = time.perf_counter() - start

    view = panel.tree
    view.setFocus()
    start = time.perf_counter()
    QTest.keyClick(view, Qt.Key.Key_End)
    view.viewport().repaint()
    out["End: the last line shown"] = time.perf_counter() - start
    start = time.perf_counter()
    for _ in range(20):
        QTest.keyClick(view, Qt.Key.Key_PageUp)
        view.viewport().repaint()
    out["Page Up (mean of 20)"] = (time.perf_counter() - start) / 20
    out["lines in the list"] = panel.tree.model().rowCount()

    window.session.history.mark_clean()
    window.controller.stack.setClean()
    window.close_document()
    window.deleteLater()
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["JCM_PDD_HOME"] = tmp
        sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "benchmarks")]
        runs = []
        for number in range(args.runs):
            figures = one_run(troubled_project())
            runs.append(figures)
            line = ", ".join(
                f"{k.split(' ')[0]} {v * 1000:.0f}" if isinstance(v, float) else f"{k} {v}"
                for k, v in figures.items()
            )
            print(f"run {number + 1}: {line} (ms)", flush=True)
        print(f"300 units x 120 periods, {runs[0]['diagnostics']:,} diagnostics, median of runs:")
        for key in runs[0]:
            value = statistics.median(r[key] for r in runs)
            if isinstance(runs[0][key], float):
                print(f"  {key}: {value * 1000:.0f} ms")
            else:
                print(f"  {key}: {value:,.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
