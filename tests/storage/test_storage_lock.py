"""The lock beside an open project: live locks block, stale ones (dead pid, > 24 h) are taken."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from dataclasses import asdict, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jcm_pdd.storage import ProjectLock, ProjectLocked
from jcm_pdd.storage.lock import lock_path, process_started, read_lock


def _write_lock(project: Path, *, pid: int, host: str | None = None, age: timedelta) -> None:
    when = (datetime.now(UTC) - age).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    lock_path(project).write_text(
        json.dumps({"host": host or socket.gethostname(), "user": "dorj", "pid": pid, "time": when})
    )


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid  # reaped: no process has this id now (reuse within the test is unlikely)


def test_acquire_writes_who_and_release_removes(tmp_path: Path) -> None:
    project = tmp_path / "p.jcmpdd"
    with ProjectLock(project) as lock:
        info = read_lock(project)
        assert info is not None and info == lock.info
        assert info.pid == os.getpid() and info.host == socket.gethostname()
        assert lock_path(project).name == ".~lock.p.jcmpdd#"
    assert not lock_path(project).exists()


def test_live_lock_blocks_a_second_instance(tmp_path: Path) -> None:
    project = tmp_path / "p.jcmpdd"
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        _write_lock(project, pid=other.pid, age=timedelta(minutes=5))
        second = ProjectLock(project)
        assert second.holder() is not None and second.holder().pid == other.pid  # type: ignore[union-attr]
        with pytest.raises(ProjectLocked, match="already open by dorj on") as caught:
            second.acquire()
        assert caught.value.holder.pid == other.pid
        assert read_lock(project).pid == other.pid  # type: ignore[union-attr]
    finally:
        other.kill()
        other.wait()


def test_live_lock_on_another_host_blocks(tmp_path: Path) -> None:
    project = tmp_path / "p.jcmpdd"
    _write_lock(project, pid=1, host="PC-17-elsewhere", age=timedelta(hours=3))
    with pytest.raises(ProjectLocked, match="PC-17-elsewhere"):
        ProjectLock(project).acquire()


def test_stale_lock_by_dead_pid_is_taken_over(tmp_path: Path) -> None:
    project = tmp_path / "p.jcmpdd"
    _write_lock(project, pid=_dead_pid(), age=timedelta(minutes=1))
    lock = ProjectLock(project)
    assert lock.holder() is None
    info = lock.acquire()
    assert info is not None and read_lock(project) == info and info.pid == os.getpid()
    lock.release()
    assert not lock_path(project).exists()


def test_stale_lock_by_age_is_taken_over_even_from_another_host(tmp_path: Path) -> None:
    project = tmp_path / "p.jcmpdd"
    _write_lock(project, pid=1, host="PC-17-elsewhere", age=timedelta(hours=25))
    info = ProjectLock(project).acquire()
    assert read_lock(project) == info


def test_garbage_lock_is_taken_over(tmp_path: Path) -> None:
    project = tmp_path / "p.jcmpdd"
    lock_path(project).write_text("{not json")
    info = ProjectLock(project).acquire()
    assert info is not None and info.pid == os.getpid()


def test_release_never_removes_someone_elses_lock(tmp_path: Path) -> None:
    project = tmp_path / "p.jcmpdd"
    lock = ProjectLock(project)
    lock.acquire()
    _write_lock(project, pid=1, host="PC-17-elsewhere", age=timedelta(0))  # taken over meanwhile
    lock.release()
    assert read_lock(project).host == "PC-17-elsewhere"  # type: ignore[union-attr]


def test_same_process_second_window_sees_the_lock(tmp_path: Path) -> None:
    project = tmp_path / "p.jcmpdd"
    with ProjectLock(project):
        with pytest.raises(ProjectLocked):
            ProjectLock(project).acquire()


def test_unwritable_folder_gives_no_lock_but_no_error(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    lock = ProjectLock(not_a_folder / "p.jcmpdd")  # the lock cannot be created there
    assert lock.acquire() is None and lock.info is None
    lock.release()


# -- issue 11: staleness judged by the owner, clock skew, pid reuse, taking over ------------


def test_a_lock_dated_in_the_future_is_not_live_forever(tmp_path: Path) -> None:
    project = tmp_path / "p.jcmpdd"
    _write_lock(project, pid=1, host="PC-17-elsewhere", age=-timedelta(days=3650))
    assert ProjectLock(project).holder() is None  # a copied lock, ten years ahead
    _write_lock(project, pid=1, host="PC-17-elsewhere", age=-timedelta(minutes=30))
    assert ProjectLock(project).holder() is not None  # a clock half an hour fast: still live


def test_on_this_computer_the_process_decides_not_the_clock(tmp_path: Path) -> None:
    project = tmp_path / "p.jcmpdd"
    me = _current_info()
    for age in (timedelta(days=30), -timedelta(days=3650)):  # open for a month; a wrong clock
        when = (datetime.now(UTC) - age).replace(microsecond=0).isoformat()
        lock_path(project).write_text(json.dumps({**me, "time": when}))
        assert ProjectLock(project).holder() is not None


@pytest.mark.skipif(process_started(os.getpid()) is None, reason="process start times: Linux")
def test_a_reused_process_id_does_not_keep_the_lock(tmp_path: Path) -> None:
    project = tmp_path / "p.jcmpdd"
    me = _current_info()
    # Our own pid, alive, but the lock says its process started an hour earlier: another
    # process had this id (before a reboot, or long ago) and is gone.
    lock_path(project).write_text(json.dumps({**me, "started": me["started"] - 3600}))
    assert ProjectLock(project).holder() is None
    info = ProjectLock(project).acquire()
    assert info is not None and read_lock(project) == info


def test_take_over_replaces_a_live_lock_and_says_whose_it_was(tmp_path: Path) -> None:
    project = tmp_path / "p.jcmpdd"
    _write_lock(project, pid=1, host="PC-17-elsewhere", age=timedelta(hours=1))
    lock = ProjectLock(project)
    with pytest.raises(ProjectLocked):
        lock.acquire()
    previous = lock.take_over()
    assert previous is not None and previous.host == "PC-17-elsewhere"
    assert read_lock(project) == lock.info and lock.info.pid == os.getpid()  # type: ignore[union-attr]
    lock.release()
    assert not lock_path(project).exists()


def test_take_over_in_the_session_makes_the_document_editable(tmp_path: Path) -> None:
    from storage_builders import sample_project

    from jcm_pdd.session import io as session_io
    from jcm_pdd.storage import save_project

    project = tmp_path / "p.jcmpdd"
    save_project(project, sample_project())
    _write_lock(project, pid=1, host="PC-17-elsewhere", age=timedelta(hours=1))
    session = session_io.open_document(project)
    assert session.read_only is not None and session.lock_holder is not None
    previous = session_io.take_over_lock(session)
    assert previous is not None and previous.host == "PC-17-elsewhere"
    assert session.read_only is None and session.lock_holder is None
    session.set_value("pdd.title", "Taken over")
    session_io.save_document(session, project)
    session_io.close_document(session)
    assert not lock_path(project).exists()


def _current_info() -> dict[str, object]:
    from dataclasses import asdict

    from jcm_pdd.storage.lock import _current

    return asdict(_current())


def _stamp(delta: timedelta) -> str:
    return (datetime.now(UTC) + delta).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _beating_lock(project: Path, *, beat: timedelta, host: str = "PC-17-elsewhere") -> None:
    """Another computer's lock, taken an hour ago, whose last heartbeat is ``beat`` from now."""
    lock_path(project).write_text(
        json.dumps(
            {
                "host": host,
                "user": "dorj",
                "pid": 4242,
                "time": _stamp(-timedelta(hours=1)),
                "beat": _stamp(beat),
            }
        )
    )


