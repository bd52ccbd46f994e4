"""Damaged figure attachments: a draft shows a placeholder, a final export refuses by name."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document as read_docx
from PIL import Image

from jcm_pdd.errors import UserError
from jcm_pdd.export import export_set
from jcm_pdd.export.images import image_problem
from jcm_pdd.paths import sample_project_path
from jcm_pdd.storage import load_project, save_project


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(buffer, format="PNG")
    return buffer.getvalue()


def test_image_problem_tells_damaged_from_sound_images() -> None:
    good = _png()
    assert image_problem(good) == ""
    assert "not an image" in image_problem(b"%PDF-1.7 not a picture")
    assert "damaged" in image_problem(good[: len(good) // 2])


def _with_figure(tmp_path: Path, data: bytes) -> Path:
    loaded = load_project(sample_project_path())
    figure = tmp_path / "boundary.png"
    figure.write_bytes(data)
    record = loaded.attachments.add_file(figure, supports_field="pdd.figure_attachment")
    project = loaded.project
    project.attachments = [
        a for a in project.attachments if a.sha256 != project.pdd.figure_attachment
    ] + [record]
    project.pdd.figure_attachment = record.sha256
    target = tmp_path / "project.jcmpdd"
    save_project(target, project, loaded.attachments)
    return target


def test_final_export_refuses_a_damaged_figure_and_names_it(tmp_path: Path) -> None:
    good = _png()
    source = _with_figure(tmp_path, good[: len(good) // 2])
    with pytest.raises(UserError, match="'boundary.png' cannot be used: the image is damaged"):
        export_set(source, tmp_path / "out", formats={"docx"}, copies={"confidential"})
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_draft_export_shows_a_placeholder_instead_of_crashing(tmp_path: Path) -> None:
    source = _with_figure(tmp_path, b"\x89PNG\r\n\x1a\n" + b"garbage" * 10)
    written = export_set(
        source, tmp_path / "out", formats={"docx"}, copies={"confidential"}, draft=True
    )
    text = "\n".join(p.text for p in read_docx(str(written[0])).paragraphs)
    assert "the attached figure cannot be shown" in text
