"""Changing the interface language in Preferences applies at once, and loses nothing.

The window is rebuilt in the new language while the document, its unsaved edits and its undo
history stay as they were; the section being edited stays on screen.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer

from jcm_pdd.gui.i18n import install_language
from jcm_pdd.gui.preferences_dialog import PreferencesDialog


def _choose_language_in_dialog(window, code: str) -> None:
    """Drive the real Preferences dialog: pick ``code`` in its combo box, press OK."""

    def answer() -> None:
        dialog = window.findChild(PreferencesDialog)
        assert dialog is not None, "the Preferences dialog did not open"
        dialog.language.setCurrentIndex(dialog.language.findData(code))
        dialog.accept()

    QTimer.singleShot(0, answer)
    window.preferences_dialog()


def test_language_change_applies_without_restart_and_keeps_the_work(
    window, project_file, qtbot
) -> None:
    assert window.open_path(project_file)
    window.view.show_section(window.view.section_of_path("pdd.title"))
    section = window.view.current_page().section.id
    window.controller.edit("pdd.title", "Solar PV, edited before the switch")
    assert window.session.is_dirty
    undo_steps = window.controller.stack.count()
    file_menu = window.menuBar().actions()[0]
    assert file_menu.text() == "&File"

    try:
        _choose_language_in_dialog(window, "ja")
        assert window.prefs.language == "ja"
        assert window.menuBar().actions()[0].text() == "ファイル(&F)"
        assert window.act_save.text() == "保存(&S)"
        assert window.calc_panel.show_button.text() != "Show calculation…"
        assert window.diag_panel.tree.headerItem().text(0) != "Severity"
        # The work is where it was: same document, same unsaved edit, same undo history.
        assert window.session.project.pdd.title == "Solar PV, edited before the switch"
        assert window.session.is_dirty and window.windowTitle().startswith("*")
        assert window.controller.stack.count() == undo_steps
        assert window.view.current_page().section.id == section
        page = window.view.current_page()
        assert page.binding("pdd.title").editor.text() == "Solar PV, edited before the switch"
        # The rebuilt editors edit the same document, and undo still reaches the old edit.
        window.undo()
        assert window.session.project.pdd.title == "Rooftop solar PV in Ulaanbaatar"
        qtbot.waitUntil(lambda: bool(window.calc_panel.figures.rows), timeout=10000)
        # Exactly one set of menus and one toolbar: the old ones are gone, not hidden.
        titles = [a.text() for a in window.menuBar().actions()]
        assert titles.count("ファイル(&F)") == 1 and "&File" not in titles
    finally:
        install_language("en")


def test_cancelled_preferences_change_nothing(window, project_file) -> None:
    assert window.open_path(project_file)
    view = window.view

    def cancel() -> None:
        dialog = window.findChild(PreferencesDialog)
        dialog.language.setCurrentIndex(dialog.language.findData("ja"))
        dialog.reject()

    QTimer.singleShot(0, cancel)
    window.preferences_dialog()
    assert window.prefs.language == "en"
    assert window.view is view, "nothing is rebuilt when the dialog is cancelled"
    assert window.menuBar().actions()[0].text() == "&File"


def _has_kana(text: str) -> bool:
    return any("\u3040" <= c <= "\u30ff" or "\u4e00" <= c <= "\u9fff" for c in text)


def test_validator_docks_follow_a_language_change(window, tmp_path) -> None:
    """The banner, the Findings and Sign-offs docks are rebuilt in Japanese over the same
    review: the selected finding, the filters and the text being typed are kept."""
    from jcm_pdd.package import build_package
    from jcm_pdd.paths import sample_project_path

    package = tmp_path / "sample.jcmpkg"
    build_package(sample_project_path(), package)
    assert window.open_path(package)
    english_banner = window.view.banner.text()
    findings = window.findings_panel
    window.view.navigator.select("PDD:A.3")
    findings.text_edit.setPlainText("Coordinates of site 1 are not evidenced.")
    findings.raise_button.click()
    findings.response_edit.setPlainText("half-typed response")
    findings.set_type_filter("CAR")
    review = findings.review
    try:
        _choose_language_in_dialog(window, "ja")
        assert window.session.read_only, "still the read-only package"
        banner = window.view.banner
        assert banner.isVisible() and banner.text() != english_banner and _has_kana(banner.text())
        assert window.view.banner_state == "ok"
        titles = [dock.windowTitle() for dock in window.review_docks]
        assert all(_has_kana(t) for t in titles), titles
        findings = window.findings_panel
        assert findings.review is review, "the same review behind the rebuilt docks"
        assert _has_kana(findings.raise_button.text()) and _has_kana(findings.summary.text())
        assert _has_kana(window.signoff_panel.summary.text())
        assert findings.selected_id() == "CAR-01"
        assert findings.response_edit.toPlainText() == "half-typed response"
        assert findings.type_filter.currentData() == "CAR"
        # The rebuilt navigator still steers the findings dock.
        findings.start_new()
        window.view.navigator.select("PDD:A.1")
        assert window.findings_panel.target() == "PDD:A.1"
        for section in window.view.sections:  # every rebuilt editor is read-only
            page = window.view.show_section(section.id)
            for binding in getattr(page, "bindings", []):
                assert not binding.editor.isEnabled() or binding.editor.isReadOnly()
    finally:
        install_language("en")


def test_diagnostics_follow_the_interface_language(window, qtbot) -> None:
    from decimal import Decimal

    from jcm_pdd.session import io as session_io
    from jcm_pdd.session import newproject

    choice = next(m for m in newproject.for_country("MN") if m.id == "JCM_MN_AM003")
    site = newproject.SiteEntry("S1", "Ulaanbaatar", "", Decimal("47.9"), Decimal("106.9"), 1)
    window.set_session(session_io.new_document(newproject.new_project("MN", choice, [site])))
    qtbot.waitUntil(lambda: window.diag_panel.error_count() > 0, timeout=10000)
    english = [d.message for d in window.diag_panel.diagnostics]
    assert all(m.isascii() or "“" in m for m in english[:5])
    try:
        _choose_language_in_dialog(window, "ja")
        qtbot.waitUntil(lambda: window.diag_panel.diagnostics != [], timeout=10000)
        japanese = [d.message for d in window.diag_panel.diagnostics]
        assert len(japanese) == len(english), "the same problems, in other words"
        assert sum(any("\u3040" <= c <= "\u30ff" for c in m) for m in japanese) > len(japanese) // 2
        assert window.diag_panel.tree.topLevelItem(0).text(1) == japanese[0]
        # the places too: the form's labels stay English, the words around them do not
        tree = window.diag_panel.tree
        places = [tree.topLevelItem(i).text(2) for i in range(tree.topLevelItemCount())]
        assert any("行目" in place for place in places)
        assert not any(" row " in place or ", site " in place for place in places)
    finally:
        install_language("en")


def test_validator_signs_with_the_name_set_in_preferences(window, tmp_path) -> None:
    from jcm_pdd.package import build_package
    from jcm_pdd.package.review import load_review, review_path_for
    from jcm_pdd.paths import sample_project_path

    package = tmp_path / "sample.jcmpkg"
    build_package(sample_project_path(), package)
    assert window.open_path(package)

    def set_name() -> None:
        dialog = window.findChild(PreferencesDialog)
        dialog.reviewer.setText("  Aiko Tanaka, TPE Co.  ")
        dialog.accept()

    QTimer.singleShot(0, set_name)
    window.preferences_dialog()
    assert window.prefs.reviewer_name == "Aiko Tanaka, TPE Co."
    finding = window.findings_panel.raise_finding("CL", "pdd.title", "Please state the year.")
    assert finding is not None and finding.author == "Aiko Tanaka, TPE Co."
    saved = load_review(review_path_for(package))
    assert [f.author for f in saved.findings] == ["Aiko Tanaka, TPE Co."]


def test_lock_banner_and_export_refusal_follow_the_language(window, project_file, qtbot) -> None:
    """The read-only banner of a file locked by another instance, and the list of errors that
    refuses a final export, are in Japanese after the switch (not the core's English)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from jcm_pdd.session import io as session_io
    from jcm_pdd.session import newproject
    from jcm_pdd.storage import ProjectLock

    other = ProjectLock(project_file)
    other.acquire()  # another instance has it open
    try:
        assert window.open_path(project_file)
        assert "is already open by" in window.view.banner.text()
        _choose_language_in_dialog(window, "ja")
        banner = window.view.banner.text()
        assert _has_kana(banner) and "is already open by" not in banner
        assert project_file.name in banner
        assert window.close_document()

        choice = next(m for m in newproject.for_country("MN") if m.id == "JCM_MN_AM003")
        window.set_session(session_io.new_document(newproject.new_project("MN", choice, [])))
        dialog = window.export_dialog()
        qtbot.addWidget(dialog)
        QTest.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
        problems = dialog.problems
        lines = [dialog.message.text()] + [problems.item(i).text() for i in range(problems.count())]
        assert len(lines) > 2 and dialog.thread_ is None, "refused before any work starts"
        assert _has_kana(lines[0]) and "final export" not in lines[0]
        assert sum(_has_kana(line) for line in lines[1:]) > (len(lines) - 1) // 2
        dialog.close()
    finally:
        other.release()
        install_language("en")


def test_the_review_dock_on_top_stays_on_top_after_a_language_change(
    window, tmp_path, qtbot
) -> None:
    """The validator reading the Sign-offs keeps reading them in Japanese (the rebuilt docks
    are raised once laid out; raised before, the Diagnostics tab covered them)."""
    from jcm_pdd.package import build_package
    from jcm_pdd.paths import sample_project_path

    package = tmp_path / "sample.jcmpkg"
    build_package(sample_project_path(), package)
    window.resize(1366, 768)
    assert window.open_path(package)

    def on_top(name: str) -> bool:
        dock = next((d for d in window.review_docks if d.objectName() == name), None)
        return dock is not None and not dock.visibleRegion().isEmpty()

    qtbot.waitUntil(lambda: on_top("findingsDock"))
    signoffs = next(d for d in window.review_docks if d.objectName() == "signoffDock")
    signoffs.raise_()  # the validator clicks the Sign-offs tab
    qtbot.waitUntil(lambda: on_top("signoffDock"))
    try:
        _choose_language_in_dialog(window, "ja")
        qtbot.waitUntil(lambda: on_top("signoffDock"), timeout=3000)
        assert window.diag_dock.visibleRegion().isEmpty(), "the Diagnostics tab is behind"
    finally:
        install_language("en")
