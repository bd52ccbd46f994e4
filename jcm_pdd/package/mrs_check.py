"""Checking a Monitoring Report Sheet workbook's formulas in a verification package.

The MRS workbook is what a verifier opens in Excel: MRS(calc_process) computes each period's
RE_p, PE_p, ER_p and credited ER_p with live formulas, and Table 3 of MRS(input) states the
credited ER per period and in total. A workbook whose formulas (or the results Excel stored
with them) were edited would show other figures than the package's, even with its checksum
re-made. So every formula of the two sheets is evaluated here, exactly, by a parser that never
runs code (``xlsx_formula_eval``), from the values the workbook itself holds, and:

- each covered period's RE_p, PE_p, ER_p and credited ER_p (MRS(calc_process)) and its Table 3
  row, and the Table 3 total, must equal the re-computed figures (``MRS_FORMULA``);
- a result a formula cell stores (Excel and LibreOffice keep the last one; a viewer that does not
  recalculate shows it) must equal what its formula gives (``MRS_STORED``);
- a formula that cannot be read (another function, a name, a loop) is a finding
  (``MRS_UNREADABLE``): a workbook is trusted only as far as its formulas are understood.

The workbook holds Excel's doubles: a monitored value or default with more than 15 significant
digits is not exact there, so the unrounded RE_p, PE_p and ER_p agree when within a relative
1e-9 of the exact figure; the credited ER (whole tCO2e) must be equal. A public copy's withheld
cells (XXX) and every result computed from them are not stated, so they are not compared.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jcm_pdd.package.report import MRS_FORMULA, MRS_STORED, MRS_UNREADABLE, FigureCheck
from jcm_pdd.package.xlsx_formula_eval import (
    WITHHELD,
    ExcelError,
    FormulaSyntaxError,
    Result,
    Text,
    Value,
    Workbook,
    cell_name,
    column_number,
)

if TYPE_CHECKING:
    from xml.etree import ElementTree

MAX_ROWS = 400_000  # 300 units x 120 periods x a few parameters, and the tables after
MAX_INPUT_COLUMNS = 16  # MRS(input) uses columns A-K
MAX_CALC_COLUMNS = 1024  # MRS(calc_process): one column per period, and five more
TOLERANCE = Fraction(1, 10**9)


@dataclass
class Layout:
    """Where the workbook states what: the sheet names and the labels it writes."""

    input_sheet: str
    calc_sheet: str
    table1_prefix: str  # how the Table 1 title begins ("Table 1")
    table2_prefix: str
    table1_columns: tuple[int, int, int]  # Table 1's period, parameter and value columns
    table3_prefix: str  # how the Table 3 title begins
    total_label: str  # column (a) of Table 3's total row
    credited_label: str  # "{0} (credited)": the credited ER row of MRS(calc_process)
    withheld: str  # what a public copy shows for a withheld value


def layout_for(country: str) -> Layout:
    """Where the MRS workbook of a project of ``country`` states what: the labels of its MRS
    form definition, as the exporter wrote them (``UserError`` if they cannot be read)."""
    from jcm_pdd.export.mrs_labels import mrs_labels
    from jcm_pdd.export.redact import REDACTED

    labels = mrs_labels(country)
    at = labels.table1_paths.index
    return Layout(
        labels.input_sheet,
        labels.calc_sheet,
        labels.table1_title.split(":")[0],
        labels.table2_title.split(":")[0],
        (1 + at("period"), 1 + at("symbol"), 1 + at("value")),
        labels.table3_title.split(":")[0],
        labels.texts["total"],
        labels.texts["credited"],
        REDACTED,
    )


@dataclass
class Covered:
    """One covered period: its figures' label ("period 1"), its column (a) text, its figures."""

    label: str
    text: str
    figures: dict[str, str]  # RE, PE, ER (exact), ER_credited


@dataclass
class FormulaReport:
    checks: list[FigureCheck] = field(default_factory=list)
    formulas: int = 0  # formula cells evaluated
    monitored: dict[tuple[str, str], float] = field(default_factory=dict)  # Table 1 values


def _value(raw: Any) -> Value:
    if raw is None or isinstance(raw, bool):
        return raw
    if isinstance(raw, int):
        return Fraction(raw)
    if isinstance(raw, float):
        # repr is the shortest text that reads back to the double: 570.991, not its binary
        return Fraction(Decimal(repr(raw)))
    if isinstance(raw, Decimal):
        return Fraction(raw)
    return str(raw)


_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_CELL_REF = re.compile(r"^([A-Z]{1,3})(\d{1,7})$")
Cells = dict[tuple[str, int, int], Value]


