"""Reading the stated figures back out of the packaged documents (PDD .docx, MP workbook).

The verifier re-computes the estimate and compares it with what the documents *say*, so a
PDD whose C.3 table was edited by hand after export is caught even when its checksum was
re-made. Documents inside a package are untrusted zips too: each is opened with ``SafeZip``
first (names, bombs) and only then parsed. Figures are returned as ``Figures``
(``{period: {quantity: text}}``) with the whole-tCO2e ``*_rounded`` quantities C.3 prints;
the workbook is read for the calculation inputs it states.
"""

from __future__ import annotations

import re
from decimal import Decimal
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


def inputs_from_xlsx(path: Path, labels: set[str]) -> dict[str, str]:
    """Values the workbook states for calculation inputs, by label (``EG_i,p [i = PV-1]``).

    The MPS workbook holds the inputs as values and the calculation as live formulas (which
    are never evaluated here), so what can be compared is every input it states: Table 1's
    estimated values and the selected default values, matched to the engine's trace labels.
    """
    with SafeZip(path, DOC_LIMITS):
        pass
    import openpyxl

    wanted = {_label_key(label): label for label in labels}
    found: dict[str, str] = {}
    workbook = openpyxl.load_workbook(str(path), read_only=True, data_only=False)
    try:
        for sheet in workbook.worksheets:
            for row in sheet.iter_rows(values_only=True, max_row=5000):
                cells = list(row[:20])
                for n, cell in enumerate(cells):
                    if not isinstance(cell, str) or _label_key(cell) not in wanted:
                        continue
                    value = next((c for c in cells[n + 1 :] if _is_number(c)), None)
                    if value is not None:
                        found[wanted[_label_key(cell)]] = _number_text(value)
                    break
    finally:
        workbook.close()
    return found


def _label_key(text: str) -> str:
    return "".join(text.split())


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def _number_text(value: Any) -> str:
    # repr of a float is the shortest text that reads back to it: "250.5", "0.797".
    return repr(value) if isinstance(value, float) else str(value)
