"""Bad form definitions give user-worded errors that name the file and the field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from jcm_pdd.errors import UserError
from jcm_pdd.forms import FormDefinitionError, check_forms, load_forms
from jcm_pdd.paths import forms_dir, sample_project_path
from tests.forms.broken_forms import COUNTRY_CASES, PYDANTIC_WORDS

MINIMAL_PDD = """
country = "MN"
form_type = "PDD"
version = "03.0"
code = "JCM_MN_F_PDD_ver03.0"
title = "JCM Project Design Document Form"

[[sections]]
id = "A.1"
title = "Title of the JCM project"

[[sections.fields]]
path = "pdd.title"
label = "Title of the JCM project"
required = true
"""


@pytest.fixture()
def forms_copy(tmp_path: Path) -> Path:
    root = tmp_path / "forms"
    shutil.copytree(forms_dir(), root)
    return root


@pytest.fixture()
def minimal(tmp_path: Path) -> Path:
    """A forms folder with one standalone PDD file plus the shared index files."""
    root = tmp_path / "minimal"
    (root / "MN").mkdir(parents=True)
    shutil.copy(forms_dir() / "submission.toml", root)
    shutil.copy(forms_dir() / "countries.toml", root)
    (root / "MN" / "PDD_ver03.0.toml").write_text(MINIMAL_PDD, encoding="utf-8")
    return root


def _error(root: Path) -> FormDefinitionError:
    with pytest.raises(FormDefinitionError) as caught:
        load_forms(root).definitions()  # definitions are validated when first used
    return caught.value


def _edit(file: Path, old: str, new: str) -> None:
    text = file.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not found in {file.name}"
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_minimal_standalone_definition_loads(minimal: Path) -> None:
    registry = load_forms(minimal)
    assert registry.get("MN", "PDD").field("pdd.title").required


def test_not_toml(minimal: Path) -> None:
    (minimal / "MN" / "PDD_ver03.0.toml").write_text("country = \n", encoding="utf-8")
    error = _error(minimal)
    assert error.file.name == "PDD_ver03.0.toml"
    assert "not valid TOML" in error.message and "line 1" in error.message


def test_path_not_in_the_model_names_section_and_field(minimal: Path) -> None:
    _edit(minimal / "MN" / "PDD_ver03.0.toml", 'path = "pdd.title"', 'path = "pdd.titel"')
    error = _error(minimal)
    assert "'pdd.titel' is not in the document model" in error.message
    assert error.where == "section 'A.1', field 'pdd.titel'"


def test_column_path_not_in_the_model(forms_copy: Path) -> None:
    _edit(forms_copy / "_base" / "PDD.toml", 'subpath = "region"', 'subpath = "province"')
    error = _error(forms_copy)
    assert "pdd.sites.*.province" in error.message
    assert "column 'province'" in error.where


def test_unknown_key_is_named(minimal: Path) -> None:
    _edit(minimal / "MN" / "PDD_ver03.0.toml", "required = true", "requird = true")
    error = _error(minimal)
    assert "field 'pdd.title'" in error.where and "requird" in error.where
    assert error.message.endswith(": is not a key a form definition knows (misspelt?)")


def test_unknown_field_type(minimal: Path) -> None:
    _edit(minimal / "MN" / "PDD_ver03.0.toml", "required = true", 'type = "richtext"')
    error = _error(minimal)
    assert "type" in error.where and "'text'" in error.message


def test_file_name_must_match_the_declared_keys(minimal: Path) -> None:
    (minimal / "MN" / "PDD_ver03.0.toml").rename(minimal / "MN" / "PDD_ver02.0.toml")
    error = _error(minimal)
    assert "must be named MN/PDD_ver03.0.toml" in error.message


def test_country_folder_must_match(minimal: Path) -> None:
    (minimal / "TH").mkdir()
    (minimal / "MN" / "PDD_ver03.0.toml").rename(minimal / "TH" / "PDD_ver03.0.toml")
    assert "must be named MN/PDD_ver03.0.toml" in _error(minimal).message


def test_unknown_base(forms_copy: Path) -> None:
    _edit(forms_copy / "MN" / "PDD_ver03.0.toml", 'base = "PDD"', 'base = "PDX"')
    error = _error(forms_copy)
    assert error.where == "base" and "'PDX'" in error.message and "MoC" in error.message


def test_override_of_an_unknown_target(forms_copy: Path) -> None:
    _edit(
        forms_copy / "MN" / "PDD_ver03.0.toml",
        'target = "pdd.participants/country"',
        'target = "pdd.participants/nation"',
    )
    error = _error(forms_copy)
    assert "no section, field or column 'pdd.participants/nation'" in error.message
    assert error.where == "override 1"


def test_undefined_text_variable(forms_copy: Path) -> None:
    _edit(forms_copy / "KE" / "PDD_ver03.0.toml", 'country_formal = "the Republic of Kenya"', "")
    error = _error(forms_copy)
    assert error.file.parent.name == "KE"
    assert "undefined text variable '{{country_formal}}'" in error.message


def test_a_field_twice_in_one_form_needs_an_explicit_id(minimal: Path) -> None:
    file = minimal / "MN" / "PDD_ver03.0.toml"
    file.write_text(
        MINIMAL_PDD + '\n[[sections.fields]]\npath = "pdd.title"\nlabel = "Again"\n',
        encoding="utf-8",
    )
    assert "pdd.title appear twice" in _error(minimal).message


def test_duplicate_section_ids(minimal: Path) -> None:
    file = minimal / "MN" / "PDD_ver03.0.toml"
    file.write_text(MINIMAL_PDD + '\n[[sections]]\nid = "A.1"\ntitle = "Again"\n', encoding="utf-8")
    assert "section id(s) A.1 used more than once" in _error(minimal).message


def test_parent_must_come_first(minimal: Path) -> None:
    _edit(minimal / "MN" / "PDD_ver03.0.toml", 'id = "A.1"', 'id = "A.1"\nparent = "A"')
    assert "names parent 'A', which is not an earlier section" in _error(minimal).message


def test_table_without_columns(minimal: Path) -> None:
    _edit(
        minimal / "MN" / "PDD_ver03.0.toml",
        'path = "pdd.title"',
        'path = "pdd.sites"\ntype = "table"',
    )
    assert "is a table but has no columns" in _error(minimal).message


def test_choice_without_choices(minimal: Path) -> None:
    _edit(minimal / "MN" / "PDD_ver03.0.toml", "required = true", 'type = "choice"')
    assert "is a choice but lists no choices" in _error(minimal).message


def test_bad_version_format(minimal: Path) -> None:
    _edit(minimal / "MN" / "PDD_ver03.0.toml", 'version = "03.0"', 'version = "3"')
    error = _error(minimal)
    assert error.where == "version"


def test_condition_path_must_exist(forms_copy: Path) -> None:
    _edit(
        forms_copy / "_base" / "MoC.toml",
        'path = "moc.focal_point_changing_name", equals',
        'path = "moc.renamed", equals',
    )
    assert "condition path 'moc.renamed'" in _error(forms_copy).message


def test_missing_submission_index(minimal: Path) -> None:
    (minimal / "submission.toml").unlink()
    error = _error(minimal)
    assert error.file.name == "submission.toml" and "is missing" in error.message


def test_bad_country_bounds(minimal: Path) -> None:
    _edit(minimal / "countries.toml", "south = 41.5", "south = 95")
    error = _error(minimal)
    assert error.file.name == "countries.toml" and "countries.0.bounds.south" in error.where


def test_missing_folder_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="does not exist"):
        load_forms(tmp_path / "nowhere")


def test_errors_are_one_readable_line(minimal: Path) -> None:
    _edit(minimal / "MN" / "PDD_ver03.0.toml", 'path = "pdd.title"', 'path = "pdd.titel"')
    message = str(_error(minimal))
    assert message.startswith("Form definition PDD_ver03.0.toml (section 'A.1'")
    assert "\n" not in message and "Traceback" not in message


def test_latest_version_is_the_default(minimal: Path) -> None:
    newer = MINIMAL_PDD.replace('"03.0"', '"04.0"').replace("ver03.0", "ver04.0")
    (minimal / "MN" / "PDD_ver04.0.toml").write_text(newer, encoding="utf-8")
    older = MINIMAL_PDD.replace('"03.0"', '"02.0"').replace("ver03.0", "ver02.0")
    (minimal / "MN" / "PDD_ver02.0.toml").write_text(older, encoding="utf-8")
    registry = load_forms(minimal)
    assert registry.versions("MN", "PDD") == ["02.0", "03.0", "04.0"]
    assert registry.get("MN", "PDD").version == "04.0"
    assert registry.get("MN", "PDD", "02.0").version == "02.0"


def test_file_name_without_a_form_type_is_refused_when_the_folder_is_read(minimal: Path) -> None:
    (minimal / "MN" / "notes.toml").write_text("x = 1\n", encoding="utf-8")
    with pytest.raises(FormDefinitionError, match="is not named <form type>_ver<NN.N>.toml"):
        load_forms(minimal)


def test_a_broken_file_of_one_country_does_not_block_another(forms_copy: Path) -> None:
    _edit(forms_copy / "KE" / "PDD_ver03.0.toml", 'country_formal = "the Republic of Kenya"', "")
    registry = load_forms(forms_copy)
    assert registry.get("MN", "PDD").code == "JCM_MN_F_PDD_ver03.0"
    with pytest.raises(FormDefinitionError, match="country_formal"):
        registry.get("KE", "PDD")


def test_check_forms_reads_every_definition_now(forms_copy: Path) -> None:
    # Only an MPS file is broken: a lazy load of the PDD would not notice, the start-up does.
    (forms_copy / "MN" / "MPS_ver01.0.toml").write_text("[[sections]\n", encoding="utf-8")
    load_forms(forms_copy).get("MN", "PDD")
    with pytest.raises(FormDefinitionError) as caught:
        check_forms(forms_copy)
    assert "MPS_ver01.0.toml" in caught.value.message
    assert len(check_forms(forms_dir()).definitions()) >= 4


def test_an_unreadable_forms_folder_fails_every_consumer_without_a_fallback(
    forms_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The editor view, the sign-off sections and the wizard's countries have no hand-written
    copy of the forms to fall back on: they all stop with the loader's error."""
    from jcm_pdd.forms import registry
    from jcm_pdd.package.fingerprint import sections_for
    from jcm_pdd.session.formview import form_view
    from jcm_pdd.session.newproject import countries
    from jcm_pdd.storage import load_project

    (forms_copy / "MN" / "PDD_ver03.0.toml").write_text("[[sections]\n", encoding="utf-8")
    (forms_copy / "countries.toml").write_text("not = [toml\n", encoding="utf-8")
    project = load_project(sample_project_path(), backup_before_migration=False).project
    monkeypatch.setattr(registry, "forms_dir", lambda: forms_copy)
    registry._load_default.cache_clear()
    try:
        for consumer in (lambda: form_view(project), lambda: sections_for(project), countries):
            with pytest.raises(UserError):
                consumer()
    finally:
        registry._load_default.cache_clear()


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_among_the_form_definitions_is_refused_not_waited_on(forms_copy: Path) -> None:
    """``forms --check DIR`` opened every file blocking: a FIFO in the folder hung it."""
    import os
    import subprocess
    import sys

    target = forms_copy / "MN" / "PDD_ver03.0.toml"
    target.unlink()
    os.mkfifo(target)
    done = subprocess.run(
        [sys.executable, "-m", "jcm_pdd", "forms", "--check", str(forms_copy)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert "PDD_ver03.0.toml: cannot be read: not a regular file" in done.stderr
    assert "internal error" not in done.stderr


def test_a_byte_order_mark_is_not_a_toml_error(forms_copy: Path) -> None:
    target = forms_copy / "MN" / "PDD_ver03.0.toml"
    target.write_bytes(b"\xef\xbb\xbf" + target.read_bytes().replace(b"\n", b"\r\n"))
    check_forms(forms_copy)  # raises FormDefinitionError on any problem


# A broken form definition file, one problem each: pydantic's own words ("Field required",
# "Input should be a valid string", "Extra inputs are not permitted") never reach the user.
BROKEN = {
    "missing key": (
        'code = "JCM_MN_F_PDD_ver03.0"\n',
        "",
        "Form definition PDD_ver03.0.toml (code): is required",
    ),
    "wrong type": (
        'title = "JCM Project Design Document Form"',
        "title = 3",
        "Form definition PDD_ver03.0.toml (title): must be text",
    ),
    "unknown key": (
        "required = true",
        "requird = true",
        "Form definition PDD_ver03.0.toml (section 'A.1', field 'pdd.title', requird): "
        "is not a key a form definition knows (misspelt?)",
    ),
}


@pytest.mark.parametrize("problem", list(BROKEN))
def test_forms_check_words_a_broken_definition_for_its_user(
    minimal: Path, problem: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from jcm_pdd.cli import main

    old, new, expected = BROKEN[problem]
    _edit(minimal / "MN" / "PDD_ver03.0.toml", old, new)
    assert main(["forms", "--check", str(minimal)]) != 0
    err = capsys.readouterr().err
    assert expected in err, err
    assert not any(words in err for words in PYDANTIC_WORDS), err


@pytest.mark.parametrize(("old", "new", "expected"), COUNTRY_CASES)
def test_the_index_files_word_their_problems_too(
    minimal: Path, old: str, new: str, expected: str
) -> None:
    """countries.toml and submission.toml are read (and validated) at every start."""
    _edit(minimal / "countries.toml", old, new)
    message = _error(minimal).message
    assert (
        message.startswith("Form definition countries.toml (countries.0.") and expected in message
    )
    assert not any(words in message for words in PYDANTIC_WORDS), message
