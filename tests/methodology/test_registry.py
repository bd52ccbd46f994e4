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
