"""A file the app saved always opens again; hostile text and special files get one clear line.

Issue 11 items 1 (saved-then-refused), 8 (lone surrogates, control characters) and 9 (FIFOs).
"""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from storage_builders import sample_project

from jcm_pdd.storage import (
    DEFAULT_LIMITS,
    ProjectFileError,
    ProjectSaveError,
    load_project,
    read_manifest,
    save_project,
)
from jcm_pdd.storage import save as save_module


def test_repetitive_pasted_data_saves_and_opens_again(tmp_path: Path) -> None:
    # 1.8 MB of "0.000<TAB>" (pasted meter readings) deflates about 250:1.
    project = sample_project()
    project.pdd.annex = "0.000\t" * 300_000
    path = tmp_path / "zeros.jcmpdd"
    save_project(path, project)
    assert load_project(path).project.pdd.annex == project.pdd.annex


def test_the_writer_refuses_a_file_the_reader_would_refuse(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "p.jcmpdd"
    save_project(path, sample_project())
    before = path.read_bytes()
    tight = replace(DEFAULT_LIMITS, max_json_size=20_000)
    monkeypatch.setattr(save_module, "READ_LIMITS", tight)
    project = sample_project()
    project.pdd.annex = "measured " * 5000
    with pytest.raises(ProjectSaveError) as caught:
        save_project(path, project)
    assert "would be refused when opened again" in caught.value.message
    assert "at most 19.5 KB" in caught.value.message
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["p.jcmpdd"]  # no temp left behind


def test_a_lone_surrogate_is_a_save_error_not_a_crash(tmp_path: Path) -> None:
    project = sample_project()
    project.pdd.title = "Solar \ud800"
    with pytest.raises(ProjectSaveError, match="not valid Unicode"):
        save_project(tmp_path / "p.jcmpdd", project)
    assert list(tmp_path.iterdir()) == []


def test_a_file_with_a_lone_surrogate_escape_is_refused_at_load(tmp_path: Path) -> None:
    path = tmp_path / "p.jcmpdd"
    save_project(path, sample_project())
    import zipfile

    with zipfile.ZipFile(path) as source:
        entries = [(info, source.read(info)) for info in source.infolist()]
    forged = tmp_path / "forged.jcmpdd"
    with zipfile.ZipFile(forged, "w") as out:
        for info, data in entries:
            if info.filename == "project.json":
                data = data.replace(b"Rooftop solar", b"Rooftop \\ud800 solar")
            out.writestr(info, data)
    with pytest.raises(ProjectFileError, match="not valid Unicode"):
        load_project(forged)
    # A valid pair of surrogate escapes is an ordinary character and loads.
    paired = tmp_path / "paired.jcmpdd"
    with zipfile.ZipFile(paired, "w") as out:
        for info, data in entries:
            if info.filename == "project.json":
                data = data.replace(b"Rooftop solar", b"Rooftop \\ud83d\\ude00 solar")
            out.writestr(info, data)
    assert load_project(paired).project.pdd.title.startswith("Rooftop \U0001f600")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX feature")
def test_a_fifo_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "p.jcmpdd"
    os.mkfifo(fifo)
    with pytest.raises(ProjectFileError, match="not a regular file"):
        load_project(fifo)


def test_special_files_are_refused_without_blocking() -> None:
    if sys.platform == "win32" or not Path("/dev/zero").exists():
        pytest.skip("/dev/zero is a POSIX device")
    with pytest.raises(ProjectFileError, match="not a regular file"):
        load_project("/dev/zero")


def test_a_title_of_megabytes_saves_and_opens_again(tmp_path: Path) -> None:
    """The title went whole into manifest.json (the start page's summary), which the reader
    takes only up to 1 MB: the save succeeded and the file could not be opened again."""
    project = sample_project()
    project.pdd.title = "T" * (2 << 20)
    path = tmp_path / "p.jcmpdd"
    save_project(path, project)
    assert load_project(path).project.pdd.title == project.pdd.title
    assert read_manifest(path).summary["title"] == "T" * 1000
