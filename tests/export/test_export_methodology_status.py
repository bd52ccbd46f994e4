"""Every export says when the methodology is not verified, and a final export of a project on
a methodology not read from the approved document waits for the acknowledgement recorded in
the project (methodology/status.py; check methodology.acknowledgement)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document as read_docx
from export_factory import filled_project
from openpyxl import load_workbook

from jcm_pdd.errors import UserError
from jcm_pdd.export import export_set
from jcm_pdd.methodology.status import ACKNOWLEDGED, CAVEAT
from jcm_pdd.paths import sample_project_path, templates_dir, user_templates_dir
from jcm_pdd.storage import load_project, save_project


def _docx_text(path: Path) -> str:
    word = read_docx(io.BytesIO(path.read_bytes()))
    cells = [c.text for t in word.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in word.paragraphs] + cells)


def _workbook_text(path: Path) -> str:
    book = load_workbook(path)
    return "\n".join(
        str(cell.value)
        for ws in book.worksheets
        for row in ws.iter_rows()
        for cell in row
        if cell.value is not None
    )


@pytest.fixture
def reconstructed_mn_am003() -> Path:
    """The shipped MN_AM003 declared reconstructed, as a user template of the same id and
    version (a weaker declaration is always allowed)."""
    shipped = (templates_dir() / "JCM_MN_AM003_ver02.0.toml").read_text(encoding="utf-8")
    assert 'methodology_status = "unverified"' in shipped
    custom = user_templates_dir() / "JCM_MN_AM003_ver02.0.toml"
    custom.parent.mkdir(parents=True, exist_ok=True)
    custom.write_text(
        shipped.replace(
            'methodology_status = "unverified"', 'methodology_status = "reconstructed"'
        ),
        encoding="utf-8",
    )
    yield custom
    custom.unlink()


def test_unverified_methodology_is_said_in_the_pdd_and_the_workbook(tmp_path: Path) -> None:
    paths = export_set(filled_project(), tmp_path, formats={"docx", "xlsx"}, draft=True)
    pdd = next(p for p in paths if p.suffix == ".docx" and not p.name.startswith("for_public"))
    xlsx = next(p for p in paths if p.suffix == ".xlsx" and not p.name.startswith("for_public"))
    assert CAVEAT["unverified"] in _docx_text(pdd)
    assert CAVEAT["unverified"] in _workbook_text(xlsx)


def test_final_export_waits_for_the_acknowledgement(
    tmp_path: Path, reconstructed_mn_am003: Path
) -> None:
    # the shipped sample is complete: on the verified-enough template it exports as final
    with pytest.raises(UserError) as caught:
        export_set(sample_project_path(), tmp_path / "refused", formats={"docx"})
    message = caught.value.message
    assert "final export is not possible while 1 error(s) remain" in message
    assert "acknowledgement" in message
    assert not list((tmp_path / "refused").glob("*.docx"))

    loaded = load_project(sample_project_path())
    loaded.project.pdd.methodology.acknowledged_template = "JCM_MN_AM003_ver02.0"
    acknowledged = tmp_path / "acknowledged.jcmpdd"
    save_project(acknowledged, loaded.project, loaded.attachments)
    paths = export_set(acknowledged, tmp_path / "final", formats={"docx", "xlsx"})
    pdd = next(p for p in paths if p.suffix == ".docx" and not p.name.startswith("for_public"))
    xlsx = next(p for p in paths if p.suffix == ".xlsx" and not p.name.startswith("for_public"))
    # The final document, read by the validator, records what the participants acknowledged
    # instead of telling them to check before submission.
    for text in (_docx_text(pdd), _workbook_text(xlsx)):
        assert ACKNOWLEDGED in text
        assert "before submission" not in text

    # A draft of the same project before the acknowledgement still carries the instruction.
    drafts = export_set(sample_project_path(), tmp_path / "draft", formats={"docx"}, draft=True)
    draft = next(p for p in drafts if p.suffix == ".docx" and not p.name.startswith("for_public"))
    assert CAVEAT["reconstructed"] in _docx_text(draft)


def test_an_acknowledgement_for_another_template_does_not_count(
    tmp_path: Path, reconstructed_mn_am003: Path
) -> None:
    project = filled_project()
    project.pdd.methodology.acknowledged_template = "JCM_MN_AM003_ver01.0"
    with pytest.raises(UserError, match="acknowledgement"):
        export_set(project, tmp_path / "out", formats={"docx"})
