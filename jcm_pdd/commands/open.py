"""``jcm-pdd open [FILE] [--sample]``: start the desktop app (the default with no arguments)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("open", help="open the desktop app (optionally on a file)")
    parser.add_argument("file", nargs="?", type=Path, help="a .jcmpdd project or .jcmpkg package")
    parser.add_argument("--sample", action="store_true", help="open the bundled sample project")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from jcm_pdd.paths import sample_project_path

    target: Path | None = args.file
    if args.sample:
        target = sample_project_path()
    from jcm_pdd.gui.application import run_app  # the only place the CLI reaches Qt

    return int(run_app(target))
