""" "Show calculation" prints each equation as the methodology does (issue 13, item 7): the
parameters' symbols with subscripts, Σ with its index, × and the equation number; no
expression-language syntax."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTextBrowser

from jcm_pdd.gui.calc_panel import CalculationDialog
from jcm_pdd.paths import sample_project_path
from tests.gui.screens import keep_screenshot


def test_show_calculation_typesets_the_equations(window, qtbot) -> None:
    assert window.open_path(sample_project_path())
    panel = window.calc_panel
    qtbot.waitUntil(lambda: panel.show_button.isEnabled(), timeout=15000)
    keep_screenshot(window, "c3-panel-en.png")
    QTest.mouseClick(panel.show_button, Qt.MouseButton.LeftButton)
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, CalculationDialog)]
    assert dialogs and dialogs[-1].isVisible()
    dialog = dialogs[-1]
    browser = dialog.findChild(QTextBrowser)
    source = browser.toHtml()
    text = browser.toPlainText()
    assert "Σ" in text and "×" in text and "(1)" in text  # MN_AM003 eq. (1)
    assert "vertical-align:sub" in source  # EG with subscript i,p
    for syntax in ("sum(", "convert(", "EG[i]", " * "):
        assert syntax not in text, syntax
    keep_screenshot(dialog, "show-calculation-typeset-en.png")
    dialog.close()
