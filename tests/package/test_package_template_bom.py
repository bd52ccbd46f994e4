"""A package built with a methodology template that begins with a UTF-8 byte-order mark
carries that file byte for byte, records the hash of those exact bytes, and verifies."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest
from projects import make_project, save

from jcm_pdd.package import build_package, verify_package
from jcm_pdd.package.report import Verdict
from jcm_pdd.paths import templates_dir, user_templates_dir

NAME = "JCM_MN_AM003_ver02.0.toml"


def test_a_template_with_a_bom_is_packaged_as_it_is_and_verifies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JCM_PDD_HOME", str(tmp_path / "home"))
    marked = user_templates_dir() / NAME
    marked.parent.mkdir(parents=True, exist_ok=True)
    raw = b"\xef\xbb\xbf" + (templates_dir() / NAME).read_bytes()
    marked.write_bytes(raw)
    project, store = make_project()
    result = build_package(save(tmp_path / "p.jcmpdd", project, store), tmp_path / "p.jcmpkg")
    with zipfile.ZipFile(result.path) as zf:
        index = json.loads(zf.read("package-index.json"))
        assert zf.read(index["template"]) == raw  # the mark and all
        trace = json.loads(zf.read(index["trace"]["json"]))
    assert trace["template_sha256"] == hashlib.sha256(raw).hexdigest()
    report = verify_package(result.path)
    assert report.verdict is Verdict.VERIFIED, report.summary()
