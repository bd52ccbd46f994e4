"""Comparing two package rounds or two project files, in the app ("Compare with…").

``DiffView`` shows a ``jcm_pdd.package.diff.ProjectDiff`` as one tree: changed fields grouped
by form section (in navigator order), then changed figures grouped by year, each row as
"what — before — after". ``CompareDialog`` picks the two files and runs the comparison in a
worker thread (packages are verified and their figures recomputed, which takes seconds);
``compare_with(parent, current)`` is the menu action: it asks for the other file. Nothing is
written anywhere: packages are opened read-only by the core.
"""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QThread, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jcm_pdd.errors import UserError
from jcm_pdd.gui import theme
from jcm_pdd.gui.jobs import Worker
from jcm_pdd.model import Project
from jcm_pdd.package.diff import ProjectDiff

ROLE_PATH = Qt.ItemDataRole.UserRole
COMPARE_FILTER = "JCM PDD project or validation package (*.jcmpdd *.jcmpkg)"


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


def value_text(value: Any) -> str:
    """A model value or exact figure as a person reads it (long text shortened)."""
    if value is None:
        return tr("(none)")
    if isinstance(value, str):
        text = value if value else tr("(empty)")
        if "/" in value and not value.startswith("/"):
            try:  # an exact fraction from the engine: show its decimal value too
                exact = Fraction(value)
                approx = Decimal(exact.numerator) / Decimal(exact.denominator)
                text = f"≈ {approx:.4f}  ({value})"
            except (ValueError, ZeroDivisionError, ArithmeticError):
                pass
    elif isinstance(value, bool):
        text = tr("yes") if value else tr("no")
    else:
        text = json.dumps(value, ensure_ascii=False)
    text = text.replace("\n", " ⏎ ")
    return text if len(text) <= 160 else text[:157] + "…"


def figure_delta(old: str | None, new: str | None) -> str:
    """After minus before, signed (``+80``, ``-0.5``); "" when either side is missing."""
    if old is None or new is None:
        return ""
    try:
        delta = Fraction(new.replace(",", "")) - Fraction(old.replace(",", ""))
    except (ValueError, ZeroDivisionError):
        return ""
    if delta.denominator == 1:
        return f"{delta.numerator:+d}"
    exact = Decimal(delta.numerator) / Decimal(delta.denominator)
    return f"≈ {exact:+.4f}"


def quantity_text(quantity: str) -> str:
    """A figure's quantity in the interface language (``session.figure_names`` words it)."""
    from jcm_pdd.gui.i18n import current_language
    from jcm_pdd.session.figure_names import quantity_name

    return quantity_name(quantity, current_language())


def period_text(period: str) -> str:
    """A figure's year, or "Total", in the interface language (``session.figure_names``)."""
    from jcm_pdd.gui.i18n import current_language
    from jcm_pdd.session.figure_names import period_name

    return period_name(period, current_language())


def section_titles(project: Project) -> dict[str, str]:
    """``{"PDD:A.3": "PDD A.3. Location of project…"}`` for every form section."""
    from jcm_pdd.package.fingerprint import sections_for

    return {key: spec.title for key, spec in sections_for(project).items()}


def field_labels(project: Project, diff: ProjectDiff) -> dict[str, str]:
    """The changed fields of ``diff`` named as ``project``'s forms name them."""
    from jcm_pdd.gui.i18n import current_language
    from jcm_pdd.session.formview import form_view
    from jcm_pdd.session.labels import labels_for

    paths = [change.path for change in diff.fields]
    return labels_for(form_view(project), paths, current_language())


