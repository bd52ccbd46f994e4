"""Confidential marks in the desktop app: a toggle on every field, table row and cell (context
menu, and Ctrl+Shift+K on the field or cell with the focus), a marker where a mark is set (a
lock and a tinted background), and the "Confidential items" dock that lists every mark with a
jump to it and flags a mark that points at nothing.

The marks live in the core (``jcm_pdd.model.marks``; ``DocumentSession.toggle_confidential`` is
an undoable edit); this module only shows them and turns clicks into that edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QBrush, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jcm_pdd.gui import icons, theme
from jcm_pdd.gui.fields import FIELD_MENU_HOOK
from jcm_pdd.gui.section_editor import SectionEditor
from jcm_pdd.model.marks import index_path
from jcm_pdd.model.paths import PathError, get_value

if TYPE_CHECKING:
    from jcm_pdd.gui.controller import DocumentController
    from jcm_pdd.gui.document_view import DocumentView
    from jcm_pdd.gui.mainwindow import MainWindow
    from jcm_pdd.gui.table_editor import TableEditor
    from jcm_pdd.model import Project

SHORTCUT = "Ctrl+Shift+K"
PATH_PROPERTY = "modelPath"  # set on each field's widget by the section editor
_MARKED_STYLE = "confidentialMarked"
MARK_ROLE = Qt.ItemDataRole.UserRole + 7  # a cell's marker is shown (ROLE_VALUE is UserRole + 1)


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


def marker_tip() -> str:
    return tr("Confidential: the public copy shows XXX here")


# -- which field or cell ----------------------------------------------------------------------
def focused_path() -> str | None:
    """The model path of the field or table cell that has the keyboard focus."""
    from jcm_pdd.gui.table_editor import TableEditor  # (loaded with the first table shown)

    widget = QApplication.focusWidget()
    while widget is not None:
        path = widget.property(PATH_PROPERTY)
        if path:
            return str(path)
        if isinstance(widget, TableEditor):
            row, column = widget.table.currentRow(), widget.table.currentColumn()
            if row < 0 or column < 0:
                return None
            return widget.cell_path(row, column)
        widget = widget.parentWidget()
    return None


def row_of(path: str, project: Project) -> str | None:
    """``pdd.sites.2`` for a cell path ``pdd.sites.2.city`` (None when not in a table row)."""
    parts = path.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        if parts[cut].isdigit():
            try:
                if isinstance(get_value(project, ".".join(parts[:cut])), list):
                    return ".".join(parts[: cut + 1])
            except PathError:
                return None
    return None


# -- the toggle ---------------------------------------------------------------------------------
def add_toggle_actions(controller: DocumentController, menu: QMenu, path: str) -> bool:
    """The "Confidential" check actions for ``path`` (and its row, for a table cell)."""
    session = controller.session
    if controller.read_only:
        return False
    try:
        get_value(session.project, path)
    except PathError:
        return False
    row = row_of(path, session.project)
    targets = [(path, tr("Confidential") if row is None else tr("Confidential cell"))]
    if row is not None:
        targets.append((row, tr("Confidential row")))
    menu.addSeparator()
    for target, text in targets:
        action = QAction(icons.icon("lock"), text, menu)
        action.setCheckable(True)
        action.setChecked(session.is_confidential(target))
        if target == path:
            action.setShortcut(QKeySequence(SHORTCUT))
        action.triggered.connect(lambda _c=False, t=target: controller.toggle_confidential(t))
        menu.addAction(action)
    return True


def show_overview(window: MainWindow, focus: bool = False) -> None:
    """Bring the "Confidential items" dock to the front (a tab beside the C.3 figures); with
    ``focus`` (Edit > Confidential items…) the keyboard goes to its list (Enter: go to)."""
    window.confidential_dock.show()
    window.confidential_dock.raise_()
    if focus:
        window.confidential_panel.tree.setFocus(Qt.FocusReason.OtherFocusReason)


def install_field_hook(window: MainWindow, controller: DocumentController) -> None:
    """Right-clicking a field or cell of an editable document offers the toggle."""

    def hook(menu: QMenu, path: str) -> bool:
        added = add_toggle_actions(controller, menu, path)
        for action in menu.actions():
            if action.isCheckable():
                action.triggered.connect(lambda _c=False: show_overview(window))
        return added

    setattr(window, FIELD_MENU_HOOK, hook)


def toggle_focused(window: MainWindow) -> None:
    """Ctrl+Shift+K: mark or unmark the field or cell with the focus."""
    controller = window.controller
    path = focused_path()
    if controller is None or controller.read_only or path is None:
        window.status(tr("Put the cursor in a field or a table cell to mark it confidential."))
        return
    controller.toggle_confidential(path)
    show_overview(window)
    marked = controller.session.is_confidential(path)
    window.status(tr("Marked confidential.") if marked else tr("No longer confidential."))


# -- markers ------------------------------------------------------------------------------------
def decorate(view: DocumentView) -> None:
    """Show a marker on every marked field, cell and row of the pages built so far."""
    session = view.controller.session
    marked = {p for p in (index_path(session.project, m) for m in session.project.confidential)}
    marked.discard(None)
    tinted: QBrush | None = None  # made for the first table (a start on a page without none)
    for page in view.built_pages():
        if not isinstance(page, SectionEditor):
            continue
        for binding in page.bindings:
            _mark_field(binding.widget, binding.editor, binding.path in marked)
        for table in page.tables:
            if tinted is None:
                tinted = QBrush(theme.tint("warning"))
            _mark_table(table, marked, tinted)


def _mark_field(widget: QWidget, editor: QWidget, on: bool) -> None:
    if bool(widget.property(_MARKED_STYLE)) == on:
        return
    widget.setProperty(_MARKED_STYLE, on)
    border = theme.ink("warning").name()
    editor.setStyleSheet(f"border: 2px solid {border};" if on else "")
    editor.setToolTip(marker_tip() if on else "")
    if isinstance(editor, QLineEdit):
        for action in editor.actions():
            if action.objectName() == "confidentialLock":
                editor.removeAction(action)
        if on:
            lock = editor.addAction(icons.icon("lock"), QLineEdit.ActionPosition.LeadingPosition)
            lock.setObjectName("confidentialLock")
            lock.setToolTip(marker_tip())


def _mark_table(table: TableEditor, marked: set[str | None], tinted: QBrush) -> None:
    grid = table.table
    loading = table._loading  # a marker is no edit: the editor must ignore it
    table._loading = True
    try:
        for row in range(grid.rowCount()):
            row_marked = f"{table.path}.{row}" in marked or table.path in marked
            header = grid.verticalHeaderItem(row) or QTableWidgetItem()
            if not header.text():  # the table names per-unit rows there ("2  Chiller S1-2")
                header.setText(str(row + 1))
            header.setIcon(icons.icon("lock") if row_marked else QIcon())
            if row_marked:
                header.setToolTip(marker_tip())
            elif header.toolTip() == marker_tip():  # a per-unit row's tip names its unit
                header.setToolTip("")
            grid.setVerticalHeaderItem(row, header)
            for column in range(grid.columnCount()):
                item = grid.item(row, column)
                if item is not None:
                    _mark_cell(item, row_marked or table.cell_path(row, column) in marked, tinted)
    finally:
        table._loading = loading


def _mark_cell(item: QTableWidgetItem, on: bool, tinted: QBrush) -> None:
    if bool(item.data(MARK_ROLE)) == on:
        return
    item.setData(MARK_ROLE, on)
    item.setBackground(tinted if on else QBrush())
    item.setIcon(icons.icon("lock") if on else QIcon())
    if on:
        item.setToolTip(marker_tip())
    elif item.toolTip() == marker_tip():
        item.setToolTip("")


# -- the overview -------------------------------------------------------------------------------
def describe(view: DocumentView, path: str) -> tuple[str, str]:
    """(what, section) in the editor's words for a model path, e.g.
    ("Comments received, row 2: Comment", "E.2 Stakeholder consultation")."""
    for section in view.sections:
        for field in section.fields:
            if path == field.path:
                return field.label, section.title
            if not path.startswith(field.path + "."):
                continue
            row, _, sub = path[len(field.path) + 1 :].partition(".")
            if not row.isdigit():
                continue
            what = tr("{0}, row {1}").format(field.label, int(row) + 1)
            if sub:
                column = next((c.label for c in field.columns if c.path == sub), sub)
                what = f"{what}: {column}"
            return what, section.title
    return path, ""


class ConfidentialPanel(QWidget):
    """Every confidential mark of the document, with "Go to" and "Remove mark"."""

    go_to_path = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self._view: DocumentView | None = None
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setColumnCount(3)
        self.tree.itemActivated.connect(lambda item, _c: self._go(item))  # double click, Enter
        self.go_button = QPushButton()
        self.go_button.clicked.connect(lambda: self._go(self.tree.currentItem()))
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self._remove)
        buttons = QHBoxLayout()
        buttons.addWidget(self.go_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.intro.setText(
            tr(
                "These values show as XXX in the public copy of every export. Mark a field, "
                "a table row or a cell with its context menu or {0}."
            ).format(QKeySequence(SHORTCUT).toString(QKeySequence.SequenceFormat.NativeText))
        )
        self.tree.setHeaderLabels([tr("Item"), tr("Section"), tr("Status")])
        self.tree.setAccessibleName(tr("Confidential items"))
        self.go_button.setText(tr("Go to"))
        self.remove_button.setText(tr("Remove mark"))
        self.refresh()

    def set_view(self, view: DocumentView | None) -> None:
        self._view = view
        self.refresh()

    def refresh(self) -> None:
        self.tree.clear()
        view = self._view
        if view is None:
            self.remove_button.setEnabled(False)
            self.go_button.setEnabled(False)
            return
        project = view.controller.session.project
        for mark in project.confidential:
            where = index_path(project, mark)
            if where is not None:
                try:
                    get_value(project, where)
                except PathError:
                    where = None
            if where is None:
                what, section, status = mark, "", tr("Points at nothing: remove the mark")
            else:
                (what, section), status = describe(view, where), tr("Hidden in the public copy")
            item = QTreeWidgetItem([what, section, status])
            item.setIcon(0, icons.icon("lock"))
            item.setData(0, Qt.ItemDataRole.UserRole, mark)
            item.setData(1, Qt.ItemDataRole.UserRole, where or "")
            if where is None:
                item.setForeground(2, theme.ink("error"))
            self.tree.addTopLevelItem(item)
        for column in range(3):
            self.tree.resizeColumnToContents(column)
        editable = not view.controller.read_only
        self.remove_button.setEnabled(editable and self.tree.topLevelItemCount() > 0)
        self.go_button.setEnabled(self.tree.topLevelItemCount() > 0)
        first = self.tree.topLevelItem(0)
        if first is not None:
            self.tree.setCurrentItem(first)

    def _go(self, item: QTreeWidgetItem | None) -> None:
        where = item.data(1, Qt.ItemDataRole.UserRole) if item is not None else ""
        if where:
            self.go_to_path.emit(str(where))

    def _remove(self) -> None:
        item, view = self.tree.currentItem(), self._view
        if item is None or view is None:
            return
        controller = view.controller
        mark = str(item.data(0, Qt.ItemDataRole.UserRole))
        controller.remove_mark(mark)


def attach(window: MainWindow, view: DocumentView) -> None:
    """Wire a freshly built document view: field hook, markers, the overview's contents."""
    controller = view.controller
    install_field_hook(window, controller)
    panel: ConfidentialPanel = window.confidential_panel

    def changed(path: str) -> None:
        if path == "confidential" or _is_table(controller, path):
            decorate(view)
            panel.refresh()

    controller.changed.connect(changed)
    view.page_built.append(lambda _page: decorate(view))
    panel.set_view(view)
    decorate(view)


def _is_table(controller: DocumentController, path: str) -> bool:
    try:
        return isinstance(get_value(controller.session.project, path), list)
    except PathError:
        return False
