"""The crash log keeps what a failure leaves: tracebacks of unhandled exceptions (any thread)
and of bugs caught by background jobs in crash.log, and faulthandler's dump of a fatal error
in its own file, in the user data folder; a clean exit leaves no empty dump behind."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from jcm_pdd import crashlog


def _run(code: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "JCM_PDD_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )


def test_record_appends_the_traceback(_private_user_home: Path) -> None:
    try:
        {}["missing"]
    except KeyError as exc:
        path = crashlog.record(exc, "a test")
    assert path == crashlog.log_path() and path.is_relative_to(_private_user_home)
    text = path.read_text(encoding="utf-8")
    assert "a test" in text and "KeyError: 'missing'" in text and "test_crashlog.py" in text


def test_unhandled_exceptions_in_any_thread_are_logged(tmp_path: Path) -> None:
    code = (
        "import threading; from jcm_pdd import crashlog; crashlog.install()\n"
        "def boom(): raise RuntimeError('in a worker thread')\n"
        "t = threading.Thread(target=boom, name='worker-1'); t.start(); t.join()\n"
        "raise ValueError('on the main thread')\n"
    )
    result = _run(code, tmp_path)
    assert result.returncode == 1
    log = (tmp_path / "data" / "crash" / "crash.log").read_text(encoding="utf-8")
    assert "thread worker-1" in log and "RuntimeError: in a worker thread" in log
    assert "unhandled" in log and "ValueError: on the main thread" in log
    assert "ValueError: on the main thread" in result.stderr  # still shown as before


def test_a_fatal_error_leaves_its_dump_and_a_clean_exit_leaves_nothing(tmp_path: Path) -> None:
    crashed = _run(
        "from jcm_pdd import crashlog; crashlog.install(); import faulthandler; "
        "faulthandler._sigsegv()",
        tmp_path / "a",
    )
    assert crashed.returncode != 0
    dumps = list((tmp_path / "a" / "data" / "crash").glob("fatal-*.log"))
    assert len(dumps) == 1
    text = dumps[0].read_text(encoding="utf-8")
    assert "Fatal Python error" in text and "Segmentation fault" in text
    clean = _run("from jcm_pdd import crashlog; crashlog.install()", tmp_path / "b")
    assert clean.returncode == 0
    assert list((tmp_path / "b" / "data" / "crash").glob("fatal-*.log")) == []
