"""A forked render worker: a second process that renders documents while the exporter renders
others, so an export set uses two cores.

Why: the export set is CPU-bound Python (python-docx, reportlab, openpyxl) in one process. The
worker is forked at the very start of ``export_set``, before the project is loaded; it imports
reportlab and registers the fonts while the parent loads and calculates the project. The parent
then writes each finished neutral ``Document`` as a JSON file (data, never pickle) into a
private temporary folder and names it in a short request line (a document sent through the pipe
itself would block this process until the busy worker read it); the worker renders it into a
file in the same folder and answers with one JSON line naming the file or the error. It never
writes into the export folder; the folder (mode 0700, confidential copies pass through it) is
removed when the export ends. An idle parent may take back a queued document by renaming its
request file before the worker does (a rename succeeds for one of them only).

When: ``fork_is_safe()``: on Linux, from the main thread of a process that runs no other
thread at all (counted by the kernel in /proc/self/task, so threads started by C++ code such as
Qt's count too), and never in a process running a Qt application. A thread holding a lock
(malloc, Qt, a logging handler) at the moment of the fork would leave the child waiting on that
lock forever. The GUI exports from a QThread in a
process running several threads, so it (like Windows and macOS, where CPython itself stopped
forking because system frameworks are not fork-safe) renders sequentially: the same files,
one core.

Failure: whatever goes wrong in the worker (an exception while rendering, a crash, no answer
within the time limit), the parent renders that document itself, so an error surfaces exactly
as in a sequential export and no worker error can produce or hide a file. The worker is killed
and reaped when the export ends, however it ends.
"""

from __future__ import annotations

import json
import logging
import os
import select
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from typing import Literal

from jcm_pdd.export.document import Document, document_from_json, document_to_json

log = logging.getLogger(__name__)

Format = Literal["docx", "pdf"]
START_TIMEOUT = 60.0  # seconds the worker may take before its first answer (imports, fonts)
RENDER_TIMEOUT = 60.0  # seconds per submitted document after that
PREPARED_DOCUMENTS = 4  # PDD and MoC, public and confidential


def _os_threads() -> int:
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return 0  # unknown: not safe


def _qt_application() -> bool:
    """Whether a Qt application (the GUI) runs in this process; looked up, never imported."""
    qtcore = sys.modules.get("PySide6.QtCore")
    application = getattr(qtcore, "QCoreApplication", None)
    return application is not None and application.instance() is not None


def fork_is_safe() -> bool:
    """Whether this process may fork a render worker (see the module docstring)."""
    return (
        sys.platform.startswith("linux")
        and hasattr(os, "fork")
        and threading.current_thread() is threading.main_thread()
        and threading.active_count() == 1
        and _os_threads() == 1
        and not _qt_application()  # its display connection must not be shared with a child
    )


def _render(fmt: Format, doc: Document) -> bytes:
    if fmt == "pdf":
        from jcm_pdd.export.render_pdf import render_pdf

        return render_pdf(doc)
    from jcm_pdd.export.render_docx import render_docx

    return render_docx(doc)


def _serve(requests_fd: int, replies_fd: int, folder: Path) -> None:
    """The worker's life: preload, then one reply line per request line until end of input."""
    from jcm_pdd.export.fonts import font_set
    from jcm_pdd.export.render_docx import prepare as prepare_docx

    import_module("jcm_pdd.export.render_pdf")  # reportlab's platypus, imported while idle
    font_set()
    # While the parent is still loading the project, set up the empty Word documents ahead
    # (one per Word file of an export set), stopping as soon as the first request arrives.
    for _ in range(PREPARED_DOCUMENTS):
        if select.select([requests_fd], [], [], 0)[0]:
            break
        prepare_docx(1)
    with os.fdopen(requests_fd, "rb") as requests:
        for number, line in enumerate(requests):
            request = json.loads(line)
            key = str(request["key"])
            taken = Path(f"{request['document']}.worker")
            try:
                os.rename(request["document"], taken)  # atomic: the parent may take it first
            except FileNotFoundError:
                reply = {"key": key, "skipped": "rendered by the parent"}
                os.write(replies_fd, (json.dumps(reply) + "\n").encode("utf-8"))
                continue
            try:
                data = _render(request["format"], document_from_json(taken.read_text("utf-8")))
                path = folder / f"{number}.out"
                path.write_bytes(data)
                reply = {"key": key, "path": str(path)}
            except Exception as exc:  # reported; the parent renders this document itself
                reply = {"key": key, "error": f"{type(exc).__name__}: {exc}"[:1000]}
            os.write(replies_fd, (json.dumps(reply) + "\n").encode("utf-8"))


