"""A lock file beside an open project, so a second instance knows who has it open.

The lock is ``.~lock.<file name>#`` in the project's folder (the LibreOffice convention, so
users recognise it) holding JSON: host, user, pid, the process's start time and the time it
was taken. It is advisory: it tells a person "Dorj has this open on PC-17 since 09:14", it does
not stop a determined copy.

Whether a lock is stale is judged by its owner, not by a clock where that is possible:

- on this computer, the lock is live exactly while its process runs: a dead process id, or an
  id now used by a process that started at another time (ids are reused, e.g. after a reboot)
  makes it stale, however recent its time;
- from another computer (a shared drive), the process cannot be asked, so the app holding
  the lock writes a heartbeat into it (``beat``, every ``HEARTBEAT_EVERY``, ``refresh``) while
  the file is open: a lock whose heartbeat is more than ``HEARTBEAT_LAPSED`` old is stale (that
  app has stopped, or its computer crashed or lost the drive). A lock without a heartbeat (an
  older version) is stale after a day. Clocks of two computers disagree, so the day counts both
  ways: a lock dated in the future (a wrong clock, or a lock file copied from elsewhere) ages
  from its date just as one in the past, instead of being "not yet old" for years. A heartbeat
  dated ahead of our clock is live (the other clock is fast); one behind ours by more than the
  lapse looks stale, so a clock that is minutes slow can cost its user the lock: ``refresh``
  then reports who took it, and the app warns that its saves would overwrite theirs.

A user may also take over a live lock (``ProjectLock.take_over``) after a clear warning, for
the lock of a crashed computer they know is off.
"""

from __future__ import annotations

import getpass
import json
import os
import secrets
import socket
import sys
import threading
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import TracebackType

from jcm_pdd import textfile
from jcm_pdd.atomic import write_atomic
from jcm_pdd.errors import UserError

STALE_AFTER = timedelta(hours=24)
HEARTBEAT_EVERY = timedelta(minutes=1)
HEARTBEAT_LAPSED = timedelta(minutes=5)  # five missed heartbeats: the holder has stopped


@dataclass(frozen=True)
class LockInfo:
    host: str
    user: str
    pid: int
    time: str  # ISO 8601 UTC
    started: float = 0.0  # the owning process's start (seconds since the epoch); 0: unknown
    beat: str = ""  # ISO 8601 UTC of the holder's last heartbeat; "": a version without them
    token: str = ""  # random, per taking: two takings in one process and second differ

    def opened_at(self) -> datetime | None:
        return _parse(self.time)

    def beat_at(self) -> datetime | None:
        return _parse(self.beat) if self.beat else None

    def same_holder(self, other: LockInfo | None) -> bool:
        """The same taking of the lock, whatever its heartbeat says."""
        return other is not None and replace(other, beat=self.beat) == self

    def describe(self) -> str:
        opened = self.opened_at()
        when = opened.strftime("%Y-%m-%d %H:%M UTC") if opened else "an unknown time"
        return f"{self.user or 'someone'} on {self.host or 'an unknown computer'} since {when}"


class LockTakenOver(UserError):
    """Our lock was replaced by another instance's (``holder``): saving here would overwrite."""

    def __init__(self, path: Path, holder: LockInfo) -> None:
        self.path = path
        self.holder = holder
        super().__init__(
            f"“{path.name}” was taken over by {holder.describe()}: saving it here would "
            "overwrite their changes. Save your changes under another name (Save As)."
        )


class ProjectLocked(UserError):
    """The project is open in another instance (``holder`` says who, where and since when)."""

    def __init__(self, path: Path, holder: LockInfo) -> None:
        self.path = path
        self.holder = holder
        super().__init__(f"“{path.name}” is already open by {holder.describe()}.")


def _parse(text: str) -> datetime | None:
    try:
        stamp = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)


def _now_text() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def lock_path(project: Path) -> Path:
    return project.with_name(f".~lock.{project.name}#")


def _current() -> LockInfo:
    try:
        user = getpass.getuser()
    except (OSError, KeyError, ImportError):
        user = ""
    now = _now_text()
    return LockInfo(
        host=socket.gethostname(),
        user=user,
        pid=os.getpid(),
        time=now,
        started=process_started(os.getpid()) or 0.0,
        beat=now,
        token=secrets.token_hex(8),
    )


def process_started(pid: int) -> float | None:
    """When the process ``pid`` started (seconds since the epoch), where the system says so.

    Linux: field 22 of ``/proc/<pid>/stat`` (clock ticks since boot) plus the boot time. Other
    systems: None, and a live process id is then taken at its word.
    """
    try:
        stat_line = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
        boot_line = next(
            line for line in Path("/proc/stat").read_text().splitlines() if line.startswith("btime")
        )
        ticks = int(stat_line.rsplit(")", 1)[1].split()[19])
        return int(boot_line.split()[1]) + ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, StopIteration, AttributeError):
        return None


# Process ids are 32-bit on every system (pid_t, a Windows DWORD holds no larger live id).
_MAX_PID = 2**31 - 1


def pid_alive(pid: int) -> bool:
    """Whether a process with this id runs on this computer (an id no process can have, such
    as one a lock file from elsewhere holds, is not alive)."""
    if not 0 < pid <= _MAX_PID:
        return False
    if sys.platform == "win32":
        import ctypes

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        try:
            kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        finally:
            kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)  # signal 0: existence check only (POSIX); Windows is handled above
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    except OSError:
        return False
    return True


# A lock the app writes is about 300 bytes; anything far larger is not a lock.
MAX_LOCK_BYTES = 64 * 1024


