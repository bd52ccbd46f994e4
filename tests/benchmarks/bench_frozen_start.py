"""Cold start of the frozen app (a plain script, not collected by pytest); prints its figures.

Start to an interactive main window with the sample open, in the PyInstaller build, against
1. a bare QMainWindow frozen the same way (the same PyInstaller, the same packaging/lean.py
   exclusions, one-folder), in the same run: target <= 2x;
2. LibreOffice Writer opening the exported PDD .docx until its document window exists: target
   <= 0.3x (the app's time over LibreOffice's).
Everything runs under one Xvfb display (a real X11 server, as on a desktop). The frozen app
reports its own ready moment (``JCM_PDD_STARTUP_PROBE``: its event loop runs, the window is
shown with the file open and takes input) and then the moment its C.3 panel shows the sample's
figures (the engine loads and computes once the window is drawn; both are reported); the bare
window reports its ready moment the same way; LibreOffice is timed from launch until
``xwininfo`` lists its document window ("… - LibreOffice Writer", polled every 10 ms), which is
earlier than Writer becomes usable, so the ratio to LibreOffice flatters LibreOffice.
Each kind of start is launched once untimed first (disk cache warm, LibreOffice's profile made).

Run (after packaging/linux/build_and_test.sh or a plain PyInstaller build):
    python tests/benchmarks/bench_frozen_start.py [--runs 5] [--app build/frozen/jcm-pdd/jcm-pdd]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "build"

BARE = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.resize(1280, 820); w.show()
QTimer.singleShot(0, lambda: (print("ready", time.time(), time.process_time(), flush=True),
                              app.quit()))
app.exec()
"""

BARE_SPEC = """
import sys
sys.path.insert(0, {packaging!r})
from lean import EXCLUDED_MODULES, lean
a = Analysis([{script!r}], excludes=EXCLUDED_MODULES, hookspath=[{hooks!r}])
a.binaries = lean(a.binaries, system_libs=sys.platform.startswith("linux"))
a.datas = lean(a.datas, system_libs=False)
pyz = PYZ(a.pure)
exe = EXE(pyz, a.scripts, [], exclude_binaries=True, name="bare", console=True, strip=True)
coll = COLLECT(exe, a.binaries, a.datas, strip=True, name="bare")
"""


def frozen_bare(pyinstaller: Path) -> Path:
    """The bare QMainWindow, frozen like the app, with the app's run-time hook for PySide6
    (built into build/bench/, again whenever the way it is built changes)."""
    out = BUILD / "bench"
    exe = out / "dist" / "bare" / "bare"
    script = out / "bare.py"
    spec = out / "bare.spec"
    packaging = ROOT / "packaging"
    text = BARE_SPEC.format(
        packaging=str(packaging), script=str(script), hooks=str(packaging / "hooks")
    )
    if exe.exists() and spec.is_file() and spec.read_text() == text:
        return exe
    out.mkdir(parents=True, exist_ok=True)
    script.write_text(BARE)
    spec.write_text(text)
    subprocess.run(
        [str(pyinstaller), str(spec), "--noconfirm", "--log-level", "WARN",
         "--distpath", str(out / "dist"), "--workpath", str(out / "work")],
        check=True,
    )  # fmt: skip
    return exe


def probe_start(command: list[str], env: dict[str, str]) -> dict[str, float]:
    """Seconds from launch to each moment the program prints: "ready" (its event loop runs,
    the window drawn), and for the app with a project "figures" (the C.3 panel filled); and
    "<moment> cpu", the CPU seconds the process had used by then (less swayed by the other
    load on a shared machine than the wall clock)."""
    started = time.time()
    out = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120).stdout
    moments = {}
    for line in out.splitlines():
        if line.startswith(("ready ", "figures ")):
            what, wall, *cpu = line.split()
            moments[what] = float(wall) - started
            moments[f"{what} cpu"] = float(cpu[0]) if cpu else float("nan")
    if "ready" not in moments:
        raise SystemExit(f"{command[0]} never said ready: {out[-500:]}")
    return moments


def _windows(env: dict[str, str]) -> str:
    return subprocess.run(
        ["xwininfo", "-root", "-tree"], capture_output=True, text=True, env=env
    ).stdout


