"""The engine: exact arithmetic and the floor rule, traces with provenance, input errors."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from methodology_fixtures import MINI

from jcm_pdd.methodology import (
    CalculationError,
    InputError,
    calculate,
    check_eligibility,
    inputs_from_mapping,
    parse_template,
    round_value,
)


@pytest.fixture
def mini() -> str:
    return MINI


SHARES = """format_version = 1
[identity]
id = "JCM_XX_AM002"
version = "01.0"
host_country = "XX"
title = "Shares"
sectoral_scope = 1
provenance = { status = "unverified", citation = "test fixture" }
[summary]
measures = "m"
reference_emissions = "r"
project_emissions = "p"
monitoring_parameters = "q"
provenance = { status = "unverified", citation = "test fixture" }
[[eligibility]]
number = 1
text = "none"
provenance = { status = "unverified", citation = "test fixture" }
[emission_sources]
reference = [{ source = "s", ghg = "CO2" }]
project = [{ source = "s", ghg = "N/A" }]
provenance = { status = "unverified", citation = "test fixture" }
[index_sets.i]
label = "share"
[parameters.Q]
symbol = "Q_i"
description = "share of a tonne"
unit = "tCO2/p"
role = "monitored"
index = ["i"]
options = ["C"]
[parameters.RE]
symbol = "RE_p"
description = "sum of shares"
unit = "tCO2/p"
role = "calculated"
equation = "sum(i, Q[i])"
[parameters.PE]
symbol = "PE_p"
description = "zero"
unit = "tCO2/p"
role = "calculated"
equation = "0"
[parameters.ER]
symbol = "ER_p"
description = "reductions"
unit = "tCO2/p"
role = "calculated"
equation = "RE - PE"
"""


@pytest.fixture(scope="module")
def shares():  # type: ignore[no-untyped-def]
    return parse_template(SHARES, "shares.toml")


def _two_units(mini_template, **overrides):  # type: ignore[no-untyped-def]
    values = {
        "EC_PJ": [{"i": "U-1", "value": "100"}, {"i": "U-2", "value": "50"}],
        "CAP": [{"i": "U-1", "value": "350"}, {"i": "U-2", "value": "100"}],
        "COP_PJ": [{"i": "U-1", "value": "6"}, {"i": "U-2", "value": "5"}],
    }
    values.update(overrides)
    return inputs_from_mapping(mini_template, values)


@pytest.fixture
def mini_template(mini):  # type: ignore[no-untyped-def]
    return parse_template(mini, "mini.toml")


def test_three_thirds_of_a_tonne_floor_to_one(shares) -> None:  # type: ignore[no-untyped-def]
    inputs = inputs_from_mapping(shares, {"Q": [{"i": str(n), "value": "1/3"} for n in range(3)]})
    result = calculate(shares, inputs)
    assert result.er == 1 and result.er_rounded == 1


@settings(max_examples=60, deadline=None)
@given(
    denominators=st.lists(st.integers(min_value=1, max_value=40), min_size=1, max_size=6),
    seed=st.randoms(use_true_random=False),
)
def test_floor_is_independent_of_evaluation_order(shares, denominators, seed) -> None:  # type: ignore[no-untyped-def]
    """k groups of n shares of 1/n tonne sum to exactly k tonnes in any order."""
    rows = [f"1/{n}" for n in denominators for _ in range(n)]
    seed.shuffle(rows)
    inputs = inputs_from_mapping(
        shares, {"Q": [{"i": str(k), "value": v} for k, v in enumerate(rows)]}
    )
    result = calculate(shares, inputs, trace=False)
    assert result.er == len(denominators)
    assert result.er_rounded == len(denominators)


@pytest.mark.parametrize(
    ("value", "mode", "expected"),
    [
        (Fraction("25.8075"), "floor", 25),
        (Fraction("25.8075"), "half_up", 26),
        (Fraction("25.5"), "half_up", 26),
        (Fraction("-25.5"), "half_up", -26),
        (Fraction("-0.1"), "floor", -1),
        (Fraction("25.0001"), "ceil", 26),
        (Fraction(14746), "floor", 14746),
    ],
)
def test_round_value(value: Fraction, mode: str, expected: int) -> None:
    assert round_value(value, mode) == expected  # type: ignore[arg-type]


def test_trace_has_every_intermediate_with_inputs_and_provenance(mini_template) -> None:  # type: ignore[no-untyped-def]
    result = calculate(mini_template, _two_units(mini_template))
    steps = {(s.key, s.index): s for s in result.trace}
    ec_re = steps[("EC_RE", (("i", "U-1"),))]
    assert ec_re.equation == "EC_PJ[i] * COP_PJ[i] / COP_RE"
    assert ec_re.value == 150 and ec_re.unit == "MWh/p"
    by_key = {i.key: i for i in ec_re.inputs}
    assert by_key["EC_PJ"].source.origin == "entered" and by_key["EC_PJ"].value == 100
    assert by_key["COP_RE"].source.origin == "default" and by_key["COP_RE"].source.status == "draft"
    assert "EC_PJ,i,p[i=U-1] = 100 MWh/p" in ec_re.substituted()
    re_step = steps[("RE", ())]
    assert [i.key for i in re_step.inputs] == ["EC_RE", "EC_RE", "EF"]
    assert re_step.inputs[0].source.origin == "calculated"
    ef = re_step.inputs[2].source
    assert (ef.origin, ef.status, ef.choice) == ("default", "unverified", "grid")
    assert [s.key for s in result.trace] == [
        "EC_RE",
        "EC_RE",
        "RE",
        "PE",
        "ER",
    ]  # declaration order, deps first
    assert result.has_unverified_defaults and result.has_draft_defaults


def test_choice_and_override(mini_template) -> None:  # type: ignore[no-untyped-def]
    captive = calculate(mini_template, _two_units(mini_template, EF={"choice": "captive"}))
    assert captive.pe == 150 * Fraction("0.533")
    assert captive.sources[("EF", ())].status == "verified"
    overridden = calculate(
        mini_template, _two_units(mini_template, EF={"override": "0.6", "reason": "r"})
    )
    assert overridden.pe == 90 and overridden.sources[("EF", ())].origin == "overridden"


def test_eligibility_check_with_band_lookup(mini_template) -> None:  # type: ignore[no-untyped-def]
    assert check_eligibility(mini_template, _two_units(mini_template)) == {1: True}
    low = _two_units(
        mini_template, COP_PJ=[{"i": "U-1", "value": "5.9"}, {"i": "U-2", "value": "5"}]
    )
    assert check_eligibility(mini_template, low) == {1: False}  # 350 USRt band needs 6


@pytest.mark.parametrize(
    ("override", "fragment"),
    [
        (
            {"EC_PJ": [{"i": "U-1", "value": "-1"}, {"i": "U-2", "value": "50"}]},
            "EC_PJ[i=U-1]) must not be negative",
        ),
        (
            {"EC_PJ": [{"i": "U-1", "value": "NaN"}, {"i": "U-2", "value": "50"}]},
            "not a finite number",
        ),
        (
            {"EC_PJ": [{"i": "U-1", "value": "inf"}, {"i": "U-2", "value": "50"}]},
            "not a finite number",
        ),
        (
            {"EC_PJ": [{"i": "U-1", "value": "abc"}, {"i": "U-2", "value": "50"}]},
            "'abc' is not a number",
        ),
        (  # Arabic-Indic 50, which Python's Decimal would read as 50
            {"EC_PJ": [{"i": "U-1", "value": "\u0665\u0660"}, {"i": "U-2", "value": "50"}]},
            "“٥٠” is written with ‘٥’ (arabic-indic digit five); write numbers with the digits",
        ),
        ({"EC_PJ": [{"i": "U-1", "value": 1.5}]}, "binary float"),
        ({"EC_PJ": [{"i": "U-1", "value": "1e999999999"}]}, "out of range"),
        ({"EC_PJ": [{"i": "U-1", "value": Decimal("1e-99999")}]}, "out of range"),
        ({"EC_PJ": [{"i": "U-1", "value": "1/1e99999"}]}, "out of range"),
        ({"EC_PJ": [{"i": "U-1", "value": "100"}]}, "EC_PJ[i=U-2]): missing estimated value"),
        ({"COP_PJ": [{"i": "U-1", "value": "0"}, {"i": "U-2", "value": "5"}]}, "must not be <= 0"),
        ({"EF": {"choice": "solar"}}, "unknown choice 'solar'"),
        ({"EF": {"value": "0.5"}}, "is a methodology default"),
        ({"NOPE": "1"}, "unknown parameter 'NOPE'"),
        ({"RE": "1"}, "RE is calculated"),
        ({"EC_PJ": "100"}, "give an array of tables"),
        ({"EC_PJ": [{"value": "100"}]}, "gives no i"),
    ],
)
def test_bad_inputs_name_the_parameter(mini_template, override, fragment) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError) as info:
        calculate(mini_template, _two_units(mini_template, **override))
    assert fragment in info.value.message
    assert "\n" not in info.value.message


def test_division_by_zero_is_a_user_error(mini_template) -> None:  # type: ignore[no-untyped-def]
    inputs = _two_units(mini_template, COP_RE={"override": "0", "reason": "test"})
    with pytest.raises(CalculationError) as info:
        calculate(mini_template, inputs)
    assert "EC_RE" in info.value.message and "division by zero" in info.value.message


def test_decimal_inputs_are_exact(mini_template) -> None:  # type: ignore[no-untyped-def]
    inputs = _two_units(
        mini_template,
        EC_PJ=[{"i": "U-1", "value": Decimal("0.1")}, {"i": "U-2", "value": Decimal("0.2")}],
    )
    result = calculate(mini_template, inputs)
    assert result.pe == Fraction(3, 10) * Fraction(1, 2)


def test_functions_if_min_max_count_power(mini: str) -> None:
    equation = '"if(count(i) > 1, max(sum(i, EC_PJ[i] * EF), 0), min(RE, RE)) * (COP_RE / 2) ^ 2"'
    template = parse_template(mini.replace('"sum(i, EC_PJ[i] * EF)"', equation), "fns.toml")
    two = calculate(template, _two_units(template))
    assert two.pe == 75 * 4  # (4 / 2)^2 = 4
    one = inputs_from_mapping(
        template,
        {
            "EC_PJ": [{"i": "U-1", "value": "100"}],
            "CAP": [{"i": "U-1", "value": "350"}],
            "COP_PJ": [{"i": "U-1", "value": "6"}],
        },
    )
    result = calculate(template, one)
    assert result.pe == result.re * 4 and result.re == 75  # 100 x 6 / 4 x 0.5
    assert result.er == result.re - result.pe


def test_band_outside_every_band_is_a_calculation_error(mini: str) -> None:
    text = mini.replace(
        'bands = [{ upper = "300", value = "5" }, { lower = "300", value = "6" }]',
        'bands = [{ lower = "10", upper = "300", value = "5" }]',
    )
    template = parse_template(text, "band.toml")
    low = _two_units(template, CAP=[{"i": "U-1", "value": "5"}, {"i": "U-2", "value": "100"}])
    with pytest.raises(CalculationError, match="outside every band of table THRESHOLD"):
        check_eligibility(template, low)


def test_wrong_unit_is_refused_not_converted(mini_template) -> None:  # type: ignore[no-untyped-def]
    rows = [{"i": "U-1", "value": "100000", "unit": "kWh/p"}, {"i": "U-2", "value": "50"}]
    with pytest.raises(InputError, match=r"in kWh/p but the methodology uses MWh/p"):
        _two_units(mini_template, EC_PJ=rows)
    same = [{"i": "U-1", "value": "100", "unit": "MWh/p"}, {"i": "U-2", "value": "50"}]
    assert calculate(mini_template, _two_units(mini_template, EC_PJ=same)).pe == 75


def test_project_row_in_a_wrong_unit(mini_template) -> None:  # type: ignore[no-untyped-def]
    from jcm_pdd.methodology import inputs_from_project, new_project_from_template

    project = new_project_from_template(mini_template)
    row = project.monitoring_plan.monitored[0]
    row.estimated_value = Decimal("5")
    row.unit = "GJ/p"
    with pytest.raises(InputError, match=r"EC_PJ,i,p \(EC_PJ\[i=U-1\]\): the value is in GJ/p"):
        inputs_from_project(project, mini_template)


@pytest.mark.parametrize(
    "equation",
    ["3 * X", "X * 3", "X + X + X", "X * 9 / 3", "(X / 3) * 9", "X / (1 / 3)", "-(-X) * 3"],
)
def test_one_third_times_three_in_any_form(equation: str) -> None:
    text = SHARES.replace('index = ["i"]\noptions', "options").replace(
        "[parameters.Q]", "[parameters.X]"
    )
    text = text.replace('"sum(i, Q[i])"', f'"{equation}"').replace(
        '[index_sets.i]\nlabel = "share"\n', ""
    )
    template = parse_template(text, "third.toml")
    result = calculate(template, inputs_from_mapping(template, {"X": "1/3"}))
    assert result.er == 1 and result.er_rounded == 1


@settings(max_examples=80, deadline=None)
@given(
    ec=st.decimals(min_value=0, max_value=10**7, places=3, allow_nan=False, allow_infinity=False),
    cop=st.decimals(
        min_value="0.01", max_value=20, places=2, allow_nan=False, allow_infinity=False
    ),
)
def test_id_am003_matches_an_independent_exact_computation(ec: Decimal, cop: Decimal) -> None:
    """ER_p = EC x COP_PJ / 1.32 x 0.814 - EC x 0.814, credited rounded down (ID_AM003)."""
    from jcm_pdd.methodology import load_registry

    template = load_registry().get("JCM_ID_AM003")
    inputs = inputs_from_mapping(
        template,
        {
            "EC_PJ": [{"i": "R-1", "value": ec}],
            "COP_PJ": [{"i": "R-1", "value": cop}],
            "COP_RE": "1.32",  # the project's value (the ID003 PDD's)
        },
    )
    result = calculate(template, inputs, trace=False)
    ef, cop_re = Fraction("0.814"), Fraction("1.32")
    expected = Fraction(ec) * Fraction(cop) / cop_re * ef - Fraction(ec) * ef
    assert result.er == expected
    assert result.er_rounded == expected.__floor__()


def test_optional_index_set_may_be_empty(mini: str) -> None:
    text = mini.replace(
        '[index_sets.i]\nlabel = "Unit"', '[index_sets.i]\nlabel = "Unit"\noptional = true'
    )
    template = parse_template(text, "optional.toml")
    result = calculate(template, inputs_from_mapping(template, {}))
    assert (result.re, result.pe, result.er_rounded) == (0, 0, 0)
    strict = parse_template(mini, "strict.toml")
    with pytest.raises(InputError, match=r"no Unit \(index set i\) is listed"):
        calculate(strict, inputs_from_mapping(strict, {}))


def test_division_by_zero_in_a_check_is_a_user_error(mini: str) -> None:
    text = mini.replace(
        'check = "all(i, COP_PJ[i] >= band(THRESHOLD, CAP[i]))"',
        'check = "all(i, COP_PJ[i] / CAP[i] >= band(THRESHOLD, CAP[i]) / CAP[i])"',
    )
    template = parse_template(text, "check0.toml")
    inputs = _two_units(template, CAP=[{"i": "U-1", "value": "0"}, {"i": "U-2", "value": "1"}])
    with pytest.raises(CalculationError, match="criterion 1: division by zero"):
        check_eligibility(template, inputs)


def test_substituted_equation_writes_values_in(mini_template) -> None:  # type: ignore[no-untyped-def]
    result = calculate(mini_template, _two_units(mini_template))
    steps = {(s.key, s.index): s for s in result.trace}
    assert steps[("EC_RE", (("i", "U-1"),))].substituted_equation() == "100 MWh/p * 6 / 4"
    assert steps[("RE", ())].substituted_equation() == "(150 MWh/p + 62.5 MWh/p) * 0.5 tCO2/MWh"
    assert steps[("ER", ())].substituted_equation() == "106.25 tCO2/p - 75 tCO2/p"
    assert steps[("RE", ())].substituted_equation(limit=1) == (
        "(150 MWh/p + … (1 more)) * 0.5 tCO2/MWh"
    )
