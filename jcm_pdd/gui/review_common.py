"""Shared by the review panels: wording of finding types and statuses, where a package's review
lives, the targets a finding can name, carrying an earlier round's review in, exporting the
findings table, and showing a refused change to the reviewer instead of failing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import QMessageBox, QTableWidget, QTableWidgetItem, QWidget

from jcm_pdd.errors import UserError
from jcm_pdd.gui import theme
from jcm_pdd.package.review import Finding, Review, load_review, review_for_package

if TYPE_CHECKING:
    from jcm_pdd.model import Project
    from jcm_pdd.package.opened import OpenedPackage
    from jcm_pdd.session.formview import SectionView

TYPES = ("CAR", "CL", "FAR")
STATUSES = ("open", "responded", "closed")
# A finding's status shown as a state colour (see ``theme``): open red, responded amber, closed
# green; ``STATUS_COLOURS`` are the light palette's tints.
STATUS_STATES = {"open": "error", "responded": "warning", "closed": "ok"}
STATUS_COLOURS = {status: theme.LIGHT_TINTS[state] for status, state in STATUS_STATES.items()}


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


def type_text(kind: str) -> str:
    return {
        "CAR": tr("CAR — corrective action request"),
        "CL": tr("CL — clarification request"),
        "FAR": tr("FAR — forward action request"),
    }.get(kind, kind)


def status_text(status: str) -> str:
    return {"open": tr("open"), "responded": tr("responded"), "closed": tr("closed")}.get(
        status, status
    )


def status_colour(status: str, palette: QPalette | None = None) -> QColor:
    """The background of a finding's status cell in ``palette`` (light or dark)."""
    return theme.tint(STATUS_STATES.get(status, "info"), palette)


def review_for_opened(opened: OpenedPackage) -> tuple[Review, Path]:
    """The review of an opened package (``OpenedPackage``) and the ``.jcmreview`` beside it.

    Nothing is written here: the file is created by the reviewer's first change.
    """
    title = opened.project.pdd.title if opened.project is not None else ""
    return review_for_package(opened.path, opened.round, opened.package_id, title)


def target_paths(
    project: Project, sections: Sequence[SectionView], limit: int = 80
) -> dict[str, list[str]]:
    """Field paths a finding on each navigator section can name (``SectionView`` lists).

    Table fields are offered per row and cell (``pdd.sites.0.latitude``), up to ``limit``.
    """
    from jcm_pdd.model.paths import PathError, get_value

    out: dict[str, list[str]] = {}
    for section in sections:
        paths: list[str] = []
        for view in section.fields:
            base = view.path.split(".*", 1)[0]
            paths.append(base)
            if not view.columns:
                continue
            try:
                rows = get_value(project, base)
            except PathError:
                continue
            for n in range(len(rows) if isinstance(rows, list) else 0):
                paths.append(f"{base}.{n}")
                paths += [f"{base}.{n}.{c.path}" for c in view.columns if "*" not in c.path]
        out[section.id] = list(dict.fromkeys(paths))[:limit]
    return out


def fill_findings(
    table: QTableWidget,
    findings: Sequence[Finding],
    role: int,
    cells: Callable[[Finding], Sequence[str]],
    tooltip: Callable[[Finding, int, str], str | None],
    palette: QPalette,
) -> None:
    """Rebuild ``table`` with one row per finding: ``cells(finding)`` gives the texts (column 1
    is the status, shown in its colour), every cell holds the finding's id as ``role`` data, and
    ``tooltip(finding, column, text)`` gives a cell's tooltip (None: none). Signals are blocked
    meanwhile: rebuilding is no selection by the user."""
    table.blockSignals(True)
    table.setRowCount(0)
    for finding in findings:
        row = table.rowCount()
        table.insertRow(row)
        for column, text in enumerate(cells(finding)):
            item = QTableWidgetItem(text)
            item.setData(role, finding.id)
            tip = tooltip(finding, column, text)
            if tip is not None:
                item.setToolTip(tip)
            if column == 1:
                item.setBackground(QBrush(status_colour(finding.status, palette)))
            table.setItem(row, column, item)
    table.blockSignals(False)


def selected_key(table: QTableWidget, role: int) -> str | None:
    """The ``role`` data of the first column of the selected row, or None."""
    model = table.selectionModel()
    rows = model.selectedRows() if model else []
    item = table.item(rows[0].row(), 0) if rows else None
    return str(item.data(role)) if item is not None else None


def select_key(table: QTableWidget, role: int, key: str) -> bool:
    """Select the row whose first column holds ``key`` as ``role`` data; False if none."""
    for row in range(table.rowCount()):
        item = table.item(row, 0)
        if item is not None and item.data(role) == key:
            table.selectRow(row)
            return True
    return False


T = TypeVar("T")


def guarded(parent: QWidget, action: Callable[[], T], title: str) -> T | None:
    """Run ``action``; a ``UserError`` or a file error is shown to the reviewer (the callers
    roll back, so nothing half-done stays in memory or on disk)."""
    try:
        return action()
    except UserError as exc:
        QMessageBox.warning(parent, title, exc.message)
    except OSError as exc:  # e.g. the package's folder is read-only or gone
        name = Path(exc.filename).name if exc.filename else ""
        QMessageBox.warning(
            parent,
            title,
            tr("The review file cannot be written ({0}): {1}.").format(
                name or tr("folder"), exc.strerror or str(exc)
            ),
        )
    return None


def carried_review(review: Review, review_path: Path, source: Path) -> Review:
    """The earlier round's review at ``source`` with this round's packages recorded after it."""
    if source.resolve() == review_path.resolve():
        raise UserError(tr("That is this round's own review file."))
    earlier = load_review(source)
    for ref in review.packages:  # this round keeps its place after the earlier ones
        earlier.record_package(ref.round, ref.package_id, ref.file_name, ref.seen_at)
    return earlier


def write_findings(review: Review, target: Path) -> Path:
    """The findings table as .docx or .xlsx, by the suffix of ``target``."""
    from jcm_pdd.package.findings_export import findings_docx, findings_xlsx

    if target.suffix.lower() == ".xlsx":
        return findings_xlsx(review, target)
    if target.suffix.lower() == ".docx":
        return findings_docx(review, target)
    raise UserError(tr("Findings are exported as .docx or .xlsx."))
