"""``jcm-pdd check FILE``: the completeness and consistency diagnostics of a project, headless.

The same rules as the editor's diagnostics panel (``jcm_pdd.checks``): one line per problem
with its severity, place in the forms and model path; ``--json`` for scripts. Exit 0 when
there is no error (warnings and infos allowed), 1 when errors block a final export.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "check", help="list the completeness and consistency problems of a project file"
    )
    parser.add_argument("file", type=Path, help="a .jcmpdd project file")
    parser.add_argument("--json", action="store_true", help="print the diagnostics as JSON")
    parser.add_argument(
        "--errors-only", action="store_true", help="list errors only (not warnings and infos)"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from jcm_pdd.checks import Severity, run_checks
    from jcm_pdd.storage import load_project

    project = load_project(args.file, backup_before_migration=False).project
    found = run_checks(project)
    if args.errors_only:
        found = [d for d in found if d.severity is Severity.ERROR]
    errors = sum(1 for d in found if d.severity is Severity.ERROR)
    if args.json:
        rows = [
            {
                "code": d.code,
                "severity": d.severity.value,
                "location": d.location,
                "form": d.form_type,
                "section": d.section,
                "message": d.message,
                "params": d.params,
            }
            for d in found
        ]
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        for d in found:
            place = f"{d.form_type} {d.section}".strip() or "-"
            print(f"{d.severity.value:<8} {place:<16} {d.location or '-':<48} {d.message}")
        counts = {s: sum(1 for d in found if d.severity is s) for s in Severity}
        summary = ", ".join(f"{n} {s.value}(s)" for s, n in counts.items())
        print(f"{args.file.name}: {summary}", file=sys.stderr)
    return 1 if errors else 0
