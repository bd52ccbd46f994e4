"""Translate the engine's expression tree (``jcm_pdd.methodology.expr``) into Excel formulas.

The Monitoring Plan workbook must recalculate RE, PE and ER when a validator edits an input,
so every calculated cell holds a live formula generated from the template's equation — never a
pasted number. Mapping: ``sum(i, x)`` -> ``SUM(range)`` when ``x`` is one parameter whose unit
rows are contiguous, ``SUMPRODUCT(range, range, ...)`` when ``x`` is a product of such
parameters (``sum(i, EG[i] * EF[i])``: a formula of constant length, where the explicit sum of
300 units would pass Excel's 8,192-character limit), else an explicit ``(a+b+c)``;
``min``/``max``/``if`` -> ``MIN``/``MAX``/``IF``; ``all``/``any`` -> ``AND``/``OR``;
``count`` -> the number of members or a sum of ``IF(c,1,0)``; ``band(T, x)`` -> nested ``IF``
over the band limits (lower <= x < upper); ``convert(x, "u")`` -> ``x*factor`` with the engine's
exact factor; ``==``/``!=`` -> ``=``/``<>``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from jcm_pdd.methodology import expr as ex
from jcm_pdd.methodology.schema import BandTable

IndexKey = tuple[str, ...]
CellLookup = Callable[[str, IndexKey], str]  # (parameter key, index members) -> "'Sheet'!$D$7"

_CELL = re.compile(r"^(?P<sheet>'[^']+'!)?\$(?P<col>[A-Z]+)\$(?P<row>\d+)$")


class FormulaError(ValueError):
    """An equation that cannot be written as an Excel formula."""


def number(value: Fraction | Decimal | int) -> str:
    """An exact literal: terminating fractions as decimals, others as a quotient."""
    frac = Fraction(value)
    if frac.denominator == 1:
        return str(frac.numerator)
    den = frac.denominator
    while den % 2 == 0:
        den //= 2
    while den % 5 == 0:
        den //= 5
    if den == 1:
        text = format(Decimal(frac.numerator) / Decimal(frac.denominator), "f")
        return text
    return f"({frac.numerator}/{frac.denominator})"


@dataclass
class FormulaContext:
    members: dict[str, list[str]]
    param_index: dict[str, list[str]]  # index sets of every parameter, in order
    cell: CellLookup
    tables: dict[str, BandTable]
    factors: dict[ex.Convert, Fraction]


def _contiguous(cells: list[str]) -> str | None:
    """``'S'!$D$7:$D$9`` when the cells are one column, consecutive rows, same sheet."""
    parsed = [_CELL.match(c) for c in cells]
    if not cells or any(m is None for m in parsed):
        return None
    first = parsed[0]
    assert first is not None
    rows = [int(m["row"]) for m in parsed if m is not None]
    same = all(
        m is not None and m["sheet"] == first["sheet"] and m["col"] == first["col"] for m in parsed
    )
    if not same or rows != list(range(rows[0], rows[0] + len(rows))):
        return None
    sheet = first["sheet"] or ""
    if len(cells) == 1:
        return cells[0]
    return f"{sheet}${first['col']}${rows[0]}:${first['col']}${rows[-1]}"


def _factors(node: ex.Node) -> list[ex.Ref]:
    """The parameters of a product ``a * b * c`` of plain references ([] for anything else)."""
    if isinstance(node, ex.Ref):
        return [node]
    if isinstance(node, ex.Binary) and node.op == "*":
        left, right = _factors(node.left), _factors(node.right)
        if left and right:
            return left + right
    return []


def translate(node: ex.Node, ctx: FormulaContext, bound: dict[str, str] | None = None) -> str:
    """The Excel expression (without the leading "=") of ``node`` under index ``bound``."""
    env = bound or {}
    t = _Translator(ctx)
    return t.expr(node, env)


class _Translator:
    def __init__(self, ctx: FormulaContext) -> None:
        self.ctx = ctx

    def ref(self, node: ex.Ref, env: dict[str, str]) -> str:
        try:
            index = tuple(env[v] for v in node.indices)
        except KeyError as exc:
            raise FormulaError(f"index {exc} of {node.name} is not bound") from None
        return self.ctx.cell(node.name, index)

    def expr(self, node: ex.Node, env: dict[str, str]) -> str:
        if isinstance(node, ex.Num):
            return number(node.value)
        if isinstance(node, ex.Ref):
            return self.ref(node, env)
        if isinstance(node, ex.Unary):
            inner = self.expr(node.operand, env)
            return f"-({inner})" if node.op == "-" else f"NOT({inner})"
        if isinstance(node, ex.Binary):
            left, right = self.expr(node.left, env), self.expr(node.right, env)
            if node.op == "and":
                return f"AND({left},{right})"
            if node.op == "or":
                return f"OR({left},{right})"
            op = {"==": "=", "!=": "<>", "**": "^"}.get(node.op, node.op)
            return f"({left}{op}{right})"
        if isinstance(node, ex.Call):
            args = ",".join(self.expr(a, env) for a in node.args)
            return f"{node.fn.upper()}({args})"
        if isinstance(node, ex.Reduce):
            return self.reduce(node, env)
        if isinstance(node, ex.BandLookup):
            return self.band(node, env)
        if isinstance(node, ex.Convert):
            factor = self.ctx.factors.get(node, Fraction(1))
            inner = self.expr(node.arg, env)
            return inner if factor == 1 else f"({inner}*{number(factor)})"
        raise FormulaError(f"cannot translate {type(node).__name__}")  # pragma: no cover

    def reduce(self, node: ex.Reduce, env: dict[str, str]) -> str:
        members = self.ctx.members.get(node.var, [])
        if node.fn == "count" and node.body is None:
            return str(len(members))
        assert node.body is not None
        if node.fn == "sum":
            body = node.body
            if isinstance(body, ex.Ref) and body.indices == (node.var,):
                cells = [self.ctx.cell(body.name, (m,)) for m in members]
                span = _contiguous(cells)
                if span is not None:
                    return f"SUM({span})"
            factors = _factors(body)
            if len(members) > 1 and len(factors) > 1:
                spans = [
                    _contiguous([self.ctx.cell(f.name, (m,)) for m in members])
                    if f.indices == (node.var,)
                    else None
                    for f in factors
                ]
                if all(spans):
                    return f"SUMPRODUCT({','.join(str(x) for x in spans)})"
            terms = [self.expr(body, {**env, node.var: m}) for m in members]
            if len(terms) == 1:
                return terms[0]
            return f"({'+'.join(terms)})" if terms else "0"
        terms = [self.expr(node.body, {**env, node.var: m}) for m in members]
        if node.fn == "all":
            return f"AND({','.join(terms)})" if terms else "TRUE"
        if node.fn == "any":
            return f"OR({','.join(terms)})" if terms else "FALSE"
        if node.fn == "count":
            return f"({'+'.join(f'IF({c},1,0)' for c in terms)})" if terms else "0"
        raise FormulaError(f"unknown reduction {node.fn}")  # pragma: no cover

    def band(self, node: ex.BandLookup, env: dict[str, str]) -> str:
        table = self.ctx.tables.get(node.table)
        if table is None:
            raise FormulaError(f"unknown band table {node.table}")
        x = self.expr(node.arg, env)
        formula = "NA()"
        for band in reversed(table.bands):
            value = number(Decimal(band.value))
            formula = (
                value
                if band.upper is None
                else f"IF({x}<{number(Decimal(band.upper))},{value},{formula})"
            )
        first = table.bands[0].lower
        if first is not None:
            formula = f"IF({x}<{number(Decimal(first))},NA(),{formula})"
        return formula


def rounding(mode: str, cell: str) -> str:
    """The rounding rule of a template as a formula (``floor`` -> ``ROUNDDOWN(x,0)``: ER >= 0)."""
    if mode == "floor":
        return f"ROUNDDOWN({cell},0)"
    if mode == "ceil":
        return f"ROUNDUP({cell},0)"
    if mode == "half_up":
        return f"ROUND({cell},0)"
    return cell
