"""``jcm-pdd export FILE --out DIR [--format docx,pdf,xlsx,moc] [--draft] [--copies ...]``."""

from __future__ import annotations

import argparse
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
    parser.add_argument("file", type=Path, help="a .jcmpdd project file")
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
    from jcm_pdd.export import export_set

    paths = export_set(
        args.file,
        args.out,
        formats=args.format.split(","),
        draft=args.draft,
        copies=args.copies.split(","),
    )
    for path in paths:
        print(path)
    return 0
