#!/usr/bin/env python3
"""Mutation fuzzing of projects, packages and templates: a plain script that prints the counts.

    python tests/fuzz/run_fuzz.py --cases 20000            # split over the three kinds
    python tests/fuzz/run_fuzz.py --project 500 --package 100 --template 400 --seed 7
    python tests/fuzz/run_fuzz.py --replay package:1:123   # one case, in this process, verbose

Each case runs in a forked worker under a memory limit and a time limit (see
``fuzz_harness.py``); the table counts clean user errors, accepted files, unhandled exceptions,
cases over time and over memory, and every case of the last three is listed for ``--replay``.
Exit status 1 when any case was unhandled, over time or over memory.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import fuzz_harness as fh


def _replay(case: str) -> int:
    kind, seed, number = case.split(":")
    with tempfile.TemporaryDirectory(prefix="jcm-fuzz-replay-") as tmp:
        folder = Path(tmp)
        os.environ.setdefault("JCM_PDD_HOME", str(folder / "home"))
        seeds = fh.build_seeds(folder)
        name, data = fh.make_case(seeds, kind, int(seed), int(number))
        path = folder / name
        path.write_bytes(data)
        keep = Path.cwd() / f"replay-{kind}-{seed}-{number}{Path(name).suffix}"
        keep.write_bytes(data)
        print(f"case written to {keep} ({len(data):,} bytes)")
        started = time.perf_counter()
        try:
            print("outcome:", fh.run_case(kind, path))
        except fh.UserError as exc:
            print("outcome: user error:", exc.message)
        except Exception:
            traceback.print_exc()
        print(f"{time.perf_counter() - started:.2f} s")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=0, help="total, split 45/15/40 over kinds")
    for kind in fh.KINDS:
        parser.add_argument(f"--{kind}", type=int, default=0, help=f"{kind} cases")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--first", type=int, default=0, help="first case number (to resume)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--replay", metavar="KIND:SEED:NUMBER")
    args = parser.parse_args()
    if args.replay:
        return _replay(args.replay)
    kinds = {kind: getattr(args, kind) for kind in fh.KINDS}
    if args.cases:
        kinds = {
            "project": args.cases * 45 // 100,
            "package": args.cases * 15 // 100,
            "template": args.cases - args.cases * 45 // 100 - args.cases * 15 // 100,
        }
    if not any(kinds.values()):
        parser.error("give --cases N or per-kind counts")
    total = sum(kinds.values())

    shown = [0]

    def progress(result: fh.Result, done: int) -> None:
        for finding in result.findings[shown[0] :]:  # at once: a long run may be cut short
            print("   found:", finding, flush=True)
        shown[0] = len(result.findings)
        if done % 500 == 0 or done == total:
            counts = ", ".join(f"{o} {result.counts[o]}" for o in fh.OUTCOMES)
            print(f"  {done:,}/{total:,}: {counts}", flush=True)

    result = fh.run(
        kinds, seed=args.seed, workers=args.workers, progress=progress, first=args.first
    )
    print(f"\n{total:,} cases (seed {args.seed}) in {result.seconds:.0f} s, {args.workers} workers")
    print(f"limits: {fh.MEMORY_LIMIT // 2**20} MiB address space, time {fh.TIME_LIMIT} s\n")
    print(result.table())
    for finding in result.findings:
        print("  ", finding)
    if result.not_made:
        print(f"\n{len(result.not_made)} case(s) the harness could not build (not counted):")
        for line in result.not_made[:20]:
            print("  ", line)
    bad = sum(result.counts[o] for o in ("unhandled", "over time", "over memory"))
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
