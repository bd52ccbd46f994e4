"""The monitored values of one period: a row per Table 1 row of the Monitoring Plan (a parameter
of one unit) with its value in the plan's unit, the monitoring option (A public data, B
invoices or transactions, C own measurement), the measuring instrument, its calibration date,
the evidence files and comments; then any value the plan does not list.

A model over ``session.monitoring.value_rows`` (a 300-unit plan is 300 rows; nothing is built
per cell). Writing a cell is one undo step through the document controller; a cell a
diagnostic points at is drawn in the error colour with the message as its tooltip.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from jcm_pdd.gui.controller import DocumentController
from jcm_pdd.gui.fields import parse_date
from jcm_pdd.gui.keyboard import TabLeavesAtEnds
from jcm_pdd.gui.theme import ink
from jcm_pdd.session.monitoring import ValueRow, value_edit, value_rows
from jcm_pdd.session.typed_numbers import typed_number

Index = QModelIndex | QPersistentModelIndex
# (model field, header); "" : shown only
COLUMNS = (
    ("", "Parameter"),
    ("", "Project unit"),
    ("value", "Value"),
    ("", "Unit of measure"),
    ("option", "Option"),
    ("instrument", "Instrument"),
    ("calibration_date", "Calibration date"),
    ("evidence", "Evidence"),
    ("comments", "Comments"),
)
OPTIONS = ("A", "B", "C")


EVIDENCE_CHARS = 40  # the evidence column's widest: about one long file name


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


def header_text(name: str) -> str:
    return {
        "Parameter": tr("Parameter"),
        "Project unit": tr("Project unit"),
        "Value": tr("Value"),
        "Unit of measure": tr("Unit of measure"),
        "Option": tr("Option"),
        "Instrument": tr("Instrument"),
        "Calibration date": tr("Calibration date"),
        "Evidence": tr("Evidence"),
        "Comments": tr("Comments"),
    }.get(name, name)


def option_text(option: str | None) -> str:
    return {
        "A": tr("A: public data"),
        "B": tr("B: invoices or transactions"),
        "C": tr("C: own measurement"),
    }.get(option or "", "")


class ValuesModel(QAbstractTableModel):
    def __init__(self, editor: ValuesEditor) -> None:
        super().__init__()
        self.editor = editor
        self.rows: list[ValueRow] = []
        self.problems: dict[str, str] = {}  # model path -> the diagnostic's message

    def load(self, rows: list[ValueRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return header_text(COLUMNS[section][1])
        return None

    def path(self, row: ValueRow, name: str) -> str:
        if row.position is None:
            return f"monitoring.periods.{self.editor.number}.values"
        return f"monitoring.periods.{self.editor.number}.values.{row.position}.{name}"

    def text(self, row: ValueRow, column: int) -> str:
        name = COLUMNS[column][0]
        entry = row.entry
        if column == 0:
            return row.symbol
        if column == 1:
            return row.unit_label
        if column == 3:
            return row.unit
        if entry is None:
            return option_text(row.planned_option) if name == "option" else ""
        value = getattr(entry, name)
        if name == "option":
            return option_text(value)
        if name == "evidence":
            return self.editor.evidence_names(value)
        if isinstance(value, dt.date):
            return f"{value:%d/%m/%Y}"
        return "" if value is None else str(value)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.rows[index.row()]
        name = COLUMNS[index.column()][0]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if role == Qt.ItemDataRole.EditRole and name == "option":
                return (row.entry.option if row.entry else row.planned_option) or ""
            return self.text(row, index.column())
        problem = self.problems.get(self.path(row, name)) if name else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if problem:
                return problem
            if not row.planned:
                return tr("The Monitoring Plan (Table 1) does not list this parameter and unit")
            if name == "evidence" and row.entry is not None and row.entry.evidence:
                # the cell shows names only: each file in full with its whole hash
                return "\n".join(
                    f"{self.editor.evidence_names([h])}\nSHA-256 {h}" for h in row.entry.evidence
                )
            return None
        if role == Qt.ItemDataRole.ForegroundRole and (problem or not row.planned):
            return ink("error", self.editor.palette())
        if role == Qt.ItemDataRole.TextAlignmentRole and name == "value":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        name = COLUMNS[index.column()][0]
        if name and name != "evidence" and not self.editor.read_only:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole:
            return False
        row = self.editor.fresh(self.rows[index.row()])
        name = COLUMNS[index.column()][0]
        try:
            parsed = parse_cell(name, str(value))
        except ValueError as exc:
            self.editor.status(str(exc))
            return False
        current = getattr(row.entry, name) if row.entry is not None else None
        if row.entry is None and parsed in (None, ""):
            return False  # nothing typed into an empty row
        if parsed == current and row.entry is not None:
            return False
        return self.editor.write(row, name, parsed)


def parse_cell(name: str, text: str) -> Any:
    text = text.strip()
    if name == "value":
        if not text:
            return None
        try:
            number = Decimal(typed_number(text).replace(",", ""))
        except InvalidOperation:
            raise ValueError(tr("Enter a number, e.g. 1234.5")) from None
        if not number.is_finite():
            raise ValueError(tr("Enter a number, e.g. 1234.5"))
        return number
    if name == "calibration_date":
        return parse_date(text) if text else None
    if name == "option":
        return text or None
    return text


class OptionDelegate(QStyledItemDelegate):
    """The option column: a list of A, B and C in words."""

    def createEditor(  # noqa: N802 - Qt override
        self, parent: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> QWidget:
        if COLUMNS[index.column()][0] != "option":
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        combo.setAccessibleName(tr("Option"))
        for code in OPTIONS:
            combo.addItem(option_text(code), code)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802 - Qt override
        if isinstance(editor, QComboBox):
            found = editor.findData(index.data(Qt.ItemDataRole.EditRole))
            editor.setCurrentIndex(max(found, 0))
        else:
            super().setEditorData(editor, index)

    def setModelData(  # noqa: N802 - Qt override
        self, editor: QWidget, model: Any, index: Index
    ) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)


class ValuesEditor(QWidget):
    def __init__(self, controller: DocumentController, status: Callable[[str], None]) -> None:
        super().__init__()
        self.controller = controller
        self.status = status
        self.number = -1
        self.read_only = controller.read_only
        self.model = ValuesModel(self)
        self._fitted = False  # columns fitted to the values once
        self._reload = QTimer(self)
        self._reload.setSingleShot(True)
        self._reload.setInterval(0)
        self._reload.timeout.connect(lambda: self.show_period(self.number))
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(tr("Monitored values of the period"))
        TabLeavesAtEnds(self.table)
        self.table.setItemDelegate(OptionDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        # a long file name keeps its start and its extension; the tooltip has it all
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.setWordWrap(False)  # one-line rows: a wrapped name was cut at its hyphens
        self.table.verticalHeader().setDefaultSectionSize(24)
        # columns fitted to the first rows (the rest are alike), not to every one of 300
        self.table.verticalHeader().setResizeContentsPrecision(40)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.attach_button = QPushButton(tr("Attach evidence…"))
        self.attach_button.setToolTip(
            tr("Attach a file (calibration certificate, invoice …) as evidence of the chosen value")
        )
        self.attach_button.clicked.connect(self._choose_evidence)
        self.detach_button = QPushButton(tr("Remove evidence…"))
        self.detach_button.setToolTip(
            tr("Remove one evidence file from the chosen value (the file stays attached)")
        )
        self.detach_button.clicked.connect(self._choose_detach)
        row = QHBoxLayout()
        row.addWidget(self.attach_button)
        row.addWidget(self.detach_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.attach_button.setEnabled(not read_only)
        self.detach_button.setEnabled(not read_only)

    def show_period(self, number: int) -> None:
        project = self.controller.session.project
        before, current = self.number, self.table.currentIndex()
        self.number = number if 0 <= number < len(project.monitoring.periods) else -1
        rows = value_rows(project, self.number) if self.number >= 0 else []
        shape = [(r.key, r.index, r.position) for r in rows]
        if before == self.number and shape == [
            (r.key, r.index, r.position) for r in self.model.rows
        ]:
            self.model.rows = rows  # the same rows with new values: repaint, keep the cell
            if rows:
                self.model.dataChanged.emit(
                    self.model.index(0, 0), self.model.index(len(rows) - 1, len(COLUMNS) - 1)
                )
            return
        self.model.load(rows)
        if rows and not self._fitted:  # the first period shown; the others look alike
            self.table.resizeColumnsToContents()
            evidence = next(n for n, c in enumerate(COLUMNS) if c[0] == "evidence")
            widest = self.table.fontMetrics().averageCharWidth() * EVIDENCE_CHARS
            if self.table.columnWidth(evidence) > widest:  # several files: not the whole row
                self.table.setColumnWidth(evidence, widest)
            self._fitted = True
        if before == self.number and current.isValid() and current.row() < len(rows):
            self.table.setCurrentIndex(self.model.index(current.row(), current.column()))

    def refresh_path(self, number: int, path: str) -> None:
        """A change inside period ``number``: its rows again, once the event that made it has
        been handled (a cell's editor is still committing when its edit is reported)."""
        if number == self.number:
            self._reload.start()

    def refresh_evidence(self) -> None:
        if self.model.rows:
            column = next(n for n, c in enumerate(COLUMNS) if c[0] == "evidence")
            self.model.dataChanged.emit(
                self.model.index(0, column), self.model.index(len(self.model.rows) - 1, column)
            )

    def set_problems(self, problems: dict[str, str]) -> None:
        self.model.problems = problems
        if self.model.rows:
            self.model.dataChanged.emit(
                self.model.index(0, 0),
                self.model.index(len(self.model.rows) - 1, len(COLUMNS) - 1),
            )

    def evidence_names(self, hashes: list[str]) -> str:
        records = {r.sha256: r.name for r in self.controller.session.project.attachments}
        return ", ".join(records.get(h, tr("missing file {0}").format(h[:12])) for h in hashes)

    def fresh(self, row: ValueRow) -> ValueRow:
        """``row`` as the project holds it now: the table reloads after the event that changed
        the period, and a person may act on a row before that (an import just applied)."""
        project = self.controller.session.project
        for now in value_rows(project, self.number):
            if (now.key, now.index, now.planned) == (row.key, row.index, row.planned):
                return now
        return row

    def write(self, row: ValueRow, name: str, value: Any) -> bool:
        project = self.controller.session.project
        edits = value_edit(project, self.number, row, name, value)
        ((path, new),) = edits.items()
        if path.endswith(f".{name}"):
            refused = self.controller.edit(path, new)
        else:
            refused = self.controller.edit_many(tr("Enter a monitored value"), edits)
        if refused:
            self.status(refused)
        return refused is None

    def focus_path(self, path: str) -> None:
        parts = path.split(".")
        position = int(parts[4]) if len(parts) > 4 and parts[4].isdigit() else None
        name = parts[5] if len(parts) > 5 else "value"
        for number, row in enumerate(self.model.rows):
            if row.position == position or position is None:
                column = next((n for n, c in enumerate(COLUMNS) if c[0] == name), 2)
                index = self.model.index(number, column)
                self.table.scrollTo(index)
                self.table.setCurrentIndex(index)
                self.table.setFocus()
                return

    def current_row(self) -> ValueRow | None:
        index = self.table.currentIndex()
        return self.model.rows[index.row()] if index.isValid() else None

    def _choose_evidence(self) -> None:
        window = self.window()
        start = window.start_folder() if hasattr(window, "start_folder") else Path.home()
        name, _ = QFileDialog.getOpenFileName(self, tr("Attach evidence"), str(start))
        if name:
            self.attach_evidence(Path(name))

    def attach_evidence(self, path: Path) -> None:
        """``path`` becomes an attachment and the chosen value's evidence (one undo step)."""
        row = self.current_row()
        if row is None or self.number < 0:
            self.status(tr("Choose a value first."))
            return
        row = self.fresh(row)
        session = self.controller.session
        record = session.attachments.add_file(path, caption=tr("evidence"))
        hashes = list(row.entry.evidence) if row.entry is not None else []
        if record.sha256 not in hashes:
            hashes.append(record.sha256)
        edits = value_edit(session.project, self.number, row, "evidence", hashes)
        if all(r.sha256 != record.sha256 for r in session.project.attachments):
            edits["attachments"] = [*session.project.attachments, record]
        refused = self.controller.edit_many(tr("Attach evidence"), edits)
        if refused:
            self.status(refused)

    def _choose_detach(self) -> None:
        row = self.current_row()
        if row is None or self.number < 0:
            self.status(tr("Choose a value first."))
            return
        row = self.fresh(row)
        hashes = list(row.entry.evidence) if row.entry is not None else []
        if not hashes:
            self.status(tr("This value has no evidence file."))
            return
        names = [f"{self.evidence_names([h])} ({h[:12]}…)" for h in hashes]
        chosen, ok = QInputDialog.getItem(
            self,
            tr("Remove evidence"),
            tr("Evidence file to remove from this value:"),
            names,
            0,
            False,
        )
        if ok and chosen in names:
            self.detach_evidence(row, hashes[names.index(chosen)])

    def detach_evidence(self, row: ValueRow, sha256: str) -> None:
        """``sha256`` is no longer evidence of ``row``'s value (one undo step); the file stays
        among the attachments (other values or fields may cite it)."""
        hashes = [h for h in (row.entry.evidence if row.entry else []) if h != sha256]
        project = self.controller.session.project
        edits = value_edit(project, self.number, row, "evidence", hashes)
        ((path, value),) = edits.items()
        refused = self.controller.edit(path, value)
        if refused:
            self.status(refused)
