"""Actual emission reductions per monitoring period, beside the ex-ante C.3 estimate.

Each period is calculated by the same exact engine and the same template as C.3
(``methodology.calculate``): the Monitoring Plan supplies the fixed ex-ante values, the default
selections and the units, and the period supplies the monitored values (MRS(input) Table 1) in
place of the plan's estimates. ``/p`` values are then the period's totals, so ER_p is the
period's emission reductions and its credited amount is ER_p rounded by the template's rule
(down, in every shipped template). Nothing is rounded before that.

For the comparison with C.3, whose rows are calendar years, a period that crosses a year
boundary is shared between the years by days: year Y gets ER_p x (days of the period in Y) /
(days of the period), exactly. A year's actual figure is the sum of its shares rounded like a
C.3 row; the credited total is the sum of the periods' credited amounts (credits are issued
per period), which can differ from the sum of the rounded years by the rounding alone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING

from jcm_pdd.methodology.engine import PeriodResult, calculate, round_value
from jcm_pdd.methodology.errors import InputError
from jcm_pdd.methodology.inputs import IndexKey, InputItem, Inputs, inputs_from_project, to_fraction
from jcm_pdd.methodology.schema import Template
from jcm_pdd.monitoring.diagnostics import label, period_name

if TYPE_CHECKING:
    from jcm_pdd.methodology.estimate import ExAnteEstimate
    from jcm_pdd.model import MonitoringPeriod, Project


@dataclass(frozen=True)
class YearShare:
    """The part of one period's figures that falls in calendar year ``year``."""

    year: int
    days: int  # days of the period in the year
    re: Fraction
    pe: Fraction
    er: Fraction


@dataclass(frozen=True)
class PeriodActual:
    number: int  # position in project.monitoring.periods
    start: dt.date
    end: dt.date
    result: PeriodResult  # RE_p, PE_p, ER_p exact, er_rounded = credited

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def credited(self) -> int:
        return self.result.er_rounded

    @property
    def years(self) -> tuple[YearShare, ...]:
        return year_shares(self.start, self.end, self.result)


def year_shares(start: dt.date, end: dt.date, result: PeriodResult) -> tuple[YearShare, ...]:
    """RE_p, PE_p and ER_p shared between calendar years by days (exact)."""
    total = (end - start).days + 1
    shares = []
    for year in range(start.year, end.year + 1):
        first, last = max(start, dt.date(year, 1, 1)), min(end, dt.date(year, 12, 31))
        days = (last - first).days + 1
        part = Fraction(days, total)
        shares.append(YearShare(year, days, result.re * part, result.pe * part, result.er * part))
    return tuple(shares)


def plan_inputs(project: Project, template: Template) -> Inputs:
    """What the plan fixes for every period: members, fixed ex-ante values and defaults (the
    Table 1 estimates are left out: each period brings its own monitored values)."""
    plan = project.monitoring_plan
    bare = project.model_copy(update={"monitoring_plan": plan.model_copy(update={"monitored": []})})
    inputs = inputs_from_project(bare, template)
    for row in plan.monitored:  # a unit only Table 1 names is a member too
        if row.key in template.parameters:
            for set_name in template.parameters[row.key].index:
                member = row.index.get(set_name, "")
                known = inputs.members.setdefault(set_name, [])
                if member and member not in known:
                    known.append(member)
    return inputs


def period_inputs(
    project: Project, template: Template, number: int, base: Inputs | None = None
) -> Inputs:
    """The engine's inputs of period ``number``: the plan's, with the monitored values."""
    period = project.monitoring.periods[number]
    base = base if base is not None else plan_inputs(project, template)
    items = dict(base.items)
    inputs = Inputs(members=base.members, items=items)
    given = {(v.key, tuple(sorted(v.index.items()))): (n, v) for n, v in enumerate(period.values)}
    analysis_optional = _optional(template)
    name = period_name(number, period)
    for row in project.monitoring_plan.monitored:
        if not row.key:
            continue
        if row.key not in template.parameters:
            raise InputError(
                f"{row.key} is not a parameter of {template.identity.full_id}", row.key
            )
        param = template.parameters[row.key]
        found = given.get((row.key, tuple(sorted(row.index.items()))))
        what = label(row.key, row.symbol or param.symbol, row.index)
        if found is None or found[1].value is None:
            if row.key in analysis_optional:
                continue
            where = f"monitoring.periods.{number}.values"
            raise InputError(f"{name}: no monitored value of {what}", where)
        row_number, entry = found
        index: IndexKey = tuple(row.index.get(s, "") for s in param.index)
        fresh = dict(items.get(row.key, {}))
        fresh[index] = InputItem(
            value=to_fraction(entry.value, row.key, row.index),
            where=f"monitoring.periods.{number}.values.{row_number}",
        )
        items[row.key] = fresh
    return inputs


def _optional(template: Template) -> frozenset[str]:
    from jcm_pdd.methodology.engine import analysis

    return analysis(template).optional


def period_actual(
    project: Project, template: Template, number: int, base: Inputs | None = None
) -> PeriodActual:
    """RE_p, PE_p and ER_p of period ``number`` (raises ``InputError`` naming what is missing)."""
    period: MonitoringPeriod = project.monitoring.periods[number]
    if period.start is None or period.end is None or period.end < period.start:
        raise InputError(
            f"{period_name(number, period)}: enter its first and last day",
            f"monitoring.periods.{number}.start",
        )
    result = calculate(template, period_inputs(project, template, number, base), trace=False)
    return PeriodActual(number, period.start, period.end, result)


@dataclass(frozen=True)
class YearComparison:
    """One calendar year: the C.3 estimate beside the actual figures (whole tCO2e)."""

    year: int
    estimated_er: int | None  # the C.3 row (None: the estimate has no such year)
    actual_er: int | None  # the periods' shares, rounded like a C.3 row (None: no period)
    actual_exact: Fraction
    monitored_days: int


@dataclass
class Comparison:
    periods: list[PeriodActual]
    years: list[YearComparison] = field(default_factory=list)
    estimated_total: int = 0  # C.3 total
    credited_total: int = 0  # sum of the periods' credited ER


def compare(periods: list[PeriodActual], estimate: ExAnteEstimate) -> Comparison:
    """Actual vs estimated per calendar year and in total (the C.3 rule for the estimate)."""
    rounding = estimate.rounding.emission_reductions
    c3 = estimate.c3
    estimated = {row.year: row.emission_reductions for row in c3.rows}
    exact: dict[int, Fraction] = {}
    days: dict[int, int] = {}
    for actual in periods:
        for share in actual.years:
            exact[share.year] = exact.get(share.year, Fraction(0)) + share.er
            days[share.year] = days.get(share.year, 0) + share.days
    years = [
        YearComparison(
            year,
            estimated.get(year),
            round_value(exact[year], rounding) if year in exact else None,
            exact.get(year, Fraction(0)),
            days.get(year, 0),
        )
        for year in sorted(set(estimated) | set(exact))
    ]
    return Comparison(
        periods, years, c3.total.emission_reductions, sum(p.credited for p in periods)
    )
