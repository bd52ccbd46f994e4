"""After registration: the monitoring periods and what was monitored in each (MRS(input) Table 1).

A period holds, per monitored parameter of Monitoring Plan Table 1 and per unit (the plan row's
``key`` and ``index``), the monitored value with the monitoring option, the measuring
instrument, its calibration date and the evidence files (attachment hashes). Files imported into
a period are listed with their SHA-256 so the verifier can match them with the attachments.
The whole record is optional: a project without periods is saved exactly as before (the
``monitoring`` key is left out of ``project.json``). Rules on it (gaps, overlaps, values outside
what the plan allows) are diagnostics in ``jcm_pdd.monitoring``, not validation errors, so a
half-entered period can always be saved.
"""

import datetime as dt
from typing import Annotated

from pydantic import Field, StringConstraints

from jcm_pdd.model.attachments import _SHA256
from jcm_pdd.model.base import DocModel, Number, RowModel, empty_list
from jcm_pdd.model.monitoring import MonitoringOption

# an attachment named by its content hash (``attachments/<sha256>`` in the container)
Sha256 = Annotated[str, StringConstraints(pattern=_SHA256.pattern)]


class MonitoredValue(RowModel):
    """MRS(input) Table 1 row of one period: a Table 1 parameter of one unit, as monitored."""

    key: str = ""  # template parameter key, as in monitoring_plan.monitored
    index: dict[str, str] = Field(default_factory=dict)  # the unit, e.g. {"i": "PV-1"}
    value: Number | None = None  # (e) Monitored Values, in the plan row's unit
    option: MonitoringOption | None = None  # (g) A public data, B invoices, C own measurement
    instrument: str = ""  # measuring equipment (meter id, model)
    calibration_date: dt.date | None = None  # last calibration before or in the period
    evidence: list[Sha256] = Field(default_factory=empty_list)  # attachments
    comments: str = ""


class ImportedSeries(DocModel):
    """What an import found for one meter in the period: the facts the interface words in the
    user's language (``ImportRecord.summary`` holds the same in English)."""

    key: str = ""  # template parameter key
    index: dict[str, str] = Field(default_factory=dict)  # the unit, e.g. {"i": "PV-1"}
    # in the plan row's unit (ImportRecord.plan_unit); None when this meter's share alone is
    # not an exact decimal (only the value's sum over meters must be)
    total: Number | None = None
    readings: int = Field(default=0, ge=0)
    expected: int = Field(default=0, ge=0)  # intervals (or days) of the period
    first_missing: str = ""  # the first interval without a reading; "" when complete
    duplicates: int = Field(default=0, ge=0)  # second readings ignored


class ImportRecord(RowModel):
    """A file of monitored data read into a period: the evidence of where the values came from."""

    file_name: str = ""
    sha256: Sha256  # the file's bytes: also an attachment of the project when it was kept
    rows: int = Field(default=0, ge=0)  # data rows read
    imported_on: dt.date | None = None
    # in English, e.g. "EG [i = PV-1] = 570.991 MWh/p from 183 of 183 readings"; a file saved
    # before ``series`` existed has only this
    summary: str = ""
    unit: str = ""  # the readings' unit in the file (kWh), converted exactly to plan_unit
    plan_unit: str = ""  # the Monitoring Plan row's unit (MWh/p)
    series: list[ImportedSeries] = Field(default_factory=empty_list)  # per meter, in file order


class MonitoringPeriod(RowModel):
    """One monitoring period (arbitrary length; e.g. 25/01/2017 - 31/08/2018)."""

    start: dt.date | None = None  # first day, included
    end: dt.date | None = None  # last day, included
    # why the period does not begin the day after the previous one ends (a gap or an overlap
    # the user explains is not a diagnostic)
    gap_reason: str = ""
    values: list[MonitoredValue] = Field(default_factory=empty_list)
    imports: list[ImportRecord] = Field(default_factory=empty_list)
    comments: str = ""


class MonitoringRecord(DocModel):
    """Every monitoring period of the project, in order."""

    periods: list[MonitoringPeriod] = Field(default_factory=empty_list)

    @property
    def empty(self) -> bool:
        return not self.periods