class DiffView(QWidget):
    """A ``ProjectDiff`` as a tree: Fields › section › path, Figures › year › quantity."""

    go_to_path = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet(f"color: {theme.ink('stale', self.notes.palette()).name()};")
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(tr("Differences"))
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels([tr("What changed"), tr("Before"), tr("After"), tr("Change")])
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.tree.itemDoubleClicked.connect(self._double_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.notes)
        layout.addWidget(self.tree, 1)
        self.diff: ProjectDiff | None = None
        self.notes.setVisible(False)

    def set_diff(
        self,
        diff: ProjectDiff,
        titles: dict[str, str] | None = None,
        labels: dict[str, str] | None = None,
    ) -> None:
        """Show ``diff``; ``titles`` name its sections and ``labels`` its fields in the form's
        words (``session.labels.labels_for``); a field without a label shows its path."""
        self.diff = diff
        titles = titles or {}
        labels = labels or {}
        self.tree.clear()
        self.title.setText(
            tr(
                "Comparing “{0}” (before) with “{1}” (after): {2} field(s) and {3} figure(s) "
                "differ."
            ).format(diff.a, diff.b, len(diff.fields), len(diff.figures))
        )
        self.notes.setText("\n".join(diff.notes))
        self.notes.setVisible(bool(diff.notes))
        bold = QFont()
        bold.setBold(True)
        if diff.identical:
            item = QTreeWidgetItem(self.tree, [tr("No differences in fields or figures.")])
            item.setFirstColumnSpanned(True)
            return
        if diff.fields:
            fields = QTreeWidgetItem(
                self.tree, [tr("Fields ({0} changed)").format(len(diff.fields))]
            )
            fields.setFont(0, bold)
            order = {key: n for n, key in enumerate(titles)}
            groups: dict[str, QTreeWidgetItem] = {}
            for section in sorted(diff.sections(), key=lambda s: (order.get(s, len(order)), s)):
                group = QTreeWidgetItem(fields, [titles.get(section, section)])
                group.setToolTip(0, section)
                group.setData(0, ROLE_PATH, section)
                groups[section] = group
            for change in diff.fields:
                item = QTreeWidgetItem(
                    groups[change.section],
                    [
                        labels.get(change.path, change.path),
                        value_text(change.old),
                        value_text(change.new),
                    ],
                )
                item.setData(0, ROLE_PATH, change.path)
                item.setToolTip(0, change.path)  # the exact place, for a report or a search
                for column, value in ((1, change.old), (2, change.new)):
                    item.setToolTip(column, str(value))
        if diff.figures:
            figures = QTreeWidgetItem(
                self.tree, [tr("Figures ({0} changed)").format(len(diff.figures))]
            )
            figures.setFont(0, bold)
            periods: dict[str, QTreeWidgetItem] = {}
            for figure in diff.figures:
                if figure.period not in periods:
                    periods[figure.period] = QTreeWidgetItem(figures, [period_text(figure.period)])
                item = QTreeWidgetItem(
                    periods[figure.period],
                    [
                        quantity_text(figure.quantity),
                        value_text(figure.old),
                        value_text(figure.new),
                        figure_delta(figure.old, figure.new),
                    ],
                )
                item.setTextAlignment(3, Qt.AlignmentFlag.AlignRight)
                item.setToolTip(0, f"figures.{figure.period}.{figure.quantity}")
                for column, value in ((1, figure.old), (2, figure.new)):
                    item.setToolTip(column, str(value))
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        self.tree.setColumnWidth(0, min(self.tree.columnWidth(0) + 12, 420))

    def rows(self) -> list[tuple[str, ...]]:
        """Every leaf row as shown: (group, subgroup, what, before, after, change)."""
        out: list[tuple[str, ...]] = []
        tops = (self.tree.topLevelItem(n) for n in range(self.tree.topLevelItemCount()))
        for top in filter(None, tops):
            for group in filter(None, (top.child(m) for m in range(top.childCount()))):
                for leaf in filter(None, (group.child(k) for k in range(group.childCount()))):
                    out.append((top.text(0), group.text(0), *(leaf.text(c) for c in range(4))))
        return out

    def _double_clicked(self, item: QTreeWidgetItem) -> None:
        path = item.data(0, ROLE_PATH)
        if path:
            self.go_to_path.emit(str(path))


Compared = tuple[ProjectDiff, dict[str, str], dict[str, str]]  # the diff, titles, field labels


def _compare(a: Path, b: Path) -> Compared:
    """Verify and recompute both sides, in a background job (``gui.jobs.Worker``: a bug is
    written to the crash log and told in product words; a ``UserError`` is shown as it is)."""
    from jcm_pdd.package.diff import compare_sides, load_side

    before, after = load_side(a), load_side(b)
    if before.round and after.round and before.round > after.round:
        before, after = after, before  # rounds read in order, whichever was opened
    diff = compare_sides(before, after)
    return diff, section_titles(after.project), field_labels(after.project, diff)


