"""Keyboard-only use of the main window: every shortcut and menu mnemonic is unique per window
(English and Japanese, editor and validator), Tab reaches every control and leaves every table
(no focus trap, no stop that shows nothing), with QTest key events only."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAction, QColor, QDesktopServices, QPalette, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QToolButton,
    QTreeWidget,
    QWidget,
)

from jcm_pdd.gui.i18n import install_language
from jcm_pdd.gui.mainwindow import MainWindow
from jcm_pdd.gui.preferences import Preferences
from jcm_pdd.gui.section_editor import SectionEditor
from tests.gui.review_packages import built_rounds, copy_into

TAB = Qt.Key.Key_Tab


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the focus"
    return widget


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(focused(), key, modifier)


def spoken_name(widget: QWidget) -> str:
    """What a screen reader says a widget is (Qt's accessibility interface's name)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def window_shortcuts(window: QWidget) -> Counter[str]:
    """Every key sequence that triggers something anywhere in ``window`` (actions of the
    window and of its children, shortcut objects), each as often as it is bound."""
    keys: Counter[str] = Counter()
    for action in window.findChildren(QAction):
        if action.shortcutContext() == Qt.ShortcutContext.WidgetShortcut:
            continue  # only while its own widget has the focus
        keys.update({k.toString() for k in action.shortcuts() if not k.isEmpty()})
    for shortcut in window.findChildren(QShortcut):
        keys.update([shortcut.key().toString()])
    return keys


def mnemonic(text: str) -> str:
    """The letter after a single "&" ("Save &As…" -> "a", "保存(&S)" -> "s")."""
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).lower() if found else ""


def menu_clashes(window: QMainWindow) -> list[str]:
    """Menus (the bar included) in which two entries answer the same Alt+letter."""
    clashes = []

    def check(title: str, actions: list[QAction]) -> None:
        letters = Counter(mnemonic(a.text()) for a in actions if a.isVisible())
        letters.pop("", None)
        for letter, count in letters.items():
            if count > 1:
                texts = [a.text() for a in actions if mnemonic(a.text()) == letter]
                clashes.append(f"{title}: {letter!r} in {texts}")
        for action in actions:
            if isinstance(action.menu(), QMenu):
                check(action.text(), action.menu().actions())

    check("menu bar", window.menuBar().actions())
    return clashes


def unique_keys(window: MainWindow) -> None:
    doubled = {key: n for key, n in window_shortcuts(window).items() if n > 1}
    assert doubled == {}, doubled
    assert menu_clashes(window) == []


def down_to_section(window, section_id: str, most: int = 30) -> None:
    """Down arrow in the navigator until ``section_id`` shows (a bounded walk: a test fails,
    never hangs, if the arrows stop moving)."""
    for _ in range(most):
        if window.view.current_page().section.id == section_id:
            return
        press(Qt.Key.Key_Down)
    raise AssertionError(f"{most} Down presses did not reach {section_id}")


@pytest.mark.parametrize("language", ["en", "ja"])
def test_shortcuts_and_mnemonics_are_unique_in_editor_and_validator(
    qtbot, answers, project_file: Path, tmp_path: Path, tmp_path_factory, language: str
) -> None:
    install_language(language)
    try:
        window = MainWindow(Preferences())
        qtbot.addWidget(window)
        window.show()
        assert window.open_path(project_file)
        unique_keys(window)
        assert window_shortcuts(window)["Ctrl+F"] == 1  # (the probe sees the menus' keys)
        package = copy_into(built_rounds(tmp_path_factory).round1, tmp_path / "received")
        assert window.open_path(package)  # validator mode: its docks and panels
        unique_keys(window)
        window.close_document()
    finally:
        install_language("en")


def _c3_table_focused(window: MainWindow, qtbot) -> None:
    qtbot.waitUntil(lambda: window.calc_panel.table.rowCount() > 3, timeout=10000)
    window.activateWindow()
    window.calc_panel.table.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.calc_panel.table)


