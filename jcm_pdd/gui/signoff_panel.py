"""Sign-off marks per section, and which ones a later package round made stale.

The reviewer marks the section the navigator shows as reviewed (``Review.sign_off`` stores its
values and figures). Against the package now open, ``Review.sign_off_states`` says which marks
are stale; stale rows are highlighted and, when one is selected, the table below lists exactly
what changed since it was signed: the field (or a figure: its year and quantity), old -> new.
Sections and fields are named in the form's words, as ``review show`` names them
(``session.review_places``); the model key only where no label is known (and in the tooltip).
Each change is saved at once to the ``.jcmreview`` file (atomic, never into the package).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jcm_pdd.errors import UserError
from jcm_pdd.gui import theme
from jcm_pdd.gui.diff_view import value_text
from jcm_pdd.gui.i18n import current_language
from jcm_pdd.gui.review_common import guarded, select_key, selected_key
from jcm_pdd.gui.widgets import reading_table
from jcm_pdd.model import Project
from jcm_pdd.package.engine import Figures
from jcm_pdd.package.opened import OpenedPackage
from jcm_pdd.package.review import Review, SignOffState, save_review
from jcm_pdd.session.review_places import PlaceNames

ROLE_KEY = Qt.ItemDataRole.UserRole
STALE_COLOUR = theme.LIGHT_TINTS["stale"]  # in a light palette; a dark one gets its own
CURRENT_COLOUR = theme.LIGHT_TINTS["ok"]


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


def package_figures(opened: OpenedPackage) -> Figures:
    """The figures of an opened package, computed with its own packaged template ({} if none)."""
    from jcm_pdd.package import engine

    if opened.project is None or opened.template is None:
        return {}
    try:
        return engine.estimate(opened.project, opened.template).figures
    except UserError:
        return {}


class SignOffPanel(QWidget):
    """Sign-offs of ``review`` checked against ``project`` / ``figures`` (the round now open)."""

    changed = Signal()  # the review was saved
    go_to_path = Signal(str)  # a changed model path, or a section key, on double-click

    def __init__(
        self,
        review: Review,
        review_path: Path,
        project: Project,
        figures: Figures,
        *,
        round: int | None = None,  # noqa: A002 - the package round, as the core names it
        package_id: str = "",
        reviewer: str = "",
        section_titles: dict[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.review = review
        self.review_path = Path(review_path)
        self.project = project
        self.figures = figures
        self.round = round
        self.package_id = package_id
        self.reviewer = reviewer
        self.section_titles = dict(section_titles or {})
        self.places = PlaceNames(project, current_language())
        self.current_section = ""
        self.states: list[SignOffState] = []

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.sign_button = QPushButton(tr("Sign off this section"))
        self.sign_button.setToolTip(
            tr("Mark the section selected in the navigator as reviewed in this round")
        )
        self.remove_button = QPushButton(tr("Remove sign-off"))
        self.sign_button.clicked.connect(lambda: self.sign_off_current())
        self.remove_button.clicked.connect(lambda: self.remove_selected())
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.sign_button)
        top.addWidget(self.remove_button)

        self.table = QTableWidget(0, 4)
        reading_table(self.table)
        self.table.setAccessibleName(tr("Sign-offs"))
        self.table.setHorizontalHeaderLabels(
            [tr("Section"), tr("State"), tr("Signed off"), tr("Reviewer")]
        )
        self._table_defaults(self.table)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemActivated.connect(
            lambda item: self.go_to_path.emit(str(item.data(ROLE_KEY)))
        )

        self.detail_label = QLabel()
        self.detail_label.setWordWrap(True)
        self.changes = QTableWidget(0, 3)
        reading_table(self.changes)
        self.changes.setAccessibleName(tr("What changed since the sign-off"))
        self.changes.setHorizontalHeaderLabels(
            [tr("Field or figure"), tr("Signed-off value"), tr("Now")]
        )
        self._table_defaults(self.changes)
        for column in (1, 2):
            self.changes.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.Stretch
            )
        self.changes.itemActivated.connect(self._change_clicked)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.detail_label)
        detail_layout.addWidget(self.changes, 1)

        for table in (self.table, self.changes):  # a low dock leaves the form the height
            table.setMinimumHeight(56)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(detail)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.refresh()

    @staticmethod
    def _table_defaults(table: QTableWidget) -> None:
        table.verticalHeader().setVisible(False)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)

    # -- the section the navigator shows -----------------------------------------------------
    def set_section(self, key: str) -> None:
        self.current_section = key
        self.sign_button.setEnabled(bool(key))
        title = self._title(key) if key else ""
        short = title if len(title) <= 28 else title[:27].rstrip() + "…"
        self.sign_button.setText(
            tr("Sign off {0}").format(short) if key else tr("Sign off this section")
        )
        self.sign_button.setToolTip(title or self.sign_button.toolTip())

    def _title(self, key: str, stored: str = "") -> str:
        return self.section_titles.get(key) or self.places.name(key, stored)

    # -- state -------------------------------------------------------------------------------
    def refresh(self) -> None:
        selected = self.selected_section()
        self.states = self.review.sign_off_states(self.project, self.figures)
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for state in self.states:
            mark = state.signoff
            row = self.table.rowCount()
            self.table.insertRow(row)
            if state.stale:
                text = tr("⚠ stale: {0} change(s)").format(len(state.changes))
            else:
                text = tr("✓ current")
            cells = (
                self._title(mark.section, mark.title),
                text,
                tr("round {0}, {1}").format(mark.round, f"{mark.signed_at:%Y-%m-%d}"),
                mark.reviewer,
            )
            brush = QBrush(theme.tint("stale" if state.stale else "ok", self.table.palette()))
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setData(ROLE_KEY, mark.section)
                if state.stale:
                    item.setBackground(brush)
                    item.setToolTip(tr("Changed since it was signed off; select to see what"))
                elif column == 1:
                    item.setBackground(brush)
                self.table.setItem(row, column, item)
        self.table.blockSignals(False)
        stale = sum(1 for s in self.states if s.stale)
        if not self.states:
            self.summary.setText(tr("No section signed off yet."))
        elif stale:
            self.summary.setText(
                tr("{0} sign-off(s); {1} stale — changed since they were signed off.").format(
                    len(self.states), stale
                )
            )
        else:
            self.summary.setText(tr("{0} sign-off(s), all current.").format(len(self.states)))
        if selected is None or not self.select_section(selected):
            self._show_changes(None)

    def stale_sections(self) -> list[str]:
        return [s.signoff.section for s in self.states if s.stale]

    def selected_section(self) -> str | None:
        return selected_key(self.table, ROLE_KEY)

    def select_section(self, key: str) -> bool:
        return select_key(self.table, ROLE_KEY, key)

    def _selection_changed(self) -> None:
        key = self.selected_section()
        self._show_changes(next((s for s in self.states if s.signoff.section == key), None))

    def _show_changes(self, state: SignOffState | None) -> None:
        self.changes.setRowCount(0)
        self.remove_button.setEnabled(state is not None)
        if state is None:
            self.detail_label.setText(tr("Select a sign-off to see what changed since."))
            return
        mark = state.signoff
        if not state.stale:
            self.detail_label.setText(
                tr("{0}: unchanged since round {1}.").format(self._title(mark.section), mark.round)
            )
            return
        self.detail_label.setText(
            tr(
                "{0}: changed since the sign-off in round {1} — sign off again once reviewed."
            ).format(self._title(mark.section), mark.round)
        )
        for change in state.changes:
            row = self.changes.rowCount()
            self.changes.insertRow(row)
            name = self.places.name(change.path)  # a figure by its year and quantity
            for column, value in enumerate((name, value_text(change.old), value_text(change.new))):
                item = QTableWidgetItem(value)
                item.setData(ROLE_KEY, change.path)
                item.setToolTip(change.path if column == 0 else value)
                self.changes.setItem(row, column, item)

    def changed_keys(self) -> list[str]:
        """The model paths behind the rows of the changes table."""
        items = (self.changes.item(r, 0) for r in range(self.changes.rowCount()))
        return [str(item.data(ROLE_KEY)) for item in items if item is not None]

    def changed_paths(self) -> list[tuple[str, str, str]]:
        """The rows of the changes table: (field, old, new) as shown."""

        def text(row: int, column: int) -> str:
            item = self.changes.item(row, column)
            return item.text() if item is not None else ""

        return [(text(r, 0), text(r, 1), text(r, 2)) for r in range(self.changes.rowCount())]

    def _change_clicked(self, item: QTableWidgetItem) -> None:
        path = str(item.data(ROLE_KEY))
        if not path.startswith("figures."):
            self.go_to_path.emit(path)

    # -- changes (each one saved) ------------------------------------------------------------
    def _save(self) -> None:
        save_review(self.review, self.review_path)
        self.refresh()
        self.changed.emit()

    def sign_off_current(self, key: str | None = None) -> bool:
        key = key or self.current_section
        if not key:
            return False
        before = list(self.review.signoffs)

        def sign() -> bool:
            try:
                self.review.sign_off(
                    key,
                    self.project,
                    self.figures,
                    self.reviewer,
                    round=self.round,
                    package_id=self.package_id,
                )
                self._save()
            except BaseException:
                self.review.signoffs = before
                raise
            return True

        done = bool(guarded(self, sign, tr("Not signed off")))
        if done:
            self.select_section(key)
        return done

    def remove_selected(self) -> bool:
        key = self.selected_section()
        if key is None:
            return False
        before = list(self.review.signoffs)

        def remove() -> bool:
            try:
                self.review.remove_sign_off(key)
                self._save()
            except BaseException:
                self.review.signoffs = before
                raise
            return True

        return bool(guarded(self, remove, tr("Sign-off not removed")))
