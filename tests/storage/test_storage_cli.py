"""``jcm-pdd info`` and ``jcm-pdd dump``: headless, exact, and one-line errors."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from storage_builders import manifest_bytes, replace, sample_project, valid_entries, write_raw

from jcm_pdd.cli import main
from jcm_pdd.model import FORMAT_VERSION
from jcm_pdd.paths import migration_backup_dir
from jcm_pdd.storage import AttachmentStore, save_project


def test_info(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = AttachmentStore()
    path = tmp_path / "p.jcmpdd"
    save_project(path, sample_project(store), store)
    assert main(["info", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Title:           Rooftop solar PV in Ulaanbaatar" in out
    assert "Country:         MN" in out
    assert "Methodology:     JCM_MN_AM003 ver02.0" in out
    assert f"Format version:  {FORMAT_VERSION}" in out
    assert "Sites:           2" in out and "S2: Darkhan, Mongolia" in out
    assert "Attachments:     1" in out and "figure.png  image/png" in out


def test_dump_prints_project_json_exactly(
    tmp_path: Path, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    path = tmp_path / "p.jcmpdd"
    save_project(path, sample_project())
    assert main(["dump", str(path)]) == 0
    with zipfile.ZipFile(path) as archive:
        assert capfdbinary.readouterr().out == archive.read("project.json")


@pytest.mark.parametrize("command", ["info", "dump"])
def test_errors_are_one_line_exit_1(
    tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "letter.jcmpdd"
    bad.write_text("not a project")
    assert main([command, str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not a zip container" in err


def test_usage_error_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["info"]) == 2


def test_info_on_an_older_format_converts_in_memory_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    v0 = {"format_version": 0, "title": "Old draft", "country": "MN", "sites": []}
    entries = replace(valid_entries(with_figure=False), "manifest.json", manifest_bytes(0))
    path = write_raw(
        tmp_path / "old.jcmpdd", replace(entries, "project.json", json.dumps(v0).encode())
    )
    before = path.read_bytes()
    assert main(["info", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Title:           Old draft" in out
    assert "Format version:  0 (older format; the app converts it when opened)" in out
    assert path.read_bytes() == before
    assert list(migration_backup_dir().iterdir()) == []
