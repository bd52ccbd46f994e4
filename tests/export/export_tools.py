"""Where the external tools the export tests use are (None when absent: those tests skip).

A module of its own so test folders never import each other's conftest by accident."""

from __future__ import annotations

import shutil

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")
PDFFONTS = shutil.which("pdffonts")
PDFTOPPM = shutil.which("pdftoppm")
