"""The round view: a resubmission (round N) opened beside the review of round N-1.

Shows what changed since the previous round (fields and figures, from ``package.diff`` of the
previous package beside this one and this package), then every finding not closed with the
project participants' response (as this package carries it) and the fields it points at, with
whether they changed. Each finding can be closed, kept open or re-opened here; the change goes
through the findings panel (one review, saved at once to the ``.jcmreview``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import TypeAdapter
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from jcm_pdd.errors import UserError
from jcm_pdd.gui.diff_view import DiffView, field_labels, value_text
from jcm_pdd.gui.review_common import fill_findings, select_key, selected_key, status_text
from jcm_pdd.gui.widgets import reading_table
from jcm_pdd.package.diff import ProjectDiff, Side, compare_sides, load_side

if TYPE_CHECKING:
    from jcm_pdd.gui.review_panel import ReviewPanel
    from jcm_pdd.gui.validator import PackageState

ROLE_ID = Qt.ItemDataRole.UserRole
FIGURES_SECTION = "PDD:C.3"  # where the PDD states the estimated emission reductions


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


def changes_since_previous(state: PackageState) -> tuple[ProjectDiff | None, str]:
    """The diff of the previous round's package and this one, or None and why not."""
    if state.previous is None:
        earlier = [r for r in state.review.packages if r.round < state.round]
        if not earlier:
            return None, tr("The review holds no earlier round.")
        ref = max(earlier, key=lambda r: r.round)
        return None, tr(
            "The package of round {0} (“{1}”) is not in this folder, so the changes since "
            "then cannot be shown; use Compare with… to choose it."
        ).format(ref.round, ref.file_name)
    ref, path = state.previous
    try:
        before = load_side(path)
    except UserError as exc:
        return None, exc.message
    if before.package_id != ref.package_id:
        return None, tr(
            "“{0}” beside this package is not the package the review saw as round {1}."
        ).format(path.name, ref.round)
    opened = state.opened
    assert opened.project is not None
    after = Side(
        state.path.name,
        "package",
        opened.project,
        state.figures,
        opened.round,
        opened.package_id,
        state.verdict,
    )
    return compare_sides(before, after), ""


