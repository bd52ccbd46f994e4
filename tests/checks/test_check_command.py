"""``jcm-pdd check`` and ``jcm-pdd forms`` (headless commands over the checks and forms)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from jcm_pdd.cli import main
from jcm_pdd.paths import forms_dir, sample_project_path
from jcm_pdd.storage import load_project, save_project


def test_the_sample_checks_clean(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(sample_project_path())]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "0 error(s), 0 warning(s), 0 info(s)" in captured.err


def test_errors_are_listed_with_their_place_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    loaded = load_project(sample_project_path())
    loaded.project.pdd.title = ""
    loaded.project.pdd.sites[1].latitude = None
    broken = tmp_path / "broken.jcmpdd"
    save_project(broken, loaded.project, loaded.attachments)
    assert main(["check", str(broken)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("error    PDD A.1") and "pdd.title" in lines[0]
    assert "pdd.sites.1.latitude" in lines[1]
    assert main(["check", "--json", str(broken)]) == 1
    rows = json.loads(capsys.readouterr().out)
    assert [(r["code"], r["location"]) for r in rows] == [
        ("required.field", "pdd.title"),
        ("required.column", "pdd.sites.1.latitude"),
    ]


def test_a_file_that_is_not_a_project_is_a_user_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bogus = tmp_path / "notes.jcmpdd"
    bogus.write_text("not a zip", encoding="utf-8")
    assert main(["check", str(bogus)]) == 1
    assert capsys.readouterr().err.startswith("jcm-pdd: error:")


def test_forms_lists_and_checks_definitions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["forms"]) == 0
    out = capsys.readouterr().out
    assert "MN  PDD  ver03.0  JCM_MN_F_PDD_ver03.0" in out
    copy = tmp_path / "forms"
    shutil.copytree(forms_dir(), copy)
    assert main(["forms", "--check", str(copy)]) == 0
    country_files = [f for f in copy.glob("*/*_ver*.toml") if f.parent.name != "_base"]
    assert len(country_files) >= 28
    assert f"{len(country_files)} form definitions are valid" in capsys.readouterr().out
    pdd = copy / "MN" / "PDD_ver03.0.toml"
    pdd.write_text(pdd.read_text(encoding="utf-8").replace('base = "PDD"', 'base = "X"'))
    assert main(["forms", "--check", str(copy)]) == 1
    assert "PDD_ver03.0.toml (base)" in capsys.readouterr().err
