"""The headless commands on the biggest projects users make (``bigproject.py``: large, huge), a
plain script that prints its figures; not collected by pytest.

Per project (the registered PV programme, the LED programme) and command, as a user runs it
(``jcm-pdd`` launched to exit): wall time and peak resident memory (``wait4``), median of
``--runs``. Commands: check, calc, the final export (Word, PDF, Excel, MoC, both copies), the
validation package and its verification, and for the PV programme the verification package of
every monitoring period, its verification, the monitoring export and ``review show`` of the
review with hundreds (thousands) of findings.

Run: python tests/benchmarks/bench_scale_cli.py large [--runs N] [--folder DIR]
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
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE)]


def run(args: list[str], env: dict[str, str]) -> tuple[float, int, int]:
    """Seconds, peak MB and exit status of ``jcm-pdd args``."""
    start = time.perf_counter()
    with open(os.devnull, "wb") as devnull:
        child = subprocess.Popen(
            [sys.executable, "-m", "jcm_pdd", *args], stdout=devnull, stderr=devnull, env=env
        )
        _, status, usage = os.wait4(child.pid, 0)
    took = time.perf_counter() - start
    return took, usage.ru_maxrss // 1024, os.waitstatus_to_exitcode(status)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("size", choices=("large", "huge"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--folder", type=Path, default=None, help="reuse bigproject.py's files")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-scale-cli-"))
    env = dict(os.environ, JCM_PDD_HOME=str(tmp / "home"))
    import bigproject

    folder = args.folder or tmp
    files = {k: folder / f"{args.size}-{k}.jcmpdd" for k in ("pv", "led")}
    review = folder / f"{args.size}-pv-findings.jcmreview"
    if not all(p.exists() for p in [*files.values(), review]):
        files = {k: v for k, v in bigproject.write(bigproject.SIZES[args.size], folder).items()}
        review = files.pop("review")
    for kind, path in files.items():
        out = tmp / kind
        package, periods = tmp / f"{kind}.jcmpkg", tmp / f"{kind}-periods.jcmpkg"
        steps = [
            ("check", ["check", str(path)]),
            ("calc", ["calc", str(path)]),
            ("export (final; draft for LED)", ["export", str(path), "--out", str(out)]),
        ]
        if kind == "led":
            steps[-1][1].append("--draft")  # the drafted LED programme still has errors
        else:
            steps += [
                ("package", ["package", str(path), "--out", str(package)]),
                ("verify", ["verify", str(package)]),
                (
                    "package --periods all",
                    ["package", str(path), "--periods", "all", "--out", str(periods)],
                ),
                ("verify (periods)", ["verify", str(periods)]),
                ("monitoring export", ["monitoring", "export", str(path), "--out", str(out)]),
                ("review show", ["review", "show", str(review)]),
            ]
        size = path.stat().st_size / 1024 / 1024
        print(f"{args.size} {kind} ({size:.0f} MB), median of {args.runs} runs:", flush=True)
        for name, command in steps:
            walls, peaks, codes = [], [], set()
            for _ in range(args.runs):
                shutil.rmtree(out, ignore_errors=True)
                out.mkdir()
                wall, peak, code = run(command, env)
                walls.append(wall)
                peaks.append(peak)
                codes.add(code)
            print(
                f"  {name:32s} {statistics.median(walls):7.1f} s  peak {max(peaks):5d} MB"
                f"  exit {sorted(codes)}",
                flush=True,
            )
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
