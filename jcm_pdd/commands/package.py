"""``jcm-pdd package FILE --out PKG [--round N] [--responses REVIEW] [--periods N-M]``: build a
validation package (.jcmpkg), or with ``--periods`` a verification package of those monitoring
periods; a resubmission carries the responses written into the validator's review file."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from jcm_pdd.errors import UserError


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "package", help="build a validation package (.jcmpkg) from a project file"
    )
    parser.add_argument("file", type=Path, help="the .jcmpdd project file")
    parser.add_argument("--out", type=Path, required=True, help="the .jcmpkg file to write")
    parser.add_argument("--round", type=int, default=1, help="package round (1, 2, ...)")
    parser.add_argument("--packaged-by", default="", help="who packaged it (bag-info.txt)")
    parser.add_argument(
        "--created",
        default=None,
        help="creation time for bag-info.txt (ISO 8601; default: the project's saved-at time)",
    )
    parser.add_argument(
        "--responses",
        type=Path,
        default=None,
        help="the validator's .jcmreview holding your responses (carried into the package)",
    )
    parser.add_argument(
        "--periods",
        default=None,
        help="a verification package of these monitoring periods (e.g. 1-3,5 or all)",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from jcm_pdd.package import build_package

    created = None
    if args.created:
        try:
            created = datetime.fromisoformat(args.created.replace("Z", "+00:00"))
        except ValueError:
            raise UserError(f"--created: '{args.created}' is not an ISO 8601 time.") from None

    responses: list[dict[str, str]] = []
    if args.responses is not None:
        from jcm_pdd.package.review import load_review

        review = load_review(args.responses)
        responses = review.participant_responses()
        if args.round <= review.latest_round:
            raise UserError(
                f"The review already holds round {review.latest_round}; "
                f"package the resubmission as --round {review.latest_round + 1}."
            )

    def progress(fraction: float, message: str) -> None:
        if not args.quiet:
            print(f"\r{int(fraction * 100):3d}% {message[:60]:<60}", end="", file=sys.stderr)

    covered = None
    if args.periods is not None:
        from jcm_pdd.package.engine import load_project
        from jcm_pdd.package.periods import parse_period_numbers

        count = len(load_project(args.file).monitoring.periods) if args.file.is_file() else 0
        covered = parse_period_numbers(args.periods, count)

    result = build_package(
        args.file,
        args.out,
        round=args.round,
        packaged_by=args.packaged_by,
        progress=progress,
        created=created,
        responses=responses,
        monitoring_periods=covered,
    )
    if not args.quiet:
        print(file=sys.stderr)
    kind = "Verification package" if covered is not None else "Package"
    print(f"{kind} written: {result.path}")
    print(f"  files: {len(result.manifest)} (Payload-Oxum {result.payload_oxum})")
    print(f"  package id (SHA-256 of tagmanifest-sha256.txt): {result.package_id}")
    if args.responses is not None:
        print(f"  responses carried: {len(responses)}")
    return 0
