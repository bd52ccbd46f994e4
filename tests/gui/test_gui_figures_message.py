"""When the figures cannot be computed yet, the panel says what is missing and links to it."""

from __future__ import annotations

from decimal import Decimal

import pytest
from drive import click_link

from jcm_pdd.gui.calc_panel import message_text
from jcm_pdd.gui.i18n import install_language
from jcm_pdd.methodology.where import field_of_input
from jcm_pdd.session import io as session_io
from jcm_pdd.session import newproject
from jcm_pdd.session.figures import estimate_figures


def _fresh_project():
    choice = next(m for m in newproject.for_country("MN") if m.id == "JCM_MN_AM003")
    site = newproject.SiteEntry("S1", "Ulaanbaatar", "", Decimal("47.9"), Decimal("106.9"), 1)
    return newproject.new_project("MN", choice, [site])


def test_missing_start_date_links_to_a5(window, qtbot) -> None:
    window.set_session(session_io.new_document(_fresh_project()))
    qtbot.waitUntil(lambda: "starting date" in window.calc_panel.message.text(), timeout=10000)
    label = window.calc_panel.message
    assert label.isVisible() and 'href="pdd.duration.start_date"' in label.text()
    click_link(label)  # the mouse, as a person clicks it
    page = window.view.current_page()
    assert page.section.id == window.view.section_of_path("pdd.duration.start_date")
    editor = page.binding("pdd.duration.start_date").editor
    qtbot.waitUntil(lambda: editor.hasFocus(), timeout=5000)


@pytest.mark.parametrize(("language", "words"), [("en", "Calculating…"), ("ja", "計算中…")])
def test_until_the_figures_come_the_panel_says_they_are_being_calculated(
    window, project_file, language, words
) -> None:
    # the first frame of every start on a project: it once read "The figures need one more
    # input: Calculating…" (the panel took its own word for a missing input's name)
    assert install_language(language)
    try:
        window.retranslate()
        assert window.open_path(project_file)
        assert window.calc_panel.message.text() == words  # before the engine has run
    finally:
        install_language("en")


def test_missing_parameter_value_points_at_its_monitoring_plan_row() -> None:
    project = _fresh_project()
    project.pdd.duration.start_date = __import__("datetime").date(2026, 4, 1)
    project.pdd.duration.operational_lifetime_years = 10
    figures = estimate_figures(project)
    assert not figures.rows and figures.message
    path = figures.message_path
    assert path.startswith("monitoring_plan."), (figures.message, path)
    table, row, column = path.split(".")[1:]
    rows = getattr(project.monitoring_plan, table)
    assert rows[int(row)].key in figures.message or rows[int(row)].symbol in figures.message
    assert column in {"estimated_value", "value", "choice"}
    assert "monitoring_plan." not in figures.message  # no model path in what a person reads
    assert figures.missing > 1  # every Table 1 estimate is still empty
    assert message_text(figures.message, figures.missing).startswith(
        f"The figures need {figures.missing} more inputs"
    )


def test_a_missing_case_is_named_without_raw_choice_ids() -> None:
    project = _fresh_project()
    project.pdd.duration.start_date = __import__("datetime").date(2026, 4, 1)
    project.pdd.duration.operational_lifetime_years = 10
    for row in project.monitoring_plan.monitored:
        row.estimated_value = Decimal(1000)
    for row in project.monitoring_plan.fixed_ex_ante:
        row.value = Decimal(1)
    figures = estimate_figures(project)
    assert figures.message_path.endswith(".choice"), figures.message
    assert "national_grid" not in figures.message and "choose which case" in figures.message
    assert figures.missing == sum(not r.choice for r in project.monitoring_plan.default_selections)


def test_field_of_input_prefers_the_row_of_the_same_index_member() -> None:
    project = _fresh_project()
    rows = project.monitoring_plan.monitored
    assert len(rows) >= 1
    key, index = rows[-1].key, dict(rows[-1].index)
    assert field_of_input(project, key, index) == (
        f"monitoring_plan.monitored.{len(rows) - 1}.estimated_value"
    )
    assert field_of_input(project, "pdd.duration.start_date") == "pdd.duration.start_date"
    assert field_of_input(project, "no-such-key") == ""


