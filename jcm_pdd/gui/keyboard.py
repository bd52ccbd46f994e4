"""What the keyboard does where Qt's defaults fall short: Tab walks an editable table's cells
like a spreadsheet's and leaves the table after its last cell (Shift+Tab before its first),
where Qt's table wraps round to the first cell and kept a keyboard user inside for good; and
where the focus goes when a "go to" shows a section (its first field); no Tab stop on the
tab bar Qt parks off screen when only one of two tabbed docks is shown; and which list or table
has the focus, visibly: Qt (Fusion) paints every view's selection in the same full highlight, so
the navigator's selected section looked focused while the keyboard was in the C.3 table. A view
without the focus now shows its selection pale, with text in the normal colour.

Loaded once an opened document has been drawn (the tab bars are settled then), never before
the window's first paint.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QDockWidget,
    QMainWindow,
    QTabBar,
    QWidget,
)

from jcm_pdd.gui.theme import mix


class TabLeavesAtEnds(QObject):
    """Installed on a table: Tab on its last cell moves focus to the control after the table,
    Shift+Tab on its first cell to the one before, from the cell or from its editor (where the
    view itself wrapped round and opened the editor of the other end); elsewhere Tab moves cell
    by cell."""

    def __init__(self, table: QAbstractItemView) -> None:
        super().__init__(table)
        self.table = table
        table.setTabKeyNavigation(True)
        table.installEventFilter(self)
        self._moves: tuple[tuple[int, int], tuple[int, int]] | None = None  # the last one
        self._hooked: list[QAbstractItemDelegate] = []  # delegates whose editors we follow
        selection = table.selectionModel()
        if selection is not None:
            selection.currentChanged.connect(self._moved)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.table and event.type() == QEvent.Type.FocusIn:
            self._hook_delegates()
        if watched is not self.table or event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        if event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier:
            return False  # Ctrl+Tab already leaves; Alt+Tab is the desktop's
        if event.key() not in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            return False
        # Shift+Tab arrives as Backtab from a keyboard, as Tab with Shift from some sources
        shifted = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        forward = event.key() == Qt.Key.Key_Tab and not shifted
        if not self._at_end(forward):
            return False
        target = next_focus(self.table, forward)
        if target is None:
            return False
        target.setFocus(
            Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason
        )
        return True

    def _moved(self, current: QModelIndex, previous: QModelIndex) -> None:
        self._moves = ((previous.row(), previous.column()), (current.row(), current.column()))

    def _hook_delegates(self) -> None:
        """Follow the cell editors' Tab (their delegate's closeEditor), the cells' delegates as
        they are when the table takes the focus (they are set after the table is built)."""
        model = self.table.model()
        columns = model.columnCount() if model is not None else 0
        delegates = [self.table.itemDelegate()]
        delegates += [self.table.itemDelegateForColumn(c) for c in range(columns)]
        for delegate in delegates:
            if delegate is not None and all(delegate is not d for d in self._hooked):
                self._hooked.append(delegate)
                delegate.closeEditor.connect(self._editor_closed)

    def _editor_closed(self, _editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        """Tab in the last cell's editor: the view has wrapped round to the first cell (and
        opened its editor); Shift+Tab in the first one's to the last. Leave the table instead,
        back on the cell just edited."""
        hints = QAbstractItemDelegate.EndEditHint
        model = self.table.model()
        if hint not in (hints.EditNextItem, hints.EditPreviousItem) or model is None:
            return
        first, last = (0, 0), (model.rowCount() - 1, model.columnCount() - 1)
        forward = hint == hints.EditNextItem
        if self._moves != ((last, first) if forward else (first, last)):
            return
        row, column = last if forward else first
        QTimer.singleShot(0, lambda: self._leave(row, column, forward))

    def _leave(self, row: int, column: int, forward: bool) -> None:
        model = self.table.model()
        if model is not None and row < model.rowCount() and column < model.columnCount():
            # back on the cell just edited: the editor opened at the other end closes
            self.table.setCurrentIndex(model.index(row, column))
        target = next_focus(self.table, forward)
        if target is not None:
            target.setFocus(
                Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason
            )

    def _at_end(self, forward: bool) -> bool:
        model = self.table.model()
        current = self.table.currentIndex()
        if model is None or not current.isValid():
            return True
        if forward:
            return current.row() == model.rowCount() - 1 and (
                current.column() == model.columnCount() - 1
            )
        return current.row() == 0 and current.column() == 0


def next_focus(widget: QWidget, forward: bool) -> QWidget | None:
    """The widget Tab (``forward``) or Shift+Tab reaches after ``widget`` and its children."""
    candidate = widget.nextInFocusChain() if forward else widget.previousInFocusChain()
    while candidate is not None and candidate is not widget:
        if (
            candidate.isVisible()
            and candidate.isEnabled()
            and candidate.focusPolicy() & Qt.FocusPolicy.TabFocus
            and not widget.isAncestorOf(candidate)
            and candidate.window() is widget.window()
        ):
            return candidate
        candidate = candidate.nextInFocusChain() if forward else candidate.previousInFocusChain()
    return None


def first_focus(widget: QWidget) -> QWidget | None:
    """The first control inside ``widget`` that Tab would stop at (a page's first field)."""
    candidate = widget.nextInFocusChain()
    while candidate is not None and candidate is not widget:
        if (
            widget.isAncestorOf(candidate)
            and candidate.isVisible()
            and candidate.isEnabled()
            and candidate.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            return candidate
        candidate = candidate.nextInFocusChain()
    return None


def settle_dock_tabs(window: QMainWindow) -> None:
    """The tab bars of ``window``'s tabbed docks take a Tab stop only with two tabs or more:
    with one (C.3 while Confidential items is hidden) Qt parks the bar off screen, still
    "visible", and it took the focus where nobody could see it. Again whenever a dock is shown
    or hidden (a bar's tabs change then)."""
    for bar in window.findChildren(QTabBar):
        many = bar.count() > 1
        bar.setFocusPolicy(Qt.FocusPolicy.TabFocus if many else Qt.FocusPolicy.NoFocus)
    for dock in window.findChildren(QDockWidget):
        if not dock.property("settlesTabs"):
            dock.setProperty("settlesTabs", True)
            dock.visibilityChanged.connect(
                lambda _shown: QTimer.singleShot(0, lambda: settle_dock_tabs(window))
            )


def settle(window: QMainWindow) -> None:
    """Once a window is drawn: its dock tab bars (``settle_dock_tabs``) and its lists' and
    tables' selections shaded by focus (``shade_by_focus``)."""
    settle_dock_tabs(window)
    shade_by_focus(window)


def shade_by_focus(window: QWidget) -> None:
    """Every list, tree and table of ``window`` shows its selection in the full highlight only
    while it has the focus (a cell being edited counts), from now on in every window."""
    app = QApplication.instance()
    if isinstance(app, QApplication) and not app.property("shadesSelections"):
        app.setProperty("shadesSelections", True)
        app.focusChanged.connect(_focus_moved)
    focused = view_of(QApplication.focusWidget())
    for view in window.findChildren(QAbstractItemView):
        shade(view, view is focused)


def _focus_moved(old: QWidget | None, new: QWidget | None) -> None:
    before, after = view_of(old), view_of(new)
    if before is not None and before is not after:
        shade(before, False)
    if after is not None:
        shade(after, True)


def view_of(widget: QWidget | None) -> QAbstractItemView | None:
    """The list or table ``widget`` is, or whose cell it edits (an editor sits on the view's
    viewport)."""
    for _ in range(3):
        if widget is None or isinstance(widget, QAbstractItemView):
            return widget
        widget = widget.parentWidget()
    return None


def shade(view: QAbstractItemView, focused: bool) -> None:
    """The full highlight with the focus; without it, a pale one behind the normal text."""
    if focused:
        if view.property("shaded"):
            view.setProperty("shaded", False)
            view.setPalette(QPalette())  # back to the inherited palette
        return
    if view.property("shaded"):
        return
    palette = QApplication.palette(view)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        base = palette.color(group, QPalette.ColorRole.Base)
        highlight = palette.color(group, QPalette.ColorRole.Highlight)
        palette.setColor(group, QPalette.ColorRole.Highlight, mix(base, highlight, 0.3))
        text = palette.color(group, QPalette.ColorRole.Text)
        palette.setColor(group, QPalette.ColorRole.HighlightedText, text)
    view.setProperty("shaded", True)
    view.setPalette(palette)
