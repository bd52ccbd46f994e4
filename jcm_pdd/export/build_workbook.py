"""The Monitoring Plan workbook (.xlsx): MPS(input), MPS(calc_process) with live formulas, MSS.

Layout follows the published JCM Monitoring Spreadsheets (MPS) of approved methodologies: the
first lines "Monitoring Spreadsheet: <methodology>_ver<NN.N>" and "Reference Number: ...", the
title, Table 1 (a)-(j), Table 2, the list of default values and Table 3. Every calculated cell
of MPS(calc_process) is a formula generated from the template's equations (``excel_formula``),
so the workbook recalculates RE, PE and ER when a validator edits a yellow input cell. Input
cells are unlocked; all sheets are protected without a password so formulas are not overwritten
by accident.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Font, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from jcm_pdd.export.draft_inputs import lenient_resolve
from jcm_pdd.export.excel_formula import FormulaContext, IndexKey, rounding, translate
from jcm_pdd.export.redact import REDACTED, FieldReader
from jcm_pdd.export.withheld import input_hidden, withheld_keys
from jcm_pdd.export.workbook_labels import labels_for
from jcm_pdd.export.workbook_style import (
    BODY,
    BOLD,
    BOX,
    CALC,
    CALC_HEAD,
    DEFAULTS,
    HEAD_FILL,
    INPUT,
    INPUT_FILL,
    MSS,
    WRAP,
    combos,
    excel_number,
    fit_row_heights,
    index_text,
    symbol_text,
)
from jcm_pdd.methodology.engine import analysis
from jcm_pdd.methodology.errors import InputError
from jcm_pdd.methodology.inputs import Inputs
from jcm_pdd.methodology.resolve import resolve
from jcm_pdd.methodology.schema import Template
from jcm_pdd.methodology.status import caveat
from jcm_pdd.methodology.typeset import equation_runs
from jcm_pdd.model import MonitoredParameter, Project

if TYPE_CHECKING:
    from jcm_pdd.export.sources import Calculation


NORMAL = InlineFont(rFont="Arial", sz=10)
SUBSCRIPT = InlineFont(rFont="Arial", sz=10, vertAlign="subscript")


@dataclass
class WorkbookSource:
    """What the workbook is drawn from: a template, its inputs, and optionally the project."""

    template: Template
    inputs: Inputs
    project: Project | None = None
    reader: FieldReader | None = None  # public copy: hides confidential inputs
    draft: bool = False


class _Writer:
    def __init__(self, src: WorkbookSource) -> None:
        self.src = src
        self.t = src.template
        self.info = analysis(src.template)
        self.members = src.inputs.members
        try:
            self.values, self.sources = resolve(src.template, src.inputs)
        except InputError:  # a gap in the plan
            if not src.draft:
                raise
            self.members, self.values, self.sources = lenient_resolve(src.template, src.inputs)
        self.cells: dict[tuple[str, IndexKey], str] = {}
        self.wb = Workbook()
        self.ws_in: Worksheet = self.wb.active  # type: ignore[assignment]
        self.ws_in.title = INPUT
        self.ws_calc = self.wb.create_sheet(CALC)
        self.ws_mss = self.wb.create_sheet(MSS)
        country = src.project.rule_set.partner_country if src.project else ""
        self.labels = labels_for(country or src.template.identity.host_country)

    # -- helpers ---------------------------------------------------------------------------
    def _header_block(self, ws: Worksheet, title: str) -> int:
        ref = self.src.project.reference_number if self.src.project else ""
        ws["A1"] = f"Monitoring Spreadsheet: {self.t.identity.full_id}"
        ws["A2"] = f"Reference Number: {ref}"
        ws["A3"] = title
        ws["A1"].font = ws["A2"].font = BODY
        ws["A3"].font = Font(name="Arial", bold=True, size=12)
        if self.src.draft:
            ws["A4"] = "DRAFT - not for submission"
            ws["A4"].font = Font(name="Arial", bold=True, color="C00000")
            header = ws.oddHeader
            if header is not None:
                header.center.text = "DRAFT"
                header.center.color = "C00000"
        methodology_caveat = caveat(self.t)
        if methodology_caveat:  # the methodology is not verified (methodology/status.py)
            ws["A5"] = methodology_caveat
            ws["A5"].font = Font(name="Arial", bold=True, color="9C5700")
        footer = ws.oddFooter
        if footer is not None:
            footer.center.text = "Page &P of &N"
        return 6

    def _head(self, ws: Worksheet, row: int, labels: tuple[str, ...]) -> None:
        for col, label in enumerate(labels, start=1):
            cell = ws.cell(row=row, column=col, value=label)
            cell.font, cell.fill, cell.border, cell.alignment = BOLD, HEAD_FILL, BOX, WRAP

    def _row(self, ws: Worksheet, row: int, values: list[Any]) -> None:
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=row, column=col, value=value)
            cell.font, cell.border, cell.alignment = BODY, BOX, WRAP

    def _equation(self, key: str) -> CellRichText:
        """The equation as the methodology prints it: symbols with subscripts, Σ, ×, its
        number (``methodology.typeset``), as rich text in one cell."""
        param = self.t.parameters[key]
        symbols = {k: p.symbol for k, p in self.t.parameters.items()}
        runs = equation_runs(param.symbol, self.info.equations[key], symbols, param.equation_ref)
        return CellRichText([TextBlock(SUBSCRIPT if r.sub else NORMAL, r.text) for r in runs])

    def _input_cell(self, ws: Worksheet, row: int, col: int, value: Any) -> None:
        cell = ws.cell(row=row, column=col, value=value)
        cell.fill = INPUT_FILL
        cell.protection = Protection(locked=False)

    def _hidden(self, key: str, index: IndexKey) -> bool:
        """Whether the value's own model path (or its row) is confidential in this copy."""
        item = self.src.inputs.items.get(key, {}).get(index)
        return bool(item and item.where) and input_hidden(
            self.src.reader, item.where if item else ""
        )

    def _value_for(self, key: str, index: IndexKey) -> Any:
        if self._hidden(key, index):
            return REDACTED
        found = self.values[key]
        value = found[index] if isinstance(found, dict) else found
        return None if value is None else excel_number(Fraction(value))

    def _plan_row(self, key: str, index: IndexKey) -> MonitoredParameter | None:
        item = self.src.inputs.items.get(key, {}).get(index)
        project = self.src.project
        if not (project and item and item.where.startswith("monitoring_plan.monitored.")):
            return None
        return project.monitoring_plan.monitored[int(item.where.rsplit(".", 1)[1])]

    def _text(self, key: str, index: IndexKey, attribute: str, fallback: str) -> str:
        row = self._plan_row(key, index)
        if row is None:
            return fallback
        item = self.src.inputs.items[key][index]
        reader = self.src.reader
        if reader is not None:
            return reader.text(f"{item.where}.{attribute}") or fallback
        return str(getattr(row, attribute) or fallback)

    # -- MPS(input) ------------------------------------------------------------------------
    def input_sheet(self) -> None:
        ws = self.ws_in
        t1, t2 = self.labels.table1_paths, self.labels.table2_paths
        row = self._header_block(ws, self.labels.input_title)
        ws.cell(row=row, column=1, value=self.labels.table1_title).font = BOLD
        self._head(ws, row + 1, self.labels.table1)
        row += 2
        options = DataValidation(
            type="list", formula1='"Option A,Option B,Option C"', allow_blank=True
        )
        ws.add_data_validation(options)
        point = 0
        for key, param in self.t.parameters.items():
            if param.role != "monitored":
                continue
            for index in combos(param, self.members):
                point += 1
                option = self._text(key, index, "option", param.default_option or "")
                # Each value by the column it belongs under: the form's columns give the order.
                values: dict[str, object] = {
                    "monitoring_point": self._text(key, index, "monitoring_point", f"({point})"),
                    "symbol": symbol_text(param, index),
                    "description": self._text(key, index, "description", param.description),
                    "estimated_value": None,  # the input cell, below
                    "unit": self._text(key, index, "unit", param.unit),
                    "option": f"Option {option}" if option and option != REDACTED else option,
                    "source_of_data": self._text(
                        key, index, "source_of_data", param.source_of_data
                    ),
                    "measurement_methods": self._text(
                        key, index, "measurement_methods", param.measurement_methods
                    ),
                    "frequency": self._text(key, index, "frequency", param.frequency),
                    "comments": self._text(key, index, "comments", ""),
                }
                self._row(ws, row, [values[path] for path in t1])
                value_col = t1.index("estimated_value") + 1
                option_col = t1.index("option") + 1
                self._input_cell(ws, row, value_col, self._value_for(key, index))
                self._input_cell(ws, row, option_col, ws.cell(row=row, column=option_col).value)
                options.add(f"{get_column_letter(option_col)}{row}")
                letter = get_column_letter(value_col)
                self.cells[(key, index)] = f"'{INPUT}'!${letter}${row}"
                row += 1
        row += 1
        ws.cell(row=row, column=1, value=self.labels.table2_title).font = BOLD
        self._head(ws, row + 1, self.labels.table2)
        row += 2
        for key, param in self.t.parameters.items():
            if param.role != "fixed_ex_ante":
                continue
            for index in combos(param, self.members):
                fixed: dict[str, object] = {
                    "symbol": symbol_text(param, index),
                    "description": param.description,
                    "value": None,  # the input cell, below
                    "unit": param.unit,
                    "source_of_data": param.source_of_data,
                    "comments": "",
                }
                self._row(ws, row, [fixed[path] for path in t2])
                value_col = t2.index("value") + 1
                self._input_cell(ws, row, value_col, self._value_for(key, index))
                self.cells[(key, index)] = f"'{INPUT}'!${get_column_letter(value_col)}${row}"
                row += 1
        row += 1
        ws.cell(row=row, column=1, value=self.labels.defaults_title).font = BOLD
        self._head(ws, row + 1, DEFAULTS)
        row += 2
        for key, param in self.t.parameters.items():
            if param.role != "default":
                continue
            for index in combos(param, self.members):
                source = self.sources[(key, index)]
                chosen = source.choice or ""
                label = next((c.label for c in param.choices if c.name == chosen), chosen)
                how = f"Override: {source.reason}" if source.origin == "overridden" else label
                # The public citation and, on its own line, the status: never research notes.
                cite = source.citation + (f"\nStatus: {source.status}" if source.status else "")
                if self._hidden(key, index):  # which case was chosen would reveal the value
                    how = cite = REDACTED
                self._row(
                    ws,
                    row,
                    [
                        symbol_text(param, index),
                        param.description,
                        self._value_for(key, index),
                        param.unit,
                        how,
                        cite,
                    ],
                )
                self.cells[(key, index)] = f"'{INPUT}'!$C${row}"
                row += 1
        self.table3_row = row + 1

    def table3(self, er_cell: str) -> None:
        ws = self.ws_in
        row = self.table3_row
        ws.cell(row=row, column=1, value=self.labels.table3_title).font = BOLD
        self._head(ws, row + 1, ("CO2 emission reductions", "Units"))
        value = REDACTED if "ER" in self.hidden_keys else f"={er_cell}"
        self._row(ws, row + 2, [value, "tCO2/p"])
        ws.cell(row=row + 2, column=1).number_format = "#,##0"

    # -- MPS(calc_process) -----------------------------------------------------------------
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

    @property
    def hidden_keys(self) -> set[str]:
        """Parameters hidden in this copy: confidential inputs and everything computed from
        them (a public copy must not let a reader recompute a hidden value)."""
        cached: set[str] | None = getattr(self, "_hidden_keys", None)
        if cached is not None:
            return cached
        hidden = withheld_keys(self.src.template, self.src.inputs, self.src.reader)
        self._hidden_keys = hidden
        return hidden

    def calc_sheet(self) -> str:
        ws = self.ws_calc
        row = self._header_block(ws, self.labels.calc_title)
        order = self.info.order
        re_keys = self._closure("RE") | {"RE"}
        pe_keys = (self._closure("PE") | {"PE"}) - re_keys
        others = [k for k in order if k not in re_keys | pe_keys | {"ER"}]
        sections = [
            ("1. Calculations for emission reductions", ["ER"]),
            ("2. Selected default values, etc.", []),
            (
                "3. Calculations for reference emissions",
                [k for k in order if k in re_keys] + others,
            ),
            ("4. Calculations of the project emissions", [k for k in order if k in pe_keys]),
        ]
        # first pass: a row for every calculated value, so formulas may refer forward
        layout: list[tuple[str, list[tuple[int, str, IndexKey]]]] = []
        row += 0
        er_rounded_row = 0
        for title, keys in sections:
            rows: list[tuple[int, str, IndexKey]] = []
            row += 2  # title + header
            if title.startswith("2."):
                for key, param in self.t.parameters.items():
                    if param.role == "default":
                        for index in combos(param, self.members):
                            rows.append((row, key, index))
                            row += 1
            for key in keys:
                for index in combos(self.t.parameters[key], self.members):
                    rows.append((row, key, index))
                    self.cells[(key, index)] = f"$C${row}"  # same sheet: no prefix
                    row += 1
                if key == "ER":
                    er_rounded_row = row
                    row += 1
            layout.append((title, rows))
            row += 1
        ctx = FormulaContext(
            members=self.members,
            param_index={k: list(p.index) for k, p in self.t.parameters.items()},
            cell=lambda key, index: self.cells[(key, index)],
            tables=dict(self.t.tables),
            factors=self.info.factors,
        )
        row = 6
        for title, rows in layout:
            ws.cell(row=row, column=1, value=title).font = BOLD
            self._head(ws, row + 1, CALC_HEAD)
            for cell_row, key, index in rows:
                param = self.t.parameters[key]
                if key in self.hidden_keys:
                    formula = REDACTED  # derived from a confidential input: would reveal it
                    equation, ref = (
                        self._equation(key)
                        if (param.role == "calculated")
                        else "Default value (MPS(input))",
                        param.equation_ref,
                    )
                elif param.role == "calculated":
                    node = self.info.equations[key]
                    bound = dict(zip(param.index, index, strict=True))
                    formula = "=" + translate(node, ctx, bound)
                    equation, ref = self._equation(key), param.equation_ref
                else:
                    formula = f"={self.cells[(key, index)]}"
                    equation, ref = "Default value (MPS(input))", ""
                self._row(
                    ws,
                    cell_row,
                    [param.symbol, index_text(param, index), formula, param.unit, equation, ref],
                )
                ws.cell(row=cell_row, column=3).number_format = "#,##0.00########"
                if key == "ER":
                    mode = self.t.rounding.emission_reductions
                    self._row(
                        ws,
                        er_rounded_row,
                        [
                            f"{param.symbol} (credited)",
                            "",
                            REDACTED
                            if "ER" in self.hidden_keys
                            else "=" + rounding(mode, f"C{cell_row}"),
                            "tCO2e/p",
                            f"{mode} of {param.symbol} to whole tCO2e",
                            self.t.rounding.basis,
                        ],
                    )
                    ws.cell(row=er_rounded_row, column=3).number_format = "#,##0"
            row = (max((r for r, _, _ in rows), default=row + 1) if rows else row + 1) + 2
            if title.startswith("1."):
                row = er_rounded_row + 2
        return f"'{CALC}'!$C${er_rounded_row}"

    # -- MSS -------------------------------------------------------------------------------
    def mss_sheet(self) -> None:
        ws = self.ws_mss
        row = self._header_block(ws, self.labels.mss_title)
        fields = [path for path, _ in self.labels.mss_columns]
        self._head(ws, row, tuple(label for _, label in self.labels.mss_columns))
        project = self.src.project
        roles = project.monitoring_plan.structure if project else []
        for n, role in enumerate(roles):
            base = f"monitoring_plan.structure.{n}"
            reader = self.src.reader
            values = [
                reader.text(f"{base}.{f}") if reader else str(getattr(role, f)) for f in fields
            ]
            self._row(ws, row + 1 + n, values)
        if project and project.monitoring_plan.structure_note:
            note = (
                self.src.reader.text("monitoring_plan.structure_note")
                if self.src.reader
                else project.monitoring_plan.structure_note
            )
            note_row = row + len(roles) + 2
            cell = ws.cell(row=note_row, column=1, value=note)
            cell.font, cell.alignment = BODY, WRAP
            ws.merge_cells(start_row=note_row, start_column=1, end_row=note_row, end_column=3)

    def finish(self) -> bytes:
        widths = {
            INPUT: (14, 24, 36, 16, 10, 14, 24, 32, 16, 20),
            CALC: (16, 14, 18, 12, 60, 28),
            MSS: tuple({"role": 48}.get(path, 30) for path, _ in self.labels.mss_columns),
        }
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
        self.wb.properties.title = f"Monitoring Spreadsheet {self.t.identity.full_id}"
        buffer = io.BytesIO()
        self.wb.save(buffer)
        return buffer.getvalue()


def workbook_bytes(src: WorkbookSource) -> bytes:
    """Write the workbook of ``src``; raises the engine's InputError if inputs are missing."""
    writer = _Writer(src)
    writer.input_sheet()
    er_cell = writer.calc_sheet()
    writer.table3(er_cell)
    writer.mss_sheet()
    return writer.finish()


def build_workbook(project: Project, calc: Calculation, *, public: bool, draft: bool) -> bytes:
    """The workbook of a project (``calc`` from ``jcm_pdd.export.sources.calculate``)."""
    from jcm_pdd.errors import UserError
    from jcm_pdd.export.sources import project_inputs

    template, inputs, problem = project_inputs(project, calc, draft=draft)
    if template is None or inputs is None:
        raise UserError(f"Cannot write the Monitoring Plan workbook: {problem}")
    reader = FieldReader(project, public=public) if public else None
    try:
        return workbook_bytes(WorkbookSource(template, inputs, project, reader, draft))
    except InputError as exc:  # a missing or invalid plan value
        raise UserError(f"Cannot write the Monitoring Plan workbook: {exc.message}") from None
