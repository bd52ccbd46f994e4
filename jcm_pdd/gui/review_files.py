"""The findings panel's file work: carrying an earlier round's review into this one, and
exporting the findings table (.docx / .xlsx) where the reviewer chooses. Both go through
``guarded``: a refusal is shown, and nothing half-done stays in memory or on disk.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox

from jcm_pdd.gui.review_common import carried_review, guarded, tr, write_findings
from jcm_pdd.package.review import REVIEW_SUFFIX, Review

if TYPE_CHECKING:
    from jcm_pdd.gui.review_panel import ReviewPanel


def carry_over(panel: ReviewPanel, previous: Path | str | None = None) -> bool:
    """Load an earlier round's review into the panel's (still empty) one, and save it.

    The review object is filled in place, so every panel sharing it shows the result.
    """
    if not panel._fresh():
        QMessageBox.information(
            panel,
            tr("Continue an earlier review"),
            tr("This review already holds findings or sign-offs; nothing was carried over."),
        )
        return False
    if previous is None:
        name, _ = QFileDialog.getOpenFileName(
            panel,
            tr("Continue an earlier review"),
            str(panel.review_path.parent),
            tr("JCM review (*{0})").format(REVIEW_SUFFIX),
        )
        if not name:
            return False
        previous = name
    source = Path(previous)

    def carry() -> bool:
        earlier = carried_review(panel.review, panel.review_path, source)
        before = panel.review.model_copy(deep=True)
        try:
            for name in Review.model_fields:
                setattr(panel.review, name, getattr(earlier, name))
            panel._save()
        except BaseException:
            for name in Review.model_fields:
                setattr(panel.review, name, getattr(before, name))
            raise
        return True

    return bool(guarded(panel, carry, tr("Review not carried over")))


def export_findings(panel: ReviewPanel, path: Path | str | None = None) -> Path | None:
    """Write the findings table as .docx or .xlsx (asks where when ``path`` is None)."""
    if path is None:
        word, excel = tr("Word document (*.docx)"), tr("Excel workbook (*.xlsx)")
        stem = panel.review_path.stem + "-findings.docx"
        suggested = str(panel.review_path.with_name(stem))
        name, chosen = QFileDialog.getSaveFileName(
            panel, tr("Export findings"), suggested, f"{word};;{excel}"
        )
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() not in (".docx", ".xlsx"):
            path = path.with_suffix(".xlsx" if chosen == excel else ".docx")
    target = Path(path)
    result: Path | None = guarded(
        panel, lambda: write_findings(panel.review, target), tr("Findings not exported")
    )
    return result
