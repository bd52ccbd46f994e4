"""The Monitoring Report exports: the MRS workbook recalculates in LibreOffice to the engine's
figures per period (three templates, one period edited in the workbook first), the Monitoring
Report carries the same figures, the public copy withholds what a confidential value gives away,
and a final export is refused while a period is incomplete."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from docx import Document as read_docx
from openpyxl import load_workbook

from jcm_pdd import cli
from jcm_pdd.errors import UserError
from jcm_pdd.export import export_monitoring
from jcm_pdd.export.build_mrs import mrs_workbook
from jcm_pdd.export.monitoring_source import monitoring_calc
from jcm_pdd.export.mrs_labels import mrs_labels
from jcm_pdd.model import Project
from jcm_pdd.model.marks import stable_path
from jcm_pdd.monitoring import period_actual
from jcm_pdd.paths import registered_sample_path
from jcm_pdd.storage import load_project, save_project
from tests.monitoring.periods_support import (
    period,
    project_for,
    registered_sample,
    registry,
    template,
)

LABELS = mrs_labels("MN")  # the MRS form definition's labels (forms/_base/MRS.toml)
MRS_INPUT, MRS_CALC, TABLE1 = LABELS.input_sheet, LABELS.calc_sheet, LABELS.table1

D = dt.date


def _id_am002() -> Project:
    fixed = {"COP_PJ": "6", "T_cool_out": "32", "T_chill_out": "12", "COP_RE": "4"}
    project = project_for("JCM_ID_AM002", fixed, choice="jamali_case1")
    project.monitoring.periods += [
        period(D(2027, 7, 1), D(2027, 12, 31), EC_PJ__CH_1="480.5"),
        period(D(2028, 1, 1), D(2028, 6, 30), EC_PJ__CH_1="500"),
    ]
    return project


def _vn_am002() -> Project:
    project = project_for("JCM_VN_AM002", {"NLL_RE": "30", "NLL_PJ": "12", "EF_grid": "0.8"})
    project.monitoring.periods += [
        period(D(2027, 1, 1), D(2027, 9, 30), T__TR_1="6552"),
        period(D(2027, 10, 1), D(2028, 1, 31), T__TR_1="2000"),
    ]
    return project


CASES = {
    "JCM_MN_AM003": registered_sample,
    "JCM_ID_AM002": _id_am002,
    "JCM_VN_AM002": _vn_am002,
}


def _sheet_rows(ws: Any) -> dict[str, tuple[Any, ...]]:
    """Calc-sheet rows by parameter symbol (rows without an index)."""
    return {
        row[0]: row
        for row in ws.iter_rows(min_row=6, values_only=True)
        if row[0] and row[1] in (None, "")
    }


def _value_cells(ws: Any) -> list[Any]:
    """The (e) Monitored Values cells of MRS(input) Table 1, top to bottom."""
    header = next(r for r in ws.iter_rows() if r[0].value == TABLE1[0])
    cells = []
    for row in ws.iter_rows(min_row=header[0].row + 1):
        if not row[0].value:
            break
        cells.append(row[4])
    return cells


@pytest.mark.parametrize("template_id", sorted(CASES))
def test_libreoffice_recalculates_each_period_to_the_engine(
    template_id: str, tmp_path: Path, soffice_convert: Callable[[Path, str, Path], Path]
) -> None:
    project = CASES[template_id]()
    source = tmp_path / "mrs.xlsx"
    workbook = load_workbook(
        io.BytesIO(mrs_workbook(monitoring_calc(project), public=False, draft=False))
    )
    # A verifier corrects the last value of the last period in the workbook: LibreOffice must
    # recalculate that period from the edited cell (no cached value can pass).
    edited = project.monitoring.periods[-1].values[-1]
    cell = [c for c in _value_cells(workbook[MRS_INPUT]) if c.value == float(edited.value)][-1]
    assert edited.value is not None
    edited.value = edited.value * 2 + Decimal("0.5")
    cell.value = edited.value
    workbook.save(source)
    recalculated = load_workbook(soffice_convert(source, "xlsx", tmp_path / "lo"), data_only=True)
    rows = _sheet_rows(recalculated[MRS_CALC])
    p = template(template_id).parameters
    credited = []
    for number in range(len(project.monitoring.periods)):
        actual = period_actual(project, template(template_id), number)
        column = 2 + number
        assert rows[p["RE"].symbol][column] == pytest.approx(float(actual.result.re), rel=1e-12)
        assert rows[p["PE"].symbol][column] == pytest.approx(float(actual.result.pe), rel=1e-12)
        assert rows[p["ER"].symbol][column] == pytest.approx(float(actual.result.er), rel=1e-12)
        assert rows[f"{p['ER'].symbol} (credited)"][column] == actual.credited
        credited.append(actual.credited)
    table3 = [
        r for r in recalculated[MRS_INPUT].iter_rows(values_only=True) if r[2] in ("tCO2/p", "tCO2")
    ]
    assert [r[1] for r in table3] == [*credited, sum(credited)]


def test_the_workbook_layout_follows_the_mrs(tmp_path: Path) -> None:
    project = registered_sample()
    book = load_workbook(
        io.BytesIO(mrs_workbook(monitoring_calc(project), public=False, draft=False))
    )
    assert book.sheetnames == [MRS_INPUT, MRS_CALC, "MSS"]
    inp, calc = book[MRS_INPUT], book[MRS_CALC]
    assert inp["A1"].value == "Monitoring Spreadsheet: JCM_MN_AM003_ver02.0"
    assert inp["A2"].value == "Reference Number: MN099"
    assert inp["A3"].value == "Monitoring Report Sheet (Input Sheet) [For Verification]"
    header = next(r for r in inp.iter_rows(values_only=True) if r[0] == TABLE1[0])
    assert header == TABLE1
    rows = [r.value for r in _value_cells(inp)]
    assert rows == [570.991, 856.484, 311.279, 466.911]
    periods = [r[0] for r in inp.iter_rows(values_only=True) if r[4] in rows]
    assert periods == ["1/Apr/2027-30/Sep/2027"] * 2 + ["1/Oct/2027-31/Mar/2028"] * 2
    comments = [c.offset(column=6).value for c in _value_cells(inp)]
    assert "serial TN-0412" in comments[0] and "Calibrated: 15/03/2027" in comments[0]
    assert "mongolia-solar-pv-readings-2027-04-to-2028-03.csv" in comments[0]
    assert all(
        c.fill.fgColor.rgb == "00FFFF99" and not c.protection.locked for c in _value_cells(inp)
    )
    er = _sheet_rows(calc)["ER_p (credited)"]
    assert er[2] == "=ROUNDDOWN(C8,0)" and er[3] == "=ROUNDDOWN(D8,0)"
    # RE_p = sum_i EG_i,p x EF_RE,i: each period column reads its own Table 1 rows (8-9, 10-11)
    # and the shared default values (rows 18-19)
    re_p = _sheet_rows(calc)["RE_p"]
    assert re_p[2] == "=SUMPRODUCT('MRS(input)'!$E$8:$E$9,'MRS(input)'!$C$18:$C$19)"
    assert re_p[3] == "=SUMPRODUCT('MRS(input)'!$E$10:$E$11,'MRS(input)'!$C$18:$C$19)"
    assert inp["C18"].value == 0.797 and inp["C19"].value == 0.533
    assert inp.protection.sheet and calc.protection.sheet


def _mark(project: Project, path: str) -> None:
    project.confidential.append(stable_path(project, path))


def _docx_text(path: Path) -> str:
    doc = read_docx(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts.extend(cell.text for row in table.rows for cell in row.cells)
    return "\n".join(parts)


def test_the_public_copy_withholds_a_confidential_period_value_and_its_figures(
    tmp_path: Path,
) -> None:
    project = registered_sample()
    _mark(project, "monitoring.periods.0.values.0.value")
    notes: list[str] = []
    paths = export_monitoring(project, tmp_path, formats=("xlsx", "docx"), notes=notes)
    public = {p.suffix: p for p in paths if p.name.startswith("for_public_use_")}
    full = {p.suffix: p for p in paths if not p.name.startswith("for_public_use_")}
    assert len(public) == len(full) == 2
    assert any("Period 1" in n and "XXX" in n for n in notes)
    book = load_workbook(public[".xlsx"])
    values = [c.value for c in _value_cells(book[MRS_INPUT])]
    assert values[:2] == ["XXX", "XXX"]  # EG of period 1: PV-2 would give PV-1 back from ER
    assert values[2:] == [311.279, 466.911]
    er = _sheet_rows(book[MRS_CALC])["ER_p (credited)"]
    assert er[2] == "XXX" and er[3] == "=ROUNDDOWN(D8,0)"
    text = _docx_text(public[".docx"])
    assert "570.991" not in text and "911.585799" not in text and "1,407" not in text
    assert "311.279" in text and "496.952926" in text
    full_text = _docx_text(full[".docx"])
    assert "570.991" in full_text and "911.585799" in full_text and "1,407 tCO2e" in full_text
    full_book = load_workbook(full[".xlsx"])
    assert [c.value for c in _value_cells(full_book[MRS_INPUT])][0] == 570.991


def test_the_report_carries_the_periods_figures_in_word_and_pdf(
    tmp_path: Path, pdf_text: Callable[[Path], str]
) -> None:
    paths = export_monitoring(registered_sample_path(), tmp_path, copies=("confidential",))
    assert [p.name for p in paths] == [
        "Monitoring_Report_Sheet_JCM_MN_AM003_ver02.0_MN099_P1-2.xlsx",
        "Monitoring_Report_MN099_P1-2.docx",
        "Monitoring_Report_MN099_P1-2.pdf",
    ]
    for text in (_docx_text(paths[1]), pdf_text(paths[2])):
        for expected in (
            "Monitoring Report",
            "MN099",
            "01/04/2027 - 30/09/2027",
            "01/10/2027 - 31/03/2028",
            "911.585799",
            "496.952926",
            "1,407",
            "TN-0412",  # the meter (its whole name wraps in the PDF's narrow column)
            "8be9fa4b324b",
            "Ex-post calculation of CO2 emission reductions",
            "Tengerleg Nar LLC",
        ):
            assert expected in text, expected
    # actual beside the estimate: 2027 gets 911.585799 + 496.952926 x 92/183 = 1161.42 -> 1161
    # beside C.3's 1327 (275 days, all monitored); 2028 gets 496.952926 x 91/183 = 247.1 -> 247
    # beside C.3's 1762 x 91/366 = 438.08 -> 438 for the same days
    docx = read_docx(str(paths[1]))
    comparison = next(t for t in docx.tables if t.rows[0].cells[0].text == "Year")
    rows = [[c.text for c in row.cells] for row in comparison.rows[1:]]
    assert rows == [
        ["2027", "1,327", "1,327", "1,161", "275"],
        ["2028", "1,762", "438", "247", "91"],
        ["Monitored", "", "1,765", "1,408", "366"],
    ]


def test_a_final_export_is_refused_while_a_period_is_incomplete(tmp_path: Path) -> None:
    project = registered_sample()
    project.monitoring.periods.append(period(D(2028, 4, 1), D(2028, 6, 30)))
    with pytest.raises(UserError, match=r"final Monitoring Report export is not possible") as exc:
        export_monitoring(project, tmp_path / "final")
    assert "period 3" in exc.value.message and "no monitored value of EG" in exc.value.message
    assert not (tmp_path / "final").exists()
    paths = export_monitoring(project, tmp_path / "draft", draft=True, copies=("confidential",))
    assert all(p.name.endswith(("_DRAFT.xlsx", "_DRAFT.docx", "_DRAFT.pdf")) for p in paths)
    assert "[to be completed]" in _docx_text(paths[1])
    book = load_workbook(paths[0])
    assert book[MRS_INPUT]["A4"].value == "DRAFT - not for verification"
    # one period alone exports final
    only = export_monitoring(project, tmp_path / "p2", formats=("xlsx",), periods=[1])
    assert [p.name for p in only] == [
        "for_public_use_Monitoring_Report_Sheet_JCM_MN_AM003_ver02.0_MN099_P2.xlsx",
        "Monitoring_Report_Sheet_JCM_MN_AM003_ver02.0_MN099_P2.xlsx",
    ]


def test_a_project_without_periods_says_so() -> None:
    project = project_for("JCM_VN_AM002", {"NLL_RE": "30", "NLL_PJ": "12", "EF_grid": "0.8"})
    with pytest.raises(UserError, match="no monitoring period"):
        monitoring_calc(project)


def test_cli_monitoring_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        cli.main(
            [
                "monitoring",
                "export",
                str(registered_sample_path()),
                "--out",
                str(tmp_path),
                "--public",
                "--format",
                "xlsx,docx",
            ]
        )
        == 0
    )
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == [
        "for_public_use_Monitoring_Report_MN099_P1-2.docx",
        "for_public_use_Monitoring_Report_Sheet_JCM_MN_AM003_ver02.0_MN099_P1-2.xlsx",
    ]
    assert capsys.readouterr().out.count("for_public_use_") == 2
    broken = tmp_path / "broken.jcmpdd"
    loaded = load_project(registered_sample_path())
    loaded.project.monitoring.periods[1].values.pop()
    save_project(broken, loaded.project, loaded.attachments)
    assert cli.main(["monitoring", "export", str(broken), "--out", str(tmp_path / "x")]) == 1
    assert "period 2" in capsys.readouterr().err
    assert not (tmp_path / "x").exists()


def test_the_figures_match_the_hand_derivation_for_id_am002() -> None:
    """JCM_ID_AM002 (see tests/monitoring/test_actual.py): ER = (EC_RE - EC_PJ) x 0.619 with
    EC_RE = EC_PJ x 46/11 / 4 = EC_PJ x 23/22, so ER = EC_PJ / 22 x 0.619; period 1
    EC_PJ = 480.5: ER = 297.4295 / 22 = 594859/44000 = 13.519... -> 13; period 2 EC_PJ = 500:
    309.5 / 22 = 14.068... -> 14."""
    calc = monitoring_calc(_id_am002())
    results = [f.actual for f in calc.periods]
    assert results[0] is not None and results[1] is not None
    assert results[0].result.er == Fraction(594859, 44000)
    assert [r.credited for r in results if r] == [13, 14]


def _notes(paths: list[Path], pdf_text: Callable[[Path], str]) -> list[str]:
    import zipfile

    from jcm_pdd.methodology.public_text import internal_note

    found = []
    for path in paths:
        if path.suffix == ".pdf":
            texts = {path.name: pdf_text(path)}
        else:
            with zipfile.ZipFile(path) as archive:
                texts = {
                    f"{path.name}:{n}": archive.read(n).decode("utf-8", "replace")
                    for n in archive.namelist()
                    if n.endswith((".xml", ".rels"))
                }
        found += [f"{where}: {note}" for where, t in texts.items() if (note := internal_note(t))]
    return found


TEMPLATE_IDS = sorted(t.identity.full_id for t in registry().all())


@pytest.mark.parametrize("full_id", TEMPLATE_IDS)
def test_each_template_exports_a_monitoring_draft_without_research_notes(
    full_id: str, tmp_path: Path, pdf_text: Callable[[Path], str]
) -> None:
    """A fresh project of every shipped template with one period (every Table 1 row monitored
    as 1): the MRS formulas translate and the documents draw, with no research note in them."""
    from jcm_pdd.methodology import new_project_from_template
    from jcm_pdd.model import MonitoredValue, MonitoringPeriod

    found = next(t for t in registry().all() if t.identity.full_id == full_id)
    project = new_project_from_template(found)
    project.pdd.title = "Project"
    values = [
        MonitoredValue(key=r.key, index=dict(r.index), value=Decimal(1), option=r.option)
        for r in project.monitoring_plan.monitored
    ]
    project.monitoring.periods.append(
        MonitoringPeriod(start=D(2028, 1, 1), end=D(2028, 12, 31), values=values)
    )
    written = export_monitoring(project, tmp_path, draft=True)
    assert len(written) == 6
    assert _notes(written, pdf_text) == []


def test_the_registered_sample_exports_as_final_without_research_notes(
    tmp_path: Path, pdf_text: Callable[[Path], str]
) -> None:
    written = export_monitoring(registered_sample_path(), tmp_path)
    assert len(written) == 6
    assert _notes(written, pdf_text) == []


def test_a_confidential_plan_value_withholds_every_periods_figures(tmp_path: Path) -> None:
    """VN_AM002 with NLL_RE (Table 2) confidential: RE, ER and the credited ER of every period
    are XXX in the public copy (RE / 0.8 / T would give NLL_RE back); PE is not derived from it."""
    project = _vn_am002()
    _mark(project, "monitoring_plan.fixed_ex_ante.0.value")
    assert project.monitoring_plan.fixed_ex_ante[0].key == "NLL_RE"
    (public,) = export_monitoring(project, tmp_path, formats=("xlsx",), copies=("public",))
    book = load_workbook(public)
    rows = _sheet_rows(book[MRS_CALC])
    p = template("JCM_VN_AM002").parameters
    for symbol in (p["RE"].symbol, p["ER"].symbol, f"{p['ER'].symbol} (credited)"):
        assert rows[symbol][2:4] == ("XXX", "XXX"), symbol
    assert str(rows[p["PE"].symbol][2]).startswith("=")
    table3 = [r for r in book[MRS_INPUT].iter_rows(values_only=True) if r[2] in ("tCO2/p", "tCO2")]
    assert [r[1] for r in table3] == ["XXX", "XXX", "XXX"]
    assert "XXX" in [
        r[2] for r in book[MRS_INPUT].iter_rows(values_only=True) if r[0] and "NLL_RE" in str(r[0])
    ]


def test_300_units_keep_every_formula_within_excels_limit_and_recalculate(
    tmp_path: Path, soffice_convert: Callable[[Path, str, Path], Path]
) -> None:
    """MN_AM003 with 300 PV systems: RE_p is one SUMPRODUCT per period (the explicit sum of
    300 products was 13,202 characters; Excel refuses formulas over 8,192)."""
    from jcm_pdd.model import DefaultSelection, IndexMember, MonitoredParameter, MonitoredValue

    project = registered_sample()
    plan = project.monitoring_plan
    units = [f"PV-{n}" for n in range(1, 301)]
    plan.index_members = [IndexMember(set="i", id=u) for u in units]
    plan.monitored = [
        MonitoredParameter(key="EG", index={"i": u}, unit="MWh/p", option="C", estimated_value=1)
        for u in units
    ]
    plan.default_selections = [
        DefaultSelection(
            key="EF_RE", index={"i": u}, choice=("national_grid", "captive_or_off_grid")[n % 2]
        )
        for n, u in enumerate(units)
    ]
    for number, entry in enumerate(project.monitoring.periods):
        entry.values = [
            MonitoredValue(
                key="EG", index={"i": u}, value=Decimal(f"{n}.{number + 1:03d}"), option="C"
            )
            for n, u in enumerate(units, start=1)
        ]
    source = tmp_path / "big.xlsx"
    source.write_bytes(mrs_workbook(monitoring_calc(project), public=False, draft=False))
    formulas = [
        str(c.value)
        for ws in load_workbook(source)
        for row in ws.iter_rows()
        for c in row
        if str(c.value).startswith("=")
    ]
    assert formulas and max(len(f) for f in formulas) < 8192
    rows = _sheet_rows(
        load_workbook(soffice_convert(source, "xlsx", tmp_path / "lo"), data_only=True)[MRS_CALC]
    )
    for number in range(2):
        actual = period_actual(project, template("JCM_MN_AM003"), number)
        assert rows["RE_p"][2 + number] == pytest.approx(float(actual.result.re), rel=1e-12)
        assert rows["ER_p (credited)"][2 + number] == actual.credited


def test_a_confidential_evidence_file_name_stays_out_of_the_public_copy(tmp_path: Path) -> None:
    loaded = load_project(registered_sample_path())
    project = loaded.project
    number = next(n for n, a in enumerate(project.attachments) if a.name.endswith(".csv"))
    _mark(project, f"attachments.{number}.name")
    _mark(project, "monitoring.periods.0.imports.0.file_name")
    _mark(project, "monitoring.periods.1.imports.0.file_name")
    paths = export_monitoring(loaded, tmp_path, formats=("xlsx", "docx"))
    name = project.attachments[number].name
    for path in paths:
        book_or_doc = (
            _docx_text(path)
            if path.suffix == ".docx"
            else "\n".join(
                str(c.value) for ws in load_workbook(path) for row in ws.iter_rows() for c in row
            )
        )
        public = path.name.startswith("for_public_use_")
        assert (name in book_or_doc) is not public, path.name


def test_progress_reports_each_file_and_the_chosen_periods_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seen: list[tuple[int, int, str]] = []
    paths = export_monitoring(
        registered_sample_path(),
        tmp_path / "api",
        formats=("docx",),
        copies=("confidential",),
        periods=[0],
        progress=lambda done, total, message: seen.append((done, total, message)),
    )
    assert [p.name for p in paths] == ["Monitoring_Report_MN099_P1.docx"]
    assert seen[0][0] == 0 and seen[-1][0] == seen[-1][1] == 2
    text = _docx_text(paths[0])
    assert "911.585799" in text and "496.952926" not in text
    args = ["monitoring", "export", str(registered_sample_path()), "--out", str(tmp_path / "cli")]
    assert cli.main([*args, "--period", "2", "--format", "xlsx"]) == 0
    assert sorted(p.name for p in (tmp_path / "cli").iterdir()) == [
        "Monitoring_Report_Sheet_JCM_MN_AM003_ver02.0_MN099_P2.xlsx",
        "for_public_use_Monitoring_Report_Sheet_JCM_MN_AM003_ver02.0_MN099_P2.xlsx",
    ]
    capsys.readouterr()
    assert cli.main([*args, "--period", "5"]) == 1
    assert "There is no monitoring period 5 (the project has 2)" in capsys.readouterr().err


def test_japanese_entries_and_the_draft_mark_reach_every_page_of_the_pdf(
    tmp_path: Path, pdf_text: Callable[[Path], str]
) -> None:
    loaded = load_project(registered_sample_path())
    value = loaded.project.monitoring.periods[1].values[0]
    value.instrument = "電力量計 PV-1"
    loaded.project.monitoring.periods[1].comments = "2月に計器を点検した。"
    (pdf,) = export_monitoring(
        loaded, tmp_path, formats=("pdf",), copies=("confidential",), draft=True
    )
    text = pdf_text(pdf)
    assert "電力量計 PV-1" in text and "2月に計器を点検した。" in text
    pages = [p for p in text.split("\f") if p.strip()]
    assert len(pages) >= 3 and all("DRAFT — Monitoring Report MN099" in p for p in pages)


def test_libreoffice_recalculates_every_shipped_worked_example_as_a_period(
    tmp_path: Path, lo_profile: Path
) -> None:
    """Every worked example of every shipped template with an expected ER, entered as a
    registered project's period: LibreOffice recalculates the MRS to the example's ER (within
    its tolerance) and to the engine's credited ER. One LibreOffice run converts them all."""
    import subprocess

    from export_tools import SOFFICE
    from monitoring_examples import project_of_example

    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed; .ci/run installs it")
    cases = {}
    for found in registry().all():
        for number, example in enumerate(found.examples):
            if "ER" not in example.expected:
                continue  # an example of eligibility or of one intermediate value
            project = project_of_example(found, number)
            actual = period_actual(project, found, 0)
            expected = Fraction(example.expected["ER"])
            assert abs(actual.result.er - expected) <= Fraction(example.tolerance), found
            name = f"{found.identity.full_id}-{number}"
            workbook = mrs_workbook(monitoring_calc(project), public=False, draft=False)
            (tmp_path / f"{name}.xlsx").write_bytes(workbook)
            cases[name] = (found, actual)
    assert len(cases) >= 40
    out = tmp_path / "lo"
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={lo_profile.as_uri()}",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            *sorted(str(p) for p in tmp_path.glob("*.xlsx")),
        ],
        capture_output=True,
        timeout=600,
        check=True,
    )
    wrong = []
    for name, (found, actual) in cases.items():
        rows = _sheet_rows(load_workbook(out / f"{name}.xlsx", data_only=True)[MRS_CALC])
        er_symbol = found.parameters["ER"].symbol
        er, credited = rows[er_symbol][2], rows[f"{er_symbol} (credited)"][2]
        if er != pytest.approx(float(actual.result.er), rel=1e-12, abs=1e-9):
            wrong.append(f"{name}: ER {er} != {float(actual.result.er)}")
        if credited != actual.credited:
            wrong.append(f"{name}: credited {credited} != {actual.credited}")
    assert wrong == []


