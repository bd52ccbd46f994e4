"""A lock file beside an open project, so a second instance knows who has it open.

The lock is ``.~lock.<file name>#`` in the project's folder (the LibreOffice convention, so
users recognise it) holding JSON: host, user, pid and time. It is advisory: it tells a person
"Dorj has this open on PC-17 since 09:14", it does not stop a determined copy. A lock is stale
(and taken over) when its process is gone on this host, or when it is older than a day (a
crash on another computer leaves a lock nobody will ever release).
"""

from __future__ import annotations

import getpass
import json
import os
import socket
import sys
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import TracebackType

from jcm_pdd.errors import UserError

STALE_AFTER = timedelta(hours=24)


@dataclass(frozen=True)
class LockInfo:
    host: str
    user: str
    pid: int
    time: str  # ISO 8601 UTC

    def opened_at(self) -> datetime | None:
        try:
            stamp = datetime.fromisoformat(self.time.replace("Z", "+00:00"))
        except ValueError:
            return None
        return stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)

    def describe(self) -> str:
        opened = self.opened_at()
        when = opened.strftime("%Y-%m-%d %H:%M UTC") if opened else "an unknown time"
        return f"{self.user or 'someone'} on {self.host or 'an unknown computer'} since {when}"


class ProjectLocked(UserError):
    """The project is open in another instance (``holder`` says who, where and since when)."""

    def __init__(self, path: Path, holder: LockInfo) -> None:
        self.path = path
        self.holder = holder
        super().__init__(f"“{path.name}” is already open by {holder.describe()}.")


def lock_path(project: Path) -> Path:
    return project.with_name(f".~lock.{project.name}#")


def _current() -> LockInfo:
    try:
        user = getpass.getuser()
    except (OSError, KeyError, ImportError):
        user = ""
    return LockInfo(
        host=socket.gethostname(),
        user=user,
        pid=os.getpid(),
        time=datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
    )


def pid_alive(pid: int) -> bool:
    """Whether a process with this id runs on this computer."""
    if pid <= 0:
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


def read_lock(project: Path) -> LockInfo | None:
    """The lock's content, or None when there is no (readable) lock."""
    try:
        data = json.loads(lock_path(project).read_text(encoding="utf-8"))
        return LockInfo(
            host=str(data["host"]),
            user=str(data["user"]),
            pid=int(data["pid"]),
            time=str(data["time"]),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def is_stale(info: LockInfo, now: datetime | None = None) -> bool:
    opened = info.opened_at()
    now = now or datetime.now(UTC)
    if opened is None or now - opened > STALE_AFTER:
        return True
    return info.host == socket.gethostname() and not pid_alive(info.pid)


class ProjectLock:
    """``with ProjectLock(path): ...`` or ``acquire()`` / ``release()``.

    ``acquire`` raises ``ProjectLocked`` when a live lock of another holder exists; a stale
    lock, or an unreadable one, is taken over.
    """

    def __init__(self, project: Path | str) -> None:
        self.project = Path(project)
        self.path = lock_path(self.project)
        self.info: LockInfo | None = None

    def holder(self) -> LockInfo | None:
        """Who holds a live lock on the project (None when free or stale)."""
        info = read_lock(self.project)
        if info is None or is_stale(info) or info == self.info:
            return None
        return info

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

    def _take_over(self, mine: LockInfo, payload: bytes) -> bool:
        """Replace a stale lock atomically, then check we won any race with another taker."""
        temp = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        try:
            temp.write_bytes(payload)
            os.replace(temp, self.path)
        except OSError:
            return False
        current = read_lock(self.project)
        if current != mine and current is not None:
            raise ProjectLocked(self.project, current)
        return True

    def release(self) -> None:
        """Remove the lock if it is still ours (never someone else's takeover)."""
        if self.info is not None and read_lock(self.project) == self.info:
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
