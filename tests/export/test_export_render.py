"""Word and PDF renderings: read back with python-docx and pdftotext; LibreOffice opens them."""

from __future__ import annotations

import io
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document as read_docx
from export_factory import JAPANESE_NAME, filled_project, sample_figures
from export_tools import PDFFONTS
from test_export_build import SECTION_HEADINGS

from jcm_pdd.export.build_pdd import build_pdd
from jcm_pdd.export.document import Document
from jcm_pdd.export.form_layout import layout_for
from jcm_pdd.export.lazy_patterns import URI_FLAGS, URI_PATTERN, LazyPattern
from jcm_pdd.export.render_docx import render_docx
from jcm_pdd.export.render_pdf import render_pdf
from tests.fresh_python import fresh_python

C3_FIGURES = ["14,746", "14,749", "58,990"]


def _doc(*, draft: bool = False, public: bool = False) -> Document:
    project = filled_project()
    return build_pdd(
        project, layout_for(project, "PDD"), sample_figures(), public=public, draft=draft
    )


def test_docx_reads_back_with_headings_tables_header_and_page_numbers() -> None:
    word = read_docx(io.BytesIO(render_docx(_doc())))
    paragraphs = [p.text for p in word.paragraphs]
    assert "JCM Project Design Document Form" in paragraphs
    for heading in SECTION_HEADINGS:
        assert heading in paragraphs
    cells = [c.text for t in word.tables for row in t.rows for c in row.cells]
    for figure in C3_FIGURES:
        assert figure in cells
    assert any(JAPANESE_NAME in c for c in cells)
    section = word.sections[0]
    assert section.header.paragraphs[0].text == "JCM_MN_F_PDD_ver03.0"
    assert 'w:instr=" PAGE "' in section.footer._element.xml
    assert "DRAFT" not in section.header._element.xml


def test_docx_draft_says_draft_in_header_and_watermark() -> None:
    word = read_docx(io.BytesIO(render_docx(_doc(draft=True))))
    header = word.sections[0].header
    assert header.paragraphs[0].text.startswith("DRAFT")
    assert 'string="DRAFT"' in header._element.xml  # the watermark shape


