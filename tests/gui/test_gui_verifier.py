"""Verifier mode (issue 17): a verification package opened in the main window, driven with the
mouse and the keyboard: the banner names the periods, the Periods dock lists them with their
credited ER, a period is signed off and a finding raised on another, each saved into the
.jcmreview beside the package as a verification round; the package itself is never written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from drive import cell_center, click, press
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from screens import keep_screenshot

from jcm_pdd.gui.i18n import install_language
from jcm_pdd.gui.monitoring_page import MonitoringPage
from jcm_pdd.gui.verifier_periods import PeriodsPanel
from jcm_pdd.package import build_package, snapshot_folder
from jcm_pdd.package.review import load_review
from tests.package.verification_support import monitored_sample

_BUILT: dict[str, Path] = {}


def _package(factory: pytest.TempPathFactory, folder: Path) -> Path:
    """A verification package of periods 1 and 2 (built once), copied as a verifier gets it."""
    if "package" not in _BUILT:
        work = factory.mktemp("verification-gui")
        project = monitored_sample(work)
        _BUILT["package"] = build_package(
            project, work / "monitoring-round1.jcmpkg", monitoring_periods=[0, 1]
        ).path
    folder.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copyfile(_BUILT["package"], folder / _BUILT["package"].name))


def _click_row(panel: PeriodsPanel, row: int) -> None:
    panel.table.scrollToItem(panel.table.item(row, 0))
    click(panel.table.viewport(), cell_center(panel.table, row, 0))


def test_a_verifier_signs_a_period_off_and_raises_a_finding_on_another(
    window, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    package = _package(tmp_path_factory, tmp_path / "received")
    original = package.read_bytes()
    before = snapshot_folder(package.parent)
    window.resize(1366, 900)
    assert window.open_path(package)
    view = window.view
    assert view.banner.text().startswith(
        "Verification package “monitoring-round1.jcmpkg” (round 1; monitoring periods 1, 2): "
        "VERIFIED"
    )
    panel = window.periods_panel
    dock = next(d for d in window.review_docks if d.widget() is panel)
    dock.show()
    dock.raise_()
    QTest.qWait(50)
    table = panel.table
    rows = [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(2)]
    assert rows == [
        ["1", "01/04/2027 – 31/03/2028", "1,597", "—", "not signed off"],
        ["2", "01/04/2028 – 30/06/2028", "1,277", "—", "not signed off"],
    ]
    assert snapshot_folder(package.parent) == before, "opening writes nothing"

    _click_row(panel, 0)
    press(panel.sign_button)
    review_path = package.with_suffix(".jcmreview")
    review = load_review(review_path)
    assert [s.section for s in review.signoffs] == ["MRS:period 1"]
    assert review.signoffs[0].values["figures.period 1.ER_credited"] == "1597"
    ref = review.packages[0]
    assert (ref.kind, ref.periods, ref.verdict) == ("verification", [1, 2], "VERIFIED")
    assert table.item(0, 4).text() == "✓ round 1"

    _click_row(panel, 1)
    press(panel.finding_button)
    findings = window.findings_panel
    QTest.qWait(50)
    assert findings.target() == "MRS:period 2"
    QTest.keyClicks(findings.text_edit, "No calibration certificate for the PV-2 meter.")
    press(findings.raise_button)
    review = load_review(review_path)
    assert [(f.id, f.target, f.text) for f in review.findings] == [
        ("CAR-01", "MRS:period 2", "No calibration certificate for the PV-2 meter.")
    ]
    assert table.item(1, 3).text() == "CAR-01"
    assert panel.summary.text() == "2 period(s) to verify: 1 signed off, 0 stale, 1 to go."

    dock.raise_()
    _click_row(panel, 1)
    press(panel.show_button)
    QTest.qWait(50)
    page = view.current_page()
    assert isinstance(page, MonitoringPage) and page.current_period() == 1
    keep_screenshot(window, "verifier-periods-en.png")

    assert package.read_bytes() == original, "the package is never written"
    assert sorted(p.name for p in package.parent.iterdir()) == [
        "monitoring-round1.jcmpkg",
        "monitoring-round1.jcmreview",
    ]


def test_the_verifier_docks_follow_the_period_shown_on_the_monitoring_page(
    window, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    package = _package(tmp_path_factory, tmp_path / "received")
    assert window.open_path(package)
    view = window.view
    item = view.navigator._items["monitoring"]  # the navigator's Monitoring entry
    view.navigator.scrollToItem(item)
    click(view.navigator.viewport(), view.navigator.visualItemRect(item).center())
    QTest.qWait(50)
    page = view.current_page()
    assert isinstance(page, MonitoringPage)
    assert window.findings_panel.target() == "MRS:period 1"
    assert window.signoff_panel.current_section == "MRS:period 1"
    click(page.periods.viewport(), cell_center(page.periods, 1, 0))
    assert window.findings_panel.target() == "MRS:period 2"
    press(window.signoff_panel.sign_button)
    review = load_review(package.with_suffix(".jcmreview"))
    assert [s.section for s in review.signoffs] == ["MRS:period 2"]


def test_the_verifier_window_in_japanese(
    window, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    install_language("ja")
    try:
        package = _package(tmp_path_factory, tmp_path / "received")
        window.resize(1366, 900)
        assert window.open_path(package)
        panel = window.periods_panel
        header = panel.table.horizontalHeaderItem(3)
        assert header is not None and header.text() == "未解決の指摘"
        assert window.view.banner.text().startswith("検証パッケージ")
        dock = next(d for d in window.review_docks if d.widget() is panel)
        dock.raise_()
        QTest.qWait(50)
        keep_screenshot(window, "verifier-periods-ja.png")
    finally:
        install_language("en")
    assert Qt.AlignmentFlag.AlignRight & panel.table.item(0, 2).textAlignment()


def test_package_for_verification_from_the_dialog_then_open_as_verifier(
    window, qtbot, tmp_path: Path
) -> None:
    """The participant packages period 2 for verification from the Package dialog (kind and
    periods chosen with the keyboard); the package verifies and opens in verifier mode."""
    from drive import choose_in_combo
    from journey import type_into
    from PySide6.QtWidgets import QApplication, QToolBar

    from jcm_pdd.package import verify_package

    project = monitored_sample(tmp_path)
    assert window.open_path(project)
    toolbar = window.findChild(QToolBar, "mainToolbar")
    click(toolbar.widgetForAction(window.act_package))
    dialog = QApplication.activeModalWidget()
    assert dialog is not None and dialog.periods_box.text() == "all"
    assert not dialog.periods_box.isEnabled()
    choose_in_combo(dialog.kind_box, "Verification of monitoring periods")
    assert dialog.periods_box.isEnabled()
    assert dialog.start_button.text() == dialog.windowTitle() == "Package for verification"
    type_into(dialog.periods_box, "2")
    target = tmp_path / "out" / "period2.jcmpkg"
    type_into(dialog.target, str(target))
    keep_screenshot(dialog, "package-dialog-verification-en.png")
    results: list[object] = []
    dialog.finished_job.connect(results.append)  # listening only: the dialog emits it
    press(dialog.start_button)
    qtbot.waitUntil(lambda: bool(results), timeout=120_000)
    assert dialog.message.text().startswith("Verification package written:"), dialog.message.text()
    press(dialog.buttons.button(dialog.buttons.StandardButton.Close))

    report = verify_package(target)
    assert report.ok and report.kind == "verification"
    assert report.bag_info["Monitoring-Periods"] == "2 (01/04/2028 - 30/06/2028)"
    assert window.open_path(target)
    rows = window.periods_panel.table.rowCount()
    assert rows == 1 and window.periods_panel.table.item(0, 2).text() == "1,277"


def test_a_forged_period_figure_is_named_in_the_verifier_window(
    window, answers, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """periods.json's credited ER of period 1 changed and every checksum re-made: the package
    opens as not trustworthy, the banner and the modal name the file and the figure."""
    from jcm_pdd.package.periods import PERIODS_MEMBER
    from tests.package.reseal import reseal

    package = _package(tmp_path_factory, tmp_path / "received")
    forged = tmp_path / "forged" / package.name
    forged.parent.mkdir()

    def edit(data: bytes) -> bytes:
        assert b'"ER_credited": "1597"' in data
        return data.replace(b'"ER_credited": "1597"', b'"ER_credited": "1697"', 1)

    reseal(package, forged, {PERIODS_MEMBER: edit})
    window.resize(1366, 900)
    assert window.open_path(forged)
    text = window.view.banner.text()
    assert text.startswith("ALTERED — NOT TRUSTWORTHY. Verification package")
    assert f"figures differ: {PERIODS_MEMBER}" in text
    summary = answers["asked"][-1]
    assert f"{PERIODS_MEMBER}: ER_credited period 1 is stated as 1697 but re-computes to 1597" in (
        summary
    )
    assert window.periods_panel.table.rowCount() == 2  # the docks are there, to raise findings
    QTest.qWait(500)  # the figures and the checks, as a person sees the window
    keep_screenshot(window, "verifier-altered-en.png")


def test_an_edited_mrs_formula_is_named_in_japanese(
    window, answers, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory, qtbot
) -> None:
    """A verification package whose MRS workbook's credited-ER formula was edited (checksums
    re-made): the modal and the banner say so in Japanese, with the cell and both figures."""
    import json
    import zipfile

    from tests.package.reseal import edit_docx_xml, reseal

    package = _package(tmp_path_factory, tmp_path / "received")
    with zipfile.ZipFile(package) as zf:
        member = json.loads(zf.read("package-index.json"))["documents"][
            "monitoring_confidential_xlsx"
        ]
    forged = tmp_path / "forged" / package.name
    forged.parent.mkdir()
    edit = edit_docx_xml(
        "xl/worksheets/sheet2.xml", "<f>ROUNDDOWN(C8,0)</f>", "<f>ROUNDDOWN(C8,0)+100</f>"
    )
    reseal(package, forged, {member: edit})
    window.prefs.language = "ja"
    assert install_language("ja")
    try:
        assert window.open_path(forged)
        qtbot.wait(20)
        summary, banner = answers["asked"][-1], window.view.banner.text()
        said = f"{member}: ワークブックの計算式が再計算した数値と一致しません"
        assert said in summary and said in banner, (summary, banner)
        assert (
            f"{member}: period 1 の ER_credited の計算式（'MRS(calc_process)'!C9）は 1697 "
            "になりますが、再計算すると 1597 です"
        ) in summary
        assert summary.count(said) == 1  # once for the workbook, not once per figure
        assert "re-computes" not in summary and "formula for" not in summary
    finally:
        install_language("en")


def test_the_start_page_names_a_verification_package_as_one(
    window, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """A verifier's recent package reads "verification package, round 1" on the start page (it
    read "validation package", the other kind)."""
    package = _package(tmp_path_factory, tmp_path / "verifier")
    assert window.open_path(package)
    assert window.close_document()
    assert window.start_page.table.item(0, 4).text() == "verification package, round 1"
