"""The project participant's side of a validation: the validator's ``.jcmreview`` opened next to
the project being edited.

Each finding shows at its field (navigator flag, field label flag) and in the "Findings to
answer" dock: its type, where it points, what the validator found and assessed. The participant
writes a response; it is saved at once into their copy of the review file (atomic), and "Package
for validation…" then builds round N+1 carrying the responses. The project stays editable: the
fields are corrected in the editor as usual.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QFileDialog,
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
from jcm_pdd.gui.review_common import (
    fill_findings,
    guarded,
    select_key,
    selected_key,
    status_text,
    type_text,
)
from jcm_pdd.gui.widgets import reading_table
from jcm_pdd.package.review import REVIEW_SUFFIX, Review, load_review, save_review

if TYPE_CHECKING:
    from jcm_pdd.gui.mainwindow import MainWindow

ROLE_ID = Qt.ItemDataRole.UserRole


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


@dataclass
class ParticipantReview:
    review: Review
    path: Path


class ResponsePanel(QWidget):
    """The findings of a review, each with the participant's response."""

    changed = Signal()
    go_to_target = Signal(str)

    def __init__(
        self,
        answering: ParticipantReview,
        titles: dict[str, str],
        label: Callable[[str], str] | None = None,
    ) -> None:
        super().__init__()
        self.answering = answering
        self.titles = titles
        self.label = label  # a field path in the form's words
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        reading_table(self.table)
        self.table.setAccessibleName(tr("Findings to answer"))
        self.table.setHorizontalHeaderLabels(
            [tr("ID"), tr("Status"), tr("Section / field"), tr("Finding"), tr("Your response")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        for column in (0, 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # The place, the finding and the response share the width (full texts in tooltips).
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(2, 190)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemActivated.connect(
            lambda item: self.go_to_target.emit(self.review.finding(item.data(ROLE_ID)).target)
        )
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.finding_text = QLabel()
        self.finding_text.setWordWrap(True)
        self.finding_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.response_edit = QPlainTextEdit()
        self.response_edit.setPlaceholderText(tr("Your response to this finding"))
        self.response_edit.setAccessibleName(tr("Your response to this finding"))
        self.response_edit.setTabChangesFocus(True)
        self.save_button = QPushButton(tr("Save response"))
        self.save_button.clicked.connect(lambda: self.save_response())
        self.go_button = QPushButton(tr("Go to the field"))
        self.go_button.clicked.connect(self._go)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.go_button)
        buttons.addStretch(1)
        editor = QWidget()
        editor_layout = QVBoxLayout(editor)
        editor_layout.setContentsMargins(6, 0, 0, 0)
        editor_layout.addWidget(self.heading)
        editor_layout.addWidget(self.finding_text)
        editor_layout.addWidget(self.response_edit, 1)
        editor_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(editor)
        splitter.setSizes([600, 500])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        self.refresh()

    @property
    def review(self) -> Review:
        return self.answering.review

    def target_text(self, target: str) -> str:
        if target in self.titles:
            return self.titles[target]
        return self.label(target) if self.label is not None else target

    def refresh(self) -> None:
        selected = self.selected_id()
        fill_findings(
            self.table,
            self.review.findings,
            ROLE_ID,
            lambda finding: (
                finding.id,
                status_text(finding.status),
                self.target_text(finding.target),
                finding.text.replace("\n", " "),
                finding.response.replace("\n", " "),
            ),
            lambda finding, column, text: finding.target if column == 2 else text,
            self.palette(),
        )
        if selected is not None:
            select_key(self.table, ROLE_ID, selected)
        self._selection_changed()
        waiting = [f for f in self.review.findings if f.status == "open"]
        self.summary.setText(
            tr(
                "Review “{0}” (round {1}): {2} finding(s), {3} waiting for your response. "
                "Responses go into the next package."
            ).format(
                self.answering.path.name,
                self.review.latest_round,
                len(self.review.findings),
                len(waiting),
            )
        )

    def selected_id(self) -> str | None:
        return selected_key(self.table, ROLE_ID)

    def select_finding(self, finding_id: str) -> bool:
        return select_key(self.table, ROLE_ID, finding_id)

    def _selection_changed(self) -> None:
        finding_id = self.selected_id()
        if finding_id is None:
            self.heading.setText(tr("Select a finding to answer it."))
            self.finding_text.clear()
            self.response_edit.clear()
            for widget in (self.response_edit, self.save_button, self.go_button):
                widget.setEnabled(False)
            return
        finding = self.review.finding(finding_id)
        self.heading.setText(
            tr("{0} ({1}) on {2} — {3}; raised in round {4}").format(
                finding.id,
                type_text(finding.type),
                self.target_text(finding.target),
                status_text(finding.status),
                finding.raised_in_round,
            )
        )
        shown = finding.text
        if finding.assessment:
            shown += "\n" + tr("Validator's assessment: {0}").format(finding.assessment)
        self.finding_text.setText(shown)
        self.response_edit.setPlainText(finding.response)
        closed = finding.status == "closed"
        self.response_edit.setEnabled(not closed)
        self.save_button.setEnabled(not closed)
        self.go_button.setEnabled(True)

    def _go(self) -> None:
        finding_id = self.selected_id()
        if finding_id is not None:
            self.go_to_target.emit(self.review.finding(finding_id).target)

    def save_response(self) -> bool:
        finding_id = self.selected_id()
        if finding_id is None:
            return False
        text = self.response_edit.toPlainText().strip()
        before = self.review.model_copy(deep=True)

        def record() -> bool:
            if not text:
                raise UserError(tr("Write your response first."))
            try:
                self.review.respond(finding_id, text)
                save_review(self.review, self.answering.path)
            except BaseException:
                self.review.findings = before.findings
                raise
            return True

        done = bool(guarded(self, record, tr("Response not saved")))
        if done:
            self.refresh()
            self.changed.emit()
        return done


def open_review(window: MainWindow, path: Path | None = None) -> bool:
    """Open a validator's review beside the project being edited (asks which when ``path`` is
    None); True when it is shown."""
    from jcm_pdd.gui.review_common import guarded as run

    session = window.session
    if session is None or session.read_only:
        return False
    if path is None:
        from jcm_pdd.gui.export_dialog import dialog_folder

        folder = dialog_folder(window)  # the project's folder, else the last one used
        name, _ = QFileDialog.getOpenFileName(
            window,
            tr("Open the validator's review"),
            folder,
            tr("JCM review (*{0})").format(REVIEW_SUFFIX),
        )
        if not name:
            return False
        path = Path(name)
    chosen = path
    review = run(window, lambda: load_review(chosen), tr("Review not opened"))
    if review is None:
        return False
    close_review(window)
    window.participant_review = ParticipantReview(review, chosen)
    show_review(window)
    return True


def show_review(window: MainWindow) -> None:
    """Build the "Findings to answer" dock and the field markers for the open review."""
    from jcm_pdd.gui.diff_view import section_titles
    from jcm_pdd.gui.i18n import current_language
    from jcm_pdd.session.labels import path_label

    answering, session = window.participant_review, window.session
    if answering is None or session is None:
        return
    view = window.view
    assert view is not None
    panel = ResponsePanel(
        answering,
        section_titles(session.project),
        lambda p: path_label(view.sections, p, current_language()),
    )
    panel.go_to_target.connect(window.go_to_target)
    panel.changed.connect(lambda: _mark(window))
    dock = QDockWidget(tr("Findings to answer"), window)
    dock.setObjectName("responsesDock")
    dock.setWidget(panel)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    window.tabifyDockWidget(window.diag_dock, dock)
    window.restoreDockWidget(dock)  # where the user last put it (gui.window_layout), if saved
    dock.show()
    dock.raise_()
    window.response_panel = panel
    window.participant_dock = dock
    _mark(window)


def close_review(window: MainWindow) -> None:
    dock = getattr(window, "participant_dock", None)
    if dock is not None:
        window.removeDockWidget(dock)
        dock.deleteLater()
    window.participant_dock = None
    window.response_panel = None
    window.participant_review = None


def retranslate(window: MainWindow) -> None:
    """Build the dock again in the new language, keeping the selection and the typed text."""
    panel = getattr(window, "response_panel", None)
    if panel is None:
        return
    selected, typed = panel.selected_id(), panel.response_edit.toPlainText()
    answering = window.participant_review
    close_review(window)
    window.participant_review = answering
    show_review(window)
    panel = window.response_panel
    if panel is not None and selected is not None and panel.select_finding(selected):
        panel.response_edit.setPlainText(typed)


def _mark(window: MainWindow) -> None:
    answering, view = window.participant_review, window.view
    if answering is None or view is None:
        return
    marks: dict[str, list[str]] = {}
    for finding in answering.review.findings:
        if finding.status != "closed":
            marks.setdefault(finding.target, []).append(finding.id)
    view.set_finding_marks(marks)