def test_tab_leaves_the_c3_table_for_show_calculation(window, project_file, qtbot) -> None:
    """A table one only reads takes one Tab stop: the arrows move between its years."""
    assert window.open_path(project_file)
    _c3_table_focused(window, qtbot)
    press(Qt.Key.Key_Down)
    assert window.calc_panel.table.currentRow() == 1  # the arrows walk the years
    press(TAB)
    assert focused() is window.calc_panel.show_button
    press(TAB, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is window.calc_panel.table


def test_tab_round_the_editor_stops_only_where_something_shows(window, project_file, qtbot):
    """From the navigator, Tab visits the page's fields, the C.3 table and its button, and
    comes back to the navigator: no stop on the page itself, the chart or a parked tab bar."""
    assert window.open_path(project_file)
    _c3_table_focused(window, qtbot)
    window.view.navigator.setFocus()
    stops: list[QWidget] = []
    for _ in range(40):
        press(TAB)
        if focused() is window.view.navigator:
            break
        stops.append(focused())
    else:
        pytest.fail("Tab never came back to the navigator: " + str(stops[-5:]))
    page = window.view.current_page()
    assert isinstance(page, SectionEditor)
    editors = [b.editor for b in page.bindings]
    assert stops[: len(editors)] == editors  # the page's fields first, in the form's order
    assert stops[len(editors) :] == [window.calc_panel.table, window.calc_panel.show_button]
    for widget in stops:
        assert spoken_name(widget), f"{type(widget).__name__} has no accessible name"


def _sites_table(window: MainWindow):
    assert window.view is not None
    page = window.view.show_section(window.view.section_of_path("pdd.sites"))
    assert isinstance(page, SectionEditor)
    return next(t for t in page.tables if t.path == "pdd.sites")


def test_tab_walks_a_table_s_cells_and_leaves_after_the_last(window, project_file, qtbot):
    assert window.open_path(project_file)
    editor = _sites_table(window)
    table = editor.table
    window.activateWindow()
    table.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table)
    press(Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert (table.currentRow(), table.currentColumn()) == (0, 0)
    press(TAB)
    assert focused() is table and table.currentColumn() == 1  # like a spreadsheet
    press(Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    last = (table.rowCount() - 1, table.columnCount() - 1)
    assert (table.currentRow(), table.currentColumn()) == last
    press(TAB)
    assert focused() is editor.add_button, type(focused()).__name__
    assert isinstance(focused(), QPushButton)
    press(TAB, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is table and (table.currentRow(), table.currentColumn()) == last
    press(Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    press(TAB, Qt.KeyboardModifier.ShiftModifier)  # before the first cell: the field above
    assert focused() is not table and not table.isAncestorOf(focused())


def test_validator_raises_a_finding_and_enter_goes_to_it_by_keyboard(
    window, tmp_path: Path, tmp_path_factory, qtbot
) -> None:
    """In the Findings dock: type the finding, Tab to "Raise finding", Space; later, Enter on
    the finding's row shows its section with the focus on the section's first field."""
    package = copy_into(built_rounds(tmp_path_factory).round1, tmp_path / "received")
    window.resize(1366, 768)
    assert window.open_path(package)
    window.activateWindow()
    panel = window.findings_panel
    qtbot.waitUntil(lambda: panel.text_edit.isVisible())  # its dock on top of the tabs
    navigator = window.view.navigator
    navigator.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is navigator)
    down_to_section(window, "PDD:A.2")  # the arrows walk the sections
    assert panel.target() == "PDD:A.2"
    panel.text_edit.setFocus(Qt.FocusReason.OtherFocusReason)
    QTest.keyClicks(focused(), "The description omits the second site.")
    for _ in range(10):
        if focused() is panel.raise_button:
            break
        press(TAB)
    assert focused() is panel.raise_button
    press(Qt.Key.Key_Space)
    assert [f.target for f in panel.review.findings] == ["PDD:A.2"]

    navigator.setFocus(Qt.FocusReason.OtherFocusReason)
    press(Qt.Key.Key_Up)
    assert window.view.current_page().section.id == "PDD:A.1"
    panel.table.setFocus(Qt.FocusReason.OtherFocusReason)
    press(Qt.Key.Key_Home)
    assert panel.table.currentRow() == 0
    press(Qt.Key.Key_Return)
    page = window.view.current_page()
    assert page.section.id == "PDD:A.2"
    assert page.isAncestorOf(focused()), type(focused()).__name__
    assert focused() is page.bindings[0].editor


def test_start_page_focus_starts_on_new_project_then_on_the_latest_file(
    window, project_file: Path, qtbot
) -> None:
    """No Tab stop but the page's buttons (the parked dock tab bar took the first one);
    with a recent file, the keyboard starts on it and Enter opens it."""
    window.activateWindow()
    page = window.start_page
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.new_button)
    stops = []
    for _ in range(5):
        press(TAB)
        stops.append(focused())
    assert stops == ([page.open_button, page.sample_button, page.new_button] * 2)[:5]
    assert window.open_path(project_file)
    assert window.close_document()  # back on the start page, the file now in its list
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.table)
    press(Qt.Key.Key_Return)
    assert window.session is not None and window.session.path == project_file


def choose_by_keyboard(window: MainWindow, menu_letter: Qt.Key, entry_letter: Qt.Key) -> None:
    """Alt+letter opens a menu of the bar, the entry's letter chooses it."""
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window)
    QTest.keyClick(window, menu_letter, Qt.KeyboardModifier.AltModifier)
    popup = QApplication.activePopupWidget()
    assert isinstance(popup, QMenu), "Alt+letter opened no menu"
    QTest.keyClick(popup, entry_letter)


