"""Bounded work for any template or input (issue 11 items 4 and 5).

Exact arithmetic is bounded by the size of every intermediate result, expressions by the height
of their tree, TOML by its nesting and number length, units by their length, nesting and scale:
each breach is one clear problem naming the file, line or equation, found in well under a
second, never a RecursionError, a ValueError from int conversion, or minutes of arithmetic.
"""

from __future__ import annotations

import datetime as dt
import time
from decimal import Decimal

import pytest
from methodology_fixtures import MINI

from jcm_pdd.methodology import Problem, TemplateError, calculate, parse_template, run_examples
from jcm_pdd.methodology.errors import CalculationError, InputError
from jcm_pdd.methodology.estimate import operating_end
from jcm_pdd.methodology.inputs import to_fraction

PE_LINE = 'equation = "sum(i, EC_PJ[i] * EF)"'


def problems_of(text: str) -> list[Problem]:
    with pytest.raises(TemplateError) as info:
        parse_template(text, "bad.toml")
    return info.value.problems


def _with_pe(equation: str) -> str:
    assert PE_LINE in MINI
    return MINI.replace(PE_LINE, f'equation = "{equation}"')


def _quick(started: float) -> None:
    assert time.perf_counter() - started < 5, "bounded work must end in seconds"


def test_a_power_tower_is_refused_naming_the_equation() -> None:
    tower = (
        "sum(i, EC_PJ[i] * EF)"
        + " * 0"
        + " * ((((((((((((COP_RE^4)^4)^4)^4)^4)^4)^4)^4)^4)^4)^4)^4)"
    )
    text = _with_pe(tower)
    template = parse_template(text, "tower.toml")  # the expression itself is well formed
    started = time.perf_counter()
    [problem] = run_examples(template, text)
    _quick(started)
    assert "PE_p (PE)" in problem.message
    assert "grows beyond 8,192 bits" in problem.message


def test_a_chain_of_powers_across_equations_is_refused() -> None:
    # P1 = COP_RE^4, P2 = P1^4 ... each equation tiny, the value 4^12 digits long.
    chain = []
    previous = "COP_RE"
    for n in range(1, 13):
        chain.append(
            f'[parameters.P{n}]\nsymbol = "P{n}"\ndescription = "power"\nunit = "-"\n'
            f'role = "calculated"\nequation = "{previous}^4"\n'
        )
        previous = f"P{n}"
    text = _with_pe(f"sum(i, EC_PJ[i] * EF) + 0 * EF * sum(i, EC_PJ[i]) * {previous}")
    text = text.replace("[parameters.EF]", "\n".join(chain) + "\n[parameters.EF]")
    template = parse_template(text, "chain.toml")
    started = time.perf_counter()
    [problem] = run_examples(template, text)
    _quick(started)
    assert "grows beyond 8,192 bits" in problem.message and "^4" in problem.message


def test_calculate_raises_a_calculation_error_not_a_hang() -> None:
    text = _with_pe(
        "sum(i, EC_PJ[i] * EF * ((((COP_PJ[i]^4)^4)^4)^4)^4 / ((((COP_PJ[i]^4)^4)^4)^4)^4)"
    )
    template = parse_template(text, "t.toml")
    from jcm_pdd.methodology import inputs_from_mapping

    inputs = inputs_from_mapping(
        template,
        {
            "EC_PJ": [{"i": "U-1", "value": "100"}],
            "CAP": [{"i": "U-1", "value": "350"}],
            "COP_PJ": [{"i": "U-1", "value": "4.000000000000000000000000000001"}],
        },
    )
    started = time.perf_counter()
    with pytest.raises(CalculationError, match=r"PE_p \(PE\).*grows beyond"):
        calculate(template, inputs)
    _quick(started)


def test_a_long_flat_chain_is_one_problem_not_a_recursion_error() -> None:
    chain = "sum(i, EC_PJ[i] * EF) * 1" + " + 0" * 900  # 3,600 characters: under the length limit
    [problem] = problems_of(_with_pe(chain))
    assert problem.symbol == "PE" and problem.line > 1
    assert "too long a chain of operations" in problem.message


