"""The registered sample: rebuilt from its sources, its periods' figures derived by hand, and
its meter readings summing to the monitored values."""

from __future__ import annotations

import csv
import datetime as dt
import importlib.util
import json
import zipfile
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from types import ModuleType

from jcm_pdd.monitoring import period_actual, period_diagnostics
from jcm_pdd.paths import meter_readings_sample_path, registered_sample_path, resources_dir
from jcm_pdd.storage import load_project
from tests.monitoring.periods_support import registered_sample, template

SAMPLES = resources_dir() / "samples"
HINT = "the registered sample is stale: run python resources/samples/build_registered.py"


def _script() -> ModuleType:
    path = SAMPLES / "build_registered.py"
    spec = importlib.util.spec_from_file_location("build_registered", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _entries(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        entries = {name: archive.read(name) for name in archive.namelist()}
    manifest = json.loads(entries["manifest.json"])
    del manifest["saved_at"], manifest["app_version"]
    entries["manifest.json"] = json.dumps(manifest, sort_keys=True).encode()
    return entries


def _sums(path: Path, first: dt.date, last: dt.date) -> dict[str, Decimal]:
    """kWh per meter between two days, read with the csv module alone."""
    totals: dict[str, Decimal] = {}
    with path.open(newline="", encoding="ascii") as handle:
        for row in csv.DictReader(handle):
            if first <= dt.date.fromisoformat(row["date"]) <= last:
                totals[row["meter"]] = totals.get(row["meter"], Decimal(0)) + Decimal(row["kwh"])
    return totals


def test_the_shipped_file_and_readings_equal_a_rebuild(tmp_path: Path) -> None:
    script = _script()
    assert script.READINGS.read_bytes() == script.readings_csv(
        dt.date(2027, 4, 1), dt.date(2028, 3, 31)
    ), HINT
    assert meter_readings_sample_path().read_bytes() == script.readings_csv(
        dt.date(2028, 4, 1), dt.date(2028, 6, 30)
    ), HINT
    fresh = _entries(script.build(tmp_path / "fresh.jcmpdd"))
    assert fresh == _entries(registered_sample_path()), HINT


def test_two_periods_one_crossing_a_year_with_no_diagnostic() -> None:
    project = registered_sample()
    assert project.reference_number
    periods = project.monitoring.periods
    assert [(p.start, p.end) for p in periods] == [
        (dt.date(2027, 4, 1), dt.date(2027, 9, 30)),
        (dt.date(2027, 10, 1), dt.date(2028, 3, 31)),
    ]
    assert period_diagnostics(project, template("JCM_MN_AM003")) == []


def test_each_value_is_the_sum_of_its_readings_and_names_the_file_as_evidence() -> None:
    loaded = load_project(registered_sample_path())
    project = loaded.project
    (record,) = [a for a in project.attachments if a.name.endswith(".csv")]
    readings = SAMPLES / record.name
    for period in project.monitoring.periods:
        assert period.start is not None and period.end is not None
        kwh = _sums(readings, period.start, period.end)
        for value in period.values:
            assert value.value == kwh[value.index["i"]] / 1000  # kWh -> MWh
            assert value.evidence == [record.sha256]
            assert value.option == "C" and value.instrument and value.calibration_date
        assert [i.sha256 for i in period.imports] == [record.sha256]
    assert loaded.attachments.read_bytes(record.sha256) == readings.read_bytes()


def test_the_periods_figures_by_hand() -> None:
    """JCM_MN_AM003: ER_p = RE_p = EG_PV-1,p x 0.797 (national grid) + EG_PV-2,p x 0.533
    (captive), PE_p = 0.
    Period 1: 570.991 x 0.797 + 856.484 x 0.533 = 455.079827 + 456.505972 = 911.585799 -> 911.
    Period 2: 311.279 x 0.797 + 466.911 x 0.533 = 248.089363 + 248.863563 = 496.952926 -> 496.
    """
    project = registered_sample()
    mn = template("JCM_MN_AM003")
    first, second = (period_actual(project, mn, n) for n in (0, 1))
    assert first.result.er == Fraction("911.585799") and first.credited == 911
    assert second.result.er == Fraction("496.952926") and second.credited == 496
    assert [(s.year, s.days) for s in second.years] == [(2027, 92), (2028, 91)]


def test_the_next_quarters_readings_cover_it_completely() -> None:
    kwh = _sums(meter_readings_sample_path(), dt.date(2028, 4, 1), dt.date(2028, 6, 30))
    assert set(kwh) == {"PV-1", "PV-2"}
    with meter_readings_sample_path().open(encoding="ascii") as handle:
        assert sum(1 for _ in handle) == 1 + 91 * 2
