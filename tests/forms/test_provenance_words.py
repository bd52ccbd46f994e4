"""A form's provenance as a user reads it: the stored status "recalled" (written from knowledge
of the JCM forms, not confirmed) never reaches the command line, the checks' messages or the
final export's notes; they say the form is not yet confirmed against the official one."""

from __future__ import annotations

from pathlib import Path

import pytest

from jcm_pdd.checks import messages, run_checks
from jcm_pdd.cli import main
from jcm_pdd.export.api import unconfirmed_forms
from jcm_pdd.forms import load_forms
from jcm_pdd.model import Project
from jcm_pdd.storage import load_project


def _vietnam_project(tmp_path: Path) -> Project:
    out = tmp_path / "vn.jcmpdd"
    assert main(["new", "--methodology", "JCM_VN_AM001", str(out)]) == 0
    project = load_project(out).project
    assert load_forms().get("VN", "PDD").status == "recalled"  # the case under test
    return project


def test_forms_command_words_the_status(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["forms"]) == 0
    out = capsys.readouterr().out
    assert "recalled" not in out
    vn_pdd = next(line for line in out.splitlines() if line.startswith("VN  PDD"))
    assert vn_pdd.endswith("fields, not yet confirmed against the official form")
    mn_pdd = next(line for line in out.splitlines() if line.startswith("MN  PDD"))
    assert mn_pdd.endswith("fields, confirmed against the official form")


def test_check_and_export_note_word_the_status(tmp_path: Path) -> None:
    project = _vietnam_project(tmp_path)
    unconfirmed = [d for d in run_checks(project) if d.code == "forms.unconfirmed"]
    assert unconfirmed
    for diagnostic in unconfirmed:
        assert "recalled" not in diagnostic.message
        assert "not yet confirmed against the official form" in diagnostic.message
        japanese = messages.text(diagnostic, "ja")
        assert "記憶" not in japanese and "recalled" not in japanese
        assert "公式の様式との照合未了" in japanese
    notes = unconfirmed_forms(project)
    assert notes and all("recalled" not in note for note in notes)
    assert any("not yet confirmed against the official form" in note for note in notes)
