"""The wizard's headless part: a new project carries the country's form versions and units."""

from __future__ import annotations

from decimal import Decimal

from jcm_pdd.checks import run_checks
from jcm_pdd.session.newproject import SiteEntry, for_country, new_project


def test_new_project_has_form_versions_and_one_unit_per_site() -> None:
    choice = next(m for m in for_country("MN") if m.id == "JCM_MN_AM003")
    sites = [
        SiteEntry("S1", city="Darkhan", latitude=Decimal("49.48"), longitude=Decimal("105.96")),
        SiteEntry("S2", city="Ulaanbaatar", units=2),
    ]
    project = new_project("MN", choice, sites)
    assert project.rule_set.pdd_form_version and project.rule_set.moc_form_version
    assert [m.id for m in project.monitoring_plan.index_members] == ["S1-1", "S2-1", "S2-2"]
    assert [r.monitoring_point for r in project.monitoring_plan.monitored] == ["(1)", "(2)", "(3)"]
    # A fresh project is incomplete, but never for want of the form versions it was made with.
    locations = {d.location for d in run_checks(project)}
    assert not {"rule_set.pdd_form_version", "rule_set.moc_form_version"} & locations


def test_the_sites_country_is_written_as_the_form_prints_it() -> None:
    """A.3 prints the country as stored: the wizard stores the name, never the code."""
    choice = next(m for m in for_country("PH") if m.id == "JCM_PH_AM001")
    project = new_project("PH", choice, [SiteEntry("S1", city="Laguna")])
    assert [s.country for s in project.pdd.sites] == ["Philippines"]
    assert not [d for d in run_checks(project) if d.location.startswith("pdd.sites.0.country")]


def test_a4_starts_with_a_row_for_the_partner_country_and_one_for_japan() -> None:
    """The person fills in the names; the diagnostics point at each name, not at a table."""
    choice = next(m for m in for_country("PH") if m.id == "JCM_PH_AM001")
    project = new_project("PH", choice, [SiteEntry("S1", city="Laguna")])
    assert [(p.country, p.name) for p in project.pdd.participants] == [
        ("Philippines", ""),
        ("Japan", ""),
    ]
    locations = {d.location for d in run_checks(project)}
    assert {"pdd.participants.0.name", "pdd.participants.1.name"} <= locations
    assert "pdd.participants" not in locations  # no "needs at least 2 rows"