def test_the_workbook_is_drawn_from_the_mrs_form_definition(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A label corrected in forms/ is what the workbook prints (no copy in the code), and a
    definition that lacks what the workbook lays its cells out for stops the export, named."""
    import shutil

    from jcm_pdd import paths
    from jcm_pdd.forms import registry as forms_registry

    shutil.copytree(paths.forms_dir(), tmp_path / "forms")
    base = tmp_path / "forms" / "_base" / "MRS.toml"
    text = base.read_text(encoding="utf-8")
    base.write_text(
        text.replace('label = "Monitored Values"', 'label = "Values monitored"').replace(
            'total = "Total"', 'total = "Total of the periods"'
        ),
        encoding="utf-8",
    )
    monkeypatch.setattr(forms_registry, "_load_default", forms_registry._load_default.__wrapped__)
    monkeypatch.setattr(forms_registry, "forms_dir", lambda: tmp_path / "forms")
    calc = monitoring_calc(registered_sample())
    book = load_workbook(io.BytesIO(mrs_workbook(calc, public=False, draft=False)))
    inp = book["MRS(input)"]
    header = next(r for r in inp.iter_rows(values_only=True) if r[0] == "(a) Monitoring period")
    assert header[4] == "(e) Values monitored"
    assert any(r[0] == "Total of the periods" for r in inp.iter_rows(values_only=True))
    base.write_text(text.replace('subpath = "frequency"', 'subpath = "how_often"'), "utf-8")
    with pytest.raises(
        UserError,
        match=r"The Monitoring Report Sheet cannot be drawn: its form definition in forms/ does "
        r"not fit it \(MRS T1 has the columns .*'how_often'",
    ):
        mrs_workbook(calc, public=False, draft=False)
