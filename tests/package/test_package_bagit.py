"""BagIt tag files: round trips, strict parsing, and any payload written then verified."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jcm_pdd.errors import UserError
from jcm_pdd.package import bagit
from jcm_pdd.package.report import Verdict
from jcm_pdd.package.review import Review, save_review
from jcm_pdd.package.safezip import PackageFormatError
from jcm_pdd.package.verify import verify_package
from jcm_pdd.package.writer import PayloadFile, write_bag


def test_bag_info_round_trip_with_multiline_values() -> None:
    fields = [("Project-Title", "Rooftop PV\nphase 2"), ("Packaged-By", "Ms. Ōtsuka")]
    assert bagit.parse_bag_info(bagit.format_bag_info(fields)) == fields


def test_manifest_round_trip_percent_encodes_paths() -> None:
    entries = {"data/100% done.txt": "a" * 64, "data/50%0A.txt": "b" * 64}
    text = bagit.format_manifest(entries)
    assert b"data/100%25 done.txt" in text and b"data/50%250A.txt" in text
    assert bagit.parse_manifest(text, "manifest-sha256.txt", payload=True) == entries
    # RFC 8493 encodes a line break in a path as %0A; such a name is refused all the same.
    with pytest.raises(PackageFormatError, match="unsafe path"):
        bagit.parse_manifest(b"a" * 64 + b"  data/two%0Alines\n", "m", payload=True)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (b"x" * 64 + b"  data/a\n", "line 1 is malformed"),
        (b"a" * 64 + b"  data/a\n" + b"a" * 64 + b"  data/a\n", "a second time"),
        (b"a" * 64 + b"  tagmanifest-sha256.txt\n", "outside the payload"),
        (b"a" * 64 + b"  data/\n", "outside the payload"),
        (b"\xff\xfe", "not valid UTF-8"),
    ],
)
def test_manifest_parse_errors_name_the_problem(line: bytes, message: str) -> None:
    with pytest.raises(PackageFormatError, match=message):
        bagit.parse_manifest(line, "manifest-sha256.txt", payload=True)


_NAME = st.text(
    alphabet=st.characters(categories=("L", "N"), include_characters=" -_.%()ü日"),
    min_size=1,
    max_size=30,
).filter(lambda s: s.strip(" .") == s and s not in (".", ".."))


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(files=st.dictionaries(_NAME, st.binary(max_size=3000), min_size=1, max_size=6))
def test_any_payload_written_then_verifies(tmp_path: Path, files: dict[str, bytes]) -> None:
    folded = {name.casefold() for name in files}
    if len(folded) != len(files):
        return  # names differing only in case are refused by design (tested elsewhere)
    payload = [
        PayloadFile(f"attachments/{name}", "attachment", data=data) for name, data in files.items()
    ]
    path = tmp_path / "any.jcmpkg"
    result = write_bag(path, payload, [("Project-Title", "x")], {})
    report = verify_package(path, recompute=False)
    assert report.verdict is Verdict.VERIFIED, report.summary()
    assert set(result.manifest) == {f"data/attachments/{name}" for name in files}
    os.unlink(path)


def test_writer_refuses_unsafe_and_duplicate_names(tmp_path: Path) -> None:
    for bad in ("../evil", "a\\b", "/abs", "x/"):
        with pytest.raises(UserError):
            write_bag(tmp_path / "p.jcmpkg", [PayloadFile(bad, "x", data=b"")], [], {})
    twins = [PayloadFile("A.txt", "x", data=b"1"), PayloadFile("a.txt", "x", data=b"2")]
    with pytest.raises(UserError, match="two files"):
        write_bag(tmp_path / "p.jcmpkg", twins, [], {})
    assert list(tmp_path.iterdir()) == []  # nothing half-written


def test_review_save_failure_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "r.jcmreview"
    save_review(Review(project_title="old"), path)
    before = path.read_bytes()

    def broken(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError):
        save_review(Review(project_title="new"), path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["r.jcmreview"]  # no temporary left behind
