"""The Monitoring Plan workbook: live formulas that LibreOffice recalculates to the engine's RE,
PE and ER for the worked example of every shipped template (parametrised over the registry)."""

from __future__ import annotations

import io
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from jcm_pdd.export.build_workbook import CALC, INPUT, WorkbookSource, workbook_bytes
from jcm_pdd.methodology.engine import calculate
from jcm_pdd.methodology.inputs import Inputs, inputs_from_mapping
from jcm_pdd.methodology.loader import load_file
from jcm_pdd.methodology.schema import Template
from jcm_pdd.paths import templates_dir

# Every shipped template, plus a synthetic one using band/min/max/if/count/all/any/convert
TEMPLATES = sorted(templates_dir().glob("*.toml")) + sorted(
    (Path(__file__).parent / "data").glob("*.toml")
)


def _cases() -> list[Any]:
    cases = []
    for path in TEMPLATES:
        template = load_file(path)
        for n in range(len(template.examples)):
            cases.append(pytest.param(path, n, id=f"{template.identity.full_id}-{n}"))
    return cases


def _example(path: Path, n: int) -> tuple[Template, Inputs]:
    template = load_file(path)
    example = template.examples[n]
    return template, inputs_from_mapping(template, example.inputs, example.members)


def _rows_by_symbol(ws: Any) -> dict[str, Any]:
    """First column symbol -> value column C, for the calc sheet (unindexed rows only)."""
    return {
        row[0]: row[2]
        for row in ws.iter_rows(min_row=6, values_only=True)
        if row[0] and row[1] in (None, "")
    }


def _symbols(template: Template) -> tuple[str, str, str]:
    p = template.parameters
    return p["RE"].symbol, p["PE"].symbol, p["ER"].symbol


@pytest.mark.parametrize(("path", "n"), _cases())
def test_calc_sheet_holds_formulas_and_protects_them(path: Path, n: int) -> None:
    template, inputs = _example(path, n)
    wb = load_workbook(io.BytesIO(workbook_bytes(WorkbookSource(template, inputs))))
    inp, calc = wb[INPUT], wb[CALC]
    assert inp["A1"].value == f"Monitoring Spreadsheet: {template.identity.full_id}"
    assert str(inp["A2"].value).startswith("Reference Number:")
    values = _rows_by_symbol(calc)
    re_sym, pe_sym, er_sym = _symbols(template)
    for symbol in (re_sym, pe_sym, er_sym, f"{er_sym} (credited)"):
        assert str(values[symbol]).startswith("="), symbol
    assert "ROUNDDOWN" in values[f"{er_sym} (credited)"]
    assert inp.protection.sheet and calc.protection.sheet
    yellow = [c for row in inp.iter_rows() for c in row if c.fill.fgColor.rgb == "00FFFF99"]
    assert yellow and all(c.protection.locked is False for c in yellow)
    assert all(c.protection.locked for row in calc.iter_rows() for c in row if c.data_type == "f")


@pytest.mark.parametrize(("path", "n"), _cases())
def test_libreoffice_recalculates_to_the_engine(
    path: Path, n: int, tmp_path: Path, soffice_convert: Callable[[Path, str, Path], Path]
) -> None:
    template, inputs = _example(path, n)
    result = calculate(template, inputs, trace=False)
    # Change the first estimated value so LibreOffice must recalculate (no cached value can pass)
    key = next(k for k, p in template.parameters.items() if p.role == "monitored")
    index = next(iter(inputs.items[key]))
    inputs.items[key][index].value = Fraction(inputs.items[key][index].value or 0) * 2 + 1
    expected = calculate(template, inputs, trace=False)
    source = tmp_path / "mps.xlsx"
    source.write_bytes(workbook_bytes(WorkbookSource(template, inputs)))
    recalculated = soffice_convert(source, "xlsx", tmp_path / "out")
    values = _rows_by_symbol(load_workbook(recalculated, data_only=True)[CALC])
    re_sym, pe_sym, er_sym = _symbols(template)
    assert values[re_sym] == pytest.approx(float(expected.re), abs=1e-9)
    assert values[pe_sym] == pytest.approx(float(expected.pe), abs=1e-9)
    assert values[er_sym] == pytest.approx(float(expected.er), abs=1e-9)
    assert values[f"{er_sym} (credited)"] == expected.er_rounded
    assert result.er != expected.er or result.re != expected.re  # the edit changed the outcome


