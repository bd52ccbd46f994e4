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

from jcm_pdd.checks.diagnostic import CATALOG, Diagnostic, Severity, make
from jcm_pdd.methodology.errors import index_label
from jcm_pdd.methodology.schema import Bounds, Template
from jcm_pdd.model import MonitoredParameter, MonitoredValue, MonitoringPeriod, Project

# Every code of this module; severities and words live with every other diagnostic's in
# ``checks.diagnostic.CATALOG`` and ``resources/messages/checks.<language>.toml``. A gap or an
# overlap without a stated reason and every problem of a value are errors: they block a
# verification package of the period (``checks.gate``); the rest are warnings.
CODES = (
    "period.dates",  # start or end missing, or end before start
    "period.overlap",  # would count the same days twice
    "period.gap",  # days in no period, and no reason stated
    "period.before-operation",  # begins before A.5's start of operation
    "period.value-missing",  # a Table 1 row of the plan has no value in the period
    "period.value-unplanned",  # a value for a parameter or unit the plan does not list
    "period.value-duplicate",  # two values for one parameter and unit
    "period.value-bounds",  # outside the bounds of the methodology
    "period.option",  # another monitoring option than the plan's
    "period.calibration",  # own measurement without instrument or calibration date
    "period.calibration-after",  # calibrated only after the period ended
    "period.evidence-missing",  # evidence names an attachment that is not stored
)
SEVERITY: dict[str, Severity] = {code: CATALOG[code].severity for code in CODES}


def _make(code: str, location: str, key: str = "", **params: object) -> Diagnostic:
    made = make(code, location, key=key, **params)
    return made.with_place("MRS", "")


def _period(number: int, period: MonitoringPeriod, prefix: str = "") -> dict[str, str]:
    """The words' parameters naming a period: its number from 1 and its dates, if any."""
    dates = (
        f" ({period.start:%d/%m/%Y} - {period.end:%d/%m/%Y})" if period.start and period.end else ""
    )
    return {f"{prefix}number": str(number + 1), f"{prefix}dates": dates}


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
    plan = _plan_rows(project)  # once: a 300-unit, 120-period project checks 36,000 values
    stored = {record.sha256 for record in project.attachments}
    for number, period in enumerate(project.monitoring.periods):
        found += _values(project, number, period, template, plan, stored)
    return found


def _dates(project: Project) -> Iterator[Diagnostic]:
    periods = project.monitoring.periods
    dated: list[tuple[dt.date, dt.date, int]] = []
    for number, period in enumerate(periods):
        where = f"monitoring.periods.{number}"
        if period.start is None or period.end is None:
            missing = "start" if period.start is None else "end"
            yield _make(
                "period.dates", f"{where}.{missing}", f"period.dates.{missing}", number=number + 1
            )
            continue
        if period.end < period.start:
            yield _make("period.dates", f"{where}.end", "period.dates.order", number=number + 1)
            continue
        dated.append((period.start, period.end, number))
        operation = project.pdd.duration.start_date
        if operation is not None and period.start < operation:
            yield _make(
                "period.before-operation",
                f"{where}.start",
                operation=f"{operation:%d/%m/%Y}",
                **_period(number, period),
            )
    dated.sort()
    for (_, end, before), (start, _, number) in zip(dated, dated[1:], strict=False):
        period = periods[number]
        if period.gap_reason.strip():
            continue  # the user stated why
        where = f"monitoring.periods.{number}.start"
        both = {**_period(number, period), **_period(before, periods[before], "other_")}
        if start <= end:
            yield _make("period.overlap", where, **both)
        elif start > end + dt.timedelta(days=1):
            yield _make("period.gap", where, days=(start - end).days - 1, **both)


def _plan_rows(
    project: Project,
) -> dict[tuple[str, tuple[tuple[str, str], ...]], MonitoredParameter]:
    return {
        (row.key, tuple(sorted(row.index.items()))): row
        for row in project.monitoring_plan.monitored
        if row.key
    }


