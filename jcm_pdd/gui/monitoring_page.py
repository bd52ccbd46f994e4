"""The Monitoring page of a document (after registration): the list of monitoring periods with
each period's credited ER, and for the chosen period its dates, its monitored values and its
figures; actual vs estimated (C.3); the periods' share of the diagnostics (counted, and marked
at the values); import of monitored data; export of the Monitoring Report.

Built on first visit (``DocumentView.page``), so a project without periods never loads it. Every
edit goes through the document controller (one undo step each); the figures follow the
controller's ``recalculate`` (only the period an edit touched is calculated again,
``session.monitoring``) and the diagnostics the window's (``checks.run_checks`` includes
the periods'; the window's Diagnostics panel lists them).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from jcm_pdd.gui.controller import DocumentController
from jcm_pdd.gui.monitoring_figures import ComparisonView, period_figures_text
from jcm_pdd.gui.monitoring_period import PeriodEditor
from jcm_pdd.gui.monitoring_values import ValuesEditor
from jcm_pdd.gui.widgets import page_heading, read_only_item, reading_table
from jcm_pdd.monitoring import PeriodActual
from jcm_pdd.session.diagnostics import DiagnosticView
from jcm_pdd.session.monitoring import MonitoringFigures, PeriodFigures, new_period

MONITORING_ID = "monitoring"  # the navigator's key of this page
SLICE_SECONDS = 0.03  # the longest the figures hold the GUI thread at a time


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


def period_of_path(path: str) -> int | None:
    parts = path.split(".")
    if parts[:2] == ["monitoring", "periods"] and len(parts) > 2 and parts[2].isdigit():
        return int(parts[2])
    return None


class MonitoringPage(QWidget):
    page_id = MONITORING_ID  # shown again after a language change

    def __init__(self, controller: DocumentController, status: Callable[[str], None]) -> None:
        super().__init__()
        self.controller = controller
        self._status = status
        self.figures = MonitoringFigures()
        self.shown = PeriodFigures()
        self.all_diagnostics: list[DiagnosticView] = []
        self._errors: dict[int, int] = {}  # errors per period (the period list marks them)
        heading = page_heading(tr("Monitoring periods"))
        hint = QLabel(
            tr(
                "After registration: the values monitored in each period, as Table 1 of the "
                "Monitoring Plan fixed them, and the actual emission reductions beside the "
                "estimate of C.3."
            )
        )
        hint.setWordWrap(True)
        self.add_button = QPushButton(tr("Add period"))
        self.add_button.clicked.connect(self.add_period)
        self.remove_button = QPushButton(tr("Remove period"))
        self.remove_button.clicked.connect(self.remove_period)
        self.import_button = QPushButton(tr("Import monitored data…"))
        self.import_button.clicked.connect(self.import_data)
        self.export_button = QPushButton(tr("Export monitoring report…"))
        self.export_button.clicked.connect(self.export_report)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.import_button, self.export_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.periods = QTableWidget(0, 5)
        reading_table(self.periods)
        self.periods.setAccessibleName(tr("Monitoring periods"))
        self.periods.verticalHeader().setVisible(False)
        self.periods.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.periods.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.periods.horizontalHeader()
        # fitted after filling (ResizeToContents would measure every row at every cell set)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.periods.currentCellChanged.connect(lambda row, *_: self._show_period(row))

        self.period_editor = PeriodEditor(controller, status)
        self.values = ValuesEditor(controller, status)
        self.comparison = ComparisonView()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.period_editor, tr("Period"))
        self.tabs.addTab(self.values, tr("Monitored values"))
        self.tabs.addTab(self.comparison, tr("Actual vs estimated"))

        # the periods' lines of the window's Diagnostics panel are counted here; that panel
        # lists them (double-click comes back to this page, at the value)
        self.diagnostics_note = QLabel()
        self.diagnostics_note.setWordWrap(True)
        across = QSplitter(Qt.Orientation.Horizontal)
        across.addWidget(self.periods)
        across.addWidget(self.tabs)
        across.setStretchFactor(1, 1)
        across.setSizes([330, 700])
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addLayout(buttons)
        layout.addWidget(across, 1)
        layout.addWidget(self.diagnostics_note)
        self._set_headers()
        controller.recalculate.connect(self.update_figures)
        self._listening = False  # to the window's diagnostics (connected when first shown)
        self._fill_periods()
        self.set_read_only(controller.read_only)
        if self.periods.rowCount():
            self.select_period(0)
        self._figures_stale = True  # calculated once the page is shown
        self._more = QTimer(self)
        self._more.setSingleShot(True)
        self._more.setInterval(0)
        self._more.timeout.connect(self.update_figures)

    def _set_headers(self) -> None:
        self.periods.setHorizontalHeaderLabels(
            [tr("No."), tr("First day"), tr("Last day"), tr("Days"), tr("ER credited")]
        )
        credited = self.periods.horizontalHeaderItem(4)
        if credited is not None:
            credited.setToolTip(tr("The period's emission reductions in tCO2e, rounded down"))

    # -- state -----------------------------------------------------------------------------
    @property
    def project_periods(self) -> int:
        return len(self.controller.session.project.monitoring.periods)

    def current_period(self) -> int:
        row = self.periods.currentRow()
        return row if 0 <= row < self.project_periods else -1

    def set_read_only(self, read_only: bool) -> None:
        for button in (self.add_button, self.remove_button, self.import_button):
            button.setEnabled(not read_only)
        self.export_button.setEnabled(not read_only)
        self.period_editor.set_read_only(read_only)
        self.values.set_read_only(read_only)

    def refresh(self, path: str) -> None:
        """A change at ``path`` (an edit, undo or redo)."""
        self.figures.edited(path)
        if path == "attachments":
            self.values.refresh_evidence()
            return
        if not (path == "monitoring" or path.startswith("monitoring.")):
            if path.startswith("monitoring_plan"):
                self.values.show_period(self.current_period())  # the plan's rows changed
            return
        number = period_of_path(path)
        if number is None:  # periods added, removed or moved
            current = self.current_period()
            self._fill_periods()
            self.select_period(min(max(current, 0), self.project_periods - 1))
            return
        self._fill_period_row(number)
        if number == self.current_period():
            self.period_editor.show_period(number)
            self.values.refresh_path(number, path)

    def _fill_periods(self) -> None:
        periods = self.controller.session.project.monitoring.periods
        self.periods.blockSignals(True)
        self.periods.setRowCount(len(periods))
        for number in range(len(periods)):
            self._fill_period_row(number)
        self.periods.blockSignals(False)
        self.periods.resizeColumnsToContents()

    def _fill_period_row(self, number: int) -> None:
        periods = self.controller.session.project.monitoring.periods
        if not 0 <= number < len(periods):
            return
        period = periods[number]
        days = (period.end - period.start).days + 1 if period.start and period.end else None
        count = self._errors.get(number, 0)
        texts = [
            f"⚠ {number + 1}" if count else str(number + 1),
            f"{period.start:%d/%m/%Y}" if period.start else "",
            f"{period.end:%d/%m/%Y}" if period.end else "",
            str(days) if days is not None and days > 0 else "",
        ]
        for column, text in enumerate(texts):
            self._set_cell(number, column, text, column in (0, 3))
        item = self.periods.item(number, 0)
        if item is not None:  # the errors of the period (its warnings are listed, not marked)
            item.setToolTip(tr("{0} problem(s)").format(count) if count else "")

    def _set_cell(self, row: int, column: int, text: str, right: bool, tip: str = "") -> None:
        item = self.periods.item(row, column)
        if item is None:
            item = read_only_item(text, right)
            self.periods.setItem(row, column, item)
        elif item.text() != text:
            item.setText(text)
        item.setToolTip(tip)

    def select_period(self, number: int) -> None:
        if 0 <= number < self.periods.rowCount():
            self.periods.setCurrentCell(
                number,
                0,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self._show_period(number)

    def _show_period(self, number: int) -> None:
        number = number if 0 <= number < self.project_periods else -1
        self.period_editor.show_period(number)
        self.values.show_period(number)
        self._show_period_figures()
        self._show_period_diagnostics()

    # -- edits -----------------------------------------------------------------------------
    def add_period(self) -> None:
        add_period_to(self.controller)
        self.select_period(self.project_periods - 1)
        self.tabs.setCurrentWidget(self.period_editor)
        self.period_editor.start.setFocus()

    def remove_period(self) -> None:
        number = self.current_period()
        if number >= 0:
            self.controller.remove_row("monitoring.periods", number)

    def import_data(self) -> None:
        from jcm_pdd.gui.monitoring_import import ImportDialog

        dialog = ImportDialog(self.controller, self, self.current_period())
        dialog.applied.connect(lambda text: self._status(text))
        dialog.open()
        self.import_dialog = dialog

    def export_report(self) -> None:
        """The MRS workbook and the Monitoring Report of the periods (the chosen one ticked)."""
        self.export_dialog = export_report_from(self, self.controller, -1)

    # -- figures and diagnostics ---------------------------------------------------------
    def update_figures(self) -> None:
        """The figures after an edit: only while the page is shown (else when it is shown
        again), and in slices of SLICE_SECONDS, so typing stays live while many periods are
        calculated (the first time, or after the plan changed)."""
        if not self.isVisible():
            self._figures_stale = True
            return
        self._figures_stale = False
        deadline = time.perf_counter() + SLICE_SECONDS
        self.shown = self.figures.figures(self.controller.session.project, deadline)
        for number, outcome in enumerate(self.shown.outcomes[: self.periods.rowCount()]):
            if isinstance(outcome, PeriodActual):
                self._set_cell(number, 4, f"{outcome.credited:,}", True)
            elif outcome is None:
                self._set_cell(number, 4, "…", True, tr("Calculating…"))
            else:
                self._set_cell(number, 4, "—", True, str(outcome))
        if self.shown.pending:
            self._more.start()  # the rest after the events waiting now (keystrokes, paints)
        else:
            self.periods.resizeColumnToContents(4)
        self.comparison.set_figures(self.shown)
        self._show_period_figures()

    def _show_period_figures(self) -> None:
        number = self.current_period()
        outcomes = self.shown.outcomes
        if not 0 <= number < len(outcomes):
            text = tr(self.shown.message) if self.shown.message else ""
        else:
            text = period_figures_text(outcomes[number], self.shown.message)
        self.period_editor.figures.setText(text)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        from jcm_pdd.gui.mainwindow import MainWindow

        super().showEvent(event)
        if self._figures_stale:
            self._more.start()
        window = self.window()
        if isinstance(window, MainWindow) and not self._listening:
            window.diagnostics_updated.connect(self.update_diagnostics)
            self._listening = True
        self.update_diagnostics()

    def update_diagnostics(self) -> None:
        """The periods' share of the window's diagnostics: ``checks.run_checks`` includes them,
        and the window makes them once typing pauses, in the interface language."""
        from jcm_pdd.gui.mainwindow import MainWindow

        window = self.window()
        found = window.diag_panel.diagnostics if isinstance(window, MainWindow) else []
        self.all_diagnostics = [d for d in found if period_of_path(d.path) is not None]
        errors: dict[int, int] = {}
        for d in self.all_diagnostics:
            number = period_of_path(d.path)
            if number is not None and d.severity == "error":
                errors[number] = errors.get(number, 0) + 1
        self._errors = errors
        for number in range(self.periods.rowCount()):
            self._fill_period_row(number)  # its number carries the mark
        self.periods.resizeColumnToContents(0)
        self._show_period_diagnostics()

    def _show_period_diagnostics(self) -> None:
        """The chosen period's problems marked at their values; the count of every period's."""
        number = self.current_period()
        shown = [d for d in self.all_diagnostics if period_of_path(d.path) == number]
        self.values.set_problems({d.path: d.message for d in shown if d.severity != "info"})
        errors = sum(d.severity == "error" for d in self.all_diagnostics)
        warnings = sum(d.severity == "warning" for d in self.all_diagnostics)
        self.diagnostics_note.setText(
            tr(
                "Monitoring periods. Errors: {0}, warnings: {1} (listed under Diagnostics; "
                "double-click one to go to its value)."
            ).format(errors, warnings)
            if errors or warnings
            else tr("Monitoring periods: no problems found.")
        )

    def focus_path(self, path: str) -> bool:
        """Show the field at model path ``path`` (a diagnostic, a finding, the find bar)."""
        number = period_of_path(path)
        if number is None or number >= self.project_periods:
            return False
        if number != self.current_period():
            self.select_period(number)
        parts = path.split(".")
        if len(parts) > 3 and parts[3] == "values":
            self.tabs.setCurrentWidget(self.values)
            self.values.focus_path(path)
        else:
            self.tabs.setCurrentWidget(self.period_editor)
            self.period_editor.focus_path(path)
        return True


def add_period_to(controller: DocumentController) -> None:
    """A new period after the last one (one undo step)."""
    project = controller.session.project
    controller.insert_row("monitoring.periods", None, new_period(project))


def export_report_from(parent: QWidget, controller: DocumentController, period: int) -> QWidget:
    from jcm_pdd.gui.monitoring_export import MonitoringExportDialog

    dialog = MonitoringExportDialog(controller.session, parent, period)
    dialog.open()
    return dialog
