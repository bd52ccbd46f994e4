"""Turning a parsed expression into a fast evaluator (nested closures over exact Fractions).

Nothing is ``eval``'d: each AST node becomes a small Python function that reads resolved values
from a :class:`State`. Closures are built once per template and cached on its ``Analysis``.

Exact arithmetic has no natural bound: ``((x^4)^4)^4...`` or a chain of equations each raising
the last to a power doubles the digits at every step, and a forged template can make a
calculation run for hours. Every arithmetic result is therefore checked against ``MAX_BITS``
(numerator plus denominator); one step from two bounded operands is always cheap, so checking
each result bounds the whole evaluation. ``ValueTooLarge`` is turned into a message naming the
equation by the engine.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from typing import Any

from jcm_pdd.methodology import expr as ex
from jcm_pdd.methodology.errors import CalculationError
from jcm_pdd.methodology.schema import Template

Bindings = dict[str, str]

# 8,192 bits is about 2,466 decimal digits across numerator and denominator: inputs and
# literals are at most 1e+-30 with a few dozen digits (~200 bits), so real equations stay far
# below it, while a power tower passes it within a few levels.
MAX_BITS = 8192


class ValueTooLarge(ArithmeticError):
    """An intermediate result outgrew ``MAX_BITS``; the engine names the equation."""


def bounded(value: Any) -> Any:
    """``value`` when its exact size is within ``MAX_BITS``; else ``ValueTooLarge``."""
    if isinstance(value, Fraction):
        if value.numerator.bit_length() + value.denominator.bit_length() > MAX_BITS:
            raise ValueTooLarge
    elif isinstance(value, int) and value.bit_length() > MAX_BITS:
        raise ValueTooLarge
    return value


class State:
    """Resolved values (key -> Fraction, or index tuple -> Fraction) and index members."""

    __slots__ = ("members", "values")

    def __init__(self, values: dict[str, Any], members: dict[str, list[str]]) -> None:
        self.values = values
        self.members = members


Fn = Callable[[State, Bindings], Any]


def build(node: ex.Node, template: Template, factors: dict[ex.Convert, Fraction]) -> Fn:
    """Compile ``node`` into a closure ``fn(state, bindings) -> Fraction | bool``."""
    if isinstance(node, ex.Num):
        constant = node.value
        return lambda st, b: constant
    if isinstance(node, ex.Ref):
        name, idx = node.name, node.indices
        if not idx:
            return lambda st, b: st.values[name]
        if len(idx) == 1:
            var = idx[0]
            return lambda st, b: st.values[name][(b[var],)]
        return lambda st, b: st.values[name][tuple(b[v] for v in idx)]
    if isinstance(node, ex.Unary):
        inner = build(node.operand, template, factors)
        if node.op == "-":
            return lambda st, b: -inner(st, b)  # same size as its (bounded) operand
        return lambda st, b: not inner(st, b)
    if isinstance(node, ex.Binary):
        left = build(node.left, template, factors)
        right = build(node.right, template, factors)
        return _binary(node.op, left, right)
    if isinstance(node, ex.Call):
        args = [build(a, template, factors) for a in node.args]
        if node.fn == "if":
            cond, yes, no = args
            return lambda st, b: yes(st, b) if cond(st, b) else no(st, b)
        pick = min if node.fn == "min" else max
        return lambda st, b: pick(a(st, b) for a in args)
    if isinstance(node, ex.Reduce):
        return _reduce(node, template, factors)
    if isinstance(node, ex.BandLookup):
        return _band(node, template, factors)
    assert isinstance(node, ex.Convert)
    arg = build(node.arg, template, factors)
    factor = factors.get(node, Fraction(1))  # computed by lint from the argument's unit
    return lambda st, b: bounded(arg(st, b) * factor)


def _binary(op: str, left: Fn, right: Fn) -> Fn:
    if op == "+":
        return lambda st, b: bounded(left(st, b) + right(st, b))
    if op == "-":
        return lambda st, b: bounded(left(st, b) - right(st, b))
    if op == "*":
        return lambda st, b: bounded(left(st, b) * right(st, b))
    if op == "/":

        def divide(st: State, b: Bindings) -> Any:
            denominator = right(st, b)
            if denominator == 0:
                raise ZeroDivisionError
            return bounded(Fraction(left(st, b)) / denominator)

        return divide
    if op == "^":
        # The exponent is a literal of at most 4 (expr.MAX_EXPONENT): the power of a bounded
        # base is at most 4 * MAX_BITS, computed quickly, then checked like any result.
        return lambda st, b: bounded(Fraction(left(st, b)) ** right(st, b))
    if op == "and":
        return lambda st, b: bool(left(st, b)) and bool(right(st, b))
    if op == "or":
        return lambda st, b: bool(left(st, b)) or bool(right(st, b))
    compare: dict[str, Callable[[Any, Any], bool]] = {
        "<": lambda x, y: x < y,
        "<=": lambda x, y: x <= y,
        ">": lambda x, y: x > y,
        ">=": lambda x, y: x >= y,
        "==": lambda x, y: x == y,
        "!=": lambda x, y: x != y,
    }
    test = compare[op]
    return lambda st, b: test(left(st, b), right(st, b))


def _reduce(node: ex.Reduce, template: Template, factors: dict[ex.Convert, Fraction]) -> Fn:
    var = node.var
    if node.fn == "count":
        return lambda st, b: Fraction(len(st.members.get(var, ())))
    assert node.body is not None
    body = build(node.body, template, factors)

    def run(st: State, b: Bindings) -> Any:
        members = st.members.get(var, ())
        if node.fn == "sum":
            total: Any = 0
            for member in members:
                b[var] = member
                total = bounded(total + body(st, b))
        elif node.fn == "all":
            total = True
            for member in members:
                b[var] = member
                if not body(st, b):
                    total = False
                    break
        else:
            total = False
            for member in members:
                b[var] = member
                if body(st, b):
                    total = True
                    break
        b.pop(var, None)
        return Fraction(total) if node.fn == "sum" else total

    return run


def _band(node: ex.BandLookup, template: Template, factors: dict[ex.Convert, Fraction]) -> Fn:
    table = template.tables[node.table]
    rows = [
        (
            None if band.lower is None else Fraction(band.lower),
            None if band.upper is None else Fraction(band.upper),
            Fraction(band.value),
        )
        for band in table.bands
    ]
    arg = build(node.arg, template, factors)
    name = node.table

    def lookup(st: State, b: Bindings) -> Fraction:
        x = arg(st, b)
        for lower, upper, value in rows:
            if (lower is None or x >= lower) and (upper is None or x < upper):
                return value
        raise CalculationError(f"{x} is outside every band of table {name}", name)

    return lookup