def test_enter_in_the_package_dialog_packages_instead_of_closing(
    window, tmp_path: Path, qtbot
) -> None:
    """File > Package for validation (Alt+F, V); Enter in "Packaged by" builds the package
    (the default button was set before it belonged to the dialog, so Enter pressed Close)."""
    from jcm_pdd.gui.export_dialog import PackageDialog
    from jcm_pdd.paths import sample_project_path

    project = Path(shutil.copyfile(sample_project_path(), tmp_path / "sample.jcmpdd"))
    assert window.open_path(project)
    choose_by_keyboard(window, Qt.Key.Key_F, Qt.Key.Key_V)
    dialog = window.findChildren(PackageDialog)[-1]
    qtbot.waitUntil(dialog.isVisible)
    dialog.packaged_by.setFocus(Qt.FocusReason.OtherFocusReason)
    QTest.keyClicks(dialog.packaged_by, "D. Developer")
    target = Path(dialog.target.text())
    with qtbot.waitSignal(dialog.finished_job, timeout=180000):
        QTest.keyClick(dialog.packaged_by, Qt.Key.Key_Return)
    assert dialog.isVisible(), "Enter closed the dialog"
    assert target.is_file(), dialog.message.text()
    QTest.keyClick(dialog.packaged_by, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_escape_in_the_find_bar_leaves_the_focus_at_the_match(window, qtbot) -> None:
    """Ctrl+F, type, Enter, Esc: the keyboard is on the match's field (it went to the C.3
    table, the next stop after the closed bar); with no match, back where it was. The bar's
    arrow and cross buttons are named in words for a screen reader."""
    from jcm_pdd.paths import sample_project_path

    window.resize(1366, 768)
    assert window.open_path(sample_project_path())
    window.activateWindow()
    page = window.view.show_section(window.view.section_of_path("pdd.title"))
    title = page.binding("pdd.title").editor
    title.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is title)
    press(Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.view.find_bar
    assert focused() is bar.edit
    QTest.keyClicks(bar.edit, "zzz-nowhere")
    press(Qt.Key.Key_Escape)
    assert not bar.isVisible() and focused() is title  # nothing found: back where it was

    press(Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(bar.edit, "ulaanbaatar")
    press(Qt.Key.Key_Return)
    press(Qt.Key.Key_Return)
    assert focused() is bar.edit  # Enter again finds the next one
    assert bar.edit.accessibleDescription().startswith(f"2 of {len(bar.matches)}, ")
    match = bar.matches[bar.current].path
    press(Qt.Key.Key_Escape)
    shown = window.view.current_page()
    assert shown.section.id == window.view.section_of_path(match)
    assert shown.isAncestorOf(focused()), type(focused()).__name__
    names = [spoken_name(b) for b in bar.findChildren(QToolButton)]
    assert names == ["Previous match", "Next match", "Close the find bar"]


def _selection_colour(view) -> tuple[QColor, QColor]:
    """The colours the view paints its selected row with: background and text."""
    palette = view.palette()
    return (
        palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight),
        palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.HighlightedText),
    )


