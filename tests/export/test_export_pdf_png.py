"""PNG figures embedded in the PDF without decoding (jcm_pdd.export.pdf_png): which PNGs pass
through, and a page drawn from the PNG's own stream looks exactly like reportlab's decoding."""

from __future__ import annotations

import io
import subprocess
from importlib import import_module
from pathlib import Path

import pytest
from export_tools import PDFTOPPM
from PIL import Image

from jcm_pdd.export import pdf_png
from jcm_pdd.export.document import Document, Figure, Heading
from jcm_pdd.paths import sample_project_path


def _png(mode: str, **save: object) -> bytes:
    buffer = io.BytesIO()
    colour = {"RGB": (10, 200, 30), "RGBA": (10, 200, 30, 128)}.get(mode, 128)
    image = Image.new(mode, (30, 20), colour)
    image.save(buffer, format="PNG", **save)
    return buffer.getvalue()


def test_plain_rgb_and_grey_pngs_pass_through_others_do_not() -> None:
    rgb = pdf_png.png_data(_png("RGB"))
    assert rgb is not None and (rgb.width, rgb.height, rgb.colours) == (30, 20, 3)
    grey = pdf_png.png_data(_png("L"))
    assert grey is not None and grey.colours == 1
    plain = _png("RGB")
    interlaced = plain[:28] + b"\x01" + plain[29:]  # IHDR's interlace byte (Pillow writes none)
    for other in (_png("RGBA"), _png("P"), interlaced, _png("I;16")):
        assert pdf_png.png_data(other) is None  # reportlab decodes these itself
    assert pdf_png.png_data(b"\xff\xd8\xff JPEG") is None
    assert pdf_png.png_data(_png("RGB")[:40]) is None  # truncated


def _pages(pdf: bytes, tmp_path: Path, name: str) -> list[bytes]:
    assert PDFTOPPM is not None
    source = tmp_path / f"{name}.pdf"
    source.write_bytes(pdf)
    subprocess.run([PDFTOPPM, "-r", "60", str(source), str(tmp_path / name)], check=True)
    return [p.read_bytes() for p in sorted(tmp_path.glob(f"{name}-*.ppm"))]


@pytest.mark.skipif(PDFTOPPM is None, reason="pdftoppm (poppler-utils) is not installed")
def test_passed_through_figure_draws_like_the_decoded_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    figure = sample_project_path().with_name("mongolia-solar-pv-figure.png").read_bytes()
    grey = _png("L")
    doc = Document("t", "h", blocks=[Heading("C.2"), Figure(figure, "one"), Figure(grey, "two")])
    render_pdf = import_module("jcm_pdd.export.render_pdf")  # the module, not the function
    direct = render_pdf.render_pdf(doc)
    assert b"/Predictor 15" in direct  # the PNG stream itself
    monkeypatch.setattr(render_pdf, "png_data", lambda _data: None)
    decoded = render_pdf.render_pdf(doc)
    assert b"/Predictor 15" not in decoded
    assert _pages(direct, tmp_path, "direct") == _pages(decoded, tmp_path, "decoded")
