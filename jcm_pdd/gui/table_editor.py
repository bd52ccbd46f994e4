"""A table field (sites, participants, eligibility, monitoring rows ...) generated from its
columns: editable cells, add and remove row buttons, DMS shown beside coordinate columns.

A cell edit is parsed with the column's kind and committed at ``<table>.<row>.<column>``; text the
model refuses stays in the cell (so nothing typed is lost) with the reason in its tooltip and in
the status bar. Choice, yes/no and attachment columns (and text columns with suggested values,
such as country names) are edited through a drop-down (``cell_delegates.ChoiceDelegate``):
the cell keeps the stored value in ``ROLE_VALUE`` and shows its label or the attached file's
name. A value the list does not offer (an older file, another methodology's case) is shown as
it is, never dropped; the diagnostics say what is wrong with it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QContextMenuEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jcm_pdd.gui.cell_delegates import (
    ROLE_VALUE,
    ChoiceDelegate,
    ParagraphDelegate,
    attachment_label,
    uses_list,
)
from jcm_pdd.gui.controller import DocumentController
from jcm_pdd.gui.fields import dms_text, field_menu_actions, format_value, parse_value
from jcm_pdd.gui.keyboard import TabLeavesAtEnds
from jcm_pdd.gui.table_window import SHORTCUT as TABLE_WINDOW_SHORTCUT
from jcm_pdd.gui.table_window import TableWindow
from jcm_pdd.model import Project
from jcm_pdd.model.paths import PathError, get_value
from jcm_pdd.session.formview import (
    FieldView,
    cell_choices,
    depends_on_template,
    methodology_template,
    row_choices,
)

if TYPE_CHECKING:
    from jcm_pdd.methodology.schema import Template


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


FULL_WIDTH_SHORTCUT = TABLE_WINDOW_SHORTCUT


class TableEditor(QWidget):
    def __init__(
        self,
        view: FieldView,
        commit: Callable[[str, Any], str | None],
        insert_row: Callable[[str], None],
        remove_row: Callable[[str, int], None],
        status: Callable[[str], None],
        controller: DocumentController | None = None,
    ) -> None:
        super().__init__()
        self.view = view
        self.path = view.path
        self._commit = commit
        self._insert = insert_row
        self._remove = remove_row
        self._status = status
        self._loading = False
        # The document behind the table, for per-row choices and attachment names. The section
        # editor passes ``controller.edit`` as ``commit``; its controller is the document's.
        owner = getattr(commit, "__self__", None)
        self.controller = controller or (owner if isinstance(owner, DocumentController) else None)
        # Each shown column: (FieldView, is_dms_companion)
        self._cols: list[tuple[FieldView, bool]] = []
        for col in view.columns:
            self._cols.append((col, False))
            if col.kind == "coordinate":
                self._cols.append((col, True))

        self.table = QTableWidget(0, len(self._cols))
        self.table.setAccessibleName(view.label)
        labels = [
            c.label + (" (DMS)" if dms else (" *" if c.required else "")) for c, dms in self._cols
        ]
        self.table.setHorizontalHeaderLabels(labels)
        header = self.table.horizontalHeader()
        # A form's column label is often longer than its column ("Value (entered case, or
        # override of the default)"): cut at the end with "…", whole in the tooltip, instead
        # of clipped at both ends around its centre.
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        for column, label in enumerate(labels):
            item = self.table.horizontalHeaderItem(column)
            if item is not None:
                item.setToolTip(label)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.sectionResized.connect(self._column_resized)
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        TabLeavesAtEnds(self.table)  # Tab walks the cells, and leaves after the last
        self.table.itemChanged.connect(self._item_changed)
        self.table.setMinimumHeight(140)
        self.delegates: dict[int, ChoiceDelegate] = {}
        for column, (col, dms) in enumerate(self._cols):
            if not dms and uses_list(col):
                delegate = ChoiceDelegate(col, self._offered, self.table)
                self.table.setItemDelegateForColumn(column, delegate)
                self.delegates[column] = delegate
            elif not dms and col.kind == "multiline":
                self.table.setItemDelegateForColumn(column, ParagraphDelegate(self.table))
        self.table.viewport().installEventFilter(self)
        self.table.installEventFilter(self)
        self.context_menu: QMenu | None = None  # the last one shown (tests trigger its actions)

        self.add_button = QPushButton(tr("Add row"))
        self.add_button.setAccessibleName(tr("Add row to {0}").format(view.label))
        self.add_button.clicked.connect(lambda: self._insert(self.path))
        self.remove_button = QPushButton(tr("Remove row"))
        self.remove_button.setAccessibleName(tr("Remove row from {0}").format(view.label))
        self.remove_button.clicked.connect(self._remove_current)
        self.full_width_button = QPushButton(tr("Full width"))
        self.full_width_button.setToolTip(
            tr("Edit this table in a window as large as the main window ({0})").format(
                QKeySequence(FULL_WIDTH_SHORTCUT).toString(QKeySequence.SequenceFormat.NativeText)
            )
        )
        self.full_width_button.setAccessibleName(tr("Edit {0} full width").format(view.label))
        self.full_width_button.clicked.connect(self.open_full_width)
        full_width = QAction(tr("Full width"), self)
        full_width.setShortcut(QKeySequence(FULL_WIDTH_SHORTCUT))
        full_width.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        full_width.triggered.connect(self.open_full_width)
        self.addAction(full_width)
        self.full_width_window: TableWindow | None = None

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.full_width_button)
        # table and buttons in one body, which moves into the full-width window and back
        self.body = QWidget()
        body_layout = QVBoxLayout(self.body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(self.table, 1)
        body_layout.addLayout(buttons)
        self.away = QLabel(tr("This table is open in its own window."))
        self.away.setObjectName("guidance")
        self.away.hide()
        self._outer = QVBoxLayout(self)
        self._outer.setContentsMargins(0, 0, 0, 0)
        self._outer.addWidget(self.body)
        self._outer.addWidget(self.away)
        if self.controller is not None and self.delegates:
            self.controller.changed.connect(self._document_changed)

    # -- full width -----------------------------------------------------------------------------
    def open_full_width(self) -> TableWindow:
        """Move the table into a window as large as the main window (one at a time)."""
        if self.full_width_window is not None:
            return self.full_width_window
        current = self.table.currentIndex()
        self._outer.removeWidget(self.body)
        self.away.show()
        window = TableWindow(self, self.body)
        window.finished.connect(self._close_full_width)
        self.full_width_window = window
        self.full_width_button.hide()
        window.open()
        if 0 < self.table.rowCount() <= 30:
            self._fit_rows()  # taller rows: the window has the height for them
        window.raise_()
        window.activateWindow()
        if current.isValid():
            self.table.setCurrentIndex(current)
        self.table.setFocus()
        return window

    def _close_full_width(self) -> None:
        window = self.full_width_window
        if window is None:
            return
        self.full_width_window = None
        self._outer.insertWidget(0, self.body)
        self.body.show()
        self.away.hide()
        self.full_width_button.show()
        if 0 < self.table.rowCount() <= 30:
            self._fit_rows()
        window.deleteLater()
        self.window().activateWindow()  # the keyboard goes back to the form
        self.table.setFocus()

    # -- what the document offers ---------------------------------------------------------------
    def _project(self) -> Project | None:
        return self.controller.session.project if self.controller is not None else None

    def _offered(
        self, row: int, col: FieldView, template: Template | None = None, key: str | None = None
    ) -> list[tuple[str, str]]:
        """(value, label) pairs a cell offers: its column's list, resolved for the row (whose
        template parameter ``key`` a caller showing many rows passes, with the template)."""
        project = self._project()
        if col.kind == "attachment":
            records = project.attachments if project is not None else []
            return [
                (r.sha256, r.name or r.sha256[:12])
                for r in records
                if not col.accept or r.media_type in col.accept
            ]
        if project is None:
            offered = list(col.offered())
        elif key is not None:
            offered = list(row_choices(col, key, template))
        else:
            offered = list(cell_choices(project, self.path, row, col, template))
        if col.kind == "bool":
            offered = [(value, tr(label)) for value, label in offered]
        return offered

    def _document_changed(self, path: str) -> None:
        """Names of attachments and the methodology's choices live outside this table."""
        if path.startswith(("attachments", "pdd.methodology")):
            project = self._project()
            if project is not None:
                self.show_rows(_cell_value(project, self.path) or [])

    # -- showing rows ---------------------------------------------------------------------------
    def show_rows(self, rows: list[Any]) -> None:
        self._loading = True
        try:
            self.table.setRowCount(len(rows))
            project = self._project()
            template = None
            if project is not None and any(depends_on_template(c) for c, _ in self._cols):
                template = methodology_template(project)  # looked up once for every row
            offered: dict[tuple[int, str], dict[str, str]] = {}
            for r, row in enumerate(rows):
                for c, (col, dms) in enumerate(self._cols):
                    value = _cell_value(row, col.path)
                    item = self.table.item(r, c)
                    if item is None:
                        item = QTableWidgetItem()
                        self.table.setItem(r, c, item)
                    if c in self.delegates:
                        key = str(getattr(row, "key", "") or "")
                        memo = (c, key)
                        if memo not in offered:  # most rows share a parameter: look it up once
                            offered[memo] = dict(self._offered(r, col, template, key))
                        self._show_listed(item, col, value, offered[memo])
                        continue
                    text = dms_text(col.path, value) if dms else format_value(col.kind, value)
                    if item.text() != text:
                        item.setText(text)
                        # wrapped text reads from the top of a tall row, as in the form
                        item.setTextAlignment(
                            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
                        )
                        if "\n" in text or len(text) > 60:
                            item.setToolTip(text)
                    if dms:
                        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self._name_rows(rows, project)
            if rows and not self._sized:
                self._sized = True  # size columns to the first content once; the user may resize
                self.table.resizeColumnsToContents()
                for column in range(self.table.columnCount()):
                    width = min(max(self.table.columnWidth(column), 80), 320)
                    self.table.setColumnWidth(column, width)
            # Rows after columns: a row's height follows its wrapped text at the column widths
            # (sized before them, wrapped text showed in rows one line tall: Table 1 looked empty).
            if rows and len(rows) <= 30:
                self._fit_rows()
            self.remove_button.setEnabled(bool(rows) and not self._read_only)
        finally:
            self._loading = False

    def _name_rows(self, rows: list[Any], project: Project | None) -> None:
        """Per-unit rows (Tables 1 and 2, default values) say which unit they belong to in the
        row header, so twelve rows of three chillers do not read the same in threes; the
        Project units' index symbol reads as what it counts."""
        from jcm_pdd.gui.i18n import current_language
        from jcm_pdd.session.labels import index_set_label, unit_label, unit_tag

        if project is None:
            return
        template = None
        set_column = self.column_of("set") if self.path == "monitoring_plan.index_members" else -1
        if set_column >= 0:
            template = methodology_template(project)
        for r, row in enumerate(rows):
            index = getattr(row, "index", None)
            unit = index if isinstance(index, dict) and index else None  # a per-unit row's
            tag = unit_tag(project, unit) if unit else ""
            text = f"{r + 1}  {tag}" if tag else str(r + 1)
            header = self.table.verticalHeaderItem(r)
            if header is None:
                header = QTableWidgetItem(text)
                self.table.setVerticalHeaderItem(r, header)
            elif header.text() != text:
                header.setText(text)  # keeps a confidential mark's lock icon
            if unit and not header.toolTip():
                header.setToolTip(unit_label(project, unit, current_language()))
            if set_column >= 0:
                item = self.table.item(r, set_column)
                shown = index_set_label(template, str(getattr(row, "set", "")))
                if item is not None and item.text() != shown:
                    item.setText(shown)
                    # shown as words, so not typed over: the unit's set comes from the template
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)

    def _show_listed(
        self, item: QTableWidgetItem, col: FieldView, value: Any, offered: dict[str, str]
    ) -> None:
        """A drop-down cell: the stored value in ROLE_VALUE, its label (or file name) shown."""
        raw = format_value(col.kind, value)
        tip = ""
        if col.kind == "attachment":
            project = self._project()
            text, tip = attachment_label(raw, project.attachments if project is not None else [])
        elif not raw or raw in offered:
            text = offered.get(raw, raw)
        elif col.suggestions and col.kind == "text":
            text = raw  # free text with suggestions: any value is fine
        else:
            text = raw
            tip = tr("“{0}” is not one of the choices offered here").format(raw)
        if item.data(ROLE_VALUE) != raw:
            item.setData(ROLE_VALUE, raw)
            # read from the top of a tall row, like the text cells beside it
            item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        if item.text() != text:
            item.setText(text)
        if item.toolTip() != tip:
            item.setToolTip(tip)

    _read_only = False
    _sized = False

    def _column_resized(self, _column: int, _old: int, _new: int) -> None:
        """Wrapped text takes more or fewer lines at the new width."""
        if 0 < self.table.rowCount() <= 30 and not self._loading:
            self._fit_rows()

    MAX_ROW_LINES = 8  # a longer paragraph shows its start; the editor and tooltip show it all

    def _fit_rows(self) -> None:
        """Rows as tall as their wrapped text (at most a few lines, so a row never fills the
        view and looks empty), and the table tall enough to show several rows."""
        table = self.table
        table.resizeRowsToContents()
        cap = table.fontMetrics().lineSpacing() * self.MAX_ROW_LINES + 8
        if self.full_width_window is not None:  # more lines, still never taller than the view
            cap = max(cap, min(cap * 3, table.viewport().height() * 3 // 4))
        for row in range(table.rowCount()):
            if table.rowHeight(row) > cap:
                table.setRowHeight(row, cap)
        rows = sum(table.rowHeight(r) for r in range(min(table.rowCount(), 4)))
        chrome = table.horizontalHeader().height() + table.horizontalScrollBar().sizeHint().height()
        table.setMinimumHeight(min(max(140, rows + chrome + 4), 460))

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.NoEditTriggers
            if read_only
            else QAbstractItemView.EditTrigger.AllEditTriggers
            & ~QAbstractItemView.EditTrigger.CurrentChanged
        )
        self.add_button.setEnabled(not read_only)
        self.remove_button.setEnabled(not read_only and self.table.rowCount() > 0)

    def cell_path(self, row: int, column: int) -> str:
        return f"{self.path}.{row}.{self._cols[column][0].path}"

    def column_of(self, subpath: str) -> int:
        """The shown column editing ``subpath`` (not its DMS companion); -1 if none."""
        return next(
            (i for i, (c, dms) in enumerate(self._cols) if c.path == subpath and not dms), -1
        )

    def focus_path(self, path: str) -> bool:
        """Select the cell for ``path`` (e.g. ``pdd.sites.1.latitude``) if it is in this table."""
        rest = path[len(self.path) + 1 :].split(".") if path.startswith(self.path + ".") else []
        if not rest or not rest[0].isdigit():
            return False
        row = int(rest[0])
        column = next(
            (i for i, (c, dms) in enumerate(self._cols) if len(rest) > 1 and c.path == rest[1]),
            0,
        )
        if row < self.table.rowCount():
            self.table.setCurrentCell(row, column)
        self.table.setFocus()
        return True

    def _remove_current(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            row = self.table.rowCount() - 1
        if row >= 0:
            self._remove(self.path, row)

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        col, dms = self._cols[item.column()]
        if dms:
            return
        path = self.cell_path(item.row(), item.column())
        try:
            if item.column() in self.delegates:
                value = self._listed_value(item, col, path)
            else:
                value = parse_value(col.kind, item.text(), col.choices)
            error = self._commit(path, value)
        except ValueError as exc:
            error = str(exc)
        if error or item.column() not in self.delegates:  # a drop-down cell's tip is its file's
            self._loading = True  # a tooltip is no edit
            try:
                item.setToolTip(error or "")
            finally:
                self._loading = False
        if error:
            self._status(f"{col.label}: {error}")

    def _listed_value(self, item: QTableWidgetItem, col: FieldView, path: str) -> Any:
        """The model value of a drop-down cell (its ROLE_VALUE; empty as the model has it)."""
        raw = str(item.data(ROLE_VALUE) or "")
        if col.kind == "bool":
            return {"yes": True, "no": False}.get(raw)
        if raw:
            return raw
        project = self._project()
        current = _cell_value(project, path) if project is not None else None
        return "" if isinstance(current, str) or col.kind in ("text", "attachment") else None

    # -- context menu (validator mode: "Raise finding…" on a cell) ------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.ContextMenu and isinstance(event, QContextMenuEvent):
            # The menu key reaches the table itself and means its current cell; a click
            # reaches the viewport at the cell under the pointer.
            if watched is self.table:
                index = self.table.currentIndex()
            else:
                index = self.table.indexAt(event.pos())
            path = self.cell_path(index.row(), index.column()) if index.isValid() else self.path
            menu = QMenu(self)
            if field_menu_actions(self, path, menu):
                self.context_menu = menu
                menu.popup(event.globalPos())
                return True
            menu.deleteLater()
        return False


def _cell_value(row: Any, subpath: str) -> Any:
    try:
        return get_value(row, subpath)
    except PathError:
        return None
