"""Golden file of word/document.xml (volatile parts normalised).

Regenerate after an intended layout change with::

    JCM_REGEN_GOLDEN=1 python -m pytest -q tests/export/test_export_golden.py

and review the diff of tests/export/golden/ before committing it.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from pathlib import Path

import pytest
from export_factory import filled_project, sample_figures

from jcm_pdd.export.build_pdd import build_pdd
from jcm_pdd.export.document import Document
from jcm_pdd.export.form_layout import PageForm, layout_for
from jcm_pdd.export.render_docx import render_docx

GOLDEN = Path(__file__).parent / "golden"


def normalise(xml: str) -> str:
    """Drop what may change without a layout change: relationship ids, drawing ids, rsids."""
    xml = re.sub(r'r:(embed|id)="rId\d+"', r'r:\1="rId"', xml)
    xml = re.sub(r'(<wp:docPr|<pic:cNvPr) id="\d+"', r'\1 id="0"', xml)
    xml = re.sub(r' w:rsid\w*="[0-9A-F]+"', "", xml)
    return xml.replace("><", ">\n<")


def _document_xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return normalise(zf.read("word/document.xml").decode("utf-8"))


def _forms_document(form: PageForm, *, public: bool, draft: bool) -> Document:
    """A document drawn from the form definitions in forms/, the exporters' one layout source:
    a wording change there shows up here as a golden-file diff to review and re-baseline."""
    project = filled_project()
    figures = sample_figures() if form == "PDD" else None
    return build_pdd(project, layout_for(project, form), figures, public=public, draft=draft)


CASES = {
    "pdd_public_draft": lambda: _forms_document("PDD", public=True, draft=True),
    "pdd_final": lambda: _forms_document("PDD", public=False, draft=False),
    "moc": lambda: _forms_document("MoC", public=False, draft=False),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_document_xml_matches_golden(name: str) -> None:
    actual = _document_xml(render_docx(CASES[name]()))
    golden = GOLDEN / f"{name}.document.xml"
    if os.environ.get("JCM_REGEN_GOLDEN"):
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert golden.is_file(), f"missing {golden}; run with JCM_REGEN_GOLDEN=1 to create it"
    assert actual == golden.read_text(encoding="utf-8")
