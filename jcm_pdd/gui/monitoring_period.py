"""The editor of one monitoring period: its first and last day, the reason for a gap or an
overlap with the periods around it, comments, its figures (RE, PE, ER and the credited ER) and
the files of monitored data imported into it (name, rows, SHA-256).

A field is written when it loses focus or Enter is pressed (one undo step per field); a date
that cannot be read is marked and not written. A date can also be picked from a calendar (its
button, or Alt+Down / F4 in the field). The files list wraps long names and hashes instead of
cutting them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jcm_pdd.gui.controller import DocumentController
from jcm_pdd.gui.date_field import DateField
from jcm_pdd.gui.fields import parse_date
from jcm_pdd.gui.theme import ink
from jcm_pdd.gui.wrapped_list import WrappingDelegate
from jcm_pdd.model import ImportRecord


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


FIELDS = ("start", "end", "gap_reason", "comments")


def import_lines(record: ImportRecord) -> list[str]:
    """What an import found, one line per meter, in the interface's language; a record saved
    before the facts were kept (``series`` empty) shows its English summary as it was."""
    if not record.series:
        return [record.summary] if record.summary else []
    lines = []
    for found in record.series:
        meter = ", ".join(f"{k} = {v}" for k, v in found.index.items())
        name = f"{found.key} [{meter}]" if meter else found.key
        if found.total is not None:
            name = f"{name} = {found.total} {record.plan_unit}"
        line = tr("{0}: {1} of {2} readings").format(
            name, f"{found.readings:,}", f"{found.expected:,}"
        )
        if found.readings < found.expected:
            line += tr("; {0} missing (first {1})").format(
                f"{found.expected - found.readings:,}", found.first_missing
            )
        if found.duplicates:
            line += tr("; {0} duplicate(s) ignored").format(f"{found.duplicates:,}")
        lines.append(line)
    if record.unit and record.plan_unit:
        from jcm_pdd.monitoring.importer import conversion, exact_decimal  # opened with the page

        factor = conversion(record.unit, record.plan_unit)  # the sum of readings -> the value
        unit = (
            record.unit if factor == 1 else f"{record.unit} (× {exact_decimal(factor) or factor})"
        )
        lines.append(tr("Readings in {0} are converted to {1}.").format(unit, record.plan_unit))
    return lines


class PeriodEditor(QWidget):
    def __init__(self, controller: DocumentController, status: Callable[[str], None]) -> None:
        super().__init__()
        self.controller = controller
        self._status = status
        self.number = -1
        self.start = QLineEdit()
        self.end = QLineEdit()
        self.gap_reason = QLineEdit()
        self.comments = QLineEdit()
        self.edits: dict[str, QLineEdit] = {
            "start": self.start,
            "end": self.end,
            "gap_reason": self.gap_reason,
            "comments": self.comments,
        }
        for name, edit in self.edits.items():
            edit.editingFinished.connect(lambda n=name: self._commit(n))
        for edit in (self.start, self.end):
            edit.setPlaceholderText(tr("DD/MM/YYYY or YYYY-MM-DD"))
        self.start_field = DateField(self.start, lambda: self._commit("start"))
        self.end_field = DateField(self.end, lambda: self._commit("end"))
        self.gap_reason.setPlaceholderText(
            tr("Only when the period leaves a gap or overlaps another: why")
        )
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.figures = QLabel()
        self.figures.setWordWrap(True)
        self.figures.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.imports = QListWidget()
        self.imports.setAccessibleName(tr("Files of monitored data"))
        self.imports.setItemDelegate(WrappingDelegate(self.imports))
        self.imports.setSelectionMode(QListWidget.SelectionMode.SingleSelection)
        self.empty = QLabel(tr("No period chosen. Add one with “Add period”."))
        form = QFormLayout()
        form.addRow(tr("First day:"), self.start_field)
        form.addRow(tr("Last day:"), self.end_field)
        form.addRow(tr("Reason for a gap or overlap:"), self.gap_reason)
        form.addRow(tr("Comments:"), self.comments)
        self.start.setAccessibleName(tr("First day"))
        self.end.setAccessibleName(tr("Last day"))
        self.gap_reason.setAccessibleName(tr("Reason for a gap or overlap"))
        self.comments.setAccessibleName(tr("Comments"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(QLabel(tr("Figures of the period:")))
        layout.addWidget(self.figures)
        layout.addWidget(QLabel(tr("Files of monitored data (kept as evidence):")))
        layout.addWidget(self.imports, 1)
        self.show_period(-1)

    def set_read_only(self, read_only: bool) -> None:
        for edit in self.edits.values():
            edit.setReadOnly(read_only)
        self._sync_dates()

    def _sync_dates(self) -> None:
        for field in (self.start_field, self.end_field):
            field.sync()

    def show_period(self, number: int) -> None:
        periods = self.controller.session.project.monitoring.periods
        self.number = number if 0 <= number < len(periods) else -1
        self.empty.setVisible(self.number < 0)
        for edit in self.edits.values():
            edit.setEnabled(self.number >= 0)
        self._sync_dates()
        self.imports.clear()
        if self.number < 0:
            for edit in self.edits.values():
                edit.clear()
            self.figures.clear()
            return
        period = periods[self.number]
        for name, edit in self.edits.items():
            if edit.hasFocus() and edit.isModified():
                continue  # being typed in: the user's text stays
            value = getattr(period, name)
            text = f"{value:%d/%m/%Y}" if isinstance(value, dt.date) else str(value or "")
            if edit.text() != text:
                edit.setText(text)
        self._mark("")
        for record in period.imports:
            when = f"{record.imported_on:%d/%m/%Y}" if record.imported_on else ""
            line = tr("{0}: {1} rows, imported {2}").format(record.file_name, record.rows, when)
            text = "\n".join([line, f"SHA-256 {record.sha256}", *import_lines(record)])
            item = QListWidgetItem(text)
            item.setToolTip(text)
            self.imports.addItem(item)

    def _commit(self, name: str) -> None:
        if self.number < 0 or self.controller.read_only:
            return
        edit = self.edits[name]
        text = edit.text().strip()
        value: Any = text
        if name in ("start", "end"):
            if not text:
                value = None
            else:
                try:
                    value = parse_date(text)
                except ValueError as exc:
                    self._mark(str(exc), edit)
                    return
        refused = self.controller.edit(f"monitoring.periods.{self.number}.{name}", value)
        self._mark(refused or "", edit if refused else None)
        edit.setModified(False)

    def _mark(self, message: str, edit: QLineEdit | None = None) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))
        color = ink("error", self.palette()).name()
        self.error.setStyleSheet(f"color: {color};" if message else "")
        for each in self.edits.values():
            each.setStyleSheet(f"border: 1px solid {color};" if each is edit else "")

    def focus_path(self, path: str) -> None:
        name = path.split(".")[-1]
        edit = self.edits.get(name, self.start)
        edit.setFocus()
        edit.selectAll()
