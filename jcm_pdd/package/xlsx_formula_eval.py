"""Evaluating a workbook's formulas exactly, without Excel and without ``eval``: a parser and an
interpreter for the subset of Excel formulas this app writes (``jcm_pdd.export.excel_formula``
and ``build_mrs``), over rational numbers (``Fraction``).

Grammar (Excel's precedence: comparison < ``+ -`` < ``* /`` < ``^`` < unary minus)::

    formula  := "=" compare
    compare  := additive (("=" | "<>" | "<" | "<=" | ">" | ">=") additive)*
    additive := term (("+" | "-") term)*
    term     := power (("*" | "/") power)*
    power    := unary ("^" unary)*
    unary    := ("-" | "+") unary | primary
    primary  := number | TRUE | FALSE | reference [":" reference] | NAME "(" args ")"
              | "(" compare ")"
    reference:= ["'sheet'!" | "sheet!"] ["$"] COLUMN ["$"] ROW

Functions: SUM, SUMPRODUCT, MIN, MAX, ABS, IF, AND, OR, NOT, ROUND, ROUNDDOWN, ROUNDUP, NA.
Anything else (another function, text, a name, an external reference) is refused with
``FormulaSyntaxError`` naming it: a workbook is checked only by formulas that are understood.
A blank cell is 0 as in Excel; a withheld value (``XXX`` in a public copy) makes every result
that depends on it ``WITHHELD``; ``#DIV/0!`` and ``#N/A`` are ``ExcelError`` values.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import TypeGuard

MAX_FORMULA = 8192  # Excel's own limit on a formula's length
MAX_DEPTH = 64  # nesting of parentheses and calls in one formula (Excel allows 64)
MAX_CHAIN = 100  # cells that depend on each other in one chain (the app's: under 10)
MAX_RANGE = 1_000_000  # cells in one range


class FormulaSyntaxError(ValueError):
    """A formula that this evaluator does not read (the message says what and where)."""


@dataclass(frozen=True)
class ExcelError:
    code: str  # "#DIV/0!", "#N/A", "#VALUE!", "#REF!"


class _Withheld:
    def __repr__(self) -> str:
        return "WITHHELD"


WITHHELD = _Withheld()
Value = Fraction | bool | ExcelError | _Withheld | str | None
Result = Fraction | bool | ExcelError | _Withheld

_TOKEN = re.compile(
    r"""\s*(?:
      (?P<number>\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)
    | (?P<ref>(?:'(?:[^']|'')+'!|[A-Za-z_][A-Za-z0-9_.]*!)?
        \$?[A-Za-z]{1,3}\$?\d{1,7}(?![A-Za-z0-9_(]))
    | (?P<name>[A-Za-z_][A-Za-z0-9_.]*)
    | (?P<op><>|<=|>=|[-+*/^=<>(),:])
    )""",
    re.VERBOSE,
)
_REF = re.compile(
    r"^(?:(?P<sheet>'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?\$?(?P<col>[A-Za-z]{1,3})\$?(?P<row>\d+)$"
)
_FUNCTIONS = frozenset(
    {"SUM", "SUMPRODUCT", "MIN", "MAX", "ABS", "IF", "AND", "OR", "NOT", "ROUND", "ROUNDDOWN"}
    | {"ROUNDUP", "NA"}
)


def column_number(letters: str) -> int:
    number = 0
    for ch in letters.upper():
        number = number * 26 + ord(ch) - 64
    return number


def column_letters(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# -- the syntax tree -------------------------------------------------------------------------
@dataclass(frozen=True)
class Num:
    value: Fraction


@dataclass(frozen=True)
class Bool:
    value: bool


@dataclass(frozen=True)
class Cell:
    sheet: str
    row: int
    col: int


@dataclass(frozen=True)
class Range:
    sheet: str
    rows: tuple[int, int]
    cols: tuple[int, int]


@dataclass(frozen=True)
class Neg:
    operand: Node


@dataclass(frozen=True)
class Chain:
    """``first op1 x1 op2 x2 ...`` of one precedence level, left to right (a sum of 300
    units is one flat chain, evaluated without recursing 300 deep)."""

    first: Node
    rest: tuple[tuple[str, Node], ...]


@dataclass(frozen=True)
class Call:
    name: str
    args: tuple[Node, ...]


Node = Num | Bool | Cell | Range | Neg | Chain | Call


def _tokens(text: str) -> Iterator[tuple[str, str]]:
    at = 0
    while at < len(text):
        if text[at:].strip() == "":
            return
        match = _TOKEN.match(text, at)
        if match is None or match.end() == at:
            raise FormulaSyntaxError(f"cannot read the formula at “{text[at : at + 12]}”")
        kind = match.lastgroup
        assert kind is not None
        yield kind, match.group(kind)
        at = match.end()


class _Parser:
    def __init__(self, text: str, sheet: str) -> None:
        self.items = list(_tokens(text))
        self.at = 0
        self.sheet = sheet
        self.depth = 0

    def peek(self) -> tuple[str, str]:
        return self.items[self.at] if self.at < len(self.items) else ("end", "")

    def take(self, value: str | None = None) -> tuple[str, str]:
        token = self.peek()
        if value is not None and token[1] != value:
            raise FormulaSyntaxError(f"expected “{value}”, found “{token[1] or 'the end'}”")
        if token[0] == "end":
            raise FormulaSyntaxError("the formula ends too early")
        self.at += 1
        return token

    def parse(self) -> Node:
        node = self.compare()
        if self.peek()[0] != "end":
            raise FormulaSyntaxError(f"unexpected “{self.peek()[1]}”")
        return node

    def _binary(self, ops: frozenset[str], inner: Callable[[], Node]) -> Node:
        first = inner()
        rest: list[tuple[str, Node]] = []
        while self.peek()[0] == "op" and self.peek()[1] in ops:
            op = self.take()[1]
            rest.append((op, inner()))
        return Chain(first, tuple(rest)) if rest else first

    def compare(self) -> Node:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise FormulaSyntaxError("the formula is nested too deeply")
        try:
            return self._binary(frozenset({"=", "<>", "<", "<=", ">", ">="}), self.additive)
        finally:
            self.depth -= 1

    def additive(self) -> Node:
        return self._binary(frozenset({"+", "-"}), self.term)

    def term(self) -> Node:
        return self._binary(frozenset({"*", "/"}), self.power)

    def power(self) -> Node:
        return self._binary(frozenset({"^"}), self.unary)

    def unary(self) -> Node:
        negative = False
        while self.peek()[0] == "op" and self.peek()[1] in ("+", "-"):
            negative ^= self.take()[1] == "-"
        operand = self.primary()
        return Neg(operand) if negative else operand

    def primary(self) -> Node:
        kind, value = self.take()
        if kind == "number":
            return Num(Fraction(Decimal(value)))
        if kind == "op" and value == "(":
            node = self.compare()
            self.take(")")
            return node
        if kind == "ref":
            first = self._reference(value)
            if self.peek() == ("op", ":"):
                self.take()
                kind2, value2 = self.take()
                if kind2 != "ref":
                    raise FormulaSyntaxError(f"a range must end with a cell, not “{value2}”")
                last = self._reference(value2, first.sheet)
                return self._range(first, last)
            return first
        if kind == "name":
            upper = value.upper()
            if self.peek() == ("op", "("):
                if upper not in _FUNCTIONS:
                    raise FormulaSyntaxError(f"the function {upper} is not one this app writes")
                self.take("(")
                return Call(upper, self._arguments())
            if upper in ("TRUE", "FALSE"):
                return Bool(upper == "TRUE")
            raise FormulaSyntaxError(f"the name “{value}” is not a cell")
        raise FormulaSyntaxError(f"unexpected “{value or 'end'}”")

    def _arguments(self) -> tuple[Node, ...]:
        args: list[Node] = []
        if self.peek() == ("op", ")"):
            self.take()
            return ()
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise FormulaSyntaxError("the formula is nested too deeply")
        while True:
            args.append(self.compare())
            if self.take()[1] == ")":
                break
            if self.items[self.at - 1][1] != ",":
                raise FormulaSyntaxError("expected “,” or “)” between arguments")
        self.depth -= 1
        return tuple(args)

    def _reference(self, text: str, sheet: str | None = None) -> Cell:
        match = _REF.match(text)
        if match is None:  # pragma: no cover - the token pattern is the same
            raise FormulaSyntaxError(f"cannot read the cell reference “{text}”")
        name = match["sheet"]
        if name is not None:
            name = name[1:-1].replace("''", "'") if name.startswith("'") else name
        return Cell(name or sheet or self.sheet, int(match["row"]), column_number(match["col"]))

    def _range(self, first: Cell, last: Cell) -> Range:
        rows = (min(first.row, last.row), max(first.row, last.row))
        cols = (min(first.col, last.col), max(first.col, last.col))
        if (rows[1] - rows[0] + 1) * (cols[1] - cols[0] + 1) > MAX_RANGE:
            raise FormulaSyntaxError("a range of more than a million cells")
        return Range(first.sheet, rows, cols)


def parse(formula: str, sheet: str) -> Node:
    """The syntax tree of ``formula`` (with or without its "="), written on ``sheet``."""
    text = formula[1:] if formula.startswith("=") else formula
    if len(text) > MAX_FORMULA:
        raise FormulaSyntaxError("longer than Excel allows")
    return _Parser(text, sheet).parse()


# -- evaluation ------------------------------------------------------------------------------
def _round(value: Fraction, digits: int, mode: str) -> Fraction:
    """Excel's ROUND (half away from zero), ROUNDDOWN (towards zero), ROUNDUP (away)."""
    scale = Fraction(10) ** digits
    scaled = abs(value) * scale
    whole = int(scaled)  # towards zero
    rest = scaled - whole
    if mode == "ROUNDUP" and rest:
        whole += 1
    elif mode == "ROUND" and rest >= Fraction(1, 2):
        whole += 1
    return (whole if value >= 0 else -whole) / scale


