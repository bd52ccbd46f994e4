"""A signature box (the MoC's Section 6: the focal point entity's and each participant's) is
never split across two pages of the Word document as LibreOffice lays it out: its party line
and its Signature / Name / Title / Date rows move to the next page together, as the PDF's
``KeepTogether`` keeps them. The boxes here follow paragraphs of many lengths, so that some of
them reach a page foot wherever it falls."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from jcm_pdd.export.document import Document, Paragraph, SignatureBlock
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
