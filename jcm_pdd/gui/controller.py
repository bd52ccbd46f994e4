"""DocumentController: the GUI's handle on one DocumentSession (undo stack, signals, recalc).

Editors call ``edit``/``insert_row``/``remove_row``; the controller records the change in the
core history, pushes the matching QUndoCommand and tells every view which path changed.
Figures are recomputed after a zero-delay single-shot timer, so a burst of keystrokes handled in
one pass of the event loop costs one calculation; diagnostics (which read the whole document)
run once typing pauses for ``CHECK_DELAY_MS``, in the background (``gui.checker``), unless a
caller needs them at once (``recheck_now``).
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from jcm_pdd.gui.undo import ChangeCommand, edit_label
from jcm_pdd.session import DocumentSession

CHECK_DELAY_MS = 300


class DocumentController(QObject):
    changed = Signal(str)  # model path whose value changed (edit, undo or redo)
    dirty_changed = Signal(bool)
    recalculate = Signal()  # figures are due (after every burst of edits)
    # diagnostics are due: False once typing pauses (checked in the background), True when
    # the caller reads them at once (``recheck_now``: checked before it returns)
    recheck = Signal(bool)

    def __init__(self, session: DocumentSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.stack = QUndoStack(self)
        self.stack.cleanChanged.connect(lambda clean: self.dirty_changed.emit(not clean))
        self.stack.setActive(session.read_only is None)
        session.listeners.append(self._on_session_change)
        self._recalc_timer = QTimer(self)
        self._recalc_timer.setSingleShot(True)
        self._recalc_timer.setInterval(0)
        self._recalc_timer.timeout.connect(self._recalculate_now)
        # the model paths changed since the last ``recalculate`` (empty: recalculate anyway,
        # e.g. a document just opened); read by the slots of ``recalculate``
        self.burst: frozenset[str] = frozenset()
        self._changed_paths: set[str] = set()
        # Diagnostics read the whole document; nobody needs them between two keystrokes.
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(CHECK_DELAY_MS)
        self._check_timer.timeout.connect(lambda: self.recheck.emit(False))

    @property
    def read_only(self) -> bool:
        return self.session.read_only is not None

    def edit(self, path: str, value: Any) -> str | None:
        """Write a value; return None on success, else the reason it was refused."""
        if self.read_only:
            return self.tr("The document is read-only.")
        try:
            result = self.session.set_value(path, value)
        except ValidationError as exc:
            return "; ".join(err["msg"] for err in exc.errors())
        if result is not None:
            change, merged = result
            self.stack.push(ChangeCommand(self.session, edit_label(path), merged, True))
        return None

    def edit_many(self, label: str, values: dict[str, Any]) -> str | None:
        """Write several values as one undo step named ``label``; None, or why it was refused."""
        if self.read_only:
            return self.tr("The document is read-only.")
        try:
            self.session.set_values(values)
        except ValidationError as exc:
            return "; ".join(err["msg"] for err in exc.errors())
        self.stack.push(ChangeCommand(self.session, label, False, False))
        return None

    def insert_row(self, list_path: str, index: int | None = None, row: Any = None) -> None:
        if self.read_only:
            return
        self.session.insert_row(list_path, index, row)
        self.stack.push(ChangeCommand(self.session, self.tr("Add row"), False, False))

    def remove_row(self, list_path: str, index: int) -> None:
        if self.read_only:
            return
        self.session.remove_row(list_path, index)
        self.stack.push(ChangeCommand(self.session, self.tr("Remove row"), False, False))

    def toggle_confidential(self, path: str) -> None:
        """Mark or unmark ``path`` confidential (one undo step, like any edit)."""
        if self.read_only:
            return
        marked = self.session.is_confidential(path)
        self.session.toggle_confidential(path)
        label = self.tr("Unmark confidential") if marked else self.tr("Mark confidential")
        self.stack.push(ChangeCommand(self.session, label, False, False))

    def remove_mark(self, mark: str) -> None:
        """Remove a mark as stored (the overview's "Remove mark", also for a dangling one)."""
        if self.read_only:
            return
        self.session.remove_mark(mark)
        self.stack.push(ChangeCommand(self.session, self.tr("Unmark confidential"), False, False))

    def schedule_recheck(self) -> None:
        self._check_timer.start()

    def recheck_now(self) -> None:
        """Run the pending diagnostics at once, on this thread (before packaging, a language
        switch, tests): the list is the document's as it is when this returns."""
        self._check_timer.stop()
        self.recheck.emit(True)

    @property
    def recheck_due(self) -> bool:
        """Typing paused too briefly yet: a check is scheduled, not started."""
        return self._check_timer.isActive()

    def mark_saved(self) -> None:
        self.stack.setClean()

    def schedule_recalc(self) -> None:
        self._recalc_timer.start()
        self._check_timer.start()

    def detach(self) -> None:
        if self._on_session_change in self.session.listeners:
            self.session.listeners.remove(self._on_session_change)

    def _on_session_change(self, path: str) -> None:
        self._changed_paths.add(path)
        self.changed.emit(path)
        self.schedule_recalc()

    def _recalculate_now(self) -> None:
        self.burst = frozenset(self._changed_paths)
        self._changed_paths.clear()
        self.recalculate.emit()

    def only_monitoring_changed(self) -> bool:
        """Whether the last burst of edits touched only the monitoring periods (after
        registration), which the ex-ante C.3 estimate does not read."""
        return bool(self.burst) and all(
            path == "monitoring" or path.startswith("monitoring.") for path in self.burst
        )
