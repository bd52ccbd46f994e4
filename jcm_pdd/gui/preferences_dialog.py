"""Preferences: the interface language (the main window applies a change at once)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
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
        label = QLabel(tr("Interface language:"))
        label.setBuddy(self.language)
        form.addRow(label, self.language)
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
        install_language(self.prefs.language)
        super().accept()
