"""Diagnostics of the monitoring periods: dates, and values against what the plan fixed.

The Monitoring Plan (MPS Table 1) is the contract for every period: each of its rows (a
parameter of one unit) needs a monitored value in each period, with the option the plan chose,
within the bounds the methodology template allows. Periods follow one another without gap or
overlap unless the user states why (``gap_reason``). Nothing here refuses to save a project:
half-entered periods are normal, so each rule is a diagnostic with the field it concerns.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal

from jcm_pdd.checks.diagnostic import Diagnostic, Severity
from jcm_pdd.methodology.errors import index_label
from jcm_pdd.methodology.schema import Bounds, Template
from jcm_pdd.model import MonitoredParameter, MonitoringPeriod, Project

ERROR, WARNING = Severity.ERROR, Severity.WARNING

# Every code of this module and its severity (one place decides severities).
SEVERITY: dict[str, Severity] = {
    "period.dates": ERROR,  # start or end missing, or end before start
    "period.overlap": ERROR,  # would count the same days twice
    "period.gap": WARNING,  # days without monitoring
    "period.before-operation": WARNING,  # begins before A.5's start of operation
    "period.value-missing": ERROR,  # a Table 1 row of the plan has no value in the period
    "period.value-unplanned": ERROR,  # a value for a parameter or unit the plan does not list
    "period.value-duplicate": ERROR,  # two values for one parameter and unit
    "period.value-bounds": ERROR,  # outside the bounds of the methodology
    "period.option": ERROR,  # another monitoring option than the plan's
    "period.calibration": WARNING,  # own measurement without instrument or calibration date
    "period.calibration-after": WARNING,  # calibrated only after the period ended
    "period.evidence-missing": ERROR,  # evidence names an attachment that is not stored
}


def _make(code: str, location: str, message: str) -> Diagnostic:
    return Diagnostic(code, SEVERITY[code], location, message, form_type="MRS")


def label(key: str, symbol: str, index: dict[str, str]) -> str:
    """``EG_i,p [i = PV-1]``: how a parameter of one unit is named in messages."""
    return f"{symbol or key}{index_label(index)}" if index else (symbol or key)


def period_name(number: int, period: MonitoringPeriod) -> str:
    """``period 2 (01/01/2021 - 31/12/2021)`` (numbered from 1, as the user sees them)."""
    if period.start and period.end:
        return f"period {number + 1} ({period.start:%d/%m/%Y} - {period.end:%d/%m/%Y})"
    return f"period {number + 1}"


def period_diagnostics(project: Project, template: Template | None = None) -> list[Diagnostic]:
    """Every diagnostic of the project's monitoring periods (``template``: check the bounds
    and options of the methodology too)."""
    found = list(_dates(project))
    for number, period in enumerate(project.monitoring.periods):
        found += _values(project, number, period, template)
    return found


def _dates(project: Project) -> Iterator[Diagnostic]:
    periods = project.monitoring.periods
    dated: list[tuple[dt.date, dt.date, int]] = []
    for number, period in enumerate(periods):
        where = f"monitoring.periods.{number}"
        if period.start is None or period.end is None:
            missing = "start" if period.start is None else "end"
            yield _make(
                "period.dates",
                f"{where}.{missing}",
                f"{period_name(number, period)} has no {missing} date",
            )
            continue
        if period.end < period.start:
            yield _make(
                "period.dates",
                f"{where}.end",
                f"{period_name(number, period)} ends before it starts",
            )
            continue
        dated.append((period.start, period.end, number))
        operation = project.pdd.duration.start_date
        if operation is not None and period.start < operation:
            yield _make(
                "period.before-operation",
                f"{where}.start",
                f"{period_name(number, period)} begins before the start of operation "
                f"({operation:%d/%m/%Y}, A.5)",
            )
    dated.sort()
    for (_, end, before), (start, _, number) in zip(dated, dated[1:], strict=False):
        period = periods[number]
        if period.gap_reason.strip():
            continue  # the user stated why
        where = f"monitoring.periods.{number}.start"
        if start <= end:
            yield _make(
                "period.overlap",
                where,
                f"{period_name(number, period)} overlaps {period_name(before, periods[before])}; "
                "correct the dates or state why",
            )
        elif start > end + dt.timedelta(days=1):
            days = (start - end).days - 1
            yield _make(
                "period.gap",
                where,
                f"{days} day(s) between {period_name(before, periods[before])} and "
                f"{period_name(number, period)} are in no monitoring period; correct the dates "
                "or state why",
            )


def _plan_rows(
    project: Project,
) -> dict[tuple[str, tuple[tuple[str, str], ...]], MonitoredParameter]:
    return {
        (row.key, tuple(sorted(row.index.items()))): row
        for row in project.monitoring_plan.monitored
        if row.key
    }


def _outside(value: Decimal, bounds: Bounds) -> str | None:
    """Why ``value`` is outside ``bounds``, in words, or None."""
    # the schema's validator makes bounds Decimals; the annotation admits what TOML gives
    low = None if bounds.min is None else Decimal(bounds.min)
    high = None if bounds.max is None else Decimal(bounds.max)
    if low is not None and (value < low or (bounds.min_exclusive and value == low)):
        return f"at least {low}" if not bounds.min_exclusive else f"more than {low}"
    if high is not None and (value > high or (bounds.max_exclusive and value == high)):
        return f"at most {high}" if not bounds.max_exclusive else f"less than {high}"
    return None


def _values(
    project: Project, number: int, period: MonitoringPeriod, template: Template | None
) -> Iterator[Diagnostic]:
    plan = _plan_rows(project)
    stored = {record.sha256 for record in project.attachments}
    name = period_name(number, period)
    seen: set[tuple[str, tuple[tuple[str, str], ...]]] = set()
    for row_number, entry in enumerate(period.values):
        where = f"monitoring.periods.{number}.values.{row_number}"
        ident = (entry.key, tuple(sorted(entry.index.items())))
        planned = plan.get(ident)
        what = label(entry.key, planned.symbol if planned else "", entry.index)
        if planned is None:
            yield _make(
                "period.value-unplanned",
                f"{where}.key",
                f"{name}: {what} is not a monitored parameter of the Monitoring Plan (Table 1)",
            )
            continue
        if ident in seen:
            yield _make("period.value-duplicate", f"{where}.key", f"{name}: {what} is given twice")
            continue
        seen.add(ident)
        if entry.value is None:
            yield _make("period.value-missing", f"{where}.value", f"{name}: {what} has no value")
        elif template is not None and entry.key in template.parameters:
            bound = _outside(entry.value, template.parameters[entry.key].bounds)
            if bound is not None:
                yield _make(
                    "period.value-bounds",
                    f"{where}.value",
                    f"{name}: {what} is {entry.value} {planned.unit}; the methodology allows "
                    f"{bound}",
                )
        if planned.option is not None and entry.option not in (None, planned.option):
            yield _make(
                "period.option",
                f"{where}.option",
                f"{name}: {what} is monitored by option {entry.option}, but the Monitoring Plan "
                f"fixed option {planned.option}",
            )
        option = entry.option or planned.option
        if option == "C" and (not entry.instrument.strip() or entry.calibration_date is None):
            missing = "measuring instrument" if not entry.instrument.strip() else "calibration date"
            yield _make(
                "period.calibration",
                f"{where}.{'instrument' if missing.startswith('m') else 'calibration_date'}",
                f"{name}: {what} is measured by the project (option C) but has no {missing}",
            )
        dated = period.start is not None and period.end is not None and period.start <= period.end
        if dated and entry.calibration_date and period.end and entry.calibration_date > period.end:
            yield _make(
                "period.calibration-after",
                f"{where}.calibration_date",
                f"{name}: {what}'s instrument was calibrated on {entry.calibration_date:%d/%m/%Y},"
                " after the period ended",
            )
        for sha in entry.evidence:
            if sha not in stored:
                yield _make(
                    "period.evidence-missing",
                    f"{where}.evidence",
                    f"{name}: {what}'s evidence file {sha[:12]}… is not attached to the project",
                )
    for ident, planned in plan.items():
        if ident not in seen and (template is None or not _optional(template, planned.key)):
            what = label(planned.key, planned.symbol, planned.index)
            yield _make(
                "period.value-missing",
                f"monitoring.periods.{number}.values",
                f"{name}: no monitored value of {what}",
            )


def _optional(template: Template, key: str) -> bool:
    """A monitored parameter no equation needs (record-only, or read only by a check)."""
    from jcm_pdd.methodology.engine import analysis

    return key in analysis(template).optional
