"""Validator mode: a ``.jcmpkg`` opened read-only through ``jcm_pdd.package.open_package``.

A verification package (monitoring periods, after registration) opens the same way in verifier
mode: the banner names the periods it covers, the review records a verification round, and the
figures a sign-off covers include each covered period's own (``covered_figures``); the Periods
dock (``verifier_periods``) gives findings and sign-offs per period.

The package is verified on open; the document shows in the same navigator, figures and "show
calculation" as the editor, with an integrity banner, every editor disabled, no lock, no
autosave and nothing written into or beside the package (its private copies live in a
temporary folder that is removed on close).

``open_package_state`` does everything that can fail (verify, read the project, find and load
the review, take in the participants' responses) *before* the window changes, so a package
that cannot be opened never leaves a half-built window. The texts shown (banner, the summary
of an ALTERED package, the title mark) are built on demand through ``tr()``, so they follow a
language change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from jcm_pdd.errors import UserError
from jcm_pdd.package import bagit
from jcm_pdd.package.diff import ProjectDiff
from jcm_pdd.package.engine import Figures
from jcm_pdd.package.opened import OpenedPackage
from jcm_pdd.package.periods import KIND_VERIFICATION
from jcm_pdd.package.report import (
    BAD_DATA,
    BAD_TRACE,
    MRS_FORMULA,
    MRS_STORED,
    MRS_UNREADABLE,
    NO_CALCULATION,
    NO_DATA,
    NO_EVIDENCE,
    NO_PERIODS,
    PERIODS_NOT_RERUN,
    FigureCheck,
    Problem,
    readable_figure,
)
from jcm_pdd.package.review import (
    PackageRef,
    Review,
    earlier_package,
    earlier_review_beside,
    load_review,
    review_path_for,
)
from jcm_pdd.session import DocumentSession


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


@dataclass
class PackageState:
    """An opened package with its review, ready to be shown."""

    path: Path
    opened: OpenedPackage
    review: Review
    review_path: Path
    carried_from: Path | None = None  # the earlier round's review this round continues
    responded: list[str] = field(default_factory=list)  # findings answered in this package
    previous: tuple[PackageRef, Path] | None = None  # the earlier round's package, when beside
    _figures: Figures | None = field(default=None, init=False, repr=False)
    changes: ProjectDiff | None = field(default=None, init=False, repr=False)  # since N-1

    @property
    def figures(self) -> Figures:
        """The package's figures from its own template (computed once)."""
        if self._figures is None:
            from jcm_pdd.gui.signoff_panel import package_figures

            figures = package_figures(self.opened)
            if self.verification:  # each covered period's own figures, for its sign-off
                figures.update(covered_figures(self.opened, self.periods))
            self._figures = figures
        return self._figures

    @property
    def round(self) -> int:
        return self.opened.round or 1

    @property
    def verification(self) -> bool:
        """A verification package (monitoring periods, after registration), not a validation
        package: the validator window works as a verifier's."""
        return self.opened.report.kind == KIND_VERIFICATION

    @property
    def periods(self) -> list[int]:
        """The monitoring periods a verification package covers, numbered from 1 ([] if none)."""
        return covered_periods(self.opened.index)

    @property
    def verdict(self) -> str:
        return str(self.opened.report.verdict)

    @property
    def trusted(self) -> bool:
        return self.opened.verified


def open_package_state(path: Path) -> PackageState:
    """Verify and open ``path`` with its review; raise ``UserError`` when it cannot be shown."""
    from jcm_pdd.package import open_package

    opened = open_package(path)
    try:
        if opened.project is None:
            raise UserError(tr("The package holds no readable project."))
        round_ = opened.round or 1
        review_path = review_path_for(path)
        carried: Path | None = None
        if review_path.is_file():
            review = load_review(review_path)
        elif round_ > 1 and (carried := earlier_review_beside(path, round_)) is not None:
            review = load_review(carried)
        else:
            review = Review(project_title=opened.project.pdd.title)
        clash = review.package_of_round(round_)
        if clash is not None and clash.package_id != opened.package_id:
            words = (
                tr(
                    "“{0}” says it is round {1}, but its review already holds another package "
                    "as round {1} (“{2}”). A resubmission must carry the next round number: "
                    "ask for it to be packaged again as round {3}."
                )
                if clash.file_name
                # a package recorded without its file's name (a review written by hand or by
                # another tool): the message quoted an empty name, (“”)
                else tr(
                    "“{0}” says it is round {1}, but its review already holds another package "
                    "as round {1}. A resubmission must carry the next round number: ask for it "
                    "to be packaged again as round {3}."
                )
            )
            raise UserError(
                words.format(path.name, round_, clash.file_name, review.latest_round + 1)
            )
        verification = opened.report.kind == KIND_VERIFICATION
        review.record_package(
            round_,
            opened.package_id,
            path.name,
            verdict=str(opened.report.verdict),
            kind="verification" if verification else "validation",
            periods=covered_periods(opened.index),
        )
        responded = review.apply_responses(opened.responses())
        previous = earlier_package(review, round_, path.parent)
    except BaseException:
        opened.close()
        raise
    return PackageState(path, opened, review, review_path, carried, responded, previous)


