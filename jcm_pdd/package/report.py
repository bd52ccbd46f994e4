"""The result of verifying a package: one verdict, every problem named, every check listed.

``VerifyReport`` is what ``jcm-pdd verify`` prints (or emits as JSON) and what the app's
integrity banner shows. The verdict is one of three words: VERIFIED (every checksum and every
re-computed figure agrees), ALTERED (the package is readable but some file or figure differs
from what the package states), INVALID (it is not a readable, safe package at all).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from typing import Any

from jcm_pdd.terminal import printable as printable  # text from a package, made terminal-safe

# Problem codes (``Problem.code``): the problems the kind and the files named do not tell apart.
NO_CALCULATION = "index-names-no-calculation"  # the index names no project file or template
NO_PERIODS = "index-names-no-periods"  # a verification index names no covered periods
PERIODS_NOT_RERUN = "periods-not-rerun"  # the covered periods' calculation fails
NO_DATA = "index-names-no-monitoring-data"  # a verification index names no periods file
BAD_DATA = "unreadable-monitoring-data"  # the periods file is not the app's monitoring data
BAD_TRACE = "unreadable-trace"  # the calculation trace is not readable JSON
NO_EVIDENCE = "evidence-missing"  # an evidence file of a covered period is not packaged
# The MRS workbook's formulas (``mrs_check``), given on its figure checks and their problems:
MRS_FORMULA = "mrs-formula-differs"  # a formula gives another figure than the re-computation
MRS_STORED = "mrs-stored-result-differs"  # a formula cell stores another result than it gives
MRS_UNREADABLE = "mrs-formula-unreadable"  # a formula this app does not write (not checkable)


def readable_figure(text: str) -> str:
    """An exact figure ("6388127/4000") as a person reads it: "1597.03175" when the decimal
    ends, else about ten significant digits ("≈ 333.3333333")."""
    try:
        value = Fraction(text)
    except (ValueError, ZeroDivisionError):
        return text
    if value.denominator == 1:
        return str(value.numerator)
    den = value.denominator
    for p in (2, 5):
        while den % p == 0:
            den //= p
    if den == 1:
        return format(Decimal(value.numerator) / Decimal(value.denominator), "f")
    return f"≈ {float(value):.10g}"


class Verdict(StrEnum):
    VERIFIED = "VERIFIED"
    ALTERED = "ALTERED"
    INVALID = "INVALID"


@dataclass
class Problem:
    """One thing wrong. ``files`` names every file it concerns (first: the likeliest culprit)."""

    kind: str  # missing | extra | altered | damaged | oxum | figures | recompute
    message: str
    files: list[str] = field(default_factory=list)
    # Which problem this is, for those the kind and files alone do not tell (the app words
    # them in its interface language from this, not from the English ``message``).
    code: str = ""


@dataclass
class Check:
    name: str
    status: str  # passed | failed | skipped
    detail: str = ""


@dataclass
class FigureCheck:
    """One stated figure compared with the re-computed one (exact values as text)."""

    source: str  # where the figure is stated, e.g. "package-index.json" or "PDD (docx) C.3"
    period: str  # a year, or "total"
    quantity: str  # RE | PE | ER | ER_credited
    stated: str
    recomputed: str
    ok: bool
    code: str = ""  # MRS_*: a figure of a workbook's formulas (worded from the code)
    cell: str = ""  # where in a workbook, e.g. 'MRS(calc_process)'!C9


@dataclass
class VerifyReport:
    path: str
    verdict: Verdict = Verdict.VERIFIED
    invalid_reason: str = ""
    problems: list[Problem] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    figures: list[FigureCheck] = field(default_factory=list)
    bag_info: dict[str, str] = field(default_factory=dict)
    index: dict[str, Any] = field(default_factory=dict)
    package_id: str = ""  # SHA-256 of tagmanifest-sha256.txt
    files_checked: int = 0
    bytes_hashed: int = 0

    @property
    def ok(self) -> bool:
        return self.verdict is Verdict.VERIFIED

    @property
    def round(self) -> int | None:
        value = self.bag_info.get("Package-Round", "")
        return int(value) if value.isdigit() else None

    @property
    def kind(self) -> str:
        """``validation`` or ``verification`` (of monitoring periods), as bag-info states it."""
        return self.bag_info.get("Package-Kind", "validation")

    def named_files(self) -> set[str]:
        return {name for problem in self.problems for name in problem.files}

    def add(self, kind: str, message: str, *files: str, code: str = "") -> None:
        self.problems.append(Problem(kind, message, list(files), code))

    def check(self, name: str, status: str, detail: str = "") -> None:
        self.checks.append(Check(name, status, detail))

    def add_figure(self, c: FigureCheck) -> None:
        """The problem of a figure check that failed, in words."""
        if c.quantity == "readable":  # the document itself could not be read back
            self.add("figures", f"{c.source}: its figures cannot be read ({c.stated})", c.source)
            return
        recomputed = readable_figure(c.recomputed)
        if c.code == MRS_FORMULA and not c.cell:
            words = (
                f"the workbook does not state {c.quantity} of {c.period} "
                f"(it re-computes to {recomputed})"
            )
        elif c.code == MRS_FORMULA:
            words = (
                f"the workbook's formula for {c.quantity} of {c.period} in {c.cell} gives "
                f"{c.stated}, but the period re-computes to {recomputed}"
            )
        elif c.code == MRS_STORED:
            words = (
                f"{c.cell} stores the result {c.stated}, but its formula gives {c.recomputed} "
                "(the stored result was edited)"
            )
        elif c.code == MRS_UNREADABLE:
            words = f"the formula in {c.cell} cannot be checked: {c.stated}"
        else:  # a document's stated figure (no code: its type and file tell it apart)
            words = (
                f"{c.quantity} {c.period} is stated as {c.stated} but re-computes to {c.recomputed}"
            )
        self.add("figures", f"{c.source}: {words}", c.source, code=c.code)

    def finish(self) -> VerifyReport:
        if self.invalid_reason:
            self.verdict = Verdict.INVALID
        elif self.problems:
            self.verdict = Verdict.ALTERED
        else:
            self.verdict = Verdict.VERIFIED
        return self

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["verdict"] = str(self.verdict)
        data["round"] = self.round
        return data

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False, sort_keys=True)

    def summary(self) -> str:
        """A few lines for a person: the verdict first, then what is wrong."""
        lines = [f"{self.verdict}: {self.path}"]
        # The id (SHA-256 of the tag manifest) changes with any re-made checksum: a validator
        # compares it with the id the project participant sent by another channel.
        lines.append(f"  Package id: {self.package_id or '(none: the package cannot be read)'}")
        if self.kind != "validation":
            periods = self.bag_info.get("Monitoring-Periods", "")
            lines.append(f"  Package for {self.kind} of monitoring periods {periods}")
        if self.invalid_reason:
            lines.append(f"  {self.invalid_reason}")
        for problem in self.problems:
            lines.append(f"  - {problem.message}")
        for check in self.checks:
            if check.status != "passed" or self.verdict is Verdict.VERIFIED:
                detail = f" ({check.detail})" if check.detail else ""
                lines.append(f"  [{check.status}] {check.name}{detail}")
        return "\n".join(printable(line) for line in lines)
