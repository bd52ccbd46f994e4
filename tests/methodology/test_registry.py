"""The registry: shipped, user and extra folders; lookup by id and version; broken files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from jcm_pdd.errors import UserError
from jcm_pdd.methodology import load_registry
from jcm_pdd.methodology.registry import normalise_id, normalise_version
from jcm_pdd.paths import templates_dir, user_templates_dir


def _copy_as(version: str, status: str, folder: Path) -> Path:
    text = (templates_dir() / "JCM_MN_AM003_ver02.0.toml").read_text(encoding="utf-8")
    text = text.replace('version = "02.0"', f'version = "{version}"', 1)
    text = text.replace('status = "valid"', f'status = "{status}"', 1)
    path = folder / f"JCM_MN_AM003_ver{version}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_lookup_forms() -> None:
    registry = load_registry()
    assert registry.get("MN_AM003").identity.version == "02.0"
    assert registry.get("jcm_mn_am003", "ver02.0").identity.id == "JCM_MN_AM003"
    assert registry.get("JCM_MN_AM003_ver02.0").identity.version == "02.0"
    assert normalise_version("2.0") == "02.0" and normalise_id("ID_AM003") == "JCM_ID_AM003"
    mongolian = registry.for_country("mn")
    assert "JCM_MN_AM003" in [t.identity.id for t in mongolian]
    assert {t.identity.host_country for t in mongolian} == {"MN"}
    assert len(mongolian) < len(registry.all())


def test_unknown_id_and_version_are_user_errors() -> None:
    registry = load_registry()
    with pytest.raises(UserError, match="unknown methodology 'JCM_ZZ_AM999'"):
        registry.get("JCM_ZZ_AM999")
    with pytest.raises(UserError, match="has no version 09.0"):
        registry.get("JCM_MN_AM003", "09.0")


def test_latest_valid_version_by_default(tmp_path: Path) -> None:
    _copy_as("03.0", "superseded", tmp_path)
    _copy_as("01.0", "superseded", tmp_path)
    registry = load_registry([tmp_path])
    assert registry.get("JCM_MN_AM003").identity.version == "02.0"  # 03.0 is not valid
    assert registry.get("JCM_MN_AM003", "3.0").identity.status == "superseded"
    assert [t.identity.version for t in registry.versions("MN_AM003")] == ["01.0", "02.0", "03.0"]


def test_user_folder_and_broken_files(tmp_path: Path) -> None:
    user = user_templates_dir()
    assert str(user).startswith(os.environ["JCM_PDD_HOME"])  # never the real profile
    _copy_as("04.0", "valid", user)
    (tmp_path / "broken.toml").write_text("format_version = 1\n[identity\n", encoding="utf-8")
    registry = load_registry([tmp_path])
    assert registry.get("JCM_MN_AM003").identity.version == "04.0"
    assert len(registry.errors) == 1 and registry.errors[0].file.endswith("broken.toml")
    assert registry.errors[0].line == 2


def test_same_id_and_version_later_folder_wins(tmp_path: Path) -> None:
    path = _copy_as("02.0", "valid", tmp_path)
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            'title = "Installation of Solar PV System"', 'title = "Local copy"', 1
        ),
        encoding="utf-8",
    )
    registry = load_registry([tmp_path])
    assert registry.get("JCM_MN_AM003").identity.title == "Local copy"
    assert registry.shadowed and "replaced by" in registry.shadowed[0]


def test_edited_file_is_reloaded(tmp_path: Path) -> None:
    path = _copy_as("05.0", "valid", tmp_path)
    assert (
        load_registry([tmp_path]).get("MN_AM003", "05.0").identity.title.startswith("Installation")
    )
    text = path.read_text(encoding="utf-8").replace(
        'title = "Installation of Solar PV System"', 'title = "Edited"', 1
    )
    path.write_text(text + "\n", encoding="utf-8")  # size changes, so the cache must notice
    assert load_registry([tmp_path]).get("MN_AM003", "05.0").identity.title == "Edited"


def _broken_copy(version: str, folder: Path) -> Path:
    """A file with a proper id and version whose body does not validate (a bad sectoral scope)."""
    path = _copy_as(version, "valid", folder)
    text = path.read_text(encoding="utf-8")
    assert "sectoral_scope = 1\n" in text
    path.write_text(text.replace("sectoral_scope = 1\n", "sectoral_scope = 99\n", 1), "utf-8")
    return path


def test_get_validates_only_the_methodology_asked_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jcm_pdd.methodology import registry as registry_module

    validated: list[str] = []
    real = registry_module.load_file
    monkeypatch.setattr(registry_module, "_CACHE", {})
    monkeypatch.setattr(
        registry_module, "load_file", lambda path: validated.append(Path(path).name) or real(path)
    )
    registry = load_registry()
    assert validated == [], "opening the registry reads identities only"
    assert registry.get("JCM_MN_AM003").identity.version == "02.0"
    assert validated == ["JCM_MN_AM003_ver02.0.toml"]
    shipped = len(list(templates_dir().glob("*.toml")))
    assert len(registry.all()) == shipped and len(validated) == shipped  # all() validates all


def test_a_broken_later_copy_leaves_the_earlier_one_and_is_reported(tmp_path: Path) -> None:
    broken = _broken_copy("02.0", tmp_path)  # same id and version as the shipped file
    registry = load_registry([tmp_path])
    template = registry.get("JCM_MN_AM003", "02.0")
    assert template.path != str(broken), "a broken file never wins"
    assert [p.file for p in registry.errors] and all(p.file == str(broken) for p in registry.errors)
    assert registry.shadowed == [], "nothing valid was replaced"


def test_lazy_and_full_validation_agree(tmp_path: Path) -> None:
    _copy_as("03.0", "superseded", tmp_path)
    _broken_copy("04.0", tmp_path)
    (tmp_path / "not-toml.toml").write_text("[identity\n", encoding="utf-8")
    lazy = load_registry([tmp_path])
    picked = [t.identity.version for t in lazy.versions("MN_AM003")]
    full = load_registry([tmp_path])
    everything = full.all()  # validates every file first
    assert picked == [t.identity.version for t in full.versions("MN_AM003")] == ["02.0", "03.0"]
    assert lazy.get("MN_AM003").path == full.get("MN_AM003").path
    assert len(everything) == len(lazy.all())
    assert sorted(p.file for p in lazy.errors) == sorted(p.file for p in full.errors)
    assert {Path(p.file).name for p in full.errors} == {
        "JCM_MN_AM003_ver04.0.toml",
        "not-toml.toml",
    }