class _NeedsOpenpyxl(Exception):
    """A sheet this streaming reader does not follow (shared formulas, cells without their
    reference): openpyxl reads its cells instead."""


def _sheet_parts(zf: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> its part ("xl/worksheets/sheet2.xml"), from the workbook and its rels."""
    from xml.etree import ElementTree

    book = ElementTree.fromstring(zf.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): str(r.get("Target", "")) for r in rels.iter(f"{_RELS}Relationship")}
    parts: dict[str, str] = {}
    for sheet in book.iter(f"{_MAIN}sheet"):
        target = targets.get(sheet.get(_R_ID), "")
        if target:
            part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            parts[str(sheet.get("name"))] = part
    return parts


def _shared_strings(zf: zipfile.ZipFile) -> list[str]:
    from xml.etree import ElementTree

    if "xl/sharedStrings.xml" not in zf.namelist():
        return []
    root = ElementTree.fromstring(zf.read("xl/sharedStrings.xml"))
    return ["".join(t.text or "" for t in si.iter(f"{_MAIN}t")) for si in root.iter(f"{_MAIN}si")]


def _number(text: str) -> Value:
    try:
        return Fraction(Decimal(text.strip()))
    except (ArithmeticError, ValueError):  # not a finite number: kept as the text it is
        return text


def _typed(kind: str, text: str, strings: list[str]) -> Value:
    """A cell's value from its type attribute and its <v> text."""
    if kind == "n":
        return _number(text)
    if kind == "b":
        return text.strip() == "1"
    if kind == "s":
        index = int(text) if text.strip().isdigit() else -1
        return Text(strings[index] if 0 <= index < len(strings) else "")
    return text  # str (a formula's text result), e (an error), d (a date as text)


def _cell_elements(
    zf: zipfile.ZipFile, part: str
) -> Iterator[tuple[ElementTree.Element, re.Match[str] | None]]:
    """Each cell (``<c>``) of a sheet's XML with its reference matched, in one streaming pass;
    a cell is cleared once the caller has read it, so a sheet never stands whole in memory."""
    from xml.etree import ElementTree

    with zf.open(part) as stream:
        for _event, element in ElementTree.iterparse(stream):
            if element.tag == f"{_MAIN}c":
                yield element, _CELL_REF.match(element.get("r", ""))
                element.clear()


def _stream_sheet(
    zf: zipfile.ZipFile, part: str, sheet: str, columns: int, strings: list[str]
) -> tuple[Cells, Cells]:
    """The cells of one sheet (a formula as "=text") and the results formula cells store."""
    cells: Cells = {}
    stored: Cells = {}
    for element, where in _cell_elements(zf, part):
        if where is None:
            raise _NeedsOpenpyxl
        row, col = int(where[2]), column_number(where[1])
        if row > MAX_ROWS or col > columns:
            continue
        key = (sheet, row, col)
        kind = element.get("t", "n")
        formula = element.find(f"{_MAIN}f")
        value = element.find(f"{_MAIN}v")
        if formula is not None:
            if formula.get("t") == "shared":
                raise _NeedsOpenpyxl  # Excel's filled-down formulas: openpyxl expands them
            cells[key] = "=" + (formula.text or "")
            if value is not None and value.text:
                stored[key] = _typed(kind, value.text, strings)
        elif kind == "inlineStr":
            cells[key] = Text("".join(t.text or "" for t in element.iter(f"{_MAIN}t")))
        elif value is not None and value.text is not None:
            cells[key] = _typed(kind, value.text, strings)
    return cells, stored


def _openpyxl_cells(path: Path, sheet: str, columns: int) -> Cells:
    import openpyxl

    def value(raw: Any) -> Value:
        if raw is None or isinstance(raw, bool | str):
            return raw
        if isinstance(raw, float):  # repr: the shortest text that reads back to the double
            return Fraction(Decimal(repr(raw)))
        if isinstance(raw, int | Decimal):
            return Fraction(raw)
        return str(raw)

    cells: Cells = {}
    workbook = openpyxl.load_workbook(str(path), read_only=True, data_only=False)
    try:
        rows = workbook[sheet].iter_rows(values_only=True, max_row=MAX_ROWS, max_col=columns)
        for r, row in enumerate(rows, start=1):
            for c, raw in enumerate(row, start=1):
                if raw is not None:
                    cells[(sheet, r, c)] = value(raw)
    finally:
        workbook.close()
    return cells


def read_sheets(path: Path, sheets: tuple[str, str]) -> tuple[Cells, Cells]:
    """Every cell of ``sheets`` (the input sheet first; a formula as its text, "=...") and
    the result each formula cell stores with it (Excel and LibreOffice keep the last one; the
    app's own export stores none). One streaming pass over each sheet's XML: openpyxl, which
    builds an object per cell, took 20 s for the 36,000 rows of 300 units x 120 periods; it
    still reads a sheet with Excel's shared formulas, which it expands."""
    cells: Cells = {}
    stored: Cells = {}
    with zipfile.ZipFile(path) as zf:
        parts = _sheet_parts(zf)
        strings = _shared_strings(zf)
        for sheet in sheets:
            part = parts.get(sheet)
            if part is None or part not in zf.namelist():
                continue
            columns = MAX_INPUT_COLUMNS if sheet == sheets[0] else MAX_CALC_COLUMNS
            try:
                found, kept = _stream_sheet(zf, part, sheet, columns, strings)
            except _NeedsOpenpyxl:
                found = _openpyxl_cells(path, sheet, columns)
                kept = _stream_stored(zf, part, sheet, strings)
            cells.update(found)
            stored.update(kept)
    return cells, stored


def _stream_stored(zf: zipfile.ZipFile, part: str, sheet: str, strings: list[str]) -> Cells:
    """Only the stored results of a sheet that openpyxl reads (it cannot give both at once)."""
    stored: Cells = {}
    for element, where in _cell_elements(zf, part):
        value = element.find(f"{_MAIN}v")
        kept = value.text if value is not None else None  # openpyxl writes <v></v>
        if where and element.find(f"{_MAIN}f") is not None and kept:
            key = (sheet, int(where[2]), column_number(where[1]))
            stored[key] = _typed(element.get("t", "n"), kept, strings)
    return stored


def monitored_values(cells: Cells, layout: Layout) -> dict[tuple[str, str], float]:
    """The monitored values MRS(input) Table 1 states: ``{(column (a), column (c)): value}``,
    e.g. ``("1/Apr/2027-31/Mar/2028", "EG_i,p [i = PV-1]") -> 1000.5``, as Excel reads them
    (doubles); withheld values (XXX) and rows outside Table 1 are left out."""
    sheet = layout.input_sheet
    firsts = {
        r: v for (s, r, c), v in cells.items() if s == sheet and c == 1 and isinstance(v, str)
    }
    start = min((r for r, v in firsts.items() if v.startswith(layout.table1_prefix)), default=0)
    if not start:
        return {}
    end = min(
        (r for r, v in firsts.items() if r > start and v.startswith(layout.table2_prefix)),
        default=MAX_ROWS + 1,
    )
    period_col, symbol_col, value_col = layout.table1_columns
    found: dict[tuple[str, str], float] = {}
    for row in range(start + 1, end):
        period = cells.get((sheet, row, period_col))
        symbol = cells.get((sheet, row, symbol_col))
        value = cells.get((sheet, row, value_col))
        if isinstance(period, str) and isinstance(symbol, str) and isinstance(value, Fraction):
            found[(period, symbol)] = float(value)
    return found


def _text(value: Value) -> str:
    if isinstance(value, ExcelError):
        return value.code
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, Fraction):
        return str(value.numerator) if value.denominator == 1 else f"{float(value):.10g}"
    return str(value)