def test_the_focused_list_is_the_one_with_the_full_highlight(window, project_file, qtbot):
    """An opened document puts the keyboard on the navigator; Tab onwards to C.3's table and
    the navigator's selected section turns pale (both were painted alike, so nobody could see
    which had the focus), the table's current year full; the focus back on the navigator, and
    the other way round."""
    window.resize(1366, 768)
    assert window.open_path(project_file)
    window.activateWindow()
    navigator, table = window.view.navigator, window.calc_panel.table
    qtbot.waitUntil(lambda: QApplication.focusWidget() is navigator)
    qtbot.waitUntil(lambda: table.rowCount() > 3, timeout=10000)
    full = _selection_colour(navigator)  # (it has the focus)
    for _ in range(30):
        if focused() is table:
            break
        press(TAB)
    assert focused() is table
    press(Qt.Key.Key_Down)
    pale = _selection_colour(navigator)
    assert _selection_colour(table) == full
    assert pale != full and pale[1] == navigator.palette().color(QPalette.ColorRole.Text)
    window.view.navigator.setFocus(Qt.FocusReason.BacktabFocusReason)
    assert _selection_colour(navigator) == full and _selection_colour(table) == pale


def test_show_calculation_and_about_by_keyboard(window, project_file, qtbot) -> None:
    """View > Show calculation (Alt+V, C) opens a window that has the keyboard (Esc closes it);
    Help > About (Alt+H, A): Enter closes the box, it does not open the crash-log folder."""
    from jcm_pdd.gui.calc_panel import CalculationDialog

    assert window.open_path(project_file)
    qtbot.waitUntil(lambda: window.calc_panel.table.rowCount() > 3, timeout=10000)
    choose_by_keyboard(window, Qt.Key.Key_V, Qt.Key.Key_C)
    dialog = window.calc_panel.findChildren(CalculationDialog)[-1]
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    assert focused() is dialog.steps_view  # the equations, to read and scroll
    press(Qt.Key.Key_Escape)
    assert not dialog.isVisible()

    opened: list[str] = []
    monkey = QDesktopServices.openUrl
    QDesktopServices.openUrl = staticmethod(lambda url: opened.append(url.toString()) or True)
    try:
        choose_by_keyboard(window, Qt.Key.Key_H, Qt.Key.Key_A)
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox))
        qtbot.waitUntil(box.isVisible)
        QTest.keyClick(box, Qt.Key.Key_Return)
        assert not box.isVisible() and opened == []
    finally:
        QDesktopServices.openUrl = monkey


