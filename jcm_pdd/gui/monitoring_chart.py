"""The actual-vs-estimated bar chart (QtCharts): per calendar year the C.3 estimate and the
actual ER of the monitoring periods, in whole tCO2e (imported only by ``monitoring_figures``)."""

from __future__ import annotations

from PySide6.QtCharts import QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPainter

from jcm_pdd.gui.chart import year_axis
from jcm_pdd.gui.theme import is_dark
from jcm_pdd.monitoring import Comparison


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


class ComparisonChart(QChartView):
    def __init__(self) -> None:
        super().__init__()
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(200)
        self.setAccessibleName(tr("Actual vs estimated chart"))
        self._key: tuple[object, ...] = ()
        self.setChart(QChart())

    def set_comparison(self, comparison: Comparison) -> None:
        """Bars of the years that have a monitoring period (a project's twenty years of C.3
        would leave them as slivers); the table beside it lists every year."""
        years = [y for y in comparison.years if y.monitored_days] or comparison.years
        key = tuple((y.year, y.estimated_er, y.actual_er) for y in years)
        if key == self._key:
            return
        self._key = key
        old = self.chart()
        # a fresh chart per change (as chart.YearChart: stale axis labels otherwise)
        chart = QChart()
        theme = QChart.ChartTheme
        chart.setTheme(theme.ChartThemeDark if is_dark() else theme.ChartThemeLight)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        estimated, actual = QBarSet(tr("Estimated (C.3)")), QBarSet(tr("Actual"))
        top = 0.0
        for year in years:
            # floats only to draw bars; the table beside it shows the integers
            values = (float(year.estimated_er or 0), float(year.actual_er or 0))
            estimated.append(values[0])
            actual.append(values[1])
            top = max(top, *values)
        series = QBarSeries()
        series.append(estimated)
        series.append(actual)
        chart.addSeries(series)
        axis_x = year_axis([y.year for y in years])
        axis_y = QValueAxis()
        axis_y.setRange(0, top * 1.1 if top > 0 else 1)
        axis_y.applyNiceNumbers()
        axis_y.setLabelFormat("%.0f")
        axis_y.setTitleText("tCO2e")
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_x)
        series.attachAxis(axis_y)
        self.setChart(chart)
        old.deleteLater()

    def bar_values(self) -> list[tuple[str, list[float]]]:
        """(series name, bar heights) as drawn: what a test compares with the table."""
        out = []
        for series in self.chart().series():
            assert isinstance(series, QBarSeries)
            for bar_set in series.barSets():
                out.append((bar_set.label(), [bar_set.at(n) for n in range(bar_set.count())]))
        return out