def _agrees(value: Fraction, exact: Fraction, whole: bool) -> bool:
    if whole:
        return value == exact
    return abs(value - exact) <= TOLERANCE * max(Fraction(1), abs(exact))


class _Checker:
    def __init__(self, member: str, book: Workbook, layout: Layout) -> None:
        self.member = member
        self.book = book
        self.layout = layout
        self.result = FormulaReport()
        self.unreadable: set[tuple[str, int, int]] = set()

    def evaluate(self, key: tuple[str, int, int]) -> Result | None:
        """The cell's value; None (with a finding) when its formula cannot be read."""
        try:
            return self.book.value(*key)
        except (FormulaSyntaxError, RecursionError) as exc:
            if key in self.unreadable:
                return None  # said once per cell
            self.unreadable.add(key)
            reason = str(exc) if isinstance(exc, FormulaSyntaxError) else "nested too deeply"
            self.result.checks.append(
                FigureCheck(
                    self.member, "-", "formula", reason, "", False, MRS_UNREADABLE, cell_name(*key)
                )
            )
            return None

    def figure(
        self, key: tuple[str, int, int] | None, period: str, quantity: str, exact: str
    ) -> None:
        """The figure the workbook computes in ``key`` against the re-computed ``exact``."""
        if key is None:
            self.result.checks.append(
                FigureCheck(
                    self.member,
                    period,
                    quantity,
                    "(not in the workbook)",
                    exact,
                    False,
                    MRS_FORMULA,
                )
            )
            return
        value = self.evaluate(key)
        if value is None or value is WITHHELD:
            return  # reported as unreadable, or withheld in a public copy
        whole = quantity == "ER_credited"
        ok = isinstance(value, Fraction) and _agrees(value, Fraction(exact), whole)
        self.result.checks.append(
            FigureCheck(
                self.member, period, quantity, _text(value), exact, ok, MRS_FORMULA, cell_name(*key)
            )
        )

    def every_formula(self, stored: dict[tuple[str, int, int], Value]) -> None:
        """Every formula cell is evaluated; a stored result must be what its formula gives."""
        for key in sorted(k for k in self.book.cells if self.book.formula(k)):
            self.result.formulas += 1
            value = self.evaluate(key)
            kept = stored.get(key)
            if value is None or kept is None:
                continue  # unreadable (reported), or nothing stored
            if isinstance(kept, str) and not isinstance(value, ExcelError):
                kept = _number(kept)  # a number stored as text is still shown as that number
            same = (
                (isinstance(kept, str) and isinstance(value, ExcelError) and kept == value.code)
                or (
                    isinstance(kept, Fraction)
                    and isinstance(value, Fraction)
                    and _agrees(kept, value, whole=False)
                )
                or (isinstance(kept, bool) and kept == value)
            )
            if not same:
                self.result.checks.append(
                    FigureCheck(
                        self.member,
                        "-",
                        "stored result",
                        _text(kept),
                        _text(value),
                        False,
                        MRS_STORED,
                        cell_name(*key),
                    )
                )