def test_diagnostics_are_listed_in_the_order_of_the_submission(window, qtbot) -> None:
    window.set_session(session_io.new_document(_fresh_project()))
    qtbot.waitUntil(lambda: window.diag_panel.error_count() > 0, timeout=10000)
    view = window.view
    order = {section.id: n for n, section in enumerate(view.sections)}
    errors = [d for d in window.diag_panel.diagnostics if d.severity == "error"]
    positions = [order.get(view.section_of_path(d.path) or "", len(order)) for d in errors]
    assert positions == sorted(positions)
    assert errors[0].path.startswith("pdd."), "the PDD comes first, not the MoC"
    assert any(d.path.startswith("moc.") for d in errors)


def test_under_the_japanese_interface_the_missing_input_is_named_in_japanese(window, qtbot) -> None:
    """The engine's English phrase ("no estimated value entered") is not shown in a Japanese
    panel: the field is named by its place in the form, with the interface's words."""
    import re

    from jcm_pdd.gui.i18n import install_language

    project = _fresh_project()
    project.pdd.duration.start_date = __import__("datetime").date(2026, 4, 1)
    project.pdd.duration.operational_lifetime_years = 10
    window.prefs.language = "ja"
    assert install_language("ja")
    try:
        window.set_session(session_io.new_document(project))
        label = window.calc_panel.message
        qtbot.waitUntil(lambda: "行目" in label.text(), timeout=10000)
        shown = re.sub(r"<[^>]+>", "", label.text())
        assert shown.startswith("数値の算出にはあと")
        assert "Table 1 Parameters to be monitored ex post, 1 行目, Estimated Values" in shown
        assert "no estimated value" not in shown
        click_link(label)  # still one click from the field
        assert window.view.current_page().section.id == window.view.section_of_path(
            "monitoring_plan.monitored.0.estimated_value"
        )
    finally:
        install_language("en")


def test_the_diagnostics_dock_is_one_line_unless_it_lists_problems(window, qtbot) -> None:
    """At 1366x768 the editor keeps the height: the dock is one line while the first check
    runs and when it finds nothing, and a list's height when there are problems."""
    from PySide6.QtTest import QTest

    from jcm_pdd.paths import sample_project_path

    window.resize(1366, 768)
    qtbot.waitExposed(window)
    window.set_session(session_io.new_document(_fresh_project()))
    qtbot.waitUntil(lambda: window.diag_panel.error_count() > 0, timeout=10000)
    QTest.qWait(50)
    assert window.diag_dock.height() > 120  # a list of problems
    assert window.open_path(sample_project_path())
    # before the first check of the sample has run (it waits for a pause of 300 ms)
    qtbot.waitUntil(lambda: window.diag_dock.height() < 80, timeout=250)
    assert window.diag_panel.summary.text() == "Checking…"
    assert not window.diag_panel.tree.isVisible()
    qtbot.waitUntil(lambda: window.diag_panel.summary.text() == "No problems found.")
    QTest.qWait(50)
    assert window.diag_dock.height() < 80


def test_the_diagnostics_summary_reads_right_for_one_problem(window, qtbot) -> None:
    """A fresh Indonesian project has one warning: the summary never says "1 warnings"."""
    choice = next(m for m in newproject.for_country("ID") if m.id == "JCM_ID_AM017")
    site = newproject.SiteEntry("S1", "Jakarta", "", Decimal("-6.2"), Decimal("106.8"), 1)
    window.set_session(session_io.new_document(newproject.new_project("ID", choice, [site])))
    qtbot.waitUntil(lambda: window.diag_panel.error_count() > 0, timeout=10000)
    found = window.diag_panel.diagnostics
    counts = [sum(d.severity == s for d in found) for s in ("error", "warning", "info")]
    assert counts[1] == 1, counts
    errors, warnings, notes = counts
    assert window.diag_panel.summary.text() == (
        f"Errors: {errors}, warnings: {warnings}, notes: {notes} — double-click a line to go to "
        "its field"
    )


def test_in_japanese_the_problems_of_a_new_project_are_listed_not_hidden(qtbot, answers) -> None:
    """The one-line dock opens up to a list when the check finds problems, whatever the
    height of the summary line (Japanese text is taller than "Checking…")."""
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
        window.set_session(session_io.new_document(_fresh_project()))
        qtbot.waitUntil(lambda: window.diag_panel.error_count() > 0, timeout=10000)
        qtbot.wait(50)
        assert "エラー" in window.diag_panel.summary.text()
        assert window.diag_panel.tree.viewport().height() > 60  # several lines of the list
        assert window.close_document()
    finally:
        install_language("en")
