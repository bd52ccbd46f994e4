"""``jcm-pdd diff A B [--json]``: field-by-field and figure-by-figure differences.

A and B are project files (.jcmpdd) or packages (.jcmpkg), in any mix; exit 0 when both could
be read (whether or not they differ), 1 when one cannot be read.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "diff", help="compare two project files or package rounds (fields and figures)"
    )
    parser.add_argument("a", type=Path, help="the earlier .jcmpdd or .jcmpkg")
    parser.add_argument("b", type=Path, help="the later .jcmpdd or .jcmpkg")
    parser.add_argument("--json", action="store_true", help="print the differences as JSON")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from jcm_pdd.package.diff import compare

    result = compare(args.a, args.b)
    print(result.to_json() if args.json else result.text())
    return 0
