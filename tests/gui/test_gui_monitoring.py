"""The Monitoring page, driven as a person does: a period added from the Edit menu, its dates
typed, values typed into the values table, meter readings imported through the preview dialog,
actual vs estimated; every edit one undo step (issue 17)."""

from __future__ import annotations

import datetime as dt
import hashlib
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from drive import (
    choose_in_combo,
    choose_menu,
    click,
    click_tree_item,
    commit_cell,
    open_cell_editor,
    press,
    toggle,
)
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QToolBar

from jcm_pdd.gui.monitoring_page import MONITORING_ID, MonitoringPage
from jcm_pdd.paths import sample_project_path

D = dt.date


def _open_sample(window) -> None:
    assert window.open_path(sample_project_path())


def _page(window) -> MonitoringPage:
    page = window.view.current_page()
    assert isinstance(page, MonitoringPage)
    return page


def _type(edit: QLineEdit, text: str) -> None:
    click(edit)
    QTest.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(edit, text)
    QTest.keyClick(edit, Qt.Key.Key_Return)


def _shown(view, row: int, column: int) -> str:
    """What a table view's cell shows."""
    return str(view.model().index(row, column).data())


def _undo(window) -> None:
    """The Undo button of the toolbar."""
    toolbar = window.findChild(QToolBar, "mainToolbar")
    click(toolbar.widgetForAction(window.act_undo))


def _type_cell(page: MonitoringPage, row: int, column: int, text: str) -> None:
    editor = open_cell_editor(page.values.table, row, column)  # type: ignore[arg-type]
    QTest.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(editor, text)
    commit_cell(editor)


def test_a_period_is_added_from_the_menu_dated_and_explained(window, qtbot) -> None:
    _open_sample(window)

    def periods():
        return window.session.project.monitoring.periods

    assert not periods() and MONITORING_ID not in window.view.navigator._items
    choose_menu(window, "Edit", "Add monitoring period…")
    page = _page(window)
    # the first period begins at the start of operation (A.5) and lasts a year
    assert (periods()[0].start, periods()[0].end) == (D(2027, 4, 1), D(2028, 3, 31))
    assert MONITORING_ID in window.view.navigator._items
    _type(page.period_editor.end, "31/12/2027")
    assert periods()[0].end == D(2027, 12, 31)
    assert page.periods.item(0, 2).text() == "31/12/2027"
    assert page.periods.item(0, 3).text() == "275"
    press(page.add_button)  # the next one follows the last
    assert (periods()[1].start, periods()[1].end) == (D(2028, 1, 1), D(2028, 12, 31))
    assert page.current_period() == 1
    _type(page.period_editor.start, "2028-01-05")
    window.controller.recheck_now()
    panel = window.diag_panel  # the window's Diagnostics: the periods' lines among them
    gap = next(
        (
            item
            for n in range(panel.tree.topLevelItemCount())
            if "period.gap" == panel.diagnostics[n].code
            for item in [panel.tree.topLevelItem(n)]
        ),
        None,
    )
    assert gap is not None, [d.code for d in panel.diagnostics]
    assert gap.text(2) == "Monitoring period 2, first day"
    errors = [
        d for d in panel.diagnostics if d.path.startswith("monitoring.") and d.severity == "error"
    ]
    assert f"Errors: {len(errors)}," in page.diagnostics_note.text()  # the gap, values missing
    assert page.periods.item(1, 0).text() == "⚠ 2"  # the period's number carries the mark
    page.tabs.setCurrentWidget(page.comparison)
    page.select_period(0)
    # once the dock has grown to show its list (it is one line high until the first check)
    qtbot.waitUntil(
        lambda: panel.tree.viewport().rect().contains(panel.tree.visualItemRect(gap).center())
    )
    click_tree_item(panel.tree, gap, double=True)  # back to the period and its first day
    assert page.current_period() == 1 and page.period_editor.start.hasFocus()
    _type(page.period_editor.gap_reason, "meter replaced, no data 1-4 January")
    window.controller.recheck_now()
    assert "period.gap" not in [d.code for d in window.diag_panel.diagnostics]
    assert periods()[1].gap_reason == "meter replaced, no data 1-4 January"
    # an unreadable date is said, not written
    _type(page.period_editor.end, "31/13/2028")
    assert periods()[1].end == D(2028, 12, 31) and page.period_editor.error.isVisible()
    _undo(window)  # the reason
    assert periods()[1].gap_reason == ""
    _undo(window)  # the start date
    assert periods()[1].start == D(2028, 1, 1)
    _undo(window)  # the second period
    assert len(periods()) == 1 and page.periods.rowCount() == 1


