"""``verify`` evaluates the formulas of a verification package's Monitoring Report Sheet
workbook (issue 17): a workbook whose formulas, inputs or stored results were edited, with
every checksum re-made, reads ALTERED with words that say which cell and what it gives.

The package covers the sample's two periods (``verification_support``): period 1 re-computes
to RE = 1000.5 x 0.797 + 1500.25 x 0.533 = 1597.03175, credited 1597; period 2 to 1277.2,
credited 1277; Table 3's total is 2874.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from reseal import edit_docx_xml, reseal
from verification_support import monitored_sample

from jcm_pdd.cli import main
from jcm_pdd.package import build_package, verify_package
from jcm_pdd.package.report import MRS_FORMULA, MRS_STORED, MRS_UNREADABLE, VerifyReport

INPUT_XML = "xl/worksheets/sheet1.xml"  # MRS(input)
CALC_XML = "xl/worksheets/sheet2.xml"  # MRS(calc_process)


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("mrs")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("JCM_PDD_HOME", str(tmp_path_factory.mktemp("home")))
        project = monitored_sample(folder)
        yield build_package(
            project, folder / "mrs.jcmpkg", monitoring_periods=[0, 1], packaged_by="PP"
        ).path


def _workbook(package: Path, copy: str = "confidential") -> str:
    import zipfile

    with zipfile.ZipFile(package) as zf:
        index = json.loads(zf.read("package-index.json"))
    member: str = index["documents"][f"monitoring_{copy}_xlsx"]
    return member


def _forged(package: Path, tmp_path: Path, part: str, old: str, new: str) -> tuple[Path, str]:
    member = _workbook(package)
    out = tmp_path / "forged.jcmpkg"
    reseal(package, out, {member: edit_docx_xml(part, old, new)})
    return out, member


def _coded(report: VerifyReport, code: str) -> list[str]:
    return [p.message for p in report.problems if p.code == code]


def test_the_formulas_of_an_untouched_workbook_give_the_re_computed_figures(
    package: Path,
) -> None:
    report = verify_package(package)
    assert report.ok, report.summary()
    check = next(c for c in report.checks if c.name == "MRS workbook formulas")
    assert check.status == "passed" and "2 workbook(s)" in check.detail
    formula = [c for c in report.figures if c.code == MRS_FORMULA]
    # both copies: RE, PE, ER, credited per period, Table 3 per period and its total
    confidential = {
        (c.period, c.quantity, c.cell, c.stated) for c in formula if "public" not in c.source
    }
    assert ("period 1", "ER_credited", "'MRS(calc_process)'!C9", "1597") in confidential
    assert ("period 2", "ER_credited", "'MRS(calc_process)'!D9", "1277") in confidential
    assert ("periods", "ER_credited", "'MRS(input)'!B25", "2874") in confidential
    assert any(c.quantity == "RE" and c.stated == "1597.03175" for c in formula)
    assert len(confidential) == 2 * 4 + 2 + 1


def test_an_edited_credited_formula_reads_altered_naming_the_cell(
    package: Path, tmp_path: Path
) -> None:
    forged, member = _forged(
        package, tmp_path, CALC_XML, "<f>ROUNDDOWN(C8,0)</f>", "<f>ROUNDDOWN(C8,0)+100</f>"
    )
    report = verify_package(forged)
    assert report.verdict == "ALTERED"
    messages = _coded(report, MRS_FORMULA)
    assert (
        f"{member}: the workbook's formula for ER_credited of period 1 in "
        "'MRS(calc_process)'!C9 gives 1697, but the period re-computes to 1597"
    ) in messages, report.summary()
    # Table 3 reads the credited cell, so its period 1 row and total disagree as well
    assert any("'MRS(input)'!B23 gives 1697" in m for m in messages)
    assert any("ER_credited of periods in 'MRS(input)'!B25 gives 2974" in m for m in messages)


def test_an_edited_default_value_is_caught_by_the_formulas(package: Path, tmp_path: Path) -> None:
    """The grid emission factor of PV-1 edited in MRS(input): no monitored value changed, but
    RE_p, ER_p and the credited ER the workbook computes are no longer the package's."""
    forged, member = _forged(package, tmp_path, INPUT_XML, "<v>0.797</v>", "<v>0.897</v>")
    report = verify_package(forged)
    assert report.verdict == "ALTERED"
    messages = _coded(report, MRS_FORMULA)
    # 1000.5 x 0.897 + 1500.25 x 0.533 = 1697.08175
    assert any(
        "RE of period 1" in m and "gives 1697.08175" in m and "re-computes to 1597.03175" in m
        for m in messages
    ), report.summary()
    assert any("ER_credited of period 1" in m and "gives 1697" in m for m in messages)


def test_a_constant_typed_over_a_table_3_formula_reads_altered(
    package: Path, tmp_path: Path
) -> None:
    forged, member = _forged(
        package, tmp_path, INPUT_XML, "<f>'MRS(calc_process)'!$D$9</f>", "<f>1377</f>"
    )
    report = verify_package(forged)
    assert report.verdict == "ALTERED"
    assert any(
        "ER_credited of period 2 in 'MRS(input)'!B24 gives 1377" in m
        for m in _coded(report, MRS_FORMULA)
    ), report.summary()


