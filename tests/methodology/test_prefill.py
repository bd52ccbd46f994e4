"""A new project pre-filled from a template: B.1, B.2, C.1, monitoring plan rows, MSS roles."""

from __future__ import annotations

from jcm_pdd.methodology import load_registry, new_project_from_template


def test_prefill_from_id_am003() -> None:
    template = load_registry().get("JCM_ID_AM003")
    project = new_project_from_template(template)
    assert project.rule_set.partner_country == "ID"
    assert (project.pdd.methodology.methodology_id, project.pdd.methodology.version) == (
        "JCM_ID_AM003",
        "01.0",
    )
    assert [e.number for e in project.pdd.eligibility] == [1, 2, 3]
    assert project.pdd.eligibility[0].criterion == template.eligibility[0].text
    assert all(e.project_information == "" for e in project.pdd.eligibility)
    assert (
        project.pdd.emission_sources.reference[0].source
        == "Power consumption of reference refrigerator"
    )
    assert project.pdd.emission_sources.reference[0].ghg_type == "CO2"
    plan = project.monitoring_plan
    assert [(m.set, m.id) for m in plan.index_members] == [("i", "R-1")]
    [mon] = plan.monitored
    assert (mon.key, mon.symbol, mon.unit, mon.option, mon.index) == (
        "EC_PJ",
        "EC_PJ,i,p",
        "MWh/p",
        "C",
        {"i": "R-1"},
    )
    assert mon.monitoring_point == "(1)" and mon.estimated_value is None
    # COP_RE is the project's own value (one PDD's 1.32 is not a methodology default)
    assert [(f.key, f.symbol, f.unit) for f in plan.fixed_ex_ante] == [
        ("COP_PJ", "COP_PJ,i", "-"),
        ("COP_RE", "COP_RE", "-"),
    ]
    assert [(d.key, d.choice) for d in plan.default_selections] == [("EF_elec", "jamali_2012")]
    assert len(plan.structure) >= 4 and all(r.role for r in plan.structure)


def test_prefilled_project_round_trips_through_json() -> None:
    from jcm_pdd.model import Project

    template = load_registry().get("JCM_MN_AM003")
    project = new_project_from_template(template, "mn")
    assert Project.model_validate_json(project.model_dump_json()) == project
    assert project.monitoring_plan.default_selections[0].choice == ""  # must be chosen per system
