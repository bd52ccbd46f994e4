"""Build the registered sample project (the bundled sample after registration, headless).

The sample ``mongolia-solar-pv.project.json`` as a registered project (reference number set)
with two monitoring periods, the second crossing a calendar year:

    period 1: 01/04/2027 - 30/09/2027 (183 days)
    period 2: 01/10/2027 - 31/03/2028 (183 days: 92 in 2027, 91 in 2028)

Their monitored values (EG of PV-1 and PV-2, MWh) come from importing the daily meter readings
``mongolia-solar-pv-readings-2027-04-to-2028-03.csv`` (kWh) with the app's importer, so each
value carries that file as its evidence and each period its import record, as a user's import
would leave them; the meter and its calibration date are then filled in as a user would.

``meter-readings-sample.csv`` holds the daily readings of the next quarter (01/04/2028 -
30/06/2028) for trying the import: add that period, then import the file (parameter EG, unit
kWh, meter column ``meter``, time column ``date``, value column ``kwh``).

Both CSV files are generated here from a fixed seasonal profile (no randomness), so a rebuild
gives the same bytes.

    python resources/samples/build_registered.py            # rebuild the CSVs and the .jcmpdd
    python resources/samples/build_registered.py --check    # exit 1 if anything is stale
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import math
import sys
import tempfile
from pathlib import Path
from types import ModuleType

from jcm_pdd.errors import UserError
from jcm_pdd.methodology import load_registry
from jcm_pdd.methodology.estimate import resolve_template
from jcm_pdd.model import MonitoringPeriod, Project
from jcm_pdd.monitoring.apply import apply_import
from jcm_pdd.monitoring.importer import ImportSpec, import_file
from jcm_pdd.storage import save_project

HERE = Path(__file__).resolve().parent
TARGET = HERE / "mongolia-solar-pv-registered.jcmpdd"
READINGS = HERE / "mongolia-solar-pv-readings-2027-04-to-2028-03.csv"
NEXT_READINGS = HERE / "meter-readings-sample.csv"
REFERENCE_NUMBER = "MN099"  # a made-up number: the sample project is fictional
PERIODS = (
    (dt.date(2027, 4, 1), dt.date(2027, 9, 30)),
    (dt.date(2027, 10, 1), dt.date(2028, 3, 31)),
)
NEXT_PERIOD = (dt.date(2028, 4, 1), dt.date(2028, 6, 30))
IMPORTED_ON = dt.date(2028, 4, 12)
# PV-1 800 kWp, PV-2 1,200 kWp: the specific yield of a clear Mongolian day, kWh per kWp
CAPACITY_KWP = {"PV-1": 800, "PV-2": 1200}
METERS = {
    "PV-1": ("Revenue meter PV-1, class 0.5S, serial TN-0412", dt.date(2027, 3, 15)),
    "PV-2": ("Revenue meter PV-2, class 0.5S, serial DS-1187", dt.date(2027, 3, 18)),
}
SPEC = ImportSpec("EG", "kWh", time_column="date", value_column="kwh", meter_column="meter")


def _base_sample() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_sample", HERE / "build_sample.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def daily_kwh(meter: str, day: dt.date) -> int:
    """A whole-kWh daily yield: seasonal (peak late June), a weekly cloud pattern, no noise."""
    season = 3.4 + 1.6 * math.cos(2 * math.pi * (day.timetuple().tm_yday - 172) / 365)
    clouds = (0.78, 1.0, 0.93, 0.64, 1.0, 0.88, 0.97)[day.toordinal() % 7]
    return round(CAPACITY_KWP[meter] * season * clouds)


def readings_csv(first: dt.date, last: dt.date) -> bytes:
    lines = ["date,meter,kwh"]
    day = first
    while day <= last:
        lines.extend(f"{day.isoformat()},{meter},{daily_kwh(meter, day)}" for meter in CAPACITY_KWP)
        day += dt.timedelta(days=1)
    return ("\n".join(lines) + "\n").encode("ascii")


def registered_project(base: Project, readings: Path, store: object) -> Project:
    """``base`` with the reference number, the two periods and the imported readings."""
    from jcm_pdd.storage import AttachmentStore

    assert isinstance(store, AttachmentStore)
    project = base.model_copy(deep=True)
    project.reference_number = REFERENCE_NUMBER
    project.monitoring.periods = [MonitoringPeriod(start=s, end=e) for s, e in PERIODS]
    template = resolve_template(project, load_registry())
    result = import_file(readings, project, template, SPEC)
    record = store.add_file(readings, caption="Daily meter readings of PV-1 and PV-2 (kWh)")
    apply_import(project, result, today=IMPORTED_ON)
    project.attachments.append(record)
    for number, period in enumerate(project.monitoring.periods, start=1):
        # fixed row identities (new rows get random ones), so a rebuild gives the same bytes
        period.row_id = f"period{number}"
        for row, record in enumerate(period.imports, start=1):
            record.row_id = f"p{number}import{row}"
        for value in period.values:
            value.instrument, value.calibration_date = METERS[value.index["i"]]
            value.row_id = f"p{number}{value.key}{value.index['i']}".lower().replace("-", "")
    return project


def build(target: Path = TARGET, readings: Path = READINGS) -> Path:
    base = _base_sample()
    project = base.load_source()
    store = base.attachment_store(project, HERE)
    project = registered_project(project, readings, store)
    save_project(
        target, project, store, summary=base.summary(project), template_hash=_hash(project)
    )
    return target


def _hash(project: Project) -> str:
    return resolve_template(project, load_registry()).sha256


def write_readings() -> None:
    READINGS.write_bytes(readings_csv(PERIODS[0][0], PERIODS[-1][1]))
    NEXT_READINGS.write_bytes(readings_csv(*NEXT_PERIOD))


def is_current() -> bool:
    if READINGS.read_bytes() != readings_csv(PERIODS[0][0], PERIODS[-1][1]):
        return False
    if NEXT_READINGS.read_bytes() != readings_csv(*NEXT_PERIOD):
        return False
    with tempfile.TemporaryDirectory() as folder:
        fresh = build(Path(folder) / TARGET.name)
        contents = _base_sample().contents
        return TARGET.exists() and contents(fresh) == contents(TARGET)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="exit 1 if anything is stale")
    args = parser.parse_args(argv)
    try:
        if args.check:
            current = is_current()
            print(f"{TARGET.name} is {'up to date' if current else 'STALE: rebuild it'}")
            return 0 if current else 1
        write_readings()
        print(f"wrote {build()}")
    except UserError as exc:
        print(f"build_registered: {exc.message}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
