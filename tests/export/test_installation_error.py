"""A renderer that cannot read a file the app ships (the frozen build without python-docx's
templates did this) stops the export with a damaged-installation error naming the file."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from jcm_pdd.errors import InstallationError
from jcm_pdd.export.api import export_set
from jcm_pdd.paths import sample_project_path


def test_a_missing_renderer_file_is_an_installation_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def missing_template(_doc: object) -> bytes:
        raise FileNotFoundError(
            2, "No such file", "/app/docx/parts/../templates/default-header.xml"
        )

    renderer = importlib.import_module("jcm_pdd.export.render_docx")
    monkeypatch.setattr(renderer, "render_docx", missing_template)
    with pytest.raises(InstallationError) as caught:
        export_set(sample_project_path(), tmp_path, formats=["docx"], parallel=False)
    assert caught.value.document == "PDD (Word)"
    assert caught.value.detail == "default-header.xml"
    assert "Reinstall the app" in caught.value.message
    assert list(tmp_path.iterdir()) == []  # nothing half-written
