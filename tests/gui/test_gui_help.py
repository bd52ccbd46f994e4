"""Help and navigation a person expects: Help → User guide (offline, English and Japanese, its
pictures present), F1 on a field, the shortcuts list, Ctrl+F across the submission, F8 and
Shift+F8 through the problems."""

from __future__ import annotations

import re

import pytest
from drive import choose_menu, click
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit
from screens import keep_screenshot

from jcm_pdd.gui.help import FieldHelpDialog, Shortcuts, UserGuide, guide_page
from jcm_pdd.gui.i18n import install_language
from jcm_pdd.paths import resources_dir, sample_project_path

GUIDE = resources_dir() / "guide"


@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_user_guide_ships_with_every_picture_it_shows(language: str) -> None:
    page = guide_page(language)
    assert page.parent.name == language
    html = page.read_text(encoding="utf-8")
    pictures = re.findall(r'<img src="([^"]+)"', html)
    assert len(pictures) >= 4
    for picture in pictures:
        image = (page.parent / picture).resolve()
        assert image.is_file() and image.stat().st_size > 5000, picture
    assert "Shift+Enter" in html and "F8" in html and "Ctrl+F" in html


def _dialog(kind: type) -> object:
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
    assert found, kind
    return found[-1]


def test_help_menu_opens_the_user_guide_in_the_interface_language(window, qtbot) -> None:
    choose_menu(window, "Help", "User guide")
    guide = _dialog(UserGuide)
    assert "User guide" in guide.browser.toPlainText()
    keep_screenshot(guide, "user_guide_en.png")
    guide.close()
    install_language("ja")
    window.prefs.language = "ja"
    try:
        window.retranslate()
        help_title = window.menuBar().actions()[-1].text().replace("&", "")
        assert help_title == "ヘルプ(H)"
        guide_title = next(
            a.text().replace("&", "")
            for a in window.menuBar().actions()[-1].menu().actions()
            if a.text()
        )
        choose_menu(window, help_title, guide_title)
        guide = _dialog(UserGuide)
        assert "ユーザーガイド" in guide.browser.toPlainText()
        guide.close()
    finally:
        install_language("en")
        window.prefs.language = "en"
        window.retranslate()


def test_f1_on_a_field_shows_its_guidance_and_citation(window, qtbot) -> None:
    assert window.open_path(sample_project_path())
    window.go_to_path("pdd.title")
    editor = window.view.current_page().binding("pdd.title").editor
    click(editor)
    QTest.keyClick(editor, Qt.Key.Key_F1)
    dialog = _dialog(FieldHelpDialog)
    assert "A.1" in dialog.title.text() and dialog.guidance.text()
    dialog.close()
    # a Monitoring Plan row: the methodology paragraph the template cites
    window.go_to_path("monitoring_plan.monitored.0.estimated_value")
    table = next(
        t for t in window.view.current_page().tables if t.path == "monitoring_plan.monitored"
    )
    QTest.keyClick(table.table, Qt.Key.Key_F1)
    dialog = _dialog(FieldHelpDialog)
    assert dialog.citation.isVisible() and "Methodology:" in dialog.citation.text()
    dialog.close()


def test_shortcuts_are_listed(window, qtbot) -> None:
    choose_menu(window, "Help", "Keyboard shortcuts")
    dialog = _dialog(Shortcuts)
    keys = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    for key in ("Ctrl+F", "F8", "Shift+F8", "F1", "Shift+Enter", "Ctrl+E"):
        assert key in keys, key
    dialog.close()


def test_ctrl_f_finds_across_the_submission(window, qtbot) -> None:
    assert window.open_path(sample_project_path())
    window.resize(1366, 768)
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.view.find_bar
    assert bar.isVisible() and bar.edit.hasFocus()
    QTest.keyClicks(bar.edit, "ulaanbaatar")
    assert len(bar.matches) >= 2  # A.3 and the MoC at least
    QTest.keyClick(bar.edit, Qt.Key.Key_Return)
    first = bar.matches[0].path
    assert bar.count.text() == f"1 of {len(bar.matches)}"
    page = window.view.current_page()
    assert page.section.id == window.view.section_of_path(first)
    keep_screenshot(window, "find_bar.png")
    QTest.keyClick(bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.current == 0 or bar.count.text().startswith(f"{len(bar.matches)} of")
    QTest.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert not bar.isVisible()


def test_f8_and_shift_f8_walk_the_problems(window, qtbot) -> None:
    from jcm_pdd.session import io as session_io
    from jcm_pdd.session import newproject

    choice = next(m for m in newproject.for_country("MN") if m.id == "JCM_MN_AM003")
    project = newproject.new_project("MN", choice, [newproject.SiteEntry("S1")])
    window.set_session(session_io.new_document(project))
    window.controller.recheck_now()
    diagnostics = window.diag_panel.diagnostics
    assert len(diagnostics) > 3
    QTest.keyClick(window, Qt.Key.Key_F8)
    assert window.view.current_page().section.id == window.view.section_of_path(diagnostics[0].path)
    QTest.keyClick(window, Qt.Key.Key_F8)
    assert window.diag_panel.tree.currentItem() is window.diag_panel.tree.topLevelItem(1)
    QTest.keyClick(window, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClick(window, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    last = window.diag_panel.tree.topLevelItemCount() - 1
    assert window.diag_panel.tree.currentItem() is window.diag_panel.tree.topLevelItem(last)
    focus = QApplication.focusWidget()
    assert focus is not None and not isinstance(focus, type(None))
    assert isinstance(focus, QLineEdit) or focus.isVisible()


def test_shortcuts_read_japanese_under_the_japanese_interface(window, qtbot) -> None:
    """The keys inside editors (Enter, Shift+Enter, F11 …) are described in Japanese too, not
    only the menu actions (their texts were missing from the catalogue)."""
    from jcm_pdd.gui.help import EDITING_KEYS
    from jcm_pdd.gui.i18n import install_language

    window.prefs.language = "ja"
    assert install_language("ja")
    try:
        window.retranslate()
        choose_menu(window, "ヘルプ(H)", "キーボードショートカット(K)")
        dialog = _dialog(Shortcuts)
        rows = {
            dialog.table.item(r, 0).text(): dialog.table.item(r, 1).text()
            for r in range(dialog.table.rowCount())
        }
        for key, english in EDITING_KEYS:
            assert rows[key] != english and re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", rows[key])
        dialog.close()
    finally:
        install_language("en")
        window.prefs.language = "en"
        window.retranslate()
