"""A package built by an earlier version verifies by its figures, not by today's wording rules.

The rule that public template text carries no research notes (issue 13, item 6) came after the
first packages were made: their packaged template still cites "methodologies.md §…". Verify must
re-run such a template (reading it as packaged), or every earlier package would read ALTERED.
Templates authored now, in the registry or by `templates check`, still get the rule.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from jcm_pdd.methodology import TemplateError
from jcm_pdd.methodology.loader import load_file
from jcm_pdd.methodology.registry import load_registry
from jcm_pdd.package.engine import load_template_file

OLD_CITATION = (
    'citation = "Wording pattern of the IGES solar PV methodologies (methodologies.md §2.2)"'
)


def _older_wording(tmp_path: Path) -> Path:
    shipped = Path(load_registry().get("JCM_MN_AM003").path)
    text = shipped.read_text(encoding="utf-8")
    first = text.index("citation = ")
    end = text.index('"', text.index('"', first) + 1) + 1
    older = text[:first] + OLD_CITATION + text[end:]
    assert "methodologies.md" in older
    path = tmp_path / shipped.name
    path.write_text(older, encoding="utf-8")
    return path


def test_an_authored_template_with_a_research_note_is_refused(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="notes file"):
        load_file(_older_wording(tmp_path), cached=False)


def test_a_packaged_template_with_a_research_note_still_re_runs(tmp_path: Path) -> None:
    template = load_template_file(_older_wording(tmp_path))
    assert template.id == "JCM_MN_AM003"
    assert template.examples  # the same equations and worked examples as the shipped one