def test_pdf_text_is_selectable_and_fonts_embedded(
    tmp_path: Path, pdf_text: Callable[[Path], str]
) -> None:
    path = tmp_path / "pdd.pdf"
    path.write_bytes(render_pdf(_doc()))
    text = pdf_text(path)
    flat = re.sub(r"\s+", " ", text)
    for heading in SECTION_HEADINGS:
        assert heading in flat
    for figure in C3_FIGURES:
        assert figure in text
    assert JAPANESE_NAME in text
    assert "JCM_MN_F_PDD_ver03.0" in text
    if PDFFONTS is None:
        pytest.skip("pdffonts (poppler-utils) is not installed")
    fonts = subprocess.run([PDFFONTS, str(path)], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all(row.split()[-5] == "yes" for row in rows), fonts  # emb column


def test_pdf_draft_marks_every_page(tmp_path: Path, pdf_text: Callable[[Path], str]) -> None:
    path = tmp_path / "draft.pdf"
    path.write_bytes(render_pdf(_doc(draft=True)))
    pages = pdf_text(path).split("\f")
    pages = [p for p in pages if p.strip()]
    assert len(pages) >= 2
    assert all("DRAFT — JCM_MN_F_PDD_ver03.0" in p for p in pages)


def test_public_pdf_hides_the_confidential_city(
    tmp_path: Path, pdf_text: Callable[[Path], str]
) -> None:
    path = tmp_path / "public.pdf"
    path.write_bytes(render_pdf(_doc(public=True)))
    text = pdf_text(path)
    assert "Secretville" not in text and "XXX" in text


def test_libreoffice_converts_the_docx(
    tmp_path: Path,
    soffice_convert: Callable[[Path, str, Path], Path],
    pdf_text: Callable[[Path], str],
) -> None:
    source = tmp_path / "pdd.docx"
    source.write_bytes(render_docx(_doc(draft=True)))
    pdf = soffice_convert(source, "pdf", tmp_path / "out")
    text = pdf_text(pdf)
    assert "C.3. Estimated emissions reductions in each year" in re.sub(r"\s+", " ", text)
    assert "58,990" in text
    pages = [p for p in text.split("\f") if p.strip()]
    assert all("DRAFT" in p for p in pages)


def test_moc_has_sections_1_to_6_and_a_signature_block_per_participant() -> None:
    from jcm_pdd.model import ParticipantEntity

    project = filled_project()
    project.moc.other_participants = [ParticipantEntity(name="Solar Power International LLC")]
    doc = build_pdd(project, layout_for(project, "MoC"), None, public=False, draft=False)
    word = read_docx(io.BytesIO(render_docx(doc)))
    paragraphs = [p.text for p in word.paragraphs]
    for n in range(1, 7):
        assert any(p.startswith(f"Section {n}:") for p in paragraphs), n
    assert any("This statement is effective with all project participants" in p for p in paragraphs)
    cells = [c.text for t in word.tables for row in t.rows for c in row.cells]
    assert f"Focal point entity: {JAPANESE_NAME}" in cells
    country = cells.index("Country")
    assert cells[country + 1] == "Mongolia"  # the partner country code printed as its name
    assert "Project participant (1): Solar Power International LLC" in cells
    assert word.sections[0].header.paragraphs[0].text == "JCM_MN_F_MoC_ver02.0"


def test_reportlab_uri_pattern_is_compiled_only_when_used() -> None:
    """A fresh process that draws a PDF never compiles reportlab's slow URI pattern (the
    stand-in from ``lazy_patterns`` is what reportlab got), and the PDF is drawn all the same."""
    script = (
        "import sys\n"
        "from jcm_pdd.export.document import Document, Paragraph\n"
        "from jcm_pdd.export.render_pdf import render_pdf\n"
        "import reportlab.platypus.paragraph as paragraph\n"
        "doc = Document(title='T', header_text='H')\n"
        "doc.add(Paragraph('See https://www.jcm.go.jp/ for the forms.'))\n"
        "assert render_pdf(doc).startswith(b'%PDF')\n"
        "print(type(paragraph.uri_pat).__name__, paragraph.uri_pat._compiled is None)\n"
    )
    assert fresh_python(script).split() == ["LazyPattern", "True"]


@pytest.mark.parametrize(
    "text",
    [
        "https://www.jcm.go.jp/mn-jp/methodologies/",
        "HTTP://EXAMPLE.ORG/Path?q=1",
        "ftp://user:pw@192.168.0.1:8080/x",
        "https://例え.テスト/ページ",
        "mailto:someone",
        "not a uri",
    ],
)
def test_the_uri_pattern_stand_in_matches_as_reportlab_pattern(text: str) -> None:
    stand_in = LazyPattern(URI_PATTERN, URI_FLAGS)
    real = re.compile(URI_PATTERN, re.IGNORECASE)
    found, expected = stand_in.match(text), real.match(text)
    assert (found and found.groups()) == (expected and expected.groups())


def test_a_table_under_a_heading_starts_on_the_same_page_when_its_first_rows_fit(
    tmp_path: Path, pdf_text: Callable[[Path], str]
) -> None:
    """A table of half a page after a page two-thirds full starts under its heading there and
    goes on over the page with its header row repeated; it is not moved whole to the next
    page, leaving a third of a page blank (PDD B.2 after B.1)."""
    from jcm_pdd.export import document as d

    filler = [d.Paragraph(f"Line {n} of the text before the table.") for n in range(30)]
    rows = tuple((f"Criterion {n}", "A criterion of several words " * 6) for n in range(1, 9))
    doc = d.Document(
        title="T",
        header_text="H",
        blocks=[
            d.Heading("B. Methodology", 2),
            *filler,
            d.Heading("B.2. Explanation", 3),
            d.DataTable(columns=("Eligibility criteria", "Descriptions"), rows=rows),
            d.Paragraph("After the table."),
        ],
    )
    path = tmp_path / "table.pdf"
    path.write_bytes(render_pdf(doc))
    pages = [p for p in pdf_text(path).split("\f") if p.strip()]
    assert len(pages) == 2
    assert "B.2. Explanation" in pages[0] and "Criterion 1" in pages[0]
    assert "Criterion 8" in pages[1] and "Eligibility criteria" in pages[1]  # header repeated
    # with less room than its first rows need, heading and table start the next page together
    doc.blocks[1:1] = [d.Paragraph(f"More text {n}.") for n in range(4)]
    path.write_bytes(render_pdf(doc))
    pages = [p for p in pdf_text(path).split("\f") if p.strip()]
    assert "B.2. Explanation" not in pages[0] and "Criterion 1" not in pages[0]
    assert "B.2. Explanation" in pages[1] and "Criterion 1" in pages[1]
