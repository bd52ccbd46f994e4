"""After registration, end to end in the desktop app (issue 17's "Must show"): the registered
sample project -> add a period -> import a CSV of meter readings -> figures per period -> export
the Monitoring Report Sheet and the Monitoring Report -> package -> verify -> open the package
as the verifier. Mouse and keyboard only (QTest), on the real widgets."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import shutil
import zipfile
from decimal import Decimal
from pathlib import Path

from drive import choose_in_combo, choose_menu, click, click_tree_item, press
from journey import Journey, type_into
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

from jcm_pdd.gui.monitoring_page import MONITORING_ID, MonitoringPage
from jcm_pdd.package import Verdict, verify_package
from jcm_pdd.paths import meter_readings_sample_path, registered_sample_path

D = dt.date
# MN_AM003 as the sample's plan fixes it: PV-1 on the national grid, PV-2 with a captive
# generator (tCO2/MWh)
EF = {"PV-1": Decimal("0.797"), "PV-2": Decimal("0.533")}


def _type(edit: QLineEdit, text: str) -> None:
    click(edit)
    QTest.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(edit, text)
    QTest.keyClick(edit, Qt.Key.Key_Return)


def _by_hand(readings: Path) -> int:
    """The credited ER of the quarter, from the CSV alone: kWh summed per meter, in MWh,
    times the meter's emission factor, rounded down (MN_AM003: ER_p = sum_i EG_i,p x EF_i)."""
    totals = {"PV-1": Decimal(0), "PV-2": Decimal(0)}
    with open(readings, encoding="utf-8", newline="") as stream:
        for row in csv.DictReader(stream):
            totals[row["meter"]] += Decimal(row["kwh"])
    er = sum((totals[m] / 1000 * EF[m] for m in totals), Decimal(0))
    return int(er)  # positive: down