class RenderWorker:
    """The parent's handle on a forked worker: ``submit`` documents, then ``result`` each."""

    def __init__(self, pid: int, requests_fd: int, replies_fd: int, folder: Path) -> None:
        self.pid = pid
        self._requests: int | None = requests_fd
        self._replies = replies_fd
        self.folder = folder
        self._buffer = b""
        self._answers: dict[str, dict[str, str]] = {}
        self._submitted = 0
        self._requests_by_key: dict[str, Path] = {}
        self._deadline = time.monotonic() + START_TIMEOUT
        self.alive = True

    @classmethod
    def start(cls) -> RenderWorker | None:
        """Fork a worker, or None where that is not safe (then render in this process)."""
        return cls._fork(_serve)

    @classmethod
    def _fork(cls, target: Callable[[int, int, Path], None]) -> RenderWorker | None:
        if not fork_is_safe():
            return None
        folder = Path(tempfile.mkdtemp(prefix="jcm-pdd-render-"))
        requests_r, requests_w = os.pipe()
        replies_r, replies_w = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: never returns into the caller's code
            status = 1
            try:
                os.close(requests_w)
                os.close(replies_r)
                target(requests_r, replies_w, folder)
                status = 0
            finally:
                os._exit(status)
        os.close(requests_r)
        os.close(replies_w)
        return cls(pid, requests_w, replies_r, folder)

    def submit(self, key: str, fmt: Format, doc: Document) -> None:
        """Queue ``doc`` for rendering as ``fmt``; a dead worker is noted, not raised."""
        if not self.alive or self._requests is None:
            return
        source = self.folder / f"request-{self._submitted}.json"
        self._submitted += 1
        self._requests_by_key[key] = source
        try:
            source.write_text(document_to_json(doc), encoding="utf-8")
            line = json.dumps({"key": key, "format": fmt, "document": str(source)})
            data = (line + "\n").encode("utf-8")
            while data:
                data = data[os.write(self._requests, data) :]
        except OSError:  # the worker died (or no disk space): rendered here instead
            self.alive = False
            return
        self._deadline = max(self._deadline, time.monotonic()) + RENDER_TIMEOUT

    def claim(self, key: str) -> bool:
        """Take back a submitted document the worker has not started (this process renders
        it): lets an idle parent share the worker's queue, from its end."""
        source = self._requests_by_key.get(key)
        if source is None:
            return False
        try:
            os.rename(source, f"{source}.parent")  # atomic: the worker may take it first
        except FileNotFoundError:
            return False
        return True

    def result(self, key: str) -> bytes | None:
        """The rendered bytes for ``key``, or None when the worker could not deliver them."""
        self._finish_requests()
        while key not in self._answers and self.alive:
            self._read_reply()
        answer = self._answers.pop(key, None)
        if answer is None or "path" not in answer:
            why = answer.get("error", "") if answer else self._exit_status()
            log.info("render worker did not deliver %s (%s): rendering it here", key, why)
            return None
        try:
            return Path(answer["path"]).read_bytes()
        except OSError:
            return None

    def _exit_status(self) -> str:
        try:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
        except ChildProcessError:
            return "already reaped"
        if pid == 0:
            return "no answer in time"
        self.pid = 0  # reaped here
        if os.WIFSIGNALED(status):
            return f"killed by signal {os.WTERMSIG(status)}"
        return f"exit status {os.waitstatus_to_exitcode(status)}"

    def _finish_requests(self) -> None:
        if self._requests is not None:
            os.close(self._requests)  # end of input: the worker exits after its last reply
            self._requests = None

    def _read_reply(self) -> None:
        """Read until one more complete reply line; on end of output or time-out the worker
        is given up (``alive`` False)."""
        while b"\n" not in self._buffer:
            remaining = self._deadline - time.monotonic()
            ready, _, _ = select.select([self._replies], [], [], max(remaining, 0))
            chunk = os.read(self._replies, 65536) if ready else b""
            if not chunk:  # exited, crashed or timed out
                self.alive = False
                return
            self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        try:
            reply = json.loads(line)
            self._answers[str(reply["key"])] = {k: str(v) for k, v in reply.items()}
        except (ValueError, KeyError, TypeError):
            self.alive = False

    def close(self) -> None:
        """Stop and reap the worker and remove its folder (always safe to call again)."""
        self._finish_requests()
        if self.pid:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            os.waitpid(self.pid, 0)
            self.pid = 0
        if self._replies >= 0:
            os.close(self._replies)
            self._replies = -1
        self.alive = False
        shutil.rmtree(self.folder, ignore_errors=True)