def test_another_computers_lock_lives_while_its_heartbeat_does(tmp_path: Path) -> None:
    project = tmp_path / "p.jcmpdd"
    for beat in (-timedelta(minutes=1), timedelta(minutes=20)):  # recent; a clock that is fast
        _beating_lock(project, beat=beat)
        with pytest.raises(ProjectLocked, match="already open by dorj on PC-17-elsewhere"):
            ProjectLock(project).acquire()
    _beating_lock(project, beat=-timedelta(minutes=6))  # five heartbeats missed: stopped
    lock = ProjectLock(project)
    assert lock.holder() is None
    assert lock.acquire() is not None and read_lock(project) == lock.info
    lock.release()


def test_refresh_writes_a_newer_heartbeat_into_our_own_lock(tmp_path: Path) -> None:
    project = tmp_path / "p.jcmpdd"
    lock = ProjectLock(project)
    mine = lock.acquire()
    assert mine is not None and mine.beat
    old = replace(mine, beat=_stamp(-timedelta(minutes=4)))
    lock_path(project).write_text(json.dumps(asdict(old)))
    lock.info = old
    assert lock.refresh() is None
    now = read_lock(project)
    assert now is not None and now == lock.info and now.same_holder(mine)
    assert now.beat_at() > old.beat_at()  # type: ignore[operator]
    assert ProjectLock(project).holder() == now  # live for another window
    lock.release()
    assert not lock_path(project).exists()
    assert lock.refresh() is None and not lock_path(project).exists(), "no lock after release"


