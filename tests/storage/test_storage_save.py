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


def test_temps_of_dead_writers_are_cleaned_at_once_live_ones_kept(tmp_path: Path) -> None:
    import subprocess

    from jcm_pdd.storage.save import _HOST_TAG, remove_leftover_temps

    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        dead = tmp_path / f".p.jcmpdd.{_HOST_TAG}-{gone.pid}-0a1b2c3d.saving"
        live = tmp_path / f".p.jcmpdd.{_HOST_TAG}-{running.pid}-0a1b2c3d.saving"
        mine = tmp_path / f".p.jcmpdd.{_HOST_TAG}-{os.getpid()}-0a1b2c3d.saving"
        foreign = tmp_path / ".p.jcmpdd.ffffffff-1-0a1b2c3d.saving"  # another computer's
        other_file = tmp_path / f".q.jcmpdd.{_HOST_TAG}-{gone.pid}-0a1b2c3d.saving"
        for temp in (dead, live, mine, foreign, other_file):
            temp.write_bytes(b"x" * 1000)
        assert remove_leftover_temps(tmp_path, "p.jcmpdd") == 1000
        assert not dead.exists() and live.exists() and mine.exists() and foreign.exists()
        assert other_file.exists()  # only the temps of the file being opened or saved
        os.utime(foreign, (1, 1))
        save_project(tmp_path / "p.jcmpdd", sample_project())
        assert not foreign.exists() and live.exists()
    finally:
        running.kill()
        running.wait()


def test_the_recovery_folder_is_cleaned_of_interrupted_autosaves(tmp_path: Path) -> None:
    import subprocess

    from jcm_pdd.storage import RecoveryStore
    from jcm_pdd.storage.save import _HOST_TAG

    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    folder = tmp_path / "recovery"
    store = RecoveryStore(folder)
    kept = store.write(sample_project(), original=tmp_path / "p.jcmpdd")
    temp = folder / f".{kept.key}.jcmpdd.{_HOST_TAG}-{gone.pid}-0a1b2c3d.saving"
    temp.write_bytes(b"x" * 5000)
    half = folder / "abc.json.tmp"
    orphan = folder / "abc.jcmpdd"  # a copy whose sidecar was never written
    for path in (half, orphan):
        path.write_bytes(b"x" * 100)
        os.utime(path, (1, 1))
    assert RecoveryStore(folder).clean_leftovers() == 0  # the constructor already did it
    assert sorted(p.name for p in folder.iterdir()) == [f"{kept.key}.jcmpdd", f"{kept.key}.json"]
    assert [e.key for e in RecoveryStore(folder).pending()] == [kept.key]


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
