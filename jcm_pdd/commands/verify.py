"""``jcm-pdd verify PKG [--json]``: check a package; exit 0 only when VERIFIED."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "verify", help="verify a validation package: checksums, files, re-computed figures"
    )
    parser.add_argument("package", type=Path, help="the .jcmpkg file")
    parser.add_argument("--json", action="store_true", help="print the full report as JSON")
    parser.add_argument(
        "--no-recompute", action="store_true", help="check checksums only (skip the figures)"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from jcm_pdd.package import verify_package

    report = verify_package(args.package, recompute=not args.no_recompute)
    print(report.to_json() if args.json else report.summary())
    return 0 if report.ok else 1
