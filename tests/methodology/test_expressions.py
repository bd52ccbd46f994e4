"""The expression language: what parses, and hostile input rejected before anything runs."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jcm_pdd.methodology import expr


@pytest.mark.parametrize(
    ("source", "fragment"),
    [
        ("EG.__class__", "attribute access"),
        ("EG[i].real", "attribute access"),
        ("__import__", "names starting with '_'"),
        ("__builtins__", "names starting with '_'"),
        ("open(1)", "'open' is not an allowed function"),
        ("getattr(EG, x)", "'getattr' is not an allowed function"),
        ("eval(x)", "'eval' is not an allowed function"),
        ("EG ** 1000", "too large"),
        ("2 ^ 99999999", "too large"),
        ("EG ^ EG", "small integer literal"),
        ("EG ^ 1.5", "small integer literal"),
        ("EG ^ (2)", "small integer literal"),
        ("lambda: 1", "lambda is not allowed"),
        ("[x for x in EG]", "comprehension"),
        ("sum(x for x in EG)", "comprehension"),
        ("'abc'", "double quotes"),
        ('"abc"', "only allowed as the unit"),
        ("1 if EG else 2", "unexpected 'if'"),
        ("a < b < c", "chained comparisons"),
        ("import os", "import is not allowed"),
        ("EG; x", "unexpected character ';'"),
        ("EG * \u0662", "unexpected character '٢'"),  # Arabic-Indic 2: digits are 0-9 only
        ("EG * \uff12", "unexpected character '２'"),  # full-width 2
        ("EG[0]", "index-set name"),
        ("x" * 5000, "longer than"),
        ("(" * 100 + "1" + ")" * 100, "nests deeper"),
        ("", "empty"),
        ("min(1)", "at least 2"),
        ("1e999999999", "out of range"),
        ("EG * 1e-999999", "out of range"),
        ("if(a, b)", "exactly 3"),
    ],
)
def test_rejected(source: str, fragment: str) -> None:
    with pytest.raises(expr.ExprError) as info:
        expr.parse(source)
    assert fragment in info.value.message
    assert info.value.column >= 1


def test_exact_numbers() -> None:
    node = expr.parse("0.797")
    assert isinstance(node, expr.Num) and node.value == Fraction(797, 1000)
    assert expr.parse("1.5e3").value == Fraction(1500)  # type: ignore[union-attr]


def shape(node: expr.Node) -> object:
    """The tree without source positions, for comparing parses of different texts."""
    if isinstance(node, expr.Num):
        return ("num", node.value)
    if isinstance(node, expr.Ref):
        return ("ref", node.name, node.indices)
    if isinstance(node, expr.Unary):
        return (node.op, shape(node.operand))
    if isinstance(node, expr.Binary):
        return (node.op, shape(node.left), shape(node.right))
    if isinstance(node, expr.Call):
        return (node.fn, *(shape(a) for a in node.args))
    if isinstance(node, expr.Reduce):
        return (node.fn, node.var, None if node.body is None else shape(node.body))
    if isinstance(node, expr.BandLookup):
        return ("band", node.table, shape(node.arg))
    return ("convert", shape(node.arg), node.unit)


def test_precedence_and_render_round_trip() -> None:
    source = "sum(i, EG[i] * EF_RE[i]) - (a - b) / c ^ 2"
    node = expr.parse(source)
    assert isinstance(node, expr.Binary) and node.op == "-"
    assert shape(expr.parse(expr.render(node))) == shape(node)


@pytest.mark.parametrize(
    "source",
    [
        "if(x > 0 and not y <= 1, min(a, b, c), max(a, b))",
        'convert(EC[i], "MWh")',
        "band(T, CAP[i])",
        "all(i, COP[i] >= 6) or any(j, F[j] == 0)",
        "count(i) * -x",
        "X[i, j] + 3",
        "(a * b) ^ 2",
        "(-a) ^ 2",
        "-a ^ 2",
        "a ^ -2 / (b - c) - (d + e)",
        "a / (b * c) - -(d - e)",
        "not (a < b or c >= d)",
        "not a < b",
    ],
)
def test_allowed_forms_parse_and_render(source: str) -> None:
    """Rendering (used in traces) keeps the meaning: re-parsing gives the same tree."""
    node = expr.parse(source)
    assert shape(expr.parse(expr.render(node))) == shape(node)


def test_the_parser_never_evaluates(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError("the parser must not call eval/exec/compile")

    for name in ("eval", "exec", "compile"):
        monkeypatch.setattr(builtins, name, forbidden)
    assert isinstance(expr.parse("sum(i, EG[i] * EF_RE[i])"), expr.Reduce)


_atoms = st.sampled_from(["a", "b", "X[i]", "0", "2", "0.5"])


def _compose(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    binary = st.tuples(children, st.sampled_from(["+", "-", "*", "/"]), children).map(
        lambda t: f"({t[0]} {t[1]} {t[2]})"
    )
    unary = children.map(lambda c: f"(-{c})")
    power = st.tuples(children, st.integers(min_value=-3, max_value=4)).map(
        lambda t: f"({t[0]} ^ {t[1]})"
    )
    calls = st.tuples(st.sampled_from(["min", "max"]), children, children).map(
        lambda t: f"{t[0]}({t[1]}, {t[2]})"
    )
    cond = st.tuples(children, children, children, st.sampled_from(["<", ">=", "=="])).map(
        lambda t: f"if(not ({t[0]} {t[3]} {t[1]}) and a != b or {t[1]} <= {t[2]}, {t[2]}, a)"
    )
    return st.one_of(binary, unary, power, calls, cond)


@settings(max_examples=200, deadline=None)
@given(st.recursive(_atoms, _compose, max_leaves=12))
def test_render_keeps_the_tree_of_any_expression(source: str) -> None:
    node = expr.parse(source)
    assert shape(expr.parse(expr.render(node))) == shape(node)
