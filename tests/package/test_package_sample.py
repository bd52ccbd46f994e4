"""The bundled sample project packages, verifies and builds deterministically."""

from __future__ import annotations

from pathlib import Path

import pytest

from jcm_pdd.package import build_package, verify_package
from jcm_pdd.paths import sample_project_path

SAMPLE = sample_project_path()


@pytest.mark.skipif(not SAMPLE.is_file(), reason="the bundled sample project is not present")
def test_sample_packages_verifies_and_is_deterministic(tmp_path: Path) -> None:
    first = build_package(SAMPLE, tmp_path / "a.jcmpkg", packaged_by="Sample")
    second = build_package(SAMPLE, tmp_path / "b.jcmpkg", packaged_by="Sample")
    assert first.path.read_bytes() == second.path.read_bytes()
    report = verify_package(first.path)
    assert report.ok, report.summary()
    assert any(check.source.endswith(".docx") for check in report.figures)
    assert report.bag_info["Methodology-Id"] == "JCM_MN_AM003"
