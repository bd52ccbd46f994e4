"""Saving: attachments streamed from files and containers, saving over the open file, failures."""

from __future__ import annotations

import hashlib
import os
import sys
import zipfile
from pathlib import Path

import pytest
from storage_builders import sample_project

from jcm_pdd.storage import (
    AttachmentStore,
    ProjectSaveError,
    load_project,
    save_project,
)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_attach_file_then_save_over_the_open_file(tmp_path: Path) -> None:
    photo = tmp_path / "site photo.jpg"
    photo.write_bytes(os.urandom(3 * 1024 * 1024 + 17))
    store = AttachmentStore()
    project = sample_project(store)
    record = store.add_file(photo, caption="Roof of building 3", supports_field="pdd.sites.0")
    assert record.sha256 == _sha(photo) and record.size == photo.stat().st_size
    assert record.media_type == "image/jpeg"
    project.attachments.append(record)
    path = tmp_path / "p.jcmpdd"
    save_project(path, project, store)
    photo.unlink()  # after a save the attachment lives in the project, not the user's file

    loaded = load_project(path)
    loaded.project.pdd.title = "Renamed"
    save_project(path, loaded.project, loaded.attachments)  # reads the old container while writing
    again = load_project(path)
    assert again.project.pdd.title == "Renamed"
    assert hashlib.sha256(again.attachments.read_bytes(record.sha256)).hexdigest() == record.sha256
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.jcmpdd"]  # no temp file left


def test_only_referenced_attachments_are_written(tmp_path: Path) -> None:
    store = AttachmentStore()
    project = sample_project(store)
    orphan = store.add_bytes(b"removed later", "old.pdf")
    path = tmp_path / "p.jcmpdd"
    save_project(path, project, store)
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
    assert f"attachments/{orphan.sha256}" not in names
    assert f"attachments/{project.attachments[0].sha256}" in names


def test_missing_attachment_content_refuses_and_keeps_old_file(tmp_path: Path) -> None:
    store = AttachmentStore()
    project = sample_project(store)
    path = tmp_path / "p.jcmpdd"
    save_project(path, project, store)
    before = _sha(path)
    stranger = AttachmentStore().add_bytes(b"not in the store", "x.png")
    project.attachments.append(stranger)
    with pytest.raises(ProjectSaveError, match="x.png” is not available"):
        save_project(path, project, store)
    assert _sha(path) == before


def test_attached_file_changed_after_adding_is_caught(tmp_path: Path) -> None:
    photo = tmp_path / "photo.png"
    photo.write_bytes(b"A" * 5000)
    store = AttachmentStore()
    project = sample_project(store)
    project.attachments.append(store.add_file(photo))
    path = tmp_path / "p.jcmpdd"
    photo.write_bytes(b"B" * 5000)  # edited in another program after attaching
    with pytest.raises(ProjectSaveError, match="changed after it was attached"):
        save_project(path, project, store)
    assert not path.exists()
    assert list(tmp_path.glob(".*.saving")) == []


def test_attached_file_deleted_before_save(tmp_path: Path) -> None:
    photo = tmp_path / "photo.png"
    photo.write_bytes(b"A" * 5000)
    store = AttachmentStore()
    project = sample_project(store)
    project.attachments.append(store.add_file(photo))
    photo.unlink()
    with pytest.raises(ProjectSaveError, match="cannot be read any more"):
        save_project(tmp_path / "p.jcmpdd", project, store)


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="needs POSIX non-root")
def test_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(ProjectSaveError, match="not writable"):
            save_project(folder / "p.jcmpdd", sample_project())
    finally:
        folder.chmod(0o755)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_save_keeps_the_file_mode(tmp_path: Path) -> None:
    path = tmp_path / "p.jcmpdd"
    save_project(path, sample_project())
    path.chmod(0o640)
    save_project(path, sample_project())
    assert path.stat().st_mode & 0o777 == 0o640


def test_stale_temp_files_are_cleaned_fresh_ones_kept(tmp_path: Path) -> None:
    path = tmp_path / "p.jcmpdd"
    old = tmp_path / ".p.jcmpdd.abc123.saving"
    fresh = tmp_path / ".p.jcmpdd.def456.saving"
    old.write_bytes(b"partial")
    fresh.write_bytes(b"partial")
    os.utime(old, (1, 1))
    save_project(path, sample_project())
    assert not old.exists() and fresh.exists()


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")
def test_saving_through_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real.jcmpdd"
    save_project(real, sample_project())
    link = tmp_path / "link.jcmpdd"
    link.symlink_to(real)
    project = sample_project()
    project.pdd.title = "via the link"
    save_project(link, project)
    assert link.is_symlink()
    assert load_project(real).project.pdd.title == "via the link"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_new_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    umask = os.umask(0o027)
    try:
        save_project(tmp_path / "p.jcmpdd", sample_project())
    finally:
        os.umask(umask)
    assert (tmp_path / "p.jcmpdd").stat().st_mode & 0o777 == 0o640
