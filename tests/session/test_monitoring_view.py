"""The editor's view of the monitoring periods (session.monitoring) and figures kept between
edits: only what an edit makes stale is calculated again (issue 17)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

from jcm_pdd.model import MonitoredValue
from jcm_pdd.monitoring import PeriodActual
from jcm_pdd.session.monitoring import MonitoringFigures, new_period, value_edit, value_rows
from tests.monitoring.periods_support import periods_session, sample

D = dt.date


def test_rows_follow_table_1_of_the_plan_with_values_or_without() -> None:
    session = periods_session()
    project = session.project
    project.monitoring.periods[1].values.append(MonitoredValue(key="EG", index={"i": "PV-9"}))
    rows = value_rows(project, 1)
    assert [(r.unit_label, r.position, r.planned) for r in rows] == [
        ("PV-1", 0, True),
        ("PV-2", None, True),  # not entered yet
        ("PV-9", 1, False),  # the plan does not list it
    ]
    assert rows[0].unit == "MWh/p" and rows[1].planned_option == "C"
    # typing into the empty row adds a value with the plan's option (one step)
    for path, value in value_edit(project, 1, rows[1], "value", Decimal(7)).items():
        session.set_value(path, value)
    added = project.monitoring.periods[1].values[-1]
    assert (added.index, added.value, added.option) == ({"i": "PV-2"}, Decimal(7), "C")
    assert value_edit(project, 1, rows[0], "value", Decimal(1)) == {
        "monitoring.periods.1.values.0.value": Decimal(1)
    }
    session.undo()
    assert len(project.monitoring.periods[1].values) == 2


def test_a_new_period_follows_the_last_one_or_the_start_of_operation() -> None:
    project = sample()
    first = new_period(project)
    assert (first.start, first.end) == (D(2027, 4, 1), D(2028, 3, 31))
    project.monitoring.periods.append(first)
    second = new_period(project)
    assert (second.start, second.end) == (D(2028, 4, 1), D(2029, 3, 31))
    project.monitoring.periods = []
    project.pdd.duration.start_date = None
    assert new_period(project, today=D(2030, 2, 17)).start == D(2030, 2, 1)


def test_one_edit_recalculates_one_period_and_a_new_period_only_itself() -> None:
    session = periods_session()
    figures = MonitoringFigures()
    listener = figures.edited
    session.listeners.append(listener)
    shown = figures.figures(session.project)
    actual = figures._actual
    assert actual is not None and actual.calculated == 2
    first = shown.outcomes[0]
    assert isinstance(first, PeriodActual)
    assert first.result.er == 100 * Fraction("0.797") + 200 * Fraction("0.533")
    assert isinstance(shown.outcomes[1], Exception)  # PV-2 missing in period 2, said
    session.set_value("monitoring.periods.1.values.0.value", Decimal(50))
    figures.figures(session.project)
    assert actual.calculated == 3  # period 2 only
    session.insert_row("monitoring.periods", None, new_period(session.project))
    again = figures.figures(session.project)
    assert actual.calculated == 4 and again.outcomes[0] is first  # the new period only
    session.set_value("pdd.title", "Another title")
    figures.figures(session.project)
    assert actual.calculated == 4  # nothing the periods read
    session.remove_row("monitoring.periods", 0)
    moved = figures.figures(session.project)
    # periods 2 and 3 cannot be calculated (values missing) and moved up: their messages
    # name them by number, so they are made again
    assert actual.calculated == 6
    assert "period 1" in str(moved.outcomes[0])
    session.undo()  # period 1 back (calculated again), the two messages made again
    back = figures.figures(session.project)
    assert actual.calculated == 9 and back.outcomes[0] == first
    session.set_value("monitoring_plan.monitored.0.unit", "MWh/p ")
    figures.figures(session.project)
    assert actual.calculated == 12  # the plan: every period
    assert shown.comparison is not None and shown.comparison.credited_total == first.credited


def test_adding_or_removing_a_period_records_that_period_only() -> None:
    """A step of a 120-period table keeps the row it adds or removes, not the whole table;
    undo and redo restore it exactly."""
    session = periods_session()
    periods = lambda: session.project.monitoring.periods  # noqa: E731
    before = [p.model_copy(deep=True) for p in periods()]
    added = session.insert_row("monitoring.periods", 1, new_period(session.project))
    assert added.kind == "row" and added.old == (1, None) and added.new[0] == 1
    assert periods()[1].start == D(2029, 1, 1) and len(periods()) == 3
    periods()[2].values[0].value = Decimal(5)  # the table is not in the step: later edits stay
    session.undo()
    assert len(periods()) == 2 and periods()[1].values[0].value == Decimal(5)
    session.redo()
    assert periods()[1] == added.new[1] and periods()[1] is not added.new[1]
    removed = session.remove_row("monitoring.periods", 0)
    assert removed.kind == "row" and removed.old == (0, before[0]) and removed.new == (0, None)
    session.undo()
    assert periods()[0] == before[0] and len(periods()) == 3


def test_a_place_in_a_period_is_named_in_words() -> None:
    from jcm_pdd.session.labels import path_label

    assert path_label([], "monitoring.periods.2.values.0.instrument") == (
        "Monitoring period 3, row 1, measuring instrument"
    )
    assert path_label([], "monitoring.periods.0.start", "ja") == "モニタリング期間 1、初日"
    assert path_label([], "monitoring.periods.x") == "monitoring.periods.x"


def test_figures_given_a_deadline_come_in_slices() -> None:
    import time

    session = periods_session()
    figures = MonitoringFigures()
    late = figures.figures(session.project, deadline=time.perf_counter() - 1)
    assert late.pending == 2 and late.comparison is None  # nothing yet, and no comparison
    done = figures.figures(session.project, deadline=time.perf_counter() + 60)
    assert done.pending == 0 and done.comparison is not None