def _started_with(marker: str) -> list[int]:
    """Process ids whose command line holds ``marker`` (this run's own LibreOffice profile)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if marker.encode() in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


class NoWriterWindow(Exception):
    """A launch of Writer that showed no document window in time (what it said, if anything)."""


def writer_start(
    docx: Path, profile: Path, env: dict[str, str], xvfb: subprocess.Popen[bytes]
) -> float:
    """Seconds from launching LibreOffice Writer on ``docx`` until its document window exists.

    Each launch opens a fresh copy (a killed Writer leaves a lock file that would make the next
    launch ask "Document in Use"); Writer's processes are found by this run's profile path.
    Raises ``NoWriterWindow`` after 120 s without one, with LibreOffice's exit status and the
    end of what it wrote."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice is not None
    folder = Path(tempfile.mkdtemp(dir=docx.parent))
    copy = Path(shutil.copyfile(docx, folder / docx.name))
    command = [soffice, f"-env:UserInstallation=file://{profile}", "--norestore", "--nologo",
               "--nodefault", "--writer", str(copy)]  # fmt: skip
    log = folder / "soffice.log"
    # LibreOffice picks its display backend by looking for a desktop; on a bare X server that
    # look failed now and then and it ran headless (its "svp" backend, seen in a debugger: the
    # document loaded, no window ever made; about 1 launch in 10 with a new profile). Named,
    # it is the backend the look finds when it works: X11 ("gen"); 20 of 20 launches then.
    writer_env = {**env, "SAL_USE_VCLPLUGIN": "gen"}
    started = time.time()
    with log.open("wb") as said:
        proc = subprocess.Popen(command, env=writer_env, stdout=said, stderr=subprocess.STDOUT)
    try:
        while time.time() - started < 120:
            if "- LibreOffice Writer" in _windows(env):  # the document window's title
                return time.time() - started
            time.sleep(0.01)
        check_xvfb(xvfb)  # ended by another process (a "pkill Xvfb" elsewhere): not Writer
        named = sorted({line.split('"')[1] for line in _windows(env).splitlines() if '"' in line})
        alive = _started_with(str(profile))
        tail = log.read_text(errors="replace")[-400:].strip() or "nothing"
        raise NoWriterWindow(
            f"no document window in 120 s; windows: {named}; launcher exit {proc.poll()}, "
            f"{len(alive)} of its processes alive; it said: {tail}"
        )
    finally:
        for pid in [proc.pid, *_started_with(str(profile))]:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        proc.wait(10)
        time.sleep(0.5)


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    """An X server of this run's own, on a display number Xvfb chose (``-displayfd``).

    Picking a number without a lock file raced other X servers started meanwhile (the test
    suite's, other benchmarks'): ours then failed to start, the probes used the other server,
    and when that one ended Writer had no display ("opened no document window", none listed)."""
    read_end, write_end = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
    )
    os.close(write_end)
    with os.fdopen(read_end) as chosen:
        number = chosen.readline().strip()
    if not number.isdigit():
        raise SystemExit("Xvfb did not start (no display number)")
    return xvfb, f":{number}"


def check_xvfb(xvfb: subprocess.Popen[bytes]) -> None:
    if xvfb.poll() is not None:
        raise SystemExit(f"this run's Xvfb ended (exit {xvfb.returncode}): figures not valid")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--app", type=Path, default=BUILD / "frozen" / "jcm-pdd" / "jcm-pdd")
    parser.add_argument(
        "--pyinstaller", type=Path, default=BUILD / "pyi-venv" / "bin" / "pyinstaller"
    )
    parser.add_argument("--no-writer", action="store_true")
    args = parser.parse_args()
    bare = frozen_bare(args.pyinstaller)
    work = Path(tempfile.mkdtemp(prefix="bench-frozen-"))
    xvfb, display = start_xvfb()
    try:
        env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
        env.update(DISPLAY=display, JCM_PDD_HOME=str(work / "home"), JCM_PDD_STARTUP_PROBE="1")
        app_cmd = [str(args.app), "open", "--sample"]
        sample = ROOT / "resources" / "samples" / "mongolia-solar-pv.jcmpdd"
        export = [str(args.app), "export", "--format", "docx", "--copies", "confidential"]
        subprocess.run(
            [*export, "--out", str(work / "docx"), str(sample)],
            check=True, env=env, capture_output=True,
        )  # fmt: skip
        docx = next((work / "docx").glob("*.docx"))
        probe_start(app_cmd, env)  # untimed first launches
        probe_start([str(bare)], env)
        profile = work / "lo-profile"
        failed: list[str] = []  # Writer launches that showed no window (reported, not timed)
        if not args.no_writer:
            try:
                writer_start(docx, profile, env, xvfb)  # makes the profile; untimed
            except NoWriterWindow as exc:
                failed.append(f"untimed first launch: {exc}")
        apps, figures, bares, writers = [], [], [], []
        cpu_apps, cpu_figures, cpu_bares = [], [], []
        for _ in range(args.runs):
            moments = probe_start([str(bare)], env)
            bares.append(moments["ready"])
            cpu_bares.append(moments["ready cpu"])
            moments = probe_start(app_cmd, env)
            apps.append(moments["ready"])
            figures.append(moments["figures"])
            cpu_apps.append(moments["ready cpu"])
            cpu_figures.append(moments["figures cpu"])
            check_xvfb(xvfb)
            if not args.no_writer:
                try:
                    writers.append(writer_start(docx, profile, env, xvfb))
                except NoWriterWindow as exc:
                    failed.append(str(exc))
        app_m, fig_m, bare_m = (statistics.median(x) for x in (apps, figures, bares))

        def runs(values: list[float]) -> list[float]:
            return [round(x, 3) for x in values]

        print(f"frozen app, sample open (window drawn, takes input): median {app_m:.3f} s  "
              f"runs {runs(apps)}")  # fmt: skip
        print(f"frozen app, C.3 figures shown:  median {fig_m:.3f} s  runs {runs(figures)}")
        print(f"frozen bare QMainWindow:  median {bare_m:.3f} s  runs {runs(bares)}")
        print(f"  ratio app / bare: {app_m / bare_m:.2f}x (target <= 2x); "
              f"with the figures {fig_m / bare_m:.2f}x")  # fmt: skip
        cpu_app, cpu_fig, cpu_bare = (
            statistics.median(x) for x in (cpu_apps, cpu_figures, cpu_bares)
        )  # fmt: skip
        print(f"CPU seconds to ready: app median {cpu_app:.3f} (figures {cpu_fig:.3f}), "
              f"bare {cpu_bare:.3f}: ratio {cpu_app / cpu_bare:.2f}x "
              f"(figures {cpu_fig / cpu_bare:.2f}x)")  # fmt: skip
        for problem in failed:
            print(f"LibreOffice Writer launch left out: {problem}")
        if writers:
            w_m = statistics.median(writers)
            print(f"LibreOffice Writer, .docx window: median {w_m:.3f} s  runs {runs(writers)}")
            print(f"  ratio app / Writer: {app_m / w_m:.2f}x (target <= 0.3x); "
                  f"with the figures {fig_m / w_m:.2f}x")  # fmt: skip
    finally:
        xvfb.terminate()
        xvfb.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
