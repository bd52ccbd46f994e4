"""``jcm-pdd dump FILE``: the project's ``project.json`` exactly as stored, for diffing.

The container is checked first (the same safety checks as loading), but the JSON is printed
byte for byte as saved (sorted keys, indented), so ``diff <(jcm-pdd dump a) <(jcm-pdd dump b)``
shows what changed between two versions of a project.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("dump", help="print a project's JSON as stored (for diffing)")
    parser.add_argument("file", type=Path, help="a .jcmpdd project file")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from jcm_pdd.storage.container import Container
    from jcm_pdd.storage.load import read_project_json

    with Container(args.file) as container:
        raw = read_project_json(container)
    sys.stdout.flush()
    sys.stdout.buffer.write(raw)
    sys.stdout.buffer.flush()
    return 0
