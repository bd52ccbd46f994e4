"""Driving the real main window: generated editors, typing, undo/redo, diagnostics, save/reopen."""

from __future__ import annotations

import datetime as dt
import time
from decimal import Decimal
from pathlib import Path

import pytest
from drive import commit_cell, open_cell_editor
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

from jcm_pdd.gui.mainwindow import MainWindow
from jcm_pdd.gui.section_editor import SectionEditor
from jcm_pdd.session import io as session_io
from jcm_pdd.storage import load_project


def _page(window: MainWindow, path: str) -> SectionEditor:
    assert window.view is not None
    section = window.view.section_of_path(path)
    assert section is not None, path
    page = window.view.show_section(section)
    assert isinstance(page, SectionEditor)
    return page


def _editor(window: MainWindow, path: str) -> QLineEdit:
    binding = _page(window, path).binding(path)
    assert binding is not None
    return binding.editor


def test_open_shows_document_and_every_section_builds(window, project_file: Path) -> None:
    assert window.open_path(project_file)
    assert window.view is not None
    assert "solar.jcmpdd" in window.windowTitle()
    for section in window.view.sections:
        window.view.show_section(section.id)  # every generated page builds without error
    assert _editor(window, "pdd.title").text() == "Rooftop solar PV in Ulaanbaatar"


def test_typing_merges_into_one_undo_step_and_undo_redo(window, project_file, qtbot) -> None:
    window.open_path(project_file)
    edit = _editor(window, "pdd.title")
    edit.clear()
    assert window.session.is_dirty
    qtbot.keyClicks(edit, "Solar")
    assert window.session.project.pdd.title == "Solar"
    assert window.windowTitle().startswith("*")
    stack = window.controller.stack
    assert stack.count() == 1  # clearing and typing in one field within seconds: one step
    window.act_undo.trigger()
    assert window.session.project.pdd.title == "Rooftop solar PV in Ulaanbaatar"
    assert edit.text() == "Rooftop solar PV in Ulaanbaatar"
    assert not window.session.is_dirty and not window.windowTitle().startswith("*")
    window.act_redo.trigger()
    assert edit.text() == "Solar" and window.session.project.pdd.title == "Solar"
    later = time.monotonic() + 10  # a pause before the next word: it becomes its own step
    window.session._clock = lambda: later
    qtbot.keyClicks(edit, " PV")
    assert stack.count() == 2
    window.act_undo.trigger()
    assert edit.text() == "Solar"


def test_invalid_number_is_marked_not_written(window, project_file, qtbot) -> None:
    window.open_path(project_file)
    edit = _editor(window, "pdd.duration.operational_lifetime_years")
    edit.clear()
    qtbot.keyClicks(edit, "abc")
    assert edit.property("invalid") is True
    assert window.session.project.pdd.duration.operational_lifetime_years is None
    edit.clear()
    qtbot.keyClicks(edit, "17")
    assert window.session.project.pdd.duration.operational_lifetime_years == 17
    assert edit.property("invalid") is False


