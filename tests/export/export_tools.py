"""Where the external tools the export tests use are (None when absent: those tests skip), and
the text of a PDF page by page through one of them.

A module of its own so test folders never import each other's conftest by accident."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")
PDFFONTS = shutil.which("pdffonts")
PDFTOPPM = shutil.which("pdftoppm")


def pdf_pages(pdf: bytes, tmp_path: Path) -> list[str]:
    """The text of each page of ``pdf`` (pdftotext), whitespace collapsed to single spaces."""
    assert PDFTOTEXT is not None
    path = tmp_path / "pages.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(
        [PDFTOTEXT, "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    return [" ".join(page.split()) for page in text.split("\f")]