def test_refresh_never_overwrites_a_take_over_and_a_save_is_refused(tmp_path: Path) -> None:
    from storage_builders import sample_project

    from jcm_pdd.session import io as session_io
    from jcm_pdd.storage import save_project
    from jcm_pdd.storage.lock import LockTakenOver

    project = tmp_path / "p.jcmpdd"
    save_project(project, sample_project())
    session = session_io.open_document(project)
    assert session.lock is not None and session.read_only is None
    taker = ProjectLock(project)
    taker.take_over()  # another instance, after the warning
    theirs = read_lock(project)
    assert session.lock.refresh() == theirs and read_lock(project) == theirs
    before = project.read_bytes()
    session.set_value("pdd.title", "Edited here")
    with pytest.raises(LockTakenOver, match="was taken over by .*Save As"):
        session_io.save_document(session, project)
    assert project.read_bytes() == before and read_lock(project) == theirs
    session_io.save_document(session, tmp_path / "mine.jcmpdd")  # Save As keeps the changes
    assert read_lock(tmp_path / "mine.jcmpdd") == session.lock.info  # type: ignore[union-attr]
    session_io.close_document(session)
    assert read_lock(project) == theirs, "closing leaves the taker's lock"
    taker.release()


# -- hostile lock files (issue 43): a lock beside a project on a shared drive is anyone's file --


@pytest.mark.parametrize("pid", [2**31, 10**30, -(10**30)], ids=["2^31", "1e30", "-1e30"])
def test_a_process_id_no_process_can_have_is_not_alive(tmp_path: Path, pid: int) -> None:
    """os.kill raised OverflowError for an id beyond a C long: the project did not open."""
    project = tmp_path / "p.jcmpdd"
    _write_lock(project, pid=pid, age=timedelta(minutes=1))
    with ProjectLock(project) as lock:
        assert lock.info is not None and read_lock(project) == lock.info


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX feature")
def test_a_pipe_in_place_of_the_lock_is_not_waited_on(tmp_path: Path) -> None:
    """Reading the lock opened it blocking: a FIFO named like the lock hung the open forever.
    Run in a child with a timeout, so a regression fails instead of hanging the suite."""
    project = tmp_path / "p.jcmpdd"
    os.mkfifo(lock_path(project))
    code = (
        "import sys; from jcm_pdd.storage import ProjectLock; "
        "lock = ProjectLock(sys.argv[1]); print(lock.acquire() is not None); lock.release()"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(project)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "True"  # the pipe was taken over by a real lock


def test_a_lock_far_larger_than_a_lock_is_not_read(tmp_path: Path) -> None:
    project = tmp_path / "p.jcmpdd"
    _write_lock(project, pid=os.getpid(), host="elsewhere", age=timedelta(minutes=1))
    live = lock_path(project).read_text()
    lock_path(project).write_text(live[:-1] + ', "pad": "' + "x" * (1 << 20) + '"}')
    assert read_lock(project) is None


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3)
    ),
    max_leaves=8,
)
_FIELD_VALUES = st.one_of(
    st.sampled_from(
        [
            2**31,
            10**30,
            -1,
            "9999-12-31T23:59:59-23:59",
            "0001-01-01T00:00:00+23:59",
            "2026-02-30T10:00:00Z",
            "nan",
            "inf",
            1e308,
        ]
    ),
    _JSON,
)


@settings(
    max_examples=80,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    fields=st.fixed_dictionaries(
        {name: _FIELD_VALUES for name in ("host", "user", "pid", "time")},
        optional={name: _FIELD_VALUES for name in ("started", "beat", "token")},
    ),
    this_host=st.booleans(),
)
def test_any_lock_content_is_read_judged_and_taken_or_reported(
    tmp_path_factory: pytest.TempPathFactory, fields: dict[str, object], this_host: bool
) -> None:
    """Whatever a lock file holds, opening the project either takes the lock or says who holds
    it: never another exception (a 2^31 pid was an OverflowError from os.kill)."""
    project = tmp_path_factory.mktemp("lock") / "p.jcmpdd"
    if this_host:
        fields = {**fields, "host": socket.gethostname()}
    lock_path(project).write_text(json.dumps(fields))
    lock = ProjectLock(project)
    try:
        lock.acquire()
    except ProjectLocked as exc:
        assert exc.message.startswith("“p.jcmpdd” is already open by ")
    else:
        assert lock.info is not None and read_lock(project) == lock.info
    finally:
        lock.release()
