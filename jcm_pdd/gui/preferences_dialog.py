"""Preferences: the interface language (the main window applies a change at once) and the
name a validator signs findings and sign-offs with."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from jcm_pdd.gui.i18n import LANGUAGES, install_language
from jcm_pdd.gui.preferences import Preferences


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


class PreferencesDialog(QDialog):
    def __init__(self, prefs: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prefs = prefs
        self.setWindowTitle(tr("Preferences"))
        self.setMinimumWidth(460)  # the name's example and the note read on few lines
        self.language = QComboBox()
        self.language.setAccessibleName(tr("Interface language"))
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(prefs.language)))
        note = QLabel(
            tr(
                "The new language applies at once; your work and its undo history are kept. "
                "Exported documents are always in English, the official language of JCM."
            )
        )
        note.setWordWrap(True)
        form = QFormLayout()
        label = QLabel(tr("Interface &language:"))  # Alt+L goes to it
        label.setBuddy(self.language)
        form.addRow(label, self.language)
        self.reviewer = QLineEdit(prefs.reviewer_name)
        self.reviewer.setAccessibleName(tr("Your name on findings and sign-offs"))
        self.reviewer.setPlaceholderText(tr("e.g. Aiko Tanaka, TPE Co."))
        self.reviewer.setMaxLength(120)
        reviewer_label = QLabel(tr("Your &name (validators):"))  # Alt+N
        reviewer_label.setBuddy(self.reviewer)
        reviewer_label.setToolTip(
            tr(
                "Written on the findings you raise and the sections you sign off in a "
                "validation package. Left empty, your login name is used."
            )
        )
        form.addRow(reviewer_label, self.reviewer)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def accept(self) -> None:
        self.prefs.language = self.language.currentData()
        self.prefs.reviewer_name = self.reviewer.text().strip()
        install_language(self.prefs.language)
        super().accept()
