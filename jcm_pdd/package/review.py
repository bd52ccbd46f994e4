"""The validator's review file (``.jcmreview``): findings and sign-offs, across package rounds.

A review lives *beside* the package, never inside it (the package stays exactly as received,
so its checksums keep proving it). It is JSON, saved atomically. It names every package round
it has seen by round number and package id (the SHA-256 of ``tagmanifest-sha256.txt``).

- Findings follow the TPE vocabulary of JCM validation reports: CAR (corrective action request), CL
  (clarification request), FAR (forward action request, checked at first verification); each
  tied to a form section (``PDD:C.3``) or a field (``pdd.sites.0.latitude``), with text, status
  (open -> responded -> closed), the participants' response, the TPE's assessment, author and
  dates. A positive opinion needs no CAR or CL left open (``open_car_cl``).
- Sign-offs (after tax software's reviewer checks): a reviewer marks a section
  reviewed; the mark stores the section's values and figures and their fingerprint. When a
  later round changes any of them the mark is *stale* and ``changes`` says exactly which model
  paths or figures changed, old -> new.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from jcm_pdd import textfile
from jcm_pdd.atomic import write_atomic
from jcm_pdd.errors import UserError
from jcm_pdd.model import Project
from jcm_pdd.package.engine import Figures
from jcm_pdd.package.fingerprint import fingerprint, section_spec, section_values

REVIEW_SUFFIX = ".jcmreview"
MAX_REVIEW_BYTES = 64 * 1024 * 1024
REVIEW_FORMAT_VERSION = 1
FindingType = Literal["CAR", "CL", "FAR"]
FindingStatus = Literal["open", "responded", "closed"]
PackageKind = Literal["validation", "verification"]


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class PackageRef(_Model):
    round: int = Field(ge=1)
    package_id: str
    file_name: str = ""
    seen_at: datetime
    # The verification verdict when last opened (VERIFIED / ALTERED); "" in files written before
    # it was recorded. Anything but VERIFIED marks the findings exports as not trustworthy.
    verdict: str = ""
    # A verification round (after registration) covers monitoring periods (numbered from 1);
    # files written before verification packages existed hold validation rounds only.
    kind: PackageKind = "validation"
    periods: list[int] = Field(default_factory=list)

    @property
    def trusted(self) -> bool:
        return self.verdict in ("", "VERIFIED")


class Finding(_Model):
    id: str  # "CAR-01", "CL-03", "FAR-01"
    type: FindingType
    target: str  # a form section key (PDD:C.3) or a model path
    target_label: str = ""  # the target in the form's words, as the app showed it when raised
    text: str
    status: FindingStatus = "open"
    response: str = ""  # the project participants' response
    assessment: str = ""  # the TPE's assessment of that response
    author: str = ""
    raised_at: datetime
    raised_in_round: int = Field(ge=1)
    responded_at: datetime | None = None
    closed_at: datetime | None = None
    closed_in_round: int | None = None


class SignOff(_Model):
    section: str
    title: str = ""
    reviewer: str = ""
    signed_at: datetime
    round: int = Field(ge=1)
    package_id: str = ""
    fingerprint: str
    values: dict[str, Any] = Field(default_factory=dict)


@dataclass(frozen=True)
class Change:
    path: str
    old: Any
    new: Any

    def __str__(self) -> str:
        return f"{self.path}: {self.old!r} -> {self.new!r}"


@dataclass(frozen=True)
class SignOffState:
    signoff: SignOff
    stale: bool
    changes: list[Change]


def value_changes(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    missing = object()
    out = []
    for path in sorted(old.keys() | new.keys()):
        a, b = old.get(path, missing), new.get(path, missing)
        if a != b:
            out.append(Change(path, None if a is missing else a, None if b is missing else b))
    return out


class Review(_Model):
    format: Literal["jcmreview"] = "jcmreview"
    format_version: Literal[1] = 1
    project_title: str = ""
    packages: list[PackageRef] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    signoffs: list[SignOff] = Field(default_factory=list)

    # -- package rounds -----------------------------------------------------------------
    def record_package(
        self,
        round: int,  # noqa: A002 - the package round, as the review file names it
        package_id: str,
        file_name: str = "",
        when: datetime | None = None,
        verdict: str = "",
        kind: PackageKind = "validation",
        periods: list[int] | None = None,
    ) -> PackageRef:
        for ref in self.packages:
            if ref.package_id == package_id:
                if verdict:  # the latest verification of this very package counts
                    ref.verdict = verdict
                return ref
            if ref.round == round:
                raise UserError(
                    f"This review already holds a different package as round {round}; "
                    "a resubmission must carry the next round number."
                )
        ref = PackageRef(
            round=round,
            package_id=package_id,
            file_name=file_name,
            seen_at=when or _now(),
            verdict=verdict,
            kind=kind,
            periods=list(periods or []),
        )
        self.packages.append(ref)
        self.packages.sort(key=lambda r: r.round)
        return ref

    @property
    def latest_round(self) -> int:
        return max((ref.round for ref in self.packages), default=1)

    def package_of_round(self, round: int) -> PackageRef | None:  # noqa: A002
        return next((ref for ref in self.packages if ref.round == round), None)

    def untrusted(self) -> list[PackageRef]:
        """Rounds whose package did not verify when opened: findings on them are suspect."""
        return [ref for ref in self.packages if not ref.trusted]

    # -- findings -----------------------------------------------------------------------
    def raise_finding(
        self,
        kind: FindingType,
        target: str,
        text: str,
        author: str = "",
        round: int | None = None,  # noqa: A002 - the package round, as the review file names it
        when: datetime | None = None,
    ) -> Finding:
        if not text.strip():
            raise UserError("A finding needs a description.")
        if not target.strip():
            raise UserError("A finding must name the section or field it concerns.")
        number = 1 + sum(1 for f in self.findings if f.type == kind)
        finding = Finding(
            id=f"{kind}-{number:02d}",
            type=kind,
            target=target,
            text=text,
            author=author,
            raised_at=when or _now(),
            raised_in_round=round or self.latest_round,
        )
        self.findings.append(finding)
        return finding

    def finding(self, finding_id: str) -> Finding:
        for finding in self.findings:
            if finding.id == finding_id:
                return finding
        raise UserError(f"There is no finding {finding_id} in this review.")

    def respond(self, finding_id: str, response: str, when: datetime | None = None) -> Finding:
        finding = self.finding(finding_id)
        if finding.status == "closed":
            raise UserError(f"{finding_id} is closed; reopen it before responding.")
        finding.response = response
        finding.status = "responded"
        finding.responded_at = when or _now()
        return finding

    def close(
        self,
        finding_id: str,
        assessment: str = "",
        round: int | None = None,  # noqa: A002
        when: datetime | None = None,
    ) -> Finding:
        finding = self.finding(finding_id)
        finding.assessment = assessment or finding.assessment
        finding.status = "closed"
        finding.closed_at = when or _now()
        finding.closed_in_round = round or self.latest_round
        return finding

    def keep_open(self, finding_id: str, assessment: str = "") -> Finding:
        """The response does not resolve the finding: it stays open for the next round, with
        the TPE's assessment saying why (the response is kept)."""
        finding = self.finding(finding_id)
        if finding.status == "closed":
            raise UserError(f"{finding_id} is closed; reopen it instead.")
        finding.assessment = assessment or finding.assessment
        finding.status = "open"
        return finding

    def reopen(self, finding_id: str) -> Finding:
        finding = self.finding(finding_id)
        finding.status = "open"
        finding.closed_at = None
        finding.closed_in_round = None
        return finding

    def participant_responses(self) -> list[dict[str, str]]:
        """The participants' responses to findings not closed, as carried by the next package."""
        return [
            {
                "finding": f.id,
                "type": f.type,
                "target": f.target,
                "response": f.response,
                "responded_at": f"{f.responded_at:%Y-%m-%dT%H:%M:%SZ}" if f.responded_at else "",
            }
            for f in self.findings
            if f.status != "closed" and f.response.strip()
        ]

    def apply_responses(self, responses: list[dict[str, Any]]) -> list[str]:
        """Take the responses a package carries into this review (in memory); the ids whose
        response is new or changed. Closed findings and unknown ids are left alone."""
        updated = []
        for item in responses:
            finding_id, text = str(item.get("finding", "")), str(item.get("response", "")).strip()
            finding = next((f for f in self.findings if f.id == finding_id), None)
            if finding is None or finding.status == "closed" or not text:
                continue
            if finding.response != text or finding.status != "responded":
                self.respond(finding_id, text)
                updated.append(finding_id)
        return updated

    def open_car_cl(self) -> list[Finding]:
        """CARs and CLs not closed: while any remain the opinion cannot be positive."""
        return [f for f in self.findings if f.type in ("CAR", "CL") and f.status != "closed"]

    # -- sign-offs ----------------------------------------------------------------------
    def sign_off(
        self,
        section: str,
        project: Project,
        figures: Figures,
        reviewer: str = "",
        round: int | None = None,  # noqa: A002 - the package round, as the review file names it
        package_id: str = "",
        when: datetime | None = None,
    ) -> SignOff:
        try:
            spec = section_spec(project, section)
        except KeyError as exc:
            raise UserError(str(exc.args[0])) from None
        values = section_values(project, figures, spec)
        mark = SignOff(
            section=spec.key,
            title=spec.title,
            reviewer=reviewer,
            signed_at=when or _now(),
            round=round or self.latest_round,
            package_id=package_id,
            fingerprint=fingerprint(values),
            values=values,
        )
        self.signoffs = [s for s in self.signoffs if s.section != spec.key] + [mark]
        return mark

    def remove_sign_off(self, section: str) -> None:
        self.signoffs = [s for s in self.signoffs if s.section != section]

    def sign_off_states(self, project: Project, figures: Figures) -> list[SignOffState]:
        """Every sign-off checked against this project and figures (a later round's)."""
        states = []
        for mark in self.signoffs:
            try:
                spec = section_spec(project, mark.section)
                values = section_values(project, figures, spec)
            except KeyError:
                values = {}
            stale = fingerprint(values) != mark.fingerprint
            states.append(
                SignOffState(mark, stale, value_changes(mark.values, values) if stale else [])
            )
        return states


