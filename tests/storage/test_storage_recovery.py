"""Recovery copies: written to the user data folder (never over the file), listed, restored."""

from __future__ import annotations

import hashlib
from pathlib import Path

from storage_builders import FIGURE, sample_project

from jcm_pdd.paths import recovery_dir
from jcm_pdd.storage import AttachmentStore, RecoveryStore, load_project, save_project


def test_recovery_copy_never_touches_the_users_file(tmp_path: Path) -> None:
    store = AttachmentStore()
    project = sample_project(store)
    original = tmp_path / "mine.jcmpdd"
    save_project(original, project, store)
    digest = hashlib.sha256(original.read_bytes()).hexdigest()

    project.pdd.title = "Unsaved edit"
    recovery = RecoveryStore()
    entry = recovery.write(project, store, original=original)
    assert entry.path.parent == recovery_dir()
    assert hashlib.sha256(original.read_bytes()).hexdigest() == digest
    # The caller's store still reads attachments from the user's file, not the recovery copy.
    assert store.source(project.attachments[0].sha256).path == original.resolve()  # type: ignore[union-attr]

    # Repeated autosaves of the same document replace one copy.
    project.pdd.title = "Unsaved edit 2"
    recovery.write(project, store, original=original)
    (pending,) = RecoveryStore().pending()
    assert pending.original == original.resolve() and pending.title == "Unsaved edit 2"

    restored = RecoveryStore().restore(pending)
    assert restored.project.pdd.title == "Unsaved edit 2"
    assert restored.attachments.read_bytes(project.attachments[0].sha256) == FIGURE


def test_new_document_gets_its_own_key(tmp_path: Path) -> None:
    recovery = RecoveryStore(tmp_path / "rec")
    first = recovery.write(sample_project(), original=None)
    second = recovery.write(sample_project(), original=None)
    assert first.key != second.key and first.original is None
    again = recovery.write(sample_project(), key=first.key)
    assert again.key == first.key
    assert len(recovery.pending()) == 2


def test_discard_after_save_and_close(tmp_path: Path) -> None:
    store = AttachmentStore()
    project = sample_project(store)
    original = tmp_path / "mine.jcmpdd"
    recovery = RecoveryStore()
    entry = recovery.write(project, store, original=original)
    restored = recovery.restore(entry)
    save_project(original, restored.project, restored.attachments)  # the normal save ...
    recovery.discard_for(original)  # ... then the recovery copy goes
    assert recovery.pending() == []
    assert list(recovery_dir().iterdir()) == []
    # Attachments now come from the saved file, so nothing depended on the discarded copy.
    assert load_project(original).attachments.read_bytes(project.attachments[0].sha256) == FIGURE


def test_half_written_sidecar_is_ignored(tmp_path: Path) -> None:
    recovery = RecoveryStore(tmp_path)
    entry = recovery.write(sample_project())
    (tmp_path / f"{entry.key}.json").write_text("{trunc")
    assert recovery.pending() == []


def test_a_damaged_sidecar_never_stops_the_start(tmp_path: Path) -> None:
    """``pending`` runs at every start: a sidecar nested deeper than the parser goes raised
    RecursionError, and an original named with a NUL or a lone surrogate was offered as the
    file to save the recovered work to (opening it raises ValueError)."""
    import json
    import os

    recovery = RecoveryStore(tmp_path)
    deep = recovery.write(sample_project())
    (tmp_path / f"{deep.key}.json").write_text("[" * 100_000)
    assert recovery.pending() == []
    for name in ("a\x00b.jcmpdd", "\ud800.jcmpdd"):
        entry = recovery.write(sample_project())
        sidecar = tmp_path / f"{entry.key}.json"
        sidecar.write_text(json.dumps({"original": name, "title": "t", "written_at": "x"}))
        (listed,) = recovery.pending()
        assert listed.original is None  # restored as a new document, saved where the user says
        recovery.discard(entry.key)
    if hasattr(os, "mkfifo"):  # a pipe named like a sidecar is skipped, not waited on
        entry = recovery.write(sample_project())
        sidecar = tmp_path / f"{entry.key}.json"
        sidecar.unlink()
        os.mkfifo(sidecar)
        assert recovery.pending() == []


def test_a_copy_with_a_huge_title_is_still_offered(tmp_path: Path) -> None:
    """What the autosave writes is offered again: the sidecar holds the title shortened."""
    project = sample_project()
    project.pdd.title = "T" * (2 << 20)  # pasted megabytes
    recovery = RecoveryStore(tmp_path)
    recovery.write(project)
    (listed,) = recovery.pending()
    assert listed.title == "T" * 1000
    assert recovery.restore(listed).project.pdd.title == project.pdd.title
