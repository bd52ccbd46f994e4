"""Shared builders for the checks tests: a complete MN_AM003 project and diagnostic helpers.

A module of its own (not conftest) so that test folders never shadow each other's helpers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from decimal import Decimal

from jcm_pdd.checks import CheckContext, Diagnostic
from jcm_pdd.methodology import Template, load_registry, new_project_from_template
from jcm_pdd.model import (
    AttachmentRecord,
    Entity,
    Participant,
    Project,
    Revision,
    Signatory,
    Site,
    StakeholderComment,
)

TODAY = dt.date(2026, 11, 25)
FIGURE_SHA = "ab" * 32


def mn_template() -> Template:
    return load_registry().get("JCM_MN_AM003", "02.0")


def complete_project() -> Project:
    """A Mongolian solar PV project with every required field filled (no error diagnostics)."""
    project = new_project_from_template(mn_template(), "MN")
    project.rule_set.pdd_form_version = "03.0"
    project.rule_set.moc_form_version = "02.0"
    pdd = project.pdd
    pdd.title = "Rooftop solar PV in Ulaanbaatar"
    pdd.description = "Installation of a 1 MW rooftop PV system displacing grid electricity."
    pdd.sites = [
        Site(id="S1", country="Mongolia", region="Ulaanbaatar", city="Ulaanbaatar",
             latitude=Decimal("47.9184"), longitude=Decimal("106.9177")),
    ]  # fmt: skip
    pdd.participants = [
        Participant(country="Mongolia", name="Khangai Solar LLC"),
        Participant(country="Japan", name="Sakura Energy Co., Ltd."),
    ]
    pdd.duration.start_date = dt.date(2026, 1, 1)
    pdd.duration.operational_lifetime_years = 17
    pdd.contribution_from_japan = "Financial support through the JCM Model Projects."
    for entry in pdd.eligibility:
        entry.project_information = f"Met: evidence for criterion {entry.number}."
    pdd.figure_attachment = FIGURE_SHA
    project.attachments = [
        AttachmentRecord(sha256=FIGURE_SHA, name="figure.png", media_type="image/png",
                         supports_field="pdd.figure_attachment"),
    ]  # fmt: skip
    pdd.environmental_impact.legally_required = False
    pdd.environmental_impact.explanation = "Not required for rooftop PV under Mongolian law."
    pdd.stakeholder_solicitation = "A meeting was held with the building owners."
    pdd.stakeholder_comments = [
        StakeholderComment(stakeholder="Residents", comment="None", consideration="-")
    ]
    pdd.revisions = [Revision(version="01.0", date=dt.date(2026, 3, 1), contents="First edition")]
    plan = project.monitoring_plan
    for row in plan.monitored:
        row.estimated_value = Decimal("1450.5")
    for selection in plan.default_selections:
        selection.choice = "national_grid"
    for role in plan.structure:
        role.responsible = "Monitoring manager"
        role.organisation = "Khangai Solar LLC"
    moc = project.moc
    moc.date_of_submission = dt.date(2026, 4, 1)
    moc.focal_point = Entity(
        name="Sakura Energy Co., Ltd.",
        address="1-1 Marunouchi, Tokyo",
        primary_signatory=Signatory(name="Taro Sato", title="Director", email="t@example.jp"),
        alternate_signatory=Signatory(name="Hanako Ito", title="Manager", email="h@example.jp"),
    )
    moc.focal_point_changing_name = False
    moc.focal_point_is_participant = True
    moc.same_signatories_as_participant = True
    moc.tpe_name = "Example TPE"
    moc.other_participants = [
        Entity(
            name="Khangai Solar LLC",
            address="Ulaanbaatar",
            primary_signatory=Signatory(name="Bat Erdene", title="CEO", email="b@example.mn"),
        )
    ]
    return project


ContextFactory = Callable[..., CheckContext]


def codes(diagnostics: Iterable[Diagnostic]) -> list[str]:
    return [d.code for d in diagnostics]


def by_code(diagnostics: Iterable[Diagnostic], code: str) -> list[Diagnostic]:
    return [d for d in diagnostics if d.code == code]
