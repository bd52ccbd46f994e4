"""``jcm-pdd review``: show a review file's findings and sign-offs, export the findings table.

``review show REVIEW [--package PKG] [--json]`` lists findings and, given the package of a
later round, which sign-offs are stale and what changed; a finding's place is named in the form's
words, as the app's findings table names it, and so is a sign-off's section and each
change since it (``session.review_places``). ``review export REVIEW --out DIR``
writes the findings table as .docx and .xlsx for the validation report.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jcm_pdd.errors import UserError

if TYPE_CHECKING:
    from jcm_pdd.model import Project


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("review", help="show or export a validation review file")
    sub = parser.add_subparsers(dest="review_command", metavar="ACTION", required=True)
    show = sub.add_parser("show", help="findings and sign-offs (stale ones against a package)")
    show.add_argument("review", type=Path, help="the .jcmreview file")
    show.add_argument("--package", type=Path, help="check sign-offs against this .jcmpkg")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=run_show)
    export = sub.add_parser("export", help="write the findings table as .docx and .xlsx")
    export.add_argument("review", type=Path, help="the .jcmreview file")
    export.add_argument("--out", type=Path, required=True, help="folder for the two files")
    export.set_defaults(handler=run_export)


def run_show(args: argparse.Namespace) -> int:
    from jcm_pdd.package.review import load_review
    from jcm_pdd.session.review_places import PlaceNames

    review = load_review(args.review)
    states: list[Any] = []
    project: Project | None = None
    if args.package is not None:
        from jcm_pdd.package.diff import load_side

        side = load_side(args.package)
        states = review.sign_off_states(side.project, side.figures)
        project = side.project
    if args.json:
        data = review.model_dump(mode="json")
        data["signoff_states"] = [
            {
                "section": s.signoff.section,
                "stale": s.stale,
                "changes": [{"path": c.path, "old": c.old, "new": c.new} for c in s.changes],
            }
            for s in states
        ]
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    print(f"Review of: {review.project_title or '(untitled)'}")
    for ref in review.packages:
        verdict = f", {ref.verdict}" if ref.verdict else ""
        kind = (
            f", verification of periods {', '.join(str(n) for n in ref.periods)}"
            if ref.kind == "verification"
            else ""
        )
        print(f"  round {ref.round}: {ref.file_name} ({ref.package_id[:16]}{verdict}{kind})")
    if review.untrusted():
        from jcm_pdd.package.findings_export import integrity_warning

        print(integrity_warning(review))
    print(f"Findings ({len(review.findings)}; CAR/CL open: {len(review.open_car_cl())}):")
    names = PlaceNames(project)
    for f in review.findings:
        closed = f", closed in round {f.closed_in_round}" if f.closed_in_round else ""
        state = f"{f.status}, raised in round {f.raised_in_round}{closed}"
        print(f"  {f.id} [{state}] {names.name(f.target, f.target_label)}: {f.text}")
        if f.response:
            print(f"      response: {f.response}")
    for s in states:
        mark = "STALE" if s.stale else "current"
        print(f"  sign-off {names.name(s.signoff.section, s.signoff.title)}: {mark}")
        for change in s.changes:
            print(f"      {names.name(change.path)}: {change.old!r} -> {change.new!r}")
    return 0


def run_export(args: argparse.Namespace) -> int:
    from jcm_pdd.package.findings_export import findings_docx, findings_xlsx
    from jcm_pdd.package.review import load_review

    review = load_review(args.review)
    if not args.out.is_dir():
        raise UserError(f"The folder '{args.out}' does not exist.")
    stem = args.review.stem + "-findings"
    for path in (
        findings_docx(review, args.out / f"{stem}.docx"),
        findings_xlsx(review, args.out / f"{stem}.xlsx"),
    ):
        print(path)
    return 0
