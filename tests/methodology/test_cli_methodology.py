"""The command line: templates list/show/check, calc (TOML input and project file), new."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from methodology_fixtures import MINI

from jcm_pdd.cli import main
from jcm_pdd.paths import templates_dir


@pytest.fixture
def mini() -> str:
    return MINI


CALC_INPUT = """methodology = "JCM_ID_AM003"
start_date = 2016-07-01
end_year = 2017
[inputs]
EC_PJ = [{ i = "R-1", value = "135" }]
COP_PJ = [{ i = "R-1", value = "1.63" }]
COP_RE = "1.32"
"""


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_templates_list_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "templates", "list")
    assert code == 0 and "JCM_MN_AM003_ver02.0" in out
    code, out, _ = run(capsys, "templates", "list", "--json")
    rows = json.loads(out)
    assert {"id": "JCM_MN_AM003", "version": "02.0"}.items() <= next(
        r for r in rows if r["id"] == "JCM_MN_AM003"
    ).items()


def test_templates_show_json_has_provenance(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "templates", "show", "MN_AM003", "--json")
    assert code == 0
    data = json.loads(out)
    ef = next(p for p in data["parameters"] if p["key"] == "EF_RE")
    assert ef["symbol"] == "EF_RE,i" and ef["role"] == "default" and ef["unit"] == "tCO2/MWh"
    assert {c["value"] for c in ef["choices"]} == {"0.797", "0.533"}
    assert all(c["provenance"]["status"] == "verified" for c in ef["choices"])
    eg = next(p for p in data["parameters"] if p["key"] == "EG")
    assert eg["options"] == ["C"] and eg["default_option"] == "C"
    code, out, _ = run(capsys, "templates", "show", "MN_AM003")
    assert code == 0 and "0.797" in out and "[verified]" in out


def test_templates_check_ok_and_failing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, mini: str
) -> None:
    code, out, _ = run(capsys, "templates", "check", str(templates_dir()))
    assert code == 0 and "0 with problems" in out
    bad = tmp_path / "bad.toml"
    bad.write_text(
        mini.replace('expected = { RE = "106.25"', 'expected = { RE = "106.3"'), encoding="utf-8"
    )
    code, out, _ = run(capsys, "templates", "check", str(bad))
    assert code == 1
    assert "bad.toml:" in out and "RE: expected 106.3, got 106.25" in out
    broken = tmp_path / "broken.toml"
    broken.write_text(mini.replace('"RE - PE"', '"RE - __x"'), encoding="utf-8")
    code, out, _ = run(capsys, "templates", "check", str(broken))
    assert code == 1 and "names starting with '_'" in out


def test_calc_toml_per_year(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "calc.toml"
    path.write_text(CALC_INPUT, encoding="utf-8")
    code, out, _ = run(capsys, "calc", str(path))
    assert code == 0
    lines = out.splitlines()
    assert any(line.split()[:2] == ["2016", "184"] for line in lines)
    row_2017 = next(line for line in lines if line.strip().startswith("2017"))
    # year, days, RE, PE, ER as C.3 prints them, then the unrounded ER
    assert row_2017.split()[4:] == ["25", "25.8075"]
    total = next(line for line in lines if line.strip().startswith("Total"))
    assert total.split()[3] == "37"  # 12 (184/366 of 25.8075 = 12.97) + 25
    assert "Totals are the sums of the years shown." in out
    assert "not verified" in out


def test_calc_json_has_trace(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "calc.toml"
    path.write_text(CALC_INPUT, encoding="utf-8")
    code, out, _ = run(capsys, "calc", str(path), "--json")
    data = json.loads(out)
    assert data["period"]["er_rounded"] == 25 and data["period"]["er"]["value"] == "25.8075"
    assert [y["year"] for y in data["years"]] == [2016, 2017]
    assert data["c3"]["total"]["emission_reductions"] == 37 and data["start"] == "2016-07-01"
    assert [r["emission_reductions"] for r in data["c3"]["rows"]] == [12, 25]
    re_step = next(s for s in data["period"]["trace"] if s["key"] == "RE")
    assert re_step["equation"] == "sum(i, EC_RE[i]) * EF_elec"
    ef = next(i for i in re_step["inputs"] if i["key"] == "EF_elec")
    assert (
        ef["origin"] == "default"
        and ef["status"] == "unverified"
        and ef["value"]["value"] == "0.814"
    )


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ('methodology = "JCM_ZZ_AM001"\n', "unknown methodology 'JCM_ZZ_AM001'"),
        (
            'methodology = "JCM_ID_AM003"\n[inputs]\nEC_PJ = [{ i = "R-1", value = "-5" }]\n'
            'COP_PJ = [{ i = "R-1", value = "1.6" }]\n',
            "EC_PJ[i=R-1]) must not be negative",
        ),
        (
            'methodology = "JCM_ID_AM003"\n[inputs]\nEC_PJ = [{ i = "R-1", value = "5" }]\n',
            "COP_PJ,i (COP_PJ[i=R-1]): missing project-specific value",
        ),
        (
            'methodology = "JCM_ID_AM003"\n[inputs]\nEC_PJ = [{ i = "R-1", value = "nan" }]\n',
            "not a finite number",
        ),
        ('methodology = "JCM_ID_AM003"\n[inputs]\nFOO = "1"\n', "unknown parameter 'FOO'"),
        ('methodology = "JCM_ID_AM003"\nstart = 1\n', "unknown field 'start'"),
        ("methodology = \n", "not valid TOML"),
    ],
)
def test_calc_bad_input_one_line_exit_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, body: str, fragment: str
) -> None:
    path = tmp_path / "calc.toml"
    path.write_text(body, encoding="utf-8")
    code, out, err = run(capsys, "calc", str(path))
    assert code == 1 and out == ""
    assert fragment in err and err.count("\n") == 1 and err.startswith("jcm-pdd: error:")


def test_new_then_calc_project(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out_file = tmp_path / "pv.jcmpdd"
    code, out, _ = run(capsys, "new", "--methodology", "MN_AM003", str(out_file))
    assert code == 0 and out_file.exists()
    code, _, err = run(capsys, "new", "--methodology", "MN_AM003", str(out_file))
    assert code == 1 and "already exists" in err
    code, _, err = run(capsys, "calc", str(out_file))
    assert code == 1 and "EG_i,p (EG[i=PV-1]): no estimated value entered" in err

    from decimal import Decimal

    from jcm_pdd.storage import load_project, save_project

    project = load_project(out_file).project
    project.monitoring_plan.monitored[0].estimated_value = Decimal("1000")
    project.monitoring_plan.default_selections[0].choice = "national_grid"
    save_project(out_file, project)
    code, out, _ = run(capsys, "calc", str(out_file))
    assert code == 0 and "ER_p = 797" in out  # no start date: one period


def test_new_country_mismatch(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(
        capsys, "new", "--methodology", "MN_AM003", "--country", "ID", str(tmp_path / "x.jcmpdd")
    )
    assert code == 1 and "methodology of MN, not ID" in err


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ('methodology = "JCM_ID_AM003"\ninputs = 5\n', "inputs must be a table"),
        (
            'methodology = "JCM_ID_AM003"\nmembers = { i = "R-1" }\n',
            "members must be a table of lists",
        ),
        ('methodology = "JCM_ID_AM003"\nmembers = { k = ["x"] }\n', "has no index set k"),
        ('methodology = "JCM_ID_AM003"\nstart_date = "2020"\n', "start_date must be a date"),
        (
            'methodology = "JCM_ID_AM003"\n[inputs]\nEC_PJ = [5]\n',
            "expected a table with i and value",
        ),
        (
            'methodology = "JCM_ID_AM003"\n[inputs]\nEC_PJ = [{ i = "R-1", value = true }]\n'
            'COP_PJ = [{ i = "R-1", value = "1.6" }]\n',
            "true/false",
        ),
        (
            'methodology = "JCM_MN_AM003"\n[inputs]\nEG = [{ i = "PV-1", value = "1" }]\n',
            "EF_RE,i (EF_RE[i=PV-1]): choose one of national_grid, captive_or_off_grid",
        ),
    ],
)
def test_calc_malformed_input_files(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, body: str, fragment: str
) -> None:
    path = tmp_path / "calc.toml"
    path.write_text(body, encoding="utf-8")
    code, _, err = run(capsys, "calc", str(path))
    assert code == 1 and fragment in err and err.count("\n") == 1


def test_templates_check_file_name_and_duplicates(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = (templates_dir() / "JCM_MN_AM003_ver02.0.toml").read_text(encoding="utf-8")
    (tmp_path / "JCM_MN_AM003_ver02.0.toml").write_text(source, encoding="utf-8")
    (tmp_path / "copy.toml").write_text(source, encoding="utf-8")
    (tmp_path / "binary.toml").write_bytes(b"\xff\xfe\x00")
    code, out, _ = run(capsys, "templates", "check", str(tmp_path))
    assert code == 1
    assert "copy.toml:" in out and "file name should be JCM_MN_AM003_ver02.0.toml" in out
    assert "same id and version as" in out
    assert "binary.toml:1: cannot read file: it is not UTF-8 text (byte 1 is not)" in out
    assert "codec" not in out  # Python's words were shown
    assert "3 template(s) checked, 2 with problems" in out


def test_calc_trace_text(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "calc.toml"
    path.write_text(CALC_INPUT, encoding="utf-8")
    code, out, _ = run(capsys, "calc", str(path), "--trace")
    assert code == 0
    assert "EC_RE,i,p[R-1] = EC_PJ[i] * COP_PJ[i] / COP_RE" in out
    assert "= 135 MWh/p * 1.63 / 1.32" in out
    assert "= 25.8075 tCO2/p" in out