def open_package_session(path: Path) -> tuple[DocumentSession, PackageState]:
    """A read-only session of the package's project, and the package's state."""
    state = open_package_state(path)
    assert state.opened.project is not None
    kind = tr("verification package") if state.verification else tr("validation package")
    session = PackageSession(state.opened.project, path, read_only=kind)
    session.package = state.opened  # closed with the document
    session.package_state = state
    return session, state


class PackageSession(DocumentSession):
    """A package's read-only session: the opened package and its review state ride along."""

    package: OpenedPackage
    package_state: PackageState


def banner(state: PackageState) -> tuple[str, str]:
    """The integrity banner's text and its theme state ("ok" or "error")."""
    name = state.path.name
    if state.verification:
        what = tr("Verification package “{0}” (round {1}; monitoring periods {2})").format(
            name, state.round, ", ".join(str(n) for n in state.periods)
        )
    else:
        what = tr("Validation package “{0}” (round {1})").format(name, state.round)
    if state.trusted:
        return (
            tr(
                "{0}: VERIFIED — every file matches its checksum and every figure re-computes. "
                "Read-only."
            ).format(what),
            "ok",
        )
    problems = "; ".join(_problem_words(state)[:4])
    return (
        tr(
            "{1} — NOT TRUSTWORTHY. {0} does not match its checksums: {2}. Do not base "
            "findings or an opinion on it. Read-only."
        ).format(what, state.verdict, problems),
        "error",
    )


def covered_periods(index: dict[str, Any]) -> list[int]:
    """The periods (from 1) a verification package's index names; [] for any other package."""
    monitoring = index.get("monitoring")
    listed = monitoring.get("periods") if isinstance(monitoring, dict) else None
    if not isinstance(listed, list):
        return []
    return [
        item["number"]
        for item in listed
        if isinstance(item, dict) and type(item.get("number")) is int
    ]


def covered_figures(opened: OpenedPackage, numbers: list[int]) -> Figures:
    """The covered periods' figures from the package's own project and template ({} when they
    cannot be re-run: the integrity banner already says why)."""
    from jcm_pdd.package.periods import period_figures

    project, template = opened.project, opened.template
    count = len(project.monitoring.periods) if project is not None else 0
    if project is None or template is None or not all(1 <= n <= count for n in numbers):
        return {}
    try:
        return period_figures(project, template, [n - 1 for n in numbers])
    except UserError:
        return {}


def _problem_words(state: PackageState) -> list[str]:
    """Each problem of the report in the interface language: kind and file names."""
    words = {
        "altered": tr("altered: {0}"),
        "missing": tr("missing: {0}"),
        "extra": tr("not listed: {0}"),
        "damaged": tr("cannot be read: {0}"),
        "figures": tr("figures differ: {0}"),
        "recompute": tr("cannot re-compute from: {0}"),
    }
    out = []
    for problem in state.opened.report.problems:
        if problem.code and (coded := _coded(problem)):
            out.append(coded)
        elif problem.kind == "oxum":
            out.append(tr("size or file count differs from bag-info.txt"))
        elif problem.kind in words and problem.files:
            named = [f for f in problem.files if f != bagit.INDEX] or problem.files
            out.append(
                words[problem.kind].format(named[-1] if problem.kind == "recompute" else named[0])
            )
        else:
            out.append(problem.message)
    return list(dict.fromkeys(out))  # one line per file, however many figures differ in it


def _coded(problem: Problem) -> str:
    """The problem its code names, in the interface language ("" for a code not known here:
    the caller falls back on its kind, then on verify's English sentence)."""
    named = [f for f in problem.files if f != bagit.INDEX]
    if problem.code == NO_CALCULATION:
        return tr("The package index does not name the project file and the template")
    if problem.code == NO_PERIODS:
        return tr("The package index does not say which monitoring periods the package covers")
    if problem.code == PERIODS_NOT_RERUN:
        return tr("The covered monitoring periods cannot be re-computed from the package")
    if problem.code == NO_DATA:
        return tr("The package index names no monitoring data file")
    if problem.code == BAD_DATA and named:
        return tr("{0}: not the monitoring data this app writes").format(named[0])
    if problem.code == BAD_TRACE and named:
        return tr("{0}: the calculation trace cannot be read").format(named[0])
    if problem.code == NO_EVIDENCE:
        if named:
            return tr("{0}: an evidence file of a covered period is missing").format(named[0])
        return tr("An evidence file of a covered period is not in the package")
    if problem.code == MRS_FORMULA and named:
        return tr(
            "{0}: the workbook's formulas do not give the re-computed figures (edited formulas "
            "or values)"
        ).format(named[0])
    if problem.code == MRS_STORED and named:
        return tr("{0}: a result stored in the workbook is not what its formula gives").format(
            named[0]
        )
    if problem.code == MRS_UNREADABLE and named:
        return tr("{0}: the workbook has a formula that cannot be checked").format(named[0])
    return ""


