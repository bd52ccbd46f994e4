"""The C.3 panel in a short window: nothing in it overlaps, and "Show calculation…" stays in
view. A wrapped text (the methodology caveat, the acknowledgement, the totals) takes the lines
its width needs, and the chart, a picture of the table, gives way when there is no room for
it and comes back when there is. A fresh project on a reconstructed methodology, completed
in the app (``journey``), in English and Japanese."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from journey import Journey
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from screens import keep_screenshot

from jcm_pdd.gui.calc_panel import CalcPanel
from jcm_pdd.gui.i18n import install_language

TEMPLATE = "JCM_ID_AM026_ver01.0"  # reconstructed: the caveat and the acknowledgement show


@pytest.fixture(params=["en", "ja"])
def language(request: pytest.FixtureRequest, window) -> Iterator[str]:
    install_language(request.param)
    window.retranslate()
    yield request.param
    install_language("en")


def _stacked(panel: CalcPanel) -> list[tuple[str, int, int]]:
    """The panel's visible parts from top to bottom: (name, top, bottom) in the panel."""
    parts: list[QWidget] = [
        panel.methodology,
        panel.acknowledge_row,
        panel.totals,
        panel.message,
        panel.provenance,
        panel.table,
    ]
    if panel.chart_view is not None:
        parts.append(panel.chart_view)
    parts.append(panel.show_button)
    found = []
    for part in parts:
        if part.isVisible():
            top = part.mapTo(panel, part.rect().topLeft()).y()
            found.append((part.accessibleName() or type(part).__name__, top, top + part.height()))
    return found


def _assert_nothing_overlaps(panel: CalcPanel) -> None:
    parts = _stacked(panel)
    for (name, _, bottom), (below, top, _) in zip(parts, parts[1:], strict=False):
        assert bottom <= top, f"{name} overlaps {below}: {parts}"
    assert parts[-1][2] <= panel.height(), f"cut at the panel's foot: {parts}"


def _settle(window) -> None:
    """What a person sees a moment later: the figures and the check (its problems listed in
    the diagnostics dock below, which takes its height from the window) done."""
    from jcm_pdd.gui.controller import CHECK_DELAY_MS

    QTest.qWait(CHECK_DELAY_MS + 100)
    window.wait_for_checks()
    window.recalculate()
    QApplication.processEvents()
    QTest.qWait(50)


def test_nothing_overlaps_the_show_calculation_button(window, qtbot, tmp_path, language) -> None:
    panel = window.calc_panel
    window.resize(1366, 768)
    journey = Journey(window, qtbot, tmp_path)
    journey.create_through_wizard(TEMPLATE, "ID")
    _settle(window)
    assert window.diag_panel.error_count() > 0
    _assert_nothing_overlaps(panel)
    window.resize(1366, 300)  # as short as the window lets itself be made
    _settle(window)
    assert panel.methodology.isVisible() and panel.message.isVisible()
    _assert_nothing_overlaps(panel)  # the empty table stood over the button here
    keep_screenshot(window, f"c3-short-fresh-{language}.png")

    journey.follow_figures_link()
    journey.fill_every_error()
    window.resize(1366, 768)
    _settle(window)
    assert panel.figures.rows and panel.chart_view is not None
    assert panel.chart_view.isVisible(), "a laptop window has room for the chart"
    _assert_nothing_overlaps(panel)  # the button was cut under the chart at 1366x768
    keep_screenshot(window, f"c3-laptop-figures-{language}.png")

    window.resize(1366, 300)
    _settle(window)
    assert not panel.chart_view.isVisible(), "no room: the chart gives way"
    _assert_nothing_overlaps(panel)
    keep_screenshot(window, f"c3-short-figures-{language}.png")

    window.resize(1366, 900)
    _settle(window)
    assert panel.chart_view.isVisible(), "room again: the chart is back"
    _assert_nothing_overlaps(panel)


def test_the_texts_take_back_their_lines_when_the_panel_widens(
    window, qtbot, tmp_path, language
) -> None:
    """A wrapped text asks for the lines its width needs, both ways: narrowed, the caveat takes
    more lines; widened again, it gives them back (QLabel answers heightForWidth with at least
    its minimum height, so the height once asked for stayed, as blank lines)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDockWidget

    window.resize(1366, 900)
    Journey(window, qtbot, tmp_path).create_through_wizard(TEMPLATE, "ID")
    _settle(window)
    panel = window.calc_panel
    dock = next(d for d in window.findChildren(QDockWidget) if d.widget() is panel)
    heights = []
    for width in (420, 220, 420):
        window.resizeDocks([dock], [width], Qt.Orientation.Horizontal)  # the splitter dragged
        _settle(window)
        heights.append(panel.methodology.height())
        _assert_nothing_overlaps(panel)
    wide, narrow, wide_again = heights
    assert narrow > wide, heights
    assert wide_again == wide, heights
