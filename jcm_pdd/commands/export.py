"""``jcm-pdd export FILE... --out DIR [--format docx,pdf,xlsx,moc] [--draft] [--copies ...]``.

With several files (a consultant's batch), each project's documents go to ``DIR/<file stem>/``;
a project that cannot be exported is reported on one line and the others still export.
"""

from __future__ import annotations

import argparse
import gc
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "export",
        help="export the PDD (Word, PDF), Monitoring Plan workbook and MoC",
        description=(
            "Write the submission documents of a project: public copies (for_public_use_..., "
            "confidential values shown as XXX) and full confidential copies. A final export is "
            "refused while the checks report errors; --draft always exports, marked DRAFT."
        ),
    )
    parser.add_argument("files", type=Path, nargs="+", metavar="FILE", help=".jcmpdd project files")
    parser.add_argument("--out", type=Path, required=True, help="folder to write the files to")
    parser.add_argument(
        "--format",
        default="docx,pdf,xlsx,moc",
        help="comma-separated: docx,pdf,xlsx,moc (default: all)",
    )
    parser.add_argument(
        "--copies",
        default="public,confidential",
        help="comma-separated: public,confidential (default: both)",
    )
    parser.add_argument("--draft", action="store_true", help="export a draft (DRAFT on every page)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    # An export allocates in one burst (the imports, the document model, the renderers'
    # objects) nearly all of which stays alive until the files are written: the cyclic
    # collector's automatic passes over it find next to nothing and cost about 8% of a fresh
    # export's CPU (45 of 610 ms measured). Off for the command (the forked render worker
    # inherits it); a batch collects between projects, so memory stays bounded by one
    # project's export. Left off when the process ends right after (``cli.entry`` freezes the
    # heap before exit): turning it back on would start with one pass over the whole heap.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _export_files(args)
    finally:
        if collecting and not getattr(args, "ends_process", False):
            gc.enable()


def _export_files(args: argparse.Namespace) -> int:
    import sys

    from jcm_pdd.errors import UserError
    from jcm_pdd.export import export_set

    batch = len(args.files) > 1
    failed = 0
    for number, file in enumerate(args.files):
        if number:
            gc.collect()  # the previous project's cycles
        out = args.out / file.stem if batch else args.out
        notes: list[str] = []
        try:
            paths = export_set(
                file,
                out,
                formats=args.format.split(","),
                draft=args.draft,
                copies=args.copies.split(","),
                notes=notes,
            )
        except UserError as exc:
            if not batch:
                raise
            failed += 1
            first_line = exc.message.splitlines()[0]
            print(f"jcm-pdd: error: {file}: {first_line}", file=sys.stderr)
            continue
        for path in paths:
            print(path)
        for note in notes:
            print(f"jcm-pdd: note: {note}", file=sys.stderr)
    if failed:
        print(f"jcm-pdd: {failed} of {len(args.files)} projects were not exported", file=sys.stderr)
    return 1 if failed else 0
