"""Autosave runs in a background job: typing goes on while the recovery copy is written, a save
waits for the write under way, and a failing autosave stays in sight until one succeeds."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from jcm_pdd.gui.mainwindow import MainWindow
from jcm_pdd.paths import recovery_dir
from jcm_pdd.session import io as session_io
from jcm_pdd.storage import load_project
from jcm_pdd.storage.recovery import key_for
from tests.gui.test_editing import _editor

TITLE = "Rooftop solar PV in Ulaanbaatar"


class HeldWrite:
    """``session.io.write_snapshot`` held until released, noting the thread it ran in."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.threads: list[int] = []
        self.snapshots: list[session_io.RecoverySnapshot] = []
        self.real = session_io.write_snapshot

    def __call__(self, snapshot: session_io.RecoverySnapshot) -> object:
        self.threads.append(threading.get_ident())
        self.snapshots.append(snapshot)
        assert self.release.wait(30), "the test never released the write"
        return self.real(snapshot)


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> Iterator[HeldWrite]:
    write = HeldWrite()
    monkeypatch.setattr(session_io, "write_snapshot", write)
    yield write
    write.release.set()  # a failing test must not leave the job's thread waiting


def _type(window: MainWindow, path: str, text: str) -> None:
    editor = _editor(window, path)
    editor.setFocus()
    QTest.keyClick(editor, Qt.Key.Key_End)
    QTest.keyClicks(editor, text)


def test_typing_goes_on_while_the_recovery_copy_is_written(
    window: MainWindow,
    project_file: Path,
    qtbot,
    held: HeldWrite,
) -> None:
    assert window.open_path(project_file)
    _type(window, "pdd.title", " v2")
    started = time.perf_counter()
    assert window.autosave_tick()  # the write is held: on the GUI thread this would hang
    assert time.perf_counter() - started < 1.0
    assert window.autosaver.busy
    _type(window, "pdd.title", " v3")  # the window answers keys meanwhile
    assert window.session.project.pdd.title == f"{TITLE} v2 v3"
    assert not window.autosave_tick()  # one write at a time
    with qtbot.waitSignal(window.autosaver.written, timeout=30000):
        held.release.set()
    assert held.threads and held.threads[0] != threading.get_ident()
    # The Diagnostics' copy of the project was handed over (no JSON dump on the GUI thread),
    # and typing after the autosave was due did not reach it.
    (snapshot,) = held.snapshots
    assert snapshot.project is not None and not snapshot.data
    assert snapshot.project is not window.session.project
    (entry,) = session_io.pending_recoveries()
    assert entry.original == project_file.resolve()
    # The copy holds the document as it was when the autosave was due, and opens again.
    restored = session_io.restore_recovery(entry)
    assert restored.project.pdd.title == f"{TITLE} v2"
    assert load_project(project_file).project.pdd.title == TITLE  # the user's file untouched
    window.autosave.interval = 0  # the next tick is due at once: it writes the later edit
    with qtbot.waitSignal(window.autosaver.written, timeout=30000):
        assert window.autosave_tick()
    (entry,) = session_io.pending_recoveries()  # replaced, not multiplied
    assert session_io.restore_recovery(entry).project.pdd.title == f"{TITLE} v2 v3"


def test_a_save_during_an_autosave_waits_for_it(
    window: MainWindow,
    project_file: Path,
    qtbot,
    held: HeldWrite,
) -> None:
    assert window.open_path(project_file)
    _type(window, "pdd.title", " v2")
    assert window.autosave_tick()
    threading.Timer(0.3, held.release.set).start()  # the write ends while the save waits
    QTest.keyClick(_editor(window, "pdd.title"), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not window.autosaver.busy and not window.session.is_dirty
    assert load_project(project_file).project.pdd.title == f"{TITLE} v2"
    # The copy written just before the save is dropped with it: nothing is offered next start.
    assert session_io.pending_recoveries() == []
    assert list(recovery_dir().glob("*.jcmpdd")) == []


def test_a_failing_autosave_is_shown_until_one_succeeds(
    window: MainWindow,
    project_file: Path,
    qtbot,
) -> None:
    assert window.open_path(project_file)
    before = project_file.read_bytes()
    # A folder where the recovery copy should go: the rename of the written copy fails.
    blocker = recovery_dir() / f"{key_for(project_file)}.jcmpdd"
    blocker.mkdir()
    _type(window, "pdd.title", " v2")
    with qtbot.waitSignal(window.autosaver.failed, timeout=30000):
        assert window.autosave_tick()
    label = window.autosave_problem
    assert label.isVisible()
    assert label.text().startswith("Autosave failed: the recovery copy could not be written")
    assert "your file is unchanged" in label.text()
    assert project_file.read_bytes() == before and window.session.recovery_key is None
    blocker.rmdir()
    with qtbot.waitSignal(window.autosaver.written, timeout=30000):
        assert window.autosave_tick()  # not advanced by the failure: due again at once
    assert not label.isVisible()
    assert len(session_io.pending_recoveries()) == 1
