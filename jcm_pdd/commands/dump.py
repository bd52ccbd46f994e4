"""``jcm-pdd dump FILE``: the project's ``project.json`` exactly as stored, for diffing.

The container is checked first (the same safety checks as loading), but the JSON is printed
byte for byte as saved (sorted keys, indented), so ``diff <(jcm-pdd dump a) <(jcm-pdd dump b)``
shows what changed between two versions of a project. Control characters a hostile file
may carry are printed as JSON escapes (the same JSON), never as terminal commands.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

# Control characters a terminal would obey (C0 but tab, newline and return; C1 in UTF-8). A
# valid project.json never holds the first raw and may hold the second only inside strings,
# where the JSON escape means the same: the output stays the same JSON, never a command.
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\xc2[\x80-\x9f]")


def _json_escape(match: re.Match[bytes]) -> bytes:
    return f"\\u{ord(match.group().decode('utf-8')):04x}".encode("ascii")


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
    sys.stdout.buffer.write(_CONTROL.sub(_json_escape, raw))
    sys.stdout.buffer.flush()
    return 0
