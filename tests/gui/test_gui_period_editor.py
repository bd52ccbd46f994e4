"""The period editor's calendar (opened by the keyboard or the mouse, a picked day written as
one undo step, Esc changing nothing, no calendar in a read-only file) and its list of
imported files, which wraps long names and hashes instead of cutting them (issue 17)."""

from __future__ import annotations

import datetime as dt

from drive import click, click_tree_item
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolBar
from screens import keep_screenshot

from jcm_pdd.gui.monitoring_page import MONITORING_ID, MonitoringPage
from jcm_pdd.gui.monitoring_period import PeriodEditor
from jcm_pdd.paths import registered_sample_path

D = dt.date


def _editor(window) -> PeriodEditor:
    assert window.open_path(registered_sample_path())
    navigator = window.view.navigator
    click_tree_item(navigator, navigator._items[MONITORING_ID])
    page = window.view.current_page()
    assert isinstance(page, MonitoringPage)
    return page.period_editor


def _key(key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed where the keyboard focus is, as a person presses it."""
    target = QApplication.focusWidget()
    assert target is not None
    QTest.keyClick(target, key, modifier)


def test_a_date_is_picked_from_the_calendar_with_the_keyboard(window, qtbot) -> None:
    editor = _editor(window)
    period = window.session.project.monitoring.periods[0]
    assert period.end == D(2027, 9, 30)
    click(editor.end)
    _key(Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    popup = editor.end_field.popup
    qtbot.waitUntil(popup.isVisible)
    assert popup.calendar.selectedDate().toPython() == D(2027, 9, 30)  # on the typed date
    assert QApplication.focusWidget() is not None and popup.isAncestorOf(QApplication.focusWidget())
    _key(Qt.Key.Key_Down)  # a week later
    _key(Qt.Key.Key_Left)  # and a day back
    _key(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not popup.isVisible())
    assert period.end == D(2027, 10, 6)
    assert editor.end.text() == "06/10/2027" and editor.end.hasFocus()
    toolbar = window.findChild(QToolBar, "mainToolbar")
    click(toolbar.widgetForAction(window.act_undo))  # one undo step
    assert period.end == D(2027, 9, 30)


def test_the_calendar_opens_from_its_button_and_esc_changes_nothing(window, qtbot) -> None:
    editor = _editor(window)
    period = window.session.project.monitoring.periods[0]
    button = editor.start_field.button
    assert button.isVisible() and button.isEnabled()
    click(button)
    popup = editor.start_field.popup
    qtbot.waitUntil(popup.isVisible)
    _key(Qt.Key.Key_Right)
    _key(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not popup.isVisible())
    assert period.start == D(2027, 4, 1) and editor.start.text() == "01/04/2027"
    # F4 opens it as well; a day clicked with the mouse is picked
    click(editor.start)
    _key(Qt.Key.Key_F4)
    qtbot.waitUntil(popup.isVisible)
    _key(Qt.Key.Key_Right)
    _key(Qt.Key.Key_Space)  # Space selects without picking; Enter picks
    assert popup.isVisible() and period.start == D(2027, 4, 1)
    _key(Qt.Key.Key_Enter)
    qtbot.waitUntil(lambda: not popup.isVisible())
    assert period.start == D(2027, 4, 2)


def test_a_read_only_file_offers_no_calendar(window, qtbot) -> None:
    editor = _editor(window)
    editor.set_read_only(True)
    assert not editor.start_field.button.isEnabled()
    click(editor.start)
    _key(Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert not editor.start_field.popup.isVisible()


def test_long_file_names_and_hashes_wrap_instead_of_being_cut(window, qtbot) -> None:
    editor = _editor(window)
    window.resize(1366, 768)
    qtbot.wait(50)
    view = editor.imports
    assert view.count() == 1
    item = view.item(0)
    sha = window.session.project.monitoring.periods[0].imports[0].sha256
    assert sha in item.text() and sha in item.toolTip()
    viewport = view.viewport().width()
    rect = view.visualItemRect(item)
    metrics = QFontMetrics(view.font())
    # every line of the item, each as wide as it is drawn, fits in the rows the item gets:
    # a line wider than the list takes several rows, none runs past the right edge
    rows = sum(
        max(1, -(-metrics.horizontalAdvance(line) // (viewport - 8)))
        for line in item.text().splitlines()
    )
    assert rect.right() <= viewport and rect.height() >= rows * metrics.lineSpacing()
    assert view.horizontalScrollBar().maximum() == 0
    keep_screenshot(window, "period-editor-en.png")
    # narrower: the hash no longer fits on one line and the item grows to hold it
    tall = rect.height()
    window.resize(900, 700)
    qtbot.waitUntil(lambda: view.visualItemRect(item).height() > tall)
    narrow = view.viewport().width()
    assert metrics.horizontalAdvance(f"SHA-256 {sha}") > narrow - 8
    assert view.visualItemRect(item).right() <= narrow


def test_a_values_evidence_shows_its_name_elided_and_every_hash_in_its_tooltip(
    window, qtbot
) -> None:
    from jcm_pdd.gui.monitoring_values import COLUMNS, EVIDENCE_CHARS

    _editor(window)
    page = window.view.current_page()
    bar = page.tabs.tabBar()
    index = next(i for i in range(bar.count()) if bar.tabText(i) == "Monitored values")
    click(bar, bar.tabRect(index).center())
    table = page.values.table
    qtbot.waitUntil(table.isVisible)
    column = next(n for n, c in enumerate(COLUMNS) if c[0] == "evidence")
    cell = table.model().index(0, column)
    name = "mongolia-solar-pv-readings-2027-04-to-2028-03.csv"
    sha = window.session.project.monitoring.periods[0].values[0].evidence[0]
    assert cell.data() == name
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == f"{name}\nSHA-256 {sha}"
    # the name is longer than the column may grow: the column stops, the middle is elided
    widest = table.fontMetrics().averageCharWidth() * EVIDENCE_CHARS
    assert table.fontMetrics().horizontalAdvance(name) > widest
    assert table.columnWidth(column) <= widest
    assert table.textElideMode() == Qt.TextElideMode.ElideMiddle and not table.wordWrap()