def test_values_typed_per_unit_give_the_period_s_figures_and_actual_vs_estimated(
    window,
    qtbot,
) -> None:
    _open_sample(window)
    choose_menu(window, "Edit", "Add monitoring period…")
    page = _page(window)
    _type(page.period_editor.end, "31/12/2027")
    page.tabs.setCurrentWidget(page.values)
    table = page.values.table
    model = page.values.model
    assert [model.data(model.index(r, 1)) for r in range(model.rowCount())] == ["PV-1", "PV-2"]
    c3 = window.calc_panel.figures
    _type_cell(page, 0, 2, "100")
    _type_cell(page, 1, 2, "200")
    qtbot.wait(10)
    assert window.calc_panel.figures is c3  # C.3 reads no monitored value: not made again

    def values():
        return window.session.project.monitoring.periods[0].values

    assert [(v.index["i"], v.value, v.option) for v in values()] == [
        ("PV-1", Decimal(100), "C"),
        ("PV-2", Decimal(200), "C"),
    ]
    window.controller.recheck_now()
    found = window.diag_panel.diagnostics
    calibration = [d for d in found if d.code == "period.calibration"]
    assert len(calibration) == 2  # own measurement without instrument
    _type_cell(page, 0, 5, "Meter SN 4711")
    _type_cell(page, 0, 6, "15/03/2027")
    assert values()[0].instrument == "Meter SN 4711" and values()[0].calibration_date == D(
        2027, 3, 15
    )
    # the option as the plan fixed it, changed through its list: a diagnostic
    editor = open_cell_editor(table, 1, 4)  # type: ignore[arg-type]
    choose_in_combo(editor, "B: invoices or transactions")  # type: ignore[arg-type]
    commit_cell(editor)
    assert values()[1].option == "B"
    window.controller.recheck_now()
    assert any(d.code == "period.option" for d in window.diag_panel.diagnostics)
    option = page.values.model.index(1, 4)  # marked at the value, the message as its tooltip
    assert "option" in page.values.model.data(option, Qt.ItemDataRole.ToolTipRole)
    # MN_AM003: ER_p = EG x EF (PV-1 national grid 0.797, PV-2 captive 0.533), rounded down
    er = 100 * Fraction("0.797") + 200 * Fraction("0.533")
    qtbot.waitUntil(lambda: page.periods.item(0, 4).text() == f"{int(er):,}")
    assert str(int(er)) in page.period_editor.figures.text()
    page.tabs.setCurrentWidget(page.comparison)
    comparison = page.comparison.comparison
    assert comparison is not None and comparison.credited_total == int(er)
    row = next(
        r
        for r in range(page.comparison.table.rowCount())
        if page.comparison.table.item(r, 0).text() == "2027"
    )
    assert page.comparison.table.item(row, 2).text() == f"{int(er):,}"
    estimated = window.calc_panel.figures.c3.rows[0]
    assert estimated.year == 2027
    assert page.comparison.table.item(row, 1).text() == f"{estimated.emission_reductions:,}"
    # 2027 is monitored in full (its 275 days of operation): the difference is shown
    difference = int(er) - estimated.emission_reductions
    assert page.comparison.table.item(row, 3).text() == f"{difference:+,}"
    chart = page.comparison.chart
    bars = dict(chart.bar_values())  # type: ignore[union-attr]
    years = [y.year for y in comparison.years if y.monitored_days]  # the chart's years
    assert years == [2027]
    assert bars["Actual"][years.index(2027)] == int(er)
    assert bars["Estimated (C.3)"][years.index(2027)] == estimated.emission_reductions
    _undo(window)  # the option
    assert values()[1].option == "C"


