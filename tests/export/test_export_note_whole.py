"""A note under a table (C.3's rounding note, the methodology caveat) is read as one sentence:
in the PDF it is never split across a page break with one line left alone on either page (the
C.3 note of a new JCM_MV_AM001 project ended on the next page, one line under the header).
Rendered for every place the note can fall near a page foot."""

from __future__ import annotations

from pathlib import Path

import pytest
from export_tools import PDFTOTEXT, pdf_pages

from jcm_pdd.export import document as d
from jcm_pdd.export.render_pdf import render_pdf

NOTE = (
    "Figures are in whole tCO2e. Reference and project emissions are rounded to the nearest "
    "tonne; emission reductions are calculated from the unrounded figures and rounded down, so "
    "a year's emission reductions may differ by one tonne from its reference minus project "
    "emissions as shown. Totals are the sums of the years shown."
)


@pytest.mark.skipif(PDFTOTEXT is None, reason="poppler-utils (pdftotext) is not installed")
def test_a_note_is_never_split_with_a_line_alone(tmp_path: Path) -> None:
    first, last = "Figures are in whole tCO2e.", "Totals are the sums of the years shown."
    for lines in range(40, 60):  # the note starts at every line of a page's foot in turn
        doc = d.Document(title="Note", header_text="JCM_MV_F_PDD_ver03.0")
        doc.add(*(d.Paragraph(f"Line {n} of the text above.") for n in range(lines)))
        doc.add(d.Paragraph(NOTE, style="note"))
        pages = pdf_pages(render_pdf(doc), tmp_path)
        where = [n for n, page in enumerate(pages) if first in page or last in page]
        assert len(where) == 1, (lines, where)
