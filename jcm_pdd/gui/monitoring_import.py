"""Import of monitored data (meter readings from CSV or .xlsx) into the monitoring periods.

The user picks the file, the columns (time, value, meter), the Table 1 parameter, the unit of
the readings and the periods; **Preview** reads the whole file in the background
(``gui.jobs.Worker``; ``monitoring.importer``) and shows, per meter and period, the total in the
plan's unit, the readings read and expected, the missing ones (gaps) and the duplicates, the
rows outside the periods and the file's SHA-256. Nothing changes before **Apply**, which writes
the totals and keeps the file as an attachment, the values' evidence (one undo step).
"""

from __future__ import annotations

import datetime as dt
from itertools import islice
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QThread,
    Signal,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from jcm_pdd.errors import UserError
from jcm_pdd.gui.controller import DocumentController
from jcm_pdd.gui.jobs import Progress, Worker
from jcm_pdd.gui.widgets import reading_table
from jcm_pdd.monitoring.importer import ImportResult, ImportSpec, conversion, exact_decimal
from jcm_pdd.monitoring.readers import open_rows

Index = QModelIndex | QPersistentModelIndex


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


def _guess(header: list[str], words: tuple[str, ...]) -> int:
    for n, name in enumerate(header):
        if any(w in name.lower() for w in words):
            return n
    return -1


