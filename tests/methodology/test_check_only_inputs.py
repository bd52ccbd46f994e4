"""Request R6: inputs read only by eligibility checks are optional for the calculation.

Left empty, the calculation proceeds (RE, PE and ER never depend on them) and the checks that
read them are "unknown"; given, they are validated and checked as before."""

from __future__ import annotations

from fractions import Fraction

import pytest
from methodology_fixtures import MINI

from jcm_pdd.checks import run_checks
from jcm_pdd.methodology import (
    InputError,
    calculate,
    check_eligibility,
    eligibility_outcomes,
    inputs_from_mapping,
    inputs_from_project,
    load_registry,
    new_project_from_template,
    parse_template,
)
from jcm_pdd.methodology.engine import analysis

BASE = {
    "EC_PJ": [{"i": "U-1", "value": "100"}, {"i": "U-2", "value": "50"}],
    "COP_PJ": [{"i": "U-1", "value": "6"}, {"i": "U-2", "value": "5"}],
}
# MINI plus a second check that reads a calculated intermediate computed from CAP only.
WITH_INTERMEDIATE = MINI.replace(
    "[emission_sources]",
    """[[eligibility]]
number = 2
text = "Capacity of every unit is below 1000 kW."
check = "all(i, CAP_kW[i] < CAP_max)"
provenance = { status = "unverified", citation = "test fixture" }

[emission_sources]""",
).replace(
    "[parameters.RE]",
    """[parameters.CAP_kW]
symbol = "CAP_kW,i"
description = "Capacity of unit i in kW"
unit = "kW"
role = "calculated"
index = ["i"]
equation = 'convert(CAP[i], "kW")'

[parameters.CAP_max]
symbol = "CAP_max"
description = "Largest capacity allowed"
unit = "kW"
role = "default"
value = "1000"
provenance = { status = "unverified", citation = "test fixture" }

[parameters.RE]""",
)


@pytest.fixture
def mini():  # type: ignore[no-untyped-def]
    return parse_template(MINI, "mini.toml")


@pytest.fixture
def intermediate():  # type: ignore[no-untyped-def]
    return parse_template(WITH_INTERMEDIATE, "mini2.toml")


def test_analysis_knows_which_inputs_only_checks_read(mini, intermediate) -> None:  # type: ignore[no-untyped-def]
    assert analysis(mini).check_only == {"CAP"}
    # a default read only by a check is "check only" too, but it always has its value
    assert analysis(intermediate).check_only == {"CAP", "CAP_max"}
    assert analysis(intermediate).check_inputs[2] == {"CAP", "CAP_max"}


def test_missing_check_only_input_calculates_and_the_check_is_unknown(mini) -> None:  # type: ignore[no-untyped-def]
    inputs = inputs_from_mapping(mini, BASE)
    result = calculate(mini, inputs)
    # EC_RE = 100*6/4 + 50*5/4 = 212.5; RE = 212.5 * 0.5; PE = 150 * 0.5 (FORMAT example)
    assert (result.re, result.pe, result.er_rounded) == (Fraction("106.25"), 75, 31)
    assert result.missing == {"CAP"}
    assert "CAP" not in result.values
    assert all(inp.key != "CAP" for step in result.trace for inp in step.inputs)
    outcome = eligibility_outcomes(mini, inputs)[1]
    assert (outcome.status, outcome.missing, outcome.passed) == ("unknown", ("CAP",), None)
    assert check_eligibility(mini, inputs) == {1: None}


def test_partly_entered_check_only_input_is_unknown_too(mini) -> None:  # type: ignore[no-untyped-def]
    inputs = inputs_from_mapping(mini, {**BASE, "CAP": [{"i": "U-1", "value": "350"}]})
    assert calculate(mini, inputs).missing == {"CAP"}
    assert eligibility_outcomes(mini, inputs)[1].status == "unknown"


def test_given_check_only_input_is_checked_and_validated(mini) -> None:  # type: ignore[no-untyped-def]
    caps = [{"i": "U-1", "value": "350"}, {"i": "U-2", "value": "100"}]
    inputs = inputs_from_mapping(mini, {**BASE, "CAP": caps})
    assert calculate(mini, inputs).missing == frozenset()
    assert eligibility_outcomes(mini, inputs)[1].status == "met"
    low = {**BASE, "CAP": caps, "COP_PJ": [{"i": "U-1", "value": "5.9"}, BASE["COP_PJ"][1]]}
    assert eligibility_outcomes(mini, inputs_from_mapping(mini, low))[1].status == "not met"
    negative = [{"i": "U-1", "value": "-1"}, caps[1]]
    with pytest.raises(InputError, match="CAP"):
        calculate(mini, inputs_from_mapping(mini, {**BASE, "CAP": negative}))