class Text(str):
    """A text cell's value: never a formula, even when it starts with "=" (a project's words,
    "=HYPERLINK(...)", written as text by the exporter)."""

    __slots__ = ()


def _is_formula(value: object) -> TypeGuard[str]:
    return isinstance(value, str) and not isinstance(value, Text) and value.startswith("=")


class Workbook:
    """The cells of some sheets: ``cells[(sheet, row, col)]`` is a number (``Fraction``), text
    (a formula starts with "="; a text cell's value is ``Text``), a bool or None. Formula
    results are cached per cell."""

    def __init__(self, cells: dict[tuple[str, int, int], Value], withheld: str = "XXX") -> None:
        self.cells = cells
        self.withheld = withheld
        self._done: dict[tuple[str, int, int], Result] = {}
        self._parsed: dict[tuple[str, int, int], Node] = {}
        self._busy: set[tuple[str, int, int]] = set()

    def formula(self, key: tuple[str, int, int]) -> str | None:
        value = self.cells.get(key)
        return value if _is_formula(value) else None

    def value(self, sheet: str, row: int, col: int) -> Result:
        """The cell's value; a formula is evaluated (``FormulaSyntaxError`` if not readable)."""
        key = (sheet, row, col)
        done = self._done.get(key)
        if done is not None:
            return done
        raw = self.cells.get(key)
        if _is_formula(raw):
            if key in self._busy:
                raise FormulaSyntaxError(f"{_name(key)} depends on itself")
            if len(self._busy) >= MAX_CHAIN:
                raise FormulaSyntaxError("the formulas depend on each other too deeply")
            node = self._parsed.get(key)
            if node is None:
                node = self._parsed[key] = parse(raw, sheet)
            self._busy.add(key)
            try:
                result = self._eval(node)
            finally:
                self._busy.discard(key)
        elif raw is None:
            result = Fraction(0)
        elif isinstance(raw, bool | Fraction):
            result = raw
        elif isinstance(raw, str) and raw.strip() == self.withheld:
            result = WITHHELD
        else:
            result = ExcelError("#VALUE!")  # text used as a number
        self._done[key] = result
        return result

    def _cells(self, node: Range) -> Iterator[Result]:
        for row in range(node.rows[0], node.rows[1] + 1):
            for col in range(node.cols[0], node.cols[1] + 1):
                raw = self.cells.get((node.sheet, row, col))
                if raw is None or (isinstance(raw, str) and not _is_formula(raw)):
                    # SUM and friends skip blanks and text, except a withheld value
                    if isinstance(raw, str) and raw.strip() == self.withheld:
                        yield WITHHELD
                    continue
                yield self.value(node.sheet, row, col)

    def _eval(self, node: Node) -> Result:
        if isinstance(node, Num):
            return node.value
        if isinstance(node, Bool):
            return node.value
        if isinstance(node, Cell):
            return self.value(node.sheet, node.row, node.col)
        if isinstance(node, Range):
            if node.rows[0] == node.rows[1] and node.cols[0] == node.cols[1]:
                return self.value(node.sheet, node.rows[0], node.cols[0])
            return ExcelError("#VALUE!")  # a range where one value is wanted
        if isinstance(node, Neg):
            return _arith("-", Fraction(0), self._eval(node.operand))
        if isinstance(node, Chain):
            value = self._eval(node.first)
            for op, operand in node.rest:
                value = _arith(op, value, self._eval(operand))
            return value
        return self._call(node)

    def _numbers(self, args: tuple[Node, ...]) -> list[Result]:
        found: list[Result] = []
        for arg in args:
            if isinstance(arg, Range):
                found.extend(v for v in self._cells(arg) if not isinstance(v, bool))
            else:
                found.append(self._eval(arg))
        return found

    def _call(self, node: Call) -> Result:
        name, args = node.name, node.args
        if name == "NA":
            return ExcelError("#N/A")
        if name == "IF":
            if len(args) not in (2, 3):
                raise FormulaSyntaxError("IF takes two or three arguments")
            condition = self._eval(args[0])
            if not isinstance(condition, bool | Fraction):
                return condition
            if condition:
                return self._eval(args[1])
            return self._eval(args[2]) if len(args) == 3 else False
        if name in ("SUM", "MIN", "MAX"):
            values = self._numbers(args)
            bad = _first_bad(values)
            if bad is not None:
                return bad
            numbers = [v for v in values if isinstance(v, Fraction)]
            if name == "SUM":
                return sum(numbers, Fraction(0))
            if not numbers:
                return Fraction(0)
            return min(numbers) if name == "MIN" else max(numbers)
        if name == "SUMPRODUCT":
            return self._sumproduct(args)
        if name in ("AND", "OR"):
            values = self._numbers(args)
            bad = _first_bad(values)
            if bad is not None:
                return bad
            truths = [bool(v) for v in values]
            return all(truths) if name == "AND" else any(truths)
        if name in ("NOT", "ABS"):
            if len(args) != 1:
                raise FormulaSyntaxError(f"{name} takes one argument")
            value = self._eval(args[0])
            if not isinstance(value, Fraction | bool):
                return value
            return (not value) if name == "NOT" else abs(Fraction(value))
        # ROUND, ROUNDDOWN, ROUNDUP
        if len(args) != 2:
            raise FormulaSyntaxError(f"{name} takes two arguments")
        value, digits = self._eval(args[0]), self._eval(args[1])
        if not isinstance(value, Fraction | bool):
            return value
        if not isinstance(digits, Fraction | bool):
            return digits
        return _round(Fraction(value), int(digits), name)

    def _sumproduct(self, args: tuple[Node, ...]) -> Result:
        columns: list[list[Result]] = []
        for arg in args:
            if not isinstance(arg, Range):
                columns.append([self._eval(arg)])
                continue
            column: list[Result] = []
            for row in range(arg.rows[0], arg.rows[1] + 1):
                for col in range(arg.cols[0], arg.cols[1] + 1):
                    raw = self.cells.get((arg.sheet, row, col))
                    text = isinstance(raw, str) and not _is_formula(raw)
                    if text and str(raw).strip() != self.withheld:
                        column.append(Fraction(0))  # SUMPRODUCT counts text as 0
                        continue
                    value = self.value(arg.sheet, row, col)
                    column.append(Fraction(0) if isinstance(value, bool) else value)
            columns.append(column)
        if len({len(c) for c in columns}) > 1:
            return ExcelError("#VALUE!")
        total = Fraction(0)
        for values in zip(*columns, strict=True):
            bad = _first_bad(list(values))
            if bad is not None:
                return bad
            product = Fraction(1)
            for value in values:
                assert isinstance(value, Fraction)  # errors and withheld returned above
                product *= value
            total += product
        return total


