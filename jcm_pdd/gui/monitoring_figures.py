"""Actual vs estimated: per calendar year the C.3 estimate beside the actual ER of the periods
(a period crossing a year shared by days), the totals, and a bar chart of both; and the figures
of one period in words (RE_p, PE_p, ER_p exact to four places, the credited ER rounded down).

The figures are ``monitoring.compare``'s; nothing here adds up or rounds. QtCharts is loaded
when the first comparison with years is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from jcm_pdd.errors import UserError
from jcm_pdd.gui.widgets import read_only_item, reading_table
from jcm_pdd.methodology.fmt import format_fraction
from jcm_pdd.monitoring import Comparison, PeriodActual
from jcm_pdd.session.monitoring import PeriodFigures


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


def _whole(value: int | None) -> str:
    return "—" if value is None else f"{value:,}"


def period_figures_text(outcome: PeriodActual | UserError | None, message: str = "") -> str:
    """RE_p, PE_p, ER_p and the credited ER of one period, in words (``None``: not calculated
    yet, or ``message`` says why nothing can be)."""
    if outcome is None:
        return tr(message) if message else tr("Calculating…")
    if isinstance(outcome, UserError):
        return tr("No figures yet: {0}").format(outcome.message)
    result = outcome.result
    text = tr(
        "{0} days. RE_p {1} tCO2e, PE_p {2} tCO2e, ER_p {3} tCO2e; credited {4} tCO2e "
        "(rounded down)."
    ).format(
        outcome.days,
        format_fraction(result.re, 4),
        format_fraction(result.pe, 4),
        format_fraction(result.er, 4),
        f"{outcome.credited:,}",
    )
    if len(outcome.years) > 1:
        shares = "; ".join(
            tr("{0}: {1} days, ER {2}").format(s.year, s.days, format_fraction(s.er, 4))
            for s in outcome.years
        )
        text += " " + tr("Shared between the years by days: {0}.").format(shares)
    return text


class ComparisonView(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.comparison: Comparison | None = None
        self.totals = QLabel()
        self.totals.setWordWrap(True)
        self.note = QLabel(
            tr(
                "Whole tCO2e. A year's actual ER is the sum of the periods' shares of it (a "
                "period crossing a year is shared by days), rounded like a row of C.3; the "
                "credited total is the sum of each period's ER rounded down."
            )
        )
        self.note.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        reading_table(self.table)
        self.table.setAccessibleName(tr("Actual vs estimated emission reductions per year"))
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setHorizontalHeaderLabels(
            [
                tr("Year"),
                tr("Estimated ER (C.3)"),
                tr("Actual ER"),
                tr("Difference"),
                tr("Monitored days"),
            ]
        )
        self.chart: QWidget | None = None
        # the table and the chart share the height; the person drags the line between them
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.addWidget(self.table)
        self.split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.totals)
        layout.addWidget(self.split, 1)
        layout.addWidget(self.note)

    def set_figures(self, figures: PeriodFigures) -> None:
        comparison = self.comparison = figures.comparison
        if comparison is None:
            self.table.setRowCount(0)
            if figures.pending:
                text = tr("Calculating… {0} of {1} periods done.").format(
                    len(figures.outcomes) - figures.pending, len(figures.outcomes)
                )
            else:
                text = tr(figures.message) if figures.message else tr("No figures yet.")
            self.totals.setText(text)
            if self.chart is not None:
                self.chart.setVisible(False)
            return
        failed = sum(isinstance(o, UserError) for o in figures.outcomes)
        self.table.setRowCount(len(comparison.years) + 1)
        rows: list[tuple[str, int | None, int | None, str, str]] = []
        for year in comparison.years:
            operated = figures.operation_days.get(year.year, 0)
            partly = 0 < year.monitored_days < operated
            tip = (
                tr("Monitored {0} of the {1} days of {2}: no difference is shown").format(
                    year.monitored_days, operated, year.year
                )
                if partly
                else ""
            )
            estimated = year.estimated_er
            rows.append((str(year.year), estimated, year.actual_er, str(year.monitored_days), tip))
        monitored = sum(year.monitored_days for year in comparison.years)
        # the total: C.3's, and the sum of each period's credited ER (credits are per period)
        rows.append(
            (
                tr("Total"),
                comparison.estimated_total,
                comparison.credited_total,
                str(monitored),
                tr("C.3 covers every year; the periods only the days they monitor"),
            )
        )
        for row, (label, estimated, actual, days, tip) in enumerate(rows):
            whole_years = not tip
            difference = (
                None
                if actual is None or estimated is None or not whole_years
                else actual - estimated
            )
            texts = (
                label,
                _whole(estimated),
                _whole(actual),
                "—" if difference is None else f"{difference:+,}",
                days,
            )
            for column, text in enumerate(texts):
                item = read_only_item(text, right=True)
                item.setToolTip(tip)
                if row == len(rows) - 1:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, column, item)
        text = tr(
            "Estimated (C.3) in total: {0} tCO2e. Credited in the monitoring periods: {1} tCO2e "
            "({2} of {3} periods calculated)."
        ).format(
            f"{comparison.estimated_total:,}",
            f"{comparison.credited_total:,}",
            len(figures.outcomes) - failed,
            len(figures.outcomes),
        )
        self.totals.setText(text)
        self._update_chart(comparison)

    def _update_chart(self, comparison: Comparison) -> None:
        from jcm_pdd.gui.monitoring_chart import ComparisonChart  # QtCharts only when needed

        if self.chart is None:
            self.chart = ComparisonChart()
            self.split.addWidget(self.chart)
        assert isinstance(self.chart, ComparisonChart)
        self.chart.set_comparison(comparison)
        self.chart.setVisible(bool(comparison.years))