class CompareDialog(QDialog):
    """Pick two projects or packages (any mix) and show their differences."""

    finished_compare = Signal(object)  # the ProjectDiff, or the UserError shown

    def __init__(
        self, parent: QWidget | None = None, a: Path | None = None, b: Path | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Compare projects or package rounds"))
        self.resize(980, 640)
        form = QFormLayout()
        self.path_a = self._path_row(form, tr("Before (earlier round):"), a)
        self.path_b = self._path_row(form, tr("After (later round):"), b)
        self.compare_button = QPushButton(tr("Compare"))
        self.compare_button.clicked.connect(self.start)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(8)
        self.progress.setVisible(False)  # only while comparing
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        self.view = DiffView()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.compare_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.compare_button.setDefault(True)  # once in the dialog, or Enter pressed Close
        self.thread_: QThread | None = None
        self.diff: ProjectDiff | None = None

    def _path_row(self, form: QFormLayout, label: str, value: Path | None) -> QLineEdit:
        edit = QLineEdit(str(value) if value else "")
        edit.setAccessibleName(label)
        browse = QPushButton(tr("Browse…"))

        def choose() -> None:
            from jcm_pdd.gui.export_dialog import dialog_folder

            start = dialog_folder(self.parentWidget(), edit.text())
            name, _ = QFileDialog.getOpenFileName(self, label, start, tr(COMPARE_FILTER))
            if name:
                edit.setText(name)

        browse.clicked.connect(choose)
        row = QHBoxLayout()
        row.addWidget(edit, 1)
        row.addWidget(browse)
        form.addRow(label, row)
        return edit

    def start(self) -> None:
        if self.thread_ is not None and self.thread_.isRunning():
            return  # one comparison at a time
        a, b = self.path_a.text().strip(), self.path_b.text().strip()
        if not a or not b:
            self.message.setText(tr("Choose the two files to compare."))
            self.message.setVisible(True)
            return
        self.compare_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.message.setVisible(True)
        self.message.setText(tr("Verifying and recomputing both sides…"))
        self.thread_ = QThread(self)
        first, second = Path(a), Path(b)
        self.worker = Worker(lambda _progress: _compare(first, second))
        self.worker.moveToThread(self.thread_)
        self.thread_.started.connect(self.worker.run)
        self.worker.finished.connect(self._finished)
        self.worker.finished.connect(self.thread_.quit)
        self.thread_.start()

    def _finished(self, result: Any) -> None:
        if self.thread_ is not None:  # end the thread now: the dialog may be deleted next
            self.thread_.quit()
            self.thread_.wait()
        self.compare_button.setEnabled(True)
        self.progress.setVisible(False)
        if isinstance(result, UserError):
            self.diff = None
            self.message.setText(result.message)
            self.message.setVisible(True)
            self.finished_compare.emit(result)
            return
        diff, titles, labels = result
        self.diff = diff
        self.message.setVisible(False)
        self.view.set_diff(diff, titles, labels)
        self.finished_compare.emit(diff)

    def done(self, code: int) -> None:
        if self.thread_ is not None:
            # finished->quit is queued to this thread, which wait() blocks: quit directly.
            self.thread_.quit()
            self.thread_.wait()
        super().done(code)


def compare_with(parent: QWidget | None, current: Path | None) -> CompareDialog | None:
    """The "Compare with…" action: ask for the other file, then compare it with ``current``."""
    from jcm_pdd.gui.export_dialog import dialog_folder

    start = dialog_folder(parent, current.parent if current else None)
    name, _ = QFileDialog.getOpenFileName(parent, tr("Compare with…"), start, tr(COMPARE_FILTER))
    if not name:
        return None
    # The file open now is usually the latest round; the one chosen is what it is compared with.
    dialog = CompareDialog(parent, Path(name), current)
    dialog.open()
    if current is not None:
        dialog.start()
    return dialog
