"""Request R2: monitored parameters recorded for the monitoring plan that no equation uses.

``record_only = true`` exempts a monitored parameter from the unused-parameter lint; it gets an
MPS table 1 row, its value (optional for the calculation) is bounds-checked and listed with the
trace, and it never changes RE, PE or ER."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from methodology_fixtures import MINI

from jcm_pdd.cli import main
from jcm_pdd.methodology import (
    InputError,
    TemplateError,
    calculate,
    inputs_from_mapping,
    inputs_from_project,
    load_registry,
    new_project_from_template,
    parse_template,
    period_to_dict,
)

DAYS = """[parameters.DAYS]
symbol = "D_p"
description = "Number of days in the period"
unit = "d"
role = "monitored"
record_only = true
options = ["C"]
default_option = "C"
provenance = { status = "unverified", citation = "test fixture" }

[parameters.RE]"""
RECORDED = MINI.replace("[parameters.RE]", DAYS, 1)
BASE = {
    "EC_PJ": [{"i": "U-1", "value": "100"}, {"i": "U-2", "value": "50"}],
    "COP_PJ": [{"i": "U-1", "value": "6"}, {"i": "U-2", "value": "5"}],
}


@pytest.fixture
def template():  # type: ignore[no-untyped-def]
    return parse_template(RECORDED, "recorded.toml")


def test_unused_monitored_parameter_is_an_error_unless_record_only() -> None:
    with pytest.raises(TemplateError, match="DAYS.*unused parameter"):
        parse_template(RECORDED.replace("record_only = true\n", ""), "x.toml")


def test_record_only_parameter_used_by_an_equation_is_an_error() -> None:
    used = RECORDED.replace(
        'equation = "sum(i, EC_PJ[i] * EF)"', 'equation = "sum(i, EC_PJ[i] * EF) * DAYS / DAYS"'
    )
    with pytest.raises(TemplateError, match="DAYS.*record_only parameter is used"):
        parse_template(used, "x.toml")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ('role = "monitored"\nrecord_only', "only monitored parameters can be record_only"),
        (
            'provenance = { status = "unverified", citation = "test fixture" }\n\n[parameters.RE]',
            "needs a provenance",
        ),
    ],
)
def test_record_only_needs_monitored_role_and_provenance(change: str, message: str) -> None:
    if change.startswith("role"):
        text = RECORDED.replace(
            'role = "monitored"\nrecord_only', 'role = "fixed_ex_ante"\nrecord_only'
        )
    else:
        text = RECORDED.replace(change, "[parameters.RE]")
    with pytest.raises(TemplateError, match=message):
        parse_template(text, "x.toml")


def test_recorded_value_is_listed_and_changes_nothing(template) -> None:  # type: ignore[no-untyped-def]
    without = calculate(template, inputs_from_mapping(template, BASE))
    assert without.missing == {"CAP", "DAYS"} and without.recorded == []
    given = calculate(template, inputs_from_mapping(template, {**BASE, "DAYS": "365"}))
    assert (given.re, given.pe, given.er) == (without.re, without.pe, without.er)
    assert [(i.key, i.value, i.unit, i.source.label) for i in given.recorded] == [
        ("DAYS", Fraction(365), "d", "entered")
    ]
    assert period_to_dict(given)["recorded"][0]["value"] == {"value": "365", "exact": "365"}
    with pytest.raises(InputError, match="D_p \\(DAYS\\) must not be negative"):
        calculate(template, inputs_from_mapping(template, {**BASE, "DAYS": "-1"}))


@pytest.mark.parametrize(
    ("template_id", "key"),
    [("JCM_MM_AM005", "D_days"), ("JCM_ID_AM002", "EI_grid"), ("JCM_ID_AM020", "D_open")],
)
def test_shipped_record_only_parameters_reach_the_monitoring_plan(
    template_id: str, key: str
) -> None:
    template = load_registry().get(template_id)
    param = template.parameters[key]
    assert param.record_only and param.role == "monitored"
    assert param.provenance is not None and "Not read" in param.provenance.note
    project = new_project_from_template(template)
    rows = [r for r in project.monitoring_plan.monitored if r.key == key]
    assert len(rows) == 1 and rows[0].symbol == param.symbol
    # an empty record-only row does not stop the calculation ...
    for row in project.monitoring_plan.monitored:
        if row.key != key:
            row.estimated_value = Decimal("10")
    for row in project.monitoring_plan.fixed_ex_ante:
        row.value = Decimal("2")
    for selection in project.monitoring_plan.default_selections:
        # the last choice is a valued one in every shipped template (e.g. captive diesel)
        selection.choice = selection.choice or template.parameters[selection.key].choices[-1].name
    empty = calculate(template, inputs_from_project(project, template))
    assert key in empty.missing
    # ... and a filled one is listed, with the same result
    rows[0].estimated_value = Decimal("300")
    filled = calculate(template, inputs_from_project(project, template))
    assert filled.er == empty.er
    assert [i.key for i in filled.recorded] == [key]
    assert filled.recorded[0].source.where.startswith("monitoring_plan.monitored.")


def test_templates_show_marks_record_only(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["templates", "show", "JCM_MM_AM005"]) == 0
    assert "recorded only (used by no equation)" in capsys.readouterr().out
