"""The ex-ante estimate of PDD C.3: emission reductions per calendar year, and totals.

Rule (FORMAT.md "Ex-ante estimate"): estimated values of ``/p`` parameters are annual, so the
engine computes one full year (p = one year) and scales RE, PE and ER of calendar year Y by
(days of operation in Y) / (days in Y) — exact Fractions, leap years counted. Operation starts
on ``pdd.duration.start_date`` and lasts until the end of the operational lifetime (start + N
years - 1 day) or 31 Dec of ``pdd.estimation.end_year``, whichever comes first. What C.3
shows of it (rounding of each row, totals, "ER per year") is decided once, in ``c3``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING

from jcm_pdd.methodology.c3 import C3Table, c3_table
from jcm_pdd.methodology.engine import PeriodResult, TraceStep, calculate
from jcm_pdd.methodology.errors import InputError
from jcm_pdd.methodology.inputs import Inputs, inputs_from_project
from jcm_pdd.methodology.schema import ProvenanceStatus, Rounding, Template

if TYPE_CHECKING:
    from jcm_pdd.methodology.registry import Registry
    from jcm_pdd.model import Project


@dataclass(frozen=True)
class YearEstimate:
    year: int
    days: int  # days of operation in the year
    days_in_year: int
    re: Fraction
    pe: Fraction
    er: Fraction

    @property
    def fraction(self) -> Fraction:
        return Fraction(self.days, self.days_in_year)


@dataclass
class ExAnteEstimate:
    template_id: str
    version: str
    start: dt.date
    end: dt.date
    annual: PeriodResult  # one full year; holds the trace and input provenance
    years: list[YearEstimate] = field(default_factory=list)
    rounding: Rounding = field(default_factory=Rounding)  # the template's [rounding]

    @property
    def c3(self) -> C3Table:
        """What PDD C.3 shows (rows, totals, "ER per year", rounding note): see ``c3``."""
        return c3_table(self)

    @property
    def total_re(self) -> Fraction:
        return sum((y.re for y in self.years), Fraction(0))

    @property
    def total_pe(self) -> Fraction:
        return sum((y.pe for y in self.years), Fraction(0))

    @property
    def total_er(self) -> Fraction:
        return sum((y.er for y in self.years), Fraction(0))

    @property
    def trace(self) -> list[TraceStep]:
        return list(self.annual.trace)

    @property
    def has_unverified_defaults(self) -> bool:
        return self.annual.has_unverified_defaults

    @property
    def has_draft_defaults(self) -> bool:
        return self.annual.has_draft_defaults

    @property
    def default_statuses(self) -> set[ProvenanceStatus]:
        return self.annual.default_statuses


def lifetime_end(start: dt.date, years: int) -> dt.date:
    """Last day of operation: start + ``years`` years - 1 day (29 Feb starts end on 28 Feb)."""
    try:
        anniversary = start.replace(year=start.year + years)
    except ValueError:  # 29 February into a common year
        anniversary = dt.date(start.year + years, 3, 1)
    return anniversary - dt.timedelta(days=1)


# The plausible crediting horizon, as the project model allows it (model/pdd.py): a far-future
# year from a hand-made calculation input would otherwise overflow ``datetime.date``.
FIRST_YEAR, LAST_YEAR, MAX_LIFETIME = 2000, 2200, 100


def _check_horizon(start: dt.date, lifetime_years: object, end_year: object) -> None:
    if not FIRST_YEAR <= start.year <= LAST_YEAR:
        raise InputError(
            f"the start of operation ({start:%d/%m/%Y}) must fall between {FIRST_YEAR} and "
            f"{LAST_YEAR}",
            "pdd.duration.start_date",
        )
    if lifetime_years is not None and (
        type(lifetime_years) is not int or not 0 < lifetime_years <= MAX_LIFETIME
    ):
        raise InputError(
            f"the operational lifetime must be a whole number of years from 1 to {MAX_LIFETIME} "
            f"(found {str(lifetime_years)[:20]})",
            "pdd.duration.operational_lifetime_years",
        )
    if end_year is not None and (
        type(end_year) is not int or not FIRST_YEAR <= end_year <= LAST_YEAR
    ):
        raise InputError(
            f"the last year of the estimate must be a year from {FIRST_YEAR} to {LAST_YEAR} "
            f"(found {str(end_year)[:20]})",
            "pdd.estimation.end_year",
        )


def operating_end(start: dt.date, lifetime_years: int | None, end_year: int | None) -> dt.date:
    _check_horizon(start, lifetime_years, end_year)
    ends: list[dt.date] = []
    if lifetime_years is not None:
        ends.append(lifetime_end(start, lifetime_years))
    if end_year is not None:
        ends.append(dt.date(end_year, 12, 31))
    if not ends:
        raise InputError(
            "set the expected operational lifetime (A.5) or the last year of the estimate (C.3)",
            "pdd.duration.operational_lifetime_years",
        )
    end = min(ends)
    if end < start:
        raise InputError(
            f"the estimate ends ({end:%d/%m/%Y}) before operation starts ({start:%d/%m/%Y})",
            "pdd.estimation.end_year",
        )
    return end


def estimate(template: Template, inputs: Inputs, start: dt.date, end: dt.date) -> ExAnteEstimate:
    """Per-calendar-year figures from ``start`` to ``end`` (both days included)."""
    annual = calculate(template, inputs)
    rounding = template.rounding
    result = ExAnteEstimate(
        template.identity.id, template.identity.version, start, end, annual, rounding=rounding
    )
    for year in range(start.year, end.year + 1):
        first = max(start, dt.date(year, 1, 1))
        last = min(end, dt.date(year, 12, 31))
        days = (last - first).days + 1
        days_in_year = (dt.date(year + 1, 1, 1) - dt.date(year, 1, 1)).days
        share = Fraction(days, days_in_year)
        re, pe, er = annual.re * share, annual.pe * share, annual.er * share
        result.years.append(
            YearEstimate(
                year,
                days,
                days_in_year,
                re,
                pe,
                er,
            )
        )
    return result


def resolve_template(project: Project, source: Registry | Template) -> Template:
    if isinstance(source, Template):
        return source
    selection = project.pdd.methodology
    if not selection.methodology_id:
        raise InputError("choose the applied methodology (B.1) first", "pdd.methodology")
    return source.get(selection.methodology_id, selection.version or None)


def estimate_project(project: Project, source: Registry | Template) -> ExAnteEstimate:
    """The C.3 estimate of a project, using its B.1 methodology from ``source``."""
    template = resolve_template(project, source)
    start = project.pdd.duration.start_date
    if start is None:
        raise InputError(
            "enter the starting date of project operation (A.5)", "pdd.duration.start_date"
        )
    end = operating_end(
        start, project.pdd.duration.operational_lifetime_years, project.pdd.estimation.end_year
    )
    return estimate(template, inputs_from_project(project, template), start, end)
