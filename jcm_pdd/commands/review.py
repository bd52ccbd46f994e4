"""``jcm-pdd review``: show a review file's findings and sign-offs, export the findings table.

``review show REVIEW [--package PKG] [--json]`` lists findings and, given the package of a
later round, which sign-offs are stale and what changed; a finding's place is named in the form's
words, as the app's findings table names it (``place_namer``). ``review export REVIEW --out DIR``
writes the findings table as .docx and .xlsx for the validation report.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jcm_pdd.errors import UserError

if TYPE_CHECKING:
    from jcm_pdd.model import Project
    from jcm_pdd.package.review import Finding


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

    review = load_review(args.review)
    states: list[Any] = []
    project = None
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
    place = place_namer(project)
    for f in review.findings:
        closed = f", closed in round {f.closed_in_round}" if f.closed_in_round else ""
        state = f"{f.status}, raised in round {f.raised_in_round}{closed}"
        print(f"  {f.id} [{state}] {place(f)}: {f.text}")
        if f.response:
            print(f"      response: {f.response}")
    for s in states:
        mark = "STALE" if s.stale else "current"
        print(f"  sign-off {s.signoff.section}: {mark}")
        for change in s.changes:
            print(f"      {change}")
    return 0


def place_namer(project: Project | None) -> Callable[[Finding], str]:
    """How ``review show`` names a finding's place, as the app's findings table does: a section
    by its title, a field in the form's words ("PDD A.3. Location of project…, row 1,
    Latitude"; ``session.labels``), from the project of ``--package``; without it, the words
    the app stored when the finding was raised. The model key only where no label is known."""
    if project is None:
        return lambda f: f.target_label or f.target
    from jcm_pdd.package.fingerprint import period_sections, sections_for
    from jcm_pdd.session.formview import form_view
    from jcm_pdd.session.labels import field_index, path_label

    specs = {**sections_for(project), **period_sections(project)}
    titles = {key: spec.title for key, spec in specs.items()}
    sections = form_view(project)
    index = field_index(sections)

    def name(f: Finding) -> str:
        if f.target in titles:
            return titles[f.target]
        label = path_label(sections, f.target, "en", index)
        return f.target_label or f.target if label == f.target else label

    return name


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
