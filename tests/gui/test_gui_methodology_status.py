"""A methodology not read from the approved document is said in the calculation panel and in
"Show calculation", and its acknowledgement is given with a click that is recorded in the
project (undoable) and lifts the error that blocks a final export."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from jcm_pdd.session import io as session_io
from jcm_pdd.session import newproject
from jcm_pdd.session.diagnostics import run_diagnostics


def _project(country: str, methodology: str):
    choice = next(m for m in newproject.for_country(country) if m.id == methodology)
    site = newproject.SiteEntry("S1", "Hanoi", "", Decimal("21.0"), Decimal("105.8"), 1)
    return newproject.new_project(country, choice, [site])


def _codes(project) -> set[str]:
    return {d.code for d in run_diagnostics(project)}


def test_acknowledgement_is_clicked_and_recorded(window, qtbot) -> None:
    window.set_session(session_io.new_document(_project("VN", "JCM_VN_AM002")))
    panel = window.calc_panel
    qtbot.waitUntil(lambda: panel.acknowledge.isVisible(), timeout=10000)
    assert panel.methodology.isVisible()
    assert panel.methodology.text().startswith("Methodology not read from the approved document")
    assert not panel.acknowledge.isChecked()
    project = window.session.project
    assert "methodology.acknowledgement" in _codes(project)

    QTest.mouseClick(panel.acknowledge, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.acknowledge.isChecked(), timeout=5000)
    project = window.session.project
    assert project.pdd.methodology.acknowledged_template == "JCM_VN_AM002_ver01.0"
    codes = _codes(project)
    assert "methodology.acknowledgement" not in codes

    dialog = panel.show_calculation()
    assert dialog.methodology.isVisible()
    assert "official methodology" in dialog.methodology.text()
    if os.environ.get("JCM_PDD_SCREENSHOTS"):
        folder = Path(os.environ["JCM_PDD_SCREENSHOTS"])
        window.grab().save(str(folder / "methodology_acknowledged.png"))
        dialog.grab().save(str(folder / "show_calculation_caveat.png"))
    dialog.close()

    window.controller.stack.undo()  # the acknowledgement is an ordinary, undoable edit
    qtbot.waitUntil(lambda: not panel.acknowledge.isChecked(), timeout=5000)
    assert window.session.project.pdd.methodology.acknowledged_template == ""


def test_the_acknowledgement_wraps_in_a_narrow_panel_and_its_words_click(window, qtbot) -> None:
    """The sentence wraps (as one line it held the dock at least 380 px wide), and a click on
    its words ticks the box as a click on the box does."""
    window.set_session(session_io.new_document(_project("VN", "JCM_VN_AM002")))
    panel = window.calc_panel
    qtbot.waitUntil(lambda: panel.acknowledge.isVisible(), timeout=10000)
    words = panel.acknowledge_label
    one_line = words.fontMetrics().horizontalAdvance(words.text())
    assert panel.minimumSizeHint().width() < one_line  # the words do not set the panel's width
    assert panel.acknowledge.accessibleName() == words.text()
    QTest.mouseClick(words, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.acknowledge.isChecked(), timeout=5000)
    assert window.session.project.pdd.methodology.acknowledged_template == "JCM_VN_AM002_ver01.0"


def test_unverified_methodology_is_said_without_asking(window, qtbot) -> None:
    window.set_session(session_io.new_document(_project("MN", "JCM_MN_AM003")))
    panel = window.calc_panel
    qtbot.waitUntil(lambda: panel.methodology.isVisible(), timeout=10000)
    assert panel.methodology.text().startswith("Methodology not verified")
    assert not panel.acknowledge.isVisible()


def test_the_panel_words_the_caveat_as_the_exports_do(qapp) -> None:
    from jcm_pdd.gui.calc_panel import caveat_text
    from jcm_pdd.methodology.status import CAVEAT

    for status, text in CAVEAT.items():
        assert caveat_text(status) == text, status