class RoundView(QWidget):
    go_to_target = Signal(str)

    def __init__(self, state: PackageState, findings: ReviewPanel, titles: dict[str, str]) -> None:
        super().__init__()
        self.state = state
        self.findings = findings
        self.titles = titles
        # The previous package is opened and verified once per document (not again when the
        # docks are rebuilt in another language); a reason for no diff is worded anew.
        if state.changes is None:
            state.changes, why = changes_since_previous(state)
        else:
            why = ""
        self.diff = state.changes
        self.changed_paths = {c.path for c in self.diff.fields} if self.diff else set()

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.diff_view = DiffView()
        project = state.opened.project
        if self.diff is not None and project is not None:  # an open package has its project
            self.diff_view.set_diff(self.diff, titles, field_labels(project, self.diff))
        else:
            self.diff_view.title.setText(why)
            self.diff_view.tree.setVisible(False)
        self.diff_view.go_to_path.connect(self.go_to_target)

        self.table = QTableWidget(0, 6)
        reading_table(self.table)
        self.table.setAccessibleName(tr("Findings to settle in this round"))
        self.table.setHorizontalHeaderLabels(
            [
                tr("ID"),
                tr("Status"),
                tr("Section / field"),
                tr("Participants' response"),
                tr("The field now"),
                tr("Since last round"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        for column in (0, 1, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.itemActivated.connect(
            lambda item: self.go_to_target.emit(
                self.state.review.finding(item.data(ROLE_ID)).target
            )
        )
        self.table.itemSelectionChanged.connect(self._selection_changed)

        self.assessment = QPlainTextEdit()
        self.assessment.setPlaceholderText(tr("The TPE's assessment of the response"))
        self.assessment.setAccessibleName(tr("Assessment"))
        self.assessment.setTabChangesFocus(True)
        self.assessment.setMaximumHeight(70)
        self.close_button = QPushButton(tr("Close finding"))
        self.keep_button = QPushButton(tr("Keep open"))
        self.reopen_button = QPushButton(tr("Re-open"))
        self.close_button.clicked.connect(lambda: self._act("close"))
        self.keep_button.clicked.connect(lambda: self._act("keep"))
        self.reopen_button.clicked.connect(lambda: self._act("reopen"))
        buttons = QHBoxLayout()
        for button in (self.close_button, self.keep_button, self.reopen_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.table, 1)
        lower_layout.addWidget(self.assessment)
        lower_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.diff_view)
        splitter.addWidget(lower)
        splitter.setSizes([480, 620])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        self.refresh()

    # -- state -------------------------------------------------------------------------------
    def rows(self) -> list[tuple[str, ...]]:
        return [
            tuple(self._cell(r, c) for c in range(self.table.columnCount()))
            for r in range(self.table.rowCount())
        ]

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def refresh(self) -> None:
        review, state = self.state.review, self.state
        selected = selected_key(self.table, ROLE_ID)
        # The findings to settle: those not closed, and those closed in this round (so a
        # closing can be undone here); the rest are history, in the findings panel.
        shown = [
            f for f in review.findings if f.status != "closed" or f.closed_in_round == state.round
        ]
        fill_findings(
            self.table,
            shown,
            ROLE_ID,
            lambda finding: (
                finding.id,
                status_text(finding.status),
                self.findings._target_text(finding.target),
                finding.response.replace("\n", " ") or tr("(no response)"),
                self._now(finding.target),
                tr("changed") if self._touched(finding.target) else tr("unchanged"),
            ),
            lambda _finding, _column, text: text,
            self.palette(),
        )
        if selected is not None:
            select_key(self.table, ROLE_ID, selected)
        self._selection_changed()
        changes = (
            tr("{0} field(s) and {1} figure(s) changed since round {2}").format(
                len(self.diff.fields), len(self.diff.figures), self.state.previous[0].round
            )
            if self.diff is not None and self.state.previous is not None
            else tr("the changes since the last round are not available")
        )
        open_count = sum(1 for f in review.findings if f.status != "closed")
        self.summary.setText(
            tr("Round {0}: {1}; {2} finding(s) not closed, {3} answered in this package.").format(
                state.round, changes, open_count, len(state.responded)
            )
        )

    def _touched(self, target: str) -> bool:
        if target in self.titles:  # a section: any of its changed fields (C.3: the figures)
            if self.diff is None:
                return False
            if target == FIGURES_SECTION and self.diff.figures:
                return True
            return any(c.section == target for c in self.diff.fields)
        return any(
            p == target or p.startswith(target + ".") or target.startswith(p + ".")
            for p in self.changed_paths
        )

    def _now(self, target: str) -> str:
        """The value a field finding points at, in this round; a section's title."""
        if target in self.titles:
            return self.titles[target]
        from jcm_pdd.model.paths import PathError, get_value

        project = self.state.opened.project
        assert project is not None  # a package without a project is refused on open
        try:
            value: Any = get_value(project, target)
        except PathError:
            return "—"
        # Model values (Decimal, dates, rows) shown as the compare view shows them: as JSON.
        return value_text(TypeAdapter(Any).dump_python(value, mode="json"))

    def selected_id(self) -> str | None:
        return selected_key(self.table, ROLE_ID)

    def _selection_changed(self) -> None:
        finding_id = self.selected_id()
        status = self.state.review.finding(finding_id).status if finding_id else ""
        self.close_button.setEnabled(bool(status) and status != "closed")
        self.keep_button.setEnabled(status == "responded")
        self.reopen_button.setEnabled(status == "closed")

    def _act(self, what: str) -> None:
        finding_id = self.selected_id()
        if finding_id is None or not self.findings.select_finding(finding_id):
            return
        text = self.assessment.toPlainText().strip()
        if what == "close":
            done = self.findings.close_finding(text)
        elif what == "keep":
            done = self.findings.keep_open(text)
        else:
            done = self.findings.reopen()
        if done is not None:
            self.assessment.clear()
            select_key(self.table, ROLE_ID, finding_id)
