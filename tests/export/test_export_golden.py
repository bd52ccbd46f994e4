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
from jcm_pdd.export.layout import fallback_pdd_layout
from jcm_pdd.export.layout_moc import fallback_moc_layout
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


CASES = {
    # The built-in layouts, not forms/: another team edits forms/, and a wording change there
    # must not break this test (test_export_build checks the forms-based content instead).
    "pdd_fallback_public_draft": lambda: build_pdd(
        filled_project(), fallback_pdd_layout(), sample_figures(), public=True, draft=True
    ),
    "pdd_fallback_final": lambda: build_pdd(
        filled_project(), fallback_pdd_layout(), sample_figures(), public=False, draft=False
    ),
    "moc_fallback": lambda: build_pdd(
        filled_project(), fallback_moc_layout(), None, public=False, draft=False
    ),
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