def test_the_recovery_dialog_restores_with_enter_and_keeps_the_copy_with_esc(
    qtbot, project_file: Path, answers
) -> None:
    """Enter on the offered document restores it (Restore is the default button; it was set
    before the button belonged to the dialog, so Enter pressed nothing); Esc is "Decide
    later": the recovery copy stays for the next start."""
    from PySide6.QtCore import QTimer

    from jcm_pdd.gui.application import build_window
    from jcm_pdd.gui.recovery_dialog import RecoveryDialog
    from jcm_pdd.session import io as session_io
    from jcm_pdd.storage import RecoveryStore

    crashed = session_io.open_document(project_file, lock=False)
    crashed.set_value("pdd.title", "Typed just before the power cut")
    session_io.write_recovery(crashed)

    def answer(key: Qt.Key) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, RecoveryDialog) or QApplication.focusWidget() is None:
            QTimer.singleShot(20, lambda: answer(key))  # (until it is shown and active)
            return
        try:
            seen.append(focused())
            press(key)
        finally:
            if dialog.isVisible():  # a failure must not leave the modal dialog open
                seen.append("left open")
                dialog.reject()

    seen: list[object] = []
    QTimer.singleShot(0, lambda: answer(Qt.Key.Key_Escape))
    later = build_window(None)
    qtbot.addWidget(later)
    assert len(seen) == 1 and isinstance(seen[0], QTreeWidget), seen  # on the documents
    assert later.session is None and RecoveryStore().pending()  # kept for later
    later.close()

    QTimer.singleShot(0, lambda: answer(Qt.Key.Key_Return))
    window = build_window(None)
    qtbot.addWidget(window)
    assert "left open" not in seen, seen
    assert window.session is not None
    assert window.session.project.pdd.title == "Typed just before the power cut"
    window.close_document()


