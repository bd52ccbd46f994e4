"""Keyboard behaviour the editable tables share: Tab walks their cells like a spreadsheet's and
leaves the table after its last cell (Shift+Tab before its first), where Qt's table wraps round
to the first cell, which kept a keyboard user inside the table for good.

Loaded with the first editable table (the table editor, the wizard's sites, the monitored
values), never at start.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QWidget


class TabLeavesAtEnds(QObject):
    """Installed on a table: Tab on its last cell moves focus to the control after the table,
    Shift+Tab on its first cell to the one before; elsewhere Tab moves cell by cell."""

    def __init__(self, table: QAbstractItemView) -> None:
        super().__init__(table)
        self.table = table
        table.setTabKeyNavigation(True)
        table.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is not self.table or event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        if event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier:
            return False  # Ctrl+Tab already leaves; Alt+Tab is the desktop's
        if event.key() not in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            return False
        # Shift+Tab arrives as Backtab from a keyboard, as Tab with Shift from some sources
        shifted = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        forward = event.key() == Qt.Key.Key_Tab and not shifted
        if not self._at_end(forward):
            return False
        target = next_focus(self.table, forward)
        if target is None:
            return False
        target.setFocus(
            Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason
        )
        return True

    def _at_end(self, forward: bool) -> bool:
        model = self.table.model()
        current = self.table.currentIndex()
        if model is None or not current.isValid():
            return True
        if forward:
            return current.row() == model.rowCount() - 1 and (
                current.column() == model.columnCount() - 1
            )
        return current.row() == 0 and current.column() == 0


def next_focus(widget: QWidget, forward: bool) -> QWidget | None:
    """The widget Tab (``forward``) or Shift+Tab reaches after ``widget`` and its children."""
    candidate = widget.nextInFocusChain() if forward else widget.previousInFocusChain()
    while candidate is not None and candidate is not widget:
        if (
            candidate.isVisible()
            and candidate.isEnabled()
            and candidate.focusPolicy() & Qt.FocusPolicy.TabFocus
            and not widget.isAncestorOf(candidate)
            and candidate.window() is widget.window()
        ):
            return candidate
        candidate = candidate.nextInFocusChain() if forward else candidate.previousInFocusChain()
    return None