def test_libreoffice_converts_the_workbook_to_pdf(
    tmp_path: Path, soffice_convert: Callable[[Path, str, Path], Path]
) -> None:
    template, inputs = _example(TEMPLATES[0], 0)
    source = tmp_path / "mps.xlsx"
    source.write_bytes(workbook_bytes(WorkbookSource(template, inputs, draft=True)))
    assert soffice_convert(source, "pdf", tmp_path / "out").stat().st_size > 1000


@pytest.mark.parametrize("country", ["MN", "ID", "TH", "VN", "MM", "KE", "KH"])
def test_workbook_labels_come_from_each_countrys_forms(country: str) -> None:
    from jcm_pdd.export.workbook_labels import labels_for
    from jcm_pdd.forms import load_forms

    labels = labels_for(country)
    mps = load_forms().get(country, "MPS")
    assert labels.input_title == mps.title
    assert labels.table1[0].startswith("(a)") and labels.table1[-1].startswith("(j)")
    assert labels.table2[0].startswith("(a)") and labels.table2[-1].startswith("(f)")
    assert {path for path, _ in labels.mss_columns} == {"responsible", "role", "organisation"}


def test_workbook_labels_without_usable_forms_say_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No built-in copy of the labels: forms/ is their one source, as for the PDD and MoC."""
    import shutil

    from jcm_pdd import paths
    from jcm_pdd.errors import UserError
    from jcm_pdd.export.workbook_labels import labels_for
    from jcm_pdd.forms import registry

    monkeypatch.setattr(registry, "_load_default", registry._load_default.__wrapped__)
    monkeypatch.setattr(paths, "_candidate_roots", lambda: [tmp_path])
    with pytest.raises(UserError, match=r"form definitions folder \(forms/\) cannot be read"):
        labels_for("MN")
    shutil.copytree(Path(__file__).resolve().parents[2] / "forms", tmp_path / "forms")
    assert labels_for("MN").table1[3] == "(d) Estimated Values"
    mps = tmp_path / "forms" / "_base" / "MPS.toml"
    text = mps.read_text(encoding="utf-8")
    assert 'letter = "(j)"' in text
    mps.write_text(text.replace('letter = "(j)"', 'letter = ""', 1), encoding="utf-8")
    with pytest.raises(UserError, match=r"T1 has the lettered columns .*; it lacks \['comments'\]"):
        labels_for("MN")


def test_table_1_body_follows_the_forms_column_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A country file that orders Table 1's columns differently gets each value under its own
    header (the body is laid out from the column definitions, not by position in code)."""
    import shutil

    from jcm_pdd.export import export_set
    from jcm_pdd.forms import registry
    from jcm_pdd.paths import forms_dir, sample_project_path

    forms = tmp_path / "forms"
    shutil.copytree(forms_dir(), forms)
    base = forms / "_base" / "MPS.toml"
    text = base.read_text(encoding="utf-8")
    start = text.index('[[sections.fields.columns]]\nsubpath = "estimated_value"')
    end = text.index('[[sections.fields.columns]]\nsubpath = "unit"')
    block = text[start:end]
    text = text[:start] + text[end:]  # estimated value moved behind the monitoring option
    after = text.index('[[sections.fields.columns]]\nsubpath = "source_of_data"')
    text = text[:after] + block + text[after:]
    base.write_text(text, encoding="utf-8")
    monkeypatch.setattr(registry, "forms_dir", lambda: forms)
    registry._load_default.cache_clear()
    try:
        [xlsx] = export_set(
            sample_project_path(), tmp_path / "out", formats=["xlsx"], copies=["confidential"]
        )
    finally:
        registry._load_default.cache_clear()
    sheet = load_workbook(xlsx)[INPUT]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    header = next(r for r in rows if any(str(c).endswith("Estimated Values") for c in r if c))
    value_col = next(n for n, c in enumerate(header) if str(c or "").endswith("Estimated Values"))
    unit_col = next(n for n, c in enumerate(header) if str(c or "").endswith("Units"))
    option_col = next(n for n, c in enumerate(header) if str(c or "").endswith("option"))
    assert option_col < value_col  # the new order
    body = rows[rows.index(header) + 1 :]
    eg = [r for r in body if str(r[1] or "").startswith("EG")]
    assert eg, "no Table 1 rows"
    for row in eg:
        assert isinstance(row[value_col], int | float), row
        assert row[unit_col] == "MWh/p" and str(row[option_col]).startswith("Option")