def review_for_package(
    package_path: Path | str,
    round: int | None,  # noqa: A002
    package_id: str,
    project_title: str = "",
    previous: Path | str | None = None,
    verdict: str = "",
    kind: PackageKind = "validation",
    periods: list[int] | None = None,
) -> tuple[Review, Path]:
    """The review to use with a package, and where it will be saved (nothing is written here).

    The review beside the package is loaded when it exists; otherwise ``previous`` (the review
    of an earlier round, wherever it is) is loaded and carried into this round; otherwise a new
    review starts. Either way this package is recorded as its round.
    """
    path = review_path_for(package_path)
    if path.is_file():
        review = load_review(path)
    elif previous is not None:
        review = load_review(previous)
    else:
        review = Review(project_title=project_title)
    review.record_package(
        round or review.latest_round,
        package_id,
        Path(package_path).name,
        verdict=verdict,
        kind=kind,
        periods=periods,
    )
    return review, path


def earlier_review_beside(package_path: Path | str, round: int) -> Path | None:  # noqa: A002
    """The review of the round before ``round`` in the package's folder, if there is one: the
    ``.jcmreview`` whose latest round is the highest below ``round`` (unreadable ones skipped)."""
    folder = Path(package_path).parent
    best: tuple[int, Path] | None = None
    for candidate in sorted(folder.glob(f"*{REVIEW_SUFFIX}")):
        try:
            review = load_review(candidate)
        except UserError:
            continue
        rounds = [ref.round for ref in review.packages]
        if rounds and max(rounds) < round and (best is None or max(rounds) > best[0]):
            best = (max(rounds), candidate)
    return best[1] if best else None


