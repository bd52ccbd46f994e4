"""The PDF of a big project is laid out in time linear in its size (issue 49): pages of text in
one field and tables of a thousand rows. Reportlab lays a paragraph out again from its start on
every page it continues to, and a long table's remaining rows again on every page: a huge
project's PDD (60 pages of A.2, 1,500 stakeholder comments) took 90-200 s, now 16 s. Asserted
on what is handed to reportlab and on how often it breaks a paragraph into lines, not on time;
and nothing of the text is lost."""

from __future__ import annotations

from pathlib import Path

import pytest
from export_tools import PDFTOTEXT, pdf_pages
from reportlab.platypus import Paragraph as RLParagraph

from jcm_pdd.export import document as d
from jcm_pdd.export.render_pdf import CELL_CHUNK, _line_chunks, _PdfWriter, render_pdf

PARAGRAPH = "The meters are read daily and cross-checked against the monthly invoices. " * 30


def pages_of_text(paragraphs: int) -> str:
    return "\n\n".join(f"Paragraph {n}. {PARAGRAPH}" for n in range(1, paragraphs + 1))


def test_long_text_is_cut_at_line_ends_into_chunks_that_keep_every_character() -> None:
    text = pages_of_text(40)
    chunks = _line_chunks(text)
    assert "\n".join(chunks) == text
    assert len(chunks) > 10
    longest_line = max(len(line) for line in text.split("\n"))
    assert all(len(c) <= CELL_CHUNK + longest_line + 1 for c in chunks)
    assert all(c.strip() for c in chunks)  # no chunk is a lost blank line
    assert _line_chunks("short") == ["short"]
    one_line = "x" * (3 * CELL_CHUNK)  # a line longer than a chunk stays whole
    assert _line_chunks(one_line) == [one_line]


def test_pages_of_text_reach_reportlab_in_chunks_in_a_field_and_in_a_table_cell() -> None:
    text = pages_of_text(40)
    doc = d.Document(title="Big", header_text="JCM_MN_F_PDD_ver03.0")
    doc.add(d.Paragraph(text))
    doc.add(d.KeyValueTable(rows=(("Description", text),)))
    doc.add(d.DataTable(columns=("Stakeholder", "Comment"), rows=(("Residents", text),)))
    writer = _PdfWriter(doc)
    texts: list[str] = []

    def collect(item: object) -> None:
        if isinstance(item, RLParagraph):
            texts.append(item.text)
        for row in getattr(item, "_cellvalues", ()):
            for cell in row:
                for value in cell if isinstance(cell, list) else [cell]:
                    collect(value)
        for inner in getattr(item, "_content", ()):
            collect(inner)

    for flowable in writer.flowables():
        collect(flowable)
    assert max(len(t) for t in texts) < 2 * CELL_CHUNK + len(PARAGRAPH)  # no 90,000 characters
    assert sum(t.count("Paragraph ") for t in texts) >= 3 * 40


def test_a_long_table_breaks_each_paragraph_into_lines_a_bounded_number_of_times(
    monkeypatch,
) -> None:
    rows = tuple(
        (f"Resident group {n}", f"Question {n} about the roof load. " * 3) for n in range(600)
    )
    doc = d.Document(title="Comments", header_text="JCM_MN_F_PDD_ver03.0")
    doc.add(d.DataTable(columns=("Stakeholder", "Comment"), rows=rows))
    calls = []
    real = RLParagraph.breakLines

    def counting(self, width):
        calls.append(1)
        return real(self, width)

    monkeypatch.setattr(RLParagraph, "breakLines", counting)
    render_pdf(doc)
    cells = 2 * (len(rows) + 1)
    # each cell broken into lines once (its width never changes); before, about 6 times: when
    # measured, for each page the table went on to, in each pass
    assert len(calls) < 2 * cells, (len(calls), cells)


@pytest.mark.skipif(PDFTOTEXT is None, reason="poppler-utils (pdftotext) is not installed")
def test_chunked_text_reads_as_the_one_paragraph_did(tmp_path: Path) -> None:
    text = pages_of_text(12)
    doc = d.Document(title="Big", header_text="JCM_MN_F_PDD_ver03.0")
    doc.add(d.Paragraph(text))
    pages = pdf_pages(render_pdf(doc), tmp_path)
    words = [
        w
        for page in pages
        for w in page.split()
        if w != "JCM_MN_F_PDD_ver03.0" and not w.isdigit()  # the header, the page number
    ]
    assert len(pages) > 3
    assert words == text.split()  # every word, in order, nothing lost or doubled
