"""The size limits fit a large monitoring project and still bound hostile input (issues 11, 17).

300 units monitored monthly for 10 years with three parameters each are 108,000 monitored
values, about 1.3 million JSON values: more than the 1,000,000 the whole project was allowed
before periods existed. Such a project saves and opens again; a file that claims more than the
monitoring budgets, or more than the document's own budget outside the periods, is refused
quickly with the reason in words.
"""

from __future__ import annotations

import datetime as dt
import json
import time
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from jcm_pdd.model import MonitoredValue, MonitoringPeriod
from jcm_pdd.storage import ProjectFileError, load_project, save_project
from jcm_pdd.storage.plausible import (
    MAX_MONITORED_VALUES,
    MAX_MONITORING_VALUES,
    MAX_VALUES,
    size_problem,
)
from tests.monitoring.periods_support import sample

UNITS, MONTHS, PARAMETERS = 300, 120, 3


def _json_values(data: Any) -> int:
    count, stack = 0, [data]
    while stack:
        value = stack.pop()
        count += 1
        if isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return count


def _monthly_periods() -> list[MonitoringPeriod]:
    periods = []
    for month in range(MONTHS):
        start = dt.date(2027 + month // 12, month % 12 + 1, 1)
        end = (start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        values = [
            MonitoredValue(
                key=f"P{k}",
                index={"i": f"U-{n}"},
                value=Decimal(f"{n}.{month:03d}"),
                option="C",
                instrument=f"meter U-{n}",
                calibration_date=dt.date(2026, 12, 1),
            )
            for n in range(1, UNITS + 1)
            for k in range(PARAMETERS)
        ]
        periods.append(MonitoringPeriod(start=start, end=end, values=values))
    return periods


def test_a_300_unit_120_period_project_saves_and_opens(tmp_path: Path) -> None:
    project = sample()
    project.monitoring.periods = _monthly_periods()
    data = project.model_dump(mode="json")
    assert _json_values(data) > MAX_VALUES  # the old whole-project limit would refuse it
    assert size_problem(data) is None
    path = tmp_path / "large.jcmpdd"
    from jcm_pdd.paths import sample_project_path

    save_project(path, project, load_project(sample_project_path()).attachments)
    loaded = load_project(path).project
    assert len(loaded.monitoring.periods) == MONTHS
    assert sum(len(p.values) for p in loaded.monitoring.periods) == UNITS * MONTHS * PARAMETERS
    assert loaded.monitoring.periods[57].values[123].value == Decimal("42.057")


def _timed(data: Any) -> tuple[str | None, float]:
    start = time.perf_counter()
    problem = size_problem(data)
    return problem, time.perf_counter() - start


def test_more_monitored_values_than_the_budget_are_refused_at_once() -> None:
    empty: dict[str, Any] = {}
    values = [empty] * 10_000  # "{}" is three bytes: each would become a model object
    periods = [{"values": values}] * (MAX_MONITORED_VALUES // 10_000 + 1)
    problem, took = _timed({"monitoring": {"periods": periods}})
    assert problem is not None and "200,000 monitored values" in problem
    assert took < 0.5  # counted before the walk


def test_more_json_values_in_the_periods_than_their_budget_are_refused() -> None:
    evidence = ["0" * 64] * 20_000
    value = {"key": "EG", "evidence": evidence}
    periods = [{"values": [value] * 10}] * (MAX_MONITORING_VALUES // 200_000 + 1)
    problem, took = _timed({"monitoring": {"periods": periods}})
    assert problem is not None and "monitoring periods hold more than 4,000,000 values" in problem
    assert took < 10


def test_the_document_outside_the_periods_keeps_its_own_budget() -> None:
    rows = [[0] * 20_000] * (MAX_VALUES // 20_000 + 1)
    problem, _ = _timed({"pdd": {"rows": rows}, "monitoring": {"periods": []}})
    assert problem is not None and "more than 1,000,000 values" in problem
    # the same rows inside the periods are within the periods' larger budget
    assert size_problem({"monitoring": {"rows": rows}}) is None


def test_a_list_longer_than_the_row_limit_is_named_by_its_place() -> None:
    problem = size_problem({"monitoring": {"periods": [{"values": [{}] * 20_001}]}})
    assert problem == "“monitoring.periods[0].values” has 20,001 rows (at most 20,000 are allowed)"


def test_a_hostile_file_is_refused_by_the_loader(tmp_path: Path) -> None:
    path = tmp_path / "p.jcmpdd"
    from jcm_pdd.paths import sample_project_path

    save_project(path, sample(), load_project(sample_project_path()).attachments)
    with zipfile.ZipFile(path) as source:
        entries = [(info, source.read(info)) for info in source.infolist()]
    forged = tmp_path / "forged.jcmpdd"
    with zipfile.ZipFile(forged, "w", zipfile.ZIP_DEFLATED) as out:
        for info, data in entries:
            if info.filename == "project.json":
                project = json.loads(data)
                project["monitoring"] = {"periods": [{"values": [{}] * 20_000}] * 11}
                data = json.dumps(project).encode()
            out.writestr(info, data)
    with pytest.raises(ProjectFileError, match="200,000 monitored values"):
        load_project(forged)
