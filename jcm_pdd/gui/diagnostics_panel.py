"""The diagnostics panel: problems by severity, each naming its field as the form labels it;
double-click (or Enter) goes to the field. With no problems it shrinks to its one line."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jcm_pdd.session.diagnostics import DiagnosticView

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
        self.diagnostics: list[DiagnosticView] = []
        self.summary = QLabel()
        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self._set_texts()
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)  # see _fit_severity
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
        self._icons: dict[str, QIcon] = {}  # from the style, with the first list shown
        self._labels: dict[str, str] = {}
        self._keys: list[tuple[str, str, str, str]] = []  # the lines shown, as texts
        self._shown = False
        self.set_diagnostics([])

    def _set_texts(self) -> None:
        self.tree.setAccessibleName(tr("Diagnostics"))
        self.tree.setHeaderLabels([tr("Severity"), tr("Problem"), tr("Field")])
        self._fit_severity()

    def _fit_severity(self) -> None:
        """The Severity column as wide as its longest word in this language: sized to the
        contents, Qt measured the top lines only (errors come first), cutting "Warning".

        Only while a list is shown: until then the list is hidden, and a start does not pay
        for the style's metrics and icons (PySide6 builds the QStyle class, with its enums,
        when it is first used: about 4 ms). ``set_diagnostics`` fits it with the first list."""
        if not self.diagnostics:
            return
        from PySide6.QtWidgets import QStyle

        tree = self.tree
        style = tree.style()
        metric = QStyle.PixelMetric
        icon = tree.iconSize().width()
        if icon <= 0:
            icon = style.pixelMetric(metric.PM_SmallIconSize)
        margin = style.pixelMetric(metric.PM_FocusFrameHMargin) + 1
        words = max(tree.fontMetrics().horizontalAdvance(severity_text(s)) for s in SEVERITIES)
        cell = words + icon + 4 * margin + 4  # each of icon and text has a margin either side
        header = tree.header()
        header.resizeSection(0, max(cell, header.sectionSizeHint(0)))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_severity()

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
        rows = [(d, labels.get(d.path, d.path)) for d in diagnostics]
        old = self._shown and self._keys
        self._shown = True
        self._labels = dict(labels)
        self.diagnostics = list(diagnostics)
        # Only the lines that changed are replaced: one value typed in a project with 10,000
        # problems changes a line or two, and making 10,000 items again kept the window from
        # its events for 0.3 s (the selection and the scroll position stay, too).
        keys: list[tuple[str, str, str, str]] = [
            (d.severity, d.message, d.path, p) for d, p in rows
        ]
        changes = []
        if old:
            from difflib import SequenceMatcher  # (a start shows the first list whole)

            matcher = SequenceMatcher(None, self._keys, keys, autojunk=False)
            changes = [op for op in matcher.get_opcodes() if op[0] != "equal"]
        self._keys = keys
        if rows and not old:  # a list shown again: the column as wide as this language needs
            self._fit_severity()
        self.tree.setUpdatesEnabled(False)
        if not old or sum(max(i2 - i1, j2 - j1) for _, i1, i2, j1, j2 in changes) > 500:
            self.tree.clear()  # most of the list: taking items one by one costs more
            changes = [("insert", 0, 0, 0, len(rows))]
        for _, i1, i2, j1, j2 in reversed(changes):  # from the end: the rows above stay put
            for _ in range(i2 - i1):
                self.tree.takeTopLevelItem(i1)
            self.tree.insertTopLevelItems(i1, [self._item(*row) for row in rows[j1:j2]])
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

    def _item(self, d: DiagnosticView, place: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem([severity_text(d.severity), d.message, place])
        item.setToolTip(2, place)
        item.setIcon(0, self._icon(d.severity))
        item.setToolTip(1, d.message)
        return item

    def _icon(self, severity: str) -> QIcon:
        if not self._icons:
            from PySide6.QtWidgets import QStyle

            pixmap, style = QStyle.StandardPixmap, self.style()
            self._icons = {
                "error": style.standardIcon(pixmap.SP_MessageBoxCritical),
                "warning": style.standardIcon(pixmap.SP_MessageBoxWarning),
                "info": style.standardIcon(pixmap.SP_MessageBoxInformation),
            }
        return self._icons.get(severity, QIcon())

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

    def path_at(self, line: int) -> str:
        """The model path of the list's line ``line`` (the lines follow ``diagnostics``).

        Kept here, not in an item's data role: with PySide6 6.12 on Python 3.11 every
        ``setData``/``data`` call on an item takes a reference from ``None`` (``gui.none_guard``
        keeps a reserve); a 10,000-line list filled again cost 20,000 of them."""
        return self.diagnostics[line].path if 0 <= line < len(self.diagnostics) else ""

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        path = self.path_at(self.tree.indexOfTopLevelItem(item))
        if path:
            self.go_to_path.emit(path)
