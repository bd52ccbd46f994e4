"""The submission gate: one function in ``jcm_pdd.checks`` decides what blocks a final export
or a package, and a broken ``checks`` package stops both instead of letting them through."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from jcm_pdd.checks import Severity, blocking_errors, blocking_lines, run_checks
from jcm_pdd.errors import UserError
from jcm_pdd.export import export_set
from jcm_pdd.package import build_package
from jcm_pdd.paths import sample_project_path
from jcm_pdd.storage import load_project, save_project


def _broken_project(tmp_path: Path) -> Path:
    """The sample with its title removed (a required field): one error at least."""
    loaded = load_project(sample_project_path(), backup_before_migration=False)
    project = loaded.project.model_copy(deep=True)
    project.pdd.title = ""
    out = tmp_path / "broken.jcmpdd"
    save_project(out, project, loaded.attachments)
    return out


def test_blocking_errors_are_exactly_the_error_diagnostics(tmp_path: Path) -> None:
    project = load_project(_broken_project(tmp_path), backup_before_migration=False).project
    errors = blocking_errors(project)
    assert errors, "an empty title must block a final export"
    assert errors == [d for d in run_checks(project) if d.severity is Severity.ERROR]
    lines = blocking_lines(errors)
    assert any("pdd.title" in line for line in lines)


def test_final_export_and_package_refuse_with_the_gate_errors(tmp_path: Path) -> None:
    path = _broken_project(tmp_path)
    with pytest.raises(UserError, match="final export is not possible"):
        export_set(path, tmp_path / "out", formats=["xlsx"])
    with pytest.raises(UserError, match="cannot be packaged"):
        build_package(path, tmp_path / "p.jcmpkg")
    assert not (tmp_path / "p.jcmpkg").exists()


def test_an_unimportable_checks_package_stops_export_and_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # None in sys.modules makes every "import jcm_pdd.checks" raise ImportError, as a broken
    # install would; the gate must fail, never read that as "no errors".
    for name in [
        m for m in sys.modules if m == "jcm_pdd.checks" or m.startswith("jcm_pdd.checks.")
    ]:
        monkeypatch.setitem(sys.modules, name, None)
    sample = sample_project_path()
    with pytest.raises(ImportError):
        export_set(sample, tmp_path / "out", formats=["xlsx"])
    with pytest.raises(ImportError):
        build_package(sample, tmp_path / "p.jcmpkg")
    assert not (tmp_path / "p.jcmpkg").exists()
    assert not list((tmp_path / "out").glob("*.xlsx"))
