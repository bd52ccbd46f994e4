"""Rules that need the methodology template (real JCM_MN_AM003 ver02.0, or edited copies)."""

from __future__ import annotations

from decimal import Decimal

from check_support import ContextFactory, codes, complete_project, mn_template

from jcm_pdd.checks.template_rules import default_values, eligibility, identity, monitoring_rows
from jcm_pdd.methodology import Template
from jcm_pdd.model import DefaultSelection, EligibilityEntry, IndexMember, MonitoredParameter


def _edited(update: dict[str, object]) -> Template:
    """A deep copy of MN_AM003 with identity fields replaced (the shipped one stays intact)."""
    template = mn_template().model_copy(deep=True)
    for name, value in update.items():
        setattr(template.identity, name, value)
    return template


def test_matching_template_passes_every_template_rule(context: ContextFactory) -> None:
    ctx = context(complete_project(), template=mn_template(), eligibility_results={1: None})
    for rule in (identity, eligibility, monitoring_rows, default_values):
        assert list(rule(ctx)) == [], rule.__name__


def test_b1_naming_another_methodology_or_version(context: ContextFactory) -> None:
    project = complete_project()
    project.pdd.methodology.version = "01.0"
    found = list(identity(context(project, template=mn_template())))
    assert codes(found) == ["methodology.mismatch"]
    assert found[0].location == "pdd.methodology.version"
    project.pdd.methodology.version = "ver02.0"  # the printed form is accepted
    project.pdd.methodology.methodology_id = "MN_AM003"  # so is the short id
    assert list(identity(context(project, template=mn_template()))) == []


def test_superseded_methodology_version_is_an_error(context: ContextFactory) -> None:
    found = list(identity(context(complete_project(), template=_edited({"status": "superseded"}))))
    assert codes(found) == ["methodology.status"]
    assert "superseded" in found[0].message


def test_template_host_country_must_be_the_partner_country(context: ContextFactory) -> None:
    project = complete_project()
    project.rule_set.partner_country = "TH"
    found = list(identity(context(project, template=mn_template())))
    assert codes(found) == ["methodology.host-country"]


def test_b2_must_list_the_methodology_criteria(context: ContextFactory) -> None:
    project = complete_project()
    del project.pdd.eligibility[2]
    project.pdd.eligibility.append(
        EligibilityEntry(number=7, criterion="?", project_information="x")
    )
    found = list(eligibility(context(project, template=mn_template())))
    assert codes(found) == ["eligibility.criteria", "eligibility.criteria"]
    assert "criterion 3" in found[0].message and found[1].location == "pdd.eligibility.2.number"


def test_failed_machine_check_points_at_the_criterion(context: ContextFactory) -> None:
    ctx = context(complete_project(), template=mn_template(), eligibility_results={2: False})
    found = list(eligibility(ctx))
    assert codes(found) == ["eligibility.check-failed"]
    assert found[0].location == "pdd.eligibility.1.project_information"
    ctx = context(complete_project(), template=mn_template(), eligibility_results={2: True})
    assert list(eligibility(ctx)) == []


def test_every_unit_needs_its_monitoring_row(context: ContextFactory) -> None:
    project = complete_project()
    project.monitoring_plan.index_members.append(IndexMember(set="i", id="PV-2", site_id="S1"))
    found = list(monitoring_rows(context(project, template=mn_template())))
    assert codes(found) == ["monitoring.parameter-missing"]
    assert "EG_i,p [i = PV-2]" in found[0].message
    row = project.monitoring_plan.monitored[0].model_copy(update={"index": {"i": "PV-2"}})
    project.monitoring_plan.monitored.append(row)
    assert list(monitoring_rows(context(project, template=mn_template()))) == []


def test_row_for_a_parameter_the_methodology_lacks(context: ContextFactory) -> None:
    project = complete_project()
    project.monitoring_plan.monitored.append(
        MonitoredParameter(key="EF_RE", symbol="EF_RE,i", index={"i": "PV-1"})
    )
    found = list(monitoring_rows(context(project, template=mn_template())))
    assert codes(found) == ["monitoring.parameter-unknown"]
    assert found[0].location == "monitoring_plan.monitored.1.symbol"


