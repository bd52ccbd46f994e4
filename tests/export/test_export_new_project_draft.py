"""A draft export of a brand-new project, for every shipped methodology template, writes every
format with visible "[to be completed]" placeholders; a renderer failure reaches the user as a
sentence in product words, never as the library's message."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document as read_docx
from openpyxl import load_workbook
from tests_support_paths import REPO_ROOT

from jcm_pdd.cli import main
from jcm_pdd.errors import UserError
from jcm_pdd.export import export_set
from jcm_pdd.export.build_pdd import TO_BE_COMPLETED
from jcm_pdd.methodology import load_registry
from jcm_pdd.session.newproject import SiteEntry, methodologies, new_project

TEMPLATES = sorted(p.stem for p in (REPO_ROOT / "methodology_templates").glob("*.toml"))


def _docx_text(path: Path) -> str:
    word = read_docx(io.BytesIO(path.read_bytes()))
    cells = [c.text for t in word.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in word.paragraphs] + cells)


def test_every_shipped_template_is_covered() -> None:
    shipped = {m.template.identity.full_id for m in methodologies()}
    assert set(TEMPLATES) <= shipped
    assert len(TEMPLATES) >= 15


@pytest.mark.parametrize("full_id", TEMPLATES)
def test_draft_of_a_brand_new_project_writes_every_format(
    full_id: str, tmp_path: Path, pdf_text: object
) -> None:
    choice = next(m for m in methodologies() if m.template.identity.full_id == full_id)
    # as the wizard makes it: the template's country, one site with nothing entered yet
    project = new_project(choice.country, choice, [SiteEntry(id="S1")])
    paths = export_set(project, tmp_path, draft=True, parallel=False)
    kinds = sorted(p.suffix for p in paths)
    assert kinds == [".docx"] * 4 + [".pdf"] * 2 + [".xlsx"] * 2
    assert all(p.stat().st_size > 1000 for p in paths)
    pdd_docx = next(p for p in paths if "_PDD_" in p.name and p.suffix == ".docx")
    assert TO_BE_COMPLETED in _docx_text(pdd_docx)
    pdf = next(p for p in paths if p.suffix == ".pdf")
    text = pdf_text(pdf)  # type: ignore[operator]
    assert TO_BE_COMPLETED in text and "DRAFT" in text
    assert f"_F_PDD_ver{project.rule_set.pdd_form_version}" in text
    assert project.rule_set.pdd_form_version  # the header names the form's version
    for book in (p for p in paths if p.suffix == ".xlsx"):
        assert load_workbook(book).sheetnames


def test_cli_new_then_draft_export_writes_every_format(tmp_path: Path) -> None:
    project = tmp_path / "p.jcmpdd"
    assert main(["new", "--methodology", "JCM_ID_AM001", str(project)]) == 0
    out = tmp_path / "o"
    assert main(["export", str(project), "--out", str(out), "--draft"]) == 0
    names = sorted(p.name for p in out.iterdir())
    assert len(names) == 8
    assert all("_ver_" not in n for n in names)  # the form version is filled in


def test_a_renderer_failure_is_a_sentence_not_library_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib

    render_pdf = importlib.import_module("jcm_pdd.export.render_pdf")

    def broken(_doc: object) -> bytes:
        raise ValueError("<Table@0x7F 0 rows x unknown cols>... must have at least a row")

    monkeypatch.setattr(render_pdf, "render_pdf", broken)
    template = load_registry().get("JCM_ID_AM001")
    choice = next(m for m in methodologies() if m.template is template)
    project = new_project("ID", choice, [SiteEntry(id="S1")])
    with pytest.raises(UserError) as caught:
        export_set(project, tmp_path, formats={"pdf"}, draft=True, parallel=False)
    message = caught.value.message
    assert "PDD (PDF)" in message and "Table@" not in message and "ValueError" not in message
    assert list(tmp_path.iterdir()) == []  # nothing half-written