def test_the_review_docks_follow_a_go_to_by_keyboard(
    window, tmp_path: Path, tmp_path_factory, qtbot
) -> None:
    """Ctrl+F to a field of another section, Esc: the page shown is the one a new finding and
    a sign-off are about (the docks stayed on the section the navigator had shown)."""
    package = copy_into(built_rounds(tmp_path_factory).round1, tmp_path / "received")
    window.resize(1366, 768)
    assert window.open_path(package)
    window.activateWindow()
    navigator = window.view.navigator
    qtbot.waitUntil(lambda: QApplication.focusWidget() is navigator)
    down_to_section(window, "PDD:A.2")
    assert window.signoff_panel.current_section == "PDD:A.2"
    press(Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(focused(), "Title of the JCM project")
    press(Qt.Key.Key_Return)
    press(Qt.Key.Key_Escape)
    assert window.view.current_page().section.id == "PDD:A.1"
    qtbot.waitUntil(lambda: window.signoff_panel.current_section == "PDD:A.1")
    assert window.findings_panel.target() == "PDD:A.1"


def test_mark_confidential_and_go_back_to_it_by_keyboard(window, project_file, qtbot) -> None:
    """Ctrl+Shift+K in the title marks it; Edit > Confidential items (Alt+E, I) puts the
    keyboard on the list (it only showed the dock), Enter goes back to the field."""
    window.resize(1366, 768)
    assert window.open_path(project_file)
    window.activateWindow()
    page = window.view.show_section(window.view.section_of_path("pdd.title"))
    title = page.binding("pdd.title").editor
    title.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is title)
    press(Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert "pdd.title" in window.session.project.confidential
    window.view.navigator.setFocus(Qt.FocusReason.OtherFocusReason)
    press(Qt.Key.Key_Down)  # elsewhere now
    choose_by_keyboard(window, Qt.Key.Key_E, Qt.Key.Key_I)
    tree = window.confidential_panel.tree
    assert focused() is tree and spoken_name(tree) == "Confidential items"
    press(Qt.Key.Key_Home)
    press(Qt.Key.Key_Return)
    assert focused() is window.view.current_page().binding("pdd.title").editor


def test_tab_in_the_last_cell_s_editor_leaves_the_table(window, qtbot) -> None:
    """New project wizard, sites: F2 on the last cell (Units), type, Tab: the value is kept
    and the keyboard is on "Add site" (the view wrapped round to the first cell, editing)."""
    from PySide6.QtCore import QTimer

    from jcm_pdd.gui.wizard import NewProjectWizard

    seen: dict[str, object] = {}

    def drive() -> None:
        wizard = QApplication.activeModalWidget()
        if not isinstance(wizard, NewProjectWizard) or QApplication.activeWindow() is not wizard:
            QTimer.singleShot(20, drive)
            return
        try:
            assert focused() is wizard.country_page.combo
            QTest.keyClicks(focused(), "Ken")  # Kenya, chosen by typing in the country box
            press(Qt.Key.Key_Return)
            QTest.qWait(50)
            press(Qt.Key.Key_Down)  # its first methodology (KE_AM002)
            press(Qt.Key.Key_Return)
            QTest.qWait(50)
            sites = wizard.sites_page
            table = sites.table
            assert focused() is table, (
                type(focused()).__name__,
                wizard.currentId(),
                wizard.country_page.country(),
                wizard.methodology_page.list.currentRow(),
            )
            press(Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
            press(Qt.Key.Key_F2)
            QTest.keyClicks(focused(), "3")
            press(TAB)
            QTest.qWait(20)
            seen["focus"], seen["add"] = focused(), sites.add_button
            seen["units"] = table.item(table.rowCount() - 1, table.columnCount() - 1).text()
        finally:
            wizard.reject()

    QTimer.singleShot(0, drive)
    choose_by_keyboard(window, Qt.Key.Key_F, Qt.Key.Key_N)
    assert seen.get("units", "").endswith("3"), seen
    assert seen["focus"] is seen["add"], seen


@pytest.mark.parametrize("language", ["en", "ja"])
def test_preferences_by_keyboard(qtbot, answers, language: str) -> None:
    """File > Preferences (Alt+F, P); Alt+N goes to the reviewer's name (the labels had no
    letter), typing and Enter keep it (OK); again, Esc keeps what was saved."""
    from PySide6.QtCore import QTimer

    from jcm_pdd.gui.preferences_dialog import PreferencesDialog

    install_language(language)
    try:
        window = MainWindow(Preferences())
        qtbot.addWidget(window)
        window.show()

        def answer(keys: str, close: Qt.Key) -> None:
            dialog = QApplication.activeModalWidget()
            if not isinstance(dialog, PreferencesDialog) or (
                QApplication.activeWindow() is not dialog
            ):
                QTimer.singleShot(20, lambda: answer(keys, close))
                return
            try:
                assert focused() is dialog.language
                press(Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
                assert focused() is dialog.reviewer
                QTest.keyClicks(dialog.reviewer, keys)
                press(close)
            finally:
                if dialog.isVisible():
                    dialog.reject()

        QTimer.singleShot(0, lambda: answer("A. Tanaka", Qt.Key.Key_Return))
        choose_by_keyboard(window, Qt.Key.Key_F, Qt.Key.Key_P)
        assert window.prefs.reviewer_name == "A. Tanaka"
        QTimer.singleShot(0, lambda: answer(" (draft)", Qt.Key.Key_Escape))
        choose_by_keyboard(window, Qt.Key.Key_F, Qt.Key.Key_P)
        assert window.prefs.reviewer_name == "A. Tanaka"
    finally:
        install_language("en")


def test_a_screen_reader_reads_the_navigator_s_marks_in_words(window, project_file) -> None:
    """The navigator's ✓ / ◐ / ⚠ column reads "Complete", "2 of 5 required fields filled"…
    through Qt's accessibility (it read the symbol)."""
    assert window.open_path(project_file)
    tree = QAccessible.queryAccessibleInterface(window.view.navigator)
    cells = [tree.child(k).text(QAccessible.Text.Name) for k in range(tree.childCount())]
    assert "Complete" in cells or any("required fields filled" in c for c in cells), cells
    assert not {"✓", "◐", "○", "⚠"} & set(cells), cells
