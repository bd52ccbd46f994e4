"""An equation with its values written in: ``14181.7 MWh/p * 0.797 tCO2/MWh`` (for traces).

Sums over many members list the first few terms and count the rest, so a 1,000-unit sum stays
readable. Rendering follows the same precedence rules as ``expr.render``.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from typing import Any

from jcm_pdd.methodology import expr as ex
from jcm_pdd.methodology.fmt import format_fraction


def substitute(
    node: ex.Node,
    bindings: dict[str, str],
    values: dict[str, Any],
    members: dict[str, list[str]],
    unit_of: Callable[[str], str],
    limit: int = 12,
) -> str:
    def leaf(ref: ex.Ref, bound: dict[str, str]) -> str:
        found = values[ref.name]
        value = found[tuple(bound[v] for v in ref.indices)] if ref.indices else found
        unit = unit_of(ref.name)
        text = format_fraction(Fraction(value), places=6)
        return text if unit in ("", "-", "1", "dimensionless") else f"{text} {unit}"

    def go(current: ex.Node, bound: dict[str, str]) -> str:
        if isinstance(current, ex.Num):
            return current.text
        if isinstance(current, ex.Ref):
            return leaf(current, bound)
        if isinstance(current, ex.Unary):
            inner = go(current.operand, bound)
            if current.op == "not":
                return f"not ({inner})" if ex._prec(current.operand) < 3 else f"not {inner}"
            return f"-({inner})" if ex._prec(current.operand) <= 7 else f"-{inner}"
        if isinstance(current, ex.Binary):
            p = ex._PRECEDENCE[current.op]
            left, right = go(current.left, bound), go(current.right, bound)
            if current.op == "^":
                return f"({left}) ^ {right}" if ex._prec(current.left) < 9 else f"{left} ^ {right}"
            left_wrap = ex._prec(current.left) <= p if p == 4 else ex._prec(current.left) < p
            left = f"({left})" if left_wrap else left
            right = f"({right})" if ex._prec(current.right) <= p else right
            return f"{left} {current.op} {right}"
        if isinstance(current, ex.Call):
            return f"{current.fn}({', '.join(go(a, bound) for a in current.args)})"
        if isinstance(current, ex.Reduce):
            listed = members.get(current.var, [])
            if current.fn == "count" or current.body is None:
                return str(len(listed))
            joiner = {"sum": " + ", "all": " and ", "any": " or "}[current.fn]
            terms = [go(current.body, {**bound, current.var: m}) for m in listed[:limit]]
            if len(listed) > limit:
                terms.append(f"… ({len(listed) - limit} more)")
            return f"({joiner.join(terms)})" if terms else "0"
        if isinstance(current, ex.BandLookup):
            return f"band({current.table}, {go(current.arg, bound)})"
        assert isinstance(current, ex.Convert)
        return f'convert({go(current.arg, bound)}, "{current.unit}")'

    return go(node, dict(bindings))
