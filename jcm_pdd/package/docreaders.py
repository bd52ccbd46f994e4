"""Reading the stated figures back out of the packaged documents (PDD .docx, MP workbook).

The verifier re-computes the estimate and compares it with what the documents *say*, so a
PDD whose C.3 table was edited by hand after export is caught even when its checksum was
re-made. Documents inside a package are untrusted zips too: each is opened with ``SafeZip``
first (names, bombs) and only then parsed. Figures are returned as ``Figures``
(``{period: {quantity: text}}``) with the whole-tCO2e ``*_rounded`` quantities C.3 prints;
the workbook is read for the calculation inputs it states.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from jcm_pdd.package.engine import Figures
from jcm_pdd.package.safezip import Limits, PackageFormatError, SafeZip
from jcm_pdd.safezip import human_size

_YEAR = re.compile(r"^\s*(\d{4})")
_NUMBER = re.compile(r"^-?[\d,]+(\.\d+)?$")
DOC_LIMITS = Limits(max_entries=2000, max_member_size=200 * 1024**2, max_total_size=400 * 1024**2)
MAX_DOCUMENT_XML = 16 * 1024**2  # a real PDD's document.xml is ~50 KB; a long Annex a few MB
MAX_TABLE_ROWS = 2000  # C.3 has one row per year of the crediting period and a total
_DOCUMENT_PART = "word/document.xml"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TBL, _TR, _TC, _P, _T = (f"{_W}{tag}" for tag in ("tbl", "tr", "tc", "p", "t"))


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
    """The C.3 table of a PDD .docx: the table with a 'Total' row and year rows.

    The document's XML is streamed (never built into one tree) and only the first
    ``MAX_TABLE_ROWS`` rows of a table are kept: a forged PDD with a 200,000-row table costs
    a second and little memory, not the minutes and gigabytes a whole-document parse takes.
    """
    xml = _document_xml(path, "a PDD")
    if xml is None:
        return {}
    for rows in _tables(xml):
        figures = rows_to_figures(rows)
        if "total" in figures and len(figures) > 1:
            return figures
    return {}


_PERIOD_ROW = re.compile(r"^Period (\d+)$")


def credited_from_report_docx(path: Path) -> Figures:
    """The credited ER each period of a Monitoring Report .docx states (table D.1: Period,
    Dates, Days, RE_p, PE_p, ER_p, Credited ER): ``{"period 1": {"ER_credited": "1597"}}`` and
    the total as ``{"periods": {"ER_credited": ...}}``; withheld figures (XXX) are left out."""
    xml = _document_xml(path, "a report")
    if xml is None:
        return {}
    for rows in _tables(xml):
        if not rows or rows[0][:3] != ["Period", "Dates", "Days"]:
            continue
        figures: Figures = {}
        for row in rows[1:]:
            if len(row) != 7 or (credited := _number(row[6])) is None:
                continue
            match = _PERIOD_ROW.match(row[0].strip())
            if match:
                figures[f"period {match.group(1)}"] = {"ER_credited": credited}
            elif row[0].strip() == "Total":
                figures["periods"] = {"ER_credited": credited}
        return figures
    return {}


def _document_xml(path: Path, what: str) -> bytes | None:
    """The text part of the .docx at ``path`` (None if it has none); a PackageFormatError if
    it is implausibly large for ``what`` (a PDD, a report)."""
    with SafeZip(path, DOC_LIMITS) as zf:
        if not zf.has(_DOCUMENT_PART):
            return None
        size = zf.members[_DOCUMENT_PART].size
        if size > MAX_DOCUMENT_XML:
            raise PackageFormatError(
                f"the document's text ({human_size(size)}) is implausibly large for {what} "
                f"(at most {human_size(MAX_DOCUMENT_XML)})"
            )
        return zf.read(_DOCUMENT_PART, MAX_DOCUMENT_XML)


def _tables(xml: bytes) -> Iterator[list[list[str]]]:
    """The rows (cell texts) of each top-level table, in document order, streamed.

    ``xml.etree`` (expat) expands no external entities and refuses entity bombs; elements are
    cleared as soon as they are read, so memory stays that of one kept table.
    """
    depth = 0  # tables inside tables: only the outermost are C.3 candidates
    rows: list[list[str]] = []
    for event, element in ElementTree.iterparse(io.BytesIO(xml), events=("start", "end")):
        if element.tag == _TBL:
            if event == "start":
                depth += 1
                continue
            depth -= 1
            if depth == 0:
                yield rows
                rows = []
                element.clear()
        elif element.tag == _TR and event == "end" and depth == 1:
            if len(rows) < MAX_TABLE_ROWS:
                rows.append([_cell_text(cell) for cell in element if cell.tag == _TC])
            element.clear()  # rows already read are not kept in memory


def _cell_text(cell: ElementTree.Element) -> str:
    """A cell's text as python-docx gives it: its paragraphs' runs, one line per paragraph."""
    return "\n".join("".join(t.text or "" for t in p.iter(_T)) for p in cell if p.tag == _P)


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
