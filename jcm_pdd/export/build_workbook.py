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

from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import MultiCellRange

from jcm_pdd.export.draft_inputs import lenient_resolve
from jcm_pdd.export.excel_formula import FormulaContext, IndexKey, rounding, translate
from jcm_pdd.export.redact import REDACTED, FieldReader
from jcm_pdd.export.withheld import input_hidden, withheld_keys
from jcm_pdd.export.workbook_sheets import Formula, SheetWriter
from jcm_pdd.export.workbook_style import (
    BOLD,
    CALC,
    CALC_HEAD,
    INPUT,
    MSS,
    excel_number,
    index_text,
    symbol_text,
)
from jcm_pdd.methodology.errors import InputError
from jcm_pdd.methodology.inputs import Inputs
from jcm_pdd.methodology.resolve import resolve
from jcm_pdd.methodology.schema import Template
from jcm_pdd.model import MonitoredParameter, Project

if TYPE_CHECKING:
    from jcm_pdd.export.sources import Calculation


@dataclass
class WorkbookSource:
    """What the workbook is drawn from: a template, its inputs, and optionally the project."""

    template: Template
    inputs: Inputs
    project: Project | None = None
    reader: FieldReader | None = None  # public copy: hides confidential inputs
    draft: bool = False


class _Writer(SheetWriter):
    def __init__(self, src: WorkbookSource) -> None:
        members = src.inputs.members
        try:
            # Record-only monitored values are optional for the calculation (FORMAT.md): left
            # empty, their input cell stays blank, as no formula reads it.
            values, self.sources = resolve(src.template, src.inputs, src.template.record_only)
        except InputError:  # a gap in the plan
            if not src.draft:
                raise
            members, values, self.sources = lenient_resolve(src.template, src.inputs)
        country = src.project.rule_set.partner_country if src.project else ""
        super().__init__(
            src.template,
            (INPUT, CALC, MSS),
            country=country,
            draft=src.draft,
            draft_note="not for submission",
            acknowledged_template=(
                src.project.pdd.methodology.acknowledged_template if src.project else ""
            ),
        )
        self.src = src
        self.members, self.values = members, values
        self.cells: dict[tuple[str, IndexKey], str] = {}
        self.reference = src.project.reference_number if src.project else ""

    # -- helpers ---------------------------------------------------------------------------
    def _hidden(self, key: str, index: IndexKey) -> bool:
        """Whether the value's own model path (or its row) is confidential in this copy."""
        item = self.src.inputs.items.get(key, {}).get(index)
        return bool(item and item.where) and input_hidden(
            self.src.reader, item.where if item else ""
        )

    def _value_for(self, key: str, index: IndexKey) -> Any:
        if self._hidden(key, index):
            return REDACTED
        found = self.values.get(key)
        if found is None:  # a record-only parameter left (partly) empty: what was entered
            item = self.src.inputs.items.get(key, {}).get(index)
            value = None if item is None else item.value
        else:
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
        row = self._header_block(ws, self.labels.input_title, self.reference)
        ws.cell(row=row, column=1, value=self.labels.table1_title).font = BOLD
        self._head(ws, row + 1, self.labels.table1)
        row += 2
        options = self._option_validation()
        option_cells: list[str] = []  # given to the validation at once (see below)
        point = 0
        for key, param, index in self._each("monitored"):
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
                "source_of_data": self._text(key, index, "source_of_data", param.source_of_data),
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
            option_cells.append(f"{get_column_letter(option_col)}{row}")
            letter = get_column_letter(value_col)
            self.cells[(key, index)] = f"'{INPUT}'!${letter}${row}"
            row += 1
        if option_cells:
            # One range list built at once: ``DataValidation.add`` compares each new cell with
            # every range already in the list (300 units: 45,000 comparisons, a quarter of the
            # workbook's time); the cells are distinct, so the list (and the file) is the same.
            options.sqref = MultiCellRange(" ".join(option_cells))
        row += 1
        ws.cell(row=row, column=1, value=self.labels.table2_title).font = BOLD
        self._head(ws, row + 1, self.labels.table2)
        row += 2
        for key, param, index in self._each("fixed_ex_ante"):
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
        row = self._defaults_table(row + 1, self.sources, self._hidden, self._value_for, self.cells)
        self.table3_row = row + 1

    def table3(self, er_cell: str) -> None:
        ws = self.ws_in
        row = self.table3_row
        ws.cell(row=row, column=1, value=self.labels.table3_title).font = BOLD
        self._head(ws, row + 1, ("CO2 emission reductions", "Units"))
        value = REDACTED if "ER" in self.hidden_keys else Formula(f"={er_cell}")
        self._row(ws, row + 2, [value, "tCO2/p"])
        ws.cell(row=row + 2, column=1).number_format = "#,##0"

    # -- MPS(calc_process) -----------------------------------------------------------------
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
        row = self._header_block(ws, self.labels.calc_title, self.reference)
        layout, calculated, er_rounded_row = self._calc_layout(row)
        for (key, index), at in calculated.items():
            self.cells[(key, index)] = f"$C${at}"  # same sheet: no prefix
        ctx = FormulaContext(
            members=self.members,
            param_index={k: list(p.index) for k, p in self.t.parameters.items()},
            cell=lambda key, index: self.cells[(key, index)],
            tables=dict(self.t.tables),
            factors=self.info.factors,
        )
        for row, title, rows in layout:
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
                    formula = Formula("=" + translate(node, ctx, bound))
                    equation, ref = self._equation(key), param.equation_ref
                else:
                    formula = Formula(f"={self.cells[(key, index)]}")
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
                            else Formula("=" + rounding(mode, f"C{cell_row}")),
                            "tCO2e/p",
                            f"{mode} of {param.symbol} to whole tCO2e",
                            self.t.rounding.basis,
                        ],
                    )
                    ws.cell(row=er_rounded_row, column=3).number_format = "#,##0"
        return f"'{CALC}'!$C${er_rounded_row}"

    # -- MSS -------------------------------------------------------------------------------
    def mss_sheet(self) -> None:
        row = self._header_block(self.ws_mss, self.labels.mss_title, self.reference)
        project = self.src.project
        reader = self.src.reader
        self._mss(
            row,
            project.monitoring_plan.structure if project else [],
            project.monitoring_plan.structure_note if project else "",
            lambda path, value: reader.text(path) if reader else str(value),
        )

    def finish(self) -> bytes:
        widths = {
            # Table 2 and the list of default values share these columns: E holds their
            # source of data or selected default (not only Table 1's units), A and F long
            # parameter names and sources; each fits its longest word on one line.
            INPUT: (18, 24, 36, 16, 17, 20, 24, 32, 16, 20),
            CALC: (16, 14, 18, 12, 60, 28),
            MSS: self._mss_widths(),
        }
        return self._finish(widths, "Monitoring Spreadsheet")


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
