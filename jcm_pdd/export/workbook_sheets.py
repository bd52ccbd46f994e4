"""What the Monitoring Plan (MPS) and Monitoring Report (MRS) workbook writers share.

``SheetWriter`` owns the workbook with its input, calc_process and MSS sheets and the parts both
published spreadsheets lay out alike: the header lines ("Monitoring Spreadsheet: ...",
"Reference Number: ...", title, draft mark, methodology caveat), header and body cell styles,
the yellow unlocked input cells, the equations as rich text, the list of default values, the
sections of the calc_process sheet, the MSS sheet and the page setup and sheet protection.
``build_workbook`` (MPS) and ``build_mrs`` (MRS) write the tables that differ.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from copy import copy
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Font, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from jcm_pdd.export.excel_formula import IndexKey
from jcm_pdd.export.redact import REDACTED
from jcm_pdd.export.workbook_labels import labels_for
from jcm_pdd.export.workbook_style import (
    BODY,
    BOLD,
    BOX,
    DEFAULTS,
    HEAD_FILL,
    INPUT_FILL,
    WRAP,
    combos,
    fit_row_heights,
    symbol_text,
)
from jcm_pdd.export.xmltext import xml_text
from jcm_pdd.methodology.engine import analysis
from jcm_pdd.methodology.resolve import Source
from jcm_pdd.methodology.schema import Parameter, Template
from jcm_pdd.methodology.status import document_caveat
from jcm_pdd.methodology.typeset import equation_runs

# The Monitoring Plan workbook's calc_process parts (the MPS has no form of it; the MRS
# workbook takes its own from the MRS definition).
CALC_PARTS = (
    "1. Calculations for emission reductions",
    "2. Selected default values, etc.",
    "3. Calculations for reference emissions",
    "4. Calculations of the project emissions",
)
NORMAL = InlineFont(rFont="Arial", sz=10)
SUBSCRIPT = InlineFont(rFont="Arial", sz=10, vertAlign="subscript")

# (title row, title, [(row, key, index)]) of each section of the calc_process sheet
Section = tuple[int, str, list[tuple[int, str, IndexKey]]]


class Formula(str):
    """A formula the workbook computes (``=SUM(B8:B9)``), as ``SheetWriter._row`` writes it;
    every other string is written as text."""

    __slots__ = ()


class SheetWriter:
    """The workbook of one template with its input, calc_process and MSS sheets."""

    def __init__(
        self,
        template: Template,
        sheets: tuple[str, str, str],
        *,
        country: str,
        draft: bool,
        draft_note: str,
        acknowledged_template: str = "",
    ) -> None:
        self.t = template
        self.acknowledged_template = acknowledged_template  # the project's (status.py)
        self.labels = labels_for(country or template.identity.host_country)
        self.info = analysis(template)
        self.draft = draft
        self.draft_note = draft_note  # what the draft mark says the copy is not for
        self.members: dict[str, list[str]] = {}
        self._styles: dict[tuple[str, str], Any] = {}
        self.wb = Workbook()
        self.ws_in: Worksheet = self.wb.active  # type: ignore[assignment]
        self.ws_in.title = sheets[0]
        self.ws_calc = self.wb.create_sheet(sheets[1])
        self.ws_mss = self.wb.create_sheet(sheets[2])

    # -- cells -----------------------------------------------------------------------------
    def _header_block(self, ws: Worksheet, title: str, reference: str) -> int:
        """The form's first lines; returns the first row below them."""
        ws["A1"] = f"Monitoring Spreadsheet: {self.t.identity.full_id}"
        ws["A2"] = xml_text(f"Reference Number: {reference}")
        ws["A3"] = xml_text(title)
        ws["A1"].font = ws["A2"].font = BODY
        ws["A3"].font = Font(name="Arial", bold=True, size=12)
        if self.draft:
            ws["A4"] = f"DRAFT - {self.draft_note}"
            ws["A4"].font = Font(name="Arial", bold=True, color="C00000")
            header = ws.oddHeader
            if header is not None:
                header.center.text = "DRAFT"
                header.center.color = "C00000"
        methodology_caveat = document_caveat(self.t, self.acknowledged_template)
        if methodology_caveat:  # the methodology is not verified (methodology/status.py)
            ws["A5"] = methodology_caveat
            ws["A5"].font = Font(name="Arial", bold=True, color="9C5700")
        footer = ws.oddFooter
        if footer is not None:
            footer.center.text = "Page &P of &N"
        return 6

    def _head(self, ws: Worksheet, row: int, labels: tuple[str, ...], first: int = 1) -> None:
        for col, label in enumerate(labels, start=first):
            cell = ws.cell(row=row, column=col, value=label)
            cell.font, cell.fill, cell.border, cell.alignment = BOLD, HEAD_FILL, BOX, WRAP

    def _row(self, ws: Worksheet, row: int, values: list[Any], first: int = 1) -> None:
        """One row of cells from ``first``. A ``Formula`` is a live formula; any other text is
        text, even when it starts with "=" (a project's or a template's words typed as
        "=HYPERLINK(...)" were live formulas in the workbook, and a package holding one did
        not verify), without the characters no workbook can hold (openpyxl refused the whole
        export for one control character)."""
        for col, value in enumerate(values, start=first):
            text = isinstance(value, str) and not isinstance(value, Formula)
            cell = ws.cell(row=row, column=col, value=xml_text(value) if text else value)
            if text and value.startswith("="):
                cell.data_type = "s"
            self._style(cell, "body")

    def _input_cell(self, ws: Worksheet, row: int, col: int, value: Any) -> None:
        self._style(ws.cell(row=row, column=col, value=value), "input")

    def _style(self, cell: Any, kind: str, number_format: str = "") -> None:
        """Give ``cell`` a body or input style. openpyxl hashes every style object on each
        assignment (seconds for 36,000 rows), so each style is built once and its style array
        copied to the next cells."""
        known = self._styles.get((kind, number_format))
        if known is not None:
            cell._style = copy(known)
            return
        cell.font, cell.border, cell.alignment = BODY, BOX, WRAP
        if kind == "input":
            cell.fill = INPUT_FILL
            cell.protection = Protection(locked=False)
        if number_format:
            cell.number_format = number_format
        self._styles[(kind, number_format)] = copy(cell._style)

    def _equation(self, key: str) -> CellRichText:
        """The equation as the methodology prints it: symbols with subscripts, Σ, ×, its
        number (``methodology.typeset``), as rich text in one cell."""
        param = self.t.parameters[key]
        symbols = {k: p.symbol for k, p in self.t.parameters.items()}
        runs = equation_runs(param.symbol, self.info.equations[key], symbols, param.equation_ref)
        return CellRichText([TextBlock(SUBSCRIPT if r.sub else NORMAL, r.text) for r in runs])

    def _each(self, role: str) -> Iterator[tuple[str, Parameter, IndexKey]]:
        """Every value of the parameters of ``role``: key, parameter and index, in the
        template's order."""
        for key, param in self.t.parameters.items():
            if param.role == role:
                for index in combos(param, self.members):
                    yield key, param, index

    # -- input sheet -----------------------------------------------------------------------
    def _option_validation(self) -> DataValidation:
        """The list of monitoring options offered in the input sheet's option cells."""
        options = DataValidation(
            type="list", formula1='"Option A,Option B,Option C"', allow_blank=True
        )
        self.ws_in.add_data_validation(options)
        return options

    def _defaults_table(
        self,
        row: int,
        sources: dict[tuple[str, IndexKey], Source],
        hidden: Callable[[str, IndexKey], bool],
        value: Callable[[str, IndexKey], Any],
        cells: dict[tuple[str, IndexKey], str],
    ) -> int:
        """The list of default values from ``row`` of the input sheet, each value's cell
        recorded in ``cells``; returns the row below it. A hidden value hides which case was
        chosen and its citation too (they would reveal it)."""
        ws = self.ws_in
        ws.cell(row=row, column=1, value=self.labels.defaults_title).font = BOLD
        self._head(ws, row + 1, DEFAULTS)
        row += 2
        for key, param, index in self._each("default"):
            source = sources[(key, index)]
            chosen = source.choice or ""
            label = next((c.label for c in param.choices if c.name == chosen), chosen)
            how = f"Override: {source.reason}" if source.origin == "overridden" else label
            # The public citation and, on its own line, the status: never research notes.
            cite = source.citation + (f"\nStatus: {source.status}" if source.status else "")
            if hidden(key, index):
                how = cite = REDACTED
            self._row(
                ws,
                row,
                [
                    symbol_text(param, index),
                    param.description,
                    value(key, index),
                    param.unit,
                    how,
                    cite,
                ],
            )
            cells[(key, index)] = f"'{ws.title}'!$C${row}"
            row += 1
        return row

    # -- calc_process sheet ----------------------------------------------------------------
    def _closure(self, key: str) -> set[str]:
        seen: set[str] = set()
        stack = [key]
        while stack:
            current = stack.pop()
            for dep in self.info.deps.get(current, set()):
                if dep not in seen and self.t.parameters[dep].role == "calculated":
                    seen.add(dep)
                    stack.append(dep)
        return seen

    def _calc_layout(
        self, row: int, titles: tuple[str, str, str, str] = CALC_PARTS
    ) -> tuple[list[Section], dict[tuple[str, IndexKey], int], int]:
        """The calc_process sheet's sections from ``row``: ER, the default values, the
        reference and then the project emissions (``titles``, in that order), a row for every
        value so formulas may refer forward. Returns the sections, the row of each calculated
        value and the row of the credited (rounded) ER."""
        order = self.info.order
        re_keys = self._closure("RE") | {"RE"}
        pe_keys = (self._closure("PE") | {"PE"}) - re_keys
        others = [k for k in order if k not in re_keys | pe_keys | {"ER"}]
        sections = [
            (titles[0], ["ER"]),
            (titles[1], []),  # the default values
            (titles[2], [k for k in order if k in re_keys] + others),
            (titles[3], [k for k in order if k in pe_keys]),
        ]
        calculated: dict[tuple[str, IndexKey], int] = {}
        layout: list[Section] = []
        er_rounded_row = 0
        for part, (title, keys) in enumerate(sections):
            title_row = row
            rows: list[tuple[int, str, IndexKey]] = []
            row += 2  # title + header
            if part == 1:
                for key, _param, index in self._each("default"):
                    rows.append((row, key, index))
                    row += 1
            for key in keys:
                for index in combos(self.t.parameters[key], self.members):
                    rows.append((row, key, index))
                    calculated[(key, index)] = row
                    row += 1
                if key == "ER":
                    er_rounded_row = row
                    row += 1
            layout.append((title_row, title, rows))
            row += 1
        return layout, calculated, er_rounded_row

    # -- MSS and the whole workbook --------------------------------------------------------
    def _mss(
        self,
        row: int,
        roles: list[Any],
        note: str,
        text: Callable[[str, Any], str],
    ) -> None:
        """The MSS: one row per monitoring role, then the structure's note; ``text`` reads a
        model path (with its value) as this copy shows it."""
        ws = self.ws_mss
        fields = [path for path, _ in self.labels.mss_columns]
        self._head(ws, row, tuple(label for _, label in self.labels.mss_columns))
        for n, role in enumerate(roles):
            base = f"monitoring_plan.structure.{n}"
            values = [text(f"{base}.{f}", getattr(role, f)) for f in fields]
            self._row(ws, row + 1 + n, values)
        if note:
            shown = text("monitoring_plan.structure_note", note)
            note_row = row + len(roles) + 2
            cell = ws.cell(row=note_row, column=1, value=xml_text(shown))
            cell.data_type = "s"  # the participants' words, never a formula
            cell.font, cell.alignment = BODY, WRAP
            ws.merge_cells(start_row=note_row, start_column=1, end_row=note_row, end_column=3)

    def _finish(self, widths: dict[str, tuple[int, ...]], title: str) -> bytes:
        """Column widths, row heights, protection and page setup of every sheet; the file."""
        for ws in (self.ws_in, self.ws_calc, self.ws_mss):
            for n, width in enumerate(widths[ws.title], start=1):
                ws.column_dimensions[get_column_letter(n)].width = width
            fit_row_heights(ws, widths[ws.title])
            ws.protection.sheet = True  # no password: protects formulas from slips, not attackers
            ws.page_setup.orientation = "landscape"
            ws.page_setup.fitToWidth = 1
            ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
            ws.page_setup.fitToHeight = 0
        self.wb.properties.creator = "JCM PDD Studio"
        self.wb.properties.title = f"{title} {self.t.identity.full_id}"
        buffer = io.BytesIO()
        self.wb.save(buffer)
        return buffer.getvalue()

    def _mss_widths(self) -> tuple[int, ...]:
        return tuple({"role": 48}.get(path, 30) for path, _ in self.labels.mss_columns)
