"""``jcm-pdd verify PKG... [--json]``: check packages; exit 0 only when every one is VERIFIED.

Several packages may be given (a validator's batch check, as Bagger users ask for); with
``--json`` one package prints one report object, several print a list.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "verify", help="verify validation packages: checksums, files, re-computed figures"
    )
    parser.add_argument("packages", type=Path, nargs="+", metavar="PKG", help=".jcmpkg files")
    parser.add_argument("--json", action="store_true", help="print the full report as JSON")
    parser.add_argument(
        "--no-recompute", action="store_true", help="check checksums only (skip the figures)"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from jcm_pdd.package import verify_package

    reports = [verify_package(p, recompute=not args.no_recompute) for p in args.packages]
    if args.json:
        data = [r.to_dict() for r in reports]
        print(
            json.dumps(
                data[0] if len(data) == 1 else data, indent=2, ensure_ascii=False, sort_keys=True
            )
        )
    else:
        print("\n".join(r.summary() for r in reports))
    return 0 if all(r.ok for r in reports) else 1
