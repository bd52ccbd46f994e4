"""The diagnostics panel: problems by severity, each naming its field as the form labels it;
double-click (or Enter) goes to the field. With no problems it shrinks to its one line."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jcm_pdd.session.diagnostics import DiagnosticView

ROLE_PATH = Qt.ItemDataRole.UserRole
SEVERITIES = ("error", "warning", "info")


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


def severity_text(severity: str) -> str:
    return {"error": tr("Error"), "warning": tr("Warning"), "info": tr("Info")}.get(
        severity, severity
    )


class DiagnosticsPanel(QWidget):
    go_to_path = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.summary = QLabel()
        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self._set_texts()
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 320)
        header.setStretchLastSection(False)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemDoubleClicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        pixmap = QStyle.StandardPixmap
        style = self.style()
        self._icons = {
            "error": style.standardIcon(pixmap.SP_MessageBoxCritical),
            "warning": style.standardIcon(pixmap.SP_MessageBoxWarning),
            "info": style.standardIcon(pixmap.SP_MessageBoxInformation),
        }
        self.diagnostics: list[DiagnosticView] = []
        self._labels: dict[str, str] = {}
        self._shown = False
        self.set_diagnostics([])

    def _set_texts(self) -> None:
        self.tree.setAccessibleName(tr("Diagnostics"))
        self.tree.setHeaderLabels([tr("Severity"), tr("Problem"), tr("Field")])

    def retranslate(self) -> None:
        """Texts in the language just installed; the list is filled again by the next check."""
        self._set_texts()
        self._shown = False
        self.set_diagnostics(self.diagnostics)

    def set_diagnostics(
        self, diagnostics: list[DiagnosticView], labels: Mapping[str, str] | None = None
    ) -> None:
        """Show ``diagnostics``; ``labels`` names each path as a person reads it
        (``session.labels.path_label``), the path itself where it has none."""
        labels = labels or {}
        if self._shown and diagnostics == self.diagnostics and labels == self._labels:
            return  # unchanged: keep the selection and scroll position
        self._shown = True
        self._labels = dict(labels)
        self.diagnostics = list(diagnostics)
        self.tree.setUpdatesEnabled(False)
        self.tree.clear()
        items = []
        for d in diagnostics:
            place = labels.get(d.path, d.path)
            item = QTreeWidgetItem([severity_text(d.severity), d.message, place])
            item.setToolTip(2, place)
            item.setIcon(0, self._icons.get(d.severity, QIcon()))
            item.setData(0, ROLE_PATH, d.path)
            item.setToolTip(1, d.message)
            items.append(item)
        self.tree.addTopLevelItems(items)
        self.tree.setUpdatesEnabled(True)
        counts = {s: sum(d.severity == s for d in diagnostics) for s in SEVERITIES}
        self.summary.setText(
            tr(  # "1 warnings" reads wrong: counts after a colon read right for any number
                "Errors: {0}, warnings: {1}, notes: {2} — double-click a line to go to its field"
            ).format(counts["error"], counts["warning"], counts["info"])
            if diagnostics
            else tr("No problems found.")
        )
        self.tree.setVisible(bool(diagnostics))  # no tall empty list under "No problems found."

    def set_checking(self) -> None:
        """Until a document's first check has run: one line, no list (the dock stays low
        instead of showing an empty list, or the previous document's problems)."""
        self._shown = False
        self.diagnostics = []
        self._labels = {}
        self.tree.clear()
        self.tree.setVisible(False)
        self.summary.setText(tr("Checking…"))

    def error_count(self) -> int:
        return sum(d.severity == "error" for d in self.diagnostics)

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        path = item.data(0, ROLE_PATH)
        if path:
            self.go_to_path.emit(path)