def _find_row(cells: dict[tuple[str, int, int], Value], sheet: str, label: str) -> int | None:
    """The first row of ``sheet`` whose column A is ``label`` and whose column B is empty."""
    rows = sorted(r for (s, r, c), v in cells.items() if s == sheet and c == 1 and v == label)
    for row in rows:
        if cells.get((sheet, row, 2)) in (None, ""):
            return row
    return None


def check_workbook(
    path: Path,
    member: str,
    covered: list[Covered],
    symbols: dict[str, str],
    layout: Layout,
) -> FormulaReport:
    """The formula checks of the MRS workbook at ``path`` (``member`` in the package):
    ``symbols`` maps RE, PE, ER to the symbols the template prints (RE_p ...)."""
    from jcm_pdd.package.docreaders import DOC_LIMITS
    from jcm_pdd.package.safezip import SafeZip

    with SafeZip(path, DOC_LIMITS):  # an untrusted zip: names, sizes, bombs first
        pass
    cells, stored = read_sheets(path, (layout.input_sheet, layout.calc_sheet))
    checker = _Checker(member, Workbook(cells, layout.withheld), layout)
    calc = layout.calc_sheet
    texts = {p.text for p in covered}
    columns: dict[str, int] = {}
    headers = sorted(
        (row, col, value)
        for (sheet, row, col), value in cells.items()
        if sheet == calc and col >= 3 and isinstance(value, str) and value in texts
    )
    for _, col, value in headers:  # the first row that names the period
        columns.setdefault(str(value), col)
    rows: dict[str, int | None] = {
        q: _find_row(cells, calc, symbols[q]) for q in ("RE", "PE", "ER")
    }
    rows["ER_credited"] = _find_row(cells, calc, layout.credited_label.format(symbols["ER"]))
    for period in covered:
        column = columns.get(period.text)
        for quantity, at in rows.items():
            key = (calc, at, column) if at is not None and column is not None else None
            checker.figure(key, period.label, quantity, period.figures[quantity])
    _table3(checker, cells, covered)
    checker.every_formula(stored)
    checker.result.monitored = monitored_values(cells, layout)
    return checker.result


def _table3(
    checker: _Checker, cells: dict[tuple[str, int, int], Value], covered: list[Covered]
) -> None:
    """Table 3 of MRS(input): each covered period's credited ER and the total."""
    layout = checker.layout
    sheet = layout.input_sheet
    titles = [
        r
        for (s, r, c), v in cells.items()
        if s == sheet and c == 1 and isinstance(v, str) and v.startswith(layout.table3_prefix)
    ]
    found: dict[str, int] = {}
    if titles:
        start = min(titles)
        labels = sorted(
            (r, v)
            for (s, r, c), v in cells.items()
            if s == sheet and c == 1 and r > start and isinstance(v, str)
        )
        for r, v in labels:
            found.setdefault(str(v), r)
    for period in covered:
        row = found.get(period.text)
        key = (sheet, row, 2) if row is not None else None
        checker.figure(key, period.label, "ER_credited", period.figures["ER_credited"])
    if len(covered) > 1:
        total = sum(int(p.figures["ER_credited"]) for p in covered)
        row = found.get(layout.total_label)
        key = (sheet, row, 2) if row is not None else None
        checker.figure(key, "periods", "ER_credited", str(total))
