"""jobs.SingleJob: one background job at a time; its result reaches ``on_done`` on the GUI
thread, or ``join`` takes it, never both; a result taken by ``join`` that arrives later is
ignored, even when it is ``None`` like the next job's result while that one runs."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QCoreApplication

from jcm_pdd.errors import UserError
from jcm_pdd.gui.jobs import SingleJob


def test_the_result_reaches_on_done_on_the_gui_thread(qtbot) -> None:
    job = SingleJob()
    ran_on: list[threading.Thread] = []
    done: list[tuple[object, threading.Thread]] = []

    def work(_progress: object) -> str:
        ran_on.append(threading.current_thread())
        return "written"

    job.start(work, lambda result: done.append((result, threading.current_thread())))
    assert job.busy
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    assert done == [("written", threading.main_thread())]
    assert ran_on and ran_on[0] is not threading.main_thread()
    assert not job.busy


def test_a_failure_reaches_on_done_as_a_user_error(qtbot) -> None:
    job = SingleJob()
    done: list[object] = []

    def work(_progress: object) -> None:
        raise UserError("The drive is full.")

    job.start(work, done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    assert isinstance(done[0], UserError) and done[0].message == "The drive is full."


def test_join_takes_the_result_and_its_late_arrival_is_ignored(qtbot) -> None:
    job = SingleJob()
    first_done: list[object] = []
    job.start(lambda _progress: None, first_done.append)
    assert job.join() is None  # the job's own None
    assert not job.busy
    assert job.join() is None  # no job: nothing to wait for

    release = threading.Event()
    second_done: list[object] = []

    def second(_progress: object) -> None:
        release.wait(10)

    job.start(second, second_done.append)
    for _ in range(20):  # the first job's finished signal arrives now, queued
        QCoreApplication.processEvents()
    # Taken by join: not handed to on_done, and not taken for the second job's (None) result,
    # which would have waited for the second job here on the GUI thread.
    assert first_done == [] and second_done == [] and job.busy
    release.set()
    qtbot.waitUntil(lambda: bool(second_done), timeout=5000)
    assert second_done == [None] and first_done == []


def test_a_second_job_while_one_runs_is_refused(qtbot) -> None:
    job = SingleJob()
    release = threading.Event()
    job.start(lambda _progress: release.wait(10), lambda _result: None)
    with pytest.raises(RuntimeError):
        job.start(lambda _progress: None, lambda _result: None)
    release.set()
    assert job.join() is True


def test_finish_waits_and_hands_the_result_to_on_done_once(qtbot) -> None:
    job = SingleJob()
    release = threading.Event()
    done: list[object] = []

    def work(_progress: object) -> str:
        release.wait(10)
        return "refreshed"

    job.start(work, done.append)
    threading.Timer(0.2, release.set).start()
    job.finish()  # blocks until the job has returned
    assert done == ["refreshed"] and not job.busy
    for _ in range(20):  # the queued finished signal arrives now, and is ignored
        QCoreApplication.processEvents()
    assert done == ["refreshed"]
    job.finish()  # no job: nothing happens
    assert done == ["refreshed"]
