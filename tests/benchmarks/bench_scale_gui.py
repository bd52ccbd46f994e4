"""The desktop app on the biggest projects users make (``bigproject.py``: large and huge), a plain
script that prints its figures; not collected by pytest.

For each project (PV programme, LED programme) of the size asked, in one process, as a user:

- open: ``open_path`` until the window is interactive, and until the C.3 figures and the
  diagnostics are shown
- a key typed at the end of A.2's description (pages of text) until the session has it; a key
  typed into a Monitoring Plan cell (the last row's estimate) and Enter, until the C.3 figures
  are shown again
- Undo / Redo of that cell edit (the actions Ctrl+Z and Ctrl+Y fire), until the figures show
- the diagnostics of the document in the background job, from request to the list shown
- Ctrl+F: a word typed into the find bar until the count is shown (one keystroke's search)
- Ctrl+S (the save, on the GUI thread) and one autosave (its GUI-thread share, then the job)
- the validation package (built with the CLI beforehand) opened in the window, until shown,
  with its review file of many findings; the review saved and loaded headless

For every step: the wall time, and the longest the GUI thread kept a 5 ms timer waiting
(how long a keystroke could wait). Peak resident memory at the end. Median of ``--runs``.

Run: QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_scale_gui.py large [--runs N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "gui"), str(HERE)]

Figures = dict[str, list[tuple[float, float]]]  # step -> [(wall ms, longest stall ms)]


def peak_mb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) // 1024
    return 0


class Stalls:
    """A 5 ms timer's ticks: the longest gap is the longest the GUI thread was busy."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.ticks: list[float] = []
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(lambda: self.ticks.append(time.perf_counter()))

    def __enter__(self) -> Stalls:
        self.ticks = [time.perf_counter()]
        self.timer.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.timer.stop()
        self.ticks.append(time.perf_counter())

    def longest(self) -> float:
        pairs = zip(self.ticks, self.ticks[1:], strict=False)
        return max((b - a for a, b in pairs), default=0.0) * 1000


def wait(signal, done: Callable[[], bool] = lambda: False, timeout: float = 120.0) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    if done():
        return
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(int(timeout * 1000), loop.quit)
    loop.exec()
    signal.disconnect(loop.quit)


