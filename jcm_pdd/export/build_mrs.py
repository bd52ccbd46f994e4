"""The Monitoring Report Sheet workbook (.xlsx): MRS(input), MRS(calc_process) with live
formulas, and the MSS, for one or more monitoring periods.

MRS(input) follows the published MRS layout (header "Monitoring Spreadsheet: <methodology>",
"Reference Number: ...", "Monitoring Report Sheet (Input Sheet) [For Verification]"; Table 1
"Parameters monitored ex post" with columns (a) Monitoring period ... (k) Other comments, one
row per period and unit); then Table 2 and the default values as the registered Monitoring Plan
fixed them, and Table 3 "Ex-post calculation of CO2 emission reductions", one row per period.
The measuring equipment, its calibration date and the evidence files go into (k) Other comments
(the form has no column for them).

MRS(calc_process) has one value column per period: every calculated cell is a formula generated
from the template's equations (``excel_formula``), reading that period's Table 1 cells and the
shared Table 2 and default cells, so a verifier who edits a monitored value sees RE, PE and ER
of that period recalculate; the credited ER is rounded by the template's rule. Input cells are
yellow and unlocked; the sheets are protected without a password (formulas are not overwritten
by a slip).
"""

from __future__ import annotations

import io
from copy import copy
from fractions import Fraction
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.styles import Font, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from jcm_pdd.export.build_workbook import NORMAL, SUBSCRIPT
from jcm_pdd.export.draft_inputs import lenient_resolve
from jcm_pdd.export.excel_formula import FormulaContext, IndexKey, rounding, translate
from jcm_pdd.export.monitoring_source import MonitoringCalc, PeriodFigures, period_text
from jcm_pdd.export.redact import REDACTED, FieldReader, format_value
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
    excel_number,
    fit_row_heights,
    index_text,
    symbol_text,
)
from jcm_pdd.methodology.engine import analysis
from jcm_pdd.methodology.status import caveat
from jcm_pdd.methodology.typeset import equation_runs
from jcm_pdd.model import MonitoredParameter

MRS_INPUT = "MRS(input)"
MRS_CALC = "MRS(calc_process)"
MSS_SHEET = "MSS"
INPUT_TITLE = "Monitoring Report Sheet (Input Sheet) [For Verification]"
CALC_TITLE = "Monitoring Report Sheet (Calculation Process Sheet) [For Verification]"
TABLE1_TITLE = "Table 1: Parameters monitored ex post"
TABLE1 = (
    "(a) Monitoring period",
    "(b) Monitoring point No.",
    "(c) Parameters",
    "(d) Description of data",
    "(e) Monitored Values",
    "(f) Units",
    "(g) Monitoring option",
    "(h) Source of data",
    "(i) Measurement methods and procedures",
    "(j) Monitoring frequency",
    "(k) Other comments",
)
TABLE2_TITLE = "Table 2: Project-specific parameters fixed ex ante"
TABLE2 = (
    "(a) Parameters",
    "(b) Description of data",
    "(c) Values",
    "(d) Units",
    "(e) Source of data",
    "(f) Other comments",
)
TABLE3_TITLE = "Table 3: Ex-post calculation of CO2 emission reductions"
TABLE3 = ("Monitoring period", "CO2 emission reductions", "Units")
VALUE_COL = 5  # (e) Monitored Values
OPTION_COL = 7
NUMBER_FORMAT = "#,##0.00########"


