"""The Export and "Package for validation" dialogs: the work runs in a worker thread (the GUI
stays responsive) and reports progress; the worker returns values and slots update the UI
(Picard's rule: widgets are touched on the GUI thread only).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    QStandardPaths,
    Qt,
    QThread,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from jcm_pdd.errors import UserError
from jcm_pdd.gui.jobs import Worker
from jcm_pdd.session import DocumentSession

if TYPE_CHECKING:
    from jcm_pdd.gui.participant import ParticipantReview


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


def documents_folder() -> Path:
    """The user's documents folder (the home folder where the system names none): where a
    file dialog starts for a project not saved yet, never the working directory."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


def dialog_folder(widget: QWidget | None, hint: str | Path | None = None) -> str:
    """Where a file dialog starts: ``hint`` (a path typed or proposed) when it names something
    on disk or in an existing folder; else the window's start folder (the open file's folder,
    the last one used); else the user's documents. Never the working directory."""
    if hint:
        path = Path(hint)
        if path.is_absolute() and (path.exists() or path.parent.is_dir()):
            return str(path)
    window = widget.window() if widget is not None else None
    start = getattr(window, "start_folder", None)
    return str(start() if callable(start) else documents_folder())


class WrappedLines(QStyledItemDelegate):
    """Rows as tall as their wrapped text really is. Qt sizes a wrapped row by the item
    font's line height; a line holding Japanese is drawn taller (its fallback font), so the
    second line did not fit and the row showed one line ending in "…"."""

    def sizeHint(  # noqa: N802 - Qt override
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        width = option.rect.width() - 8
        if width <= 0:
            return size
        layout = QTextLayout(str(index.data() or ""), option.font)
        wrap = QTextOption()
        wrap.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(wrap)
        layout.beginLayout()
        height = 0.0
        while (line := layout.createLine()).isValid():
            line.setLineWidth(width)
            height += line.height()
        layout.endLayout()
        return QSize(size.width(), max(size.height(), math.ceil(height) + 4))


class _JobDialog(QDialog):
    finished_job = Signal(object)  # the job's result or UserError, once shown

    def __init__(self, session: DocumentSession, parent: QWidget | None, title: str) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(title)
        self.resize(620, 300)
        self.form = QFormLayout()
        self.progress = QProgressBar()
        self.progress.setAccessibleName(tr("Progress"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.start_button = QPushButton(title)
        self.buttons.addButton(self.start_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.start_button.clicked.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.progress)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.buttons)
        # Enter starts the job from any field. Set once the button is in the dialog: set
        # before, the dialog never learnt its default and Enter pressed Close instead.
        self.start_button.setDefault(True)
        self.thread_: QThread | None = None
        self.result: Any = None

    def _path_row(self, label: str, default: str, folder: bool) -> QLineEdit:
        edit = QLineEdit(default)
        edit.setAccessibleName(label)
        browse = QPushButton(tr("Browse…"))

        def choose() -> None:
            start = dialog_folder(self.parentWidget(), edit.text())
            if folder:
                name = QFileDialog.getExistingDirectory(self, label, start)
            else:
                name, _ = QFileDialog.getSaveFileName(self, label, start)
            if name:
                edit.setText(name)

        browse.clicked.connect(choose)
        row = QHBoxLayout()
        row.addWidget(edit, 1)
        row.addWidget(browse)
        self.form.addRow(label, row)
        return edit

    def run_job(self, job: Callable[[Callable[[int, int, str], None]], Any]) -> None:
        self.start_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.thread_ = QThread(self)
        self.worker = Worker(job)
        self.worker.moveToThread(self.thread_)
        self.thread_.started.connect(self.worker.run)
        self.worker.progress.connect(self._progress)
        self.worker.finished.connect(self._finished)
        self.worker.finished.connect(self.thread_.quit)
        self.thread_.start()

    def _progress(self, done: int, total: int, message: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.message.setText(message)

    def _finished(self, result: Any) -> None:
        self.result = result
        self.start_button.setEnabled(True)
        self.progress.setRange(0, 1)
        if isinstance(result, UserError):
            self.progress.setValue(0)
            self.message.setText(result.message)
        else:
            self.progress.setValue(1)
            self.message.setText(self.done_text(result))
        self.finished_job.emit(result)

    def done_text(self, result: Any) -> str:
        return str(result)

    def start(self) -> None:
        raise NotImplementedError

    def wait(self) -> None:
        if self.thread_ is not None:
            # The worker's finished->quit connection is queued to this (blocked) thread, so ask
            # the thread to quit directly: it stops once the job returns, and wait() cannot hang.
            self.thread_.quit()
            self.thread_.wait()

    def done(self, code: int) -> None:
        self.wait()  # never leave a worker running behind a closed dialog
        super().done(code)


class ExportDialog(_JobDialog):
    go_to_path = Signal(str)  # a line of the refusal list was clicked

    def __init__(
        self, session: DocumentSession, parent: QWidget | None = None, language: str = "en"
    ) -> None:
        super().__init__(session, parent, tr("Export"))
        self.resize(760, 480)  # room for the list of errors refusing a final export
        self.language = language  # the refusal list is read in the interface language
        default = str(session.path.parent if session.path else documents_folder())
        self.folder = self._path_row(tr("Folder:"), default, folder=True)
        self.formats: dict[str, QCheckBox] = {}
        row = QHBoxLayout()
        for key, text in (
            ("docx", "PDD (Word)"),
            ("pdf", "PDD (PDF)"),
            ("xlsx", tr("Monitoring Plan (Excel)")),
            ("moc", "MoC (Word)"),
        ):
            box = QCheckBox(text)
            box.setChecked(True)
            self.formats[key] = box
            row.addWidget(box)
        self.form.addRow(tr("Documents:"), row)
        self.draft = QCheckBox(tr("Draft (allowed while errors remain; marked DRAFT)"))
        self.form.addRow("", self.draft)
        self.problems = QListWidget()  # the errors refusing a final export: scrollable
        self.problems.setAccessibleName(tr("Errors to fix"))
        self.problems.setWordWrap(True)
        self.problems.setItemDelegate(WrappedLines(self.problems))
        self.problems.setVisible(False)
        self.problems.itemClicked.connect(self._problem_clicked)
        self.problems.itemActivated.connect(self._problem_clicked)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.setStretchFactor(self.message, 0)
        layout.insertWidget(layout.indexOf(self.message) + 1, self.problems, 1)
        # without a refusal list the spare height goes below the text, not between the rows
        layout.insertStretch(layout.indexOf(self.buttons), 0)
        self.message.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.open_folder_button = QPushButton(tr("Open folder"))
        self.open_folder_button.clicked.connect(self.open_folder)
        self.buttons.addButton(self.open_folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.open_folder_button.setVisible(False)  # after an export (addButton shows it)

    def refusal_items(self) -> tuple[str, list[tuple[str, str]]]:
        """Why a final export is refused, in the interface language: a heading and one
        (line, model path) per error ("" and [] when nothing blocks it). The export itself
        refuses too; this says it the way the diagnostics panel does."""
        from jcm_pdd.checks import blocking_errors, message_text
        from jcm_pdd.session.formview import form_view
        from jcm_pdd.session.labels import path_label

        project = self.session.project
        errors = blocking_errors(project)  # the one gate the export and the package use
        if not errors:
            return "", []
        sections = form_view(project)
        lines = []
        for d in errors:
            text = message_text(d, self.language)
            where = f" ({path_label(sections, d.location, self.language)})" if d.location else ""
            lines.append((text + where, d.location))
        heading = tr(
            "A final export is not possible while {0} error(s) remain (export a draft "
            "instead, or fix them):"
        ).format(len(errors))
        return heading, lines

    def refusal(self) -> str | None:
        """The refusal as one text (None: nothing blocks a final export)."""
        heading, lines = self.refusal_items()
        if not heading:
            return None
        return "\n".join([heading, *(f"- {line}" for line, _path in lines)])

    def _show_refusal(self, heading: str, lines: list[tuple[str, str]]) -> None:
        """The heading above a scrollable list; a click on a line goes to its field."""
        self.message.setText(heading)
        self.problems.clear()
        for line, path in lines:
            item = QListWidgetItem(line)
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setToolTip(line)
            self.problems.addItem(item)
        self.problems.setVisible(bool(lines))

    def _problem_clicked(self, item: QListWidgetItem) -> None:
        path = str(item.data(Qt.ItemDataRole.UserRole) or "")
        if path:
            self.go_to_path.emit(path)
            self.reject()  # the person is taken to the field, the dialog out of the way

    def open_folder(self) -> None:
        """Show the export folder in the system's file manager."""
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(self.folder.text()))))

    def start(self) -> None:
        from jcm_pdd.export import export_set  # heavy: python-docx, reportlab, openpyxl

        self.problems.setVisible(False)
        self.open_folder_button.setVisible(False)
        if not self.draft.isChecked():
            heading, lines = self.refusal_items()
            if heading:
                self._show_refusal(heading, lines)
                return

        snapshot = self.session.worker_copy()  # the worker never sees live data
        out = Path(self.folder.text())
        formats = [k for k, box in self.formats.items() if box.isChecked()]
        draft = self.draft.isChecked()
        self.notes: list[str] = []  # e.g. that image metadata was removed (from the worker)
        self.run_job(
            lambda report: export_set(
                snapshot, out, formats, draft, progress=report, notes=self.notes
            )
        )

    def done_text(self, result: Any) -> str:
        """What was written, by file name under the folder's path given once, and the forms
        to compare with the official ones, in the interface language."""
        self.open_folder_button.setVisible(True)
        folder = Path(self.folder.text())
        names = [p.name if Path(p).parent == folder else str(p) for p in map(Path, result)]
        text = tr("Exported {0} files to {1}:").format(len(names), folder)
        text += "".join(f"\n  {name}" for name in names)
        notes = getattr(self, "notes", [])
        if any("official form" in note for note in notes):
            text += "".join("\n" + line for line in self._unconfirmed_forms())
        if any("Metadata" in note for note in notes):
            text += "\n" + tr(
                "Image metadata (EXIF such as GPS position and author, PNG text) was removed "
                "from the figures in every copy."
            )
        return text

    def _unconfirmed_forms(self) -> list[str]:
        """The export's note on forms not confirmed against the official ones, worded here
        (``export.api.unconfirmed_forms`` words it in English for the command line)."""
        from jcm_pdd.forms import load_forms

        # forms.schema.PROVENANCE_WORDS, put into the interface language
        status = {
            "recalled": tr("not yet confirmed against the official form"),
            "inferred": tr("inferred by JCM PDD Studio, not read in an official form"),
        }
        return [
            tr(
                "{0}: its code, version and layout are {1}. Compare it with the Joint "
                "Committee's current form."
            ).format(r.definition.code, status.get(r.definition.status, r.definition.status))
            for r in load_forms().resolve_for_project(self.session.project)
            if r.definition.form_type in ("PDD", "MoC") and r.definition.status != "verified"
        ]


class PackageDialog(_JobDialog):
    """Package the saved project for validation as round N: the next round is proposed (after
    the packages beside the project and the review being answered), the previous round's
    package is shown, an existing file is replaced only when the user says so, and the
    responses written to the review's findings go into the package."""

    def __init__(
        self,
        session: DocumentSession,
        parent: QWidget | None = None,
        answering: ParticipantReview | None = None,  # the review being answered, if any
    ) -> None:
        from jcm_pdd.package.rounds import next_round, packages_beside, round_file

        super().__init__(session, parent, tr("Package for validation"))
        self.answering = answering
        review = answering.review if answering is not None else None
        source = session.path
        self.earlier = packages_beside(source, session.project.pdd.title) if source else []
        self.round_box = QSpinBox()
        self.round_box.setRange(1, 99)
        self.round_box.setAccessibleName(tr("Round"))
        self.round_box.setValue(next_round(self.earlier, review))
        self.form.addRow(tr("Round:"), self.round_box)
        self.previous = QLabel(self._previous_text())
        self.previous.setWordWrap(True)
        self.form.addRow(tr("Previous round:"), self.previous)
        base = round_file(source, self.round_box.value()) if source else Path("package.jcmpkg")
        self.target = self._path_row(tr("Package file:"), str(base), folder=False)
        self.round_box.valueChanged.connect(self._round_changed)
        self.packaged_by = QLineEdit()
        self.form.addRow(tr("Packaged by:"), self.packaged_by)
        # After registration: a verification package of monitoring periods (package.periods)
        self.kind_box = QComboBox(self)
        self.kind_box.setAccessibleName(tr("Package for"))
        self.kind_box.addItem(tr("Validation (the PDD)"), "validation")
        periods = len(session.project.monitoring.periods)
        self.periods_box = QLineEdit("all" if periods else "", self)
        self.periods_box.setAccessibleName(tr("Monitoring periods"))
        self.periods_box.setToolTip(tr("Period numbers, e.g. 1-3,5, or all"))
        if periods:
            self.kind_box.addItem(tr("Verification of monitoring periods"), "verification")
            self.form.addRow(tr("Package for:"), self.kind_box)
            self.form.addRow(tr("Monitoring periods:"), self.periods_box)
        else:  # before registration there is only the PDD to package
            self.kind_box.hide()
            self.periods_box.hide()
        self.periods_box.setEnabled(False)
        self.kind_box.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.responses = review.participant_responses() if review is not None else []
        if answering is not None:
            self.form.addRow(
                tr("Responses:"),
                QLabel(
                    tr("{0} response(s) to the findings of “{1}” go into the package.").format(
                        len(self.responses), answering.path.name
                    )
                ),
            )
        if session.path is None or session.is_dirty:
            self.message.setText(
                tr("Save the project first: the package is built from the saved file.")
            )
            self.start_button.setEnabled(False)

    def _previous_text(self) -> str:
        if not self.earlier:
            return tr("none: this is the first package of this project in its folder")
        last = self.earlier[-1]
        return tr("round {0}, “{1}”, package id {2}…, created {3}").format(
            last.round, last.path.name, last.package_id[:12], last.created or "—"
        )

    @property
    def verification(self) -> bool:
        return bool(self.kind_box.currentData() == "verification")

    def _kind_changed(self) -> None:
        self.periods_box.setEnabled(self.verification)
        title = (
            tr("Package for verification") if self.verification else tr("Package for validation")
        )
        self.setWindowTitle(title)
        self.start_button.setText(title)

    def _round_changed(self, value: int) -> None:
        from jcm_pdd.package.rounds import round_file

        if self.session.path is not None:
            self.target.setText(str(round_file(self.session.path, value)))

    def start(self) -> None:
        from jcm_pdd.package import build_package

        assert self.session.path is not None
        source, target = self.session.path, Path(self.target.text())
        if target.suffix.lower() != ".jcmpkg":
            target = target.with_suffix(".jcmpkg")
            self.target.setText(str(target))
        round_ = self.round_box.value()
        review = self.answering.review if self.answering is not None else None
        if review is not None and review.package_of_round(round_) is not None:
            self.message.setText(
                tr(
                    "The review already holds a package as round {0}; a resubmission must be "
                    "round {1}."
                ).format(round_, review.latest_round + 1)
            )
            return
        if target.exists():
            answer = QMessageBox.question(
                self,
                tr("Replace package?"),
                tr("“{0}” already exists. Replace it with this package (round {1})?").format(
                    target.name, round_
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                self.message.setText(tr("Not packaged: “{0}” was kept.").format(target.name))
                return
        by = self.packaged_by.text()
        responses = list(self.responses)
        covered: list[int] | None = None
        if self.verification:
            from jcm_pdd.package.periods import parse_period_numbers

            count = len(self.session.project.monitoring.periods)
            try:
                covered = parse_period_numbers(self.periods_box.text(), count)
            except UserError as exc:
                self.message.setText(exc.message)
                return

        def job(report: Callable[[int, int, str], None]) -> Any:
            return build_package(
                source,
                target,
                round=round_,
                packaged_by=by,
                progress=lambda f, m: report(int(f * 100), 100, m),
                responses=responses,
                monitoring_periods=covered,
            )

        self.run_job(job)

    def done_text(self, result: Any) -> str:
        if self.verification:
            return tr("Verification package written: {0} (round {1})").format(
                self.target.text(), self.round_box.value()
            )
        return tr("Package written: {0} (round {1})").format(
            self.target.text(), self.round_box.value()
        )