def _meter_csv(path: Path) -> Path:
    """Hourly kWh of PV-1 and PV-2, 01/04/2027 to 31/03/2028, one reading of PV-2 missing and
    one of PV-1 given twice."""
    lines = ["timestamp,meter,kwh"]
    day = D(2027, 4, 1)
    while day <= D(2028, 3, 31):
        for hour in range(24):
            stamp = f"{day.isoformat()}T{hour:02d}:00"
            lines.append(f"{stamp},PV-1,120.5")
            if (day, hour) != (D(2027, 6, 1), 13):
                lines.append(f"{stamp},PV-2,190.25")
            if (day, hour) == (D(2027, 7, 1), 0):
                lines.append(f"{stamp},PV-1,999")
        day += dt.timedelta(days=1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_meter_readings_are_previewed_then_imported_with_the_file_kept_as_evidence(
    window,
    qtbot,
    tmp_path: Path,
    monkeypatch,
) -> None:
    csv_file = _meter_csv(tmp_path / "meters.csv")
    _open_sample(window)
    choose_menu(window, "Edit", "Add monitoring period…")  # 01/04/2027 - 31/03/2028
    page = _page(window)
    press(page.import_button)
    dialog = page.import_dialog
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(csv_file), ""))
    )
    press(dialog.browse_button)
    assert dialog.time_column.currentText() == "timestamp"
    assert dialog.value_column.currentText() == "kwh"
    assert dialog.meter_column.currentText() == "meter"
    assert dialog.unit.text() == "kWh"  # read from the column's name
    seen: list[object] = []
    dialog.previewed.connect(seen.append)  # listening only
    press(dialog.preview_button)
    qtbot.waitUntil(lambda: bool(seen), timeout=60_000)
    assert "duplicate" in dialog.message.text() and not dialog.apply_button.isEnabled()
    toggle(dialog.keep_first)
    assert dialog.keep_first.isChecked()
    press(dialog.preview_button)
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=60_000)
    preview = dialog.preview
    rows = {
        _shown(preview, r, 1): [_shown(preview, r, c) for c in range(8)]
        for r in range(preview.model().rowCount())
    }
    hours = 366 * 24
    # 120.5 kWh x 8,784 h = 1,058.472 MWh; PV-2 one hour short: 190.25 x 8,783 / 1000
    assert rows["PV-1"][3] == "1058.472" and rows["PV-1"][7] == "1"
    assert rows["PV-2"][3] == "1670.96575"
    assert rows["PV-2"][4] == f"{hours - 1:,}" and rows["PV-2"][6].startswith("1 (2027-06-01")
    sha = hashlib.sha256(csv_file.read_bytes()).hexdigest()
    assert sha in dialog.message.text()
    assert "Readings in kWh (× 0.001) are converted to MWh/p" in dialog.message.text()
    assert window.session.project.monitoring.periods[0].values == []  # nothing before Apply
    press(dialog.apply_button)
    project = window.session.project
    values = project.monitoring.periods[0].values
    assert [(v.index["i"], v.value) for v in values] == [
        ("PV-1", Decimal("1058.472")),
        ("PV-2", Decimal("1670.96575")),
    ]
    assert all(v.evidence == [sha] for v in values)
    assert any(r.sha256 == sha and r.name == "meters.csv" for r in project.attachments)
    assert sha in window.session.attachments
    assert project.monitoring.periods[0].imports[0].rows == 2 * hours  # one less, one more
    # the period crosses 2027/2028: its ER is shared by days, 275 + 91
    er = Decimal("1058.472") * Decimal("0.797") + Decimal("1670.96575") * Decimal("0.533")
    qtbot.waitUntil(lambda: page.periods.item(0, 4).text() == f"{int(er):,}")
    text = page.period_editor.figures.text()
    assert "2027: 275 days" in text and "2028: 91 days" in text
    assert "meters.csv" in page.period_editor.imports.item(0).text()
    _undo(window)  # one step: the values and the attached file
    assert project.monitoring.periods[0].values == []
    assert all(r.sha256 != sha for r in project.attachments)


