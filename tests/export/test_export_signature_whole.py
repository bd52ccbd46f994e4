"""A signature box (the MoC's Section 6: the focal point entity's and each participant's) is
never split across two pages of the Word document as LibreOffice lays it out: its party line
and its Signature / Name / Title / Date rows move to the next page together, as the PDF's
``KeepTogether`` keeps them. Likewise a signatory's contact table (a short key-value table)
stays whole and on the page of its bold title ("Primary authorised signatory"), in Word and in
the PDF. The blocks here follow paragraphs of many lengths, so that some of them reach a page
foot wherever it falls."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from jcm_pdd.export.document import Document, KeyValueTable, Paragraph, SignatureBlock
from jcm_pdd.export.render_docx import render_docx

BOXES = 40


def test_no_signature_box_is_split_across_pages(
    tmp_path: Path,
    soffice_convert: Callable[[Path, str, Path], Path],
    pdf_text: Callable[[Path], str],
) -> None:
    doc = Document(title="Signatures", header_text="JCM_MN_F_MoC_ver02.0")
    for n in range(BOXES):
        doc.add(Paragraph("Filler line. " * (6 * (1 + n % 7) + 1)))
        doc.add(SignatureBlock(f"Project participant ({n:02d}): Example LLC"))
    source = tmp_path / "signatures.docx"
    source.write_bytes(render_docx(doc))

    pages = pdf_text(soffice_convert(source, "pdf", tmp_path / "out")).split("\f")
    assert len(pages) > 8, "the boxes reach many page feet"
    seen, split = [], []
    for number, page in enumerate(pages, start=1):
        for found in re.finditer(r"Project participant \((\d\d)\)", page):
            seen.append(found.group(1))
            box = page[found.end() :].split("Project participant (")[0]
            if not all(f"{label}:" in box for label in ("Signature", "Name", "Title", "Date")):
                split.append(f"box {found.group(1)} on page {number}")
    assert seen == [f"{n:02d}" for n in range(BOXES)]
    assert split == []


def _contacts() -> Document:
    """Forty signatories' contact tables (7 rows, as the MoC's), each under its bold title,
    after paragraphs of many lengths."""
    doc = Document(title="Contacts", header_text="JCM_MN_F_MoC_ver02.0")
    for n in range(BOXES):
        doc.add(Paragraph("Filler line. " * (9 * (1 + n % 5) + 1)))
        doc.add(Paragraph(f"Signatory ({n:02d})", bold=True))
        doc.add(KeyValueTable(tuple((f"Line {n:02d}.{k}", "value") for k in range(7))))
    return doc


def _split_contacts(pages: list[str]) -> tuple[list[str], list[str]]:
    seen, split = [], []
    for number, page in enumerate(pages, start=1):
        for found in re.finditer(r"Signatory \((\d\d)\)", page):
            n = found.group(1)
            seen.append(n)
            if not all(f"Line {n}.{k}" in page for k in range(7)):
                split.append(f"signatory {n} on page {number}")
    return seen, split


def test_a_signatorys_title_and_contact_table_stay_on_one_page_in_word(
    tmp_path: Path,
    soffice_convert: Callable[[Path, str, Path], Path],
    pdf_text: Callable[[Path], str],
) -> None:
    """The MoC's "Primary authorised signatory" (a bold title) was left alone at a page foot
    with its table on the next page, and a table split one row from the rest."""
    source = tmp_path / "contacts.docx"
    source.write_bytes(render_docx(_contacts()))
    pages = pdf_text(soffice_convert(source, "pdf", tmp_path / "out")).split("\f")
    seen, split = _split_contacts(pages)
    assert len(pages) > 8 and seen == [f"{n:02d}" for n in range(BOXES)]
    assert split == []


def test_a_signatorys_title_and_contact_table_stay_on_one_page_in_the_pdf(
    tmp_path: Path,
) -> None:
    from export_tools import PDFTOTEXT, pdf_pages

    from jcm_pdd.export.render_pdf import render_pdf

    if PDFTOTEXT is None:
        pytest.skip("pdftotext (poppler-utils) reads the pages back")
    pages = pdf_pages(render_pdf(_contacts()), tmp_path)
    seen, split = _split_contacts(pages)
    assert len(pages) > 8 and seen == [f"{n:02d}" for n in range(BOXES)]
    assert split == []
