"""Monitoring Plan rows without a template: estimate, source, methods, frequency, overrides."""

from __future__ import annotations

from decimal import Decimal

import pytest
from check_support import ContextFactory, codes, complete_project

from jcm_pdd.checks import run_checks
from jcm_pdd.checks.monitoring import monitored_rows, override_reasons


def test_complete_rows_pass(context: ContextFactory) -> None:
    project = complete_project()
    assert list(monitored_rows(context(project))) == []
    assert list(override_reasons(context(project))) == []


@pytest.mark.parametrize(
    ("attribute", "code"),
    [
        ("estimated_value", "monitoring.estimate"),
        ("source_of_data", "monitoring.source"),
        ("measurement_methods", "monitoring.methods"),
        ("frequency", "monitoring.frequency"),
    ],
)
def test_each_missing_column_is_named(context: ContextFactory, attribute: str, code: str) -> None:
    project = complete_project()
    setattr(
        project.monitoring_plan.monitored[0],
        attribute,
        None if attribute == "estimated_value" else "",
    )
    found = list(monitored_rows(context(project)))
    assert codes(found) == [code]
    assert found[0].location == f"monitoring_plan.monitored.0.{attribute}"
    assert "EG_i,p [i = PV-1]" in found[0].message


def test_specific_message_replaces_the_generic_required_cell() -> None:
    project = complete_project()
    project.monitoring_plan.monitored[0].source_of_data = ""
    found = [d for d in run_checks(project) if d.location.endswith("source_of_data")]
    assert codes(found) == ["monitoring.source"]
    assert (found[0].form_type, found[0].section) == ("MPS", "T1")


def test_an_override_needs_a_reason(context: ContextFactory) -> None:
    project = complete_project()
    selection = project.monitoring_plan.default_selections[0]
    selection.override_value = Decimal("0.6")
    found = list(override_reasons(context(project)))
    assert codes(found) == ["monitoring.override-reason"]
    assert found[0].location == "monitoring_plan.default_selections.0.override_reason"
    selection.override_reason = "Measured EF of the captive diesel generator"
    assert list(override_reasons(context(project))) == []


def test_units_sit_at_listed_sites_and_are_unique(context: ContextFactory) -> None:
    from jcm_pdd.checks.monitoring import units_and_points
    from jcm_pdd.model import IndexMember

    project = complete_project()
    project.monitoring_plan.index_members[0].site_id = "S1"
    assert list(units_and_points(context(project))) == []
    project.monitoring_plan.index_members[0].site_id = "S9"
    project.monitoring_plan.index_members.append(IndexMember(set="i", id="PV-1"))
    found = list(units_and_points(context(project)))
    assert codes(found) == ["monitoring.unit-site", "monitoring.unit-duplicate"]
    assert found[1].location == "monitoring_plan.index_members.1.id"


def test_monitoring_point_numbers_are_unique(context: ContextFactory) -> None:
    from jcm_pdd.checks.monitoring import units_and_points

    project = complete_project()
    row = project.monitoring_plan.monitored[0]
    project.monitoring_plan.monitored.append(row.model_copy(update={"index": {"i": "PV-2"}}))
    found = list(units_and_points(context(project)))
    assert codes(found) == ["monitoring.point-duplicate"]
    assert found[0].location == "monitoring_plan.monitored.1.monitoring_point"
    project.monitoring_plan.monitored[1].monitoring_point = "(2)"
    assert list(units_and_points(context(project))) == []
