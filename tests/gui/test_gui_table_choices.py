"""Choice columns in tables are drop-downs: static lists (Mr./Ms.), lists narrowed per row by the
methodology (monitoring options), lists supplied per row by it (cases of a default value), and
suggested country names; edited from the keyboard, undone like any edit, and a stored value the
list lacks stays shown (and flagged by the diagnostics) instead of being dropped."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox

from jcm_pdd.gui.cell_delegates import ROLE_VALUE
from jcm_pdd.gui.table_editor import TableEditor
from jcm_pdd.model.moc import ParticipantEntity
from jcm_pdd.model.pdd import Participant
from jcm_pdd.session import io as session_io
from jcm_pdd.session.diagnostics import run_diagnostics
from tests.gui.conftest import filled_project


def _table(window, section_id: str) -> TableEditor:
    page = window.view.show_section(section_id)
    return page.tables[0]


def _open_editor(qtbot, table: TableEditor, row: int, column: int) -> QComboBox:
    """Go to the cell and press F2, as a keyboard user does."""
    table.table.setFocus()
    table.table.setCurrentCell(row, column)
    qtbot.keyClick(table.table, Qt.Key.Key_F2)
    editor = table.table.indexWidget(table.table.model().index(row, column))
    assert isinstance(editor, QComboBox), "the cell is edited through a drop-down"
    return editor


def _items(combo: QComboBox) -> list[tuple[str, str]]:
    return [(combo.itemText(i), str(combo.itemData(i))) for i in range(combo.count())]


def test_monitoring_option_offers_what_the_template_allows_and_undoes(window, qtbot) -> None:
    project = filled_project()
    project.monitoring_plan.monitored[0].option = "A"  # MN_AM003 allows only Option C for EG
    window.set_session(session_io.new_document(project))
    table = _table(window, "MPS:T1")
    column = table.column_of("option")
    path = "monitoring_plan.monitored.0.option"

    cell = table.table.item(0, column)
    assert cell.text() == "A" and cell.data(ROLE_VALUE) == "A", "kept, not dropped"
    assert "not one of the choices" in cell.toolTip()
    assert any(
        d.path == path and d.code == "monitoring.option-not-allowed"
        for d in run_diagnostics(window.session.project)
    ), "the diagnostics flag the value the list lacks"

    combo = _open_editor(qtbot, table, 0, column)
    assert _items(combo) == [("", ""), ("Option C", "C"), ("A (not offered here)", "A")]
    assert combo.currentData() == "A"
    qtbot.keyClick(combo, Qt.Key.Key_Escape)  # looking does not change anything
    assert window.session.project.monitoring_plan.monitored[0].option == "A"
    assert not window.controller.stack.canUndo()

    combo = _open_editor(qtbot, table, 0, column)
    qtbot.keyClick(combo, Qt.Key.Key_Up)  # from "A (not offered here)" up to "Option C"
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    assert window.session.project.monitoring_plan.monitored[0].option == "C"
    assert table.table.item(0, column).text() == "Option C"
    assert table.table.item(0, column).toolTip() == ""

    window.act_undo.trigger()
    assert window.session.project.monitoring_plan.monitored[0].option == "A"
    assert table.table.item(0, column).text() == "A"
    window.act_redo.trigger()
    assert window.session.project.monitoring_plan.monitored[0].option == "C"
    assert table.table.item(0, column).text() == "Option C"


def test_default_case_is_chosen_from_the_row_parameters_cases(window, qtbot) -> None:
    project = filled_project()
    project.monitoring_plan.default_selections[1].choice = "diesel_grid"  # not a case of EF_RE
    window.set_session(session_io.new_document(project))
    table = _table(window, "MPS:defaults")
    column = table.column_of("choice")
    first = table.table.item(0, column)
    assert first.data(ROLE_VALUE) == "national_grid"
    assert first.text().startswith("Connected to the national grid"), "the case's label shows"
    second = table.table.item(1, column)
    assert second.text() == "diesel_grid" and "not one of the choices" in second.toolTip()
    assert any(
        d.code == "monitoring.choice-unknown"
        and d.path == "monitoring_plan.default_selections.1.choice"
        for d in run_diagnostics(window.session.project)
    )

    combo = _open_editor(qtbot, table, 0, column)
    values = [value for _text, value in _items(combo)]
    assert values == ["", "national_grid", "captive_or_off_grid"], "EF_RE's cases, per row"
    qtbot.keyClicks(combo, "I")  # type to find "Internal grid with a captive generator …"
    assert combo.currentData() == "captive_or_off_grid"
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    selections = window.session.project.monitoring_plan.default_selections
    assert selections[0].choice == "captive_or_off_grid"
    assert table.table.item(0, column).text().startswith("Internal grid")
    window.act_undo.trigger()
    assert selections[0].choice == "national_grid"

    combo = _open_editor(qtbot, table, 0, column)  # emptied: "" as the model has it
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    assert selections[0].choice == ""


def test_salutation_and_country_cells(window, qtbot) -> None:
    project = filled_project()
    project.moc.other_participants.append(ParticipantEntity(name="Solar LLC"))
    project.pdd.participants.append(Participant(country="Mongolia", name="Solar LLC"))
    window.set_session(session_io.new_document(project))

    table = _table(window, "MoC:5")
    column = table.column_of("primary_signatory.salutation")
    combo = _open_editor(qtbot, table, 0, column)
    assert [v for _t, v in _items(combo)] == ["", "Mr.", "Ms."]
    qtbot.keyClicks(combo, "Ms")
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    signatory = window.session.project.moc.other_participants[0].primary_signatory
    assert signatory.salutation == "Ms."
    combo = _open_editor(qtbot, table, 0, column)
    qtbot.keyClick(combo, Qt.Key.Key_Home)  # the blank entry: a text field gets "", not None
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    assert signatory.salutation == ""
    qtbot.waitUntil(lambda: table.table.state() != QAbstractItemView.State.EditingState)
    table.table.setFocus()
    table.table.setCurrentCell(0, column)
    qtbot.keyClicks(table.table, "M")  # typing on the cell opens the list at that letter
    assert signatory.salutation == "Mr."

    table = _table(window, "PDD:A.4")
    column = table.column_of("country")
    combo = _open_editor(qtbot, table, 0, column)
    assert combo.isEditable(), "country names are suggested; the form's wording may differ"
    assert "Japan" in [t for t, _v in _items(combo)]
    combo.lineEdit().selectAll()
    qtbot.keyClicks(combo.lineEdit(), "japan")
    assert combo.completer().popup().isVisible(), "typing offers the matching names"
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Return)  # one Return: completions and editor
    qtbot.waitUntil(lambda: table.table.state() != QAbstractItemView.State.EditingState)
    assert table.table.indexWidget(table.table.model().index(0, column)) is None
    assert window.session.project.pdd.participants[0].country == "Japan", "the listed spelling"
    assert table.table.item(0, column).text() == "Japan"
    combo = _open_editor(qtbot, table, 0, column)
    combo.lineEdit().selectAll()
    qtbot.keyClicks(combo.lineEdit(), "Mongol Uls")
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.table.state() != QAbstractItemView.State.EditingState)
    assert window.session.project.pdd.participants[0].country == "Mongol Uls", "free text kept"
    assert table.table.item(0, column).text() == "Mongol Uls"
    window.act_undo.trigger()  # both picks in one cell, in quick succession: one step
    assert window.session.project.pdd.participants[0].country == "Mongolia"
    assert table.table.item(0, column).text() == "Mongolia"


def test_read_only_tables_open_no_drop_down(window, qtbot) -> None:
    session = session_io.new_document(filled_project())
    session.read_only = "test"
    window.set_session(session)
    table = _table(window, "MPS:T1")
    column = table.column_of("option")
    table.table.setFocus()
    table.table.setCurrentCell(0, column)
    qtbot.keyClick(table.table, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: table.table.state() != QAbstractItemView.State.EditingState)
    assert table.table.indexWidget(table.table.model().index(0, column)) is None
    assert window.session.project.monitoring_plan.monitored[0].option == "C"


def test_a_single_choice_field_keeps_a_value_the_list_lacks(window, qtbot) -> None:
    project = filled_project()
    project.moc.focal_point.primary_signatory.salutation = "Dr."
    window.set_session(session_io.new_document(project))
    binding = window.view.show_section("MoC:2.primary").binding(
        "moc.focal_point.primary_signatory.salutation"
    )
    combo = binding.editor
    assert combo.currentText() == "Dr. (not offered here)" and combo.currentData() == "Dr."
    combo.setCurrentIndex(combo.findData("Ms."))
    signatory = window.session.project.moc.focal_point.primary_signatory
    assert signatory.salutation == "Ms."
    window.act_undo.trigger()
    assert signatory.salutation == "Dr." and combo.currentData() == "Dr."
    assert [combo.itemData(i) for i in range(combo.count())] == ["", "Mr.", "Ms.", "Dr."]
    window.act_redo.trigger()
    assert combo.currentData() == "Ms." and combo.count() == 3, "the marked entry goes"


def test_choice_fields_show_the_forms_labels(window) -> None:
    window.set_session(session_io.new_document(filled_project()))
    page = window.view.show_section(window.view.section_of_path("rule_set.partner_country"))
    combo = page.binding("rule_set.partner_country").editor
    assert combo.currentData() == "MN" and combo.currentText() == "Mongolia (MN)"


def _column(project, table: str, subpath: str):
    from jcm_pdd.session.formview import form_view

    for section in form_view(project):
        for view in section.fields:
            if view.path == table:
                return next(c for c in view.columns if c.path == subpath)
    raise AssertionError(table)


def test_cell_choices_fall_back_to_the_column_list() -> None:
    from jcm_pdd.session.formview import cell_choices

    project = filled_project()
    option = _column(project, "monitoring_plan.monitored", "option")
    case = _column(project, "monitoring_plan.default_selections", "choice")
    assert cell_choices(project, "monitoring_plan.monitored", 0, option) == (("C", "Option C"),)
    project.monitoring_plan.monitored[0].key = "NOT_A_PARAMETER"  # the row's key is unknown
    assert [v for v, _l in cell_choices(project, "monitoring_plan.monitored", 0, option)] == [
        "A",
        "B",
        "C",
    ]
    project.pdd.methodology.methodology_id = ""  # no methodology chosen yet
    assert [v for v, _l in cell_choices(project, "monitoring_plan.monitored", 1, option)] == [
        "A",
        "B",
        "C",
    ]
    assert cell_choices(project, "monitoring_plan.default_selections", 0, case) == ()
    assert cell_choices(project, "monitoring_plan.default_selections", 99, case) == ()


def test_a_column_label_longer_than_its_column_ends_in_an_ellipsis_with_a_tooltip(
    window, qtbot
) -> None:
    """ "Value (entered case, or override of the default)" in a narrow column: cut at its end
    with "…" (not clipped at both ends around its centre), and whole when pointed at."""
    window.set_session(session_io.new_document(filled_project()))
    table = _table(window, "MPS:defaults")
    header = table.table.horizontalHeader()
    column = table.column_of("override_value")
    label = table.table.horizontalHeaderItem(column).text()
    assert label.startswith("Value (") and len(label) > 30
    assert header.textElideMode() == Qt.TextElideMode.ElideRight
    assert table.table.horizontalHeaderItem(column).toolTip() == label
