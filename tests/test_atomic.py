"""The one atomic-write primitive (``jcm_pdd.atomic``), failure mode by failure mode: whatever
fails, the target keeps its old bytes and no temp file is left; on success the new bytes are
there, with the old file's permissions, fsynced, and the folder fsynced after the rename."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from jcm_pdd import atomic
from jcm_pdd.atomic import FolderNotWritable, atomic_write, write_atomic

OLD, NEW = b"old contents\n", b"new contents\n"


@pytest.fixture
def target(tmp_path: Path) -> Path:
    path = tmp_path / "file.bin"
    path.write_bytes(OLD)
    return path


def _left(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_success_replaces_and_fsyncs_file_and_folder(
    target: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced: list[int] = []
    folders: list[Path] = []
    real_fsync, real_folder = os.fsync, atomic.fsync_folder
    monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(fd), real_fsync(fd))[1])
    monkeypatch.setattr(atomic, "fsync_folder", lambda f: (folders.append(f), real_folder(f))[1])
    write_atomic(target, NEW)
    assert target.read_bytes() == NEW
    assert synced and folders == [target.parent]
    assert _left(target.parent) == ["file.bin"]


def test_a_new_file_is_created(tmp_path: Path) -> None:
    path = write_atomic(tmp_path / "new.txt", NEW)
    assert path.read_bytes() == NEW and _left(tmp_path) == ["new.txt"]


def test_an_error_while_writing_keeps_the_old_file(target: Path) -> None:
    with pytest.raises(RuntimeError), atomic_write(target) as handle:
        handle.write(NEW[:4])
        raise RuntimeError("the writer failed half-way")
    assert target.read_bytes() == OLD and _left(target.parent) == ["file.bin"]


def test_a_failing_check_keeps_the_old_file(target: Path) -> None:
    seen: list[bytes] = []

    def check(temp: Path) -> None:
        seen.append(temp.read_bytes())  # the complete new bytes, before the rename
        raise ValueError("does not reopen")

    with pytest.raises(ValueError), atomic_write(target, check=check) as handle:
        handle.write(NEW)
    assert seen == [NEW]
    assert target.read_bytes() == OLD and _left(target.parent) == ["file.bin"]


def test_a_failing_fsync_keeps_the_old_file(target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_space(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(OSError, match="No space"):
        write_atomic(target, NEW)
    assert target.read_bytes() == OLD and _left(target.parent) == ["file.bin"]


def test_a_failing_rename_keeps_the_old_file(target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(_src: object, _dst: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refused)
    with pytest.raises(PermissionError):
        write_atomic(target, NEW)
    assert target.read_bytes() == OLD and _left(target.parent) == ["file.bin"]


def test_a_failing_folder_fsync_after_the_rename_is_not_an_error(
    target: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unsupported(_folder: Path) -> None:
        raise OSError(22, "Invalid argument")  # some network file systems

    monkeypatch.setattr(atomic, "fsync_folder", unsupported)
    write_atomic(target, NEW)
    assert target.read_bytes() == NEW


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_permissions_are_kept_and_new_files_follow_the_umask(target: Path) -> None:
    target.chmod(0o640)
    write_atomic(target, NEW)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    previous = os.umask(0o022)
    try:
        fresh = write_atomic(target.parent / "fresh.bin", NEW)
    finally:
        os.umask(previous)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o644  # not mkstemp's 0600


def test_an_unwritable_folder_is_named_as_such(tmp_path: Path) -> None:
    with pytest.raises(FolderNotWritable):
        write_atomic(tmp_path / "missing-folder" / "file.bin", NEW)


def test_not_durable_skips_every_fsync(target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def forbidden(*_args: object) -> None:
        raise AssertionError("fsync called for a non-durable write")

    monkeypatch.setattr(os, "fsync", forbidden)
    monkeypatch.setattr(atomic, "fsync_folder", forbidden)
    write_atomic(target, NEW, durable=False)
    assert target.read_bytes() == NEW


def test_without_folder_sync_the_file_is_still_fsynced(
    target: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``sync_folder=False``: a writer of several files syncs their folder once, itself."""
    synced: list[int] = []
    real_fsync = os.fsync

    def forbidden(*_args: object) -> None:
        raise AssertionError("the folder was fsynced")

    monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(fd), real_fsync(fd))[1])
    monkeypatch.setattr(atomic, "fsync_folder", forbidden)
    write_atomic(target, NEW, sync_folder=False)
    assert target.read_bytes() == NEW and len(synced) == 1
    assert _left(target.parent) == ["file.bin"]


def test_every_writer_uses_the_primitive() -> None:
    """No module but ``atomic`` renames files into place or makes its own temp files."""
    root = Path(atomic.__file__).parent
    offenders = [
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if path.name != "atomic.py"
        and any(
            needle in path.read_text(encoding="utf-8")
            for needle in ("os.replace(", ".replace(sidecar", "mkstemp(", "temp.replace(")
        )
    ]
    assert offenders == []