@pytest.mark.parametrize(
    ("replace", "message"),
    [
        ('title = "Test methodology"', "nested more than 100 levels deep"),
        ('title = "Test methodology"', "more than 4,000 digits"),
    ],
    ids=["deep", "bigint"],
)
def test_toml_beyond_the_parser_is_a_syntax_error_with_its_line(replace: str, message: str) -> None:
    value = "[" * 2000 + "]" * 2000 if "nested" in message else "1" * 4400
    text = MINI.replace(replace, f"{replace}\ntrap = {value}")
    [problem] = problems_of(text)
    assert problem.code == "toml"
    assert problem.line == text.splitlines().index(f"trap = {value}") + 1
    assert message in problem.message


def test_brackets_inside_strings_are_not_nesting() -> None:
    text = MINI.replace('title = "Test methodology"', 'title = "' + "[" * 150 + '"')
    assert parse_template(text, "ok.toml").identity.title.startswith("[[[")


@pytest.mark.parametrize(
    ("unit", "message"),
    [
        ("(" * 40 + "MWh" + ")" * 40, "longer than 80 characters"),
        ("(" * 10 + "MWh" + ")" * 10, "nests more than 8 parentheses"),
    ],
)
def test_hostile_units_are_one_problem(unit: str, message: str) -> None:
    text = MINI.replace('unit = "tCO2/MWh"', f'unit = "{unit}"')
    problems = problems_of(text)
    assert any(message in p.message and p.symbol == "EF" for p in problems)


def test_a_unit_whose_scale_explodes_is_one_problem() -> None:
    # COP_RE in kWh: each ^4 multiplies the digits of the unit's scale (1/1000) by 4.
    text = MINI.replace(
        'unit = "-"\nrole = "default"\nvalue = "4"', 'unit = "kWh"\nrole = "default"\nvalue = "4"'
    )
    tower = "(((((COP_RE^4)^4)^4)^4)^4)"
    text = text.replace(PE_LINE, f'equation = "sum(i, EC_PJ[i] * EF) + 0 * RE * {tower} / {tower}"')
    problems = problems_of(text)
    assert any("grows implausibly large" in p.message and p.symbol == "PE" for p in problems)


@pytest.mark.parametrize("digits", [61, 10_000, 50_000])
def test_inputs_with_too_many_digits_are_refused_at_once(digits: int) -> None:
    started = time.perf_counter()
    with pytest.raises(InputError, match="more than 60 significant digits"):
        to_fraction("1." + "1" * digits, "EG")
    with pytest.raises(InputError, match="more than 60 significant digits"):
        to_fraction(Decimal("1." + "1" * digits), "EG")
    _quick(started)
    assert to_fraction("1." + "1" * 50, "EG") > 1  # a long but plausible value still reads


def test_a_literal_with_too_many_digits_is_refused() -> None:
    [problem] = problems_of(_with_pe("sum(i, EC_PJ[i] * EF) * 1." + "0" * 100))
    assert "has more than 40 digits" in problem.message


@pytest.mark.parametrize(
    ("lifetime", "end_year", "message"),
    [
        (100_000_000, None, "operational lifetime must be a whole number of years from 1 to 100"),
        (None, 9999, "last year of the estimate must be a year from 2000 to 2200"),
        (0, None, "operational lifetime"),
    ],
)
def test_far_future_dates_are_input_errors(
    lifetime: int | None, end_year: int | None, message: str
) -> None:
    with pytest.raises(InputError, match=message):
        operating_end(dt.date(2027, 4, 1), lifetime, end_year)


def test_a_template_number_in_other_digits_is_refused() -> None:
    """Python's Decimal reads full-width or Arabic-Indic digits as 0-9: a template's numbers
    are written with 0-9 or refused, naming the value."""
    assert 'value = "0.5"' in MINI
    problems = problems_of(MINI.replace('value = "0.5"', 'value = "\uff10.\uff15"', 1))
    assert any(
        "“０.５” is written with ‘０’ (fullwidth digit zero); write numbers with" in p.message
        for p in problems
    )
