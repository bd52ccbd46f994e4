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


def _photo_with_metadata() -> tuple[bytes, Image.Image]:
    """A JPEG carrying EXIF author and GPS and a comment, as a phone photo does."""
    picture = Image.new("RGB", (64, 48), (30, 120, 200))
    exif = Image.Exif()
    exif[0x013B] = "Secret Surveyor"  # Artist
    exif[0x8825] = {1: "N", 2: (47.0, 54.0, 31.5), 3: "E", 4: (106.0, 55.0, 1.25)}  # GPS
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", exif=exif.tobytes(), comment=b"Secret comment")
    return buffer.getvalue(), picture


def _png_with_text() -> bytes:
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Author", "Secret Surveyor")
    info.add_itxt("Description", "Secret site at 47.9N")
    buffer = io.BytesIO()
    Image.new("RGB", (16, 16), "green").save(buffer, format="PNG", pnginfo=info)
    return buffer.getvalue()


def _images_in(path: Path) -> list[bytes]:
    import zipfile

    with zipfile.ZipFile(path) as docx:
        return [docx.read(n) for n in docx.namelist() if n.startswith("word/media/")]


@pytest.mark.parametrize("kind", ["jpeg", "png"])
def test_every_copy_carries_the_figure_without_its_metadata(tmp_path: Path, kind: str) -> None:
    from jcm_pdd.export.images import without_metadata

    data = _photo_with_metadata()[0] if kind == "jpeg" else _png_with_text()
    assert b"Secret" in data
    source = _with_figure(tmp_path, data)
    notes: list[str] = []
    written = export_set(source, tmp_path / "out", formats={"docx", "pdf"}, notes=notes, draft=True)
    assert len(written) == 4
    for path in written:
        assert b"Secret" not in path.read_bytes(), path.name
        if path.suffix == ".docx":
            [image] = _images_in(path)
            assert b"Secret" not in image and image == without_metadata(data)
            with Image.open(io.BytesIO(image)) as shown:
                assert not shown.getexif() and not getattr(shown, "text", {})
    assert notes and "Metadata" in notes[0] and "1 image" in notes[0]


def test_removing_metadata_keeps_every_pixel() -> None:
    from jcm_pdd.export.images import without_metadata

    data, _ = _photo_with_metadata()
    clean = without_metadata(data)
    with Image.open(io.BytesIO(data)) as before, Image.open(io.BytesIO(clean)) as after:
        assert after.format == "JPEG" and before.tobytes() == after.tobytes()
    assert data.endswith(clean[-200:])  # the compressed image itself is untouched
    png = _png_with_text()
    with Image.open(io.BytesIO(png)) as before:
        with Image.open(io.BytesIO(without_metadata(png))) as after:
            assert before.tobytes() == after.tobytes()
    assert without_metadata(b"%PDF-1.7 not an image") == b"%PDF-1.7 not an image"


def test_a_photo_turned_by_exif_stays_upright_without_its_metadata() -> None:
    from jcm_pdd.export.images import without_metadata

    picture = Image.new("RGB", (40, 20), "red")
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise when shown
    exif[0x013B] = "Secret Surveyor"
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", exif=exif.tobytes())
    clean = without_metadata(buffer.getvalue())
    with Image.open(io.BytesIO(clean)) as shown:
        assert shown.format == "PNG" and shown.size == (20, 40)
    assert b"Secret" not in clean