def read_lock(project: Path) -> LockInfo | None:
    """The lock's content, or None when there is no (readable) lock: a damaged or foreign file,
    one far larger than a lock, or a pipe or device in its place (read without waiting on it)."""
    path = lock_path(project)
    try:
        if path.stat().st_size > MAX_LOCK_BYTES:
            return None
        data = json.loads(textfile.read_bytes(path).decode("utf-8"))
        return LockInfo(
            host=str(data["host"]),
            user=str(data["user"]),
            pid=int(data["pid"]),
            time=str(data["time"]),
            started=float(data.get("started", 0.0)),
            beat=str(data.get("beat", "")),
            token=str(data.get("token", "")),
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return None


# Start times read twice may differ by a clock tick; a reused process id differs by far more.
_SAME_START = 2.0


def is_stale(info: LockInfo, now: datetime | None = None) -> bool:
    """Whether nobody holds this lock any more (see the module docstring for the rules)."""
    if info.host == socket.gethostname():
        if not pid_alive(info.pid):
            return True
        if info.started:
            actual = process_started(info.pid)
            if actual is not None:
                return abs(actual - info.started) > _SAME_START  # the id was reused
            return False
        # A lock without a start time (older versions): the process id alone could be a
        # stranger's, so the age rule below applies as well.
    opened = info.opened_at()
    if opened is None:
        return True
    now = now or datetime.now(UTC)
    if abs(now - opened) > STALE_AFTER:  # a clock ahead or behind: age counts both ways
        return True
    beat = info.beat_at()
    return beat is not None and now - beat > HEARTBEAT_LAPSED


class ProjectLock:
    """``with ProjectLock(path): ...`` or ``acquire()`` / ``release()``.

    ``acquire`` raises ``ProjectLocked`` when a live lock of another holder exists; a stale
    lock, or an unreadable one, is taken over.
    """

    def __init__(self, project: Path | str) -> None:
        self.project = Path(project)
        self.path = lock_path(self.project)
        self.info: LockInfo | None = None
        # ``refresh`` runs on a background thread; it and ``release`` never interleave, so a
        # heartbeat cannot write the lock back after it was released.
        self._mutex = threading.Lock()

    def holder(self) -> LockInfo | None:
        """Who holds a live lock on the project (None when free or stale)."""
        info = read_lock(self.project)
        if info is None or is_stale(info) or (self.info and self.info.same_holder(info)):
            return None
        return info

    def taken_by(self) -> LockInfo | None:
        """Whoever replaced our lock (a take-over from another instance), else None."""
        mine = self.info
        current = read_lock(self.project)
        if mine is None or current is None or mine.same_holder(current):
            return None
        return current

    def refresh(self) -> LockInfo | None:
        """Write a new heartbeat into our lock (every ``HEARTBEAT_EVERY``, off the GUI thread).

        Returns None when the lock is still ours (or we hold none), or the lock of whoever
        replaced ours (a take-over): then nothing is written, theirs stays. A lock file that
        has disappeared, or that cannot be read or written now (a share gone for a moment), is
        left as it is: the next heartbeat tries again.
        """
        with self._mutex:
            mine = self.info
            if mine is None:
                return None
            current = read_lock(self.project)
            if current is None:
                return None
            if not mine.same_holder(current):
                return current
            beaten = replace(mine, beat=_now_text())
            try:
                write_atomic(self.path, json.dumps(asdict(beaten), indent=2).encode("utf-8"))
            except OSError:
                return None
            self.info = beaten
            return None

    def acquire(self) -> LockInfo | None:
        """Take the lock; return what was written, or None where no lock can be written.

        A folder we cannot write to (a read-only share, a CD) gets no lock: the project still
        opens, and saving there fails later with its own clear message.
        """
        mine = _current()
        payload = json.dumps(asdict(mine), indent=2).encode("utf-8")
        try:
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            holder = self.holder()
            if holder is not None:
                raise ProjectLocked(self.project, holder) from None
            if not self._take_over(mine, payload):
                return None
        except OSError:
            return None
        else:
            with os.fdopen(fd, "wb") as handle:
                handle.write(payload)
        self.info = mine
        return mine

    def take_over(self) -> LockInfo | None:
        """Take the lock whoever holds it; return the holder it replaced (None if none).

        For the user who was warned that the holder may still be editing (a computer that
        crashed or is switched off leaves a lock nobody else can release). Raises
        ``ProjectLocked`` only when yet another instance takes it at the same moment, and
        ``UserError`` when the lock cannot be written.
        """
        previous = read_lock(self.project)
        mine = _current()
        payload = json.dumps(asdict(mine), indent=2).encode("utf-8")
        if not self._take_over(mine, payload):
            raise UserError(
                f"Cannot take over the lock of “{self.project.name}”: the folder is not writable."
            )
        self.info = mine
        return previous

    def _take_over(self, mine: LockInfo, payload: bytes) -> bool:
        """Replace a stale lock atomically, then check we won any race with another taker."""
        try:
            write_atomic(self.path, payload)
        except OSError:
            return False
        current = read_lock(self.project)
        if current != mine and current is not None:
            raise ProjectLocked(self.project, current)
        return True

    def release(self) -> None:
        """Remove the lock if it is still ours (never someone else's takeover)."""
        with self._mutex:
            if self.info is not None and self.info.same_holder(read_lock(self.project)):
                try:
                    self.path.unlink()
                except OSError:
                    pass
            self.info = None

    def __enter__(self) -> ProjectLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()