def test_a_file_that_cannot_be_read_is_said_in_one_line_and_changes_nothing(
    window,
    qtbot,
    tmp_path: Path,
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("timestamp,meter,kwh\n2027-04-01T00:00,PV-9,1\n", encoding="utf-8")
    _open_sample(window)
    choose_menu(window, "Edit", "Add monitoring period…")
    page = _page(window)
    press(page.import_button)
    dialog = page.import_dialog
    _type(dialog.file, str(bad))
    seen: list[object] = []
    dialog.previewed.connect(seen.append)
    press(dialog.preview_button)
    qtbot.waitUntil(lambda: bool(seen), timeout=30_000)
    assert "PV-9" in dialog.message.text() and "\n" not in dialog.message.text()
    assert not dialog.apply_button.isEnabled()
    assert window.session.project.monitoring.periods[0].values == []


def test_the_page_follows_a_language_change_and_keeps_the_work(window, qtbot) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QDialogButtonBox

    from jcm_pdd.gui.i18n import install_language
    from jcm_pdd.gui.preferences_dialog import PreferencesDialog

    _open_sample(window)
    choose_menu(window, "Edit", "Add monitoring period…")
    _type(_page(window).period_editor.end, "31/12/2027")

    def answer() -> None:  # the Preferences dialog: 日本語, then OK
        dialog = window.findChild(PreferencesDialog)
        choose_in_combo(dialog.language, "日本語")
        buttons = dialog.findChild(QDialogButtonBox)
        press(buttons.button(QDialogButtonBox.StandardButton.Ok))

    QTimer.singleShot(0, answer)
    try:
        window.preferences_dialog()
        page = _page(window)  # the Monitoring page is shown again, rebuilt in Japanese
        assert page.add_button.text() == "期間を追加"
        assert page.tabs.tabText(1) == "モニタリング値"
        assert page.periods.item(0, 2).text() == "31/12/2027"
        qtbot.wait(20)  # the old toolbar, replaced by the Japanese one, is gone
        _undo(window)  # the undo history was kept
        assert window.session.project.monitoring.periods[0].end == D(2028, 3, 31)
    finally:
        install_language("en")


def test_readings_from_an_xlsx_file_and_evidence_attached_to_one_value(
    window,
    qtbot,
    tmp_path: Path,
    monkeypatch,
) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Date", "Meter", "Energy (MWh)"])
    day = D(2027, 4, 1)
    while day <= D(2027, 4, 30):
        for meter in ("PV-1", "PV-2"):
            if (day, meter) != (D(2027, 4, 10), "PV-1"):  # one day of PV-1 missing
                sheet.append([dt.datetime(day.year, day.month, day.day), meter, 2.5])
        day += dt.timedelta(days=1)
    workbook = tmp_path / "april.xlsx"
    book.save(workbook)
    certificate = tmp_path / "calibration.pdf"
    certificate.write_bytes(b"%PDF-1.4 calibration certificate of meter PV-2\n")
    _open_sample(window)
    choose_menu(window, "Edit", "Add monitoring period…")
    page = _page(window)
    _type(page.period_editor.end, "30/04/2027")
    press(page.import_button)
    dialog = page.import_dialog
    _type(dialog.file, str(workbook))
    assert dialog.time_column.currentText() == "Date" and dialog.unit.text() == "MWh"
    seen: list[object] = []
    dialog.previewed.connect(seen.append)
    press(dialog.preview_button)
    qtbot.waitUntil(lambda: bool(seen), timeout=30_000)
    preview = dialog.preview
    missing = {_shown(preview, r, 1): _shown(preview, r, 6) for r in range(2)}
    assert missing == {"PV-1": "1 (2027-04-10)", "PV-2": "0"}, dialog.message.text()
    press(dialog.apply_button)
    values = window.session.project.monitoring.periods[0].values
    assert [(v.index["i"], v.value) for v in values] == [
        ("PV-1", Decimal("72.5")),
        ("PV-2", Decimal("75.0")),
    ]
    # a calibration certificate for PV-2's value: its row chosen, then "Attach evidence…"
    page.tabs.setCurrentWidget(page.values)
    table = page.values.table
    click(table.viewport(), table.visualRect(page.values.model.index(1, 7)).center())
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(certificate), ""))
    )
    press(page.values.attach_button)
    project = window.session.project
    pv2 = project.monitoring.periods[0].values[1]
    sha = hashlib.sha256(certificate.read_bytes()).hexdigest()
    assert pv2.evidence[-1] == sha and len(pv2.evidence) == 2  # the workbook, the certificate
    assert any(r.sha256 == sha for r in project.attachments)
    qtbot.waitUntil(
        lambda: "calibration.pdf" in page.values.model.data(page.values.model.index(1, 7))
    )
    # the workbook taken off the value's evidence (the file stays attached)
    asked: list[list[str]] = []

    def pick(parent, title, label, items, *args, **kwargs):
        asked.append(list(items))
        return items[0], True

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(pick))
    press(page.values.detach_button)
    assert asked[0][0].startswith("april.xlsx") and asked[0][1].startswith("calibration.pdf")
    assert project.monitoring.periods[0].values[1].evidence == [sha]
    assert any(r.name == "april.xlsx" for r in project.attachments)
    _undo(window)
    _undo(window)
    assert len(project.monitoring.periods[0].values[1].evidence) == 1
    assert all(r.sha256 != sha for r in project.attachments)


