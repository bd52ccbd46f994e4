"""A table field (sites, participants, eligibility, monitoring rows ...) generated from its
columns: editable cells, add and remove row buttons, DMS shown beside coordinate columns.

A cell edit is parsed with the column's kind and committed at ``<table>.<row>.<column>``; text the
model refuses stays in the cell (so nothing typed is lost) with the reason in its tooltip and in
the status bar.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jcm_pdd.gui.fields import dms_text, format_value, parse_value
from jcm_pdd.model.paths import PathError, get_value
from jcm_pdd.session.formview import FieldView


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


class TableEditor(QWidget):
    def __init__(
        self,
        view: FieldView,
        commit: Callable[[str, Any], str | None],
        insert_row: Callable[[str], None],
        remove_row: Callable[[str, int], None],
        status: Callable[[str], None],
    ) -> None:
        super().__init__()
        self.view = view
        self.path = view.path
        self._commit = commit
        self._insert = insert_row
        self._remove = remove_row
        self._status = status
        self._loading = False
        # Each shown column: (FieldView, is_dms_companion)
        self._cols: list[tuple[FieldView, bool]] = []
        for col in view.columns:
            self._cols.append((col, False))
            if col.kind == "coordinate":
                self._cols.append((col, True))

        self.table = QTableWidget(0, len(self._cols))
        self.table.setAccessibleName(view.label)
        self.table.setHorizontalHeaderLabels(
            [c.label + (" (DMS)" if dms else (" *" if c.required else "")) for c, dms in self._cols]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(True)
        self.table.itemChanged.connect(self._item_changed)
        self.table.setMinimumHeight(140)

        self.add_button = QPushButton(tr("Add row"))
        self.add_button.setAccessibleName(tr("Add row to {0}").format(view.label))
        self.add_button.clicked.connect(lambda: self._insert(self.path))
        self.remove_button = QPushButton(tr("Remove row"))
        self.remove_button.setAccessibleName(tr("Remove row from {0}").format(view.label))
        self.remove_button.clicked.connect(self._remove_current)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def show_rows(self, rows: list[Any]) -> None:
        self._loading = True
        try:
            self.table.setRowCount(len(rows))
            for r, row in enumerate(rows):
                for c, (col, dms) in enumerate(self._cols):
                    value = _cell_value(row, col.path)
                    text = dms_text(col.path, value) if dms else format_value(col.kind, value)
                    item = self.table.item(r, c)
                    if item is None:
                        item = QTableWidgetItem()
                        self.table.setItem(r, c, item)
                    if item.text() != text:
                        item.setText(text)
                    if dms:
                        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            if rows and len(rows) <= 30:
                self.table.resizeRowsToContents()
            if rows and not self._sized:
                self._sized = True  # size columns to the first content once; the user may resize
                self.table.resizeColumnsToContents()
                for column in range(self.table.columnCount()):
                    width = min(max(self.table.columnWidth(column), 80), 320)
                    self.table.setColumnWidth(column, width)
            self.remove_button.setEnabled(bool(rows) and not self._read_only)
        finally:
            self._loading = False

    _read_only = False
    _sized = False

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.NoEditTriggers
            if read_only
            else QAbstractItemView.EditTrigger.AllEditTriggers
            & ~QAbstractItemView.EditTrigger.CurrentChanged
        )
        self.add_button.setEnabled(not read_only)
        self.remove_button.setEnabled(not read_only and self.table.rowCount() > 0)

    def cell_path(self, row: int, column: int) -> str:
        return f"{self.path}.{row}.{self._cols[column][0].path}"

    def focus_path(self, path: str) -> bool:
        """Select the cell for ``path`` (e.g. ``pdd.sites.1.latitude``) if it is in this table."""
        rest = path[len(self.path) + 1 :].split(".") if path.startswith(self.path + ".") else []
        if not rest or not rest[0].isdigit():
            return False
        row = int(rest[0])
        column = next(
            (i for i, (c, dms) in enumerate(self._cols) if len(rest) > 1 and c.path == rest[1]),
            0,
        )
        if row < self.table.rowCount():
            self.table.setCurrentCell(row, column)
        self.table.setFocus()
        return True

    def _remove_current(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            row = self.table.rowCount() - 1
        if row >= 0:
            self._remove(self.path, row)

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        col, dms = self._cols[item.column()]
        if dms:
            return
        path = self.cell_path(item.row(), item.column())
        try:
            value = parse_value(col.kind, item.text(), col.choices)
            error = self._commit(path, value)
        except ValueError as exc:
            error = str(exc)
        item.setToolTip(error or "")
        if error:
            self._status(f"{col.label}: {error}")


def _cell_value(row: Any, subpath: str) -> Any:
    try:
        return get_value(row, subpath)
    except PathError:
        return None
