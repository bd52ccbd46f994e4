"""What the new-project wizard needs, headless: partner countries, the methodologies approved in
each (with status and whether their defaults are unverified), and the pre-filled project.

Pre-filling prefers ``jcm_pdd.methodology.new_project_from_template``; until that exists, the
template's own data fills B.1, the B.2 eligibility table, C.1 emission sources, the Monitoring
Plan rows, the project units and the monitoring structure roles here.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from jcm_pdd.model import (
    EligibilityEntry,
    EmissionSource,
    FixedParameter,
    IndexMember,
    MonitoredParameter,
    Project,
    Site,
    StructureRole,
)

STRUCTURE_ROLES = ("Project manager", "Monitoring supervisor", "Data recorder")


@dataclass(frozen=True)
class MethodologyChoice:
    id: str
    version: str
    country: str
    title: str
    status: str  # "valid" or "superseded"
    unverified: bool  # some defaults are not verified from a source document
    template: Any


@dataclass
class SiteEntry:
    id: str
    city: str = ""
    region: str = ""
    latitude: Decimal | None = None
    longitude: Decimal | None = None
    units: int = 1


def methodologies() -> tuple[MethodologyChoice, ...]:
    """Every installed template (shipped and the user's own), as wizard choices."""
    from jcm_pdd.methodology import load_registry

    found = []
    for template in load_registry().all():
        identity = template.identity
        found.append(
            MethodologyChoice(
                identity.id,
                identity.version,
                identity.host_country,
                identity.title,
                identity.status,
                bool(template.default_statuses() - {"verified"}),
                template,
            )
        )
    return tuple(found)


def countries() -> list[tuple[str, str]]:
    """(code, name) of partner countries, those with a methodology first."""
    with_templates = {m.country for m in methodologies()}
    try:
        from jcm_pdd.forms import load_forms

        table = [(c.code, c.name) for c in load_forms().countries.partners()]
    except Exception:  # the wizard still works from the templates alone
        table = [(code, code) for code in sorted(with_templates)]
    return sorted(table, key=lambda c: (c[0] not in with_templates, c[1]))


def for_country(code: str) -> list[MethodologyChoice]:
    return [m for m in methodologies() if m.country == code]


def new_project(country: str, choice: MethodologyChoice, sites: list[SiteEntry]) -> Project:
    module = importlib.import_module("jcm_pdd.methodology")
    factory = getattr(module, "new_project_from_template", None)
    if factory is not None:
        project: Project = factory(choice.template, country=country)
    else:
        project = _prefill(choice.template, country)
    _add_sites(project, choice.template, sites)
    return project


def _prefill(template: Any, country: str) -> Project:
    project = Project()
    project.rule_set.partner_country = country
    project.pdd.methodology.methodology_id = template.identity.id
    project.pdd.methodology.version = template.identity.version
    project.pdd.eligibility = [
        EligibilityEntry(number=c.number, criterion=c.text) for c in template.eligibility
    ]
    sources = template.emission_sources
    project.pdd.emission_sources.reference = [
        EmissionSource(source=s.source, ghg_type=s.ghg) for s in sources.reference
    ]
    project.pdd.emission_sources.project = [
        EmissionSource(source=s.source, ghg_type=s.ghg) for s in sources.project
    ]
    for key, param in template.parameters.items():
        if param.role == "monitored":
            project.monitoring_plan.monitored.append(
                MonitoredParameter(
                    monitoring_point=f"({len(project.monitoring_plan.monitored) + 1})",
                    key=key,
                    symbol=param.symbol,
                    description=param.description,
                    unit=param.unit,
                    option=param.default_option,
                    source_of_data=param.source_of_data,
                    measurement_methods=param.measurement_methods,
                    frequency=param.frequency,
                )
            )
        elif param.role == "fixed_ex_ante":
            project.monitoring_plan.fixed_ex_ante.append(
                FixedParameter(
                    key=key,
                    symbol=param.symbol,
                    description=param.description,
                    unit=param.unit,
                    source_of_data=param.source_of_data,
                )
            )
    project.monitoring_plan.structure = [StructureRole(role=r) for r in STRUCTURE_ROLES]
    return project


def _add_sites(project: Project, template: Any, sites: list[SiteEntry]) -> None:
    """Sites into A.3 and one index member per unit (per-unit monitoring rows follow them)."""
    project.pdd.sites = [
        Site(id=s.id, city=s.city, region=s.region, latitude=s.latitude, longitude=s.longitude)
        for s in sites
    ]
    index_sets = list(getattr(template, "index_sets", {}) or {})
    if not index_sets:
        return
    name = index_sets[0]
    label = template.index_sets[name].label
    members = []
    for site in sites:
        for n in range(1, max(1, site.units) + 1):
            unit_id = f"{site.id}-{n}"
            members.append(
                IndexMember(set=name, id=unit_id, label=f"{label} {unit_id}", site_id=site.id)
            )
    project.monitoring_plan.index_members = members
    # Rows of parameters indexed by unit (monitored, fixed ex ante, default choices) are
    # repeated once per unit, from the template's first row of each parameter.
    plan = project.monitoring_plan
    plan.monitored = _per_unit(plan.monitored, template, name, members)
    plan.fixed_ex_ante = _per_unit(plan.fixed_ex_ante, template, name, members)
    plan.default_selections = _per_unit(plan.default_selections, template, name, members)
    for n, row in enumerate(plan.monitored, start=1):
        row.monitoring_point = f"({n})"


def _per_unit(rows: list[Any], template: Any, name: str, members: list[IndexMember]) -> list[Any]:
    out: list[Any] = []
    expanded: set[str] = set()
    for row in rows:
        param = template.parameters.get(row.key)
        if param is None or name not in param.index:
            out.append(row)
        elif row.key not in expanded:
            expanded.add(row.key)
            for member in members:
                index = {**row.index, name: member.id}
                out.append(row.model_copy(update={"index": index}, deep=True))
    return out
