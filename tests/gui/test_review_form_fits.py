"""The validator's findings form fits a 1366x768 laptop window: raising a finding and then
answering it (finding, response, assessment, the buttons) needs no scrolling, each text box
shows at least two lines, and the document above keeps most of the height. Driven with the
mouse and the keyboard, in English and Japanese."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from drive import click, click_tree_item, press
from PySide6.QtCore import QPoint
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QWidget

from jcm_pdd.gui.i18n import install_language
from jcm_pdd.package.review import load_review
from tests.gui.review_packages import built_rounds, copy_into
from tests.gui.screens import keep_screenshot


@pytest.fixture(params=["en", "ja"])
def language(request: pytest.FixtureRequest, qapp) -> Iterator[str]:
    assert install_language(request.param) or request.param == "en"
    yield request.param
    install_language("en")


def _fully_shown(widget: QWidget) -> bool:
    """Visible, and not cut by a scroll area or the dock's edge."""
    return widget.isVisible() and widget.visibleRegion().boundingRect() == widget.rect()


def _lines(box: QPlainTextEdit) -> float:
    return box.viewport().height() / box.fontMetrics().lineSpacing()


def test_the_findings_form_fits_a_laptop_window(
    window, qtbot, tmp_path, tmp_path_factory, language
) -> None:
    package = copy_into(built_rounds(tmp_path_factory).round1, tmp_path / "received")
    window.resize(1366, 768)
    assert window.open_path(package)
    navigator = window.view.navigator
    click_tree_item(navigator, navigator._items["PDD:A.1"])
    editor = window.view.current_page().binding("pdd.title").editor
    here = editor.rect().center()
    menu_event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, here, editor.mapToGlobal(here))
    QApplication.sendEvent(editor, menu_event)  # a right click on the title
    menu = window.view.current_page().binding("pdd.title").context_menu
    raise_text = "Raise finding…" if language == "en" else "指摘を登録…"
    next(a for a in menu.actions() if a.text() == raise_text).trigger()
    QTest.qWait(50)
    panel = window.findings_panel
    form = (panel.type_box, panel.target_box, panel.text_edit, panel.raise_button)
    assert all(_fully_shown(w) for w in form), [w.accessibleName() for w in form]
    assert _lines(panel.text_edit) >= 2
    page = window.view.current_page()
    assert page.height() >= 300, "the document keeps the larger share"
    QTest.keyClicks(panel.text_edit, "The title differs from the MoC.")
    keep_screenshot(window, f"findings-form-new-{language}.png")
    press(panel.raise_button)
    assert [f.text for f in load_review(panel.review_path).findings] == [
        "The title differs from the MoC."
    ]

    # The finding selected in the table: its response and assessment, and every button.
    table = panel.table
    click(table.viewport(), table.visualRect(table.model().index(0, 3)).center())
    assert panel.selected_id() is not None
    # the place as the form names it, never the model path
    assert panel.target_box.currentText() == "A.1 Title of the JCM project"
    boxes = (panel.text_edit, panel.response_edit, panel.assessment_edit)
    buttons = (panel.save_button, panel.respond_button, panel.close_button, panel.reopen_button)
    assert all(_fully_shown(w) for w in boxes + buttons)
    assert all(_lines(box) >= 2 for box in boxes), [_lines(box) for box in boxes]
    click(panel.response_edit, QPoint(10, 10))
    QTest.keyClicks(panel.response_edit, "Corrected in round 2.")
    press(panel.respond_button)
    assert load_review(panel.review_path).findings[0].response == "Corrected in round 2."
    keep_screenshot(window, f"findings-form-answered-{language}.png")
