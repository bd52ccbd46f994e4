"""Equations as a reader of the methodology expects them (issue 13, item 7).

The expression language (``expr``) is what a template is written in: ``sum(i, convert(NLL_RE[i]
* T[i], "MWh/p"))``. A methodology prints ``RE_p = Σ_i (NLL_RE,i × T_i,p)``: the parameters'
printed symbols (``Parameter.symbol``, base and subscript split at the first ``_``), subscripts,
``Σ`` with its index below, ``×`` and ``−``, and the equation's number. ``typeset`` turns an
expression into runs of normal and subscript text; ``plain``, ``html`` and the workbook's rich
text show those runs (the GUI's "Show calculation", the workbook's Equation column).
Unit conversions (``convert``) are not printed: the units are those of the parameter table.
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Mapping
from dataclasses import dataclass

from jcm_pdd.methodology import expr as ex

_OPS = {"*": " × ", "/": " / ", "+": " + ", "-": " − ", "<": " < ", "<=": " ≤ ", ">": " > ",
        ">=": " ≥ ", "==": " = ", "!=": " ≠ ", "and": " and ", "or": " or "}  # fmt: skip
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_PREC = {"or": 1, "and": 2, "<": 4, "<=": 4, ">": 4, ">=": 4, "==": 4, "!=": 4,
         "+": 5, "-": 5, "*": 6, "/": 6, "^": 8}  # fmt: skip


@dataclass(frozen=True)
class Run:
    text: str
    sub: bool = False  # printed as a subscript


def symbol_runs(symbol: str) -> list[Run]:
    """``EC_PJ,i,p`` -> EC with subscript "PJ,i,p"; a symbol without ``_`` stays as it is."""
    base, _, sub = symbol.partition("_")
    return [Run(base), Run(sub, sub=True)] if sub else [Run(base)]


def _prec(node: ex.Node) -> int:
    if isinstance(node, ex.Binary):
        return _PREC[node.op]
    if isinstance(node, ex.Unary):
        return 7
    if isinstance(node, ex.Reduce) and node.fn == "sum":
        return 5  # Σ reaches as far as a sum: (Σ_i a_i) × b, never Σ_i a_i × b
    return 10


class _Typesetter:
    def __init__(self, symbols: Mapping[str, str]) -> None:
        self.symbols = symbols

    def runs(self, node: ex.Node) -> list[Run]:
        if isinstance(node, ex.Num):
            return [Run(node.text)]
        if isinstance(node, ex.Ref):
            return symbol_runs(self.symbols.get(node.name, node.name))
        if isinstance(node, ex.Unary):
            operand = self._wrapped(node.operand, _prec(node.operand) <= 7)
            return [Run("not " if node.op == "not" else "−"), *operand]
        if isinstance(node, ex.Binary):
            p = _PREC[node.op]
            if node.op == "^" and isinstance(node.right, ex.Num):
                left = self._wrapped(node.left, _prec(node.left) < 9)
                return [*left, Run(node.right.text.translate(_SUPERSCRIPT))]
            left = self._wrapped(node.left, _prec(node.left) < p)
            right = self._wrapped(node.right, _prec(node.right) <= p)
            return [*left, Run(_OPS.get(node.op, f" {node.op} ")), *right]
        if isinstance(node, ex.Call):
            args: list[Run] = []
            for number, arg in enumerate(node.args):
                args += ([Run(", ")] if number else []) + self.runs(arg)
            return [Run(f"{node.fn}("), *args, Run(")")]
        if isinstance(node, ex.Reduce):
            if node.fn == "sum" and node.body is not None:
                summed = self.runs(node.body)
                inner: ex.Node = node.body
                while isinstance(inner, ex.Convert):
                    inner = inner.arg
                simple = isinstance(inner, ex.Ref | ex.Num)
                return [
                    Run("Σ"),
                    Run(node.var, sub=True),
                    Run(" "),
                    *self._paren(summed, not simple),
                ]
            if node.fn == "count":
                return [Run("number of "), Run(node.var)]
            body = self.runs(node.body) if node.body is not None else []
            word = "for every" if node.fn == "all" else "for some"
            return [Run(f"({word} {node.var}: "), *body, Run(")")]
        if isinstance(node, ex.BandLookup):
            return [Run(f"{node.table}("), *self.runs(node.arg), Run(")")]
        return self.runs(node.arg)  # Convert: the unit is the parameter table's

    def _wrapped(self, node: ex.Node, wrap: bool) -> list[Run]:
        return self._paren(self.runs(node), wrap)

    @staticmethod
    def _paren(runs: list[Run], wrap: bool) -> list[Run]:
        return [Run("("), *runs, Run(")")] if wrap else runs


def typeset(node: ex.Node, symbols: Mapping[str, str]) -> list[Run]:
    """The runs of an expression, parameters by their printed symbols (key -> symbol)."""
    return _merge(_Typesetter(symbols).runs(node))


def equation_runs(
    symbol: str, node: ex.Node, symbols: Mapping[str, str], ref: str = ""
) -> list[Run]:
    """``RE_p = Σ_i (…)  (1)``: the whole equation, numbered when ``ref`` gives a number."""
    number = equation_number(ref)
    tail = [Run(f"    ({number})")] if number else []
    return _merge([*symbol_runs(symbol), Run(" = "), *typeset(node, symbols), *tail])


def equation_number(ref: str) -> str:
    """``"section F.2, eq. (1)"`` -> ``"1"``; "" when the reference gives no number."""
    found = re.search(r"eq(?:uation)?\.?\s*\(?\s*([0-9]+[a-z]?)\s*\)?", ref, re.IGNORECASE)
    return found.group(1) if found else ""


def _merge(runs: list[Run]) -> list[Run]:
    out: list[Run] = []
    for run in runs:
        if not run.text:
            continue
        if out and out[-1].sub == run.sub:
            out[-1] = Run(out[-1].text + run.text, run.sub)
        else:
            out.append(run)
    return out


def plain(runs: list[Run]) -> str:
    """One line of text; subscripts joined with ``_`` as in the methodology's plain text."""
    return "".join(f"_{r.text}" if r.sub else r.text for r in runs)


def html(runs: list[Run]) -> str:
    return "".join(
        f"<sub>{html_lib.escape(r.text)}</sub>" if r.sub else html_lib.escape(r.text) for r in runs
    )
