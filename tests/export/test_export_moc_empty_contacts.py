"""An MoC without participants besides the focal point entity prints Section 5 (contact
information) as the form's tables left blank, in Word and in PDF, as an empty Section 4 prints
its table with an empty row; it printed the heading alone (a validator asked where the form's
table was)."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path
from typing import Any

import pytest
from docx import Document as read_docx
from docx.text.paragraph import Paragraph as DocxParagraph
from export_factory import filled_project
from export_tools import PDFTOTEXT

from jcm_pdd.export.build_pdd import build_pdd
from jcm_pdd.export.document import Document
from jcm_pdd.export.form_layout import layout_for
from jcm_pdd.export.render_docx import render_docx
from jcm_pdd.export.render_pdf import render_pdf

SECTION_5 = "Contact information (Project participant(s) other than focal point entity)"


def _moc(draft: bool = False) -> Document:
    project = filled_project()
    project.moc.other_participants = []
    return build_pdd(project, layout_for(project, "MoC"), None, public=False, draft=draft)


def _after_section_5(text: str) -> str:
    return " ".join(text.split()).split(SECTION_5, 1)[1]


def _word_after_section_5(word: Any) -> tuple[list[tuple[str, str]], str]:
    """The (label, value) rows of Section 5's tables, and its text (up to Section 6)."""
    rows: list[tuple[str, str]] = []
    text: list[str] = []
    seen = False
    for item in word.iter_inner_content():
        if isinstance(item, DocxParagraph):
            if item.text.startswith("Section 6:"):
                break
            seen = seen or SECTION_5 in item.text
            text.append(item.text if seen else "")
        elif seen:
            rows += [(r.cells[0].text, r.cells[-1].text) for r in item.rows]
    assert seen
    return rows, " ".join(text)


def test_an_empty_section_5_prints_the_forms_blank_tables_in_word() -> None:
    rows, text = _word_after_section_5(read_docx(io.BytesIO(render_docx(_moc()))))
    labels = [label for label, _ in rows]
    assert labels[:2] == ["Name of project participant", "Former entity name"]
    assert "Address" in labels and "E-mail:" in labels
    assert all(value == "" for _, value in rows)  # blank: nobody is invented
    assert "Primary authorised signatory" in text
    assert "Project Participant (1)" not in text


@pytest.mark.skipif(PDFTOTEXT is None, reason="poppler-utils (pdftotext) is not installed")
def test_an_empty_section_5_prints_the_forms_blank_tables_in_pdf(tmp_path: Path) -> None:
    path = tmp_path / "moc.pdf"
    path.write_bytes(render_pdf(_moc()))
    text = subprocess.run(
        [PDFTOTEXT, "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    after = _after_section_5(text)
    assert after.index("Name of project participant") < after.index("Address")
    assert "Primary authorised signatory" in after
    assert "Project Participant (1)" not in after


def test_a_draft_still_marks_the_empty_section_5_to_be_completed() -> None:
    _rows, text = _word_after_section_5(read_docx(io.BytesIO(render_docx(_moc(draft=True)))))
    assert "[to be completed]" in text
