"""Drop-down editing of table cells: choice, yes/no and attachment columns, and text columns
with suggested values (country names as the forms print them); and multi-line editing of
paragraph cells (B.2 explanations, Table 1 measurement methods) by ``ParagraphDelegate``.

``ChoiceDelegate`` edits a cell through a QComboBox filled, when the editor opens, with what
that cell offers (its row may narrow the list: the monitoring options a parameter allows, the
cases of a methodology default). The stored value travels in ``ROLE_VALUE``; the table shows
its label. A stored value the list lacks is kept as an extra, marked entry, so opening and
closing the editor never changes it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QPlainTextEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from jcm_pdd.session.formview import FieldView

ROLE_VALUE = Qt.ItemDataRole.UserRole + 1  # the model value of a drop-down cell, as text

Index = QModelIndex | QPersistentModelIndex


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


def uses_list(column: FieldView) -> bool:
    """Whether a column is edited through a drop-down."""
    return column.kind in ("choice", "bool", "attachment") or bool(column.suggestions)


def attachment_label(sha256: str, records: Sequence[Any]) -> tuple[str, str]:
    """(shown text, tooltip) for an attachment reference: the file's name, not its hash."""
    if not sha256:
        return "", ""
    record = next((r for r in records if r.sha256 == sha256), None)
    if record is None:
        return tr("missing file {0}").format(sha256[:12]), tr(
            "No attached file has this reference ({0}); attach the file again or choose another."
        ).format(sha256)
    lines = [record.name or sha256[:12]]
    if record.caption:
        lines.append(record.caption)
    lines.append(f"{record.media_type} · {record.size:,} B")
    return record.name or sha256[:12], "\n".join(lines)


def _completions_shown(combo: QComboBox) -> bool:
    completer = combo.completer()
    popup = completer.popup() if completer is not None else None
    return popup is not None and popup.isVisible()


