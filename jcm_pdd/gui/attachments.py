"""The Attachments page: images and PDFs stored in the project by content hash, with image
thumbnails; the C.2 boundary figure and evidence for fields.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jcm_pdd.gui.controller import DocumentController
from jcm_pdd.gui.widgets import page_heading

THUMB = QSize(96, 96)
ACCEPTED = "*.png *.jpg *.jpeg *.gif *.bmp *.svg *.pdf"


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


class AttachmentsPage(QWidget):
    def __init__(self, controller: DocumentController) -> None:
        super().__init__()
        self.controller = controller
        heading = page_heading(tr("Attachments"))
        hint = QLabel(
            tr(
                "Images and PDFs kept inside the project file: the figure for C.2 and "
                "evidence for any field."
            )
        )
        hint.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(tr("Attached files"))
        self.list.setIconSize(THUMB)
        self.add_button = QPushButton(tr("Add image or PDF…"))
        self.add_button.clicked.connect(self._choose)
        self.remove_button = QPushButton(tr("Remove"))
        self.remove_button.clicked.connect(self._remove)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.refresh()
        self.set_read_only(controller.read_only)

    def set_read_only(self, read_only: bool) -> None:
        self.add_button.setEnabled(not read_only)
        self.remove_button.setEnabled(not read_only)

    def refresh(self, path: str = "attachments") -> None:
        if not (path == "attachments" or path.startswith("attachments.")):
            return
        self.list.clear()
        session = self.controller.session
        for record in session.project.attachments:
            text = f"{record.name}\n{record.media_type} · {record.size:,} B"
            if record.caption:
                text += f"\n{record.caption}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, record.sha256)
            store = session.attachments
            if record.sha256 in store and record.media_type.startswith("image/"):
                image = QImage.fromData(store.read_bytes(record.sha256))
                if not image.isNull():
                    item.setIcon(
                        QIcon(
                            QPixmap.fromImage(
                                image.scaled(
                                    THUMB,
                                    Qt.AspectRatioMode.KeepAspectRatio,
                                    Qt.TransformationMode.SmoothTransformation,
                                )
                            )
                        )
                    )
            self.list.addItem(item)

    def add_file(self, path: Path) -> None:
        record = self.controller.session.attachments.add_file(path)
        self.controller.insert_row("attachments", None, record)

    def _choose(self) -> None:
        window = self.window()
        start = window.start_folder() if hasattr(window, "start_folder") else Path.home()
        name, _ = QFileDialog.getOpenFileName(
            self, tr("Add attachment"), str(start), tr("Images and PDF ({0})").format(ACCEPTED)
        )
        if name:
            self.add_file(Path(name))

    def _remove(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.controller.remove_row("attachments", row)
