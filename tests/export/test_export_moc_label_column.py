"""The MoC statement's label column is one width from section to section, in Word and PDF
(the sections' own widths had made it 33 %, 38 %, 44 % and 45 % of the text width)."""

from __future__ import annotations

import io
import re

from docx import Document as read_docx
from export_factory import filled_project

from jcm_pdd.export.build_pdd import build_pdd
from jcm_pdd.export.document import KeyValueTable, SignatureBlock
from jcm_pdd.export.form_layout import layout_for
from jcm_pdd.export.render_docx import render_docx
from jcm_pdd.model import ParticipantEntity

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _moc():
    project = filled_project()
    project.moc.other_participants = [ParticipantEntity(name="Solar Power International LLC")]
    return build_pdd(project, layout_for(project, "MoC"), None, public=False, draft=False)


def test_every_label_column_of_the_moc_has_one_width() -> None:
    """What both renderers draw from: every label table and signature box of the statement."""
    doc = _moc()
    shares = {
        (type(b).__name__, b.key_width)
        for b in doc.blocks
        if isinstance(b, KeyValueTable | SignatureBlock)
    }
    assert {share for _, share in shares} == {0.4}, sorted(shares)
    assert {kind for kind, _ in shares} == {"KeyValueTable", "SignatureBlock"}


def test_the_word_moc_label_column_is_one_width() -> None:
    word = read_docx(io.BytesIO(render_docx(_moc())))
    firsts = []
    for table in word.tables:
        grid = [int(c.get(f"{_W}w")) for c in table._tbl.iter(f"{_W}gridCol")]
        first_cells = {row.cells[0].text for row in table.rows}
        if len(grid) != 2 or all(re.fullmatch(r"\(\d+\)|", t) for t in first_cells):
            continue  # Section 4's numbered list: its "(1)" column is no label column
        firsts.append(grid[0])
    assert len(firsts) > 10
    assert len(set(firsts)) == 1, sorted(set(firsts))
