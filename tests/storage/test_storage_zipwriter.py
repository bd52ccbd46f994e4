"""The container writer: standard zips (zipfile reads them), ZIP64 records, raw copies."""

from __future__ import annotations

import io
import os
import zipfile
import zlib
from datetime import UTC, datetime
from pathlib import Path

import pytest
from storage_builders import sample_project

from jcm_pdd.storage import AttachmentStore, ProjectSaveError, load_project, save_project
from jcm_pdd.storage.attachments import InContainer, InFile
from jcm_pdd.storage.zipwriter import SizeMismatch, ZipWriter

WHEN = datetime(2026, 3, 4, 5, 6, 8, tzinfo=UTC)


def _write(threshold: int, tmp_path: Path) -> Path:
    source = tmp_path / "source.bin"
    source.write_bytes(b"0123456789" * 1000)
    path = tmp_path / "out.zip"
    with open(path, "w+b", buffering=0) as out:
        writer = ZipWriter(out, WHEN, zip64_threshold=threshold)
        writer.write_bytes("mimetype", b"application/x-test", deflate=False)
        writer.write_bytes("données.json", b'{"a": 1}' * 500, deflate=True)
        writer.write_chunks("streamed", 6, iter([b"abc", b"def"]))
        with open(source, "rb") as handle:
            writer.write_raw("raw", handle, 10, 20, zlib.crc32(b"0123456789" * 2))
        writer.close()
    return path


@pytest.mark.parametrize("threshold", [0xFFFFFFFF, 1], ids=["classic", "zip64-everywhere"])
def test_zipfile_reads_what_we_write(tmp_path: Path, threshold: int) -> None:
    path = _write(threshold, tmp_path)
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None  # every CRC checks out
        assert archive.namelist() == ["mimetype", "données.json", "streamed", "raw"]
        assert archive.read("données.json") == b'{"a": 1}' * 500
        assert archive.read("streamed") == b"abcdef"
        assert archive.read("raw") == b"0123456789" * 2
        info = archive.getinfo("mimetype")
        assert info.compress_type == zipfile.ZIP_STORED and info.date_time == (2026, 3, 4, 5, 6, 8)
        assert archive.getinfo("données.json").compress_type == zipfile.ZIP_DEFLATED
        assert archive.infolist()[0].header_offset == 0


def test_streamed_size_must_match(tmp_path: Path) -> None:
    writer = ZipWriter(io.BytesIO(), WHEN)
    with pytest.raises(SizeMismatch):
        writer.write_chunks("x", 5, iter([b"abc"]))
    with pytest.raises(SizeMismatch):
        writer.write_chunks("y", 2, iter([b"abc"]))


def test_resave_copies_raw_and_rebinds_to_the_new_file(tmp_path: Path) -> None:
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(os.urandom(200_000))
    store = AttachmentStore()
    project = sample_project(store)
    record = store.add_file(photo)
    project.attachments.append(record)
    source = store.source(record.sha256)
    assert isinstance(source, InFile) and source.crc == zlib.crc32(photo.read_bytes())
    first = tmp_path / "a.jcmpdd"
    save_project(first, project, store)
    bound = store.source(record.sha256)
    assert isinstance(bound, InContainer) and bound.path == first.resolve()
    with open(first, "rb") as handle:  # the recorded offset really is where the bytes are
        handle.seek(bound.data_offset)
        assert handle.read(200_000) == photo.read_bytes()
    second = tmp_path / "b.jcmpdd"
    save_project(second, project, store)
    assert load_project(second).attachments.read_bytes(record.sha256) == photo.read_bytes()


def test_replaced_source_container_is_rehashed_not_trusted(tmp_path: Path) -> None:
    """A loaded container replaced on disk (same attachments) is streamed and verified."""
    store = AttachmentStore()
    project = sample_project(store)
    path = tmp_path / "p.jcmpdd"
    save_project(path, project, store)
    loaded = load_project(path)
    save_project(path, project, store)  # another save replaces the file (new inode)
    loaded.project.pdd.title = "from the stale view"
    save_project(path, loaded.project, loaded.attachments)
    assert load_project(path).project.pdd.title == "from the stale view"


def test_replaced_source_with_other_content_is_refused(tmp_path: Path) -> None:
    store = AttachmentStore()
    project = sample_project(store)
    path = tmp_path / "p.jcmpdd"
    save_project(path, project, store)
    loaded = load_project(path)
    path.write_bytes(b"something else entirely")  # e.g. overwritten by another program
    target = tmp_path / "copy.jcmpdd"
    with pytest.raises(ProjectSaveError, match="cannot be read any more"):
        save_project(target, loaded.project, loaded.attachments)
    assert not target.exists()