def _record_only_cases() -> list[Any]:
    cases = []
    for path in TEMPLATES:
        template = load_file(path)
        if template.examples and any(p.record_only for p in template.parameters.values()):
            cases.append(pytest.param(path, id=template.identity.full_id))
    return cases


@pytest.mark.parametrize("path", _record_only_cases())
def test_a_record_only_value_left_empty_leaves_a_blank_input_cell(path: Path) -> None:
    """FORMAT.md: record-only monitored values are optional for the calculation. A project
    that leaves them empty still gets its workbook (the export used to fail: "missing
    estimated value"), with the cell blank for the user to fill and every formula in place."""
    template = load_file(path)
    example = template.examples[0]
    record_only = {k for k, p in template.parameters.items() if p.record_only}
    kept = {k: v for k, v in example.inputs.items() if k not in record_only}
    inputs = inputs_from_mapping(template, kept, example.members)
    wb = load_workbook(io.BytesIO(workbook_bytes(WorkbookSource(template, inputs))))
    inp = wb[INPUT]
    symbols = {template.parameters[k].symbol for k in record_only}
    blank_rows = [
        row
        for row in inp.iter_rows(values_only=True)
        if any(str(row[1]).startswith(symbol) for symbol in symbols) and row[3] is None
    ]
    assert blank_rows, f"no blank estimated-value cell for {sorted(symbols)}"
    values = _rows_by_symbol(wb[CALC])
    re_sym, pe_sym, er_sym = _symbols(template)
    assert str(values[er_sym]).startswith("=")


@pytest.mark.parametrize("path", sorted(templates_dir().glob("*.toml")), ids=lambda p: p.stem)
def test_no_word_of_the_plan_sheet_is_broken_across_lines(path: Path) -> None:
    """Table 2 and the list of default values share Table 1's columns: a column sized for
    Table 1's units printed "Manufacturer / 's / specification" under Table 2's source of data.
    Every word of every cell fits the line of its column (characters per line at 10 pt, as
    ``fit_row_heights`` counts them), for a new project of every template."""
    from jcm_pdd.methodology.prefill import new_project_from_template

    template, inputs = _example(path, 0)
    source = WorkbookSource(template, inputs, new_project_from_template(template), draft=True)
    ws = load_workbook(io.BytesIO(workbook_bytes(source)))[INPUT]
    merged = {c for r in ws.merged_cells.ranges for row in ws[r.coord] for c in row}
    broken = [
        (cell.coordinate, word)
        for row in ws.iter_rows(min_row=6)
        for cell in row
        if cell.value is not None and cell.data_type != "f" and cell not in merged
        for word in str(cell.value).split()
        if len(word) > int(ws.column_dimensions[cell.column_letter].width * 1.15)
    ]
    assert not broken