def _workbook_line(c: FigureCheck) -> str:
    """A figure check of an MRS workbook's formulas, in the interface language."""
    if c.code == MRS_STORED:
        return tr("{0}: {1} stores the result {2}, but its formula gives {3}").format(
            c.source, c.cell, c.stated, c.recomputed
        )
    if c.code == MRS_UNREADABLE:
        return tr("{0}: the formula in {1} cannot be checked ({2})").format(
            c.source, c.cell, c.stated
        )
    period = tr("all periods") if c.period == "periods" else c.period
    if not c.cell:
        return tr("{0}: the workbook does not state {1} of {2} (it re-computes to {3})").format(
            c.source, c.quantity, period, readable_figure(c.recomputed)
        )
    return tr("{0}: the formula for {1} of {2} in {3} gives {4}, but it re-computes to {5}").format(
        c.source, c.quantity, period, c.cell or "-", c.stated, readable_figure(c.recomputed)
    )


def title_mark(state: PackageState | None) -> str:
    """What the window title adds for an untrustworthy package ("" for a verified one)."""
    if state is None or state.trusted:
        return ""
    return tr("{0}, not trustworthy").format(state.verdict)


def _figure_lines(state: PackageState) -> list[str]:
    """Each figure a document states that the re-computation does not give, in the interface
    language (built from the report's figure checks, not its English sentences)."""
    lines = []
    for c in state.opened.report.figures:
        if c.ok:
            continue
        if c.quantity == "readable":
            lines.append(tr("{0}: its figures cannot be read").format(c.source))
            continue
        if c.code:
            lines.append(_workbook_line(c))
            continue
        period = tr("total") if c.period == "total" else c.period
        lines.append(
            tr("{0}: {1} {2} is stated as {3} but re-computes to {4}").format(
                c.source, c.quantity, period, c.stated, c.recomputed
            )
        )
    return lines


def integrity_summary(state: PackageState) -> str:
    """The modal summary of an ALTERED package: each altered, missing or extra file by name,
    the figures that differ, and the files the calculation could not be re-run from."""
    kinds = {
        "altered": tr("Altered (content differs from its checksum):"),
        "missing": tr("Missing (listed, but not in the package):"),
        "extra": tr("Extra (in the package, but not listed):"),
        "damaged": tr("Damaged (cannot be read):"),
        "recompute": tr("The calculation could not be re-run from:"),
    }
    lines = [
        tr(
            "“{0}” did not verify: {1}. Its contents are not trustworthy; ask the project "
            "participants to send the package again."
        ).format(state.path.name, state.verdict)
    ]
    grouped: dict[str, list[str]] = {}
    others: list[str] = []
    figures = _figure_lines(state)
    for problem in state.opened.report.problems:
        named = [f for f in problem.files if f != bagit.INDEX]
        if problem.code and (coded := _coded(problem)):
            others.append(coded)  # said in full: its kind and files alone would mislead
        elif problem.kind == "recompute" and named:  # the project file or the template
            grouped.setdefault(problem.kind, []).extend(named)
        elif problem.kind in kinds and problem.kind != "recompute" and problem.files:
            # the file itself; the rest name the manifest it breaks
            grouped.setdefault(problem.kind, []).append(problem.files[0])
        elif problem.kind == "oxum":
            others.append(tr("The payload's size or file count differs from bag-info.txt."))
        elif problem.kind == "figures" and figures:
            continue  # said below, figure by figure
        elif problem.kind == "figures" and problem.files == [bagit.INDEX]:
            others.append(
                tr(
                    "No PDD (.docx) in the package has a C.3 table that could be read back, "
                    "so its stated figures cannot be checked."
                )
            )
        else:
            others.append(problem.message)
    for kind, heading in kinds.items():
        if grouped.get(kind):
            lines += ["", heading] + [f"  • {name}" for name in sorted(set(grouped[kind]))]
    if figures:
        lines += ["", tr("Figures that differ from the re-computed ones:")]
        lines += [f"  • {line}" for line in figures]
    others = list(dict.fromkeys(others))  # a workbook's coded problem once, not per figure
    if others:
        lines += ["", tr("Other problems:")] + [f"  • {message}" for message in others]
    return "\n".join(lines)
