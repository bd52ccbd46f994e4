"""Verifying a verification package's monitoring periods: figures re-run, evidence present.

Runs after ``recheck`` has loaded the packaged project and template. Every covered period is
calculated again (``monitoring.period_actual``, the same exact engine), and its figures are
compared, exactly, with what ``package-index.json``, ``periods.json``, ``bag-info.txt`` and
each Monitoring Report state, and the monitored values each MRS workbook states with the
project's; every evidence file a covered period names must be in the payload with its checksum
intact and its content hash equal to the one the project names. A validation package (no
``kind``) has nothing here, so older packages verify as before.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from jcm_pdd.errors import UserError
from jcm_pdd.model import Project
from jcm_pdd.package import bagit, periods
from jcm_pdd.package.engine import Figures, stated_figures
from jcm_pdd.package.report import (
    BAD_DATA,
    NO_DATA,
    NO_EVIDENCE,
    NO_PERIODS,
    PERIODS_NOT_RERUN,
    FigureCheck,
    VerifyReport,
)
from jcm_pdd.package.safezip import PackageFormatError, SafeZip

if TYPE_CHECKING:
    from jcm_pdd.methodology.schema import Template

T = TypeVar("T")
CHECK = "monitoring periods re-computed"
EVIDENCE = "evidence files"
FORMULAS = "MRS workbook formulas"


def recheck_periods(
    zf: SafeZip,
    report: VerifyReport,
    project: Project,
    template: Template,
    ok: dict[str, bool],
) -> list[FigureCheck]:
    """The figure checks of the covered periods (problems other than figures are reported
    here; the caller reports the figure disagreements with the rest)."""
    from jcm_pdd.package.recheck import compare

    index = report.index
    kind = periods.kind_of(index)
    stated_kind = report.bag_info.get("Package-Kind", periods.KIND_VALIDATION)
    if kind != stated_kind:
        report.add(
            "recompute",
            f"{bagit.INDEX} says the package is for {kind or 'nothing known'} but "
            f"{bagit.BAG_INFO} says {stated_kind}",
            bagit.INDEX,
            bagit.BAG_INFO,
        )
    if kind == periods.KIND_VALIDATION:
        return []
    monitoring = index.get("monitoring")
    numbers = _numbers(monitoring, len(project.monitoring.periods))
    if kind != periods.KIND_VERIFICATION or numbers is None:
        report.add(
            "recompute",
            f"{bagit.INDEX} does not say which monitoring periods the package covers",
            bagit.INDEX,
            code=NO_PERIODS,
        )
        report.check(CHECK, "failed", "no periods named")
        return []
    try:
        recomputed = periods.period_figures(project, template, numbers)
    except UserError as exc:
        report.add(
            "recompute",
            f"The packaged periods cannot be re-run: {exc}",
            bagit.INDEX,
            code=PERIODS_NOT_RERUN,
        )
        report.check(CHECK, "failed", "cannot re-run")
        return []
    assert isinstance(monitoring, dict)  # _numbers checked it
    checks = compare(
        stated_figures(monitoring.get("figures")), recomputed, bagit.INDEX, complete=True
    )
    checks += _dates(monitoring, project, numbers)
    member = periods.member_of(index)
    if member is None or member not in ok:
        report.add(
            "missing", f"{bagit.INDEX} names no monitoring data file", bagit.INDEX, code=NO_DATA
        )
    elif ok[member]:
        checks += _from_periods_file(zf, report, member, recomputed)
    total = report.bag_info.get("Total-Credited-ER-tCO2e")
    if total is not None:
        checks.append(
            FigureCheck(
                bagit.BAG_INFO,
                "periods",
                "ER_credited",
                total,
                str(periods.credited_total(recomputed)),
                total.strip() == str(periods.credited_total(recomputed)),
            )
        )
    checks += _from_reports(zf, index, recomputed, ok)
    checks += _from_workbooks(zf, report, project, template, numbers, recomputed, ok)
    _evidence(report, project, numbers, ok, zf)
    report.check(
        CHECK,
        "failed" if any(not c.ok for c in checks) else "passed",
        f"{len(numbers)} period(s), {len(checks)} figures",
    )
    return checks


def _numbers(monitoring: Any, count: int) -> list[int] | None:
    """Positions of the covered periods the index names (from 1 there), or None."""
    if not isinstance(monitoring, dict) or not isinstance(monitoring.get("periods"), list):
        return None
    numbers = []
    for item in monitoring["periods"]:
        number = item.get("number") if isinstance(item, dict) else None
        if type(number) is not int or not 1 <= number <= count:
            return None
        numbers.append(number - 1)
    return numbers or None


def _dates(monitoring: dict[str, Any], project: Project, numbers: list[int]) -> list[FigureCheck]:
    checks = []
    for item, number in zip(monitoring["periods"], numbers, strict=True):
        period = project.monitoring.periods[number]
        for end in ("start", "end"):
            actual = getattr(period, end)
            shown = actual.isoformat() if actual else ""
            stated = str(item.get(end, ""))
            checks.append(
                FigureCheck(
                    bagit.INDEX, periods.period_label(number), end, stated, shown, stated == shown
                )
            )
    return checks


def _from_periods_file(
    zf: SafeZip, report: VerifyReport, member: str, recomputed: Figures
) -> list[FigureCheck]:
    from jcm_pdd.package.recheck import compare

    try:
        data = json.loads(zf.read(member).decode("utf-8"))
        stated: Figures = {}
        for item in data["periods"]:
            stated.update(stated_figures(item["figures"]))
    except (ValueError, UnicodeDecodeError, KeyError, TypeError, RecursionError):
        report.add(
            "figures", f"{member}: not the monitoring data this app writes", member, code=BAD_DATA
        )
        return []
    return compare(stated, recomputed, member, complete=True)


def _from_reports(
    zf: SafeZip, index: dict[str, Any], recomputed: Figures, ok: dict[str, bool]
) -> list[FigureCheck]:
    """The credited ER each Monitoring Report (.docx) of the package states, per period and in
    total (its public copy withholds confidential figures: those are not stated there)."""
    from jcm_pdd.package import docreaders
    from jcm_pdd.package.recheck import compare

    expected = {
        period: {"ER_credited": values["ER_credited"]}
        for period, values in recomputed.items()
        if "ER_credited" in values
    }
    expected["periods"] = {"ER_credited": str(periods.credited_total(recomputed))}
    checks: list[FigureCheck] = []
    read = docreaders.credited_from_report_docx
    for role, member, stated in _reports_read(zf, index, ok, ".docx", read, checks):
        if not stated and role.endswith("confidential_docx"):
            checks.append(FigureCheck(member, "-", "readable", "no credited ER table", "", False))
        checks += compare(stated, expected, member, complete=False)
    return checks


def _reports_read(
    zf: SafeZip,
    index: dict[str, Any],
    ok: dict[str, bool],
    suffix: str,
    read: Callable[[Path], T],
    checks: list[FigureCheck],
) -> Iterator[tuple[str, str, T]]:
    """Role, member and what ``read`` found of each intact Monitoring Report file of the
    package ending in ``suffix``, in the index's order; an unreadable file adds a finding to
    ``checks`` in its place (a hostile document gives a finding, never a crash)."""
    documents = index.get("documents")
    if not isinstance(documents, dict):
        return
    with tempfile.TemporaryDirectory(prefix="jcmpkg-verify-") as tmp:
        for n, (role, member) in enumerate(sorted(documents.items())):
            if not (
                isinstance(role, str)
                and role.startswith(periods.REPORT_ROLE)
                and isinstance(member, str)
                and member.lower().endswith(suffix)
                and ok.get(member)
            ):
                continue
            target = Path(tmp) / f"report{n}{suffix}"
            try:
                zf.copy_to(member, target)
                found = read(target)
            except Exception as exc:  # a hostile file gives a finding, never a crash
                checks.append(FigureCheck(member, "-", "readable", str(exc), "", False))
                continue
            yield role, member, found


def _from_workbooks(
    zf: SafeZip,
    report: VerifyReport,
    project: Project,
    template: Template,
    numbers: list[int],
    recomputed: Figures,
    ok: dict[str, bool],
) -> list[FigureCheck]:
    """Every monitored value the Monitoring Report Sheet workbooks state (MRS(input) Table 1)
    against the packaged project's value of that period and unit (the workbook holds Excel's
    doubles, so a value is compared at double precision), and every formula of the workbooks
    evaluated (``mrs_check``): the figures they compute must be the re-computed ones."""
    from fractions import Fraction

    from jcm_pdd.export.monitoring_source import period_text
    from jcm_pdd.export.workbook_style import symbol_text
    from jcm_pdd.package import mrs_check

    expected: dict[tuple[str, str], tuple[str, str]] = {}  # -> (period label, exact value)
    covered: list[mrs_check.Covered] = []
    for number in numbers:
        period = project.monitoring.periods[number]
        if period.start is None or period.end is None:
            continue
        label = periods.period_label(number)
        covered.append(mrs_check.Covered(label, period_text(period), recomputed[label]))
        for value in period.values:
            param = template.parameters.get(value.key)
            if param is None or value.value is None:
                continue
            at = tuple(value.index.get(name, "") for name in param.index)
            where = (period_text(period), symbol_text(param, at))
            expected[where] = (label, str(value.value))
    symbols = {key: template.parameters[key].symbol for key in ("RE", "PE", "ER")}
    country = project.rule_set.partner_country or template.identity.host_country
    layout = mrs_check.layout_for(country)

    def read(path: Path) -> mrs_check.FormulaReport:
        return mrs_check.check_workbook(path, "", covered, symbols, layout)

    checks: list[FigureCheck] = []
    formulas = workbooks = 0
    for role, member, formula in _reports_read(zf, report.index, ok, ".xlsx", read, checks):
        stated = formula.monitored
        if not stated and role.endswith("confidential_xlsx") and expected:
            checks.append(FigureCheck(member, "-", "readable", "no monitored values", "", False))
        for (when, symbol), stated_value in sorted(stated.items()):
            label, exact = expected.get((when, symbol), (when, ""))
            same = bool(exact) and float(Fraction(exact)) == stated_value
            checks.append(
                FigureCheck(member, label, symbol, repr(stated_value), exact or "(none)", same)
            )
        for check in formula.checks:
            check.source = member
        checks += formula.checks
        formulas += formula.formulas
        workbooks += 1
    if workbooks:
        bad = sum(1 for c in checks if c.code and not c.ok)
        report.check(
            FORMULAS,
            "failed" if bad else "passed",
            f"{formulas} formulas evaluated in {workbooks} workbook(s)"
            + (f", {bad} disagree" if bad else ""),
        )
    return checks


def _evidence(
    report: VerifyReport, project: Project, numbers: list[int], ok: dict[str, bool], zf: SafeZip
) -> None:
    """Every evidence file of the covered periods is packaged, intact, with the content hash
    the project names (a file swapped for another and re-hashed in the manifest is caught)."""
    listed = report.index.get("attachments")
    paths = {
        str(item.get("sha256")): str(item.get("path"))
        for item in (listed if isinstance(listed, list) else [])
        if isinstance(item, dict)
    }
    needed = periods.evidence_of(project, numbers)
    bad = 0
    for sha in needed:
        member = paths.get(sha)
        if member is None or member not in ok:
            report.add(
                "missing",
                f"the evidence file {sha[:12]}… of a covered period is not in the package",
                *([member] if member else []),
                bagit.INDEX,
                code=NO_EVIDENCE,
            )
            bad += 1
            continue
        if not ok[member]:
            bad += 1  # already reported as altered or missing
            continue
        try:
            digest, _ = zf.sha256(member)
        except PackageFormatError as exc:
            report.add("damaged", f"{member}: {exc.message}", member)
            bad += 1
            continue
        if digest != sha:
            report.add(
                "altered",
                f"{member}: its content is not the evidence file the project names ({sha[:12]}…)",
                member,
            )
            bad += 1
    report.check(
        EVIDENCE, "failed" if bad else "passed", f"{len(needed) - bad} of {len(needed)} present"
    )
