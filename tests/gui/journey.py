"""A person's whole journey in the desktop app, from the start page to an opened validation
package, with the mouse and the keyboard only (``drive``): no signal is emitted and no model
value is set by the test.

``Journey.fill_every_error`` works as a person does with an empty project: double-click the
first error in the diagnostics, see where it leads (a field, a table, a cell) and fill it in
there: typing text (Shift+Enter between lines of a paragraph cell), picking from drop-downs,
adding rows, attaching the C.2 figure. What is typed depends only on the kind of field and the
form's label, so a template added later is driven the same way; an error this cannot clear is
a failure that names it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from drive import (
    choose_in_combo,
    click,
    click_link,
    click_tree_item,
    commit_cell,
    open_cell_editor,
    press,
)
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from jcm_pdd.gui import none_guard
from jcm_pdd.gui.fields import FieldBinding
from jcm_pdd.gui.mainwindow import MainWindow
from jcm_pdd.gui.section_editor import SectionEditor
from jcm_pdd.gui.table_editor import TableEditor
from jcm_pdd.gui.wizard import NewProjectWizard
from jcm_pdd.paths import resources_dir

FIGURE = resources_dir() / "samples" / "mongolia-solar-pv-figure.png"
START = dt.date(2026, 4, 1)
DEBUG = bool(__import__("os").environ.get("JCM_JOURNEY_DEBUG"))


def _value(window: MainWindow, path: str) -> Any:
    from jcm_pdd.model.paths import PathError, get_value

    try:
        return get_value(window.session.project, path)
    except PathError:
        return "<no such path>"


def country_point(code: str) -> tuple[str, str]:
    """A latitude and longitude inside the country's box (forms/countries.toml)."""
    from jcm_pdd.forms import load_forms

    country = next(c for c in load_forms().countries.countries if c.code == code)
    bounds = country.bounds
    return str((bounds.south + bounds.north) / 2), str((bounds.west + bounds.east) / 2)


def country_name(code: str) -> str:
    from jcm_pdd.forms import load_forms

    return next(c.name for c in load_forms().countries.countries if c.code == code)


def type_into(editor: QWidget, text: str, *, paragraph_cell: bool = False) -> None:
    """Replace the editor's text by ``text`` as a person types it: select all, then the keys;
    lines of a paragraph cell are separated with Shift+Enter, of a text field with Enter."""
    editor.setFocus()
    QTest.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if isinstance(editor, QLineEdit) or not text:
        QTest.keyClick(editor, Qt.Key.Key_Delete)
    lines = text.split("\n")
    for n, line in enumerate(lines):
        if n:
            modifier = (
                Qt.KeyboardModifier.ShiftModifier
                if paragraph_cell
                else Qt.KeyboardModifier.NoModifier
            )
            QTest.keyClick(editor, Qt.Key.Key_Return, modifier)
        QTest.keyClicks(editor, line)


def example_inputs(full_id: str) -> tuple[dict[str, str], dict[str, str]]:
    """The developer's own figures: here, the template's first worked example (its values
    meet the methodology's eligibility checks): (values, cases chosen) by parameter key."""
    from jcm_pdd.methodology import load_registry

    template = next(t for t in load_registry().all() if t.identity.full_id == full_id)
    values: dict[str, str] = {}
    cases: dict[str, str] = {}
    for key, entry in (template.examples[0].inputs if template.examples else {}).items():
        first = entry[0] if isinstance(entry, list) and entry else entry
        if not isinstance(first, dict):
            values[key] = str(first)
            continue
        if "value" in first:
            values[key] = str(first["value"])
        if "choice" in first:
            cases[key] = str(first["choice"])
    return values, cases


