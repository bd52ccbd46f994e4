"""The Monitoring page with many periods and many units (issue 17): a 300-unit, 120-period
project (MN_AM003, one monitored value per unit and month: 36,000 values) in the desktop app.

Prints, per run and as the median of the runs (the machine is shared and noisy):
- opening the Monitoring page until every period's credited ER is shown (all 120 periods
  calculated once, in slices), and the longest the GUI thread was busy meanwhile (the page is
  built and shown in one go; the figures follow in slices of 30 ms)
- choosing another period until its 300 values are listed
- one value typed into the values table until the figures are shown again (the period's
  credited ER, actual vs estimated, and the C.3 panel), target < 100 ms
- the diagnostics of the whole project, the periods' among them (run once typing pauses)
- a period added (button) until its row and the figures are shown

- with ``--import``: the import dialog's preview of 2,628,000 hourly readings in its background
  job, and the longest the GUI thread was busy meanwhile (from the preview's start, once the
  page's own figures are done, to the preview shown)

Run: QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_monitoring_gui.py [--runs N] [--import]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UNITS = 300


def big_project():
    sys.path[:0] = [str(ROOT / "tests" / "benchmarks")]
    from bench_monitoring import project

    from jcm_pdd.model import MonitoredValue

    made = project(UNITS)
    for number, period in enumerate(made.monitoring.periods):
        period.values = [
            MonitoredValue(
                key="EG",
                index={"i": f"PV-{n}"},
                value=Decimal(f"{n}.{number:03d}"),
                option="C",
                instrument=f"meter {n}",
                calibration_date=dt.date(2026, 12, 1),
            )
            for n in range(1, UNITS + 1)
        ]
    return made


def until(done: Callable[[], bool], limit: float = 30.0) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    deadline = time.perf_counter() + limit
    while not done():
        if time.perf_counter() > deadline:
            raise RuntimeError("the window did not update")
        loop = QEventLoop()
        QTimer.singleShot(1, loop.quit)
        loop.exec()


def one_run() -> dict[str, float]:
    from PySide6.QtCore import Qt

    from jcm_pdd.gui.application import application
    from jcm_pdd.gui.mainwindow import MainWindow
    from jcm_pdd.gui.monitoring_page import MONITORING_ID, MonitoringPage
    from jcm_pdd.gui.preferences import Preferences
    from jcm_pdd.session import io as session_io

    application()
    window = MainWindow(Preferences())
    window.resize(1400, 900)
    window.show()
    window.set_session(session_io.new_document(big_project()))
    until(lambda: bool(window.calc_panel.figures.rows))
    window.controller.recheck_now()  # the document's first diagnostics, not the page's cost
    out: dict[str, float] = {}
    from PySide6.QtCore import QTimer

    ticks: list[float] = []
    beat = QTimer()
    beat.setInterval(2)
    beat.timeout.connect(lambda: ticks.append(time.perf_counter()))
    beat.start()
    start = time.perf_counter()
    ticks.append(start)
    page = window.view.show_section(MONITORING_ID)
    assert isinstance(page, MonitoringPage)
    last = page.periods
    until(lambda: bool(last.item(119, 4) and last.item(119, 4).text() not in ("", "…")))
    out["open the page, 120 periods calculated"] = time.perf_counter() - start
    beat.stop()
    gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
    out["longest the GUI thread was busy meanwhile"] = max(gaps)
    start = time.perf_counter()
    page.select_period(57)
    until(lambda: page.values.model.rowCount() == UNITS)
    out["choose a period: 300 values listed"] = time.perf_counter() - start
    stamps: list[float] = []
    window.controller.recalculate.connect(lambda: stamps.append(time.perf_counter()))
    samples = []
    page.tabs.setCurrentWidget(page.values)
    for attempt in range(10):
        stamps.clear()
        index = page.values.model.index(123, 2)
        before = page.periods.item(57, 4).text()
        start = time.perf_counter()
        page.values.model.setData(index, f"{5000 + attempt * 1000}.5", Qt.ItemDataRole.EditRole)
        until(lambda: bool(stamps))
        samples.append(stamps[0] - start)
        assert page.periods.item(57, 4).text() != before
    out["one value typed -> figures shown (median of 10)"] = statistics.median(samples)
    start = time.perf_counter()
    window.controller.recheck_now()  # the whole project's, the periods' among them
    out["diagnostics once typing pauses (36,000 values)"] = time.perf_counter() - start
    stamps.clear()
    start = time.perf_counter()
    page.add_button.click()
    until(lambda: bool(stamps) and page.periods.rowCount() == 121)
    out["a period added -> its row and the figures"] = time.perf_counter() - start
    window.session.history.mark_clean()
    window.controller.stack.setClean()
    window.close_document()
    window.deleteLater()
    return out


def import_run(csv_path: Path) -> dict[str, float]:
    """The import dialog's preview of 10 years of hourly readings of 30 meters (2,628,000
    rows) in its background job: how long until the preview shows, and the longest the GUI
    thread was kept from its events meanwhile (the window stays live while the file is read)."""
    from bench_monitoring import METERS, project
    from PySide6.QtCore import QTimer

    from jcm_pdd.gui.application import application
    from jcm_pdd.gui.mainwindow import MainWindow
    from jcm_pdd.gui.monitoring_page import MONITORING_ID, MonitoringPage
    from jcm_pdd.gui.preferences import Preferences
    from jcm_pdd.session import io as session_io

    application()
    window = MainWindow(Preferences())
    window.show()
    window.set_session(session_io.new_document(project(METERS)))
    until(lambda: bool(window.calc_panel.figures.rows))
    window.controller.recheck_now()
    page = window.view.show_section(MONITORING_ID)
    assert isinstance(page, MonitoringPage)
    page.import_data()
    dialog = page.import_dialog
    dialog.file.setText(str(csv_path))
    dialog.read_header()
    for n in range(dialog.periods.count()):  # every period
        item = dialog.periods.item(n)
        assert item is not None
        item.setCheckState(item.checkState().Checked)
    settled = time.perf_counter() + 2.0
    until(lambda: time.perf_counter() > settled)  # the page's own figures done first
    ticks: list[float] = []
    beat = QTimer()
    beat.setInterval(5)
    beat.timeout.connect(lambda: ticks.append(time.perf_counter()))
    beat.start()
    seen: list[object] = []
    dialog.previewed.connect(seen.append)
    start = time.perf_counter()
    ticks.append(start)
    dialog.start_preview()
    until(lambda: bool(seen), 600)
    took = time.perf_counter() - start
    beat.stop()
    assert dialog.preview_result is not None, dialog.message.text()
    gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
    dialog.reject()
    window.session.history.mark_clean()
    window.controller.stack.setClean()
    window.close_document()
    return {
        "preview of 2,628,000 readings (background job)": took,
        "longest the GUI thread was busy meanwhile": max(gaps),
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--import", dest="imports", action="store_true", help="also the import preview"
    )
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["JCM_PDD_HOME"] = tmp
        sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "benchmarks")]
        runs = []
        for number in range(args.runs):
            figures = one_run()
            runs.append(figures)
            line = ", ".join(f"{k.split(' ')[0]} {v * 1000:.0f}" for k, v in figures.items())
            print(f"run {number + 1}: {line} (ms)")
        print(f"{UNITS} units x 120 periods, median of {args.runs} runs:")
        for key in runs[0]:
            print(f"  {key}: {statistics.median(r[key] for r in runs) * 1000:.0f} ms")
        if args.imports:
            from bench_monitoring import write_csv

            csv_path = Path(tmp) / "meters.csv"
            write_csv(csv_path)
            for number in range(args.runs):
                figures = import_run(csv_path)
                line = ", ".join(f"{k}: {v * 1000:.0f} ms" for k, v in figures.items())
                print(f"import run {number + 1}: {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