class ChoiceDelegate(QStyledItemDelegate):
    """A QComboBox editor for one column; ``offered(row, column)`` gives (value, label) pairs."""

    def __init__(
        self,
        column: FieldView,
        offered: Callable[[int, FieldView], Sequence[tuple[str, str]]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.column = column
        self._offered = offered
        # Free text with suggestions (country names): typed values are kept as they are.
        self.editable = column.kind == "text"

    def createEditor(  # noqa: N802 - Qt override
        self, parent: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> QWidget:
        combo = QComboBox(parent)
        cell = QPersistentModelIndex(index)
        combo.setAccessibleName(self.column.label)
        combo.setToolTip(self.column.guidance)
        blank = tr("(no file chosen)") if self.column.kind == "attachment" else ""
        combo.addItem(blank, "")
        for value, label in self._offered(index.row(), self.column):
            combo.addItem(label, value)
            if label != value and self.column.kind != "attachment":
                combo.setItemData(combo.count() - 1, value, Qt.ItemDataRole.ToolTipRole)
        if self.editable:
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            completer = QCompleter(combo.model(), combo)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            combo.setCompleter(completer)
            # Return while the completions show only closes them: commit what is typed then.
            line = combo.lineEdit()
            assert line is not None  # an editable combo has one
            line.returnPressed.connect(lambda c=combo, i=cell: self._commit(c, i))
        else:
            # Each pick is committed at once, as typing is (the history merges the steps of one
            # cell); the editor stays open until Enter, Tab or a click elsewhere.
            combo.currentIndexChanged.connect(lambda _i, c=combo, i=cell: self._commit(c, i))
        return combo

    def _commit(self, combo: QComboBox, cell: QPersistentModelIndex) -> None:
        view = self.parent()
        # Only while it is the cell's open editor (not while the view closes and destroys it).
        if isinstance(view, QAbstractItemView) and view.indexWidget(cell) is combo:
            self.commitData.emit(combo)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        # Enter keeps the cell at once. Qt's own handling only queues the commit and the close:
        # a focus change before the queue runs (a click, a key sent straight after) closes the
        # editor first, and the queued commit then reaches the view for an editor it no longer
        # has ("commitData called with an editor that does not belong to this view").
        if (
            isinstance(watched, QComboBox)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not _completions_shown(watched)
        ):
            self.commitData.emit(watched)
            self.closeEditor.emit(watched, QStyledItemDelegate.EndEditHint.SubmitModelCache)
            return True
        return super().eventFilter(watched, event)

    def updateEditorGeometry(  # noqa: N802 - Qt override
        self, editor: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> None:
        # A drop-down its own height, centred in a row made tall by wrapped text.
        rect = option.rect
        height = min(rect.height(), editor.sizeHint().height())
        editor.setGeometry(rect.x(), rect.y() + (rect.height() - height) // 2, rect.width(), height)

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802 - Qt override
        assert isinstance(editor, QComboBox)
        editor.blockSignals(True)  # showing the stored value is no edit
        try:
            self._show_value(editor, index)
        finally:
            editor.blockSignals(False)

    def _show_value(self, editor: QComboBox, index: Index) -> None:
        value = str(index.data(ROLE_VALUE) or "")
        found = editor.findData(value)
        if found < 0 and value:
            if self.editable:
                editor.setEditText(value)
                return
            # Kept, not dropped: the diagnostics explain why it is not offered here.
            shown = str(index.data(Qt.ItemDataRole.DisplayRole) or value)
            if self.column.kind != "attachment":
                shown = tr("{0} (not offered here)").format(shown)
            editor.addItem(shown, value)
            found = editor.count() - 1
        editor.setCurrentIndex(max(0, found))

    def setModelData(  # noqa: N802 - Qt override
        self, editor: QWidget, model: QAbstractItemModel, index: Index
    ) -> None:
        assert isinstance(editor, QComboBox)
        if self.editable:
            text = editor.currentText().strip()
            found = editor.findText(text, Qt.MatchFlag.MatchFixedString)
            value = str(editor.itemData(found)) if found > 0 else text
        else:
            value = str(editor.currentData() or "")
        if str(index.data(ROLE_VALUE) or "") != value:
            model.setData(index, value, ROLE_VALUE)


class ParagraphDelegate(QStyledItemDelegate):
    """A multi-line editor for a paragraph cell: Shift+Enter starts a new line, Enter (or Tab,
    or a click elsewhere) keeps the text, Escape drops the change. The editor opens at least
    a few lines tall (over the rows below) so a long explanation can be read while editing."""

    MIN_LINES = 6

    def createEditor(  # noqa: N802 - Qt override
        self, parent: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> QWidget:
        editor = QPlainTextEdit(parent)
        editor.setTabChangesFocus(True)
        editor.setAccessibleName(
            str(index.model().headerData(index.column(), Qt.Orientation.Horizontal))
        )
        editor.installEventFilter(self)
        return editor

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (
            isinstance(watched, QPlainTextEdit)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                watched.insertPlainText("\n")  # a new line in the paragraph
                return True
            self.commitData.emit(watched)
            self.closeEditor.emit(watched, QStyledItemDelegate.EndEditHint.SubmitModelCache)
            return True
        return super().eventFilter(watched, event)

    def updateEditorGeometry(  # noqa: N802 - Qt override
        self, editor: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> None:
        rect = option.rect
        lines = editor.fontMetrics().lineSpacing() * self.MIN_LINES + 12
        editor.setGeometry(rect.x(), rect.y(), rect.width(), max(rect.height(), lines))

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802 - Qt override
        assert isinstance(editor, QPlainTextEdit)
        editor.setPlainText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
        editor.moveCursor(editor.textCursor().MoveOperation.End)

    def setModelData(  # noqa: N802 - Qt override
        self, editor: QWidget, model: QAbstractItemModel, index: Index
    ) -> None:
        assert isinstance(editor, QPlainTextEdit)
        text = editor.toPlainText()
        if str(index.data(Qt.ItemDataRole.EditRole) or "") != text:
            model.setData(index, text, Qt.ItemDataRole.EditRole)
