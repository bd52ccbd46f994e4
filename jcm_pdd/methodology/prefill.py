"""A new project pre-filled from a methodology template (``jcm-pdd new``, the GUI's New dialog).

Fills the rule set's partner country, B.1 (methodology and version), B.2 (one row per
criterion, project information empty), C.1 (emission sources), one member per index set, the
Monitoring Plan rows (table 1 for monitored parameters, table 2 for fixed ex-ante ones, one
default-selection row per default with choices) and the typical Monitoring Structure Sheet
roles.
"""

from __future__ import annotations

import itertools

from jcm_pdd.errors import UserError
from jcm_pdd.methodology.schema import Template
from jcm_pdd.model import (
    DefaultSelection,
    EligibilityEntry,
    EmissionSource,
    FixedParameter,
    IndexMember,
    MonitoredParameter,
    Project,
    StructureRole,
)

# Typical Monitoring Structure Sheet roles, as recalled from published MSS (not an official list).
MSS_ROLES = (
    "Project manager: responsible for the overall monitoring and the monitoring report",
    "Data collection and recording at each monitoring point",
    "Calibration and maintenance of the measuring equipment",
    "Data archiving and quality assurance / quality control (QA/QC)",
    "Cross-checking of monitored data by the Japanese project participant",
)


def new_project_from_template(template: Template, country: str | None = None) -> Project:
    """A fresh ``Project`` applying ``template`` (``country`` defaults to the host country)."""
    identity = template.identity
    code = (country or identity.host_country).strip().upper()
    if code != identity.host_country:
        raise UserError(
            f"{identity.full_id} is a methodology of {identity.host_country}, not {code}"
        )
    project = Project()
    project.rule_set.partner_country = code
    pdd = project.pdd
    pdd.methodology.methodology_id = identity.id
    pdd.methodology.version = identity.version
    pdd.eligibility = [
        EligibilityEntry(number=c.number, criterion=c.text, project_information="")
        for c in template.eligibility
    ]
    sources = template.emission_sources
    pdd.emission_sources.reference = [
        EmissionSource(source=s.source, ghg_type=s.ghg) for s in sources.reference
    ]
    pdd.emission_sources.project = [
        EmissionSource(source=s.source, ghg_type=s.ghg) for s in sources.project
    ]
    plan = project.monitoring_plan
    members = {name: s.default_member for name, s in template.index_sets.items() if not s.optional}
    plan.index_members = [
        IndexMember(set=name, id=member, label=f"{template.index_sets[name].label} {member}")
        for name, member in members.items()
    ]
    point = itertools.count(1)
    for key, param in template.parameters.items():
        if any(name not in members for name in param.index):
            continue  # indexed by an optional set: no row until the user adds a member
        index = {name: members[name] for name in param.index}
        if param.role == "monitored":
            plan.monitored.append(
                MonitoredParameter(
                    monitoring_point=f"({next(point)})",
                    key=key,
                    index=index,
                    symbol=param.symbol,
                    description=param.description,
                    unit=param.unit,
                    option=param.default_option or (param.options[0] if param.options else None),
                    source_of_data=param.source_of_data,
                    measurement_methods=param.measurement_methods,
                    frequency=param.frequency,
                )
            )
        elif param.role == "fixed_ex_ante":
            plan.fixed_ex_ante.append(
                FixedParameter(
                    key=key,
                    index=index,
                    symbol=param.symbol,
                    description=param.description,
                    unit=param.unit,
                    source_of_data=param.source_of_data,
                )
            )
        elif param.role == "default" and param.choices:
            plan.default_selections.append(
                DefaultSelection(key=key, index=index, choice=param.default_choice or "")
            )
    plan.structure = [StructureRole(role=role) for role in MSS_ROLES]
    return project
