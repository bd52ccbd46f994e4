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

from fractions import Fraction
from typing import Any

from openpyxl.utils import get_column_letter

from jcm_pdd.export.draft_inputs import lenient_resolve
from jcm_pdd.export.excel_formula import FormulaContext, IndexKey, rounding, translate
from jcm_pdd.export.monitoring_source import MonitoringCalc, PeriodFigures, period_text
from jcm_pdd.export.mrs_labels import mrs_labels
from jcm_pdd.export.redact import REDACTED, FieldReader, format_value
from jcm_pdd.export.workbook_sheets import Formula, SheetWriter
from jcm_pdd.export.workbook_style import (
    BOLD,
    excel_number,
    index_text,
    symbol_text,
)
from jcm_pdd.model import MonitoredParameter

MSS_SHEET = "MSS"
NUMBER_FORMAT = "#,##0.00########"


class _Writer(SheetWriter):
    def __init__(self, calc: MonitoringCalc, reader: FieldReader | None, draft: bool) -> None:
        country = calc.project.rule_set.partner_country or calc.template.identity.host_country
        self.mrs = mrs_labels(country)
        super().__init__(
            calc.template,
            (self.mrs.input_sheet, self.mrs.calc_sheet, MSS_SHEET),
            country=country,
            draft=draft,
            draft_note="not for verification",
            acknowledged_template=calc.project.pdd.methodology.acknowledged_template,
        )
        self.value_col = 1 + self.mrs.table1_paths.index("value")
        self.option_col = 1 + self.mrs.table1_paths.index("option")
        self.calc = calc
        self.reader = reader
        _placeholders, self.values, self.sources = lenient_resolve(self.t, calc.plan)
        # The plan's units exactly, as the engine sums them: an index set the project leaves
        # empty (no fuel-using equipment) has no rows and sums to 0, where the draft MPS shows
        # a placeholder unit (whose blank efficiency divided by zero here).
        self.members = {name: list(calc.plan.members.get(name, [])) for name in self.t.index_sets}
        self.shared: dict[tuple[str, IndexKey], str] = {}  # Table 2 and default cells
        self.monitored: dict[tuple[int, str, IndexKey], str] = {}  # (period, key, index)
        self.credited: dict[int, str] = {}  # period -> its credited ER cell
        self._names = calc.attachment_names(reader)
        self._plan_rows: dict[tuple[str, IndexKey], tuple[int, MonitoredParameter]] | None = None
        self.reference = self._text("reference_number", calc.project.reference_number)

    # -- helpers ---------------------------------------------------------------------------
    def _text(self, path: str, value: Any) -> str:
        if self.reader is not None:
            return self.reader.text(path)
        return format_value(value)

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

    def _plan_hidden(self, key: str, index: IndexKey) -> bool:
        return (key, index) in self.calc.plan_hidden

    def _shared_value(self, key: str, index: IndexKey) -> Any:
        if self._plan_hidden(key, index):
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
        texts = self.mrs.texts
        parts = [self._text(f"{path}.comments", entry.comments)]
        if entry.instrument:
            parts.append(
                texts["equipment"].format(self._text(f"{path}.instrument", entry.instrument))
            )
        if entry.calibration_date:
            parts.append(
                texts["calibrated"].format(
                    self._text(f"{path}.calibration_date", entry.calibration_date)
                )
            )
        if entry.evidence:
            if self.reader is not None and self.reader.hidden(f"{path}.evidence"):
                parts.append(texts["evidence"].format(REDACTED))
            else:
                files = "; ".join(
                    texts["evidence_file"].format(names.get(h, "file"), h[:12])
                    for h in entry.evidence
                )
                parts.append(texts["evidence"].format(files))
        return "\n".join(p for p in parts if p)

    def input_sheet(self) -> None:
        ws = self.ws_in
        labels = self.mrs
        row = self._header_block(ws, labels.input_title, self.reference)
        ws.cell(row=row, column=1, value=labels.table1_title).font = BOLD
        self._head(ws, row + 1, labels.table1)
        row += 2
        options = self._option_validation()
        first = row
        value_col, option_col = self.value_col, self.option_col
        for figures in self.calc.periods:
            point = 0
            for key, param, index in self._each("monitored"):
                point += 1
                sets = dict(zip(param.index, index, strict=True))
                entry = self.calc.value_of(figures.number, key, sets)
                option = (entry.option if entry else None) or self._plan_text(
                    key, index, "option", param.default_option or ""
                )
                shown = {
                    "period": period_text(figures.period),
                    "monitoring_point": self._plan_text(
                        key, index, "monitoring_point", f"({point})"
                    ),
                    "symbol": symbol_text(param, index),
                    "description": self._plan_text(key, index, "description", param.description),
                    "value": None,  # the input cell, below
                    "unit": self._plan_text(key, index, "unit", param.unit),
                    "option": labels.texts["option"].format(option)
                    if option and option != REDACTED
                    else option,
                    "source_of_data": self._plan_text(
                        key, index, "source_of_data", param.source_of_data
                    ),
                    "measurement_methods": self._plan_text(
                        key, index, "measurement_methods", param.measurement_methods
                    ),
                    "frequency": self._plan_text(key, index, "frequency", param.frequency),
                    "comments": self._comments(figures, key, index),
                }
                self._row(ws, row, [shown[p] for p in labels.table1_paths])
                value: Any = None
                if key in figures.hidden:
                    value = REDACTED
                elif entry is not None and entry.value is not None:
                    value = excel_number(Fraction(entry.value))
                self._style(ws.cell(row=row, column=value_col, value=value), "input", NUMBER_FORMAT)
                self._input_cell(ws, row, option_col, ws.cell(row=row, column=option_col).value)
                letter = get_column_letter(value_col)
                self.monitored[(figures.number, key, index)] = (
                    f"'{labels.input_sheet}'!${letter}${row}"
                )
                row += 1
        if row > first:  # one range: a cell at a time costs seconds for 36,000 rows
            letter = get_column_letter(option_col)
            options.add(f"{letter}{first}:{letter}{row - 1}")
        row += 1
        ws.cell(row=row, column=1, value=labels.table2_title).font = BOLD
        self._head(ws, row + 1, labels.table2)
        row += 2
        value_at = 1 + labels.table2_paths.index("value")
        for key, param, index in self._each("fixed_ex_ante"):
            shown = {
                "symbol": symbol_text(param, index),
                "description": param.description,
                "value": None,
                "unit": param.unit,
                "source_of_data": param.source_of_data,
                "comments": "",
            }
            self._row(ws, row, [shown[p] for p in labels.table2_paths])
            self._input_cell(ws, row, value_at, self._shared_value(key, index))
            letter = get_column_letter(value_at)
            self.shared[(key, index)] = f"'{labels.input_sheet}'!${letter}${row}"
            row += 1
        row = self._defaults_table(
            row + 1, self.sources, self._plan_hidden, self._shared_value, self.shared
        )
        self.table3_row = row + 1

    def table3(self) -> None:
        ws = self.ws_in
        labels = self.mrs
        texts = labels.texts
        row = self.table3_row
        ws.cell(row=row, column=1, value=labels.table3_title).font = BOLD
        self._head(ws, row + 1, labels.table3)
        row += 2
        first = row
        for figures in self.calc.periods:
            value = REDACTED if figures.withheld else Formula(f"={self.credited[figures.number]}")
            self._row(ws, row, [period_text(figures.period), value, texts["period_unit"]])
            ws.cell(row=row, column=2).number_format = "#,##0"
            row += 1
        if len(self.calc.periods) > 1:
            withheld = any(f.withheld for f in self.calc.periods)
            total = REDACTED if withheld else Formula(f"=SUM(B{first}:B{row - 1})")
            self._row(ws, row, [texts["total"], total, texts["total_unit"]])
            ws.cell(row=row, column=1).font = ws.cell(row=row, column=2).font = BOLD
            ws.cell(row=row, column=2).number_format = "#,##0"

    # -- MRS(calc_process) -----------------------------------------------------------------
    def calc_sheet(self) -> None:
        ws = self.ws_calc
        periods = self.calc.periods
        count = len(periods)
        names = self.mrs.calc_columns  # Parameter, Index, Units, Equation, Reference
        head = (names[0], names[1], *(period_text(f.period) for f in periods))
        tail = names[2:]
        row = self._header_block(ws, self.mrs.calc_title, self.reference)
        layout, calculated, er_rounded_row = self._calc_layout(row, self.mrs.calc_parts)
        for row, title, rows in layout:
            ws.cell(row=row, column=1, value=title).font = BOLD
            self._head(ws, row + 1, (*head, *tail))
            for cell_row, key, index in rows:
                param = self.t.parameters[key]
                if param.role == "calculated":
                    equation: Any = self._equation(key)
                    ref = param.equation_ref
                else:
                    equation, ref = self.mrs.texts["default_value"], ""
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
        texts = self.mrs.texts
        self._row(ws, row, [texts["credited"].format(symbol), ""])
        self._row(
            ws,
            row,
            [texts["credited_unit"], texts["rounding"].format(mode, symbol), self.t.rounding.basis],
            first=3 + count,
        )
        for col, figures in enumerate(self.calc.periods, start=3):
            letter = get_column_letter(col)
            value = (
                REDACTED if figures.withheld else Formula("=" + rounding(mode, f"{letter}{er_row}"))
            )
            self._row(ws, row, [value], first=col)
            ws.cell(row=row, column=col).number_format = "#,##0"
            self.credited[figures.number] = f"'{self.mrs.calc_sheet}'!${letter}${row}"

    # -- MSS -------------------------------------------------------------------------------
    def mss_sheet(self) -> None:
        row = self._header_block(self.ws_mss, self.labels.mss_title, self.reference)
        plan = self.calc.project.monitoring_plan
        self._mss(row, plan.structure, plan.structure_note, self._text)

    def finish(self) -> bytes:
        count = len(self.calc.periods)
        widths = {
            self.mrs.input_sheet: tuple(int(w) for w in self.mrs.table1_widths)
            or (24, 12, 20, 32, 16, 10, 12, 20, 36, 16, 36),
            self.mrs.calc_sheet: (16, 14, *([22] * count), 12, 56, 28),
            MSS_SHEET: self._mss_widths(),
        }
        return self._finish(widths, "Monitoring Report Sheet")


def mrs_workbook(calc: MonitoringCalc, *, public: bool, draft: bool) -> bytes:
    """The MRS workbook of ``calc``'s periods (``calc`` built for the same copy)."""
    reader = FieldReader(calc.project, public=True) if public else None
    writer = _Writer(calc, reader, draft)
    writer.input_sheet()
    writer.calc_sheet()
    writer.table3()
    writer.mss_sheet()
    return writer.finish()
