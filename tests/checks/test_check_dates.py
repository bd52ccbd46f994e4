"""Date rules: lifetime, the C.3 period, revision and MoC dates."""

from __future__ import annotations

import datetime as dt

from check_support import TODAY, ContextFactory, codes, complete_project

from jcm_pdd.checks.dates import lifetime_and_period, moc_date, revisions
from jcm_pdd.model import Duration, Revision


def test_lifetime_must_be_positive(context: ContextFactory) -> None:
    project = complete_project()
    assert list(lifetime_and_period(context(project))) == []
    # The model refuses 0 on assignment; a file edited by hand can still carry it.
    project.pdd.duration = Duration.model_construct(
        start_date=dt.date(2026, 1, 1), operational_lifetime_years=0
    )
    found = list(lifetime_and_period(context(project)))
    assert codes(found) == ["dates.lifetime"]
    assert found[0].location == "pdd.duration.operational_lifetime_years"


def test_estimate_must_not_end_before_the_start_year(context: ContextFactory) -> None:
    project = complete_project()
    project.pdd.estimation.end_year = 2026  # the start year itself is fine
    assert list(lifetime_and_period(context(project))) == []
    project.pdd.estimation.end_year = 2025
    found = list(lifetime_and_period(context(project)))
    assert codes(found) == ["dates.estimate-before-start"]
    assert found[0].severity == "error" and "2025" in found[0].message


def test_estimate_beyond_the_lifetime_is_a_warning(context: ContextFactory) -> None:
    project = complete_project()  # starts 01/01/2026, 17 years
    project.pdd.estimation.end_year = 2043
    assert list(lifetime_and_period(context(project))) == []
    project.pdd.estimation.end_year = 2044
    found = list(lifetime_and_period(context(project)))
    assert codes(found) == ["dates.estimate-beyond-lifetime"]
    assert found[0].severity == "warning"


def test_revision_dates_must_not_be_in_the_future(context: ContextFactory) -> None:
    project = complete_project()
    project.pdd.revisions.append(Revision(version="02.0", date=TODAY, contents="Update"))
    assert list(revisions(context(project))) == []
    project.pdd.revisions[1].date = TODAY + dt.timedelta(days=1)
    found = list(revisions(context(project)))
    assert codes(found) == ["dates.revision-future"]
    assert found[0].location == "pdd.revisions.1.date"


def test_revisions_in_the_wrong_order_are_a_warning(context: ContextFactory) -> None:
    project = complete_project()
    project.pdd.revisions.append(
        Revision(version="02.0", date=dt.date(2026, 2, 1), contents="Update")
    )
    found = list(revisions(context(project)))
    assert codes(found) == ["dates.revision-order"]
    assert found[0].severity == "warning" and "02.0" in found[0].message


def test_moc_date_in_the_future(context: ContextFactory) -> None:
    project = complete_project()
    assert list(moc_date(context(project))) == []
    project.moc.date_of_submission = TODAY + dt.timedelta(days=30)
    assert codes(moc_date(context(project))) == ["dates.moc-future"]
