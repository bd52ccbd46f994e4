"""Styles, sheet names, column headers and small helpers of the Monitoring Plan workbook.

Split from ``build_workbook`` so that module holds only the sheet-writing logic.
"""

from __future__ import annotations

import itertools
from decimal import Decimal, localcontext
from fractions import Fraction

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.worksheet import Worksheet

from jcm_pdd.export.excel_formula import IndexKey
from jcm_pdd.methodology.schema import Parameter

INPUT = "MPS(input)"
CALC = "MPS(calc_process)"
MSS = "MSS"
INPUT_FILL = PatternFill("solid", fgColor="FFFF99")  # JCM spreadsheets: yellow = input
HEAD_FILL = PatternFill("solid", fgColor="D9E2F3")
THIN = Side(style="thin", color="808080")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
# Arial (Liberation Sans in LibreOffice), as in the Word export, instead of Calibri
BODY = Font(name="Arial", size=10)
BOLD = Font(name="Arial", size=10, bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")

DEFAULTS = (
    "Parameters",
    "Description of data",
    "Values",
    "Units",
    "Selected default / override",
    "Source",
)
CALC_HEAD = ("Parameter", "Index", "Value", "Units", "Equation", "Reference")


def excel_number(value: Fraction) -> Decimal | int:
    """Exact for terminating decimals; 28 significant digits otherwise (Excel keeps ~15)."""
    if value.denominator == 1:
        return value.numerator
    with localcontext() as ctx:
        ctx.prec = 28
        return Decimal(value.numerator) / Decimal(value.denominator)


def fit_row_heights(ws: Worksheet, widths: tuple[int, ...]) -> None:
    """Give wrapped rows the height their longest cell needs: neither openpyxl nor LibreOffice
    (on opening an .xlsx) sizes them, so long descriptions would overlap the next row."""
    for row in ws.iter_rows(min_row=6):
        lines = 1
        for cell in row:
            col = cell.column if isinstance(cell.column, int) else 0
            if cell.value is None or col > len(widths) or cell.data_type == "f":
                continue
            chars = max(widths[col - 1] * 1.15, 1.0)  # characters per line at 10 pt
            lines = max(
                lines,
                sum(-(-max(len(part), 1) // int(chars)) for part in str(cell.value).split("\n")),
            )
        number = row[0].row
        if lines > 1 and number is not None:
            ws.row_dimensions[number].height = 13.5 * lines


def combos(param: Parameter, members: dict[str, list[str]]) -> list[IndexKey]:
    if not param.index:
        return [()]
    return list(itertools.product(*(members.get(s, []) for s in param.index)))


def index_text(param: Parameter, index: IndexKey) -> str:
    return ", ".join(f"{s} = {m}" for s, m in zip(param.index, index, strict=True))


def symbol_text(param: Parameter, index: IndexKey) -> str:
    return f"{param.symbol} [{index_text(param, index)}]" if index else param.symbol
