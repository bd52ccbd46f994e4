"""The open document's lock beats every minute from a background job, so another computer can
tell a running app from one that stopped; a take-over by another instance is shown in the
banner, and saving over the taker's file is refused (Save As keeps the changes)."""

from __future__ import annotations

import json
import threading
from dataclasses import asdict, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from jcm_pdd.storage import ProjectLock
from jcm_pdd.storage.lock import lock_path, read_lock


def _minutes_ago(minutes: int) -> str:
    when = datetime.now(UTC) - timedelta(minutes=minutes)
    return when.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def test_the_heartbeat_refreshes_the_lock_off_the_gui_thread(
    window, project_file: Path, qtbot, monkeypatch
) -> None:
    on_gui_thread: list[bool] = []
    real = ProjectLock.refresh

    def spy(self: ProjectLock):  # type: ignore[no-untyped-def]
        on_gui_thread.append(threading.current_thread() is threading.main_thread())
        return real(self)

    monkeypatch.setattr(ProjectLock, "refresh", spy)
    assert window.open_path(project_file)
    lock = window.session.lock
    old = replace(lock.info, beat=_minutes_ago(4))  # a minute before it would lapse
    lock_path(project_file).write_text(json.dumps(asdict(old)))
    lock.info = old
    window.lock_heartbeat.timer.setInterval(20)  # a minute, shortened for the test
    qtbot.waitUntil(lambda: read_lock(project_file).beat != old.beat, timeout=5000)
    beaten = read_lock(project_file)
    assert beaten.same_holder(old) and beaten.beat_at() > old.beat_at()
    assert on_gui_thread and not any(on_gui_thread)
    assert window.close_document()
    assert not lock_path(project_file).exists()


def test_a_take_over_is_shown_and_saving_over_it_is_refused(
    window, project_file: Path, qtbot, answers, monkeypatch
) -> None:
    assert window.open_path(project_file)
    assert not window.view.banner.isVisible()
    taker = ProjectLock(project_file)
    taker.take_over()  # another instance took the file over after its warning
    theirs = read_lock(project_file)
    window.lock_heartbeat.timer.setInterval(20)
    qtbot.waitUntil(lambda: "was taken over by" in window.view.banner.text(), timeout=5000)
    assert window.view.banner.isVisible() and theirs.user in window.view.banner.text()
    before = project_file.read_bytes()
    window.act_save.trigger()  # File > Save
    assert any("was taken over by" in str(text) for text in answers["asked"])
    assert project_file.read_bytes() == before and read_lock(project_file) == theirs
    qtbot.wait(100)  # more heartbeats: the taker's lock stays as it is
    assert read_lock(project_file) == theirs
    mine = project_file.with_name("mine.jcmpdd")  # File > Save As…, another name
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(mine), ""))
    )
    window.act_save_as.trigger()
    assert mine.is_file() and read_lock(mine) == window.session.lock.info
    assert not window.view.banner.isVisible(), "saved under its own name: nothing to warn of"
    qtbot.wait(100)
    assert not window.view.banner.isVisible() and read_lock(project_file) == theirs
    assert window.close_document()
    assert read_lock(project_file) == theirs, "closing leaves the taker's lock"
    taker.release()
