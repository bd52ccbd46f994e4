"""Long waits on a big project keep the window alive (issue 49's scale work): opening a package
verifies every file's checksum (seconds for a package of 500 MB) in a background job while the
window keeps drawing and its timers run (the user's input waits until it is done, so nothing acts
on a half-opened document)."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QTimer

from jcm_pdd.gui import validator
from tests.gui.review_packages import built_rounds, copy_into


def test_a_package_is_verified_off_the_gui_thread_while_the_window_keeps_running(
    window, tmp_path, tmp_path_factory, monkeypatch
) -> None:
    package = copy_into(built_rounds(tmp_path_factory).round1, tmp_path / "validator")
    real = validator.open_package_session
    threads: list[int] = []

    def slow_open(path):  # a package big enough to take a while
        threads.append(threading.get_ident())
        time.sleep(0.4)
        return real(path)

    monkeypatch.setattr(validator, "open_package_session", slow_open)
    ticks: list[float] = []
    beat = QTimer()
    beat.setInterval(10)
    beat.timeout.connect(lambda: ticks.append(time.perf_counter()))
    beat.start()
    assert window.open_path(package)
    beat.stop()
    assert threads and threads[0] != threading.get_ident(), "verified on the GUI thread"
    assert len(ticks) >= 3, "the window's timers did not run while the package was verified"
    assert window.session is not None and window.session.read_only, "the package is open"
    assert window.review_docks


def test_a_package_that_cannot_be_opened_still_says_why(window, answers, tmp_path) -> None:
    broken = tmp_path / "round1.jcmpkg"
    broken.write_bytes(b"not a zip at all")
    assert not window.open_path(broken)
    assert any("round1.jcmpkg" in text for text in answers["asked"])
    assert window.session is None


def test_a_save_is_written_off_the_gui_thread_with_no_autosave_beside_it(
    window, project_file, answers, monkeypatch
) -> None:
    """A project with hundreds of MB of attachments takes seconds to save: the file is written
    in a job while the window's timers run, and no autosave or lock refresh starts meanwhile
    (never two writes at once)."""
    from jcm_pdd.session import io as session_io

    assert window.open_path(project_file)
    real = session_io.save_document
    threads: list[int] = []

    def slow_save(session, path, summary=None):
        threads.append(threading.get_ident())
        time.sleep(0.4)
        real(session, path, summary)

    monkeypatch.setattr(session_io, "save_document", slow_save)
    window.autosave.interval = 0  # an autosave would be due at every tick
    window.session.set_value("pdd.title", "Edited while big")
    during: list[tuple[bool, bool]] = []
    QTimer.singleShot(
        100, lambda: during.append((window.autosave_tick(), window.lock_heartbeat.tick()))
    )
    assert window.save()
    assert threads and threads[0] != threading.get_ident(), "written on the GUI thread"
    assert during == [(False, False)], "an autosave or a lock refresh ran beside the save"
    assert not window.saving and not window.session.history.is_dirty
    from jcm_pdd.storage import load_project

    assert load_project(project_file).project.pdd.title == "Edited while big"
    assert window.autosave_tick() is False  # clean: nothing due


def test_a_save_that_fails_in_its_job_says_why_and_keeps_the_changes(
    window, project_file, answers, monkeypatch
) -> None:
    from jcm_pdd.errors import UserError
    from jcm_pdd.session import io as session_io

    assert window.open_path(project_file)

    def full_disk(session, path, summary=None):
        raise UserError("The disk is full.")

    monkeypatch.setattr(session_io, "save_document", full_disk)
    window.session.set_value("pdd.title", "Not yet saved")
    assert not window.save()
    assert any("The disk is full." in text for text in answers["asked"])
    assert window.session.history.is_dirty and not window.saving
