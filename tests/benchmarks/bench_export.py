"""Benchmark: the full export set of the sample project vs LibreOffice converting its .docx.

Prints absolute times and the ratio (target: our whole set <= 0.5x of one LibreOffice
headless .docx -> .pdf conversion of the same PDD, measured in the same run). Not collected by
pytest. Run: ``python tests/benchmarks/bench_export.py [--rounds N]``.

The set is every format (PDD .docx and .pdf, workbook, MoC) in both copies (public and
confidential): 8 files. It is timed as a user runs it, ``jcm-pdd export FILE --out DIR`` from
launch to exit, as LibreOffice is timed (the ratio uses this); also in a plain fresh Python
process calling ``export_set`` (its wall time, and from the import of ``export_set`` to its
return); and warm in the benchmark's own process (the GUI's case: everything imported). The line
says whether the fresh process forked its render workers (``jcm_pdd.export.worker``: the CLI on
Linux does) or rendered sequentially (the GUI, Windows, macOS).

The fresh process runs the way an installed app does: without PYTHONDONTWRITEBYTECODE (dropped
from the child's environment, so .pyc files are written and read as on a user's machine) and
after one untimed warm-up launch (a user's installed app already has its .pyc files). Run it
in the README's venv with bytecode caching on, e.g.
``env -u PYTHONDONTWRITEBYTECODE /tmp/benchvenv/bin/python tests/benchmarks/bench_export.py``.
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

ROOT = Path(__file__).resolve().parents[2]

_COLD = """
import sys, time
t = time.perf_counter()
from jcm_pdd.export import export_set
paths = export_set(sys.argv[1], sys.argv[2], draft=sys.argv[3] == "draft")
elapsed = time.perf_counter() - t
from jcm_pdd.export.worker import fork_is_safe
print(elapsed, len(paths), "forked" if fork_is_safe() else "sequential")
"""


def _project_file(work: Path) -> tuple[Path, str]:
    from jcm_pdd.paths import sample_project_path

    sample = sample_project_path()
    if sample.is_file():
        return sample, "bundled sample project"
    sys.path[:0] = [str(ROOT / "tests" / "export"), str(ROOT / "tests")]  # + builders.py
    from export_factory import filled_project  # the export tests' filled project

    from jcm_pdd.storage import save_project

    target = work / "filled.jcmpdd"
    save_project(target, filled_project())
    return target, "export tests' filled project (bundled sample not found)"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    soffice = shutil.which("soffice")
    if soffice is None:
        print("soffice not installed: cannot measure the reference conversion")
        return 1
    from jcm_pdd.errors import UserError
    from jcm_pdd.export import export_set

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        source, label = _project_file(work)
        try:
            export_set(source, work / "probe", formats={"docx"}, copies={"confidential"})
            mode = "final"
        except UserError:
            mode = "draft"
        print(f"project: {label} ({source.name}); export mode: {mode}")
        # A user's process caches bytecode: drop the machine's PYTHONDONTWRITEBYTECODE
        child_env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

        def fresh(out: Path) -> tuple[str, str, float]:
            start = time.perf_counter()
            result = subprocess.run(
                [sys.executable, "-c", _COLD, str(source), str(out), mode],
                capture_output=True,
                text=True,
                check=False,
                cwd=ROOT,
                env=child_env,
            )
            wall = time.perf_counter() - start
            if result.returncode:
                raise SystemExit(result.stderr)
            cold, count, how = result.stdout.split()
            return cold, f"{count} files, {how}", wall

        jcm_pdd_cli = Path(sys.executable).with_name("jcm-pdd")

        def command_line(out: Path) -> float | None:
            if not jcm_pdd_cli.is_file():
                return None  # not installed as a command in this environment
            command = [str(jcm_pdd_cli), "export", str(source), "--out", str(out)]
            if mode == "draft":
                command.append("--draft")
            start = time.perf_counter()
            subprocess.run(command, capture_output=True, check=True, cwd=ROOT, env=child_env)
            return time.perf_counter() - start

        ratios: list[tuple[float, float]] = []
        fresh(work / "cold-warmup")  # untimed: writes the .pyc files an installed app has
        command_line(work / "cli-warmup")
        for n in range(1, args.rounds + 1):
            cold, count, wall = fresh(work / f"cold{n}")
            cli = command_line(work / f"cli{n}")
            t = time.perf_counter()
            paths = export_set(source, work / f"warm{n}", draft=mode == "draft")
            warm = time.perf_counter() - t
            docx = next(p for p in paths if p.suffix == ".docx" and "_PDD_" in p.name)
            profile = work / "lo-profile"
            if n == 1:  # create the profile untimed: a user's LibreOffice has one already
                subprocess.run(
                    [
                        soffice,
                        f"-env:UserInstallation={profile.as_uri()}",
                        "--headless",
                        "--convert-to",
                        "pdf",
                        "--outdir",
                        str(work / "lo-warmup"),
                        str(docx),
                    ],
                    capture_output=True,
                    check=True,
                )
            t = time.perf_counter()
            subprocess.run(
                [
                    soffice,
                    f"-env:UserInstallation={profile.as_uri()}",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(work / f"lo{n}"),
                    str(docx),
                ],
                capture_output=True,
                check=True,
            )
            lo = time.perf_counter() - t
            fresh_time = cli if cli is not None else wall
            how = "jcm-pdd export" if cli is not None else "python process (no jcm-pdd command)"
            print(
                f"round {n}: export set ({count}) {how} {fresh_time:.3f} s"
                f" [python -c process {wall:.3f} s, export_set {float(cold):.3f} s],"
                f" warm {warm:.3f} s; LibreOffice docx->pdf {lo:.3f} s;"
                f" ratio fresh {fresh_time / lo:.2f}x, warm {warm / lo:.2f}x (target <= 0.5x)"
            )
            ratios.append((fresh_time / lo, warm / lo))
    if len(ratios) > 1:  # the machine is noisy: the middle round says more than any one
        print(
            f"median of {len(ratios)} rounds: ratio fresh (jcm-pdd export)"
            f" {statistics.median(c for c, _ in ratios):.2f}x,"
            f" warm {statistics.median(w for _, w in ratios):.2f}x"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