def earlier_package(review: Review, round: int, folder: Path) -> tuple[PackageRef, Path] | None:  # noqa: A002
    """The package of the latest round before ``round`` that the review names, when a file of
    that name is in ``folder`` (the caller checks its package id when it opens it)."""
    earlier = [ref for ref in review.packages if ref.round < round]
    if not earlier:
        return None
    ref = max(earlier, key=lambda r: r.round)
    path = folder / Path(ref.file_name).name if ref.file_name else None
    return (ref, path) if path is not None and path.is_file() else None


def review_path_for(package_path: Path | str) -> Path:
    """``<package>.jcmreview`` beside the package (``round2.jcmpkg`` -> ``round2.jcmreview``)."""
    return Path(package_path).with_suffix(REVIEW_SUFFIX)


def load_review(path: Path | str) -> Review:
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_REVIEW_BYTES:
            raise UserError(f"The review file '{path.name}' is too large ({size} bytes).")
        # a byte-order mark (a review opened and saved in Notepad) is not part of the JSON
        text = textfile.read_text(path).removeprefix("\ufeff")
        data = json.loads(text)
    except FileNotFoundError:
        raise UserError(f"The review file '{path}' does not exist.") from None
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise UserError(
            f"The review file '{path.name}' is not valid JSON; it is damaged."
        ) from None
    except OSError as exc:
        raise UserError(
            f"The review file '{path.name}' cannot be read: {textfile.why(exc)}."
        ) from None
    if textfile.holds_lone_surrogate(text, data):
        raise UserError(
            f"The review file '{path.name}' holds text that is not valid Unicode (a lone "
            "surrogate escape such as \\ud800); it was not written by JCM PDD Studio or was "
            "damaged."
        )
    version = data.get("format_version") if isinstance(data, dict) else None
    if (
        isinstance(data, dict)
        and data.get("format") == "jcmreview"
        and isinstance(version, int)
        and not isinstance(version, bool)
        and version > REVIEW_FORMAT_VERSION
    ):
        raise UserError(
            f"The review file '{path.name}' was written by a newer version of JCM PDD Studio "
            f"(review format {version}; this version reads format {REVIEW_FORMAT_VERSION}). "
            "Update JCM PDD Studio to open it."
        )
    try:
        return Review.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise UserError(
            f"The review file '{path.name}' is not a JCM review: {where}: {first['msg']}."
        ) from None


def save_review(review: Review, path: Path | str) -> Path:
    """Write atomically (temporary file beside it, fsync, replace). Never into a package."""
    path = Path(path)
    if path.suffix.lower() != REVIEW_SUFFIX:
        raise UserError(f"A review is saved as a '{REVIEW_SUFFIX}' file, not '{path.name}'.")
    text = review.model_dump_json(indent=2) + "\n"
    return write_atomic(path, text.encode("utf-8"))


def package_for_review(review_path: Path | str) -> Path:
    """The package a review file belongs to: ``<name>.jcmpkg`` beside ``<name>.jcmreview`` (the
    pairing ``review_path_for`` makes). Opening a review opens this package with it."""
    review_path = Path(review_path)
    package = review_path.with_suffix(".jcmpkg")
    if package.is_file():
        return package
    review = load_review(review_path)  # a damaged or foreign file says so first
    latest = review.packages[-1].file_name if review.packages else ""
    hint = f" (its latest round was '{latest}')" if latest and latest != package.name else ""
    raise UserError(
        f"The review '{review_path.name}' opens with its package '{package.name}', which is not "
        f"in the same folder{hint}. Put the package beside the review, or open the package."
    )