def test_option_must_be_chosen_and_allowed(context: ContextFactory) -> None:
    project = complete_project()
    project.monitoring_plan.monitored[0].option = None
    found = list(monitoring_rows(context(project, template=mn_template())))
    assert codes(found) == ["monitoring.option-missing"]
    project.monitoring_plan.monitored[0].option = "B"
    found = list(monitoring_rows(context(project, template=mn_template())))
    assert codes(found) == ["monitoring.option-not-allowed"]
    assert "allows only Option C" in found[0].message


def test_default_case_must_be_chosen_and_known(context: ContextFactory) -> None:
    project = complete_project()
    selection = project.monitoring_plan.default_selections[0]
    selection.choice = ""
    found = list(default_values(context(project, template=mn_template())))
    assert codes(found) == ["monitoring.choice-unknown"]
    assert "choose which case" in found[0].message
    selection.choice = "hydro"
    (found_one,) = default_values(context(project, template=mn_template()))
    assert found_one.code == "monitoring.choice-unknown" and "'hydro'" in found_one.message


def test_missing_selection_row_is_reported_at_the_table(context: ContextFactory) -> None:
    project = complete_project()
    project.monitoring_plan.default_selections = []
    found = list(default_values(context(project, template=mn_template())))
    assert [(d.code, d.location) for d in found] == [
        ("monitoring.choice-unknown", "monitoring_plan.default_selections")
    ]


def test_unverified_default_in_use_is_flagged_for_the_validator(context: ContextFactory) -> None:
    template = mn_template().model_copy(deep=True)
    choice = template.parameters["EF_RE"].choices[0]
    choice.provenance = choice.provenance.model_copy(update={"status": "unverified", "tag": None})
    found = list(default_values(context(complete_project(), template=template)))
    assert codes(found) == ["defaults.unverified"]
    assert found[0].severity == "warning"
    assert "0.797" in found[0].message and "not confirm" in found[0].message


def test_overridden_default_is_an_info(context: ContextFactory) -> None:
    project = complete_project()
    project.monitoring_plan.default_selections[0] = DefaultSelection(
        key="EF_RE", index={"i": "PV-1"}, override_value=Decimal("0.6"), override_reason="why"
    )
    found = list(default_values(context(project, template=mn_template())))
    assert codes(found) == ["defaults.overridden"]
    assert found[0].severity == "info"


def test_machine_eligibility_check_is_evaluated_from_the_monitoring_plan() -> None:
    """End to end through the engine: JCM_ID_AM002 checks COP_PJ,i >= 6.0 (criterion 2)."""
    from jcm_pdd.checks import run_checks
    from jcm_pdd.methodology import load_registry, new_project_from_template

    template = load_registry().get("JCM_ID_AM002")
    project = new_project_from_template(template)
    values = {"COP_PJ": "5.5", "T_cool_out": "37", "T_chill_out": "7", "COP_RE": "4.9"}
    for row in project.monitoring_plan.fixed_ex_ante:
        row.value = Decimal(values[row.key])
    project.monitoring_plan.monitored[0].estimated_value = Decimal("350")
    project.monitoring_plan.default_selections[0].choice = "jamali_case1"
    failed = [d for d in run_checks(project) if d.code == "eligibility.check-failed"]
    numbers = [c.number for c in template.eligibility if c.check and "COP_PJ" in c.check]
    assert [d.params["criterion"] for d in failed] == [str(n) for n in numbers]
    assert "COP_PJ,i >= 6.0" in failed[0].message
    project.monitoring_plan.fixed_ex_ante[0].value = Decimal("6.2")
    assert not [d for d in run_checks(project) if d.code == "eligibility.check-failed"]


def test_draft_default_in_use_is_an_info(context: ContextFactory) -> None:
    template = mn_template().model_copy(deep=True)
    choice = template.parameters["EF_RE"].choices[0]
    choice.provenance = choice.provenance.model_copy(update={"status": "draft", "tag": None})
    found = list(default_values(context(complete_project(), template=template)))
    assert codes(found) == ["defaults.draft"]
    assert found[0].severity == "info"


def test_override_of_a_fixed_default_is_refused(context: ContextFactory) -> None:
    template = mn_template().model_copy(deep=True)
    template.parameters["EF_RE"].allow_override = False
    project = complete_project()
    project.monitoring_plan.default_selections[0] = DefaultSelection(
        key="EF_RE", index={"i": "PV-1"}, override_value=Decimal("0.6"), override_reason="why"
    )
    found = list(default_values(context(project, template=template)))
    assert codes(found) == ["monitoring.override-not-allowed"]
    assert found[0].location == "monitoring_plan.default_selections.0.override_value"
