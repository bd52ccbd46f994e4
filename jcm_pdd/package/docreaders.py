"""Reading the stated figures back out of the packaged documents (PDD .docx, MP workbook).

The verifier re-computes the estimate and compares it with what the documents *say*, so a
PDD whose C.3 table was edited by hand after export is caught even when its checksum was
re-made. Documents inside a package are untrusted zips too: each is opened with ``SafeZip``
first (names, bombs) and only then parsed. Figures are returned as ``Figures``
(``{period: {quantity: text}}``) with the whole-tCO2e ``*_rounded`` quantities C.3 prints.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from jcm_pdd.package.engine import Figures
from jcm_pdd.package.safezip import Limits, SafeZip

_YEAR = re.compile(r"^\s*(\d{4})")
_NUMBER = re.compile(r"^-?[\d,]+(\.\d+)?$")
DOC_LIMITS = Limits(max_entries=2000, max_member_size=200 * 1024**2, max_total_size=400 * 1024**2)


def _number(text: str) -> str | None:
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "")
    return cleaned.replace(",", "") if _NUMBER.match(cleaned) else None


def rows_to_figures(rows: list[list[str]]) -> Figures:
    """C.3-shaped rows (period, RE, PE, ER) to figures; other rows are ignored."""
    figures: Figures = {}
    for row in rows:
        if len(row) < 4:
            continue
        label = row[0].strip()
        values = [_number(cell) for cell in row[1:4]]
        if any(v is None for v in values):
            continue
        match = _YEAR.match(label)
        if match:
            period = match.group(1)
        elif label.lower().startswith("total"):
            period = "total"
        else:
            continue
        figures[period] = {
            q: v
            for q, v in zip(("RE_rounded", "PE_rounded", "ER_rounded"), values, strict=True)
            if v is not None
        }
    return figures


def c3_from_docx(path: Path) -> Figures:
    """The C.3 table of a PDD .docx: the table with a 'Total' row and year rows."""
    with SafeZip(path, DOC_LIMITS):
        pass  # refuses hostile containers before python-docx touches them
    import docx

    document: Any = docx.Document(str(path))
    for table in document.tables:
        rows = [[cell.text for cell in row.cells] for row in table.rows]
        figures = rows_to_figures(rows)
        if "total" in figures and len(figures) > 1:
            return figures
    return {}


def table3_from_xlsx(path: Path) -> Figures:
    """Year rows of the workbook's ex-ante ER table (values as saved, not formulas)."""
    with SafeZip(path, DOC_LIMITS):
        pass
    import openpyxl

    workbook = openpyxl.load_workbook(str(path), read_only=True, data_only=True)
    try:
        best: Figures = {}
        for sheet in workbook.worksheets:
            rows = [
                ["" if v is None else str(v) for v in row[:8]]
                for row in sheet.iter_rows(values_only=True, max_row=2000)
            ]
            for offset in range(0, 5):  # the period column need not be column A
                shifted = [r[offset:] for r in rows]
                figures = rows_to_figures(shifted)
                if len(figures) > len(best):
                    best = figures
        return best
    finally:
        workbook.close()