def settle(ms: int = 50) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def close_modals() -> object:
    """A dialog the app shows (an error, a question) is printed and closed: never a hang."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

    def look() -> None:
        modal = QApplication.activeModalWidget()
        if modal is not None and not isinstance(modal, QProgressDialog):  # (a busy dialog)
            text = modal.text() if isinstance(modal, QMessageBox) else modal.windowTitle()
            print(f"  (a dialog was shown and closed: {text})", file=sys.stderr, flush=True)
            modal.reject()

    timer = QTimer()
    timer.setInterval(250)
    timer.timeout.connect(look)
    timer.start()
    return timer


def press(widget, char: str) -> None:
    from PySide6.QtTest import QTest

    QTest.keyClick(widget, char)


def timed(figures: Figures, name: str, action: Callable[[], object]) -> None:
    print(f"  {name} ...", file=sys.stderr, flush=True)
    with Stalls() as stalls:
        start = time.perf_counter()
        action()
        took = (time.perf_counter() - start) * 1000
    figures[name].append((took, stalls.longest()))


def one_project(path: Path, package: Path | None, review: Path | None, figures: Figures) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from jcm_pdd.gui.mainwindow import MainWindow
    from jcm_pdd.gui.preferences import Preferences

    window = MainWindow(Preferences())
    window.resize(1280, 820)
    window.show()
    settle()

    def open_it() -> None:
        assert window.open_path(path), "not opened"

    timed(figures, "open: interactive", open_it)
    timed(
        figures,
        "open: then figures + diagnostics",
        lambda: wait(window.diagnostics_updated, lambda: not window.checks_pending()),
    )
    view, session = window.view, window.session
    assert view is not None and session is not None

    # -- a key at the end of pages of text
    page = view.show_section(view.section_of_path("pdd.description"))
    edit = page.binding("pdd.description").editor
    edit.setFocus()
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    settle()
    for n in range(10):
        key = Qt.Key.Key_X if n % 2 == 0 else Qt.Key.Key_Backspace
        timed(figures, "key in a long text (A.2)", lambda k=key: QTest.keyClick(edit, k))
    settle(1200)  # the typing pause's check runs

    # -- a key into the Monitoring Plan's last row, Enter, until the figures are shown
    rows = session.project.monitoring_plan.monitored
    last = len(rows) - 1
    path_of = f"monitoring_plan.monitored.{last}.estimated_value"
    page = view.show_section(view.section_of_path(path_of))
    assert view.focus_path(path_of)
    table = next(t for t in page.tables if path_of.startswith(t.path + "."))
    column = table.column_of("estimated_value")
    shown: list[float] = []
    window.figures_updated.connect(lambda: shown.append(time.perf_counter()))
    settle()
    for n in range(4):

        def type_cell(n: int = n) -> None:
            from drive import open_cell_editor

            cell = open_cell_editor(table.table, last, column)
            QTest.keyClick(cell, Qt.Key.Key_End)
            QTest.keyClick(cell, Qt.Key.Key_1 if n % 2 == 0 else Qt.Key.Key_Backspace)
            shown.clear()
            QTest.keyClick(cell, Qt.Key.Key_Return)
            wait(window.figures_updated, lambda: bool(shown), timeout=15)
            if not shown:
                print("  (no figures after a cell edit)", file=sys.stderr, flush=True)

        timed(figures, "key in a Monitoring Plan cell -> C.3", type_cell)
    settle(1200)
    for n in range(4):
        action = window.act_undo if n % 2 == 0 else window.act_redo  # what Ctrl+Z, Ctrl+Y fire

        def undo_redo(act=action) -> None:
            shown.clear()
            act.trigger()
            wait(window.figures_updated, lambda: bool(shown), timeout=15)
            if not shown:
                print("  (no figures after an undo or redo)", file=sys.stderr, flush=True)

        timed(figures, "undo / redo of the cell -> C.3", undo_redo)
    settle(1200)

    # -- diagnostics in the background job, request to list shown
    def diagnose() -> None:
        window.recheck()
        wait(window.diagnostics_updated, lambda: not window.checks_pending())

    timed(figures, "diagnostics (background job)", diagnose)

    # -- find over the whole document
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = view.find_bar
    for word in ("meter", "PV-1"):
        bar.edit.clear()
        for char in word:
            timed(figures, "find: a key typed, until matched", lambda c=char: press(bar.edit, c))
    QTest.keyClick(bar.edit, Qt.Key.Key_Escape)

    # -- save and autosave
    session.set_value("pdd.title", session.project.pdd.title + " (edited)")
    timed(
        figures,
        "save (Ctrl+S)",
        lambda: QTest.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier),
    )
    session.set_value("pdd.title", session.project.pdd.title + ".")
    window.autosave.interval = 0

    def autosave() -> None:
        assert window.autosave_tick()
        wait(window.autosaver.written)

    timed(figures, "autosave (tick + job)", autosave)
    session.history.mark_clean()
    window.controller.stack.setClean()  # type: ignore[union-attr]

    if package is not None:
        timed(figures, "package opened in the validator window", lambda: window.open_path(package))
        settle(200)
    if review is not None:
        from jcm_pdd.package.review import load_review, save_review

        loaded = load_review(review)
        timed(
            figures, f"review: load ({len(loaded.findings)} findings)", lambda: load_review(review)
        )
        timed(figures, "review: save", lambda: save_review(loaded, review))
    window.close_document()
    window.deleteLater()
    settle()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("size", choices=("large", "huge"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--folder", type=Path, default=None, help="reuse bigproject.py's files")
    parser.add_argument("--only", choices=("pv", "led"), default=None)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    tmp = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    os.environ["JCM_PDD_HOME"] = str(tmp / "home")
    import bigproject

    folder = args.folder or tmp
    files = {
        "pv": folder / f"{args.size}-pv.jcmpdd",
        "led": folder / f"{args.size}-led.jcmpdd",
        "review": folder / f"{args.size}-pv-findings.jcmreview",
    }
    if not all(p.exists() for p in files.values()):
        files = bigproject.write(bigproject.SIZES[args.size], folder)
    package = folder / f"{args.size}-pv.jcmpkg"
    if not package.exists():
        cli = [sys.executable, "-m", "jcm_pdd", "package", str(files["pv"]), "--out", str(package)]
        subprocess.run(cli, check=True, capture_output=True)
    review = tmp / "round.jcmreview"
    shutil.copyfile(files["review"], review)

    from jcm_pdd.gui.application import application

    application()
    watcher = close_modals()  # noqa: F841 - kept alive while the benchmark runs
    figures: dict[str, Figures] = {}
    for kind in ("pv", "led"):
        if args.only not in (None, kind):
            continue
        figures[kind] = defaultdict(list)
        for _ in range(args.runs):
            work = tmp / f"work-{kind}.jcmpdd"
            shutil.copyfile(files[kind], work)
            one_project(
                work,
                package if kind == "pv" else None,
                review if kind == "pv" else None,
                figures[kind],
            )
    for kind, steps in figures.items():
        size = files[kind].stat().st_size / 1024 / 1024
        print(
            f"{args.size} {kind} ({size:.0f} MB), median of {args.runs} runs "
            "(wall ms / longest GUI stall ms):"
        )
        for name, values in steps.items():
            wall = statistics.median(v[0] for v in values)
            stall = statistics.median(v[1] for v in values)
            most = max(v[1] for v in values)
            print(f"  {name:45s} {wall:9.1f} ms   stall {stall:8.1f} ms (max {most:.1f})")
    print(f"peak resident memory of the process: {peak_mb()} MB")
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