def test_inputs_the_calculation_needs_are_still_required(mini) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError, match="COP_PJ.*missing project-specific value"):
        calculate(mini, inputs_from_mapping(mini, {"EC_PJ": BASE["EC_PJ"]}))


def test_check_only_intermediate_is_skipped_not_failed(intermediate) -> None:  # type: ignore[no-untyped-def]
    result = calculate(intermediate, inputs_from_mapping(intermediate, BASE))
    assert result.er_rounded == 31
    assert result.missing == {"CAP", "CAP_kW"}
    assert all(step.key != "CAP_kW" for step in result.trace)
    statuses = {
        n: o.status for n, o in eligibility_outcomes(intermediate, _inputs(intermediate)).items()
    }
    assert statuses == {1: "unknown", 2: "unknown"}
    # 350 USRt = 1230.9 kW > 1000 kW; the COP bands are met (6 >= 6, 5 >= 5)
    caps = [{"i": "U-1", "value": "350"}, {"i": "U-2", "value": "100"}]
    given = inputs_from_mapping(intermediate, {**BASE, "CAP": caps})
    assert {n: o.status for n, o in eligibility_outcomes(intermediate, given).items()} == {
        1: "met",
        2: "not met",
    }


def _inputs(template):  # type: ignore[no-untyped-def]
    return inputs_from_mapping(template, BASE)


def test_hob_project_without_capacity_calculates_and_checks_do_not_fail() -> None:
    """JCM_MN_AM002: the HOB capacity feeds only criterion 2's check (the request's case)."""
    template = load_registry().get("JCM_MN_AM002")
    assert "CAP_PJ" in analysis(template).check_only
    project = new_project_from_template(template)
    plan = project.monitoring_plan
    for row in plan.monitored:
        row.estimated_value = {"Q_heat": 12000, "EC_PJ": 30}.get(row.key)  # type: ignore[assignment]
    assert [r.key for r in plan.fixed_ex_ante] == ["CAP_PJ"]  # left empty
    inputs = inputs_from_project(project, template)
    result = calculate(template, inputs)
    assert result.missing == {"CAP_PJ"} and result.er > 0
    outcomes = eligibility_outcomes(template, inputs)
    assert {o.status for o in outcomes.values()} == {"no check", "unknown"}
    codes = {d.code for d in run_checks(project, template=template)}
    assert "eligibility.check-failed" not in codes
    plan.fixed_ex_ante[0].value = 5  # type: ignore[assignment]  # above the 3.15 MW band
    codes = {d.code for d in run_checks(project, template=template)}
    assert "eligibility.check-failed" in codes


def test_calc_file_without_the_check_only_units(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    """The request's case: `jcm-pdd calc` on MN_AM002 without P_HOB,i (and so without any HOB
    listed, since only the capacity is per HOB) calculates; the check is unknown, not met."""
    from jcm_pdd.cli import main

    template = load_registry().get("JCM_MN_AM002")
    inputs = inputs_from_mapping(template, {"Q_heat": "12000", "EC_PJ": "30"})
    assert inputs.members == {}
    result = calculate(template, inputs)
    assert result.missing == {"CAP_PJ"}
    assert eligibility_outcomes(template, inputs)[2].status == "unknown"  # never vacuously met
    calc = tmp_path / "hob.toml"
    calc.write_text(
        'methodology = "JCM_MN_AM002"\n[inputs]\nQ_heat = "12000"\nEC_PJ = "30"\n', "utf-8"
    )
    assert main(["calc", str(calc)]) == 0
    assert "not needed for RE/PE/ER: P_HOB,i (CAP_PJ)" in capsys.readouterr().out


def test_sets_needed_by_the_calculation_must_still_have_members(mini) -> None:  # type: ignore[no-untyped-def]
    assert analysis(mini).needed_sets == {"i"}
    with pytest.raises(InputError, match="no Unit \\(index set i\\) is listed"):
        calculate(mini, inputs_from_mapping(mini, {}))
