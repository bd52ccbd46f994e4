"""A methodology template saved by an editor that writes a UTF-8 byte-order mark loads as the
same template (it was refused as "not valid TOML", while form definitions and calculation
inputs accept the mark), and its hash stays over the file's exact bytes, mark included."""

from __future__ import annotations

import hashlib
from pathlib import Path

from jcm_pdd.methodology.examples import check_file
from jcm_pdd.methodology.loader import load_file
from jcm_pdd.methodology.registry import load_registry
from jcm_pdd.paths import templates_dir

NAME = "JCM_MN_AM003_ver02.0.toml"
BOM = b"\xef\xbb\xbf"


def _with_bom(folder: Path) -> Path:
    path = folder / NAME
    path.write_bytes(BOM + (templates_dir() / NAME).read_bytes())
    return path


def test_a_template_with_a_bom_loads_as_without_it(tmp_path: Path) -> None:
    plain = load_file(templates_dir() / NAME, cached=False)
    marked = load_file(_with_bom(tmp_path), cached=False)
    assert marked.identity == plain.identity
    assert marked.model_dump() == plain.model_dump()


def test_its_hash_is_over_the_files_exact_bytes_mark_included(tmp_path: Path) -> None:
    path = _with_bom(tmp_path)
    for cached in (True, False):
        template = load_file(path, cached=cached)
        assert template.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
        assert template.sha256 != load_file(templates_dir() / NAME).sha256


def test_the_registry_and_templates_check_take_it(tmp_path: Path) -> None:
    path = _with_bom(tmp_path)
    template, problems = check_file(path)
    assert template is not None and problems == []
    registry = load_registry([tmp_path])
    found = registry.get("JCM_MN_AM003", "02.0")
    assert found.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
