"""Two package rounds for the review GUI tests (round 2 revises PV-1's estimated generation),
built once per test session with the real builder from the package tests' project."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from jcm_pdd.package import build_package
from tests.package.projects import make_project, save

CREATED = datetime(2026, 1, 15, 9, 30, tzinfo=UTC)
# How the round-2 change (Table 1's estimated value) is named in a compare or round view.
ESTIMATED_VALUE_LABEL = "Table 1 Parameters to be monitored ex post, row 1, Estimated Values"
# The same place under the Japanese interface: the form's labels stay English, the row does not.
ESTIMATED_VALUE_LABEL_JA = "Table 1 Parameters to be monitored ex post, 1 行目, Estimated Values"
_BUILT: dict[str, Path] = {}


@dataclass
class Rounds:
    round1: Path
    round2: Path
    project1: Path
    project2: Path


def built_rounds(factory: pytest.TempPathFactory) -> Rounds:
    """Build (once) round 1 and a changed round 2; returns the pristine originals."""
    if not _BUILT:
        folder = factory.mktemp("review-rounds")
        first = save(folder / "darkhan.jcmpdd", *make_project())
        second = save(folder / "darkhan-r2.jcmpdd", *make_project(eg1="1100"))
        _BUILT["project1"], _BUILT["project2"] = first, second
        _BUILT["round1"] = build_package(
            first, folder / "round1.jcmpkg", round=1, packaged_by="P. Participant", created=CREATED
        ).path
        _BUILT["round2"] = build_package(
            second, folder / "round2.jcmpkg", round=2, packaged_by="P. Participant", created=CREATED
        ).path
    return Rounds(_BUILT["round1"], _BUILT["round2"], _BUILT["project1"], _BUILT["project2"])


def copy_into(source: Path, folder: Path) -> Path:
    """A private copy of a package in its own folder, as a validator receives it."""
    folder.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copyfile(source, folder / source.name))
