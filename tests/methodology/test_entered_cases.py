"""Request R1: a case of a default whose value the project enters (``entered = true``).

Selecting it needs a value and its source per member; the trace says "entered (case grid)",
never "overridden". The PV templates of TH, KE, KH and MM use it for the grid case."""

from __future__ import annotations

import tomllib
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from methodology_fixtures import MINI

from jcm_pdd.checks import run_checks
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
from jcm_pdd.model import DefaultSelection

ENTERED = MINI.replace(
    '''[[parameters.EF.choices]]
name = "captive"''',
    '''[[parameters.EF.choices]]
name = "national"
label = "National grid (value from the additional information)"
entered = true
rule = "grid-connected units"
provenance = { status = "unverified", citation = "test fixture" }

[[parameters.EF.choices]]
name = "captive"''',
)
BASE = {
    "EC_PJ": [{"i": "U-1", "value": "100"}, {"i": "U-2", "value": "50"}],
    "COP_PJ": [{"i": "U-1", "value": "6"}, {"i": "U-2", "value": "5"}],
}


@pytest.fixture
def template():  # type: ignore[no-untyped-def]
    return parse_template(ENTERED, "entered.toml")


def test_entered_case_takes_no_value_and_a_normal_case_needs_one() -> None:
    both = ENTERED.replace("entered = true", 'entered = true\nvalue = "0.6"')
    with pytest.raises(TemplateError, match="entered = true takes no value"):
        parse_template(both, "both.toml")
    neither = ENTERED.replace("entered = true\n", "")
    with pytest.raises(TemplateError, match="needs a value"):
        parse_template(neither, "neither.toml")


def test_selected_entered_case_uses_the_value_and_says_entered(template) -> None:  # type: ignore[no-untyped-def]
    ef = {"choice": "national", "value": "0.6", "source": "Additional information, table 1"}
    result = calculate(template, inputs_from_mapping(template, {**BASE, "EF": ef}))
    # PE = (100 + 50) MWh x 0.6 = 90; RE = 212.5 MWh x 0.6 = 127.5
    assert (result.pe, result.re) == (90, Fraction("127.5"))
    source = result.sources[("EF", ())]
    assert (source.origin, source.choice, source.citation) == (
        "entered",
        "national",
        "Additional information, table 1",
    )
    assert source.label == "entered (case national)"
    assert not result.has_overrides
    assert source.status is None  # the entered value is no methodology default
    labels = {i.source.label for step in result.trace for i in step.inputs if i.key == "EF"}
    assert labels == {"entered (case national)"}
    listed = period_to_dict(result)["trace"]
    assert any(i["provenance"] == "entered (case national)" for s in listed for i in s["inputs"])


def test_entered_case_needs_value_and_source(template) -> None:  # type: ignore[no-untyped-def]
    no_value = inputs_from_mapping(template, {**BASE, "EF": {"choice": "national"}})
    with pytest.raises(InputError, match="case national .*enter the value \\[tCO2/MWh\\]"):
        calculate(template, no_value)
    no_source = inputs_from_mapping(template, {**BASE, "EF": {"choice": "national", "value": "1"}})
    with pytest.raises(InputError, match="give the source"):
        calculate(template, no_source)


def test_value_goes_only_with_an_entered_case(template) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError, match="only with a case whose value the project enters"):
        inputs_from_mapping(template, {**BASE, "EF": {"choice": "captive", "value": "1"}})
    with pytest.raises(InputError, match="source goes only with an entered case"):
        inputs_from_mapping(
            template, {**BASE, "EC_PJ": [{"i": "U-1", "value": "1", "source": "x"}]}
        )


def test_override_of_a_valued_case_still_says_overridden(template) -> None:  # type: ignore[no-untyped-def]
    ef = {"choice": "captive", "override": "0.6", "reason": "measured"}
    result = calculate(template, inputs_from_mapping(template, {**BASE, "EF": ef}))
    assert result.sources[("EF", ())].label == "overridden" and result.has_overrides


