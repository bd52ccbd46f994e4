"""The C.3 total rule, and run_checks: resolution, de-duplication, placement, ordering."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from check_support import TODAY, ContextFactory, codes, complete_project, mn_template

from jcm_pdd.checks import CATALOG, Severity, run_checks
from jcm_pdd.checks.calc_rules import c3_totals
from jcm_pdd.methodology import estimate_project


def test_c3_total_must_be_the_sum_of_the_years(
    context: ContextFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = complete_project()
    estimate = estimate_project(project, mn_template())
    real = estimate.c3
    typed = replace(real.total, emission_reductions=real.total.emission_reductions + 1)
    # A table whose total row was typed by hand (an import, a stale copy).
    monkeypatch.setattr(type(estimate), "c3", property(lambda _self: replace(real, total=typed)))
    found = list(c3_totals(context(project, estimate=estimate)))
    assert codes(found) == ["calc.total"]
    shown = f"{typed.emission_reductions:,}".replace(",", "")
    assert shown in found[0].message.replace(",", "")
    monkeypatch.undo()
    assert list(c3_totals(context(project, estimate=estimate))) == []


def test_the_engine_estimate_passes_the_total_rule(context: ContextFactory) -> None:
    project = complete_project()
    estimate = estimate_project(project, mn_template())
    assert [y.year for y in estimate.years] == list(range(2026, 2043))  # 17 whole years
    assert list(c3_totals(context(project, estimate=estimate))) == []


def test_run_checks_resolves_the_template_from_b1() -> None:
    project = complete_project()
    project.monitoring_plan.monitored[0].option = "A"
    assert "monitoring.option-not-allowed" in codes(run_checks(project, today=TODAY))
    assert "monitoring.option-not-allowed" not in codes(
        run_checks(project, today=TODAY, resolve=False)
    )


def test_unknown_methodology_is_reported_once() -> None:
    project = complete_project()
    project.pdd.methodology.methodology_id = "JCM_MN_AM999"
    found = [d for d in run_checks(project, today=TODAY) if d.code.startswith("methodology")]
    assert codes(found) == ["methodology.template-missing"]
    assert "JCM_MN_AM999" in found[0].message


def test_calculation_problem_is_explained_when_nothing_else_is_wrong() -> None:
    project = complete_project()
    selection = project.monitoring_plan.default_selections[0]
    selection.override_value = Decimal("-0.5")  # the engine refuses negative factors
    selection.override_reason = "typing error"
    found = run_checks(project, today=TODAY)
    assert codes(found) == ["calc.error", "defaults.overridden"]
    # an error: the figures a final export and a package need cannot be calculated
    assert found[0].severity is Severity.ERROR and "negative" in found[0].message
    assert found[0].location == "monitoring_plan.default_selections.0.override_value"


def test_calculation_problem_is_not_repeated_when_errors_explain_it() -> None:
    project = complete_project()
    project.monitoring_plan.monitored[0].estimated_value = None
    found = run_checks(project, today=TODAY)
    assert codes(found) == ["monitoring.estimate"]


def test_errors_come_first_then_warnings_then_infos_in_form_order() -> None:
    project = complete_project()
    project.pdd.title = ""
    project.moc.tpe_name = ""
    project.moc.focal_point.alternate_signatory.name = ""
    project.pdd.sites[0].country = "Mongolai"
    found = run_checks(project, today=TODAY)
    ranks = [d.severity.rank for d in found]
    assert ranks == sorted(ranks)
    errors = [(d.form_type, d.section) for d in found if d.severity is Severity.ERROR]
    assert errors == [("PDD", "A.1"), ("MoC", "3")]
    warnings = [(d.code, d.section) for d in found if d.severity is Severity.WARNING]
    assert warnings == [("geo.unknown-country", "A.3"), ("moc.alternate-signatory", "2.alternate")]


def test_country_without_forms_is_told_which_forms_are_used() -> None:
    project = complete_project()
    project.rule_set.partner_country = "PW"
    found = run_checks(project, today=TODAY, resolve=False)
    infos = [d for d in found if d.code == "forms.fallback"]
    assert len(infos) == 1 and "MN forms" in infos[0].message


def test_form_version_not_installed_is_a_warning() -> None:
    project = complete_project()
    project.rule_set.pdd_form_version = "01.0"
    found = [d for d in run_checks(project, today=TODAY) if d.code == "forms.version"]
    assert [d.location for d in found] == ["rule_set.pdd_form_version"]


def test_every_diagnostic_code_has_a_catalog_entry_with_its_severity() -> None:
    project = complete_project()
    project.pdd.title = ""
    project.pdd.sites[0].country = "Mongolai"
    for diagnostic in run_checks(project, today=TODAY):
        assert CATALOG[diagnostic.code].severity is diagnostic.severity


def test_the_catalog_lists_exactly_the_codes_the_rules_can_emit() -> None:
    """No rule emits an uncatalogued code, and no catalogue entry is dead."""
    import re
    from pathlib import Path

    import jcm_pdd.checks as checks

    prefixes = {code.split(".")[0] for code in CATALOG}
    emitted: set[str] = set()
    # the monitoring periods' rules live with the rest of jcm_pdd.monitoring
    periods = Path(checks.__file__).parent.parent / "monitoring" / "diagnostics.py"
    for module in [*Path(checks.__file__).parent.glob("*.py"), periods]:
        if module.name == "diagnostic.py":  # the catalogue itself
            continue
        for code in re.findall(r'"([a-z]+\.[a-z-]+)"', module.read_text(encoding="utf-8")):
            if code.split(".")[0] in prefixes:
                emitted.add(code)
    assert emitted == set(CATALOG)


def test_every_diagnostic_of_a_new_project_is_placed_in_the_navigator() -> None:
    """A fresh project from the wizard: each problem is one click from its field."""
    from jcm_pdd.methodology import new_project_from_template
    from jcm_pdd.model import Project

    for project in (Project(), new_project_from_template(mn_template())):
        found = run_checks(project, today=TODAY)
        assert found
        unplaced = [d.location for d in found if not (d.form_type and d.section)]
        assert unplaced == []


def test_a_broken_form_definition_is_a_diagnostic_not_a_crash(tmp_path: Path) -> None:
    import shutil

    from jcm_pdd.forms import load_forms
    from jcm_pdd.paths import forms_dir

    copy = tmp_path / "forms"
    shutil.copytree(forms_dir(), copy)
    pdd = copy / "MN" / "PDD_ver03.0.toml"
    pdd.write_text(pdd.read_text(encoding="utf-8").replace('base = "PDD"', 'base = "X"'))
    project = complete_project()
    project.pdd.sites[0].country = "Mongolai"
    found = run_checks(project, forms=load_forms(copy), today=TODAY)
    assert codes(found) == ["forms.unavailable", "geo.unknown-country"]
    assert "PDD_ver03.0.toml" in found[0].message
