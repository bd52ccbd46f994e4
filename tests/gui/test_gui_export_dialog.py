"""The export dialog after a person's click: a final export refused by many errors lists them
in a scrollable list (the buttons stay in view) and one click on a line goes to its field; a
finished export offers "Open folder"."""

from __future__ import annotations

from pathlib import Path

from drive import click, click_tree_item, press, toggle
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QListWidget
from screens import keep_screenshot

from jcm_pdd.gui.export_dialog import ExportDialog
from jcm_pdd.session import io as session_io
from jcm_pdd.session import newproject


def _new_project():
    choice = next(m for m in newproject.for_country("MN") if m.id == "JCM_MN_AM003")
    return newproject.new_project("MN", choice, [newproject.SiteEntry("S1")])


def _item_click(problems: QListWidget, row: int) -> None:
    item = problems.item(row)
    problems.scrollToItem(item)
    click(problems.viewport(), problems.visualItemRect(item).center())


def test_a_long_refusal_list_scrolls_and_each_line_goes_to_its_field(window, qtbot) -> None:
    window.set_session(session_io.new_document(_new_project()))
    dialog = window.export_dialog()
    assert isinstance(dialog, ExportDialog)
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    press(dialog.start_button)
    problems = dialog.problems
    assert problems.isVisible() and problems.count() > 30
    assert dialog.thread_ is None  # refused before any work
    assert "error(s) remain" in dialog.message.text()
    # the list scrolls inside the dialog; the buttons stay inside it, below the list
    assert problems.verticalScrollBar().maximum() > 0
    buttons = dialog.buttons.geometry()
    assert problems.geometry().bottom() < buttons.top() <= dialog.rect().bottom()
    assert "pdd." not in problems.item(0).text()  # fields named by their labels
    keep_screenshot(dialog, "export_refusal_list.png")
    last = problems.count() - 1
    path = str(problems.item(last).data(0x0100))
    _item_click(problems, last)
    assert not dialog.isVisible()
    page = window.view.current_page()
    assert page.section.id == window.view.section_of_path(path)


def test_open_folder_after_an_export(window, qtbot, tmp_path: Path, monkeypatch) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(opened.append))
    window.set_session(session_io.new_document(_new_project()))
    dialog = window.export_dialog()
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    dialog.folder.selectAll()
    qtbot.keyClicks(dialog.folder, str(tmp_path / "out"))
    for key, box in dialog.formats.items():
        if key != "docx":
            toggle(box)
    toggle(dialog.draft)
    assert dialog.draft.isChecked()
    assert not dialog.open_folder_button.isVisible()
    press(dialog.start_button)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=60000)
    assert isinstance(dialog.result, list), dialog.message.text()
    assert dialog.open_folder_button.isVisible()
    dialog.resize(760, 620)  # taller than its content: the spare height goes below the text
    qtbot.waitUntil(lambda: dialog.height() >= 600)
    assert dialog.progress.geometry().top() - dialog.draft.geometry().bottom() < 24
    assert dialog.message.geometry().height() < 200  # the text, not the dialog's spare height
    keep_screenshot(dialog, "export_done_open_folder.png")
    press(dialog.open_folder_button)
    assert [u.toLocalFile() for u in opened] == [str(tmp_path / "out")]
    dialog.close()


def test_diagnostics_field_column_reads_labels(window, qtbot) -> None:
    window.set_session(session_io.new_document(_new_project()))
    window.controller.recheck_now()
    tree = window.diag_panel.tree
    assert tree.topLevelItemCount() > 0
    shown = [tree.topLevelItem(i).text(2) for i in range(tree.topLevelItemCount())]
    assert not any(text.startswith(("pdd.", "moc.", "monitoring_plan.")) for text in shown)
    click_tree_item(tree, tree.topLevelItem(0), double=True)


