"""The exact, code-free evaluator of workbook formulas (``jcm_pdd.package.xlsx_formula_eval``):
Excel's precedence and rounding, ranges across sheets, errors and withheld values, and refusal
of anything it does not understand (never ``eval``)."""

from __future__ import annotations

import re
from fractions import Fraction

import pytest

from jcm_pdd.package.xlsx_formula_eval import (
    WITHHELD,
    ExcelError,
    FormulaSyntaxError,
    Workbook,
    column_letters,
    column_number,
)

F = Fraction


def _book(**cells: object) -> Workbook:
    """Cells of sheet "S" by name (A1=...), and of sheet "In put" as In_A1=..."""
    found = {}
    for name, value in cells.items():
        sheet, _, ref = name.rpartition("_")
        col = "".join(ch for ch in ref if ch.isalpha())
        row = int(ref[len(col) :])
        if isinstance(value, int | float) and not isinstance(value, bool):
            value = F(str(value))
        found[("In put" if sheet else "S", row, column_number(col))] = value
    return Workbook(found)  # type: ignore[arg-type]


def _eval(formula: str, **cells: object) -> object:
    return _book(Z99=formula, **cells).value("S", 99, 26)


def test_precedence_and_exact_arithmetic() -> None:
    assert _eval("=1+2*3") == 7
    assert _eval("=(1+2)*3") == 9
    assert _eval("=-2^2") == 4  # Excel: unary minus binds tighter than ^
    assert _eval("=2^3^2") == 64  # left to right
    assert _eval("=1/3*3") == 1  # exact, not 0.9999999999999999
    assert _eval("=0.1+0.2") == F(3, 10)
    assert _eval("=(1/3)") == F(1, 3)
    assert _eval("=1.5E3") == 1500
    assert _eval("=1<2") is True and _eval("=1<>1") is False


def test_references_ranges_and_sheets() -> None:
    cells = {"A1": 570.991, "A2": 856.484, "B1": 0.797, "B2": 0.533, "In_C7": 2}
    assert _eval("=SUMPRODUCT($A$1:$A$2,$B$1:$B$2)", **cells) == F("570.991") * F("0.797") + F(
        "856.484"
    ) * F("0.533")
    assert _eval("=SUM(A1:A2)", **cells) == F("1427.475")
    assert _eval("='In put'!$C$7*A1", **cells) == F("1141.982")
    assert _eval("=A5", **cells) == 0  # a blank cell is 0
    assert _eval("=MIN(A1:B2)", **cells) == F("0.533") and _eval("=MAX(A1,B1)", **cells) == F(
        "570.991"
    )


def test_rounding_as_excel_rounds() -> None:
    assert _eval("=ROUNDDOWN(1597.99,0)") == 1597
    assert _eval("=ROUNDDOWN(-2.5,0)") == -2  # towards zero
    assert _eval("=ROUNDUP(1277.2,0)") == 1278
    assert _eval("=ROUND(2.5,0)") == 3 and _eval("=ROUND(-2.5,0)") == -3  # half away from 0
    assert _eval("=ROUND(1.2345,2)") == F("1.23")


def test_if_and_logic_evaluate_only_the_branch_taken() -> None:
    assert _eval("=IF(A1<10,1,NA())", A1=5) == 1
    assert _eval("=IF(A1<10,1,NA())", A1=50) == ExcelError("#N/A")
    assert _eval("=AND(TRUE,1<2)") is True and _eval("=OR(FALSE,NOT(TRUE))") is False
    assert _eval("=(IF(1>0,1,0)+IF(1<0,1,0))") == 1


def test_errors_and_withheld_values_spread_to_what_depends_on_them() -> None:
    assert _eval("=1/A1", A1=0) == ExcelError("#DIV/0!")
    assert _eval("=A1*2", A1="XXX") is WITHHELD
    assert _eval("=SUM(A1:A3)", A1=1, A2="XXX", A3=2) is WITHHELD
    assert _eval("=SUM(A1:A2)", A1=1, A2="a label") == 1  # text in a range is skipped
    assert _eval("=A1+1", A1="a label") == ExcelError("#VALUE!")


@pytest.mark.parametrize(
    ("formula", "words"),
    [
        ("=__import__('os')", "cannot read the formula"),
        ("=INDIRECT(A1)", "the function INDIRECT is not one this app writes"),
        ("=WEBSERVICE(A1)", "the function WEBSERVICE is not one this app writes"),
        ("=Rate*2", "the name “Rate” is not a cell"),
        ("=[1]Sheet!A1", "cannot read the formula"),
        ('="text"', "cannot read the formula"),
        ("=1+", "the formula ends too early"),
        ("=(1", "expected “)”"),
        ("=1 2", "unexpected “2”"),
        ("=" + "(" * 300 + "1" + ")" * 300, "nested too deeply"),
        ("=SUM(A1:ZZ99999)", "a range of more than a million cells"),
    ],
)
def test_anything_else_is_refused_with_words(formula: str, words: str) -> None:
    with pytest.raises(FormulaSyntaxError, match=re.escape(words)):
        _eval(formula)


def test_long_formulas_evaluate_without_deep_recursion() -> None:
    """An explicit sum of 1,500 units (the translator's form when the rows are not
    contiguous) and a long run of signs are flat, not 1,500 calls deep."""
    cells = {f"A{n}": n for n in range(1, 1501)}
    terms = "+".join(f"A{n}" for n in range(1, 1501))
    assert len(terms) < 8192
    assert _eval(f"=({terms})", **cells) == 1500 * 1501 // 2
    assert _eval("=" + "-" * 5000 + "1") == 1  # an even number of minus signs


def test_a_loop_is_refused_not_followed() -> None:
    book = _book(A1="=B1+1", B1="=A1*2")
    with pytest.raises(FormulaSyntaxError, match="depends on itself"):
        book.value("S", 1, 1)


def test_column_names() -> None:
    assert [column_number(c) for c in ("A", "Z", "AA", "XFD")] == [1, 26, 27, 16384]
    assert [column_letters(n) for n in (1, 26, 27, 16384)] == ["A", "Z", "AA", "XFD"]


def test_a_long_chain_of_cells_is_refused_not_followed() -> None:
    cells: dict[str, object] = {"A1": 1}
    cells.update({f"A{n}": f"=A{n - 1}+1" for n in range(2, 500)})
    book = _book(**cells)
    assert book.value("S", 50, 1) == 50
    with pytest.raises(FormulaSyntaxError, match="depend on each other too deeply"):
        _book(**cells).value("S", 499, 1)
