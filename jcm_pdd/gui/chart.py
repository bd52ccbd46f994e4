"""The RE/PE/ER bar chart per year (QtCharts), imported lazily by the calculation panel."""

from __future__ import annotations

import math

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
from PySide6.QtGui import QCursor, QPainter, QResizeEvent
from PySide6.QtWidgets import QToolTip

from jcm_pdd.gui.theme import is_dark
from jcm_pdd.methodology.c3 import C3Row


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


def nice_interval(top: float, intervals: int) -> int:
    """A round tick interval (1, 2 or 5 times a power of ten) that covers ``top`` in at most
    ``intervals`` steps."""
    raw = max(top, 1.0) / max(1, intervals)
    magnitude: int = 10 ** max(0, math.floor(math.log10(raw)))
    return next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)


def year_axis(years: list[int], room: int = 5) -> QBarCategoryAxis | QCategoryAxis:
    """The years under the bars: each year where they fit, else every few years at its bar,
    at most ``room`` labels (a side panel has no room for eighteen labels, and elided labels
    read as dots)."""
    room = max(1, room)
    if len(years) <= min(8, room):
        axis = QBarCategoryAxis()
        axis.append([str(y) for y in years])
        return axis
    step = max(2, -(-len(years) // room))  # each label fits its span
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
        self.setMinimumHeight(180)  # (the C.3 table above keeps four years on a laptop)
        self.setAccessibleName(tr("Emissions per year chart"))
        # A picture of the C.3 table beside it: Tab goes to the table, which a screen reader
        # reads figure by figure, rather than stopping on a chart that shows no focus.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.viewport().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._chart = QChart()
        self._chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self._chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.setChart(self._chart)
        self._key: tuple[object, ...] = ()
        self._years: tuple[C3Row, ...] = ()
        self._room = self.label_room()

    def label_room(self) -> tuple[int, int]:
        """How many year labels fit across, and how many tick steps up, at the view's size
        (labels that do not fit are drawn as dots)."""
        metrics = self.fontMetrics()
        across = (self.width() - 90) // (metrics.horizontalAdvance("2026") + 24)
        up = (self.height() - 110) // (2 * metrics.lineSpacing())
        return max(1, min(8, across)), max(1, min(5, up))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        room = self.label_room()
        if room != self._room and self._years:
            self._room = room
            self._key = ()  # the axes again, with as many labels as now fit
            self.set_years(self._years)

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
        self._room = self.label_room()
        key = (*years, self._room)
        if key == self._key:
            return
        self._key = key
        self._years = years
        self.setAccessibleDescription(
            tr(
                "Reference emissions (RE), project emissions (PE) and emission reductions (ER) "
                "per year, {0}–{1}, in tCO2e: the figures of the table above"
            ).format(years[0].year, years[-1].year)
            if years
            else ""
        )
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
        across, up = self._room
        axis_x = year_axis([y.year for y in years], across)
        axis_y = QValueAxis()
        # round ticks (0, 500, 1,000 ...), not 970 and 1939, and only as many as fit
        step = nice_interval(top * 1.05, up)
        steps = max(1, math.ceil(top * 1.05 / step))
        axis_y.setRange(0, step * steps)
        axis_y.setTickCount(steps + 1)
        axis_y.setLabelFormat("%.0f")
        axis_y.setTitleText("tCO2e")
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_x)
        series.attachAxis(axis_y)
        series.hovered.connect(self._hovered)
        self.setChart(chart)
        old.deleteLater()
