"""The validator's findings panel: CAR / CL / FAR findings of a ``.jcmreview`` beside a package.

A findings table (filterable by status) and an editor: raise a finding tied to the section the
navigator shows (or a field path typed into the target box), edit its text, record the
participants' response, close it with the TPE's assessment, reopen it, and export the table as
.docx / .xlsx. Every change goes through ``jcm_pdd.package.review`` and is saved at once with
``save_review`` (atomic, into the ``.jcmreview`` file only; the package is never written).
Nothing is saved merely by opening: the file appears with the reviewer's first change.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jcm_pdd.errors import UserError
from jcm_pdd.gui.review_common import (  # noqa: F401 - review_for_opened, target_paths: API
    STATUSES,
    TYPES,
    carried_review,
    fill_findings,
    guarded,
    review_for_opened,
    select_key,
    selected_key,
    status_text,
    target_paths,
    tr,
    type_text,
    write_findings,
)
from jcm_pdd.gui.widgets import reading_table
from jcm_pdd.package.review import Finding, FindingType, Review, save_review

ROLE_ID = Qt.ItemDataRole.UserRole
# What the type box offers, as the review model types it.
FINDING_TYPES: dict[str, FindingType] = {"CAR": "CAR", "CL": "CL", "FAR": "FAR"}


class ReviewPanel(QWidget):
    """Findings of ``review``; each change is saved to ``review_path`` (a ``.jcmreview``)."""

    changed = Signal()  # the review was saved
    go_to_target = Signal(str)  # a finding's section key or model path, on double-click

    def __init__(
        self,
        review: Review,
        review_path: Path,
        *,
        author: str = "",
        section_titles: dict[str, str] | None = None,
        field_paths: Mapping[str, Sequence[str]] | None = None,
        path_label: Callable[[str], str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.review = review
        self.review_path = Path(review_path)
        self.author = author
        self.section_titles = dict(section_titles or {})
        self.field_paths = {k: list(v) for k, v in (field_paths or {}).items()}
        self.path_label = path_label  # a field's place in the form's words (session.labels)
        self.current_target = ""

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.filter = QComboBox()
        self.filter.setAccessibleName(tr("Show findings"))
        self.filter.addItem(tr("All findings"), "")
        for status in STATUSES:
            self.filter.addItem(tr("Only {0}").format(status_text(status)), status)
        self.filter.currentIndexChanged.connect(lambda _i: self._apply_filter())
        self.type_filter = QComboBox()
        self.type_filter.setAccessibleName(tr("Show findings of type"))
        self.type_filter.addItem(tr("All types"), "")
        for kind in TYPES:
            self.type_filter.addItem(kind, kind)
        self.type_filter.currentIndexChanged.connect(lambda _i: self._apply_filter())
        self.export_button = QPushButton(tr("Export findings…"))
        self.export_button.setToolTip(
            tr("Save the findings table as Word (.docx) or Excel (.xlsx)")
        )
        self.export_button.clicked.connect(lambda: self.export_findings())
        self.carry_button = QPushButton(tr("Continue an earlier review…"))
        self.carry_button.setToolTip(
            tr("Carry the findings and sign-offs of the previous round's review into this one")
        )
        self.carry_button.clicked.connect(lambda: self.carry_over())
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.carry_button)
        top.addWidget(QLabel(tr("Show:")))
        top.addWidget(self.type_filter)
        top.addWidget(self.filter)
        top.addWidget(self.export_button)

        self.table = QTableWidget(0, 5)
        reading_table(self.table)
        self.table.setAccessibleName(tr("Findings"))
        self.table.setHorizontalHeaderLabels(
            [tr("ID"), tr("Status"), tr("Section / field"), tr("Finding"), tr("Round")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        for column in (0, 1, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # Section titles are long: a fixed share (full title in the tooltip); the text stretches.
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(2, 190)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemActivated.connect(self._activated)

        self.heading = QLabel()
        self.heading.setObjectName("findingHeading")
        self.heading.setWordWrap(True)
        self.type_box = QComboBox()
        self.type_box.setAccessibleName(tr("Type"))
        for kind in TYPES:
            self.type_box.addItem(type_text(kind), kind)
        self.target_box = QComboBox()
        self.target_box.setEditable(True)
        self.target_box.setAccessibleName(tr("Section or field"))
        typed = self.target_box.lineEdit()
        if typed is not None:  # where the keyboard is in an editable box: named the same
            typed.setAccessibleName(tr("Section or field"))
        self.target_box.setToolTip(
            tr("The section selected in the navigator, one of its fields, or a field path")
        )
        self.text_edit = self._text_box(tr("What the validator found"))
        self.response_edit = self._text_box(tr("The project participants' response"))
        self.assessment_edit = self._text_box(tr("The TPE's assessment of the response"))
        # Compact, to fit a laptop's low dock without scrolling: the type and the place on one
        # line, the finding, the response and the assessment side by side, each titled above.
        choices = QHBoxLayout()
        choices.addWidget(QLabel(tr("Type:")))
        choices.addWidget(self.type_box)
        choices.addSpacing(8)
        choices.addWidget(QLabel(tr("Section / field:")))
        choices.addWidget(self.target_box, 1)
        texts = QGridLayout()
        texts.setVerticalSpacing(2)
        for column, (title, box, share) in enumerate(
            (
                (tr("Finding:"), self.text_edit, 2),  # the validator's own words, widest
                (tr("Response:"), self.response_edit, 1),
                (tr("Assessment:"), self.assessment_edit, 1),
            )
        ):
            label = QLabel(title)
            label.setBuddy(box)
            texts.addWidget(label, 0, column)
            texts.addWidget(box, 1, column)
            texts.setColumnStretch(column, share)
        texts.setRowStretch(1, 1)

        self.new_button = QPushButton(tr("New finding"))
        self.raise_button = QPushButton(tr("Raise finding"))
        self.save_button = QPushButton(tr("Save text"))
        self.respond_button = QPushButton(tr("Record response"))
        self.close_button = QPushButton(tr("Close finding"))
        self.keep_open_button = QPushButton(tr("Keep open"))
        self.keep_open_button.setToolTip(
            tr("The response does not resolve it: the finding stays open for the next round")
        )
        self.reopen_button = QPushButton(tr("Reopen"))
        self.new_button.clicked.connect(self.start_new)
        self.raise_button.clicked.connect(lambda: self.raise_finding())
        self.save_button.clicked.connect(lambda: self.save_text())
        self.respond_button.clicked.connect(lambda: self.respond())
        self.close_button.clicked.connect(lambda: self.close_finding())
        self.keep_open_button.clicked.connect(lambda: self.keep_open())
        self.reopen_button.clicked.connect(lambda: self.reopen())
        buttons = QHBoxLayout()
        for button in (
            self.new_button,
            self.raise_button,
            self.save_button,
            self.respond_button,
            self.close_button,
            self.keep_open_button,
            self.reopen_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)

        # No scroll area: the form's minimum height is the dock's, so at 1366x768 every field
        # and button shows (a scrolled form hid the finding's second line and the response).
        editor = QWidget()
        editor_layout = QVBoxLayout(editor)
        editor_layout.setContentsMargins(6, 0, 0, 0)
        editor_layout.addWidget(self.heading)
        editor_layout.addLayout(choices)
        editor_layout.addLayout(texts, 1)
        editor_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(editor)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([560, 540])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.refresh()
        self.start_new()

    def _text_box(self, placeholder: str) -> QPlainTextEdit:
        box = QPlainTextEdit()
        box.setPlaceholderText(placeholder)
        box.setAccessibleName(placeholder)
        box.setTabChangesFocus(True)
        box.setMinimumHeight(40)  # two lines
        return box

    # -- the section the navigator shows -----------------------------------------------------
    def set_target(self, target: str) -> None:
        """The section (or field) a new finding is tied to; offered with its fields."""
        self.current_target = target
        if self.selected_id() is None:
            self._fill_targets(target)

    def _fill_targets(self, target: str) -> None:
        self.target_box.blockSignals(True)
        self.target_box.clear()
        if target:
            # a field's place as the form names it, never its model path ("pdd.title")
            self.target_box.addItem(self._target_text(target), target)
            for path in self.field_paths.get(target, []):
                self.target_box.addItem(self._target_text(path), path)
                self.target_box.setItemData(
                    self.target_box.count() - 1, path, Qt.ItemDataRole.ToolTipRole
                )
        self.target_box.blockSignals(False)

    def new_finding_on(self, target: str) -> None:
        """Open the form for a new finding on ``target`` (a field's model path, or a section
        key), ready for its description (the editor's "Raise finding…")."""
        self.start_new()
        index = self.target_box.findData(target)
        if index < 0:
            self.target_box.addItem(self._target_text(target), target)
            index = self.target_box.count() - 1
        self.target_box.setCurrentIndex(index)
        self.heading.setText(tr("New finding on {0}").format(self._target_text(target)))
        self.text_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def target(self) -> str:
        """The target chosen (its key), or what was typed into the box."""
        text = self.target_box.currentText().strip()
        index = self.target_box.currentIndex()
        if index >= 0 and text == self.target_box.itemText(index):
            return str(self.target_box.itemData(index) or text)
        return text

    # -- table -------------------------------------------------------------------------------
    def refresh(self) -> None:
        selected = self.selected_id()
        fill_findings(
            self.table,
            self.review.findings,
            ROLE_ID,
            lambda finding: (
                finding.id,
                status_text(finding.status),
                self._target_text(finding.target),
                finding.text.replace("\n", " "),
                str(finding.raised_in_round),
            ),
            self._cell_tooltip,
            self.palette(),
        )
        self._apply_filter()
        if selected is not None:
            self.select_finding(selected)
        remaining = len(self.review.open_car_cl())
        total = len(self.review.findings)
        if not total:
            self.summary.setText(tr("No findings yet."))
        elif remaining:
            self.summary.setText(
                tr("{0} finding(s); {1} CAR/CL not closed — no positive opinion yet.").format(
                    total, remaining
                )
            )
        else:
            self.summary.setText(tr("{0} finding(s); no CAR or CL left open.").format(total))
        self.carry_button.setVisible(self._fresh())

    def _cell_tooltip(self, finding: Finding, column: int, text: str) -> str | None:
        if column == 0:
            return tr("Raised by {0} on {1}").format(
                finding.author or "—", f"{finding.raised_at:%Y-%m-%d}"
            )
        if column == 2:
            return f"{finding.target}\n{text}"
        return finding.text if column == 3 else None

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "filter"):
            self.refresh()  # status colours for the new (light or dark) palette

    def _fresh(self) -> bool:
        """Nothing reviewed yet in this round: an earlier review may be carried in."""
        return not self.review.findings and not self.review.signoffs

    def _target_text(self, target: str) -> str:
        """A section by its title; a field as the form names it ("A.3 …, row 1, Latitude")."""
        if target in self.section_titles:
            return self.section_titles[target]
        if self.path_label is not None:
            return self.path_label(target)
        for key, paths in self.field_paths.items():
            if any(target == p or target.startswith(p + ".") for p in paths):
                return f"{key} › {target}"
        return target

    def _apply_filter(self) -> None:
        status, kind = self.filter.currentData(), self.type_filter.currentData()
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is None:
                continue
            finding = self.review.finding(item.data(ROLE_ID))
            hidden = (bool(status) and finding.status != status) or (
                bool(kind) and finding.type != kind
            )
            self.table.setRowHidden(row, hidden)

    def visible_ids(self) -> list[str]:
        items = (self.table.item(row, 0) for row in range(self.table.rowCount()))
        return [
            item.text()
            for row, item in enumerate(items)
            if item is not None and not self.table.isRowHidden(row)
        ]

    def set_filter(self, status: str) -> None:
        """Show only findings of ``status`` ("" shows all)."""
        self.filter.setCurrentIndex(max(0, self.filter.findData(status)))

    def set_type_filter(self, kind: str) -> None:
        """Show only findings of type ``kind`` (CAR, CL, FAR; "" shows all)."""
        self.type_filter.setCurrentIndex(max(0, self.type_filter.findData(kind)))

    def text_boxes(self) -> tuple[QPlainTextEdit, QPlainTextEdit, QPlainTextEdit]:
        return self.text_edit, self.response_edit, self.assessment_edit

    def selected_id(self) -> str | None:
        return selected_key(self.table, ROLE_ID)

    def select_finding(self, finding_id: str) -> bool:
        return select_key(self.table, ROLE_ID, finding_id)

    def _selection_changed(self) -> None:
        finding_id = self.selected_id()
        if finding_id is None:
            self._show_new()
        else:
            self._show(self.review.finding(finding_id))

    def _activated(self, item: QTableWidgetItem) -> None:
        self.go_to_target.emit(self.review.finding(item.data(ROLE_ID)).target)

    # -- editor ------------------------------------------------------------------------------
    def start_new(self) -> None:
        self.table.clearSelection()
        self._show_new()

    def _show_new(self) -> None:
        self.heading.setText(tr("New finding on the section selected in the navigator"))
        self._fill_targets(self.current_target)
        self.type_box.setEnabled(True)
        self.target_box.setEnabled(True)
        for box in (self.text_edit, self.response_edit, self.assessment_edit):
            box.clear()
        self.text_edit.setReadOnly(False)
        self.response_edit.setEnabled(False)
        self.assessment_edit.setEnabled(False)
        self.raise_button.setEnabled(True)
        for button in (
            self.save_button,
            self.respond_button,
            self.close_button,
            self.keep_open_button,
            self.reopen_button,
        ):
            button.setEnabled(False)

    def _show(self, finding: Finding) -> None:
        self.heading.setText(
            tr("{0} on {1} — {2}; raised in round {3}").format(
                finding.id,
                self._target_text(finding.target),
                status_text(finding.status),
                finding.raised_in_round,
            )
        )
        self.type_box.setCurrentIndex(self.type_box.findData(finding.type))
        self.type_box.setEnabled(False)
        self._fill_targets(finding.target)
        self.target_box.setEnabled(False)
        self.text_edit.setPlainText(finding.text)
        self.response_edit.setPlainText(finding.response)
        self.assessment_edit.setPlainText(finding.assessment)
        closed = finding.status == "closed"
        self.text_edit.setReadOnly(closed)
        self.response_edit.setEnabled(not closed)
        self.assessment_edit.setEnabled(not closed)
        self.raise_button.setEnabled(False)
        self.save_button.setEnabled(not closed)
        self.respond_button.setEnabled(not closed)
        self.close_button.setEnabled(not closed)
        self.keep_open_button.setEnabled(finding.status == "responded")
        self.reopen_button.setEnabled(closed)

    # -- changes (each one saved) ------------------------------------------------------------
    def _save(self) -> None:
        save_review(self.review, self.review_path)
        self.refresh()
        self.changed.emit()

    def _change(self, change: Callable[[], Finding]) -> Finding | None:
        """Apply ``change`` to a copy; keep and save it only when both succeed."""
        before = self.review.model_copy(deep=True)

        def apply() -> Finding:
            try:
                finding = change()
                self._save()
            except BaseException:
                self.review.findings = before.findings
                raise
            return finding

        finding = guarded(self, apply, tr("Finding not saved"))
        if finding is not None:
            self.select_finding(finding.id)
        return finding

    def raise_finding(
        self, kind: str | None = None, target: str | None = None, text: str | None = None
    ) -> Finding | None:
        kind = kind or str(self.type_box.currentData())
        if target is None:  # the box shows the selected finding's own target while one is open
            target = self.target() if self.selected_id() is None else self.current_target
        text = self.text_edit.toPlainText() if text is None else text

        def add() -> Finding:
            if not text.strip():  # said here too, so the reviewer reads it in their language
                raise UserError(tr("A finding needs a description."))
            if not target.strip():
                raise UserError(tr("A finding must name the section or field it concerns."))
            finding = self.review.raise_finding(
                FINDING_TYPES[kind], target, text.strip(), self.author
            )
            finding.target_label = self._target_text(target)  # for the exported table
            return finding

        return self._change(add)

    def save_text(self) -> Finding | None:
        finding_id = self.selected_id()
        if finding_id is None:
            return None
        text = self.text_edit.toPlainText().strip()

        def edit() -> Finding:
            if not text:
                raise UserError(tr("A finding needs a description."))
            finding = self.review.finding(finding_id)
            finding.text = text
            finding.assessment = self.assessment_edit.toPlainText().strip()
            return finding

        return self._change(edit)

    def respond(self, response: str | None = None) -> Finding | None:
        finding_id = self.selected_id()
        if finding_id is None:
            return None
        response = self.response_edit.toPlainText() if response is None else response

        def record() -> Finding:
            if not response.strip():
                raise UserError(tr("Write the participants' response first."))
            return self.review.respond(finding_id, response.strip())

        return self._change(record)

    def close_finding(self, assessment: str | None = None) -> Finding | None:
        finding_id = self.selected_id()
        if finding_id is None:
            return None
        text = self.assessment_edit.toPlainText() if assessment is None else assessment
        return self._change(lambda: self.review.close(finding_id, text.strip()))

    def keep_open(self, assessment: str | None = None) -> Finding | None:
        finding_id = self.selected_id()
        if finding_id is None:
            return None
        text = self.assessment_edit.toPlainText() if assessment is None else assessment
        return self._change(lambda: self.review.keep_open(finding_id, text.strip()))

    def reopen(self) -> Finding | None:
        finding_id = self.selected_id()
        if finding_id is None:
            return None
        return self._change(lambda: self.review.reopen(finding_id))

    def carry_over(self, previous: Path | str | None = None) -> bool:
        """Load an earlier round's review into this (still empty) one, and save it here."""
        from jcm_pdd.gui.review_files import carry_over

        return carry_over(self, previous)

    # -- export ------------------------------------------------------------------------------
    def export_findings(self, path: Path | str | None = None) -> Path | None:
        """Write the findings table as .docx or .xlsx (asks where when ``path`` is None)."""
        from jcm_pdd.gui.review_files import export_findings

        return export_findings(self, path)
