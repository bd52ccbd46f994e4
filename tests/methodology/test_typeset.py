"""Equations typeset as the methodology prints them (issue 13, item 7)."""

from __future__ import annotations

from jcm_pdd.methodology import expr as ex
from jcm_pdd.methodology.registry import load_registry
from jcm_pdd.methodology.typeset import Run, equation_number, equation_runs, html, plain

SYMBOLS = {"NLL_RE": "NLL_RE,i", "T": "T_i,p", "EF_grid": "EF_grid", "RE": "RE_p", "PE": "PE_p"}


def test_the_issue_s_equation_reads_as_in_a_methodology() -> None:
    node = ex.parse('sum(i, convert(NLL_RE[i] * T[i], "MWh/p")) * EF_grid')
    runs = equation_runs("RE_p", node, SYMBOLS, "section F.2, eq. (1)")
    assert plain(runs) == "RE_p = (Σ_i (NLL_RE,i × T_i,p)) × EF_grid    (1)"
    assert Run("i", sub=True) in runs and Run("RE,i", sub=True) in runs
    assert "convert" not in plain(runs) and "sum(" not in plain(runs)
    assert html(runs).startswith("RE<sub>p</sub> = (Σ<sub>i</sub> (NLL<sub>RE,i</sub> × ")


def test_operators_precedence_and_powers() -> None:
    node = ex.parse("(RE - PE) / 2 - T[i] ^ 2")
    assert plain(equation_runs("X", node, SYMBOLS)) == "X = (RE_p − PE_p) / 2 − T_i,p²"


def test_equation_numbers_come_from_the_public_reference() -> None:
    assert equation_number("section F.2, eq. (3)") == "3"
    assert equation_number("eq. (12a)") == "12a"
    assert equation_number("section G") == ""


def test_every_shipped_equation_typesets_without_the_app_s_syntax() -> None:
    for template in load_registry().all():
        symbols = {k: p.symbol for k, p in template.parameters.items()}
        for param in template.equations.values():
            text = plain(equation_runs(param.symbol, ex.parse(param.equation or "0"), symbols))
            for syntax in ("sum(", "convert(", "[i]", "*", '"'):
                assert syntax not in text, (template.id, text)
