"""Every hostile package gives its own clear error; nothing is extracted or written anywhere."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hostile_packages import CASES, build

from jcm_pdd.errors import UserError
from jcm_pdd.package import open_package, snapshot_folder, verify_package
from jcm_pdd.package.report import Verdict


def test_corpus_has_at_least_fifteen_distinct_cases() -> None:
    assert len(CASES) >= 15
    assert len({build(name).message for name in CASES}) >= 15


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point the temporary-folder root at a folder the test can list afterwards."""
    root = tmp_path / "tmp-root"
    root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(root))
    yield root


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_package_is_refused_with_its_message(
    name: str, tmp_path: Path, private_tmp: Path
) -> None:
    hostile = build(name)
    folder = tmp_path / "inbox"
    folder.mkdir()
    package = folder / f"{name}.jcmpkg"
    package.write_bytes(hostile.data)
    before = snapshot_folder(folder)

    report = verify_package(package, limits=hostile.limits)
    text = report.invalid_reason + " ".join(p.message for p in report.problems)
    assert report.verdict is not Verdict.VERIFIED
    assert hostile.message in text, report.summary()
    assert "Traceback" not in text

    with pytest.raises(UserError) as raised:
        opened = open_package(package, limits=hostile.limits)
        opened.close()  # pragma: no cover - reached only if opening wrongly succeeded
    assert str(raised.value)

    assert before.changes(snapshot_folder(folder)) == []
    # Nothing extracted anywhere: every private work folder was removed again.
    assert list(private_tmp.iterdir()) == []


def test_structural_cases_are_invalid_not_altered() -> None:
    for name in (
        "not_a_zip",
        "empty_file",
        "truncated",
        "zip_slip",
        "symlink",
        "ratio_bomb",
        "duplicate_names",
        "manifest_outside_payload",
        "manifest_malformed_line",
    ):
        report = verify_package_bytes(name)
        assert report.verdict is Verdict.INVALID, name


def verify_package_bytes(name: str) -> object:
    hostile = build(name)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "p.jcmpkg"
        path.write_bytes(hostile.data)
        return verify_package(path, limits=hostile.limits)
