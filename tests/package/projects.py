"""Project files for the package tests, made with the real storage (independent of the sample).

``make_project()`` fills a Mongolian rooftop-PV project under JCM_MN_AM003 ver02.0 with two PV
systems (one grid, one captive) and one attachment, so the engine, the exporters and the
attachments producer all have real work. ``save(project, path)`` writes it as a ``.jcmpdd``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from jcm_pdd.model import (
    DefaultSelection,
    EligibilityEntry,
    EmissionSource,
    IndexMember,
    MonitoredParameter,
    Participant,
    Project,
    Site,
    StructureRole,
)
from jcm_pdd.storage import AttachmentStore, save_project

FIGURE_BYTES = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40


def make_project(eg1: str = "1000", eg2: str = "250.5", title: str = "Rooftop PV in Darkhan") -> (
    tuple[Project, AttachmentStore]
):
    project = Project(reference_number="")
    project.rule_set.partner_country = "MN"
    project.rule_set.pdd_form_version = "03.0"
    project.rule_set.moc_form_version = "02.0"
    project.rule_set.guidelines_version = "03.0"
    pdd = project.pdd
    pdd.title = title
    pdd.description = "Rooftop solar PV systems on two buildings."
    pdd.sites = [
        Site(id="S1", country="Mongolia", region="Darkhan-Uul", city="Darkhan",
             latitude=Decimal("49.4867"), longitude=Decimal("105.9228")),
        Site(id="S2", country="Mongolia", region="Selenge", city="Sukhbaatar",
             latitude=Decimal("50.2314"), longitude=Decimal("106.2078")),
    ]
    pdd.participants = [
        Participant(country="Mongolia", name="Darkhan Solar LLC"),
        Participant(country="Japan", name="Example Energy Co., Ltd."),
    ]
    pdd.duration.start_date = dt.date(2025, 7, 1)
    pdd.duration.operational_lifetime_years = 3
    pdd.contribution_from_japan = "JCM model project financing."
    pdd.methodology.methodology_id = "JCM_MN_AM003"
    pdd.methodology.version = "ver02.0"
    pdd.eligibility = [EligibilityEntry(number=1, criterion="Solar PV.", project_information="Yes")]
    pdd.emission_sources.reference = [EmissionSource(source="Grid electricity", ghg_type="CO2")]
    pdd.emission_sources.project = [EmissionSource(source="N/A", ghg_type="N/A")]
    mp = project.monitoring_plan
    mp.index_members = [
        IndexMember(set="i", id="PV-1", label="Roof A", site_id="S1"),
        IndexMember(set="i", id="PV-2", label="Roof B", site_id="S2"),
    ]
    mp.monitored = [
        MonitoredParameter(monitoring_point="(1)", key="EG", index={"i": "PV-1"}, symbol="EG_i,p",
                           estimated_value=Decimal(eg1), unit="MWh/p", option="C"),
        MonitoredParameter(monitoring_point="(2)", key="EG", index={"i": "PV-2"}, symbol="EG_i,p",
                           estimated_value=Decimal(eg2), unit="MWh/p", option="C"),
    ]
    mp.default_selections = [
        DefaultSelection(key="EF_RE", index={"i": "PV-1"}, choice="national_grid"),
        DefaultSelection(key="EF_RE", index={"i": "PV-2"}, choice="captive_or_off_grid"),
    ]
    mp.structure = [StructureRole(role="Project manager", responsible="B. Bat", organisation="DS")]
    store = AttachmentStore()
    record = store.add_bytes(FIGURE_BYTES, "site map.png", caption="Figure 1")
    project.attachments.append(record)
    pdd.figure_attachment = record.sha256
    return project, store


def save(path: Path, project: Project, store: AttachmentStore | None = None) -> Path:
    save_project(path, project, store)
    return path