def test_full_width_digits_and_a_pasted_minus_read_as_the_number_shown(
    window, project_file, qtbot
) -> None:
    """A Japanese input method in full-width mode types １７; a figure copied from a PDF
    carries the minus sign −: both are the number the user sees. (QTest types ASCII keys only;
    an input method hands the widget its text in one event, as here.)"""
    window.open_path(project_file)
    edit = _editor(window, "pdd.duration.operational_lifetime_years")
    edit.clear()
    edit.setFocus()
    typed = QInputMethodEvent()  # an input method commits its text, no key presses
    typed.setCommitString("\uff11\uff17")  # １７
    QApplication.sendEvent(edit, typed)
    assert edit.property("invalid") is False
    assert window.session.project.pdd.duration.operational_lifetime_years == 17
    # a date typed in the same mode: ２０２７－０１－１５ and １５／０１／２０２７
    date = _editor(window, "pdd.duration.start_date")
    for text in (
        "\uff12\uff10\uff12\uff17\uff0d\uff10\uff11\uff0d\uff11\uff15",
        "\uff11\uff15\uff0f\uff10\uff11\uff0f\uff12\uff10\uff12\uff17",
    ):
        date.clear()
        date.setFocus()
        typed = QInputMethodEvent()
        typed.setCommitString(text)
        QApplication.sendEvent(date, typed)
        assert date.property("invalid") is False, text
        assert window.session.project.pdd.duration.start_date == dt.date(2027, 1, 15)
    # the same in a table cell: its editor opened by a double-click, the text committed by
    # the input method, then Enter
    table = next(t for t in _page(window, "pdd.sites").tables if t.path == "pdd.sites")
    column = next(i for i, (c, d) in enumerate(table._cols) if c.path == "latitude" and not d)
    cell = open_cell_editor(table.table, 0, column)
    assert isinstance(cell, QLineEdit)
    qtbot.keyClick(cell, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # over the old
    typed = QInputMethodEvent()
    typed.setCommitString("\u2212\uff14\uff17\uff0e\uff19")  # −４７．９
    QApplication.sendEvent(cell, typed)
    commit_cell(cell)
    assert window.session.project.pdd.sites[0].latitude == Decimal("-47.9")
    assert table.table.item(0, column).text().startswith("-47.9")  # shown as it was read


def test_table_rows_add_edit_remove_with_undo(window, project_file) -> None:
    window.open_path(project_file)
    page = _page(window, "pdd.sites")
    table = next(t for t in page.tables if t.path == "pdd.sites")
    assert table.table.rowCount() == 1
    dms = [table.table.horizontalHeaderItem(c).text() for c in range(table.table.columnCount())]
    assert any("DMS" in h for h in dms)
    assert "47°55'04.8\"N" in [table.table.item(0, c).text() for c in range(len(dms))]
    table.add_button.click()
    assert len(window.session.project.pdd.sites) == 2
    city_col = next(i for i, (c, d) in enumerate(table._cols) if c.path == "city" and not d)
    table.table.item(1, city_col).setText("Darkhan")
    assert window.session.project.pdd.sites[1].city == "Darkhan"
    table.table.setCurrentCell(0, 0)
    table.remove_button.click()
    assert [s.city for s in window.session.project.pdd.sites] == ["Darkhan"]
    window.act_undo.trigger()
    assert [s.city for s in window.session.project.pdd.sites] == ["Ulaanbaatar", "Darkhan"]
    assert table.table.rowCount() == 2


def test_diagnostics_double_click_goes_to_field(window, project_file, qtbot) -> None:
    window.open_path(project_file)
    tree = window.diag_panel.tree
    qtbot.waitUntil(lambda: tree.topLevelItemCount() > 0)  # diagnostics follow the opening
    target = None
    for i in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(i)
        if window.diag_panel.path_at(i) == "pdd.description":
            target = item
    assert target is not None, "a missing description is reported"
    # the field is named as the form labels it, not by its model path
    assert target.text(2).startswith("A.2 General description"), target.text(2)
    window.resize(1400, 1000)
    tree.scrollToItem(target)
    qtbot.wait(50)
    rect = tree.visualItemRect(target)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    page = window.view.current_page()
    assert isinstance(page, SectionEditor), page
    assert page.section.id == window.view.section_of_path("pdd.description")
    binding = page.binding("pdd.description")
    assert binding is not None and binding.editor.hasFocus()
    # fixing it removes the diagnostic
    qtbot.keyClicks(binding.editor, "A solar PV project.")
    qtbot.waitUntil(
        lambda: (
            "pdd.description"
            not in [window.diag_panel.path_at(i) for i in range(tree.topLevelItemCount())]
        )
    )


def test_save_then_reopen_gives_an_equal_project(
    window, project_file, qtbot, tmp_path, monkeypatch
) -> None:
    window.open_path(project_file)
    edit = _editor(window, "pdd.duration.start_date")
    edit.clear()
    qtbot.keyClicks(edit, "2027-01-15")
    target = tmp_path / "saved as.jcmpdd"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    assert window.save_as()
    assert not window.session.is_dirty
    expected = window.session.project.model_dump()
    assert load_project(target).project.model_dump() == expected
    assert str(target.resolve()) == window.prefs.recent_files[0]
    assert window.close_document()
    assert window.open_path(target)
    assert window.session.project.model_dump() == expected
    # shown as the forms write dates, whichever way it was typed
    assert _editor(window, "pdd.duration.start_date").text() == "15/01/2027"


def test_close_with_unsaved_changes_asks_and_cancel_keeps_document(
    window, project_file, answers, qtbot
) -> None:
    from PySide6.QtWidgets import QMessageBox

    window.open_path(project_file)
    qtbot.keyClicks(_editor(window, "pdd.title"), "!")
    answers["question"] = QMessageBox.StandardButton.Cancel
    assert not window.close_document()
    assert window.session is not None and answers["asked"]
    answers["question"] = QMessageBox.StandardButton.Discard
    assert window.close_document()
    assert window.session is None
    assert load_project(project_file).project.pdd.title == "Rooftop solar PV in Ulaanbaatar"


def test_autosave_writes_recovery_only_while_dirty(window, project_file, qtbot) -> None:
    window.open_path(project_file)
    assert not window.autosave_tick()  # clean: nothing written
    qtbot.keyClicks(_editor(window, "pdd.title"), " v2")
    with qtbot.waitSignal(window.autosaver.written, timeout=30000):  # a background job
        assert window.autosave_tick()
    pending = session_io.pending_recoveries()
    assert len(pending) == 1 and pending[0].original == project_file.resolve()
    assert not window.autosave_tick()  # no new change since the copy
    assert window.save()
    assert session_io.pending_recoveries() == []  # a real save drops the recovery copy


@pytest.mark.parametrize("units", [2])
def test_figures_follow_typing(window, qtbot, units) -> None:
    from tests.gui.conftest import filled_project

    window.set_session(session_io.new_document(filled_project(units)))
    before = window.calc_panel.figures.c3
    page = _page(window, "monitoring_plan.monitored")
    table = next(t for t in page.tables if t.path == "monitoring_plan.monitored")
    col = next(i for i, (c, d) in enumerate(table._cols) if c.path == "estimated_value")
    with qtbot.waitSignal(window.figures_updated):
        table.table.item(0, col).setText("2500")
    assert window.calc_panel.figures.c3 != before


def test_dates_accept_the_forms_day_first_style(window, project_file, qtbot) -> None:
    import datetime as dt

    window.open_path(project_file)
    edit = _editor(window, "pdd.duration.start_date")
    edit.clear()
    qtbot.keyClicks(edit, "15/01/2027")
    assert window.session.project.pdd.duration.start_date == dt.date(2027, 1, 15)
    edit.clear()
    qtbot.keyClicks(edit, "2027-13-01")
    assert edit.property("invalid") is True
