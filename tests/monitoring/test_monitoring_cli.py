"""``jcm-pdd monitoring``: add a period, import meter readings, calculate (end to end)."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from jcm_pdd import cli
from jcm_pdd.paths import sample_project_path
from jcm_pdd.storage import load_project


def _readings(path: Path) -> Path:
    """1 April 2027 - 31 March 2028 (366 days), daily: PV-1 2.5 MWh, PV-2 4 MWh (in kWh)."""
    import datetime as dt

    lines = ["date,meter,energy"]
    day = dt.date(2027, 4, 1)
    while day <= dt.date(2028, 3, 31):
        lines += [f"{day},PV-1,2500", f"{day},PV-2,4000"]
        day += dt.timedelta(days=1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_add_import_calc(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "pv.jcmpdd"
    shutil.copy(sample_project_path(), project)
    data = _readings(tmp_path / "meters.csv")
    assert (
        cli.main(
            [
                "monitoring",
                "add-period",
                str(project),
                "--start",
                "2027-04-01",
                "--end",
                "2028-03-31",
            ]
        )
        == 0
    )
    args = [
        "monitoring",
        "import",
        str(project),
        str(data),
        "--parameter",
        "EG",
        "--unit",
        "kWh",
        "--time-column",
        "date",
        "--value-column",
        "energy",
        "--meter-column",
        "meter",
    ]
    assert cli.main([*args, "--dry-run"]) == 0
    assert load_project(project).project.monitoring.periods[0].values == []
    assert cli.main(args) == 0
    out = capsys.readouterr().out
    sha = hashlib.sha256(data.read_bytes()).hexdigest()
    assert f"SHA-256 {sha}" in out
    assert "period 1: EG [i = PV-1] = 915 MWh/p from 366 of 366 readings" in out
    loaded = load_project(project)
    period = loaded.project.monitoring.periods[0]
    assert [str(v.value) for v in period.values] == ["915", "1464"]
    assert sha in loaded.attachments.digests() and period.values[0].evidence == [sha]
    assert period.imports[0].sha256 == sha
    assert cli.main(["monitoring", "calc", str(project), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    # RE = 915 x 0.797 + 1464 x 0.533 = 729.255 + 780.312 = 1509.567 -> credited 1509
    (first,) = result["periods"]
    assert first["emission_reductions"]["exact"] == "1509567/1000"
    assert first["credited"] == 1509 and result["credited_total"] == 1509
    assert [(y["year"], y["days"]) for y in first["years"]] == [(2027, 275), (2028, 91)]
    # option C values without an instrument are reported; nothing else
    assert {d["code"] for d in result["diagnostics"]} == {"period.calibration"}
    assert cli.main(["monitoring", "calc", str(project)]) == 0
    table = capsys.readouterr().out
    assert "1509.567" in table and "Credited" in table


def test_a_bad_file_is_one_line_and_leaves_the_project_unchanged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "pv.jcmpdd"
    shutil.copy(sample_project_path(), project)
    assert (
        cli.main(
            [
                "monitoring",
                "add-period",
                str(project),
                "--start",
                "2027-04-01",
                "--end",
                "2027-04-30",
            ]
        )
        == 0
    )
    before = project.read_bytes()
    data = tmp_path / "bad.csv"
    data.write_text("date,meter,energy\n2027-04-01,PV-1,12x\n", encoding="utf-8")
    code = cli.main(
        [
            "monitoring",
            "import",
            str(project),
            str(data),
            "--parameter",
            "EG",
            "--unit",
            "kWh",
            "--time-column",
            "date",
            "--value-column",
            "energy",
            "--meter-column",
            "meter",
        ]
    )
    assert code == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "row 2: “12x” is not a number" in err
    assert project.read_bytes() == before
    assert (
        cli.main(
            [
                "monitoring",
                "add-period",
                str(project),
                "--start",
                "2027-05-02",
                "--end",
                "2027-05-01",
            ]
        )
        == 1
    )
    assert "ends (2027-05-01) before it starts" in capsys.readouterr().err
