"""Date rules: operational lifetime, the C.3 estimation period, revision and MoC dates.

A missing starting date is reported by the required-field rule (A.5 marks it required); these
rules judge the dates that are present.
"""

from __future__ import annotations

from collections.abc import Iterator

from jcm_pdd.checks.context import CheckContext
from jcm_pdd.checks.diagnostic import Diagnostic, make


def lifetime_and_period(context: CheckContext) -> Iterator[Diagnostic]:
    pdd = context.project.pdd
    lifetime = pdd.duration.operational_lifetime_years
    if lifetime is not None and lifetime <= 0:
        yield make(
            "dates.lifetime",
            "pdd.duration.operational_lifetime_years",
            lifetime=lifetime,
        )
    start = pdd.duration.start_date
    end_year = pdd.estimation.end_year
    if start is None or end_year is None:
        return
    if end_year < start.year:
        yield make(
            "dates.estimate-before-start",
            "pdd.estimation.end_year",
            end_year=end_year,
            start_year=start.year,
            start=f"{start:%d/%m/%Y}",
        )
    elif lifetime is not None and lifetime > 0 and end_year > start.year + lifetime:
        last = start.year + lifetime
        yield make(
            "dates.estimate-beyond-lifetime",
            "pdd.estimation.end_year",
            end_year=end_year,
            last_year=last,
            lifetime=lifetime,
            start=f"{start:%d/%m/%Y}",
        )


def revisions(context: CheckContext) -> Iterator[Diagnostic]:
    previous = None
    for number, revision in enumerate(context.project.pdd.revisions):
        when = revision.date
        if when is None:
            continue  # the required-cell rule reports it
        location = f"pdd.revisions.{number}.date"
        label = revision.version or f"row {number + 1}"
        if when > context.today:
            yield make(
                "dates.revision-future",
                location,
                version=label,
                date=when.isoformat(),
                shown=f"{when:%d/%m/%Y}",
            )
        if previous is not None and when < previous:
            yield make(
                "dates.revision-order",
                location,
                version=label,
                shown=f"{when:%d/%m/%Y}",
                previous=f"{previous:%d/%m/%Y}",
            )
        previous = when


def moc_date(context: CheckContext) -> Iterator[Diagnostic]:
    when = context.project.moc.date_of_submission
    if when is not None and when > context.today:
        yield make(
            "dates.moc-future",
            "moc.date_of_submission",
            date=when.isoformat(),
            shown=f"{when:%d/%m/%Y}",
        )