@dataclass
class Journey:
    window: MainWindow
    qtbot: Any
    folder: Path
    country: str = ""
    figures: dict[str, str] = field(default_factory=dict)  # the developer's data sheet
    cases: dict[str, str] = field(default_factory=dict)
    attempts: dict[str, int] = field(default_factory=dict)
    filled: int = 0

    # -- the new-project wizard -------------------------------------------------------------
    def create_through_wizard(self, full_id: str, country: str) -> None:
        """Start page "New project…" -> the wizard, driven while it is open (it is modal)."""
        self.country = country
        self.figures, self.cases = example_inputs(full_id)
        lat, lon = country_point(country)
        done: list[str] = []

        def drive_wizard() -> None:
            wizard = QApplication.activeModalWidget()
            if not isinstance(wizard, NewProjectWizard):
                QTimer.singleShot(20, drive_wizard)
                return
            try:
                combo = wizard.country_page.combo
                choose_in_combo(combo, f"{country_name(country)} ({country})")
                press(wizard.button(wizard.WizardButton.NextButton))
                methodologies = wizard.methodology_page.list
                item = next(
                    methodologies.item(i)
                    for i in range(methodologies.count())
                    if methodologies.item(i).text().replace(" ver", "_ver").startswith(full_id)
                )
                methodologies.scrollToItem(item)
                click(methodologies.viewport(), methodologies.visualItemRect(item).center())
                press(wizard.button(wizard.WizardButton.NextButton))
                sites = wizard.sites_page.table
                for column, text in (
                    (1, "Capital city"),
                    (2, "Capital region"),
                    (3, lat),
                    (4, lon),
                ):
                    editor = open_cell_editor(sites, 0, column)
                    type_into(editor, text)
                    commit_cell(editor)
                    assert sites.item(0, column).text() == text
                press(wizard.button(wizard.WizardButton.FinishButton))
                done.append("finished")
            except BaseException as exc:  # reported by the test, the wizard closed
                done.append(repr(exc))
                wizard.reject()

        QTimer.singleShot(0, drive_wizard)
        press(self.window.start_page.new_button)
        assert done == ["finished"], done
        assert self.window.session is not None

    # -- filling every error ----------------------------------------------------------------
    def errors(self) -> list[Any]:
        none_guard.top_up()  # what the window's timer does between a person's keystrokes
        self.window.controller.recheck_now()  # the check that follows a typing pause, now
        QApplication.processEvents()  # and the list laid out, as a person sees it before a click
        return [d for d in self.window.diag_panel.diagnostics if d.severity == "error"]

    def fill_every_error(self, limit: int = 400) -> None:
        for _ in range(limit):
            errors = self.errors()
            if not errors:
                return
            target = errors[0]
            count = self.attempts[target.path + target.message] = (
                self.attempts.get(target.path + target.message, 0) + 1
            )
            assert count <= 2, f"cannot clear through the app: {target.path}: {target.message}"
            if target.code == "methodology.acknowledgement":
                # a methodology not read from the approved document: the person ticks the
                # acknowledgement in the calculation panel (recorded in the project)
                self.acknowledge_methodology()
                self.filled += 1
                continue
            tree = self.window.diag_panel.tree
            index = self.window.diag_panel.diagnostics.index(target)
            click_tree_item(tree, tree.topLevelItem(index), double=True)  # go to the field
            self.fill(target.path, target.message)
            self.filled += 1
            if DEBUG:
                print("filled", target.path, "->", _value(self.window, target.path))
        raise AssertionError(f"still errors after {limit} steps: {self.errors()[:3]}")

    def acknowledge_methodology(self) -> None:
        box = self.window.calc_panel.acknowledge
        self.qtbot.waitUntil(box.isVisible, timeout=10000)
        assert not box.isChecked()
        click(box)
        self.qtbot.waitUntil(box.isChecked, timeout=10000)

    def page(self) -> SectionEditor:
        page = self.window.view.current_page()
        assert isinstance(page, SectionEditor), page
        return page

    def fill(self, path: str, message: str) -> None:
        page = self.page()
        binding = page.binding(path)
        if binding is not None:
            self.fill_field(binding)
            return
        table = next((t for t in page.tables if t.path == path), None)
        if table is not None:  # "add at least one row" / "needs at least 2 rows"
            press(table.add_button)
            return
        table = next(t for t in page.tables if path.startswith(t.path + "."))
        rest = path[len(table.path) + 1 :].split(".")
        row, sub = int(rest[0]), ".".join(rest[1:])
        column = table.column_of(sub)
        assert column >= 0, (path, message)
        self.fill_cell(table, row, column)

    def fill_field(self, binding: FieldBinding) -> None:
        view, editor = binding.view, binding.editor
        if view.kind == "attachment":
            if editor.count() < 2:
                self.attach_figure()
                self.window.go_to_path(binding.path)
            choose_in_combo(editor, editor.itemText(1))
        elif isinstance(editor, QComboBox):
            choose_in_combo(editor, editor.itemText(1))
        else:
            type_into(editor, self.text_for(binding.path, view.kind, view.label))

    def fill_cell(self, table: TableEditor, row: int, column: int) -> None:
        view = table._cols[column][0]
        editor = open_cell_editor(table.table, row, column)
        if isinstance(editor, QComboBox) and not editor.isEditable():
            wanted = self.cases.get(self.row_key(table, row), "")
            found = editor.findData(wanted) if wanted else -1
            choose_in_combo(editor, editor.itemText(found if found > 0 else 1))
            commit_cell(editor)
            return
        path = f"{table.path}.{row}.{view.path}"
        text = self.text_for(path, view.kind, view.label)
        if view.kind == "decimal" and self.row_key(table, row) in self.figures:
            text = self.figures[self.row_key(table, row)]
        if isinstance(editor, QComboBox):  # free text with suggestions (country names)
            type_into(editor.lineEdit(), text)
            commit_cell(editor.lineEdit())
            return
        type_into(editor, text, paragraph_cell=isinstance(editor, QPlainTextEdit))
        commit_cell(editor)

    # -- the C.3 panel's link -------------------------------------------------------------------
    def follow_figures_link(self) -> str:
        """Click "Go to the field" under the C.3 panel's message and fill the field it opens."""
        panel = self.window.calc_panel
        self.window.recalculate()  # the figures that follow a typing pause, now
        path = panel.figures.message_path
        assert path, panel.figures.message
        click_link(panel.message)
        self.fill(path, panel.figures.message)
        return path

    # -- export, save, package, open -------------------------------------------------------------
    def tool_button(self, action: Any) -> QWidget:
        from PySide6.QtWidgets import QToolBar

        toolbar = self.window.findChild(QToolBar, "mainToolbar")
        return toolbar.widgetForAction(action)

    def run_dialog(self, action: Any, fill: Any) -> Any:
        """Click the toolbar button, fill the dialog it opens, click its start button and wait
        for the job to finish; the job's result (paths, or the error shown)."""
        click(self.tool_button(action))
        dialog = QApplication.activeModalWidget()
        assert dialog is not None, "no dialog opened"
        fill(dialog)
        results: list[Any] = []
        dialog.finished_job.connect(results.append)  # listening only: the dialog emits it
        press(dialog.start_button)
        self.qtbot.waitUntil(lambda: bool(results), timeout=120_000)
        text = dialog.message.text()
        press(dialog.buttons.button(dialog.buttons.StandardButton.Close))
        return results[0], text

    def export_final(self, folder: Path) -> list[Path]:
        def fill(dialog: Any) -> None:
            type_into(dialog.folder, str(folder))
            assert not dialog.draft.isChecked()  # a final export: every format, no DRAFT

        result, text = self.run_dialog(self.window.act_export, fill)
        assert isinstance(result, list), text
        return result

    def save_as(self, path: Path) -> None:
        original = QFileDialog.getSaveFileName
        QFileDialog.getSaveFileName = staticmethod(  # type: ignore[method-assign]
            lambda *a, **k: (str(path), "")
        )
        try:
            click(self.tool_button(self.window.act_save))
        finally:
            QFileDialog.getSaveFileName = original  # type: ignore[method-assign]
        assert path.is_file() and not self.window.session.is_dirty

    def package(self, target: Path) -> Path:
        def fill(dialog: Any) -> None:
            type_into(dialog.target, str(target))
            type_into(dialog.packaged_by, "Journey Test Consulting")

        result, text = self.run_dialog(self.window.act_package, fill)
        assert target.is_file(), (result, text)
        return target

    def open_file(self, path: Path) -> None:
        original = QFileDialog.getOpenFileName
        QFileDialog.getOpenFileName = staticmethod(  # type: ignore[method-assign]
            lambda *a, **k: (str(path), "")
        )
        try:
            click(self.tool_button(self.window.act_open))
        finally:
            QFileDialog.getOpenFileName = original  # type: ignore[method-assign]

    def row_key(self, table: TableEditor, row: int) -> str:
        """The methodology parameter a Monitoring Plan row is about, as its row shows it."""
        column = table.column_of("key")
        if column < 0:
            return ""
        return table.table.item(row, column).text().strip()

    def text_for(self, path: str, kind: str, label: str) -> str:
        """What a project developer would type: depends only on the field's kind and label."""
        if kind == "date":
            return (START if "start" in path else dt.date(2026, 1, 15)).isoformat()
        if kind == "int":
            return "10"
        if kind == "coordinate":
            lat, lon = country_point(self.country)
            return lat if path.endswith("latitude") else lon
        if kind == "decimal":
            return "1000" if "estimated" in path else "1"
        if path.endswith(".country") or "country" in label.lower():
            row = int(path.split(".")[-2]) if path.split(".")[-2].isdigit() else 0
            return country_name(self.country) if row % 2 == 0 else "Japan"
        if "mail" in label.lower():
            return "pdd@example.org"
        if kind == "multiline":
            return f"{label}: first line.\nSecond line of the explanation."
        return f"{label} (test)"

    def attach_figure(self) -> None:
        """Attachments page -> "Add image or PDF…" -> the file chooser answers the figure."""
        view = self.window.view
        from jcm_pdd.gui.navigator import ATTACHMENTS_ID

        navigator = view.navigator
        click_tree_item(navigator, navigator._items[ATTACHMENTS_ID])  # the navigator's entry
        page = view.current_page()
        original = QFileDialog.getOpenFileName
        QFileDialog.getOpenFileName = staticmethod(  # type: ignore[method-assign]
            lambda *a, **k: (str(FIGURE), "")
        )
        try:
            press(page.add_button)  # type: ignore[attr-defined]
        finally:
            QFileDialog.getOpenFileName = original  # type: ignore[method-assign]
