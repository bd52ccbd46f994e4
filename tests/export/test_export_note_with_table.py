"""A note under a table (C.3's rounding note, the methodology caveat) stays with the end of its
table in the PDF, as a word processor keeps a caption with its table: it never starts a page
alone above nothing of the table. The table still starts under its heading, so no half page is
left blank. Rendered with the table ending at every place near a page foot."""

from __future__ import annotations

from pathlib import Path

import pytest
from export_tools import PDFTOTEXT, pdf_pages

from jcm_pdd.export import document as d
from jcm_pdd.export.render_pdf import render_pdf

NOTE = "Figures are in whole tCO2e. Totals are the sums of the years shown."
CAVEAT = "The methodology is not yet verified against the approved text."


def _page_of(pages: list[str], text: str) -> int:
    where = [n for n, page in enumerate(pages) if text in page]
    assert len(where) == 1, (text, where)
    return where[0]


def _doc(lines: int, years: int, notes: bool = True) -> d.Document:
    doc = d.Document(title="Note", header_text="JCM_MV_F_PDD_ver03.0")
    doc.add(*(d.Paragraph(f"Line {n} of the text above.") for n in range(lines)))
    doc.add(d.Heading("C.3. Estimated emissions reductions in each year", level=3))
    doc.add(
        d.DataTable(
            columns=("Year", "Reference", "Project", "Reductions"),
            rows=tuple((f"Y{2030 + n}", "120", "20", "100") for n in range(years)),
            total=("Total (tCO2e)", "1", "2", "3"),
            numeric=frozenset({1, 2, 3}),
        )
    )
    if notes:
        doc.add(d.Paragraph(NOTE, style="note"), d.Paragraph(CAVEAT, style="note"))
    return doc


@pytest.mark.skipif(PDFTOTEXT is None, reason="poppler-utils (pdftotext) is not installed")
@pytest.mark.parametrize("years", [2, 10])
def test_the_note_stays_with_the_end_of_its_table(tmp_path: Path, years: int) -> None:
    last_year = f"Y{2030 + years - 1}"
    for lines in range(10, 36):  # the table ends at every place of a page's foot in turn
        pages = pdf_pages(render_pdf(_doc(lines, years)), tmp_path)
        note = _page_of(pages, NOTE)
        assert _page_of(pages, CAVEAT) == note, lines
        assert _page_of(pages, "Total (tCO2e)") == note, lines  # the table's end is above it
        assert _page_of(pages, last_year) == note, lines
        # the table starts under its heading no later than it does without notes (a long one
        # is not moved whole to the next page, leaving half a page blank)
        alone = pdf_pages(render_pdf(_doc(lines, years, notes=False)), tmp_path)
        start = _page_of(pages, "C.3. Estimated")
        assert start == _page_of(pages, "Y2030 ") <= _page_of(alone, "C.3. Estimated"), lines
