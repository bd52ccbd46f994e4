"""Text no Word file can hold (C0 control characters, U+FFFE/U+FFFF) in a project still exports.

A control character pasted into the title (or in a hand-edited file) made every Word export fail
as "an internal problem in JCM PDD Studio"; the characters are invisible, so the documents leave
them out and the project keeps them.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import docx
import pytest

from jcm_pdd.export import export_set
from jcm_pdd.paths import sample_project_path
from jcm_pdd.storage import load_project, save_project


def test_control_characters_in_the_title_leave_the_word_files_readable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JCM_PDD_HOME", str(tmp_path / "home"))
    loaded = load_project(sample_project_path(), backup_before_migration=False)
    loaded.project.pdd.title = "Solar\x01 \x00roof\x0b top\ufffe"
    path = tmp_path / "p.jcmpdd"
    save_project(path, loaded.project, loaded.attachments)
    before = hashlib.sha256(path.read_bytes()).digest()
    written = export_set(
        path, tmp_path / "out", formats=["docx", "moc"], draft=True, parallel=False
    )
    words = [p for p in written if p.suffix == ".docx"]
    assert len(words) == 4
    for word in words:
        properties = docx.Document(str(word)).core_properties
        assert "Solar roof top" in properties.title + properties.subject
    pdd = next(p for p in words if "PDD" in p.name and "public" not in p.name)
    text = "\n".join(p.text for p in docx.Document(str(pdd)).paragraphs)
    assert "Solar roof top" in text + "".join(
        c.text for t in docx.Document(str(pdd)).tables for r in t.rows for c in r.cells
    )
    assert hashlib.sha256(path.read_bytes()).digest() == before
