#!/usr/bin/env python3
"""Kill saves and autosaves with SIGKILL at random moments; count what is left on disk.

    python tests/fuzz/crash_save.py --kills 1000 --large-mb 50 --folder /var/tmp/crash

A forked child loads a project, edits it and saves it over the same file (or writes its
autosave recovery copy); the parent kills it at a random moment within an adaptive window
(so kills land across the whole save: temp creation, attachment copy, directory, fsync,
rename). After every kill it checks, as the next open would:

- the file: loads with every attachment checksum verified, and holds exactly the old or the
  new version (anything else is counted as "neither": a lost file);
- the disk: bytes of temp files left beside the project before the next open, and after it
  (``session.io.open_document``, which removes leftovers of dead writers); the same for the
  recovery folder before and after the next start (``RecoveryStore()``).

Every third project carries large attachments (``--large-mb``), the others small ones.
Exit status 1 if any file was neither old nor new, or any space was left after the next open.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import struct
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[0] / "storage"))
sys.path.insert(0, str(HERE.parents[0]))

from storage_builders import sample_project  # noqa: E402

from jcm_pdd.session import io as session_io  # noqa: E402
from jcm_pdd.storage import AttachmentStore, RecoveryStore, load_project, save_project  # noqa: E402


def _make(folder: Path, name: str, megabytes: int, rng: random.Random) -> Path:
    store = AttachmentStore()
    project = sample_project(store)
    for number in range(4):
        blob = folder / f"{name}-scan-{number}.pdf"
        blob.write_bytes(rng.randbytes(megabytes * 1024 * 1024 // 4))
        project.attachments.append(store.add_file(blob))
    project.pdd.title = "v0"
    path = folder / f"{name}.jcmpdd"
    save_project(path, project, store)
    for blob in folder.glob(f"{name}-scan-*.pdf"):
        blob.unlink()
    return path


def _child(path: Path, title: str, autosave: Path | None, status: int, go: int) -> None:
    loaded = load_project(path, backup_before_migration=False)
    project = loaded.project
    project.pdd.title = title
    marker = loaded.attachments.add_bytes(title.encode() * 1000, f"{title}.marker")
    project.attachments = [a for a in project.attachments if not a.name.endswith(".marker")]
    project.attachments.append(marker)
    os.write(status, b"R")
    os.read(go, 1)
    started = time.perf_counter()
    if autosave is not None:
        RecoveryStore(autosave).write(project, loaded.attachments, original=path)
    else:
        save_project(path, project, loaded.attachments)
    os.write(status, struct.pack("<d", time.perf_counter() - started))


def _run_one(path: Path, title: str, autosave: Path | None, delay: float) -> bool:
    """Save (or autosave) in a child killed after ``delay`` s; True when it finished first."""
    status_read, status_write = os.pipe()
    go_read, go_write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        code = 0
        try:
            os.close(status_read)
            os.close(go_write)
            _child(path, title, autosave, status_write, go_read)
        except BaseException:
            code = 1
        finally:
            os._exit(code)
    os.close(status_write)
    os.close(go_read)
    try:
        if os.read(status_read, 1) != b"R":
            raise RuntimeError("the child failed before saving")
        os.write(go_write, b"G")
        time.sleep(delay)
        os.kill(pid, signal.SIGKILL)
        _, state = os.waitpid(pid, 0)
        finished = os.WIFEXITED(state) and os.WEXITSTATUS(state) == 0
        return finished or bool(os.read(status_read, 8))
    finally:
        os.close(status_read)
        os.close(go_write)


def _temp_bytes(folder: Path, pattern: str) -> int:
    return sum(p.stat().st_size for p in folder.glob(pattern) if p.is_file())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=1000, help="kills of saves over the file")
    parser.add_argument("--autosave-kills", type=int, default=200, help="kills of autosaves")
    parser.add_argument("--large-mb", type=int, default=50)
    parser.add_argument("--small-mb", type=int, default=2)
    parser.add_argument("--folder", type=Path, default=None)
    parser.add_argument("--seed", default="crash")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="jcm-crash-", dir=args.folder) as tmp:
        folder = Path(tmp)
        os.environ["JCM_PDD_HOME"] = str(folder / "home")
        counts: Counter[str] = Counter()
        left_before = left_after = 0  # bytes of temps, summed over kills
        worst_before = 0
        projects = {
            "large": _make(folder, "large", args.large_mb, rng),
            "small": _make(folder, "small", args.small_mb, rng),
        }
        current = {name: "v0" for name in projects}
        window = {name: 0.5 for name in projects}
        started = time.monotonic()
        for kill in range(args.kills):
            name = "large" if kill % 3 == 0 else "small"
            path = projects[name]
            title = f"v{kill + 1}"
            finished = _run_one(path, title, None, rng.uniform(0.0, window[name]))
            window[name] *= 0.9 if finished else 1.03  # settles where ~1 save in 4 finishes
            try:
                found = load_project(path).project.pdd.title
            except Exception as exc:  # the file does not even load: lost
                counts["neither"] += 1
                print(f"kill {kill}: {path.name} does not load: {exc}", flush=True)
                continue
            if found == current[name]:
                counts["old"] += 1
            elif found == title:
                counts["new"] += 1
            else:
                counts["neither"] += 1
            current[name] = found
            before = _temp_bytes(folder, f".{path.name}.*.saving")
            left_before += before
            worst_before = max(worst_before, before)
            session = session_io.open_document(path)  # the next open cleans leftovers
            session_io.close_document(session)
            left_after += _temp_bytes(folder, f".{path.name}.*.saving")
            if (kill + 1) % 100 == 0:
                print(
                    f"  {kill + 1} kills: {dict(counts)}, temp bytes before the next open "
                    f"{left_before:,}, after {left_after:,}",
                    flush=True,
                )
        project_seconds = time.monotonic() - started

        recovery = folder / "recovery"
        auto: Counter[str] = Counter()
        auto_before = auto_after = 0
        auto_window = 0.5
        for kill in range(args.autosave_kills):
            path = projects["large" if kill % 3 == 0 else "small"]
            finished = _run_one(path, f"auto{kill}", recovery, rng.uniform(0.0, auto_window))
            auto_window *= 0.9 if finished else 1.03
            auto["finished" if finished else "killed"] += 1
            auto_before += _temp_bytes(recovery, ".*.saving")
            store = RecoveryStore(recovery)  # the next start cleans leftovers
            for entry in store.pending():
                load_project(entry.path, backup_before_migration=False)  # must load
            auto_after += _temp_bytes(recovery, ".*.saving")
            for entry in store.pending():  # the user restored or discarded it
                store.discard(entry.key)

    print(
        f"\nsaves killed: {args.kills} ({project_seconds:.0f} s), every third with "
        f"{args.large_mb} MB of attachments, the others {args.small_mb} MB"
    )
    print(
        f"  old version intact {counts['old']}, new version complete {counts['new']}, "
        f"neither {counts['neither']}"
    )
    print(
        f"  temp bytes beside the project before the next open: {left_before:,} in all "
        f"(worst single kill {worst_before:,}); after the next open: {left_after:,}"
    )
    print(f"autosaves killed: {args.autosave_kills} ({dict(auto)})")
    print(
        f"  temp bytes in the recovery folder before the next start: {auto_before:,}; "
        f"after it: {auto_after:,}"
    )
    return 1 if counts["neither"] or left_after or auto_after else 0


if __name__ == "__main__":
    raise SystemExit(main())