class PreviewModel(QAbstractTableModel):
    """The preview's rows (texts), one per meter and period."""

    RIGHT = (3, 4, 5, 7)  # numbers

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[str, ...]] = []

    def load(self, rows: list[tuple[str, ...]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(preview_headers())

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return preview_headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.RIGHT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def preview_headers() -> list[str]:
    return [
        tr("Period"),
        tr("Meter"),
        tr("Unit"),
        tr("Total"),
        tr("Readings"),
        tr("Expected"),
        tr("Missing (first)"),
        tr("Duplicates"),
    ]


class ImportDialog(QDialog):
    applied = Signal(str)  # what was imported, in words (for the status bar)
    previewed = Signal(object)  # the preview's ImportResult, or the UserError shown

    def __init__(self, controller: DocumentController, parent: QWidget | None, period: int) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(tr("Import monitored data"))
        self.resize(860, 620)
        self.preview_result: ImportResult | None = None
        self._read_from = ""  # the file whose columns are shown
        self.thread_: QThread | None = None
        project = controller.session.project
        self.file = QLineEdit()
        self.file.setAccessibleName(tr("File of meter readings"))
        self.file.editingFinished.connect(self.read_header)
        self.browse_button = QPushButton(tr("Browse…"))
        self.browse_button.clicked.connect(self._choose)
        self.time_column, self.value_column, self.meter_column = (
            QComboBox(),
            QComboBox(),
            QComboBox(),
        )
        self.parameter = QComboBox()
        keys = dict.fromkeys(r.key for r in project.monitoring_plan.monitored if r.key)
        for key in keys:
            row = next(r for r in project.monitoring_plan.monitored if r.key == key)
            self.parameter.addItem(f"{row.symbol or key} ({row.unit})", key)
        self.parameter.currentIndexChanged.connect(self._suggest_unit)
        self.unit = QLineEdit()
        self.unit.setAccessibleName(tr("Unit of the readings"))
        self.unit.setPlaceholderText(tr("e.g. kWh"))
        self.periods = QListWidget()
        self.periods.setAccessibleName(tr("Periods to fill"))
        self.periods.setMaximumHeight(110)
        for number, each in enumerate(project.monitoring.periods):
            dates = (
                f"{each.start:%d/%m/%Y} – {each.end:%d/%m/%Y}" if each.start and each.end else ""
            )
            item = QListWidgetItem(tr("Period {0}").format(number + 1) + f"  {dates}")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            chosen = number == period or period < 0
            item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)
            self.periods.addItem(item)
        self.keep_first = QCheckBox(
            tr("Keep the first of duplicate readings (else refuse the file)")
        )
        self.raw = QLabel()
        self.raw.setWordWrap(True)
        self.raw.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(self.browse_button)
        form.addRow(tr("File:"), file_row)
        form.addRow(tr("First rows:"), self.raw)
        form.addRow(tr("Time column:"), self.time_column)
        form.addRow(tr("Value column:"), self.value_column)
        form.addRow(tr("Meter column:"), self.meter_column)
        form.addRow(tr("Parameter (Table 1):"), self.parameter)
        form.addRow(tr("Unit of the readings:"), self.unit)
        form.addRow(tr("Periods:"), self.periods)
        form.addRow("", self.keep_first)
        for label, combo in (
            (tr("Time column"), self.time_column),
            (tr("Value column"), self.value_column),
            (tr("Meter column"), self.meter_column),
            (tr("Parameter (Table 1)"), self.parameter),
        ):
            combo.setAccessibleName(label)
        self.preview_model = PreviewModel()
        self.preview = QTableView()  # a model: 30 meters x 120 periods are 3,600 rows
        reading_table(self.preview)
        self.preview.setModel(self.preview_model)
        self.preview.setAccessibleName(tr("Preview of the import"))
        self.preview.verticalHeader().setVisible(False)
        self.preview.horizontalHeader().setStretchLastSection(True)
        self.preview.verticalHeader().setResizeContentsPrecision(50)  # fitted to the first rows
        # columns fitted to the visible rows and 100 more, not to 1,000 (Qt's default): fitting
        # 3,600 rows kept the window from its events for 120-270 ms when the preview arrived
        self.preview.horizontalHeader().setResizeContentsPrecision(100)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setAccessibleName(tr("Progress"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.preview_button = QPushButton(tr("Preview"))
        self.apply_button = QPushButton(tr("Apply"))
        self.apply_button.setEnabled(False)
        self.buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.preview_button.clicked.connect(self.start_preview)
        self.apply_button.clicked.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        for widget in (self.time_column, self.value_column, self.meter_column, self.parameter):
            widget.currentIndexChanged.connect(self._changed)
        self.unit.textEdited.connect(self._changed)
        self.periods.itemChanged.connect(self._changed)
        self.keep_first.toggled.connect(self._changed)
        self._suggest_unit()

    # -- the file and its columns ------------------------------------------------------------
    def _choose(self) -> None:
        parent = self.parentWidget()
        window = parent.window() if parent is not None else self
        start = window.start_folder() if hasattr(window, "start_folder") else Path.home()
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(
            self,
            tr("Import monitored data"),
            str(start),
            tr("Meter readings (*.csv *.xlsx);;All files (*)"),
        )
        if name:
            self.file.setText(name)
            self.read_header()

    def read_header(self) -> None:
        """The file's columns into the drop-downs, with a guess of which is which."""
        if self.file.text().strip() == self._read_from:
            return  # the same file (the field lost focus): keep the columns and the preview
        self._read_from = self.file.text().strip()
        path = Path(self._read_from)
        self._changed()
        if not path.is_file():
            self.message.setText(tr("Choose a CSV or .xlsx file of meter readings."))
            return
        try:
            with open_rows(path) as rows:
                header = rows.header
                first = list(islice(rows.rows, 3))
        except UserError as exc:
            self.message.setText(exc.message)
            return
        self.raw.setText("\n".join(", ".join(r) for r in [header, *first]))
        for combo, words in (
            (self.time_column, ("time", "date", "日時", "timestamp")),
            (self.value_column, ("kwh", "mwh", "value", "reading", "energy")),
        ):
            combo.clear()
            combo.addItems(header)
            combo.setCurrentIndex(max(_guess(header, words), 0))
        self.meter_column.clear()
        self.meter_column.addItem(tr("(none: one series)"), "")
        for name in header:
            self.meter_column.addItem(name, name)
        self.meter_column.setCurrentIndex(_guess(header, ("meter", "unit", "id")) + 1)
        named = self.value_column.currentText().lower()  # a column named after its unit
        for unit in ("kWh", "MWh", "GWh", "GJ", "TJ", "m3", "kL"):
            if unit.lower() in named and not self.unit.isModified():
                self.unit.setText(unit)
                break
        self.message.setText(tr("Check the columns and the unit, then press Preview."))

    def _suggest_unit(self) -> None:
        key = self.parameter.currentData()
        rows = [
            r for r in self.controller.session.project.monitoring_plan.monitored if r.key == key
        ]
        if rows and not self.unit.isModified():
            self.unit.setText(rows[0].unit.removesuffix("/p"))
        self._changed()

    def _changed(self, *_: object) -> None:
        """Any setting changed: a preview must be made again before applying."""
        self.preview_result = None
        self.apply_button.setEnabled(False)

    def spec(self) -> ImportSpec:
        periods = tuple(
            n
            for n in range(self.periods.count())
            if self.periods.item(n).checkState() == Qt.CheckState.Checked
        )
        if not periods:
            raise UserError(tr("Choose at least one period to fill."))
        return ImportSpec(
            parameter=str(self.parameter.currentData() or ""),
            unit=self.unit.text().strip(),
            time_column=self.time_column.currentText(),
            value_column=self.value_column.currentText(),
            meter_column=str(self.meter_column.currentData() or ""),
            periods=periods,
            duplicates="first" if self.keep_first.isChecked() else "refuse",
        )

    # -- preview in the background -----------------------------------------------------------
    def start_preview(self) -> None:
        from jcm_pdd.monitoring.importer import import_file
        from jcm_pdd.session.formview import methodology_template

        path = Path(self.file.text().strip())
        project = self.controller.session.project
        template = methodology_template(project)
        try:
            spec = self.spec()
            if template is None:
                raise UserError(tr("Choose a methodology (B.1) to see the figures."))
            if not path.is_file():
                raise UserError(tr("Choose a CSV or .xlsx file of meter readings."))
        except UserError as exc:
            self._show_error(exc)
            return

        def job(_progress: Progress) -> ImportResult:
            return import_file(path, project, template, spec)

        self._changed()
        self.preview_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.message.setText(tr("Reading {0}…").format(path.name))
        self.thread_ = QThread(self)
        self.worker = Worker(job)
        self.worker.moveToThread(self.thread_)
        self.thread_.started.connect(self.worker.run)
        self.worker.finished.connect(self._previewed)
        self.worker.finished.connect(self.thread_.quit)
        self.thread_.start()

    def _show_error(self, exc: UserError) -> None:
        self.preview_model.load([])
        self.message.setText(exc.message)
        self.previewed.emit(exc)

    def _previewed(self, result: Any) -> None:
        self.preview_button.setEnabled(True)
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        if isinstance(result, UserError):
            self._show_error(result)
            return
        assert isinstance(result, ImportResult)
        self.preview_result = result
        rows: list[tuple[str, ...]] = []
        for s in result.series:
            total = exact_decimal(s.total)
            rows.append(
                (
                    str(s.period + 1),
                    s.meter or ", ".join(s.index.values()),
                    result.plan_unit,
                    str(total) if total is not None else str(s.total),
                    f"{s.readings:,}",
                    f"{s.expected:,}",
                    f"{s.missing:,} ({s.first_missing})" if s.missing else "0",
                    f"{s.duplicates:,}",
                )
            )
        self.preview_model.load(rows)
        self.preview.resizeColumnsToContents()  # fitted to the rows in view and 100 more
        metrics, last = self.preview.fontMetrics(), self.preview_model.columnCount() - 1
        for column in range(last):  # a wider text further down is not cut either
            widest = max((row[column] for row in rows), key=len, default="")
            need = metrics.horizontalAdvance(widest) + 2 * metrics.averageCharWidth()
            if self.preview.columnWidth(column) < need:
                self.preview.setColumnWidth(column, need)
        gaps = sum(s.missing for s in result.series)
        dupes = sum(s.duplicates for s in result.series)
        factor = conversion(result.unit, result.plan_unit)  # the sum of readings -> the value
        unit = (
            result.unit if factor == 1 else f"{result.unit} (× {exact_decimal(factor) or factor})"
        )
        self.message.setText(
            tr(
                "{0}: {1} rows, SHA-256 {2}. Readings in {3} are converted to {4}. "
                "{5} readings missing, {6} duplicate(s) ignored, {7} rows outside the chosen "
                "periods. Apply writes the totals and keeps the file as their evidence."
            ).format(
                result.file_name,
                f"{result.rows:,}",
                result.sha256,
                unit,
                result.plan_unit,
                f"{gaps:,}",
                f"{dupes:,}",
                f"{result.outside:,}",
            )
        )
        self.apply_button.setEnabled(bool(result.series) and not self.controller.read_only)
        self.previewed.emit(result)

    # -- apply -----------------------------------------------------------------------------
    def apply(self) -> None:
        from jcm_pdd.session.monitoring import import_edits

        result = self.preview_result
        if result is None:
            return
        session = self.controller.session
        path = Path(self.file.text().strip())
        try:
            record = session.attachments.add_file(path, caption=tr("monitored data"))
            edits = import_edits(session.project, result, record, dt.date.today())
        except (UserError, OSError) as exc:
            self.message.setText(exc.message if isinstance(exc, UserError) else str(exc))
            return
        refused = self.controller.edit_many(tr("Import monitored data"), edits)
        if refused:
            self.message.setText(refused)
            return
        self.applied.emit(
            tr("{0} imported into {1} period(s)").format(
                result.file_name, len({s.period for s in result.series})
            )
        )
        self.accept()

    def done(self, code: int) -> None:
        if self.thread_ is not None:
            self.thread_.quit()
            self.thread_.wait()  # never leave a reading thread behind a closed dialog
        super().done(code)
