"""A damaged form definition is the user's file to mend, not a bug: every command that reads
the forms says so in one line naming the file, exits non-zero, keeps no crash-log entry and
changes neither the definition nor the project."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from jcm_pdd import paths
from jcm_pdd.cli import main
from jcm_pdd.crashlog import log_path
from jcm_pdd.forms import registry
from jcm_pdd.forms.loader import FormDefinitionError
from jcm_pdd.package.review import Review, save_review
from jcm_pdd.paths import forms_dir, sample_project_path

# one damage of each kind the loader meets: not TOML, not UTF-8, a schema problem
DAMAGE = {
    "MN/PDD_ver03.0.toml": (b"", b"[[sections]\n"),
    "countries.toml": (b"", b"\xff\xfe not text\n"),
    "MN/MoC_ver02.0.toml": (b'code = "JCM_MN_F_MoC_ver02.0"', b"code = 3"),
}
COMMANDS = {
    "forms": ["forms"],
    "forms --check": ["forms", "--check", "{forms}"],
    "new": ["new", "--methodology", "JCM_MN_AM003", "{tmp}/new.jcmpdd"],
    "check": ["check", "{project}"],
    "export": ["export", "{project}", "--out", "{tmp}/out", "--format", "docx,moc", "--draft"],
    "package": ["package", "{project}", "--out", "{tmp}/p.jcmpkg", "--quiet"],
    "diff": ["diff", "{project}", "{project}"],
    "review show": ["review", "show", "{review}", "--package", "{package}"],
}


@pytest.fixture(scope="module")
def intact_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A validation package of the sample, built while the forms are whole."""
    folder = tmp_path_factory.mktemp("intact")
    out = folder / "sample.jcmpkg"
    assert main(["package", str(sample_project_path()), "--out", str(out), "--quiet"]) == 0
    return out


@pytest.fixture()
def damaged_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A data root whose ``forms/`` (a copy of the shipped one) is read before the shipped."""
    root = tmp_path / "root"
    shutil.copytree(forms_dir(), root / "forms")
    real = paths._candidate_roots
    monkeypatch.setattr(paths, "_candidate_roots", lambda: [root, *real()])
    registry._load_default.cache_clear()
    yield root
    registry._load_default.cache_clear()


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("damaged", list(DAMAGE))
def test_every_command_reading_forms_refuses_a_damaged_one_as_a_user_error(
    damaged_root: Path,
    intact_package: Path,
    tmp_path: Path,
    command: str,
    damaged: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    file = damaged_root / "forms" / damaged
    old, new = DAMAGE[damaged]
    assert old in file.read_bytes()
    file.write_bytes(file.read_bytes().replace(old, new, 1) if old else new)
    damage = file.read_bytes()
    project = shutil.copy(sample_project_path(), tmp_path / "p.jcmpdd")
    review = save_review(Review(project_title="Sample"), tmp_path / "r.jcmreview")
    (tmp_path / "out").mkdir()
    before = project.read_bytes()
    places = {
        "forms": damaged_root / "forms",
        "tmp": tmp_path,
        "project": project,
        "review": review,
        "package": intact_package,
    }
    argv = [part.format(**places) for part in COMMANDS[command]]

    assert main(argv) != 0
    out, err = capsys.readouterr()
    said = out + err
    assert file.name in said, said
    assert "internal error" not in said and "Traceback" not in said
    if err:
        assert len(err.strip().splitlines()) == 1, err  # one line
    assert not log_path().exists() or log_path().read_text(encoding="utf-8") == ""
    assert file.read_bytes() == damage  # the definition is left as it is
    assert project.read_bytes() == before
    assert not (tmp_path / "new.jcmpdd").exists() and not (tmp_path / "p.jcmpkg").exists()


def test_the_monitoring_export_refuses_a_damaged_definition_too(
    damaged_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The Monitoring Report names the partner country from countries.toml."""
    from jcm_pdd.paths import registered_sample_path

    file = damaged_root / "forms" / "countries.toml"
    file.write_bytes(b"\xff\xfe not text\n")
    project = shutil.copy(registered_sample_path(), tmp_path / "r.jcmpdd")
    before = project.read_bytes()
    (tmp_path / "out").mkdir()
    argv = ["monitoring", "export", str(project), "--out", str(tmp_path / "out"), "--draft"]
    assert main(argv) != 0
    err = capsys.readouterr().err
    assert "countries.toml" in err and len(err.strip().splitlines()) == 1, err
    assert "internal error" not in err
    assert not log_path().exists() or log_path().read_text(encoding="utf-8") == ""
    assert project.read_bytes() == before and file.read_bytes() == b"\xff\xfe not text\n"


def test_a_problem_in_a_base_file_names_the_base_too(damaged_root: Path) -> None:
    """Most of a country file's content comes from its base (``_base/``): a schema problem in
    the merged definition names the base beside the country file that was being read."""
    base = damaged_root / "forms" / "_base" / "MoC.toml"
    text = base.read_text(encoding="utf-8")
    assert 'orientation = "portrait"' in text
    base.write_text(text.replace('orientation = "portrait"', "orientation = 3"), encoding="utf-8")
    with pytest.raises(FormDefinitionError) as caught:
        registry.load_forms(damaged_root / "forms").get("MN", "MoC")
    message = str(caught.value)
    assert message.startswith("Form definition MoC_ver02.0.toml")
    assert "built on _base/MoC.toml" in message