def test_an_edited_stored_result_reads_altered(package: Path, tmp_path: Path) -> None:
    """The formula is intact but the result stored with it (what a viewer that does not
    recalculate shows) says 1697."""
    forged, member = _forged(
        package, tmp_path, CALC_XML, "<f>ROUNDDOWN(C8,0)</f>", "<f>ROUNDDOWN(C8,0)</f><v>1697</v>"
    )
    report = verify_package(forged)
    assert report.verdict == "ALTERED"
    assert _coded(report, MRS_STORED) == [
        f"{member}: 'MRS(calc_process)'!C9 stores the result 1697, but its formula gives 1597 "
        "(the stored result was edited)"
    ], report.summary()
    assert not _coded(report, MRS_FORMULA)  # the formula itself still gives the figure


def test_a_formula_this_app_does_not_write_cannot_vouch_for_a_figure(
    package: Path, tmp_path: Path
) -> None:
    forged, member = _forged(
        package, tmp_path, CALC_XML, "<f>ROUNDDOWN(C8,0)</f>", "<f>ROUNDDOWN(OFFSET(C8,0,0),0)</f>"
    )
    report = verify_package(forged)
    assert report.verdict == "ALTERED"
    assert (
        f"{member}: the formula in 'MRS(calc_process)'!C9 cannot be checked: "
        "the function OFFSET is not one this app writes"
    ) in _coded(report, MRS_UNREADABLE), report.summary()


def test_verify_json_carries_the_code_and_the_cell(
    package: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    forged, member = _forged(
        package, tmp_path, CALC_XML, "<f>ROUNDDOWN(D8,0)</f>", "<f>ROUNDUP(D8,0)</f>"
    )
    assert main(["verify", str(forged), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["verdict"] == "ALTERED"
    problem = next(p for p in data["problems"] if p["code"] == MRS_FORMULA)
    assert problem["files"] == [member]
    figure = next(f for f in data["figures"] if f["code"] == MRS_FORMULA and not f["ok"])
    # 1277.2 rounded up: 1278
    assert (figure["period"], figure["cell"], figure["stated"], figure["recomputed"]) == (
        "period 2",
        "'MRS(calc_process)'!D9",
        "1278",
        "1277",
    )


def test_a_period_column_renamed_reads_altered_as_not_stated(package: Path, tmp_path: Path) -> None:
    """The calculation sheet's column of period 2 relabelled: the workbook no longer states
    that period's figures, which the package covers."""
    member = _workbook(package)
    forged = tmp_path / "forged.jcmpkg"

    def relabel(data: bytes) -> bytes:  # every header row of the sheet
        for _ in range(4):
            data = edit_docx_xml(CALC_XML, "1/Apr/2028-30/Jun/2028", "1/Apr/2028-30/Jul/2028")(data)
        return data

    reseal(package, forged, {member: relabel})
    report = verify_package(forged)
    assert report.verdict == "ALTERED"
    assert (
        f"{member}: the workbook does not state ER_credited of period 2 (it re-computes to 1277)"
    ) in _coded(report, MRS_FORMULA), report.summary()


def test_the_results_libreoffice_stores_agree_with_the_formulas(
    package: Path, tmp_path: Path
) -> None:
    """The workbook recalculated and saved by LibreOffice (which stores every formula's result
    and may rewrite the formulas' text) still verifies against the re-computation."""
    import shutil
    import subprocess
    import zipfile

    from jcm_pdd.package import mrs_check
    from jcm_pdd.package.recheck_periods import FORMULAS

    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        pytest.skip("LibreOffice is not installed (it recalculates and stores the results)")
    member = _workbook(package)
    source = tmp_path / "mrs.xlsx"
    with zipfile.ZipFile(package) as zf:
        source.write_bytes(zf.read(member))
    out = tmp_path / "saved"
    subprocess.run(
        [office, f"-env:UserInstallation=file://{tmp_path}/lo", "--headless",
         "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    saved = out / "mrs.xlsx"
    cells, stored = mrs_check.read_sheets(saved, ("MRS(input)", "MRS(calc_process)"))
    assert stored[("MRS(calc_process)", 9, 3)] == 1597  # what LibreOffice computed
    assert str(cells[("MRS(calc_process)", 9, 3)]).startswith("=ROUNDDOWN(")
    forged = tmp_path / "resaved.jcmpkg"
    reseal(package, forged, {member: lambda _data: saved.read_bytes()})
    report = verify_package(forged)
    assert report.ok, report.summary()
    check = next(c for c in report.checks if c.name == FORMULAS)
    assert check.status == "passed"


def test_excel_shared_formulas_are_expanded_and_verify(package: Path, tmp_path: Path) -> None:
    """Excel writes a filled-down formula once, shared by the cells below or beside it; the
    checker reads such a sheet through openpyxl, which expands it, and it verifies."""
    member = _workbook(package)
    forged = tmp_path / "shared.jcmpkg"

    def share(data: bytes) -> bytes:
        data = edit_docx_xml(
            CALC_XML,
            "<f>ROUNDDOWN(C8,0)</f>",
            '<f t="shared" ref="C9:D9" si="0">ROUNDDOWN(C8,0)</f>',
        )(data)
        return edit_docx_xml(CALC_XML, "<f>ROUNDDOWN(D8,0)</f>", '<f t="shared" si="0"/>')(data)

    reseal(package, forged, {member: share})
    report = verify_package(forged)
    assert report.ok, report.summary()
    figure = next(
        c
        for c in report.figures
        if c.source == member and c.cell == "'MRS(calc_process)'!D9" and c.code == MRS_FORMULA
    )
    assert (figure.period, figure.stated, figure.ok) == ("period 2", "1277", True)
