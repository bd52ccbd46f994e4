"""What the new-project wizard needs, headless: partner countries, the methodologies approved in
each (with status and whether their defaults are unverified), and the pre-filled project.

Pre-filling itself (B.1, B.2, C.1, monitoring plan rows, MSS roles) is
``jcm_pdd.methodology.new_project_from_template``; this module adds the wizard's sites and units,
A.4's two participant rows (the partner country and Japan, the names to be filled) and the
latest form versions of the partner country.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from jcm_pdd.model import (
    IndexMember,
    Project,
    Site,
)
from jcm_pdd.model.pdd import Participant


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
    from jcm_pdd.forms import load_forms

    table = [(c.code, c.name) for c in load_forms().countries.partners()]
    return sorted(table, key=lambda c: (c[0] not in with_templates, c[1]))


def for_country(code: str) -> list[MethodologyChoice]:
    return [m for m in methodologies() if m.country == code]


def new_project(country: str, choice: MethodologyChoice, sites: list[SiteEntry]) -> Project:
    from jcm_pdd.forms import load_forms
    from jcm_pdd.methodology import new_project_from_template

    project = new_project_from_template(choice.template, country=country)
    load_forms().fill_rule_set(project)  # the country's current PDD and MoC form versions
    _add_sites(project, choice.template, sites, country)
    return project


def _add_sites(project: Project, template: Any, sites: list[SiteEntry], country: str) -> None:
    """Sites into A.3 (in the partner country chosen in the wizard) and one index member per
    unit (per-unit monitoring rows follow them)."""
    from jcm_pdd.forms import load_forms

    # A.3 and A.4 print the country as written, so they get the form's name ("Philippines"),
    # not the rule set's code ("PH").
    known = load_forms().countries.get(country)
    written = known.name if known is not None else country
    if not project.pdd.participants:  # the form lists the partner country's, then Japan's
        project.pdd.participants = [Participant(country=written), Participant(country="Japan")]
    project.pdd.sites = [
        Site(
            id=s.id,
            country=written,
            city=s.city,
            region=s.region,
            latitude=s.latitude,
            longitude=s.longitude,
        )
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
