"""No research note reaches an exported document (issue 13, item 6, "Must show").

Every shipped template: a fresh project made from it and exported (a final export where the
checks allow it, else a draft), public and confidential copies of every format; and the sample,
exported as final. Every Word and workbook part, and the text of every PDF, is scanned with the
one list of internal-note patterns (``methodology.public_text``: ``.md`` file references,
``§`` into a notes file, ``[SRC]`` and the other research tags, "reconstruction",
"not found in any source", "(unverified)", placeholders).
"""

from __future__ import annotations

import io
import subprocess
import zipfile
from pathlib import Path

import pytest
from export_tools import PDFTOTEXT

from jcm_pdd.errors import UserError
from jcm_pdd.export import export_set
from jcm_pdd.methodology.prefill import new_project_from_template
from jcm_pdd.methodology.public_text import internal_note
from jcm_pdd.methodology.registry import load_registry
from jcm_pdd.paths import sample_project_path
from jcm_pdd.storage import load_project

TEMPLATES = sorted(t.identity.full_id for t in load_registry().all())


def _texts(path: Path) -> dict[str, str]:
    data = path.read_bytes()
    if path.suffix == ".pdf":
        assert PDFTOTEXT is not None
        text = subprocess.run(
            [PDFTOTEXT, "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
        ).stdout.decode("utf-8", "replace")
        return {path.name: text}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {
            f"{path.name}:{name}": archive.read(name).decode("utf-8", "replace")
            for name in archive.namelist()
            if name.endswith((".xml", ".rels"))
        }


def _export(source: object, out: Path) -> tuple[list[Path], bool]:
    try:
        return export_set(source, out, parallel=False), True
    except UserError:
        return export_set(source, out, draft=True, parallel=False), False


def _notes_in(paths: list[Path]) -> list[str]:
    found = []
    for path in paths:
        for where, text in _texts(path).items():
            note = internal_note(text)
            if note is not None:
                found.append(f"{where}: {note}")
    return found


@pytest.mark.skipif(PDFTOTEXT is None, reason="poppler-utils (pdftotext) is not installed")
@pytest.mark.parametrize("full_id", TEMPLATES)
def test_a_fresh_project_of_each_template_exports_no_research_notes(
    tmp_path: Path, full_id: str
) -> None:
    template = next(t for t in load_registry().all() if t.identity.full_id == full_id)
    project = new_project_from_template(template)
    project.pdd.title = "Project"
    written, _final = _export(project, tmp_path)
    assert {p.suffix for p in written} == {".docx", ".pdf", ".xlsx"}
    assert _notes_in(written) == []


@pytest.mark.skipif(PDFTOTEXT is None, reason="poppler-utils (pdftotext) is not installed")
def test_the_sample_exports_as_final_without_research_notes(tmp_path: Path) -> None:
    written, final = _export(load_project(sample_project_path()), tmp_path)
    assert final, "the sample passes the checks and exports as final"
    assert len(written) == 8
    assert _notes_in(written) == []


def test_the_scan_would_find_a_note(tmp_path: Path) -> None:
    """The scan is not vacuous: a note typed into a field is found in every format."""
    loaded = load_project(sample_project_path())
    loaded.project.pdd.references = "See methodologies.md §3.4 [SRC]"
    written = export_set(loaded, tmp_path, formats={"docx", "pdf"}, copies={"public"}, draft=True)
    if PDFTOTEXT is None:
        written = [p for p in written if p.suffix != ".pdf"]
    assert len(_notes_in(written)) == len(written)
