"""The crash log: what the app keeps when something fails, in the user data folder.

A user must never lose the app, or the reason it failed, without a trace. ``install()`` (the
desktop app calls it first thing) makes three kinds of failure leave a file in
``<user data>/crash/``:

- an exception nobody handled, in any thread (``sys.excepthook``, ``threading.excepthook``),
  and a bug caught by a background job (``record``): appended to ``crash.log`` with the time,
  the app version and the traceback;
- a fatal error of the interpreter or an extension module (a segfault in Qt, "Fatal Python
  error"): ``faulthandler`` dumps every thread's stack into ``fatal-<time>-<pid>.log``, kept
  after the process dies (an empty one is removed at a clean exit).

The About box opens this folder. No Qt here; nothing is sent anywhere.
"""

from __future__ import annotations

import atexit
import datetime as dt
import faulthandler
import os
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType
from typing import IO

from jcm_pdd import __version__
from jcm_pdd.paths import user_data_dir

LOG_NAME = "crash.log"
MAX_LOG_BYTES = 1_000_000  # older entries are dropped beyond this (the newest matter)

_fatal: IO[str] | None = None


def crash_dir() -> Path:
    path = user_data_dir() / "crash"
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_path() -> Path:
    return crash_dir() / LOG_NAME


def _stamp() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def record(exc: BaseException, where: str = "", tb: TracebackType | None = None) -> Path | None:
    """Append ``exc`` with its traceback to the crash log; the log's path (None if the folder
    cannot be written: logging a crash must never raise another)."""
    lines = traceback.format_exception(type(exc), exc, tb or exc.__traceback__)
    entry = (
        f"--- {_stamp()}  JCM PDD Studio {__version__}  pid {os.getpid()}"
        f"{'  ' + where if where else ''}\n{''.join(lines)}\n"
    )
    try:
        path = log_path()
        if path.exists() and path.stat().st_size > MAX_LOG_BYTES:
            kept = path.read_text(encoding="utf-8", errors="replace")[-MAX_LOG_BYTES // 2 :]
            path.write_text(kept, encoding="utf-8")
        with path.open("a", encoding="utf-8") as log:
            log.write(entry)
        return path
    except OSError:
        return None


def _excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if not issubclass(kind, KeyboardInterrupt):
        record(exc, "unhandled", tb)
    sys.__excepthook__(kind, exc, tb)


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is not None:
        name = args.thread.name if args.thread is not None else "?"
        record(args.exc_value, f"thread {name}", args.exc_traceback)
    threading.__excepthook__(args)


def install() -> Path | None:
    """Keep every crash from now on (idempotent); the fatal-error dump file, if it opened."""
    global _fatal
    sys.excepthook = _excepthook
    threading.excepthook = _thread_hook
    if _fatal is not None:
        return Path(_fatal.name)
    try:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
        _fatal = (crash_dir() / f"fatal-{stamp}-{os.getpid()}.log").open("w", encoding="utf-8")
    except OSError:
        faulthandler.enable()  # stderr at least
        return None
    faulthandler.enable(file=_fatal, all_threads=True)
    atexit.register(_clean_exit)
    return Path(_fatal.name)


def _clean_exit() -> None:
    """At a normal exit the fatal-error file is empty: remove it (a dump is kept)."""
    global _fatal
    if _fatal is None:
        return
    path = Path(_fatal.name)
    faulthandler.disable()
    _fatal.close()
    _fatal = None
    try:
        if path.stat().st_size == 0:
            path.unlink()
    except OSError:
        pass
