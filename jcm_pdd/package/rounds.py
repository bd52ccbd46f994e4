"""Package rounds on the project participant's side: which packages of a project already exist
beside it, which round comes next, and the file name a round gets.

Only the tag files are read (bag-info and the tag manifest, whose SHA-256 is the package id);
nothing is verified here: this is for proposing a round number, not for trusting a package.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from jcm_pdd.errors import UserError
from jcm_pdd.package import bagit
from jcm_pdd.package.review import Review
from jcm_pdd.package.safezip import SafeZip
from jcm_pdd.package.verify import TAG_LIMIT


@dataclass(frozen=True)
class PackageSummary:
    path: Path
    round: int
    package_id: str
    created: str
    title: str


def read_summary(path: Path) -> PackageSummary:
    """Round, id, creation time and title of a package, from its tag files."""
    with SafeZip(path) as zf:
        info = dict(bagit.parse_bag_info(zf.read(bagit.BAG_INFO, TAG_LIMIT)))
        package_id = hashlib.sha256(zf.read(bagit.TAGMANIFEST, TAG_LIMIT)).hexdigest()
    round_text = info.get("Package-Round", "")
    return PackageSummary(
        path,
        int(round_text) if round_text.isdigit() else 1,
        package_id,
        info.get("Created", ""),
        info.get("Project-Title", ""),
    )


def packages_beside(project_path: Path, title: str) -> list[PackageSummary]:
    """Packages of this project (same title) in the project's folder, by round."""
    found = []
    for candidate in sorted(project_path.parent.glob("*.jcmpkg")):
        try:
            summary = read_summary(candidate)
        except (UserError, OSError):
            continue  # not a package this app can read: not a round of this project
        if summary.title == title:
            found.append(summary)
    return sorted(found, key=lambda s: (s.round, s.path.name))


def next_round(packages: list[PackageSummary], review: Review | None) -> int:
    """One more than the latest round packaged beside the project or named by the review."""
    rounds = [p.round for p in packages]
    if review is not None and review.packages:
        rounds.append(review.latest_round)
    return max(rounds, default=0) + 1


def round_file(project_path: Path, round: int) -> Path:  # noqa: A002
    """``solar.jcmpdd`` round 2 -> ``solar-round2.jcmpkg`` beside it."""
    return project_path.with_name(f"{project_path.stem}-round{round}.jcmpkg")
