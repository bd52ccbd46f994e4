"""The find bar (Ctrl+F): text and fields across the whole submission, one match at a time.

Typing searches every field and table cell (``session.search.find``); Enter goes to the next
match, Shift+Enter to the previous one, Escape closes the bar. The bar says "3 of 12" and names
where the current match is, as the form labels it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from jcm_pdd.session.search import Match


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


class _FindEdit(QLineEdit):
    step = Signal(int)  # +1 next, -1 previous
    closed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            back = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            self.step.emit(-1 if back else 1)
            return
        if event.key() == Qt.Key.Key_Escape:
            self.closed.emit()
            return
        super().keyPressEvent(event)


class FindBar(QWidget):
    go_to_path = Signal(str)

    def __init__(self, search: Callable[[str], list[Match]]) -> None:
        """``search(text)`` returns the matches (``session.search.find`` on the document)."""
        super().__init__()
        self._search = search
        self.matches: list[Match] = []
        self.current = -1
        self.edit = _FindEdit()
        self.edit.setPlaceholderText(tr("Find in the whole submission (text or field name)"))
        self.edit.setAccessibleName(tr("Find"))
        self.edit.textChanged.connect(self._search_now)
        self.edit.step.connect(self.step)
        self.edit.closed.connect(self.close_bar)
        self.count = QLabel()
        self.where = QLabel()
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        previous = QToolButton()
        previous.setText("▲")
        previous.setToolTip(tr("Previous match (Shift+Enter)"))
        previous.setAccessibleName(tr("Previous match"))  # not "▲" to a screen reader
        previous.clicked.connect(lambda: self.step(-1))
        following = QToolButton()
        following.setText("▼")
        following.setToolTip(tr("Next match (Enter)"))
        following.setAccessibleName(tr("Next match"))
        following.clicked.connect(lambda: self.step(1))
        close = QToolButton()
        close.setText("✕")
        close.setToolTip(tr("Close (Esc)"))
        close.setAccessibleName(tr("Close the find bar"))
        close.clicked.connect(self.close_bar)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 4, 6, 4)
        row.addWidget(QLabel(tr("Find:")))
        row.addWidget(self.edit, 2)
        row.addWidget(previous)
        row.addWidget(following)
        row.addWidget(self.count)
        row.addWidget(self.where, 3)
        row.addWidget(close)
        self.setVisible(False)
        self._came_from: QWidget | None = None  # where the focus was before Ctrl+F

    def open_bar(self) -> None:
        focus = QApplication.focusWidget()
        if focus is not None and not self.isAncestorOf(focus):
            self._came_from = focus
        self.setVisible(True)
        self.edit.setFocus()
        self.edit.selectAll()

    def close_bar(self) -> None:
        """Hide the bar; the keyboard goes on at the match shown, else where it was before."""
        self.setVisible(False)
        if 0 <= self.current < len(self.matches):
            self.go_to_path.emit(self.matches[self.current].path)
        elif self._came_from is not None and self._came_from.isVisible():
            self._came_from.setFocus(Qt.FocusReason.OtherFocusReason)
        self._came_from = None

    def _search_now(self, text: str) -> None:
        self.matches = self._search(text)
        self.current = -1
        self._show()

    def step(self, direction: int) -> None:
        if not self.matches:
            return
        self.current = (self.current + direction) % len(self.matches)
        self._show()
        self.go_to_path.emit(self.matches[self.current].path)
        self.edit.setFocus()  # typing goes on in the bar; Enter finds the next one

    def _show(self) -> None:
        text = self.edit.text().strip()
        if not text:
            self.count.setText("")
            self.where.setText("")
            return
        if not self.matches:
            self.count.setText(tr("no match"))
            self.where.setText("")
            self.edit.setAccessibleDescription(self.count.text())
            return
        shown = self.current + 1 if self.current >= 0 else 0
        self.count.setText(tr("{0} of {1}").format(shown, len(self.matches)))
        self.where.setText(self.matches[self.current].label if self.current >= 0 else "")
        # what a screen reader says of the find field: "3 of 12, A.1 Title of the JCM project"
        self.edit.setAccessibleDescription(
            ", ".join(filter(None, (self.count.text(), self.where.text())))
        )
