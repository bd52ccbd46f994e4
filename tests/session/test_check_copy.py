"""The background check's copy of the project (session.check_copy, issue 17): always equal to
the live project, never written after it is handed out, and only what changed copied again."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from jcm_pdd.session import DocumentSession
from jcm_pdd.session.check_copy import CheckCopier
from tests.monitoring.periods_support import period, periods_session

D = dt.date


def _session() -> DocumentSession:
    """The shared two periods, and a third (2029) for the copies to follow."""
    return periods_session(period(D(2029, 1, 1), D(2029, 12, 31), EG__PV_1="300"))


def _same(a: object, b: object) -> bool:
    return a.model_dump(mode="json") == b.model_dump(mode="json")  # type: ignore[attr-defined]


def test_copies_follow_every_kind_of_edit_and_earlier_copies_stay_as_they_were() -> None:
    session = _session()
    copier = CheckCopier(session)
    first = copier.copy()
    assert _same(first, session.project) and first is not session.project
    frozen = first.model_dump(mode="json")

    session.set_value("monitoring.periods.1.values.0.value", Decimal("123.5"))
    second = copier.copy()
    assert _same(second, session.project)
    assert second.monitoring.periods[1].values[0].value == Decimal("123.5")
    # the periods not written are shared with the earlier copy; the written one is new
    assert second.monitoring.periods[0] is first.monitoring.periods[0]
    assert second.monitoring.periods[2] is first.monitoring.periods[2]
    assert second.monitoring.periods[1] is not first.monitoring.periods[1]
    assert second.pdd is first.pdd  # no top-level part written: shared too

    session.set_value("pdd.title", "A new title")
    session.remove_row("monitoring.periods", 0)
    session.insert_row("monitoring.periods", 1)
    session.toggle_confidential("pdd.title")
    third = copier.copy()
    assert _same(third, session.project)
    assert third.pdd is not second.pdd and third.pdd.title == "A new title"
    session.undo()
    session.undo()
    session.undo()
    session.undo()
    session.undo()
    assert _same(copier.copy(), session.project)
    # no copy handed out was written afterwards, nor shares anything with the live project
    assert first.model_dump(mode="json") == frozen
    assert first.monitoring.periods[1].values[0].value == Decimal("100")
    live = session.project
    latest = copier.copy()
    live_periods = {id(p) for p in live.monitoring.periods}
    assert not any(id(c) in live_periods for c in latest.monitoring.periods)
    assert latest.monitoring_plan is not live.monitoring_plan
    assert latest.confidential is not live.confidential


def test_nothing_changed_gives_the_same_copy_and_a_detached_copier_stops_listening() -> None:
    session = _session()
    copier = CheckCopier(session)
    first = copier.copy()
    again = copier.copy()
    assert _same(again, first)
    assert again.monitoring.periods[1] is first.monitoring.periods[1]
    copier.detach()
    assert copier._changed not in session.listeners


def test_a_first_copy_made_a_slice_at_a_time_still_shows_edits_made_between_slices() -> None:
    session = _session()
    copier = CheckCopier(session)
    assert copier.prepare(0) is False  # one period per slice with no time to spare
    session.set_value("monitoring.periods.0.values.0.value", Decimal("5"))  # copied already
    assert copier.prepare(0) is False
    while not copier.prepare(0):
        pass
    made = copier.copy()
    assert _same(made, session.project)
    assert made.monitoring.periods[0].values[0].value == Decimal("5")