def test_file_dialogs_start_in_the_project_folder_or_documents(
    window, qtbot, tmp_path: Path, monkeypatch, project_file: Path
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from jcm_pdd.gui.export_dialog import documents_folder

    asked: list[str] = []

    def remember(_parent, _title, start, *_a, **_k):
        asked.append(start)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(remember))
    window.prefs.recent_files = []
    press(window.start_page.open_button)
    assert Path(asked[-1]) == documents_folder() and asked[-1] not in ("", ".")
    assert window.open_path(project_file)
    window.open_dialog()
    assert Path(asked[-1]) == project_file.parent
    dialog = window.export_dialog()
    qtbot.addWidget(dialog)
    assert Path(dialog.folder.text()) == project_file.parent
    dialog.close()


def test_a_final_export_reports_in_the_interface_language(window, qtbot, tmp_path: Path) -> None:
    """After a final export under the Japanese interface: the folder once, then the file
    names, and the note on forms not confirmed against the official ones in Japanese."""
    from jcm_pdd.gui.i18n import install_language
    from jcm_pdd.paths import sample_project_path

    assert window.open_path(sample_project_path())  # complete: a final export is allowed
    window.prefs.language = "ja"
    assert install_language("ja")
    try:
        dialog = window.export_dialog()
        qtbot.addWidget(dialog)
        qtbot.waitExposed(dialog)
        dialog.folder.selectAll()
        qtbot.keyClicks(dialog.folder, str(tmp_path / "out"))
        for key, box in dialog.formats.items():
            if key != "docx":
                toggle(box)
        assert not dialog.draft.isChecked()
        press(dialog.start_button)
        qtbot.waitUntil(lambda: dialog.result is not None, timeout=60000)
        assert isinstance(dialog.result, list), dialog.message.text()
        text = dialog.message.text()
        written = sorted(p.name for p in (tmp_path / "out").iterdir())
        assert text.count(str(tmp_path / "out")) == 1  # the folder once
        assert all(f"\n  {name}" in text for name in written)
        assert "official form" not in text and "recalled" not in text
        dialog.close()
        # a Vietnamese project's forms are not confirmed against the official ones: the note
        # the final export adds reads Japanese
        choice = next(m for m in newproject.for_country("VN") if m.id == "JCM_VN_AM001")
        vietnam = newproject.new_project("VN", choice, [newproject.SiteEntry("S1")])
        window.set_session(session_io.new_document(vietnam))
        dialog = window.export_dialog()
        qtbot.addWidget(dialog)
        notes = dialog._unconfirmed_forms()
        assert notes and all("公式の様式との照合未了" in note for note in notes)
        assert not any("recalled" in note or "official" in note for note in notes)
        assert not any("記憶" in note for note in notes)
        dialog.close()
    finally:
        install_language("en")


def test_refusal_lines_in_japanese_are_as_tall_as_their_wrapped_text(window, qtbot) -> None:
    """Each line of the refusal list shows all of its text: the row is as tall as the text
    wrapped at the row's width, with the font Japanese is drawn in (rows sized by the Latin
    font's line height showed one line ending in "…")."""
    from PySide6.QtGui import QTextLayout, QTextOption

    from jcm_pdd.gui.i18n import install_language

    window.prefs.language = "ja"
    assert install_language("ja")
    try:
        window.resize(1366, 768)
        window.set_session(session_io.new_document(_new_project()))
        dialog = window.export_dialog()
        qtbot.addWidget(dialog)
        qtbot.waitExposed(dialog)
        press(dialog.start_button)
        problems = dialog.problems
        assert problems.isVisible() and problems.count() > 30
        wrapped = 0
        for row in range(8):
            item = problems.item(row)
            rect = problems.visualItemRect(item)
            layout = QTextLayout(item.text(), problems.font())
            option = QTextOption()
            option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
            layout.setTextOption(option)
            layout.beginLayout()
            lines = []
            while (line := layout.createLine()).isValid():
                line.setLineWidth(rect.width() - 8)
                lines.append(line.height())
            layout.endLayout()
            # taller than the bare lines: the style keeps a margin, and a row exactly as tall
            # as its two lines was drawn as one line ending in "…"
            assert rect.height() > sum(lines), (row, item.text(), rect.height(), lines)
            wrapped += len(lines) > 1
        assert wrapped >= 3  # the lines that wrap were the ones cut short
        dialog.close()
    finally:
        install_language("en")
