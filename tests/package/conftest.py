"""Fixtures for the package tests: a saved project, and packages built from it (round 1 and a
changed round 2), built once per module because an export takes a few seconds."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # helper modules beside the tests

from package_support import CREATED, Built
from projects import make_project, save

from jcm_pdd.package import build_package


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    folder = tmp_path_factory.mktemp("built")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("JCM_PDD_HOME", str(tmp_path_factory.mktemp("home")))
        project, store = make_project()
        first = save(folder / "darkhan.jcmpdd", project, store)
        package = build_package(
            first, folder / "round1.jcmpkg", round=1, packaged_by="P. Participant", created=CREATED
        ).path
        changed, store2 = make_project(eg1="1100")  # round 2: PV-1 estimate revised
        second = save(folder / "darkhan-r2.jcmpdd", changed, store2)
        package2 = build_package(
            second, folder / "round2.jcmpkg", round=2, packaged_by="P. Participant", created=CREATED
        ).path
        yield Built(folder, first, package, second, package2)


@pytest.fixture
def project_file(tmp_path: Path) -> Path:
    project, store = make_project()
    return save(tmp_path / "project.jcmpdd", project, store)