class _Writer:
    def __init__(self, calc: MonitoringCalc, reader: FieldReader | None, draft: bool) -> None:
        self.calc = calc
        self.t = calc.template
        self.reader = reader
        self.draft = draft
        self.info = analysis(self.t)
        _placeholders, self.values, self.sources = lenient_resolve(self.t, calc.plan)
        # The plan's units exactly, as the engine sums them: an index set the project leaves
        # empty (no fuel-using equipment) has no rows and sums to 0, where the draft MPS shows
        # a placeholder unit (whose blank efficiency divided by zero here).
        self.members = {name: list(calc.plan.members.get(name, [])) for name in self.t.index_sets}
        self.shared: dict[tuple[str, IndexKey], str] = {}  # Table 2 and default cells
        self.monitored: dict[tuple[int, str, IndexKey], str] = {}  # (period, key, index)
        self.credited: dict[int, str] = {}  # period -> its credited ER cell
        self._styles: dict[tuple[str, str], Any] = {}
        self._names = calc.attachment_names(reader)
        self._plan_rows: dict[tuple[str, IndexKey], tuple[int, MonitoredParameter]] | None = None
        self.wb = Workbook()
        self.ws_in: Worksheet = self.wb.active  # type: ignore[assignment]
        self.ws_in.title = MRS_INPUT
        self.ws_calc = self.wb.create_sheet(MRS_CALC)
        self.ws_mss = self.wb.create_sheet(MSS_SHEET)
        project = calc.project
        self.labels = labels_for(project.rule_set.partner_country or self.t.identity.host_country)

    # -- helpers ---------------------------------------------------------------------------
    def _text(self, path: str, value: Any) -> str:
        if self.reader is not None:
            return self.reader.text(path)
        return format_value(value)

    def _header_block(self, ws: Worksheet, title: str) -> int:
        project = self.calc.project
        ref = self._text("reference_number", project.reference_number)
        ws["A1"] = f"Monitoring Spreadsheet: {self.t.identity.full_id}"
        ws["A2"] = f"Reference Number: {ref}"
        ws["A3"] = title
        ws["A1"].font = ws["A2"].font = BODY
        ws["A3"].font = Font(name="Arial", bold=True, size=12)
        if self.draft:
            ws["A4"] = "DRAFT - not for verification"
            ws["A4"].font = Font(name="Arial", bold=True, color="C00000")
            header = ws.oddHeader
            if header is not None:
                header.center.text = "DRAFT"
                header.center.color = "C00000"
        methodology_caveat = caveat(self.t)
        if methodology_caveat:
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
        for col, value in enumerate(values, start=first):
            self._style(ws.cell(row=row, column=col, value=value), "body")

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
        param = self.t.parameters[key]
        symbols = {k: p.symbol for k, p in self.t.parameters.items()}
        runs = equation_runs(param.symbol, self.info.equations[key], symbols, param.equation_ref)
        return CellRichText([TextBlock(SUBSCRIPT if r.sub else NORMAL, r.text) for r in runs])

    def _plan_row(self, key: str, index: IndexKey) -> tuple[int, MonitoredParameter] | None:
        if self._plan_rows is None:  # indexed once: 300 units x 120 periods look rows up
            self._plan_rows = {}
            for n, row in enumerate(self.calc.project.monitoring_plan.monitored):
                if row.key in self.t.parameters:
                    sets = self.t.parameters[row.key].index
                    at = (row.key, tuple(row.index.get(s, "") for s in sets))
                    self._plan_rows.setdefault(at, (n, row))
        return self._plan_rows.get((key, index))

    def _plan_text(self, key: str, index: IndexKey, attribute: str, fallback: str) -> str:
        found = self._plan_row(key, index)
        if found is None:
            return fallback
        n, row = found
        text = self._text(f"monitoring_plan.monitored.{n}.{attribute}", getattr(row, attribute))
        return text or fallback

    def _shared_value(self, key: str, index: IndexKey) -> Any:
        if (key, index) in self.calc.plan_hidden:
            return REDACTED
        found = self.values.get(key)
        value = found.get(index) if isinstance(found, dict) else found
        return None if value is None else excel_number(Fraction(value))

    # -- MRS(input) ------------------------------------------------------------------------
    def _comments(self, figures: PeriodFigures, key: str, index: IndexKey) -> str:
        """(k): the value's comments, its meter, calibration date and evidence files."""
        sets = self.t.parameters[key].index
        entry = self.calc.value_of(figures.number, key, dict(zip(sets, index, strict=True)))
        if entry is None:
            return ""
        path = self.calc.value_path(figures.number, entry)
        names = self._names
        parts = [
            self._text(f"{path}.comments", entry.comments),
            "Measuring equipment: " + self._text(f"{path}.instrument", entry.instrument)
            if entry.instrument
            else "",
            "Calibrated: " + self._text(f"{path}.calibration_date", entry.calibration_date)
            if entry.calibration_date
            else "",
        ]
        if entry.evidence:
            if self.reader is not None and self.reader.hidden(f"{path}.evidence"):
                parts.append(f"Evidence: {REDACTED}")
            else:
                parts.append(
                    "Evidence: "
                    + "; ".join(
                        f"{names.get(h, 'file')} (SHA-256 {h[:12]}…)" for h in entry.evidence
                    )
                )
        return "\n".join(p for p in parts if p)

    def input_sheet(self) -> None:
        ws = self.ws_in
        row = self._header_block(ws, INPUT_TITLE)
        ws.cell(row=row, column=1, value=TABLE1_TITLE).font = BOLD
        self._head(ws, row + 1, TABLE1)
        row += 2
        options = DataValidation(
            type="list", formula1='"Option A,Option B,Option C"', allow_blank=True
        )
        ws.add_data_validation(options)
        first = row
        for figures in self.calc.periods:
            point = 0
            for key, param in self.t.parameters.items():
                if param.role != "monitored":
                    continue
                for index in combos(param, self.members):
                    point += 1
                    sets = dict(zip(param.index, index, strict=True))
                    entry = self.calc.value_of(figures.number, key, sets)
                    option = (entry.option if entry else None) or self._plan_text(
                        key, index, "option", param.default_option or ""
                    )
                    self._row(
                        ws,
                        row,
                        [
                            period_text(figures.period),
                            self._plan_text(key, index, "monitoring_point", f"({point})"),
                            symbol_text(param, index),
                            self._plan_text(key, index, "description", param.description),
                            None,  # the input cell, below
                            self._plan_text(key, index, "unit", param.unit),
                            f"Option {option}" if option and option != REDACTED else option,
                            self._plan_text(key, index, "source_of_data", param.source_of_data),
                            self._plan_text(
                                key, index, "measurement_methods", param.measurement_methods
                            ),
                            self._plan_text(key, index, "frequency", param.frequency),
                            self._comments(figures, key, index),
                        ],
                    )
                    value: Any = None
                    if key in figures.hidden:
                        value = REDACTED
                    elif entry is not None and entry.value is not None:
                        value = excel_number(Fraction(entry.value))
                    self._style(
                        ws.cell(row=row, column=VALUE_COL, value=value), "input", NUMBER_FORMAT
                    )
                    self._input_cell(ws, row, OPTION_COL, ws.cell(row=row, column=OPTION_COL).value)
                    letter = get_column_letter(VALUE_COL)
                    self.monitored[(figures.number, key, index)] = f"'{MRS_INPUT}'!${letter}${row}"
                    row += 1
        if row > first:  # one range: a cell at a time costs seconds for 36,000 rows
            letter = get_column_letter(OPTION_COL)
            options.add(f"{letter}{first}:{letter}{row - 1}")
        row += 1
        ws.cell(row=row, column=1, value=TABLE2_TITLE).font = BOLD
        self._head(ws, row + 1, TABLE2)
        row += 2
        for key, param in self.t.parameters.items():
            if param.role != "fixed_ex_ante":
                continue
            for index in combos(param, self.members):
                self._row(
                    ws,
                    row,
                    [
                        symbol_text(param, index),
                        param.description,
                        None,
                        param.unit,
                        param.source_of_data,
                        "",
                    ],
                )
                self._input_cell(ws, row, 3, self._shared_value(key, index))
                self.shared[(key, index)] = f"'{MRS_INPUT}'!$C${row}"
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
                cite = source.citation + (f"\nStatus: {source.status}" if source.status else "")
                if (key, index) in self.calc.plan_hidden:
                    how = cite = REDACTED
                self._row(
                    ws,
                    row,
                    [
                        symbol_text(param, index),
                        param.description,
                        self._shared_value(key, index),
                        param.unit,
                        how,
                        cite,
                    ],
                )
                self.shared[(key, index)] = f"'{MRS_INPUT}'!$C${row}"
                row += 1
        self.table3_row = row + 1

    def table3(self) -> None:
        ws = self.ws_in
        row = self.table3_row
        ws.cell(row=row, column=1, value=TABLE3_TITLE).font = BOLD
        self._head(ws, row + 1, TABLE3)
        row += 2
        first = row
        for figures in self.calc.periods:
            value = REDACTED if figures.withheld else f"={self.credited[figures.number]}"
            self._row(ws, row, [period_text(figures.period), value, "tCO2/p"])
            ws.cell(row=row, column=2).number_format = "#,##0"
            row += 1
        if len(self.calc.periods) > 1:
            withheld = any(f.withheld for f in self.calc.periods)
            total = REDACTED if withheld else f"=SUM(B{first}:B{row - 1})"
            self._row(ws, row, ["Total", total, "tCO2"])
            ws.cell(row=row, column=1).font = ws.cell(row=row, column=2).font = BOLD
            ws.cell(row=row, column=2).number_format = "#,##0"

    # -- MRS(calc_process) -----------------------------------------------------------------
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

    def calc_sheet(self) -> None:
        ws = self.ws_calc
        periods = self.calc.periods
        count = len(periods)
        head = ("Parameter", "Index", *(period_text(f.period) for f in periods))
        tail = ("Units", "Equation", "Reference")
        row = self._header_block(ws, CALC_TITLE)
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
        calculated: dict[tuple[str, IndexKey], int] = {}  # calculated cell -> its row
        layout: list[tuple[str, list[tuple[int, str, IndexKey]]]] = []
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
                    calculated[(key, index)] = row
                    row += 1
                if key == "ER":
                    er_rounded_row = row
                    row += 1
            layout.append((title, rows))
            row += 1
        row = 6
        for title, rows in layout:
            ws.cell(row=row, column=1, value=title).font = BOLD
            self._head(ws, row + 1, (*head, *tail))
            for cell_row, key, index in rows:
                param = self.t.parameters[key]
                if param.role == "calculated":
                    equation: Any = self._equation(key)
                    ref = param.equation_ref
                else:
                    equation, ref = "Default value (MRS(input))", ""
                self._row(ws, cell_row, [param.symbol, index_text(param, index)])
                self._row(ws, cell_row, [param.unit, equation, ref], first=3 + count)
                for col, figures in enumerate(periods, start=3):
                    letter = get_column_letter(col)
                    if key in figures.hidden:
                        formula = REDACTED  # from a confidential input: would reveal it
                    elif param.role == "calculated":
                        formula = "=" + self._formula(figures, letter, calculated, key, index)
                    else:
                        formula = f"={self.shared[(key, index)]}"
                    cell = ws.cell(row=cell_row, column=col, value=formula)
                    self._style(cell, "body", NUMBER_FORMAT)
                if key == "ER":
                    self._credited(er_rounded_row, cell_row, param.symbol)
            row = (max((r for r, _, _ in rows), default=row + 1) if rows else row + 1) + 2
            if title.startswith("1."):
                row = er_rounded_row + 2

    def _formula(
        self,
        figures: PeriodFigures,
        letter: str,
        calculated: dict[tuple[str, IndexKey], int],
        key: str,
        index: IndexKey,
    ) -> str:
        def cell(name: str, at: IndexKey) -> str:
            if (name, at) in calculated:
                return f"${letter}${calculated[(name, at)]}"
            if self.t.parameters[name].role == "monitored":
                return self.monitored[(figures.number, name, at)]
            return self.shared[(name, at)]

        ctx = FormulaContext(
            members=self.members,
            param_index={k: list(p.index) for k, p in self.t.parameters.items()},
            cell=cell,
            tables=dict(self.t.tables),
            factors=self.info.factors,
        )
        param = self.t.parameters[key]
        return translate(self.info.equations[key], ctx, dict(zip(param.index, index, strict=True)))

    def _credited(self, row: int, er_row: int, symbol: str) -> None:
        ws = self.ws_calc
        count = len(self.calc.periods)
        mode = self.t.rounding.emission_reductions
        self._row(ws, row, [f"{symbol} (credited)", ""])
        self._row(
            ws,
            row,
            ["tCO2e/p", f"{mode} of {symbol} to whole tCO2e", self.t.rounding.basis],
            first=3 + count,
        )
        for col, figures in enumerate(self.calc.periods, start=3):
            letter = get_column_letter(col)
            value = REDACTED if figures.withheld else "=" + rounding(mode, f"{letter}{er_row}")
            self._row(ws, row, [value], first=col)
            ws.cell(row=row, column=col).number_format = "#,##0"
            self.credited[figures.number] = f"'{MRS_CALC}'!${letter}${row}"

    # -- MSS -------------------------------------------------------------------------------
    def mss_sheet(self) -> None:
        ws = self.ws_mss
        row = self._header_block(ws, self.labels.mss_title)
        fields = [path for path, _ in self.labels.mss_columns]
        self._head(ws, row, tuple(label for _, label in self.labels.mss_columns))
        plan = self.calc.project.monitoring_plan
        for n, role in enumerate(plan.structure):
            base = f"monitoring_plan.structure.{n}"
            values = [self._text(f"{base}.{f}", getattr(role, f)) for f in fields]
            self._row(ws, row + 1 + n, values)
        if plan.structure_note:
            note_row = row + len(plan.structure) + 2
            note = self._text("monitoring_plan.structure_note", plan.structure_note)
            cell = ws.cell(row=note_row, column=1, value=note)
            cell.font, cell.alignment = BODY, WRAP
            ws.merge_cells(start_row=note_row, start_column=1, end_row=note_row, end_column=3)

    def finish(self) -> bytes:
        count = len(self.calc.periods)
        widths = {
            MRS_INPUT: (24, 12, 20, 32, 16, 10, 12, 20, 36, 16, 36),
            MRS_CALC: (16, 14, *([22] * count), 12, 56, 28),
            MSS_SHEET: tuple({"role": 48}.get(path, 30) for path, _ in self.labels.mss_columns),
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
        self.wb.properties.title = f"Monitoring Report Sheet {self.t.identity.full_id}"
        buffer = io.BytesIO()
        self.wb.save(buffer)
        return buffer.getvalue()


def mrs_workbook(calc: MonitoringCalc, *, public: bool, draft: bool) -> bytes:
    """The MRS workbook of ``calc``'s periods (``calc`` built for the same copy)."""
    reader = FieldReader(calc.project, public=True) if public else None
    writer = _Writer(calc, reader, draft)
    writer.input_sheet()
    writer.calc_sheet()
    writer.table3()
    writer.mss_sheet()
    return writer.finish()
