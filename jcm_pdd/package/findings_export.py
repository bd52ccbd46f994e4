"""The findings table of a review as .docx and .xlsx, for the TPE's validation report.

Columns follow JCM validation reports' findings tables: finding ID, type (CAR/CL/FAR), section or
field, description, participants' response, TPE assessment, status, raised (round, date),
closed (round, date), author. Both files are written atomically beside each other or wherever
the validator asks, never into a package.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path
from typing import Any

from jcm_pdd.atomic import write_atomic
from jcm_pdd.errors import UserError
from jcm_pdd.export.xmltext import xml_text
from jcm_pdd.package.review import Finding, Review

COLUMNS = (
    "ID",
    "Type",
    "Section / field",
    "Finding",
    "Participants' response",
    "TPE assessment",
    "Status",
    "Raised",
    "Closed",
    "Author",
)
# 24.7 cm: the width of a landscape Letter or A4 page inside 1.5 cm margins. Ten columns fit
# it at 9 pt without breaking a heading, an ID or a date (at the body's 11 pt "Type", "Author"
# and "CAR-01" broke in the middle); the texts share what is left.
DOCX_WIDTHS_CM = (1.7, 1.3, 3.4, 3.9, 3.2, 2.9, 1.6, 2.4, 2.4, 1.9)
DOCX_TABLE_PT = 9
TYPE_NAMES = {
    "CAR": "Corrective action request",
    "CL": "Clarification request",
    "FAR": "Forward action request",
}


def _row(f: Finding) -> tuple[str, ...]:
    """The finding's cells, without characters no Word or Excel file can hold (a control
    character pasted into a finding made both exports fail)."""
    raised = f"round {f.raised_in_round}, {f.raised_at:%Y-%m-%d}"
    closed = f"round {f.closed_in_round}, {f.closed_at:%Y-%m-%d}" if f.closed_at is not None else ""
    cells = (
        f.id,
        f.type,
        # the place in the form's words, as the app showed it: a validator reads the document,
        # not the model, and the label already names the section, row and column; the model
        # key (pdd.sites.0.latitude) only when the app stored no label
        f.target_label or f.target,
        f.text,
        f.response,
        f.assessment,
        f.status,
        raised,
        closed,
        f.author,
    )
    return tuple(xml_text(cell) for cell in cells)


# A zero-width space: a place to break a line that prints nothing (Word and LibreOffice)
BREAK = "\u200b"


def breakable_key(key: str) -> str:
    """A model key printed where no label is known (``monitoring_plan.monitored.0.value``),
    with a break opportunity after each dot and underscore, so that the narrow "Section / field"
    column of the Word table breaks it between its parts, not in the middle of a word. For the
    Word text only: the review file and the workbook keep the key exactly. (A section key,
    ``PDD:C.3``, is short and stays as it is.)"""
    return key.replace(".", "." + BREAK).replace("_", "_" + BREAK)


def integrity_warning(review: Review) -> str:
    """Said at the top of every findings export when a round's package did not verify."""
    bad = review.untrusted()
    if not bad:
        return ""
    rounds = ", ".join(
        f"round {r.round} ({r.file_name or r.package_id[:12]}: {r.verdict})" for r in bad
    )
    return xml_text(
        f"NOT TRUSTWORTHY: the package of {rounds} did not verify against its checksums. "
        "These findings concern contents that may have been altered after packaging."
    )


def _write(path: Path, data: bytes) -> Path:
    if path.suffix.lower() == ".jcmpkg":
        raise UserError("The findings table is never written into a package.")
    try:
        return write_atomic(path, data)
    except OSError as exc:
        raise UserError(f"Cannot write {path}: {exc.strerror}") from None


def findings_docx(review: Review, path: Path | str) -> Path:
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt

    document: Any = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    section.left_margin = section.right_margin = Cm(1.5)
    warning = integrity_warning(review)
    document.add_heading(
        "Findings of the validation" + (" (NOT TRUSTWORTHY)" if warning else ""), level=1
    )
    if warning:
        from docx.shared import RGBColor

        run = document.add_paragraph().add_run(warning)
        run.bold = True
        run.font.color.rgb = RGBColor(0xB0, 0x00, 0x20)
    if review.project_title:
        document.add_paragraph(xml_text(f"Project: {review.project_title}"))
    rounds = ", ".join(f"round {r.round} ({r.package_id[:12]})" for r in review.packages)
    if rounds:
        document.add_paragraph(xml_text(f"Packages reviewed: {rounds}"))
    remaining = review.open_car_cl()
    document.add_paragraph(
        "No CAR or CL remaining."
        if not remaining
        else f"CAR/CL remaining: {', '.join(f.id for f in remaining)}."
    )
    table = document.add_table(rows=1, cols=len(COLUMNS))
    table.style = "Table Grid"
    for cell, title in zip(table.rows[0].cells, COLUMNS, strict=True):
        cell.text = title
        for run in cell.paragraphs[0].runs:
            run.bold = True
    place = COLUMNS.index("Section / field")
    for finding in review.findings:
        cells = table.add_row().cells
        texts = list(_row(finding))
        if not finding.target_label and ":" not in finding.target:  # a bare model path
            texts[place] = breakable_key(texts[place])
        for cell, text in zip(cells, texts, strict=True):
            cell.text = text
    # Word follows cell widths, LibreOffice the table grid: set both; text columns get room.
    table.autofit = False
    for column, width in zip(table.columns, DOCX_WIDTHS_CM, strict=True):
        column.width = Cm(width)  # the grid LibreOffice follows
    for row in table.rows:
        for cell, width in zip(row.cells, DOCX_WIDTHS_CM, strict=True):
            cell.width = Cm(width)
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(DOCX_TABLE_PT)
    document.add_paragraph("Types: " + "; ".join(f"{k}: {v}" for k, v in TYPE_NAMES.items()) + ".")
    buffer = BytesIO()
    document.save(buffer)
    return _write(Path(path), buffer.getvalue())


def findings_xlsx(review: Review, path: Path | str) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Findings"
    warning = integrity_warning(review)
    if warning:  # above the table, in red, so nobody copies the rows without seeing it
        sheet.append([warning])
        sheet["A1"].font = Font(bold=True, color="B00020")
        sheet.append([])
    header_row = 3 if warning else 1  # the warning, an empty row, then the table
    sheet.append(list(COLUMNS))
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
    for finding in review.findings:
        sheet.append(list(_row(finding)))
    for row in sheet.iter_rows(min_row=header_row + 1):
        for cell in row:
            # Text that looks like a formula ("=HYPERLINK(...)") must stay text: a finding is
            # typed by a person and opened in someone else's spreadsheet program.
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"
    widths = (9, 6, 24, 60, 50, 40, 10, 20, 20, 16)
    for n, width in enumerate(widths):
        sheet.column_dimensions[chr(ord("A") + n)].width = width
    for row in sheet.iter_rows(min_row=header_row + 1):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = f"A{header_row + 1}"
    buffer = BytesIO()
    workbook.save(buffer)
    return _write(Path(path), buffer.getvalue())
