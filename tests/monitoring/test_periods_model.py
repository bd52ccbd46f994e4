"""Monitoring periods in the project: diagnostics, and saving without changing older files."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

from jcm_pdd.checks import Severity
from jcm_pdd.model import MonitoredValue, Project
from jcm_pdd.monitoring import SEVERITY, period_diagnostics
from jcm_pdd.paths import sample_project_path
from jcm_pdd.storage import load_project, project_json_bytes, save_project
from tests.monitoring.periods_support import period, sample, template

D = dt.date


def _codes(project: Project) -> list[tuple[str, str]]:
    return [(d.code, d.location) for d in period_diagnostics(project, template("JCM_MN_AM003"))]


def _two_periods(second_start: dt.date) -> Project:
    project = sample()
    project.monitoring.periods += [
        period(D(2027, 4, 1), D(2027, 12, 31), EG__PV_1="1", EG__PV_2="2"),
        period(second_start, D(2028, 12, 31), EG__PV_1="1", EG__PV_2="2"),
    ]
    return project


def test_consecutive_complete_periods_have_no_diagnostics() -> None:
    assert _codes(_two_periods(D(2028, 1, 1))) == []


def test_a_gap_or_an_overlap_is_a_diagnostic_unless_the_user_states_why() -> None:
    gap = _two_periods(D(2028, 1, 5))
    found = period_diagnostics(gap)
    assert [(d.code, d.severity) for d in found] == [("period.gap", Severity.ERROR)]
    assert "4 day(s) between period 1" in found[0].message
    overlap = _two_periods(D(2027, 12, 31))
    assert _codes(overlap) == [("period.overlap", "monitoring.periods.1.start")]
    assert SEVERITY["period.overlap"] is Severity.ERROR
    overlap.monitoring.periods[1].gap_reason = "meter replaced; the day is excluded in period 2"
    assert _codes(overlap) == []


def test_dates_missing_reversed_or_before_operation() -> None:
    project = sample()
    project.monitoring.periods += [
        period(D(2027, 3, 1), D(2027, 3, 31), EG__PV_1="1", EG__PV_2="2"),
        period(D(2027, 5, 1), D(2027, 4, 1), EG__PV_1="1", EG__PV_2="2"),
    ]
    project.monitoring.periods.append(
        project.monitoring.periods[0].model_copy(update={"end": None})
    )
    assert sorted(_codes(project)) == [
        ("period.before-operation", "monitoring.periods.0.start"),
        ("period.dates", "monitoring.periods.1.end"),
        ("period.dates", "monitoring.periods.2.end"),
    ]


def test_values_outside_what_the_plan_allows() -> None:
    project = sample()
    sha = "ab" * 32
    project.monitoring.periods.append(
        period(D(2027, 4, 1), D(2027, 12, 31), EG__PV_1="-5", EG__PV_9="1")
    )
    values = project.monitoring.periods[0].values
    values[0].option = "B"  # the plan fixed option C
    values[0].evidence = [sha]  # not attached
    values.append(MonitoredValue(key="EG", index={"i": "PV-1"}, value=Decimal(1)))
    values.append(MonitoredValue(key="EG", index={"i": "PV-2"}, value=Decimal(1), option="C"))
    found = {
        (d.code, d.location): d.message
        for d in period_diagnostics(project, template("JCM_MN_AM003"))
    }
    where = "monitoring.periods.0.values"
    assert set(found) == {
        ("period.value-bounds", f"{where}.0.value"),
        ("period.option", f"{where}.0.option"),
        ("period.evidence-missing", f"{where}.0.evidence"),
        ("period.value-unplanned", f"{where}.1.key"),
        ("period.value-duplicate", f"{where}.2.key"),
        ("period.calibration", f"{where}.3.instrument"),
    }
    assert "the methodology allows at least 0" in found[("period.value-bounds", f"{where}.0.value")]
    values.pop(3)  # PV-2 now has no value in the period
    assert ("period.value-missing", where) in _codes(project)


def test_a_project_without_periods_is_saved_as_before() -> None:
    project = sample()
    assert "monitoring" not in json.loads(project_json_bytes(project))


def test_periods_survive_save_and_load(tmp_path: Path) -> None:
    loaded_sample = load_project(sample_project_path())
    project, store = loaded_sample.project, loaded_sample.attachments
    project.monitoring.periods.append(
        period(D(2027, 4, 1), D(2028, 3, 31), EG__PV_1="1000.5", EG__PV_2="1500.25")
    )
    record = store.add_bytes(b"meter,kwh\n", "meter.csv", media_type="text/csv")
    project.attachments.append(record)
    project.monitoring.periods[0].values[0].evidence = [record.sha256]
    target = tmp_path / "p.jcmpdd"
    save_project(target, project, store)
    loaded = load_project(target)
    assert loaded.project == project
    assert period_diagnostics(loaded.project) == []
