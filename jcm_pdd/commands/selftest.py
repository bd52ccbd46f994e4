"""``jcm-pdd selftest``: prove that this build works, printing each check; exit 1 on a failure.

Meant for a frozen or installed copy (CI runs it on both) and for a user's "does it work here".
It runs in a temporary profile (``JCM_PDD_HOME``), so it never reads or alters the user's
preferences, templates or recovery copies, and opens the desktop checks offscreen.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("selftest", help="check that this installation works")
    parser.add_argument(
        "--no-gui", action="store_true", help="skip the desktop checks (no Qt is loaded)"
    )
    parser.add_argument(
        "--keep", type=Path, metavar="DIR", help="keep the files the checks write in DIR"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from jcm_pdd import __version__

    with tempfile.TemporaryDirectory(prefix="jcm-pdd-selftest-") as tmp:
        work = Path(args.keep) if args.keep else Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        os.environ["JCM_PDD_HOME"] = str(Path(tmp) / "profile")
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        frozen = "frozen" if getattr(sys, "frozen", False) else "from source"
        print(f"JCM PDD Studio {__version__} self-test ({frozen}, {sys.executable})")
        from jcm_pdd.selftest import HEADLESS_CHECKS

        checks = list(HEADLESS_CHECKS)
        if not args.no_gui:
            from jcm_pdd.gui.selftest import GUI_CHECKS  # the only place selftest reaches Qt

            checks += GUI_CHECKS
        failed = 0
        for name, check in checks:
            started = time.perf_counter()
            try:
                detail = check(work)
            except Exception as exc:  # reported as this check's failure; the others still run
                failed += 1
                detail = f"{type(exc).__name__}: {exc}"
                status = "FAIL"
            else:
                status = "ok"
            ms = (time.perf_counter() - started) * 1000
            print(f"{status:>4}  {name} ({ms:.0f} ms): {detail}", flush=True)
        print(f"self-test: {len(checks) - failed} of {len(checks)} checks passed")
        return 1 if failed else 0