def test_provenance_items_describe_the_entered_case_by_its_rule(template) -> None:  # type: ignore[no-untyped-def]
    labels = [label for label, _ in template.provenance_items()]
    assert "EF: case national, value entered by the project" in labels
    assert "EF = 0.533 (captive)" in labels


@pytest.mark.parametrize(
    "template_id", ["JCM_TH_AM001", "JCM_KE_AM002", "JCM_KH_AM002", "JCM_MM_AM005"]
)
def test_pv_and_whr_templates_enter_the_grid_case_instead_of_overriding(template_id: str) -> None:
    template = load_registry().get(template_id)
    grid = next(c for c in template.parameters["EF_RE"].choices if c.name == "grid")
    assert grid.entered and grid.value is None
    examples = tomllib.loads(Path(template.path).read_text(encoding="utf-8"))["examples"]
    for example in examples:
        rows = example["inputs"].get("EF_RE", [])
        for row in rows if isinstance(rows, list) else [rows]:
            assert "override" not in row  # the workaround is gone
    assert any("grid" in str(e["inputs"].get("EF_RE")) for e in examples)


def test_project_selection_of_an_entered_case() -> None:
    """In a project, the selection row's value and reason fields carry the value and source."""
    template = load_registry().get("JCM_TH_AM001")
    project = new_project_from_template(template)
    plan = project.monitoring_plan
    plan.monitored[0].estimated_value = Decimal("837.6")
    plan.default_selections = [
        DefaultSelection(
            key="EF_RE",
            index={"i": "PV-1"},
            choice="grid",
            override_value=Decimal("0.5"),
            override_reason="TH_AM001 additional information (illustrative)",
        )
    ]
    result = calculate(template, inputs_from_project(project, template))
    assert result.re == Fraction("418.8")  # 837.6 MWh x 0.5
    source = result.sources[("EF_RE", ("PV-1",))]
    assert source.label == "entered (case grid)"
    assert source.where == "monitoring_plan.default_selections.0"
    codes = {d.code for d in run_checks(project, template=template)}
    assert "defaults.overridden" not in codes


def test_templates_show_marks_the_entered_case(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["templates", "show", "JCM_TH_AM001"]) == 0
    out = capsys.readouterr().out
    assert "choice grid = (value entered by the project, with its source)" in out


def test_calc_trace_names_the_entered_case(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    calc = tmp_path / "th.toml"
    calc.write_text(
        'methodology = "JCM_TH_AM001"\n[inputs]\n'
        'EG = [{ i = "PV-1", value = "837.6" }]\n'
        'EF_RE = [{ i = "PV-1", choice = "grid", value = "0.5", source = "additional info" }]\n',
        encoding="utf-8",
    )
    assert main(["calc", str(calc), "--trace"]) == 0
    out = capsys.readouterr().out
    assert "ER_p = 418.8  (rounded 418)" in out  # 837.6 MWh x 0.5
    assert "EF_RE,i[i=PV-1] entered (case grid)" in out and "overridden" not in out
    calc.write_text(calc.read_text().replace(', value = "0.5", source = "additional info"', ""))
    assert main(["calc", str(calc)]) == 1
    assert "case grid" in capsys.readouterr().err


def test_draft_inputs_leave_an_entered_case_blank(template) -> None:  # type: ignore[no-untyped-def]
    """The draft workbook's lenient resolution (jcm_pdd.export) shows a gap, not a crash."""
    from jcm_pdd.export.draft_inputs import lenient_resolve

    inputs = inputs_from_mapping(template, {**BASE, "EF": {"choice": "national"}})
    _, values, sources = lenient_resolve(template, inputs)
    assert values["EF"] is None and sources[("EF", ())].choice == "national"
    given = {"choice": "national", "value": "0.6", "source": "annex"}
    _, values, sources = lenient_resolve(
        template, inputs_from_mapping(template, {**BASE, "EF": given})
    )
    assert values["EF"] == Fraction("0.6")
    assert sources[("EF", ())].label == "entered (case national)"
    assert sources[("EF", ())].citation == "annex"
