"""Field widgets generated from a FieldView kind: text, prose, date, decimal, integer, yes/no,
choice and coordinate (decimal degrees with the DMS form shown beside it).

Each ``FieldBinding`` turns widget text into a model value (``parse``, raising ValueError with
a message for a person) and shows a model value (``show``) without echoing it back as an edit.
Text commits on every keystroke so the figures follow the typing; the core history merges the
keystrokes of one field into one undo step.

Right-clicking an editor (or pressing the menu key) offers the window's actions about that
field, next to the editor's own (copy, select all): ``field_menu_actions`` asks the window for
them through its ``field_menu_actions`` attribute (validator mode adds "Raise finding…").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from jcm_pdd.gui import theme
from jcm_pdd.model.pdd import decimal_to_dms
from jcm_pdd.session.formview import FieldView
from jcm_pdd.session.typed_numbers import typed_number

# The window attribute holding ``hook(menu, path)``: adds actions about the field at ``path``.
FIELD_MENU_HOOK = "field_menu_actions"


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


def parse_value(kind: str, text: str, choices: tuple[str, ...] = ()) -> Any:
    """Widget text -> model value for a field kind; empty text is "not filled" (None/"")."""
    text = text.strip() if kind not in ("text", "multiline") else text
    if kind in ("text", "multiline", "attachment"):
        return text
    if text == "":
        return "" if kind == "choice" and not choices else None
    if kind in ("decimal", "coordinate", "int"):
        text = typed_number(text)  # １２．５ from a Japanese input method, a pasted − sign
    if kind in ("decimal", "coordinate"):
        try:
            value = Decimal(text.replace(",", ""))
        except InvalidOperation:
            raise ValueError(tr("Enter a number, e.g. 1234.5")) from None
        if not value.is_finite():
            raise ValueError(tr("Enter a number, e.g. 1234.5"))
        return value
    if kind == "int":
        try:
            return int(text)
        except ValueError:
            raise ValueError(tr("Enter a whole number")) from None
    if kind == "date":
        return parse_date(text)
    if kind == "bool":
        return {"yes": True, "no": False}.get(text.lower())
    if kind == "choice":
        if text not in choices:
            raise ValueError(tr("Choose one of: {0}").format(", ".join(choices)))
        return text
    return text


def parse_date(text: str) -> dt.date:
    """ISO (2027-04-01) or as the JCM forms print dates (01/04/2027, day first); typed in
    full-width forms too (２０２７－０４－０１ from a Japanese input method), as numbers are."""
    text = typed_number(text)
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return dt.datetime.strptime(text, "%d/%m/%Y").date()
    except ValueError:
        raise ValueError(tr("Enter a date as YYYY-MM-DD or DD/MM/YYYY")) from None


def format_value(kind: str, value: Any) -> str:
    if value is None:
        return ""
    if kind == "bool":
        return "yes" if value else "no"
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        # as the forms' guidance, the calendar and the documents write it; ISO is still typed
        return f"{value:%d/%m/%Y}"
    return str(value)


def dms_text(path: str, value: Any) -> str:
    if not isinstance(value, Decimal):
        return ""
    if path.endswith("latitude"):
        return decimal_to_dms(value, "N", "S")
    return decimal_to_dms(value, "E", "W")


def field_menu_actions(widget: QWidget, path: str, menu: QMenu) -> bool:
    """Let the window holding ``widget`` add its actions about the field at ``path`` to
    ``menu``; True when it added any."""
    hook = getattr(widget.window(), FIELD_MENU_HOOK, None)
    if not callable(hook):
        return False
    before = len(menu.actions())
    hook(menu, path)
    return len(menu.actions()) > before


class _FieldMenu(QObject):
    """Shows an editor's context menu with the window's field actions added."""

    def __init__(self, binding: FieldBinding, watched: list[QWidget]) -> None:
        super().__init__(binding.widget)
        self._binding = binding
        for widget in watched:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.ContextMenu or not isinstance(event, QContextMenuEvent):
            return False
        binding = self._binding
        editor = binding.editor
        standard = getattr(editor, "createStandardContextMenu", None)
        menu: QMenu = standard() if callable(standard) else QMenu(binding.widget)
        if menu.actions():
            menu.addSeparator()
        if not field_menu_actions(binding.widget, binding.path, menu):
            menu.deleteLater()
            return False  # nothing to add: the editor's own menu, as usual
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        binding.context_menu = menu
        menu.popup(event.globalPos())
        return True


class FieldBinding:
    """One generated editor for one concrete model path."""

    def __init__(
        self,
        view: FieldView,
        path: str,
        commit: Callable[[str, Any], str | None],
        attachments: Callable[[], list[tuple[str, str, str]]] = list,
    ):
        self.view = view
        self.path = path
        self._commit = commit
        self._attachments = attachments  # (name, sha256, media type) of the attached files
        self._loading = False
        self._shown: Any = None  # the model value last shown or committed
        self.context_menu: QMenu | None = None  # the last one shown (tests trigger its actions)
        self.widget = self._build()
        self.widget.setAccessibleName(view.label)
        self.widget.setToolTip(view.guidance)
        if self.editor is not self.widget:  # a drop-down or a date in a box: the editor has
            self.editor.setAccessibleName(view.label)  # the focus, and a screen reader reads
            self.editor.setAccessibleDescription(view.guidance)  # its name, not the box's
        watched = [self.widget, self.editor]
        if isinstance(self.editor, QPlainTextEdit):
            watched.append(self.editor.viewport())  # where its mouse events arrive
        _FieldMenu(self, list(dict.fromkeys(watched)))

    # -- building --------------------------------------------------------------------------
    def _build(self) -> QWidget:
        kind = self.view.kind
        self.editor: QPlainTextEdit | QComboBox | QLineEdit
        if kind == "multiline":
            self.editor = paragraph = QPlainTextEdit()
            paragraph.setTabChangesFocus(True)
            paragraph.setMinimumHeight(90)
            paragraph.textChanged.connect(self._changed)
            return paragraph
        if kind == "attachment":
            self.editor = combo = QComboBox()
            self._fill_attachments()
            combo.currentIndexChanged.connect(self._changed)
            return self._boxed(combo)
        if kind in ("bool", "choice"):
            self.editor = combo = QComboBox()
            combo.addItem("", "")
            for option, label in self.view.offered():  # labels as the form gives them
                combo.addItem(tr(label) if kind == "bool" else label, option)
            combo.currentIndexChanged.connect(self._changed)
            return self._boxed(combo)
        self.editor = line = QLineEdit()
        line.textChanged.connect(self._changed)
        if kind == "date":
            # as the forms' guidance writes dates (dd/mm/yyyy); ISO is accepted as well
            line.setPlaceholderText(tr("DD/MM/YYYY or YYYY-MM-DD"))
            return self._with_calendar(line)
        if kind == "coordinate":
            line.setPlaceholderText(tr("decimal degrees"))
            box = QWidget()
            row = QHBoxLayout(box)
            row.setContentsMargins(0, 0, 0, 0)
            self.dms = QLabel()
            self.dms.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            row.addWidget(line, 1)
            row.addWidget(self.dms, 1)
            return box
        if kind in ("decimal", "int"):
            line.setAlignment(Qt.AlignmentFlag.AlignRight)
        return line

    def _boxed(self, editor: QWidget) -> QWidget:
        """A drop-down inside a box: a read-only (disabled) drop-down gets no mouse events, so
        its context menu is asked of the box."""
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(editor, 1)
        return box

    def _with_calendar(self, line: QLineEdit) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        button = QToolButton()
        button.setText("…")
        button.setAccessibleName(tr("Pick a date"))
        button.setToolTip(tr("Pick a date"))
        menu = QMenu(button)
        calendar = QCalendarWidget()
        action = QWidgetAction(menu)
        action.setDefaultWidget(calendar)
        menu.addAction(action)
        button.setMenu(menu)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)

        def picked(date: QDate) -> None:
            line.setText(date.toString("yyyy-MM-dd"))
            menu.close()

        calendar.clicked.connect(picked)
        row.addWidget(line, 1)
        row.addWidget(button)
        self.calendar_button = button
        return box

    def _fill_attachments(self) -> None:
        """The attached files to choose from (called again whenever attachments change)."""
        assert isinstance(self.editor, QComboBox)
        current = self.editor.currentData() if self.editor.count() else ""
        self._loading = True
        try:
            self.editor.clear()
            self.editor.addItem(tr("(no file chosen)"), "")
            accept = self.view.accept
            for name, sha, media_type in self._attachments():
                # Only files of the kinds the field takes (the C.2 figure: an image or a
                # PDF), and the file already chosen even if it is of another kind.
                if not accept or media_type in accept or sha == current:
                    self.editor.addItem(name or sha[:12], sha)
            self.editor.setCurrentIndex(max(0, self.editor.findData(current)))
        finally:
            self._loading = False

    def refresh_attachments(self) -> None:
        if self.view.kind == "attachment":
            self._fill_attachments()

    # -- text <-> value --------------------------------------------------------------------
    def text(self) -> str:
        if isinstance(self.editor, QPlainTextEdit):
            return self.editor.toPlainText()
        if isinstance(self.editor, QComboBox):
            return str(self.editor.currentData() or "")
        return self.editor.text()

    def show(self, value: Any) -> None:
        """Display a model value (from load, undo or redo) without committing it back."""
        self._shown = value
        try:
            if parse_value(self.view.kind, self.text(), self.view.choices) == value:
                self._update_dms(value)
                return  # already shown; keep the cursor where the user is typing
        except ValueError:
            pass
        self._loading = True
        try:
            text = format_value(self.view.kind, value)
            if isinstance(self.editor, QPlainTextEdit):
                self.editor.setPlainText(text)
            elif isinstance(self.editor, QComboBox):
                index = self.editor.findData(text)
                if index < 0 and text and self.view.kind == "attachment":
                    self.editor.addItem(tr("missing file {0}").format(text[:12]), text)
                    index = self.editor.count() - 1
                if self.view.kind == "choice":
                    index = self._keep_unlisted(text)
                self.editor.setCurrentIndex(max(0, index))
            else:
                self.editor.setText(text)
            self._mark_error(None)
            self._update_dms(value)
        finally:
            self._loading = False

    def _keep_unlisted(self, text: str) -> int:
        """The index showing ``text``: a stored value the list lacks stays shown, marked,
        instead of showing as empty (the diagnostics explain it); an earlier one goes."""
        assert isinstance(self.editor, QComboBox)
        listed = 1 + len(self.view.choices)  # the blank entry, then the choices
        while self.editor.count() > listed:
            self.editor.removeItem(listed)
        index = self.editor.findData(text)
        if text and index < 0:
            self.editor.addItem(tr("{0} (not offered here)").format(text), text)
            index = self.editor.count() - 1
        return index

    def set_read_only(self, read_only: bool) -> None:
        if isinstance(self.editor, QComboBox):
            self.editor.setEnabled(not read_only)
        else:
            self.editor.setReadOnly(read_only)
        if hasattr(self, "calendar_button"):
            self.calendar_button.setEnabled(not read_only)

    def _changed(self, *_: object) -> None:
        if self._loading:
            return
        try:
            value = parse_value(self.view.kind, self.text(), self.view.choices)
        except ValueError as exc:
            self._mark_error(str(exc))
            return
        if value is None and isinstance(self._shown, str):
            value = ""  # an emptied choice of a text field (e.g. Mr./Ms.) is "", not None
        error = self._commit(self.path, value)
        self._mark_error(error)
        if error is None:
            self._shown = value
            self._update_dms(value)

    def _mark_error(self, message: str | None) -> None:
        self.editor.setProperty("invalid", message is not None)
        colour = theme.ink("error", self.editor.palette()).name()
        self.editor.setStyleSheet(f"border: 1px solid {colour};" if message else "")
        self.editor.setToolTip(message or self.view.guidance)

    def _update_dms(self, value: Any) -> None:
        if self.view.kind == "coordinate":
            self.dms.setText(dms_text(self.path, value))
