"""Storage benchmark: prints save/load times of the sample, 100 MB save vs a plain file copy,
and peak memory while loading. Run: ``python tests/benchmarks/bench_storage.py``.

Targets (issue 2): saving 100 MB of attachments within 1.5x the time of ``shutil.copyfile`` of
the same bytes in the same run; peak memory while loading below 2x the attachment bytes read.
Our save also fsyncs the file and its folder (copyfile does not), so the ratio is printed both
against copyfile and against copyfile + fsync. All runs use a warm page cache; each figure is
the median of several runs.
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from jcm_pdd.model import Project
from jcm_pdd.paths import sample_project_path
from jcm_pdd.storage import AttachmentStore, load_project, read_manifest, save_project

MB = 1024 * 1024
RUNS = 5


def median_time(action: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def copy_and_fsync(source: Path, target: Path) -> None:
    shutil.copyfile(source, target)
    fd = os.open(target, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def sample_figures(folder: Path) -> None:
    sample = sample_project_path()
    if not sample.is_file():
        print("sample project: not found, skipped")
        return
    loaded = load_project(sample)
    target = folder / "sample.jcmpdd"
    load_s = median_time(lambda: load_project(sample), 10)
    save_s = median_time(lambda: save_project(target, loaded.project, loaded.attachments), 10)
    print(
        f"sample project ({sample.stat().st_size / 1024:.0f} KB): "
        f"load {load_s * 1000:.1f} ms, save {save_s * 1000:.1f} ms (median of 10)"
    )


def big_figures(folder: Path) -> None:
    rng = random.Random(1)
    store = AttachmentStore()
    project = Project()
    project.pdd.title = "100 MB of attachments"
    files = []
    for number in range(4):
        path = folder / f"scan-{number}.pdf"
        path.write_bytes(rng.randbytes(25 * MB))
        files.append(path)
    started = time.perf_counter()
    for path in files:
        project.attachments.append(store.add_file(path))
    attach_s = time.perf_counter() - started
    store_first = store.copy()  # sources: the user's files (saving rebinds only copies of it)
    target = folder / "big.jcmpdd"
    save_project(target, project, store)  # the store now reads from target (a loaded project)
    loaded = load_project(target)
    # Interleaved, so a noisy neighbour slows every contender of a round alike. Copies and the
    # first save write new files; the re-save replaces the file it was loaded from (Ctrl+S).
    timings: dict[str, list[float]] = {"copy": [], "copy_sync": [], "first": [], "resave": []}
    actions: dict[str, Callable[[], object]] = {
        "copy": lambda: shutil.copyfile(target, folder / "copy.bin"),
        "copy_sync": lambda: copy_and_fsync(target, folder / "copy2.bin"),
        "first": lambda: save_project(folder / "first.jcmpdd", project, store_first.copy()),
        "resave": lambda: save_project(target, loaded.project, loaded.attachments),
    }
    for _ in range(RUNS + 2):
        for key, action in actions.items():
            timings[key].append(median_time(action, 1))
        for name in ("copy.bin", "copy2.bin", "first.jcmpdd"):
            (folder / name).unlink()
    copy_s, copy_sync_s, first_s, resave_s = (
        statistics.median(timings[k]) for k in ("copy", "copy_sync", "first", "resave")
    )
    load_s = median_time(lambda: load_project(target))
    size = target.stat().st_size
    print(f"100 MB project ({size / MB:.1f} MB file):")
    print(f"  attaching the 4 files (hash + CRC once): {attach_s:.3f} s")
    print(f"  shutil.copyfile of the container:        {copy_s:.3f} s")
    print(f"  copyfile + fsync:                        {copy_sync_s:.3f} s")
    for label, value in (
        ("first save (from the user's files)", first_s),
        ("re-save over the loaded file", resave_s),
    ):
        print(
            f"  {label + ':':<41}{value:.3f} s  = {value / copy_s:.2f}x copyfile, "
            f"{value / copy_sync_s:.2f}x copyfile+fsync"
        )
    print(f"  load (checks every attachment's SHA-256): {load_s:.3f} s")
    manifests_s = median_time(lambda: [read_manifest(target) for _ in range(50)])
    print(f"  read_manifest x 50 (a start page of 50 projects): {manifests_s * 1000:.1f} ms")

    tracemalloc.start()
    load_project(target)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    attachment_bytes = sum(p.stat().st_size for p in files)
    print(
        f"  peak Python memory while loading (tracemalloc): {peak / MB:.1f} MB = "
        f"{peak / attachment_bytes:.3f}x the {attachment_bytes / MB:.0f} MB of attachments read"
    )
    probe = (
        "import resource, sys; from jcm_pdd.storage import load_project;"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss;"
        f"load_project({str(target)!r});"
        "after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss;"
        "print(before, after)"
    )
    before, after = map(int, subprocess.check_output([sys.executable, "-c", probe]).split())
    unit = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB on Linux
    grown = (after - before) * unit
    print(
        f"  peak RSS growth while loading (fresh process): {grown / 1024:.0f} KB "
        f"(process peak {after * unit / MB:.0f} MB incl. Python and pydantic)"
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        sample_figures(folder)
        big_figures(folder)


if __name__ == "__main__":
    main()
