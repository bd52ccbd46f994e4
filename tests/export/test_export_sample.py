"""The bundled sample project: a final export whose documents agree with each other and with
the engine (the registries' most common rejection reason is documents that disagree)."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document as read_docx
from openpyxl import load_workbook

from jcm_pdd.export import export_set
from jcm_pdd.export.build_workbook import CALC
from jcm_pdd.export.sources import calculate, load_input
from jcm_pdd.methodology.fmt import whole
from jcm_pdd.paths import sample_project_path

SAMPLE = sample_project_path()
pytestmark = pytest.mark.skipif(not SAMPLE.is_file(), reason="the bundled sample project is absent")


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("sample-export")
    paths = export_set(SAMPLE, out)  # final: the sample passes every check
    return {p.name: p for p in paths}


def test_final_set_has_eight_files_with_public_copies(exported: dict[str, Path]) -> None:
    assert len(exported) == 8
    public = [n for n in exported if n.startswith("for_public_use_")]
    assert len(public) == 4
    assert {n.removeprefix("for_public_use_") for n in public} == {
        n for n in exported if not n.startswith("for_public_use_")
    }


def test_pdd_word_pdf_and_workbook_agree_with_the_engine(
    exported: dict[str, Path],
    tmp_path: Path,
    soffice_convert: Callable[[Path, str, Path], Path],
    pdf_text: Callable[[Path], str],
) -> None:
    estimate = calculate(load_input(SAMPLE).project).estimate
    assert estimate is not None
    total = whole(estimate.c3.total.emission_reductions)
    first = whole(estimate.c3.rows[0].emission_reductions)
    docx = next(
        p
        for n, p in exported.items()
        if n.startswith("JCM_") and "_PDD_" in n and n.endswith(".docx")
    )
    word = read_docx(io.BytesIO(docx.read_bytes()))
    assert len(word.inline_shapes) == 1  # the C.2 figure, read from the project container
    cells = [c.text for t in word.tables for r in t.rows for c in r.cells]
    assert total in cells and first in cells
    pdf = docx.with_suffix(".pdf")
    assert total in pdf_text(pdf) and first in pdf_text(pdf)
    xlsx = next(
        p for n, p in exported.items() if n.startswith("Monitoring_") and n.endswith(".xlsx")
    )
    recalculated = soffice_convert(xlsx, "xlsx", tmp_path / "lo")
    calc = load_workbook(recalculated, data_only=True)[CALC]
    credited = [
        row[2] for row in calc.iter_rows(values_only=True) if str(row[0]).endswith("(credited)")
    ]
    assert credited == [estimate.annual.er_rounded]


def test_public_moc_hides_the_confidential_mobile_numbers(exported: dict[str, Path]) -> None:
    public = next(
        p for n, p in exported.items() if n.startswith("for_public_use_JCM_") and "_MoC_" in n
    )
    full = Path(str(public).replace("for_public_use_", ""))

    def mobile_cells(path: Path) -> list[str]:
        tables = read_docx(io.BytesIO(path.read_bytes())).tables
        return [
            r.cells[1].text for t in tables for r in t.rows if r.cells[0].text.startswith("Mobile")
        ]

    assert set(mobile_cells(public)) <= {"XXX", ""} and "XXX" in mobile_cells(public)
    assert any(m not in ("", "XXX") for m in mobile_cells(full))
