"""The RE/PE/ER bar chart per year (QtCharts), imported lazily by the calculation panel."""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QCursor, QPainter
from PySide6.QtWidgets import QToolTip

from jcm_pdd.gui.theme import is_dark
from jcm_pdd.methodology.c3 import C3Row


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


def year_axis(years: list[int]) -> QBarCategoryAxis | QCategoryAxis:
    """The years under the bars: each year where they fit, else every few years at its bar
    (a side panel has no room for eighteen labels, and elided labels read as dots)."""
    if len(years) <= 8:
        axis = QBarCategoryAxis()
        axis.append([str(y) for y in years])
        return axis
    step = max(2, -(-len(years) // 5))  # at most five labels: each fits its span
    labelled = QCategoryAxis()
    labelled.setRange(-0.5, len(years) - 0.5)
    labelled.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionCenter)
    for n in range(0, len(years), step):
        end = min(n + step, len(years)) - 0.5
        labelled.append(str(years[n]), end)  # the span's first year, under its bars
    return labelled


class YearChart(QChartView):
    def __init__(self) -> None:
        super().__init__()
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(200)
        self.setAccessibleName(tr("Emissions per year chart"))
        self._chart = QChart()
        self._chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self._chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.setChart(self._chart)
        self._key: tuple[object, ...] = ()
        self._years: tuple[C3Row, ...] = ()

    def value_text(self, bar_set: QBarSet, index: int) -> str:
        """What hovering a bar shows: its year, series and value in whole tCO2e."""
        year = self._years[index].year if 0 <= index < len(self._years) else ""
        return f"{year} {bar_set.label()}: {bar_set.at(index):,.0f} tCO2e"

    def _hovered(self, status: bool, index: int, bar_set: QBarSet) -> None:
        if status:
            QToolTip.showText(QCursor.pos(), self.value_text(bar_set, index), self)
        else:
            QToolTip.hideText()

    def retranslate(self) -> None:
        """Series names in the language just installed."""
        self.setAccessibleName(tr("Emissions per year chart"))
        years, self._years = self._years, ()
        self._key = ()
        self.set_years(years)

    def set_years(self, years: tuple[C3Row, ...]) -> None:
        """Bars of the C.3 rows as the table shows them (whole tCO2e)."""
        key = tuple(years)
        if key == self._key:
            return
        self._key = key
        self._years = years
        # A fresh chart per change: removing axes from a live QChart left stale axis labels
        # drawn over the new ones.
        old = self._chart
        chart = self._chart = QChart()
        # The chart draws its own background: follow the window's light or dark palette.
        theme = QChart.ChartTheme
        chart.setTheme(theme.ChartThemeDark if is_dark() else theme.ChartThemeLight)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        series = QBarSeries()
        sets = [QBarSet(tr("RE")), QBarSet(tr("PE")), QBarSet(tr("ER"))]
        top = 0.0
        for y in years:
            # floats only for drawing bars; every figure shown as text is the C.3 integer
            values = (
                float(y.reference_emissions),
                float(y.project_emissions),
                float(y.emission_reductions),
            )
            for bar_set, value in zip(sets, values, strict=True):
                bar_set.append(value)
            top = max(top, *values)
        for bar_set in sets:
            series.append(bar_set)
        chart.addSeries(series)
        axis_x = year_axis([y.year for y in years])
        axis_y = QValueAxis()
        axis_y.setRange(0, top * 1.1 if top > 0 else 1)
        axis_y.applyNiceNumbers()  # round ticks (0, 500, 1,000 ...), not 970 and 1939
        axis_y.setLabelFormat("%.0f")
        axis_y.setTitleText("tCO2e")
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_x)
        series.attachAxis(axis_y)
        series.hovered.connect(self._hovered)
        self.setChart(chart)
        old.deleteLater()
