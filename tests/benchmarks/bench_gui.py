"""Desktop app benchmarks (a plain script, not collected by pytest); prints its figures.

1. Cold start to an interactive main window with the sample open, as a ratio to a bare PySide6
   QMainWindow started the same way in the same run (each a fresh subprocess; median of N).
   Target <= 2x. Measured as a user runs the app: each kind of start is launched once untimed
   first, and bytecode caching is on (PYTHONDONTWRITEBYTECODE is dropped from the children's
   environment; an installed app has its .pyc files). Also printed: the floor of the chosen
   stack, a bare QMainWindow plus importing pydantic and the document model and loading the
   project, with no editor at all; and when the figures and the diagnostics appear.
2. Keystroke-to-updated-figures latency: a key typed into the A.5 lifetime field (which changes
   the C.3 years) until the calculation panel shows the new figures; on the sample (target
   < 30 ms) and on a 300-unit project (target < 100 ms). Median and 90th percentile.
3. Resident memory with the sample open (target < 250 MB).

Run: QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_gui.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

BARE = """
import time, sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.resize(1280, 820); w.show()
app.processEvents()
print("ready", time.time(), flush=True)
"""

APP = """
import sys, time
from pathlib import Path
from jcm_pdd.gui.application import build_window
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication
w = build_window(Path(sys.argv[1]), recover=False)
QApplication.processEvents()
assert w.session is not None, "the project did not open"
ready = time.time()  # shown, the project open, its editor live
rss = 0
with open("/proc/self/status") as fh:
    for line in fh:
        if line.startswith("VmRSS:"):
            rss = int(line.split()[1]) // 1024
shown = []
def wait_for(signal, done):
    # An event loop, not a processEvents() spin: PySide6 6.12 drops a reference to None on
    # every processEvents() call.
    if done():
        return
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(10000, loop.quit)
    loop.exec()
w.figures_updated.connect(lambda: shown.append(time.time()))
wait_for(w.figures_updated, lambda: bool(w.calc_panel.figures.rows))
figures = shown[0] if shown else ready  # already shown when the window became interactive
wait_for(w.diagnostics_updated, lambda: False)
print("ready", ready, rss, figures, time.time(), flush=True)
"""


def sample_path(workdir: Path) -> tuple[Path, str]:
    from jcm_pdd.paths import sample_project_path

    sample = sample_project_path()
    if sample.is_file():
        return sample, "bundled sample"
    sys.path[:0] = [str(ROOT), str(ROOT / "tests")]  # tests/builders.py too
    from jcm_pdd.storage import save_project
    from tests.gui.conftest import filled_project

    path = workdir / "stand-in.jcmpdd"
    save_project(path, filled_project(2))
    return path, "stand-in (sample not bundled yet): MN_AM003, 2 units"


FLOOR = """
import sys, time
import jcm_pdd.model  # before Qt, as the app does (see jcm_pdd/gui/__init__.py)
from jcm_pdd.storage import load_project
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
project = load_project(sys.argv[1])
w = QMainWindow(); w.resize(1280, 820); w.show()
app.processEvents()
print("ready", time.time(), flush=True)
"""


def timed_start(code: str, *args: str, env: dict[str, str]) -> list[float]:
    """Seconds from launching the interpreter to each timestamp the child prints."""
    start = time.time()
    out = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=True,
    ).stdout
    fields = out.strip().splitlines()[-1].split()[1:]
    return [float(f) - start if float(f) > 1e9 else float(f) for f in fields]


def cold_start(runs: int, project: Path, env: dict[str, str]) -> None:
    timed_start(BARE, env=env)  # untimed first launches: .pyc files written, disk cache warm
    timed_start(FLOOR, str(project), env=env)
    timed_start(APP, str(project), env=env)
    bare, floor, app, figures, checked, rss = [], [], [], [], [], []
    for _ in range(runs):  # interleaved, so machine noise hits all alike
        bare.append(timed_start(BARE, env=env)[0])
        floor.append(timed_start(FLOOR, str(project), env=env)[0])
        ready, memory, shown, diagnosed = timed_start(APP, str(project), env=env)
        app.append(ready)
        rss.append(memory)
        figures.append(shown)
        checked.append(diagnosed)
    b, a = statistics.median(bare), statistics.median(app)
    f = statistics.median(floor)
    print(
        f"cold start: bare QMainWindow {b * 1000:.0f} ms; app, interactive main window with the "
        f"project open {a * 1000:.0f} ms -> ratio {a / b:.2f}x (target <= 2x; median of {runs})"
    )
    print(
        f"  floor of the stack (bare window + pydantic + document model + project loaded, no "
        f"editor): {f * 1000:.0f} ms -> {f / b:.2f}x"
    )
    print(f"  C.3 figures shown at {statistics.median(figures) * 1000:.0f} ms")
    print(f"  diagnostics listed at {statistics.median(checked) * 1000:.0f} ms")
    print(
        f"resident memory with the project open: {statistics.median(rss):.0f} MB (target < 250 MB)"
    )


def keystroke_latency(label: str, project_factory, target_ms: float, keys: int = 30) -> None:
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtTest import QTest

    from jcm_pdd.gui.application import application
    from jcm_pdd.gui.mainwindow import MainWindow
    from jcm_pdd.gui.preferences import Preferences
    from jcm_pdd.session import io as session_io

    application()
    window = MainWindow(Preferences())
    window.show()
    window.set_session(session_io.new_document(project_factory()))
    view = window.view
    page = view.show_section(view.section_of_path("pdd.duration.operational_lifetime_years"))
    edit = page.binding("pdd.duration.operational_lifetime_years").editor
    edit.setFocus()
    edit.end(False)
    updated = []
    loop = QEventLoop()
    window.figures_updated.connect(lambda: updated.append(time.perf_counter()))
    window.figures_updated.connect(loop.quit)
    samples = []
    for n in range(keys):
        updated.clear()
        key = Qt.Key.Key_Backspace if n % 2 == 0 else Qt.Key.Key_7
        start = time.perf_counter()
        QTest.keyClick(edit, key)
        if not updated:
            QTimer.singleShot(5000, loop.quit)  # never hang the benchmark
            loop.exec()  # until figures_updated quits it
        if not updated:
            raise RuntimeError("the figures did not update after a keystroke")
        samples.append((updated[0] - start) * 1000)
    years = len(window.calc_panel.figures.rows)
    samples.sort()
    p90 = samples[int(0.9 * (len(samples) - 1))]
    print(
        f"keystroke -> figures, {label}: median {statistics.median(samples):.1f} ms, "
        f"p90 {p90:.1f} ms over {keys} keys (target < {target_ms:.0f} ms; {years} years shown)"
    )
    window.session.history.mark_clean()  # close without the "save changes?" prompt
    window.controller.stack.setClean()
    window.close_document()
    window.deleteLater()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, JCM_PDD_HOME=tmp, PYTHONPATH=str(ROOT))
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        os.environ["JCM_PDD_HOME"] = tmp
        project, what = sample_path(Path(tmp))
        print(f"project: {what}")
        cold_start(args.runs, project, env)

        sys.path[:0] = [str(ROOT), str(ROOT / "tests")]  # tests/builders.py too
        from jcm_pdd.session import io as session_io
        from tests.gui.conftest import filled_project

        def sample():
            return session_io.open_document(project, lock=False).project

        def big():
            return filled_project(300)

        keystroke_latency("sample", sample, 30)
        keystroke_latency("300-unit project", big, 100)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
