"""A date typed or picked: a line edit (typed first, DD/MM/YYYY or YYYY-MM-DD, may be empty)
with a calendar button beside it.

Typing stays the main way in (a date can be empty, which a ``QDateEdit`` cannot show). The
calendar opens from its button, or from the keyboard with Alt+Down or F4 in the line edit; in
the calendar the arrow keys move, Enter picks and Esc closes without a change. A picked date is
written into the line edit as DD/MM/YYYY and ``picked`` is called, so the owner commits it the
same way as a typed one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from jcm_pdd.gui.fields import parse_date
from jcm_pdd.gui.icons import icon


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


class CalendarPopup(QFrame):
    """The calendar of one date field, shown as a popup under it."""

    def __init__(self, parent: QWidget, on_pick: Callable[[dt.date], None]) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._on_pick = on_pick
        self.calendar = QCalendarWidget(self)
        self.calendar.setGridVisible(True)
        self.calendar.setAccessibleName(tr("Calendar"))
        # Monday first, as the ISO calendar and the JCM partner countries count weeks
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.calendar)
        self.calendar.clicked.connect(self._pick)
        self.calendar.activated.connect(self._pick)  # Enter, or a double click

    def _pick(self, date: QDate) -> None:
        self.hide()
        self._on_pick(dt.date(date.year(), date.month(), date.day()))


class DateField(QWidget):
    """``line`` (the typed date) and the calendar button; ``picked`` commits a picked date."""

    def __init__(self, line: QLineEdit, picked: Callable[[], None]) -> None:
        super().__init__()
        self.line = line
        self._picked = picked
        self.button = QToolButton()
        self.button.setIcon(icon("calendar"))
        self.button.setText(tr("Calendar"))  # shown where the icon cannot be drawn
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.button.setAccessibleName(tr("Pick a date"))
        self.button.setToolTip(tr("Pick a date from a calendar (Alt+Down in the date field)"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes field to field
        self.button.clicked.connect(self.open_calendar)
        self.popup = CalendarPopup(self, self._write)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(line, 1)
        row.addWidget(self.button)
        line.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.line and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            alt_down = event.key() == Qt.Key.Key_Down and bool(
                event.modifiers() & Qt.KeyboardModifier.AltModifier
            )
            if alt_down or event.key() == Qt.Key.Key_F4:
                self.open_calendar()
                return True
        return super().eventFilter(watched, event)

    def sync(self) -> None:
        """The button follows the line edit: usable only where the date can be edited."""
        self.button.setEnabled(self.line.isEnabled() and not self.line.isReadOnly())

    def open_calendar(self) -> None:
        """The calendar under the field, on the typed date (today when none can be read)."""
        if self.line.isReadOnly() or not self.line.isEnabled():
            return
        try:
            shown = parse_date(self.line.text().strip())
        except ValueError:
            shown = dt.date.today()
        self.popup.calendar.setSelectedDate(QDate(shown.year, shown.month, shown.day))
        self.popup.adjustSize()
        below = self.line.mapToGlobal(QPoint(0, self.line.height()))
        screen = self.screen().availableGeometry()
        x = min(below.x(), screen.right() - self.popup.width())
        y = below.y()
        if y + self.popup.height() > screen.bottom():  # no room below: above the field
            y = self.line.mapToGlobal(QPoint(0, 0)).y() - self.popup.height()
        self.popup.move(max(screen.left(), x), max(screen.top(), y))
        self.popup.show()
        self.popup.calendar.setFocus()

    def _write(self, date: dt.date) -> None:
        self.line.setText(f"{date:%d/%m/%Y}")
        self.line.setModified(True)
        self.line.setFocus()
        self._picked()
