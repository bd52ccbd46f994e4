"""Validator mode: right-clicking a field or a table cell offers "Raise finding…", which opens
the findings form on that field's model path; an editable project offers no such thing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from jcm_pdd.gui.i18n import install_language
from jcm_pdd.gui.review_panel import ReviewPanel
from jcm_pdd.package.review import load_review
from jcm_pdd.session import io as session_io
from tests.gui.conftest import filled_project
from tests.gui.review_packages import built_rounds, copy_into


@pytest.fixture
def package(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> Path:
    return copy_into(built_rounds(tmp_path_factory).round1, tmp_path / "validator")


def _right_click(widget: QWidget, pos: QPoint | None = None) -> None:
    """What a right click (or the menu key) sends the widget under the pointer."""
    pos = pos or widget.rect().center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, widget.mapToGlobal(pos))
    QApplication.sendEvent(widget, event)


def _action(menu: QMenu | None, text: str):
    assert menu is not None, "a context menu was shown"
    found = [a for a in menu.actions() if a.text() == text]
    assert found, f"{text!r} not in {[a.text() for a in menu.actions()]}"
    return found[0]


def test_raise_finding_from_a_field_and_a_table_cell(window, package, qtbot) -> None:
    assert window.open_path(package)
    panel = window.findings_panel
    assert isinstance(panel, ReviewPanel)

    # A text field (read-only line edit): its own menu (Copy …) plus "Raise finding…".
    page = window.view.show_section("PDD:A.1")
    binding = page.binding("pdd.title")
    _right_click(binding.editor)
    menu = binding.context_menu
    assert any("Copy" in a.text() for a in menu.actions()), "the editor's own actions stay"
    _action(menu, "Raise finding…").trigger()
    assert panel.target() == "pdd.title"
    assert panel.selected_id() is None and panel.raise_button.isEnabled()
    assert panel.heading.text() == "New finding on A.1 Title of the JCM project"
    qtbot.keyClicks(panel.text_edit, "The title differs from the MoC.")
    qtbot.mouseClick(panel.raise_button, Qt.MouseButton.LeftButton)
    assert [(f.target, f.text) for f in load_review(panel.review_path).findings] == [
        ("pdd.title", "The title differs from the MoC.")
    ]

    # Prose: the click lands on the text box's viewport.
    binding = window.view.show_section("PDD:A.2").binding("pdd.description")
    _right_click(binding.editor.viewport())
    _action(binding.context_menu, "Raise finding…").trigger()
    assert panel.target() == "pdd.description"

    # A drop-down is disabled in a read-only document; right-clicking it still works.
    page = window.view.show_section("PDD:D")
    binding = page.binding("pdd.environmental_impact.legally_required")
    assert not binding.editor.isEnabled()
    _right_click(binding.editor)
    _action(binding.context_menu, "Raise finding…").trigger()
    assert panel.target() == "pdd.environmental_impact.legally_required"

    # A table cell names its row and column.
    table = window.view.show_section("PDD:A.3").tables[0]
    column = table.column_of("latitude")
    rect = table.table.visualRect(table.table.model().index(0, column))
    _right_click(table.table.viewport(), rect.center())
    _action(table.context_menu, "Raise finding…").trigger()
    assert panel.target() == "pdd.sites.0.latitude"
    # The menu key on the current cell (keyboard users) does the same.
    table.table.setCurrentCell(1, table.column_of("city"))
    here = QPoint(10, 10)
    key = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, here, table.table.mapToGlobal(here))
    QApplication.sendEvent(table.table, key)
    _action(table.context_menu, "Raise finding…").trigger()
    assert panel.target() == "pdd.sites.1.city"
    # (the city column's cell scrolled the table in a narrow window: find the latitude again)
    latitude = table.table.model().index(0, column)
    table.table.scrollTo(latitude)
    rect = table.table.visualRect(latitude)
    _right_click(table.table.viewport(), rect.center())
    _action(table.context_menu, "Raise finding…").trigger()
    panel.text_edit.setPlainText("Latitude of S1 does not match the site plan.")
    finding = panel.raise_finding(kind="CAR")
    assert finding is not None and finding.target == "pdd.sites.0.latitude"
    assert panel.review.finding(finding.id).type == "CAR"


def test_no_raise_finding_while_drafting(window, qtbot) -> None:
    window.set_session(session_io.new_document(filled_project()))
    binding = window.view.show_section("PDD:A.1").binding("pdd.title")
    _right_click(binding.editor)
    texts = [a.text().split("\t")[0] for a in binding.context_menu.actions()]
    assert "Raise finding…" not in texts, "no findings while drafting"
    assert "Confidential" in texts, "drafting offers the confidential toggle instead"
    table = window.view.show_section("PDD:A.3").tables[0]
    _right_click(table.table.viewport(), QPoint(5, 5))
    texts = [a.text().split("\t")[0] for a in table.context_menu.actions()]
    assert "Raise finding…" not in texts and "Confidential row" in texts


def test_raise_finding_in_japanese(window, package, qtbot) -> None:
    install_language("ja")
    try:
        assert window.open_path(package)
        binding = window.view.show_section("PDD:A.1").binding("pdd.title")
        _right_click(binding.editor)
        texts = [a.text() for a in binding.context_menu.actions()]
        assert "Raise finding…" not in texts and "指摘を登録…" in texts
    finally:
        window.close_document()
        install_language("en")
