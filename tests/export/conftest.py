"""Fixtures for export tests: the filled project, and LibreOffice / poppler helpers that skip
(with the reason) when the tool is not installed. LibreOffice runs with a private profile per
test session (-env:UserInstallation) so it never touches, or waits on, a user's profile."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from export_tools import PDFTOTEXT, SOFFICE


@pytest.fixture(scope="session")
def lo_profile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("lo-profile")


@pytest.fixture
def soffice_convert(lo_profile: Path) -> Callable[[Path, str, Path], Path]:
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed; .ci/run installs it")
    soffice = SOFFICE

    def convert(source: Path, target: str, out_dir: Path) -> Path:
        out_dir.mkdir(parents=True, exist_ok=True)
        result = subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={lo_profile.as_uri()}",
                "--headless",
                "--convert-to",
                target,
                "--outdir",
                str(out_dir),
                str(source),
            ],
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )
        produced = out_dir / f"{source.stem}.{target.split(':')[0]}"
        assert result.returncode == 0, result.stderr
        assert produced.is_file(), f"LibreOffice wrote nothing: {result.stdout} {result.stderr}"
        return produced

    return convert


@pytest.fixture
def pdf_text() -> Callable[[Path], str]:
    if PDFTOTEXT is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    tool = PDFTOTEXT

    def read(path: Path) -> str:
        return subprocess.run(
            [tool, "-layout", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout

    return read
