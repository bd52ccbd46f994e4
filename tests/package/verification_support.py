"""The sample project with two monitoring periods and their evidence files, saved: the input of
the verification package tests (package and GUI).

Sample (JCM_MN_AM003): PV-1 on the national grid (EF 0.797), PV-2 captive (EF 0.533).
Period 1, 01/04/2027 - 31/03/2028: EG 1000.5 and 1500.25 MWh -> RE 1597.03175, credited 1597.
Period 2, 01/04/2028 - 30/06/2028: EG 800 and 1200 MWh -> RE 637.6 + 639.6 = 1277.2, credited 1277.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from jcm_pdd.model import MonitoredValue, MonitoringPeriod
from jcm_pdd.paths import sample_project_path
from jcm_pdd.storage import load_project, save_project

D = dt.date
METER_1 = b"time,meter,kwh\n2027-04-01T00:00,PV-1,12.5\n"
METER_2 = b"time,meter,kwh\n2028-04-01T00:00,PV-1,10.0\n"


def _value(unit: str, value: str, evidence: str) -> MonitoredValue:
    return MonitoredValue(
        key="EG",
        index={"i": unit},
        value=Decimal(value),
        option="C",
        instrument=f"meter {unit}",
        calibration_date=D(2027, 3, 1),
        evidence=[evidence],
    )


def monitored_sample(folder: Path, *, second_value: str | None = "1200") -> Path:
    """The sample with two periods (period 2's PV-2 value left out when ``None``)."""
    loaded = load_project(sample_project_path())
    project, store = loaded.project, loaded.attachments
    first = store.add_bytes(METER_1, "meters-2027.csv")
    second = store.add_bytes(METER_2, "meters-2028.csv")
    project.attachments += [first, second]
    values = [_value("PV-1", "800", second.sha256)]
    if second_value is not None:
        values.append(_value("PV-2", second_value, second.sha256))
    project.monitoring.periods = [
        MonitoringPeriod(
            start=D(2027, 4, 1),
            end=D(2028, 3, 31),
            values=[
                _value("PV-1", "1000.5", first.sha256),
                _value("PV-2", "1500.25", first.sha256),
            ],
        ),
        MonitoringPeriod(start=D(2028, 4, 1), end=D(2028, 6, 30), values=values),
    ]
    path = folder / "monitored.jcmpdd"
    save_project(path, project, store)
    return path
