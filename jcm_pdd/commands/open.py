"""``jcm-pdd open [FILE] [--sample]``: start the desktop app (the default with no arguments).

FILE is a ``.jcmpdd`` project, a ``.jcmpkg`` package, or a ``.jcmreview`` review file, which
opens the package beside it (its findings and sign-offs with it). ``jcm-pdd FILE`` means the
same (``jcm_pdd.cli``): that is how a desktop starts the app for a double-clicked file.
A missing file is refused here, before any window opens.
"""

from __future__ import annotations

import argparse
import gc
from pathlib import Path
from typing import Any

from jcm_pdd.errors import UserError


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("open", help="open the desktop app (optionally on a file)")
    parser.add_argument(
        "file", nargs="?", type=Path, help="a .jcmpdd project, .jcmpkg package or .jcmreview"
    )
    parser.add_argument("--sample", action="store_true", help="open the bundled sample project")
    parser.set_defaults(handler=run)


def target_for(path: Path) -> Path:
    """``path``, once it is known to be a file. A review file goes to the window as it is: the
    window opens its package (``MainWindow.open_path``) and, when the package is not beside it,
    says so in a dialog, which a double-click (no terminal) needs."""
    if not path.exists():
        raise UserError(f"The file '{path}' does not exist.")
    if path.is_dir():
        raise UserError(f"'{path}' is a folder; open a .jcmpdd, .jcmpkg or .jcmreview file.")
    return path


def run(args: argparse.Namespace) -> int:
    from jcm_pdd.paths import sample_project_path

    target: Path | None = target_for(args.file) if args.file is not None else None
    if args.sample:
        target = sample_project_path()
    # The desktop app collects garbage from a timer on the GUI thread, never automatically
    # (jcm_pdd/gui/gc_guard.py, installed with the main window). Automatic collection is off
    # already for the start: the imports and the window build allocate enough to trigger about
    # a hundred collections before the window is drawn (15-20 ms of CPU), and the first
    # timer tick collects what the start left, by the same thresholds.
    gc.disable()
    from jcm_pdd.gui.application import run_app  # the only place the CLI reaches Qt

    return int(run_app(target))
