"""After a crash: the recovery copies left by autosave, each offered for restore or discard."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jcm_pdd.storage import RecoveryEntry, RecoveryStore

ROLE_KEY = Qt.ItemDataRole.UserRole


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


class RecoveryDialog(QDialog):
    """Lists pending recoveries; ``chosen`` is the entry to restore (None: nothing restored)."""

    def __init__(self, entries: list[RecoveryEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Recover unsaved work"))
        self.resize(720, 360)
        self.entries = {e.key: e for e in entries}
        self.chosen: RecoveryEntry | None = None
        intro = QLabel(
            tr(
                "JCM PDD Studio was not closed normally. Unsaved work was kept for the documents "
                "below. Restore one to continue where you left off, or discard what you do not "
                "need."
            )
        )
        intro.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(tr("Recovered documents"))
        self.tree.setHeaderLabels([tr("Title"), tr("File"), tr("Autosaved")])
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for entry in entries:
            item = QTreeWidgetItem(
                [
                    entry.title or tr("Untitled"),
                    str(entry.original) if entry.original else tr("(never saved)"),
                    entry.written_at.replace("T", " ").replace("Z", " UTC"),
                ]
            )
            item.setData(0, ROLE_KEY, entry.key)
            self.tree.addTopLevelItem(item)
        self.tree.resizeColumnToContents(0)
        first = self.tree.topLevelItem(0)
        if first is not None:
            self.tree.setCurrentItem(first)
        self.tree.itemDoubleClicked.connect(lambda *_: self.restore_selected())
        self.restore_button = QPushButton(tr("Restore"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.discard_button = QPushButton(tr("Discard"))
        self.discard_button.clicked.connect(self.discard_selected)
        self.later_button = QPushButton(tr("Decide later"))
        self.later_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.discard_button)
        buttons.addStretch(1)
        buttons.addWidget(self.later_button)
        buttons.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self.restore_button.setDefault(True)  # once in the dialog, or Enter presses nothing

    def _selected(self) -> RecoveryEntry | None:
        item = self.tree.currentItem()
        return self.entries.get(item.data(0, ROLE_KEY)) if item is not None else None

    def restore_selected(self) -> None:
        entry = self._selected()
        if entry is not None:
            self.chosen = entry
            self.accept()

    def discard_selected(self) -> None:
        entry = self._selected()
        if entry is None:
            return
        RecoveryStore().discard(entry.key)
        del self.entries[entry.key]
        current = self.tree.currentItem()
        if current is not None:
            self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(current))
        if not self.entries:
            self.reject()
