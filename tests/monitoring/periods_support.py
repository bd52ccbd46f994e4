"""Projects with monitoring periods for the tests of jcm_pdd.monitoring (and of the editor's
session over them, ``periods_session``)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import cache

from jcm_pdd.methodology import Registry, Template, load_registry, new_project_from_template
from jcm_pdd.model import MonitoredValue, MonitoringPeriod, Project
from jcm_pdd.paths import registered_sample_path, sample_project_path
from jcm_pdd.session import DocumentSession
from jcm_pdd.storage import load_project


@cache
def registry() -> Registry:
    return load_registry()


def template(template_id: str) -> Template:
    return registry().get(template_id)


def sample() -> Project:
    """The shipped MN_AM003 sample (PV-1 on the national grid, PV-2 with a captive generator)."""
    return load_project(sample_project_path()).project


def registered_sample() -> Project:
    """The registered sample: the MN_AM003 sample with periods 01/04/2027 - 30/09/2027 and
    01/10/2027 - 31/03/2028 (crossing a year), EG of PV-1 and PV-2 imported from daily readings
    (``jcm_pdd.paths.meter_readings_sample_path`` has the next quarter's readings)."""
    return load_project(registered_sample_path()).project


def period(start: dt.date, end: dt.date, **values: str) -> MonitoringPeriod:
    """A period with values given as ``EG__PV_1="1000.5"`` (key__member, "_" for "-") or
    ``EC_PJ="500"`` for a parameter without index."""
    rows = []
    for name, value in values.items():
        key, _, member = name.partition("__")
        index = {"i": member.replace("_", "-")} if member else {}
        rows.append(
            MonitoredValue(
                key=key,
                index=index,
                value=Decimal(value),
                option="C",
                instrument="meter",
                calibration_date=start,
            )
        )
    return MonitoringPeriod(start=start, end=end, values=rows)


def project_for(template_id: str, fixed: dict[str, str], choice: str = "") -> Project:
    """A new project of a template with its Table 2 values and the default selections' case."""
    project = new_project_from_template(template(template_id))
    for row in project.monitoring_plan.fixed_ex_ante:
        row.value = Decimal(fixed[row.key])
    for selection in project.monitoring_plan.default_selections:
        selection.choice = choice
    for row in project.monitoring_plan.monitored:
        row.estimated_value = Decimal(1)
    project.pdd.duration.start_date = dt.date(2027, 1, 1)
    project.pdd.duration.operational_lifetime_years = 10
    return project


def periods_session(*more: MonitoringPeriod) -> DocumentSession:
    """An editor's session on the sample with two periods: 01/04/2027 - 31/12/2027 (EG of PV-1
    100, of PV-2 200) and the year 2028 (PV-1 100, PV-2's value missing), then ``more``."""
    project = sample()
    project.monitoring.periods += [
        period(dt.date(2027, 4, 1), dt.date(2027, 12, 31), EG__PV_1="100", EG__PV_2="200"),
        period(dt.date(2028, 1, 1), dt.date(2028, 12, 31), EG__PV_1="100"),
        *more,
    ]
    return DocumentSession(project)
