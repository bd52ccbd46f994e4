"""A consistent copy of the project for a background check, kept up to date cheaply (issue 17).

The Diagnostics run off the GUI thread on a copy that nobody edits. A full deep copy of a
300-unit, 120-period project takes 1-2 s (``model_dump`` alone 0.6 s), as long as the check it
would spare the window, so ``CheckCopier`` renews only what changed: it listens to the session's
changed paths and, for the next copy, copies anew each top-level part of the project that was
written (the PDD, the Monitoring Plan, ...) and, of the monitoring periods, only the periods
written, inserted or moved in; every other part is shared with the previous copy. A copy is
never written after it is handed out (the parts it shares are copies too, never live data), so
a worker may read it while the user goes on editing.

The first copy of a big project copies every period (0.3-2 s for 120 periods of 300 units);
``prepare`` does it a slice at a time, between the events of the GUI thread, so the window
never waits for more than one slice (a period written meanwhile is copied again).
"""

from __future__ import annotations

import time
from typing import Any

from jcm_pdd.model import Project
from jcm_pdd.model.paths import PathError, split, step
from jcm_pdd.session.document import DocumentSession


class CheckCopier:
    """Copies of ``session.project`` for a worker thread: ``copy()`` on the GUI thread."""

    def __init__(self, session: DocumentSession) -> None:
        self._session = session
        self._copy: Project | None = None
        self._tops: set[str] = set()  # top-level fields written since the last copy
        # the copy of each live period, by the live object's identity (the object is kept, so
        # its id cannot be reused); a period written since is dropped and copied again
        self._periods: dict[int, tuple[Any, Any]] = {}
        session.listeners.append(self._changed)

    def detach(self) -> None:
        if self._changed in self._session.listeners:
            self._session.listeners.remove(self._changed)

    def _changed(self, path: str) -> None:
        parts = split(path)
        if not parts:
            self._whole_again()
            return
        if parts[0] != "monitoring":
            self._tops.add(parts[0])
        elif len(parts) >= 3 and parts[1] == "periods":
            try:  # the period as it is now (the change is applied before listeners hear it)
                period = step(self._session.project.monitoring.periods, parts[2], path)
            except PathError:
                self._whole_again()  # cannot tell which: the next copy is a whole one
                return
            self._periods.pop(id(period), None)
        # "monitoring" or "monitoring.periods": the list itself; its periods are found by
        # identity in copy(), new ones copied

    def _whole_again(self) -> None:
        self._copy = None
        self._periods.clear()

    def prepare(self, budget: float) -> bool:
        """Copy the periods not copied yet until ``budget`` seconds are spent; True when none
        is left (``copy`` then costs only the parts of the project outside the periods)."""
        deadline = time.perf_counter() + budget
        for period in self._session.project.monitoring.periods:
            if id(period) not in self._periods:
                self._periods[id(period)] = (period, period.model_copy(deep=True))
                if time.perf_counter() > deadline:
                    return False
        return True

    def copy_if_ready(self, budget: float) -> Project | None:
        """``copy()`` once every period is copied (``prepare`` within ``budget`` seconds),
        else None: a caller that must not wait (the autosave) takes another way meanwhile."""
        return self.copy() if self.prepare(budget) else None

    def copy(self) -> Project:
        """The project as it is now, as a copy that is never written."""
        live = self._session.project
        if self._copy is None:
            self._tops = set(type(live).model_fields) - {"monitoring"}
        old = self._copy
        update: dict[str, Any] = {
            name: getattr(live, name).model_copy(deep=True)
            if hasattr(getattr(live, name), "model_copy")
            else _plain_copy(getattr(live, name))
            for name in self._tops
        }
        periods = []
        seen: dict[int, tuple[Any, Any]] = {}
        for period in live.monitoring.periods:
            kept = self._periods.get(id(period))
            copied = kept[1] if kept is not None else period.model_copy(deep=True)
            seen[id(period)] = (period, copied)
            periods.append(copied)
        self._periods = seen
        update["monitoring"] = live.monitoring.model_copy(update={"periods": periods})
        base = old if old is not None else live
        self._copy = base.model_copy(update=update)
        self._tops.clear()
        return self._copy


def _plain_copy(value: Any) -> Any:
    """A copy of a top-level field that is not a model (a list of records, a string)."""
    if isinstance(value, list):
        return [v.model_copy(deep=True) if hasattr(v, "model_copy") else v for v in value]
    return value  # str, int, Literal: immutable