def test_registered_sample_to_a_package_opened_by_the_verifier(
    window,
    qtbot,
    tmp_path: Path,
    monkeypatch,
) -> None:
    journey = Journey(window, qtbot, tmp_path)
    project_file = tmp_path / "registered.jcmpdd"
    shutil.copyfile(registered_sample_path(), project_file)
    readings = meter_readings_sample_path()
    journey.open_file(project_file)
    assert (
        window.session.path == project_file and len(window.session.project.monitoring.periods) == 2
    )

    # the Monitoring page, from the navigator (the project has periods)
    navigator = window.view.navigator
    click_tree_item(navigator, navigator._items[MONITORING_ID])
    page = window.view.current_page()
    assert isinstance(page, MonitoringPage)
    qtbot.waitUntil(lambda: bool(page.periods.item(1, 4) and page.periods.item(1, 4).text()))
    assert [page.periods.item(r, 4).text() for r in range(2)] == ["911", "496"]

    # add a period: the quarter after the last one
    press(page.add_button)
    assert page.current_period() == 2
    assert page.period_editor.start.text() == "01/04/2028"
    _type(page.period_editor.end, "30/06/2028")
    period = window.session.project.monitoring.periods[2]
    assert (period.start, period.end) == (D(2028, 4, 1), D(2028, 6, 30))

    # import the meter readings into it: preview, then apply
    press(page.import_button)
    dialog = page.import_dialog
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(readings), ""))
    )
    press(dialog.browse_button)
    assert (dialog.time_column.currentText(), dialog.value_column.currentText()) == ("date", "kwh")
    assert dialog.meter_column.currentText() == "meter" and dialog.unit.text() == "kWh"
    checked = [
        dialog.periods.item(n).checkState() == Qt.CheckState.Checked
        for n in range(dialog.periods.count())
    ]
    assert checked == [False, False, True]  # the chosen period only
    previews: list[object] = []
    dialog.previewed.connect(previews.append)  # listening only
    press(dialog.preview_button)
    qtbot.waitUntil(lambda: bool(previews), timeout=60_000)
    preview = dialog.preview.model()
    assert preview.rowCount() == 2, dialog.message.text()
    assert [preview.index(r, 6).data() for r in range(2)] == ["0", "0"]  # no gaps
    press(dialog.apply_button)
    values = window.session.project.monitoring.periods[2].values
    assert sorted(v.index["i"] for v in values) == ["PV-1", "PV-2"], dialog.message.text()

    # the figures of every period, the new one as derived by hand from the CSV
    expected = _by_hand(readings)
    qtbot.waitUntil(lambda: page.periods.item(2, 4).text() == f"{expected:,}")
    assert [page.periods.item(r, 4).text() for r in range(2)] == ["911", "496"]
    page.tabs.setCurrentWidget(page.comparison)
    comparison = page.comparison.comparison
    assert comparison is not None and comparison.credited_total == 911 + 496 + expected
    table = page.comparison.table
    row_2028 = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "2028")
    assert table.item(row_2028, 4).text() == "182"  # 1 January - 30 June (a leap year)
    assert table.item(row_2028, 3).text() == "—"  # a part of the year: no difference
    assert "182 of the 366 days" in table.item(row_2028, 3).toolTip()

    # the instrument and calibration of the new period's meters, typed into the values table
    page.tabs.setCurrentWidget(page.values)
    from drive import commit_cell, open_cell_editor

    for row in range(2):
        for column, text in ((5, f"Meter PV-{row + 1}"), (6, "15/03/2028")):
            editor = open_cell_editor(page.values.table, row, column)  # type: ignore[arg-type]
            QTest.keyClicks(editor, text)
            commit_cell(editor)
    window.controller.recheck_now()
    assert not [d for d in page.all_diagnostics if d.severity == "error"], page.all_diagnostics
    journey.save_as(project_file)  # Save: the project already has its file

    # export the Monitoring Report Sheet and the Monitoring Report (final, both copies)
    out = tmp_path / "report"
    choose_menu(window, "File", "Export monitoring report…")
    export = QApplication.activeModalWidget()
    assert export is not None and export is window.monitoring_export
    type_into(export.folder, str(out))
    results: list[object] = []
    export.finished_job.connect(results.append)  # listening only
    press(export.start_button)
    qtbot.waitUntil(lambda: bool(results), timeout=180_000)
    written = results[0]
    assert isinstance(written, list), export.message.text()
    assert sorted(p.suffix for p in written) == [".docx", ".docx", ".pdf", ".pdf", ".xlsx", ".xlsx"]
    assert all("DRAFT" not in p.name and p.is_file() for p in written)
    press(export.buttons.button(export.buttons.StandardButton.Close))

    # package the periods for verification, verify, and open it as the verifier
    package = tmp_path / "registered-verification.jcmpkg"

    def fill(dialog) -> None:
        type_into(dialog.target, str(package))
        type_into(dialog.packaged_by, "Registered Project Co.")
        choose_in_combo(dialog.kind_box, "Verification of monitoring periods")
        assert dialog.periods_box.isEnabled() and dialog.periods_box.text() == "all"

    result, text = journey.run_dialog(window.act_package, fill)
    assert package.is_file(), (result, text)
    report = verify_package(package)
    assert report.verdict is Verdict.VERIFIED, report
    assert report.kind == "verification"
    assert report.bag_info["Monitoring-Periods"] == (
        "1 (01/04/2027 - 30/09/2027); 2 (01/10/2027 - 31/03/2028); 3 (01/04/2028 - 30/06/2028)"
    )
    # verify re-ran the new period from the package, and the meter file is in it as evidence
    rerun = [f for f in report.figures if f.period == "period 3" and f.quantity == "ER_credited"]
    assert rerun and all(f.ok and f.recomputed == str(expected) for f in rerun), rerun
    evidence = hashlib.sha256(readings.read_bytes()).hexdigest()
    with zipfile.ZipFile(package) as bag:
        kept = f"data/attachments/{evidence[:12]}-{readings.name}"
        assert bag.read(kept) == readings.read_bytes(), bag.namelist()
    journey.open_file(package)
    assert window.session.read_only and window.view.banner.isVisible()
    assert "monitoring periods 1, 2, 3" in window.view.banner.text()
    assert "VERIFIED" in window.view.banner.text()
    panel = window.periods_panel  # the verifier's Periods dock: each period's credited ER
    credited = [panel.table.item(r, 2).text() for r in range(panel.table.rowCount())]
    assert credited == ["911", "496", f"{expected:,}"], credited
    navigator = window.view.navigator
    click_tree_item(navigator, navigator._items[MONITORING_ID])
    verifier_page = window.view.current_page()
    assert isinstance(verifier_page, MonitoringPage)
    assert not verifier_page.add_button.isEnabled() and not verifier_page.import_button.isEnabled()
    cell = lambda: verifier_page.periods.item(2, 4)  # noqa: E731
    qtbot.waitUntil(lambda: bool(cell() and cell().text() == f"{expected:,}"))
