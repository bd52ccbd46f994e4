"""The C.3 chart a person reads: every year labelled on the axis, round ticks, and the value
of a bar under the pointer."""

from __future__ import annotations

from PySide6.QtCharts import QBarSeries, QCategoryAxis, QValueAxis
from PySide6.QtCore import Qt
from screens import keep_screenshot

from jcm_pdd.paths import sample_project_path


def test_the_chart_labels_years_rounds_ticks_and_shows_values_on_hover(window, qtbot) -> None:
    window.resize(1366, 768)
    assert window.open_path(sample_project_path())
    qtbot.waitUntil(lambda: window.calc_panel.chart_view is not None, timeout=10000)
    view = window.calc_panel.chart_view
    chart = view.chart()
    axis_x = next(a for a in chart.axes(Qt.Orientation.Horizontal))
    axis_y = next(a for a in chart.axes(Qt.Orientation.Vertical))
    assert isinstance(axis_x, QCategoryAxis) and isinstance(axis_y, QValueAxis)
    rows = window.calc_panel.figures.rows
    assert len(rows) > 8 and axis_x.labelsVisible()
    labels = axis_x.categoriesLabels()
    # every few years labelled under their bars, in order from the first: 2027, 2031 …
    assert labels[0] == str(rows[0].year) and 3 <= len(labels) <= 5
    assert [int(x) for x in labels] == sorted(int(x) for x in labels)
    step = (axis_y.max() - axis_y.min()) / (axis_y.tickCount() - 1)
    assert step == round(step) and int(step) % 100 == 0, step  # e.g. 0, 500, 1,000
    # only as many labels as fit the panel's chart (more were drawn as dots)
    across, up = view.label_room()
    assert len(labels) <= across and axis_y.tickCount() - 1 <= up
    series = next(s for s in chart.series() if isinstance(s, QBarSeries))
    er = series.barSets()[2]
    assert view.value_text(er, 1) == f"{rows[1].year} ER: {rows[1].emission_reductions:,} tCO2e"
    # hovering a bar shows that text (the pointer over a bar a few pixels wide was not
    # reliable offscreen after other tests, so the wiring is checked instead)
    hovered = series.metaObject().method(
        series.metaObject().indexOfSignal("hovered(bool,int,QBarSet*)")
    )
    assert series.isSignalConnected(hovered)
    keep_screenshot(window, "c3_chart.png")


def test_the_c3_table_shows_the_days_of_a_part_year(window, qtbot) -> None:
    assert window.open_path(sample_project_path())
    qtbot.waitUntil(lambda: bool(window.calc_panel.figures.rows), timeout=10000)
    grid = window.calc_panel.table
    assert grid.horizontalHeaderItem(1).text() == "Days"
    rows = window.calc_panel.figures.rows
    shown = [int(grid.item(r, 1).text()) for r in range(grid.rowCount())]
    assert shown == [r.days for r in rows]
    assert shown[0] < rows[0].days_in_year  # the sample starts mid-year: pro-rated


def test_a_short_chart_keeps_readable_labels(qtbot) -> None:
    """A chart squeezed to its minimum height takes fewer, rounder ticks (the labels of six
    ticks in 90 pixels were elided to dots), and more when it grows again."""
    from jcm_pdd.gui.chart import YearChart
    from jcm_pdd.methodology.c3 import C3Row

    view = YearChart()
    qtbot.addWidget(view)
    view.resize(300, 200)
    view.show()
    qtbot.waitExposed(view)
    view.set_years(tuple(C3Row(2026 + n, 365, 365, 419, 0, 418) for n in range(10)))
    axis_y = next(a for a in view.chart().axes(Qt.Orientation.Vertical))
    short = axis_y.tickCount()
    assert 2 <= short <= 4 and axis_y.max() >= 419
    axis_x = next(a for a in view.chart().axes(Qt.Orientation.Horizontal))
    assert len(axis_x.categoriesLabels()) <= view.label_room()[0] < 10
    view.resize(300, 420)
    qtbot.waitUntil(lambda: view.label_room()[1] > short - 1)
    axis_y = next(a for a in view.chart().axes(Qt.Orientation.Vertical))
    assert axis_y.tickCount() > short and axis_y.max() >= 419


def test_on_a_laptop_the_c3_table_shows_four_years_above_the_chart(
    qtbot, answers, project_file
) -> None:
    """1366x768 in Japanese, the methodology caveat above the figures and the diagnostics
    listing problems below: the years (the figures themselves) keep four rows in view; the
    chart takes what is left."""
    from jcm_pdd.gui.i18n import install_language
    from jcm_pdd.gui.mainwindow import MainWindow
    from jcm_pdd.gui.preferences import Preferences

    install_language("ja")
    try:
        window = MainWindow(Preferences(language="ja"))
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        assert window.open_path(project_file)
        panel = window.calc_panel
        qtbot.waitUntil(lambda: panel.chart_view is not None, timeout=10000)
        qtbot.waitUntil(lambda: window.diag_panel.error_count() > 0, timeout=10000)
        qtbot.wait(50)
        table, viewport = panel.table, panel.table.viewport().rect()
        shown = [
            r
            for r in range(table.rowCount())
            if viewport.contains(table.visualRect(table.model().index(r, 0)))
        ]
        assert len(shown) >= 4, (len(shown), table.height())
        assert panel.chart_view.isVisible() and panel.chart_view.height() >= 180
        keep_screenshot(window, "c3_table_laptop_ja.png")
        assert window.close_document()
    finally:
        install_language("en")
