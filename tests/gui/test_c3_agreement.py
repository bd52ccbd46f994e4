"""One set of figures: PDD C.3 reads the same everywhere (``jcm_pdd.methodology.c3``).

For the sample project, the app's calculation panel, ``jcm-pdd calc`` and ``calc --json``, the
final PDD's .docx and .pdf tables, the Monitoring Plan workbook after LibreOffice recalculated
it, the validation package (figures and bag-info) and the start page's "ER per year" (the
manifest, written on save) all give exactly the figures of one ``C3Table``: every year's RE,
PE and ER in whole tCO2e, totals that are the sums of those rows, and a full year's credited ER.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from jcm_pdd import cli
from jcm_pdd.export import export_set
from jcm_pdd.export.workbook_style import CALC
from jcm_pdd.methodology import estimate_project, load_registry
from jcm_pdd.package import build_package
from jcm_pdd.package.docreaders import c3_from_docx
from jcm_pdd.paths import sample_project_path
from jcm_pdd.storage import load_project, read_manifest

Row = tuple[int, int, int]  # RE, PE, ER as printed
Table = dict[str, Row]  # "2027" ... and "total"

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")
NUMBER = re.compile(r"-?\d[\d,]*")


def _ints(text: str) -> list[int]:
    """The whole numbers of a line, the unit's 2 (tCO2e) left out."""
    return [int(n.replace(",", "")) for n in NUMBER.findall(text.replace("tCO2e", ""))]


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("c3") / "sample.jcmpdd"
    shutil.copy(sample_project_path(), copy)
    return copy


@pytest.fixture(scope="module")
def expected(sample: Path) -> tuple[Table, int]:
    project = load_project(sample, backup_before_migration=False).project
    c3 = estimate_project(project, load_registry()).c3
    table: Table = {
        str(r.year): (r.reference_emissions, r.project_emissions, r.emission_reductions)
        for r in c3.rows
    }
    total = c3.total
    table["total"] = (total.reference_emissions, total.project_emissions, total.emission_reductions)
    for n in range(3):  # the rule: totals are the sums of the rows shown
        assert table["total"][n] == sum(v[n] for k, v in table.items() if k != "total")
    return table, c3.er_per_full_year


def test_the_sample_has_partial_years_and_rounding_that_matters(
    expected: tuple[Table, int],
) -> None:
    """The comparison is only worth something if rounding changes the sums (it does here:
    RE rounds up in every full year, ER down)."""
    table, per_year = expected
    years = [k for k in table if k != "total"]
    assert len(years) > 10 and per_year == 1762
    assert table["total"][0] != table["total"][2]  # RE total 29,974 vs ER total 29,957


def test_panel_calc_and_calc_json_agree(
    window, qtbot, sample: Path, expected: tuple[Table, int], capsys: pytest.CaptureFixture[str]
) -> None:
    table, per_year = expected
    assert window.open_path(sample)
    qtbot.waitUntil(lambda: bool(window.calc_panel.figures.rows), timeout=20000)
    grid = window.calc_panel.table
    panel: Table = {}
    for r in range(grid.rowCount()):
        year, *values = (grid.item(r, c).text() for c in (0, 2, 3, 4))  # 1: days
        panel[year] = tuple(_ints(" ".join(values)))  # type: ignore[assignment]
    shown = window.calc_panel.totals.text()  # "Total 2027–2044: ER e tCO2e (RE r, PE p)"
    found = re.search(r"ER ([\d,]+) tCO2e \(RE ([\d,]+), PE ([\d,]+)\)", shown)
    assert found, shown
    er, re_, pe = (int(g.replace(",", "")) for g in found.groups())
    panel["total"] = (re_, pe, er)
    assert panel == table

    assert cli.main(["calc", str(sample), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)["c3"]
    as_json: Table = {
        str(r["year"]): (r["reference_emissions"], r["project_emissions"], r["emission_reductions"])
        for r in data["rows"]
    }
    t = data["total"]
    as_json["total"] = (t["reference_emissions"], t["project_emissions"], t["emission_reductions"])
    assert as_json == table and data["er_per_full_year"] == per_year

    assert cli.main(["calc", str(sample)]) == 0
    text: Table = {}
    for line in capsys.readouterr().out.splitlines():
        words = line.split()
        if words and (words[0].isdigit() and len(words[0]) == 4 or words[0] == "Total"):
            numbers = _ints(line)
            start = 2 if words[0] != "Total" else 0  # year and days come first
            key = "total" if words[0] == "Total" else words[0]
            text[key] = tuple(numbers[start : start + 3])  # type: ignore[assignment]
    assert text == table

    # The start page's figure: written into the manifest when the app saves.
    assert window.save()
    assert read_manifest(sample).summary["er_per_year"] == str(per_year)
    shipped = read_manifest(sample_project_path()).summary["er_per_year"]
    assert shipped == str(per_year)


def _pdf_table(text: str) -> Table:
    found: Table = {}
    for line in text.splitlines():
        words = line.split()
        if not words:
            continue
        numbers = _ints(line)
        if re.fullmatch(r"\d{4}", words[0]) and len(numbers) == 4:
            found[words[0]] = tuple(numbers[1:])  # type: ignore[assignment]
        elif words[0] == "Total" and len(numbers) == 3:
            found["total"] = tuple(numbers)  # type: ignore[assignment]
    return found


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext (poppler-utils) is not installed")
def test_documents_workbook_and_package_agree(
    tmp_path: Path, sample: Path, expected: tuple[Table, int]
) -> None:
    table, per_year = expected
    files = export_set(sample, tmp_path / "out", formats=["docx", "pdf", "xlsx"])
    confidential = [p for p in files if not p.name.startswith("for_public_use_")]
    docx = next(p for p in confidential if p.suffix == ".docx" and "_PDD_" in p.name)
    pdf = next(p for p in confidential if p.suffix == ".pdf")
    xlsx = next(p for p in confidential if p.suffix == ".xlsx")

    word = {
        period: tuple(int(v[q]) for q in ("RE_rounded", "PE_rounded", "ER_rounded"))
        for period, v in c3_from_docx(docx).items()
    }
    assert word == table
    text = subprocess.run(
        [str(PDFTOTEXT), "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert _pdf_table(text) == table

    # The workbook states the annual calculation; after LibreOffice recalculates its formulas
    # the credited ER of one year is the "ER per year" every full year of C.3 shows.
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [
            str(SOFFICE),
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(tmp_path / "lo"),
            str(xlsx),
        ],
        capture_output=True,
        timeout=180,
        check=True,
    )
    sheet = load_workbook(tmp_path / "lo" / xlsx.name, data_only=True)[CALC]
    credited = [r[2] for r in sheet.iter_rows(values_only=True) if str(r[0]).endswith("(credited)")]
    assert credited == [per_year]
    full_years = {v[2] for k, v in table.items() if k != "total"}
    assert per_year in full_years

    package = build_package(sample, tmp_path / "p.jcmpkg").path
    with zipfile.ZipFile(package) as zf:
        trace = json.loads(zf.read("data/calculation/trace.json"))
        info = zf.read("bag-info.txt").decode("utf-8")
    packaged = {
        period: tuple(int(v[q]) for q in ("RE_rounded", "PE_rounded", "ER_rounded"))
        for period, v in trace["figures"].items()
    }
    assert packaged == table
    stated = dict(line.split(": ", 1) for line in info.splitlines() if ": " in line)
    assert (
        int(stated["Total-RE-tCO2e"]),
        int(stated["Total-PE-tCO2e"]),
        int(stated["Total-ER-tCO2e"]),
    ) == table["total"]
