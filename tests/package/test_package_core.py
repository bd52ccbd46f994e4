"""The zip/BagIt core on its own: write, verify, tamper (property tests), determinism."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from bags import (
    flip_byte,
    member_extents,
    sample_payload,
    with_member,
    without_member,
    write_sample_bag,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jcm_pdd.package import bagit
from jcm_pdd.package.report import Verdict
from jcm_pdd.package.verify import verify_package

PROPERTY = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bag") / "sample.jcmpkg"
    write_sample_bag(path)
    return path


def test_written_bag_verifies(pristine: Path) -> None:
    report = verify_package(pristine, recompute=False)
    assert report.verdict is Verdict.VERIFIED, report.summary()
    assert report.files_checked == 5 + 4  # payload files + tag files in the tag manifest
    octets = sum(item.size() for item in sample_payload())
    assert report.bag_info["Payload-Oxum"] == f"{octets}.5"
    assert {c.name: c.status for c in report.checks}["Payload-Oxum"] == "passed"
    assert len(report.package_id) == 64


def test_layout_is_bagit_with_every_member_stored(pristine: Path) -> None:
    with zipfile.ZipFile(pristine) as zf:
        names = zf.namelist()
        assert names[:5] == [
            bagit.BAGIT_TXT,
            bagit.BAG_INFO,
            bagit.MANIFEST,
            bagit.INDEX,
            bagit.TAGMANIFEST,
        ]
        assert names[5:] == sorted(names[5:])
        kinds = {i.filename: i.compress_type for i in zf.infolist()}
        # Everything stored: every byte of a member is content covered by a checksum.
        assert set(kinds.values()) == {zipfile.ZIP_STORED}
        assert {i.date_time for i in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        manifest = zf.read(bagit.MANIFEST).decode()
    assert "data/attachments/0123-site map.png" in manifest
    assert all(line.split("  ", 1)[1].startswith("data/") for line in manifest.splitlines())


def test_same_payload_gives_byte_identical_package(tmp_path: Path) -> None:
    a, b = tmp_path / "a.jcmpkg", tmp_path / "sub" / "b.jcmpkg"
    ra, rb = write_sample_bag(a), write_sample_bag(b)
    assert a.read_bytes() == b.read_bytes()
    assert ra.package_id == rb.package_id and ra.manifest == rb.manifest


def test_different_payload_gives_different_manifest(tmp_path: Path) -> None:
    ra = write_sample_bag(tmp_path / "a.jcmpkg", sample_payload(7))
    rb = write_sample_bag(tmp_path / "b.jcmpkg", sample_payload(8))
    assert ra.manifest["data/documents/pdd.pdf"] != rb.manifest["data/documents/pdd.pdf"]
    assert ra.manifest["data/documents/notes.txt"] == rb.manifest["data/documents/notes.txt"]


def _named(report_path: Path, member: str) -> None:
    report = verify_package(report_path, recompute=False)
    assert report.verdict is not Verdict.VERIFIED
    assert member in report.named_files() or member in report.invalid_reason, report.summary()


@PROPERTY
@given(data=st.data())
def test_flipping_any_byte_of_any_member_is_caught_and_named(
    pristine: Path, tmp_path: Path, data: st.DataObject
) -> None:
    extents = member_extents(pristine)
    member = data.draw(st.sampled_from(sorted(extents)), label="member")
    offset, length = extents[member]
    position = data.draw(st.integers(0, length - 1), label="position")
    target = tmp_path / "flipped.jcmpkg"
    shutil.copyfile(pristine, target)
    flip_byte(target, offset + position)
    _named(target, member)


@PROPERTY
@given(data=st.data())
def test_deleting_any_member_is_caught_and_named(
    pristine: Path, tmp_path: Path, data: st.DataObject
) -> None:
    member = data.draw(st.sampled_from(sorted(member_extents(pristine))), label="member")
    target = tmp_path / "deleted.jcmpkg"
    shutil.copyfile(pristine, target)
    without_member(target, member)
    _named(target, member)


@PROPERTY
@given(
    name=st.sampled_from(
        [
            "data/extra.txt",
            "data/documents/new.pdf",
            "notes.txt",
            "manifest-md5.txt",
            "data/attachments/z.png",
        ]
    ),
    content=st.binary(max_size=200),
)
def test_adding_a_file_is_caught_and_named(
    pristine: Path, tmp_path: Path, name: str, content: bytes
) -> None:
    target = tmp_path / "added.jcmpkg"
    shutil.copyfile(pristine, target)
    with_member(target, name, content)
    _named(target, name)


def test_oxum_mismatch_is_reported(tmp_path: Path) -> None:
    from jcm_pdd.package.writer import write_bag

    path = tmp_path / "oxum.jcmpkg"
    write_bag(path, sample_payload(), [("Payload-Oxum-Note", "x")], {})
    report = verify_package(path, recompute=False)
    assert report.verdict is Verdict.VERIFIED  # the writer states the true Oxum itself
    with zipfile.ZipFile(path) as zf:
        info = zf.read(bagit.BAG_INFO).decode()
    assert "Payload-Oxum: " in info


def test_report_json_round_trips(pristine: Path) -> None:
    import json

    report = verify_package(pristine, recompute=False)
    data = json.loads(report.to_json())
    assert data["verdict"] == "VERIFIED" and data["package_id"] == report.package_id


def test_deflated_member_missing_its_end_marker_is_named(tmp_path: Path) -> None:
    # Found by the property test: flipping the last byte of a deflate stream can leave the
    # content intact but drop the end-of-stream marker; the reader must refuse it.
    payload = sample_payload()
    payload[2].compress = True  # notes.txt, deflated on request
    path = tmp_path / "deflated.jcmpkg"
    write_sample_bag(path, payload)
    assert verify_package(path, recompute=False).verdict is Verdict.VERIFIED
    offset, length = member_extents(path)["data/documents/notes.txt"]
    flip_byte(path, offset + length - 1)
    report = verify_package(path, recompute=False)
    assert report.verdict is Verdict.ALTERED
    assert "data/documents/notes.txt" in report.named_files()


def test_report_text_is_terminal_safe() -> None:
    from jcm_pdd.package.report import VerifyReport

    report = VerifyReport(path="p.jcmpkg")
    report.add("figures", "stated as \x1b[2J1000")
    text = report.finish().summary()
    assert "\x1b" not in text and "\\x1b[2J1000" in text


def test_verify_streams_large_members(tmp_path: Path) -> None:
    import os
    import tracemalloc

    from jcm_pdd.package.writer import PayloadFile, write_bag

    big = tmp_path / "survey.jpg"
    big.write_bytes(os.urandom(48 * 1024 * 1024))
    path = tmp_path / "big.jcmpkg"
    write_bag(path, [PayloadFile("attachments/survey.jpg", "attachment", source=big)], [], {})
    tracemalloc.start()
    try:
        report = verify_package(path, recompute=False)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert report.verdict is Verdict.VERIFIED and report.bytes_hashed >= 48 * 1024 * 1024
    assert peak < 12 * 1024 * 1024  # one read buffer, never the member