def _outside(value: Decimal, bounds: Bounds) -> tuple[str, Decimal] | None:
    """Which bound ``value`` breaks (``min``, ``above``, ``max``, ``below``) and its limit."""
    # the schema's validator makes bounds Decimals; the annotation admits what TOML gives
    low = None if bounds.min is None else Decimal(bounds.min)
    high = None if bounds.max is None else Decimal(bounds.max)
    if low is not None and (value < low or (bounds.min_exclusive and value == low)):
        return ("above" if bounds.min_exclusive else "min"), low
    if high is not None and (value > high or (bounds.max_exclusive and value == high)):
        return ("below" if bounds.max_exclusive else "max"), high
    return None


def _what(entry: MonitoredValue, planned: MonitoredParameter | None) -> str:
    return label(entry.key, planned.symbol if planned else "", entry.index)


def _values(
    project: Project,
    number: int,
    period: MonitoringPeriod,
    template: Template | None,
    plan: dict[tuple[str, tuple[tuple[str, str], ...]], MonitoredParameter],
    stored: set[str],
) -> Iterator[Diagnostic]:
    name = _period(number, period)
    seen: set[tuple[str, tuple[tuple[str, str], ...]]] = set()
    for row_number, entry in enumerate(period.values):
        where = f"monitoring.periods.{number}.values.{row_number}"
        ident = (entry.key, tuple(sorted(entry.index.items())))
        planned = plan.get(ident)
        if planned is None:
            yield _make(
                "period.value-unplanned", f"{where}.key", what=_what(entry, planned), **name
            )
            continue
        if ident in seen:
            yield _make(
                "period.value-duplicate", f"{where}.key", what=_what(entry, planned), **name
            )
            continue
        seen.add(ident)
        if entry.value is None:
            yield _make(
                "period.value-missing",
                f"{where}.value",
                "period.value-missing.empty",
                what=_what(entry, planned),
                **name,
            )
        elif template is not None and entry.key in template.parameters:
            bound = _outside(entry.value, template.parameters[entry.key].bounds)
            if bound is not None:
                yield _make(
                    "period.value-bounds",
                    f"{where}.value",
                    f"period.value-bounds.{bound[0]}",
                    what=_what(entry, planned),
                    value=entry.value,
                    unit=planned.unit,
                    limit=bound[1],
                    **name,
                )
        if planned.option is not None and entry.option not in (None, planned.option):
            yield _make(
                "period.option",
                f"{where}.option",
                what=_what(entry, planned),
                option=entry.option,
                planned=planned.option,
                **name,
            )
        option = entry.option or planned.option
        if option == "C" and (not entry.instrument.strip() or entry.calibration_date is None):
            field = "instrument" if not entry.instrument.strip() else "calibration_date"
            yield _make(
                "period.calibration",
                f"{where}.{field}",
                f"period.calibration.{field}",
                what=_what(entry, planned),
                **name,
            )
        dated = period.start is not None and period.end is not None and period.start <= period.end
        if dated and entry.calibration_date and period.end and entry.calibration_date > period.end:
            yield _make(
                "period.calibration-after",
                f"{where}.calibration_date",
                what=_what(entry, planned),
                date=f"{entry.calibration_date:%d/%m/%Y}",
                **name,
            )
        for sha in entry.evidence:
            if sha not in stored:
                yield _make(
                    "period.evidence-missing",
                    f"{where}.evidence",
                    what=_what(entry, planned),
                    file=sha[:12],
                    **name,
                )
    for ident, planned in plan.items():
        if ident not in seen and (template is None or not _optional(template, planned.key)):
            what = label(planned.key, planned.symbol, planned.index)
            yield _make(
                "period.value-missing", f"monitoring.periods.{number}.values", what=what, **name
            )


def _optional(template: Template, key: str) -> bool:
    """A monitored parameter no equation needs (record-only, or read only by a check)."""
    from jcm_pdd.methodology.engine import analysis

    return key in analysis(template).optional
