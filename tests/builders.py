"""The one builder of a filled JCM_MN_AM003 project (Mongolia, solar PV) for every test folder.

A project starts as the new-project wizard makes it (``session.newproject``: the template's
prefill, the country's form versions, sites and one EG row and EF_RE choice per PV unit) and
is then filled. The defaults make the complete project of the checks tests (every required
field, no error diagnostics); a folder whose assertions rely on other values passes them (the
export tests' golden files, the package tests' figures, the GUI's half-filled project) instead
of keeping a builder of its own. Import it as ``from builders import ...``: tests/ is on
``sys.path`` through tests/conftest.py, so every folder (and no folder's conftest) provides it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from jcm_pdd.model import (
    AttachmentRecord,
    DefaultSelection,
    EligibilityEntry,
    EmissionSource,
    Entity,
    IndexMember,
    MonitoredParameter,
    Participant,
    Project,
    Revision,
    Signatory,
    Site,
    StakeholderComment,
    StructureRole,
)
from jcm_pdd.session import newproject

METHODOLOGY = "JCM_MN_AM003"
FIGURE_SHA = "ab" * 32  # a figure record without content (enough for the checks)

Sources = tuple[Sequence[tuple[str, str]], Sequence[tuple[str, str]]]  # reference, project
# The short emission sources of the export and package projects (not the template's wording).
GRID_SOURCES: Sources = ((("Grid electricity", "CO2"),), (("N/A", "N/A"),))
Answers = tuple[bool | None, bool | None, bool | None]


def site(
    id: str,  # noqa: A002 - the site's id, as the model names it
    city: str,
    region: str,
    latitude: str,
    longitude: str,
    country: str = "Mongolia",
) -> Site:
    return Site(
        id=id,
        country=country,
        region=region,
        city=city,
        latitude=Decimal(latitude),
        longitude=Decimal(longitude),
    )


def ulaanbaatar() -> Site:
    return site("S1", "Ulaanbaatar", "Ulaanbaatar", "47.9184", "106.9177")


def darkhan(city: str = "Darkhan") -> Site:
    return site("S1", city, "Darkhan-Uul", "49.4867", "105.9228")


def sukhbaatar() -> Site:
    return site("S2", "Sukhbaatar", "Selenge", "50.2314", "106.2078")


def entity(
    name: str, address: str, primary: Signatory, alternate: Signatory | None = None
) -> Entity:
    return Entity(
        name=name,
        address=address,
        primary_signatory=primary,
        alternate_signatory=alternate or Signatory(),
    )


SAKURA = entity(
    "Sakura Energy Co., Ltd.",
    "1-1 Marunouchi, Tokyo",
    Signatory(name="Taro Sato", title="Director", email="t@example.jp"),
    Signatory(name="Hanako Ito", title="Manager", email="h@example.jp"),
)
KHANGAI = entity(
    "Khangai Solar LLC",
    "Ulaanbaatar",
    Signatory(name="Bat Erdene", title="CEO", email="b@example.mn"),
)


@dataclass(frozen=True)
class Unit:
    """One PV system: an index member of set i, its EG_i,p row and its EF_RE,i choice."""

    id: str
    estimate: str | None = "1450.5"  # EG_i,p in MWh/p
    site_id: str = "S1"
    label: str | None = None  # None: the wizard's ("Solar PV system <id>")
    choice: str = "national_grid"
    row: Mapping[str, str] = field(default_factory=dict)  # EG row texts replacing the template's


def _wizard_project(sites: Sequence[Site]) -> Project:
    choice = next(m for m in newproject.for_country("MN") if m.id == METHODOLOGY)
    entries = [
        newproject.SiteEntry(s.id, s.city, s.region, s.latitude, s.longitude, 1) for s in sites
    ]
    project = newproject.new_project("MN", choice, entries)
    project.pdd.sites = [s.model_copy(deep=True) for s in sites]
    return project


def _set_units(project: Project, units: Sequence[Unit]) -> None:
    """The wizard's per-unit rows, re-made for ``units`` (ids, sites, estimates, choices)."""
    plan = project.monitoring_plan
    prefix = plan.index_members[0].label.rsplit(" ", 1)[0]  # "Solar PV system"
    row, selection = plan.monitored[0], plan.default_selections[0]
    plan.index_members = [
        IndexMember(set="i", id=u.id, label=u.label or f"{prefix} {u.id}", site_id=u.site_id)
        for u in units
    ]
    plan.monitored = [
        MonitoredParameter.model_validate(
            {
                **row.model_dump(),
                "monitoring_point": f"({n})",
                "index": {"i": u.id},
                "estimated_value": None if u.estimate is None else Decimal(u.estimate),
                **u.row,
            }
        )
        for n, u in enumerate(units, start=1)
    ]
    plan.default_selections = [
        DefaultSelection.model_validate(
            {**selection.model_dump(), "index": {"i": u.id}, "choice": u.choice}
        )
        for u in units
    ]