def _first_bad(values: list[Result]) -> Result | None:
    """The error or withheld value among ``values`` that the whole result becomes, if any."""
    for value in values:
        if isinstance(value, ExcelError):
            return value
    for value in values:
        if value is WITHHELD:
            return value
    return None


def _arith(op: str, left: Result, right: Result) -> Result:
    bad = _first_bad([left, right])
    if bad is not None:
        return bad
    a, b = Fraction(left), Fraction(right)  # type: ignore[arg-type]
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    if op == "/":
        return ExcelError("#DIV/0!") if b == 0 else a / b
    if op == "^":
        if b.denominator == 1 and not (a == 0 and b < 0):
            return a ** int(b)
        if a < 0 or a == 0:
            return ExcelError("#NUM!")
        return Fraction(float(a) ** float(b))  # a root: as inexact as Excel's own
    comparisons = {
        "=": a == b,
        "<>": a != b,
        "<": a < b,
        "<=": a <= b,
        ">": a > b,
        ">=": a >= b,
    }
    if op in comparisons:
        return comparisons[op]
    raise FormulaSyntaxError(f"unknown operator {op}")  # pragma: no cover


def _name(key: tuple[str, int, int]) -> str:
    sheet, row, col = key
    return f"'{sheet}'!{column_letters(col)}{row}"


def cell_name(sheet: str, row: int, col: int) -> str:
    """``'MRS(calc_process)'!C9``: how a cell is named in findings."""
    return _name((sheet, row, col))
