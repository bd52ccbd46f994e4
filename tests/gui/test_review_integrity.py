"""An ALTERED package cannot be overlooked, and a package that cannot be opened never leaves a
half-open window.

A tampered package (one file altered, one missing, one extra) opens with a saturated red
banner and a critical icon (in the light and the dark palette), a modal summary naming each
file, "not trustworthy" in the window title, and every findings export marked. A refused open
leaves the document that was open as it was; a failure after the refusal point returns to a
clean start page.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from jcm_pdd.errors import UserError
from jcm_pdd.gui import theme
from jcm_pdd.package import build_package
from jcm_pdd.package.opened import OpenedPackage
from tests.gui.review_packages import built_rounds, copy_into
from tests.gui.screens import keep_screenshot
from tests.gui.test_gui_palette import dark_palette, light_palette
from tests.package.bags import with_member, without_member

TRACE = "data/calculation/trace.html"
MISSING = "data/documents/JCM_MN_F_MoC_ver02.0_Rooftop_PV_in_Darkhan.docx"
EXTRA = "data/notes-added-later.txt"


def tamper(package: Path) -> None:
    without_member(package, TRACE)
    with_member(package, TRACE, b"<html>figures forged after packaging</html>")
    without_member(package, MISSING)
    with_member(package, EXTRA, b"not listed in the manifest")


@pytest.fixture(params=["light", "dark"])
def palette(request, qapp):
    before = QApplication.palette()
    QApplication.setPalette(light_palette() if request.param == "light" else dark_palette())
    yield request.param
    QApplication.setPalette(before)


def _band_colour(window) -> QColor:
    frame = window.view.banner_frame
    return frame.grab().toImage().pixelColor(QPoint(frame.width() - 4, frame.height() // 2))


def test_tampered_package_is_altered_in_banner_modal_title_and_exports(
    window, answers, tmp_path: Path, tmp_path_factory, palette, qtbot
) -> None:
    rounds = built_rounds(tmp_path_factory)
    verified = copy_into(rounds.round1, tmp_path / "good")
    assert window.open_path(verified)
    qtbot.wait(20)
    good_band = _band_colour(window)
    assert window.view.banner_state == "ok" and "VERIFIED" in window.view.banner.text()
    assert "not trustworthy" not in window.windowTitle()
    keep_screenshot(window, f"verified-banner-en-{palette}.png")
    assert not answers["asked"], "a verified package opens without a modal"
    assert window.close_document()

    package = copy_into(rounds.round1, tmp_path / "tampered")
    tamper(package)
    assert window.open_path(package)
    qtbot.wait(20)

    # The modal summary names each altered, missing and extra file.
    summary = answers["asked"][-1]
    assert "ALTERED" in summary and "not trustworthy" in summary
    for name in (TRACE, MISSING, EXTRA):
        assert name in summary, name
    assert "manifest-sha256.txt" not in summary, "only the files themselves are listed"

    # The banner: the verdict first, a critical icon, a saturated red band, white text.
    view = window.view
    assert view.banner.isVisible() and view.banner.text().startswith("ALTERED — NOT TRUSTWORTHY")
    assert view.banner_state == "error"
    assert not view.banner_icon.pixmap().isNull()
    assert view.banner_icon.pixmap().width() >= 32, "a larger icon than a verified banner's"
    band = _band_colour(window)
    assert band.red() > 140 and band.green() < 60 and band.blue() < 60, band.name()
    assert band != good_band
    assert theme.contrast(QColor("#ffffff"), band) >= 4.5
    keep_screenshot(window, f"altered-banner-en-{palette}.png")

    # The title says so beside the file name.
    assert "ALTERED, not trustworthy" in window.windowTitle()
    assert window.windowTitle().startswith(package.name)

    # Every findings export is marked.
    findings = window.findings_panel
    window.view.navigator.select("PDD:C.3")
    findings.text_edit.setFocus()
    QTest.keyClicks(findings.text_edit, "Figures differ from the trace.")
    QTest.mouseClick(findings.raise_button, Qt.MouseButton.LeftButton)
    word = findings.export_findings(tmp_path / "findings.docx")
    excel = findings.export_findings(tmp_path / "findings.xlsx")
    text = "\n".join(p.text for p in docx.Document(str(word)).paragraphs)
    assert "NOT TRUSTWORTHY" in text and "ALTERED" in text
    sheet = load_workbook(excel).active
    assert "NOT TRUSTWORTHY" in sheet["A1"].value and "round 1" in sheet["A1"].value
    assert sheet["A3"].value == "ID" and sheet["A4"].value == "CAR-01"


def test_refused_package_leaves_the_open_document_as_it_was(
    window, answers, project_file: Path, tmp_path: Path, tmp_path_factory
) -> None:
    rounds = built_rounds(tmp_path_factory)
    package = copy_into(rounds.round1, tmp_path / "tpe")
    assert window.open_path(package)
    window.view.navigator.select("PDD:C.3")
    window.findings_panel.text_edit.setPlainText("Evidence missing.")
    window.findings_panel.raise_button.click()
    assert window.close_document()
    # The resubmission was packaged again as round 1 over the same file name.
    build_package(rounds.project2, package, round=1, packaged_by="P. Participant")

    assert window.open_path(project_file)
    view, title = window.view, window.windowTitle()
    assert window.act_show_calc.isEnabled()
    assert not window.open_path(package)
    assert "round 1" in answers["asked"][-1] and "round 2" in answers["asked"][-1]
    assert window.view is view and window.windowTitle() == title, "the open document stays"
    assert window.session.path == project_file and window.act_show_calc.isEnabled()
    assert window.review_docks == []

    garbage = tmp_path / "broken.jcmpkg"
    garbage.write_bytes(b"PK\x03\x04 not a zip at all")
    assert not window.open_path(garbage)
    assert "INVALID" in answers["asked"][-1] and garbage.name in answers["asked"][-1]
    assert window.view is view and window.session.path == project_file

    assert window.close_document()
    assert not window.open_path(package)
    _assert_clean_start(window)


def test_a_failure_while_showing_returns_to_a_clean_start_page(
    window, answers, tmp_path: Path, tmp_path_factory, monkeypatch
) -> None:
    package = copy_into(built_rounds(tmp_path_factory).round1, tmp_path / "tpe")

    def fail(*_args: object) -> None:
        raise UserError("The review docks cannot be built.")

    monkeypatch.setattr("jcm_pdd.gui.review_docks.add_review_docks", fail)
    closed: list[Path] = []
    original_close = OpenedPackage.close

    def close(self: OpenedPackage) -> None:
        closed.append(self.temp_dir)
        original_close(self)

    monkeypatch.setattr(OpenedPackage, "close", close)
    assert not window.open_path(package)
    assert answers["asked"][-1] == "The review docks cannot be built."
    _assert_clean_start(window)
    assert closed and not closed[0].exists(), "the package's private copies are removed"


def _assert_clean_start(window) -> None:
    assert window.session is None and window.view is None
    assert window.stack.currentWidget() is window.start_page
    assert window.review_docks == []
    assert window.windowTitle() == "JCM PDD Studio"
    assert not window.calc_dock.isVisible() and not window.act_show_calc.isEnabled()


def test_forged_figures_are_named_in_the_interface_language(
    window, answers, tmp_path: Path, tmp_path_factory, qtbot
) -> None:
    """A package resealed with an inflated figure: the modal says which figure differs, in
    Japanese under the Japanese interface (from the report's figure checks, not its English
    sentences)."""
    import json

    from jcm_pdd.gui.i18n import install_language
    from jcm_pdd.package import bagit
    from tests.package.reseal import reseal

    def inflate(data: bytes) -> bytes:
        index = json.loads(data)
        period = next(p for p in index["figures"] if p != "total")
        index["figures"][period]["ER_rounded"] = "9930"
        return json.dumps(index).encode()

    forged = tmp_path / "forged" / "round1.jcmpkg"
    forged.parent.mkdir()
    reseal(built_rounds(tmp_path_factory).round1, forged, {bagit.INDEX: inflate})
    window.prefs.language = "ja"
    assert install_language("ja")
    try:
        assert window.open_path(forged)
        qtbot.wait(20)
        summary = answers["asked"][-1]
        assert "9930" in summary and "再計算" in summary, summary
        assert "stated as" not in summary and "re-computes" not in summary
        assert window.view.banner.isVisible() and "stated as" not in window.view.banner.text()
    finally:
        install_language("en")


@pytest.mark.parametrize(
    ("edits", "japanese", "english"),
    [
        (  # the calculation trace replaced by something that is not JSON
            {"data/calculation/trace.json": lambda data: b"{ not json"},
            "data/calculation/trace.json: 計算トレースを読み取れません",
            "not readable JSON",
        ),
        (  # an index that names no project file or template: nothing to re-compute from
            {"package-index.json": lambda data: _without_key(data, "template")},
            "パッケージの索引がプロジェクトファイルとテンプレートを示していません",
            "does not name the project file",
        ),
    ],
    ids=["trace", "no-calculation"],
)
def test_rarer_problems_are_named_in_the_interface_language(
    window, answers, tmp_path: Path, tmp_path_factory, qtbot, edits, japanese, english
) -> None:
    """Problems that neither their kind nor their files tell apart are said in Japanese under
    the Japanese interface, in the modal and in the banner, not in verify's English."""
    from jcm_pdd.gui.i18n import install_language
    from tests.package.reseal import reseal

    resealed = tmp_path / "resealed" / "round1.jcmpkg"
    resealed.parent.mkdir()
    reseal(built_rounds(tmp_path_factory).round1, resealed, edits)
    window.prefs.language = "ja"
    assert install_language("ja")
    try:
        assert window.open_path(resealed)
        qtbot.wait(20)
        summary, banner = answers["asked"][-1], window.view.banner.text()
        assert japanese in summary and japanese in banner, (summary, banner)
        assert english not in summary and english not in banner
    finally:
        install_language("en")


def _without_key(data: bytes, key: str) -> bytes:
    import json

    index = json.loads(data)
    del index[key]
    return json.dumps(index).encode()
