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
            f"A.5. Duration: the expected operational lifetime must be at least 1 year "
            f"(it is {lifetime}).",
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
            f"C.3: the estimate ends in {end_year}, before operation starts ({start:%d/%m/%Y}).",
            end_year=end_year,
            start_year=start.year,
        )
    elif lifetime is not None and lifetime > 0 and end_year > start.year + lifetime:
        last = start.year + lifetime
        yield make(
            "dates.estimate-beyond-lifetime",
            "pdd.estimation.end_year",
            f"C.3: the estimate runs to {end_year}, past the expected operational lifetime "
            f"({lifetime} years from {start:%d/%m/%Y}, i.e. {last} at the latest).",
            end_year=end_year,
            last_year=last,
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
                f"Revision history of PDD: version {label} is dated {when:%d/%m/%Y}, "
                "which is in the future.",
                version=label,
                date=when.isoformat(),
            )
        if previous is not None and when < previous:
            yield make(
                "dates.revision-order",
                location,
                f"Revision history of PDD: version {label} ({when:%d/%m/%Y}) is dated before "
                f"the revision above it ({previous:%d/%m/%Y}).",
                version=label,
            )
        previous = when


def moc_date(context: CheckContext) -> Iterator[Diagnostic]:
    when = context.project.moc.date_of_submission
    if when is not None and when > context.today:
        yield make(
            "dates.moc-future",
            "moc.date_of_submission",
            f"MoC: the date of submission {when:%d/%m/%Y} is in the future; set it when the "
            "statement is submitted.",
            date=when.isoformat(),
        )