def filled_mn_am003(
    *,
    complete: bool = True,
    sites: Sequence[Site] | None = None,
    units: Sequence[Unit] = (Unit("PV-1", site_id=""),),
    title: str = "Rooftop solar PV in Ulaanbaatar",
    start: dt.date = dt.date(2026, 1, 1),
    lifetime: int = 17,
    # -- what ``complete`` fills ---------------------------------------------------------------
    reference_number: str = "",
    guidelines_version: str = "",
    methodology_version: str | None = None,  # None: the template's ("02.0")
    description: str = "Installation of a 1 MW rooftop PV system displacing grid electricity.",
    participants: Sequence[tuple[str, str]] = (
        ("Mongolia", "Khangai Solar LLC"),
        ("Japan", "Sakura Energy Co., Ltd."),
    ),
    contribution: str = "Financial support through the JCM Model Projects.",
    eligibility: Sequence[tuple[str, str]] | None = None,  # (criterion, information)
    emission_sources: Sources | None = None,  # None: the template's
    figure: AttachmentRecord | None = AttachmentRecord(
        sha256=FIGURE_SHA,
        name="figure.png",
        media_type="image/png",
        supports_field="pdd.figure_attachment",
    ),
    figure_caption: str = "",
    legally_required: bool = False,
    environmental_explanation: str = "Not required for rooftop PV under Mongolian law.",
    solicitation: str = "A meeting was held with the building owners.",
    comments: Sequence[tuple[str, str, str]] = (("Residents", "None", "-"),),
    references: str = "",
    annex: str = "",
    revisions: Sequence[tuple[str, dt.date, str]] = (
        ("01.0", dt.date(2026, 3, 1), "First edition"),
    ),
    structure: Sequence[tuple[str, str, str]] | None = None,  # (role, responsible, organisation)
    focal_point: Entity = SAKURA,
    moc_answers: Answers = (False, True, True),  # changing name, is participant, same signatories
    tpe_name: str = "Example TPE",
    submitted: dt.date = dt.date(2026, 4, 1),
    other_participants: Sequence[Entity] = (KHANGAI,),
    confidential: Sequence[str] = (),
) -> Project:
    """A JCM_MN_AM003 project as the wizard makes it, filled (see the module docstring).

    ``complete=False`` fills only the title, dates and the units' estimates and choices (a
    project being edited); ``eligibility=None`` answers the template's criteria, and
    ``structure=None`` staffs the template's roles.
    """
    project = _wizard_project(sites if sites is not None else [ulaanbaatar()])
    _set_units(project, units)
    pdd = project.pdd
    pdd.title = title
    pdd.duration.start_date = start
    pdd.duration.operational_lifetime_years = lifetime
    if not complete:
        return project
    project.reference_number = reference_number
    project.rule_set.guidelines_version = guidelines_version
    if methodology_version is not None:
        pdd.methodology.version = methodology_version
    pdd.description = description
    pdd.participants = [Participant(country=c, name=n) for c, n in participants]
    pdd.contribution_from_japan = contribution
    if eligibility is None:
        for entry in pdd.eligibility:
            entry.project_information = f"Met: evidence for criterion {entry.number}."
    else:
        pdd.eligibility = [
            EligibilityEntry(number=n, criterion=criterion, project_information=information)
            for n, (criterion, information) in enumerate(eligibility, start=1)
        ]
    if emission_sources is not None:
        reference, project_sources = emission_sources
        pdd.emission_sources.reference = [
            EmissionSource(source=s, ghg_type=g) for s, g in reference
        ]
        pdd.emission_sources.project = [
            EmissionSource(source=s, ghg_type=g) for s, g in project_sources
        ]
    if figure is not None:
        project.attachments = [figure.model_copy(deep=True)]
        pdd.figure_attachment = figure.sha256
    pdd.figure_caption = figure_caption
    pdd.environmental_impact.legally_required = legally_required
    pdd.environmental_impact.explanation = environmental_explanation
    pdd.stakeholder_solicitation = solicitation
    pdd.stakeholder_comments = [
        StakeholderComment(stakeholder=s, comment=c, consideration=k) for s, c, k in comments
    ]
    pdd.references = references
    pdd.annex = annex
    pdd.revisions = [Revision(version=v, date=d, contents=c) for v, d, c in revisions]
    _staff(project, structure)
    moc = project.moc
    moc.date_of_submission = submitted
    moc.focal_point = focal_point.model_copy(deep=True)
    (
        moc.focal_point_changing_name,
        moc.focal_point_is_participant,
        moc.same_signatories_as_participant,
    ) = moc_answers
    moc.tpe_name = tpe_name
    moc.other_participants = [e.model_copy(deep=True) for e in other_participants]
    project.confidential = list(confidential)
    return project


def _staff(project: Project, structure: Sequence[tuple[str, str, str]] | None) -> None:
    plan = project.monitoring_plan
    if structure is None:
        for role in plan.structure:
            role.responsible = "Monitoring manager"
            role.organisation = "Khangai Solar LLC"
    else:
        plan.structure = [
            StructureRole(role=r, responsible=p, organisation=o) for r, p, o in structure
        ]
