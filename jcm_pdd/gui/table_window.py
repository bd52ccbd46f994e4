"""A table edited full width: the table editor's own table and row buttons move into a window
as large as the main window, and come back to the form when it closes.

The widgets move, they are not copied: the cells, drop-downs, paragraph cells, the confidential
marks and the document's one undo stack are the same as in the form. The window answers Undo and
Redo itself, because the main window's shortcuts do not reach a separate window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from jcm_pdd.gui.table_editor import TableEditor

SHORTCUT = "F11"  # on the table (or any of its cells): edit it full width; again to return


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


class TableWindow(QDialog):
    """The full-width window of one table; closing it (Close, Esc, F11) puts the table back."""

    def __init__(self, editor: TableEditor, body: QWidget) -> None:
        super().__init__(editor.window())
        self.editor = editor
        self.body = body
        self.setWindowTitle(editor.view.label)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        layout = QVBoxLayout(self)
        heading = QLabel(editor.view.label)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        heading.setWordWrap(True)
        layout.addWidget(heading)
        if editor.view.guidance:
            guidance = QLabel(editor.view.guidance)
            guidance.setWordWrap(True)
            guidance.setObjectName("guidance")
            guidance.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(guidance)
        layout.addWidget(body, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(tr("Back to the form"))
        self.close_button.setAutoDefault(False)  # Enter belongs to the cells
        self.close_button.setDefault(False)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        controller = editor.controller
        for name, keys, step in (
            (tr("Undo"), QKeySequence.StandardKey.Undo, "undo"),
            (tr("Redo"), QKeySequence.StandardKey.Redo, "redo"),
        ):
            action = QAction(name, self)
            action.setShortcuts(keys)
            if controller is not None:
                action.triggered.connect(
                    lambda _=False, s=step: (
                        None if controller.read_only else getattr(controller.stack, s)()
                    )
                )
            self.addAction(action)
        back = QAction(tr("Back to the form"), self)
        back.setShortcut(QKeySequence(SHORTCUT))
        back.triggered.connect(self.reject)
        self.addAction(back)
        owner = editor.window()
        self.resize(owner.size() if owner.isVisible() else self.sizeHint().expandedTo(body.size()))
        if owner.isVisible():
            self.move(owner.pos())