def test_an_import_is_described_in_japanese_and_an_older_record_as_it_was(
    window, qtbot, tmp_path: Path
) -> None:
    """The facts of an import (readings, gaps, duplicates, units) are worded by the interface;
    a record saved before they were kept shows its stored English summary unchanged."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QDialogButtonBox

    from jcm_pdd.gui.i18n import install_language
    from jcm_pdd.gui.monitoring_period import import_lines
    from jcm_pdd.gui.preferences_dialog import PreferencesDialog
    from jcm_pdd.model import Project
    from jcm_pdd.paths import registered_sample_path
    from jcm_pdd.storage import load_project, save_project

    # an older file: its import records hold only the English summary (no unit, no series)
    loaded = load_project(registered_sample_path())
    data = loaded.project.model_dump(mode="json")
    for period in data["monitoring"]["periods"]:
        for record in period["imports"]:
            del record["series"], record["unit"], record["plan_unit"]
    older = tmp_path / "older.jcmpdd"
    save_project(older, Project.model_validate(data), loaded.attachments)
    summary = loaded.project.monitoring.periods[0].imports[0].summary

    def answer() -> None:  # the Preferences dialog: 日本語, then OK
        dialog = window.findChild(PreferencesDialog)
        choose_in_combo(dialog.language, "日本語")
        buttons = dialog.findChild(QDialogButtonBox)
        press(buttons.button(QDialogButtonBox.StandardButton.Ok))

    QTimer.singleShot(0, answer)
    window.preferences_dialog()
    try:
        assert window.open_path(registered_sample_path())
        navigator = window.view.navigator
        click_tree_item(navigator, navigator._items[MONITORING_ID])
        editor = _page(window).period_editor
        text = editor.imports.item(0).text()
        assert "EG [i = PV-1] = 570.991 MWh/p: 計測値 183 件中 183 件" in text
        assert "EG [i = PV-2] = 856.484 MWh/p: 計測値 183 件中 183 件" in text
        assert "kWh (× 0.001) の読み取り値を MWh/p に換算しています。" in text
        assert "of 183 readings" not in text and "732 行、" in text
        # gaps and duplicates, in the same words (the sample has none)
        gappy = loaded.project.monitoring.periods[0].imports[0].model_copy(deep=True)
        gappy.series[0].readings, gappy.series[0].first_missing = 180, "2027-05-02"
        gappy.series[1].duplicates = 2
        assert import_lines(gappy)[:2] == [
            "EG [i = PV-1] = 570.991 MWh/p: 計測値 183 件中 180 件、欠測 3 件（最初は 2027-05-02）",
            "EG [i = PV-2] = 856.484 MWh/p: 計測値 183 件中 183 件、重複 2 件を無視",
        ]

        assert window.open_path(older)
        navigator = window.view.navigator
        click_tree_item(navigator, navigator._items[MONITORING_ID])
        text = _page(window).period_editor.imports.item(0).text()
        assert text.splitlines()[-1] == summary  # shown as saved, in English
        assert "計測値" not in text
    finally:
        install_language("en")
