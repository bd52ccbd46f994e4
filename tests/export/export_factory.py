"""A filled project for export tests, independent of the shipped sample (which may change).

Includes a Japanese participant name (to prove the PDF embeds a CJK-capable font), two sites
(to prove the "(1) ... (2)" enumeration) and one confidential path (to prove redaction).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from jcm_pdd.export.figures import EmissionFigures, YearFigures
from jcm_pdd.model import (
    DefaultSelection,
    EligibilityEntry,
    EmissionSource,
    IndexMember,
    MonitoredParameter,
    Participant,
    Project,
    Revision,
    Site,
    StakeholderComment,
    StructureRole,
)

JAPANESE_NAME = "株式会社ソーラーテック"
SECRET_CITY = "Secretville"


def filled_project() -> Project:
    project = Project(reference_number="MN099")
    project.rule_set.partner_country = "MN"
    project.rule_set.pdd_form_version = "03.0"
    project.rule_set.moc_form_version = "02.0"
    pdd = project.pdd
    pdd.title = "10 MW Solar Power Project in Darkhan"
    pdd.description = "Installation of a 10 MW solar PV plant.\nIt replaces grid electricity."
    pdd.sites = [
        Site(
            id="S1",
            country="Mongolia",
            region="Darkhan-Uul",
            city=SECRET_CITY,
            latitude=Decimal("49.4867"),
            longitude=Decimal("105.9228"),
        ),
        Site(
            id="S2",
            country="Mongolia",
            region="Selenge",
            city="Sukhbaatar",
            latitude=Decimal("50.2314"),
            longitude=Decimal("106.2078"),
        ),
    ]
    pdd.participants = [
        Participant(country="Mongolia", name="Solar Power International LLC"),
        Participant(country="Japan", name=JAPANESE_NAME),
        Participant(country="Japan", name="Example Trading Co., Ltd."),
    ]
    pdd.duration.start_date = dt.date(2019, 12, 27)
    pdd.duration.operational_lifetime_years = 17
    pdd.contribution_from_japan = "Financing programme for JCM model projects by MOEJ."
    pdd.methodology.methodology_id = "JCM_MN_AM003"
    pdd.methodology.version = "02.0"
    pdd.eligibility = [
        EligibilityEntry(
            number=1,
            criterion="The project installs solar PV systems.",
            project_information="A 10 MW PV plant is installed.",
        ),
        EligibilityEntry(
            number=2,
            criterion="PV modules are certified to IEC 61215.",
            project_information="Modules certified by TÜV.",
        ),
    ]
    pdd.emission_sources.reference = [EmissionSource(source="Grid electricity", ghg_type="CO2")]
    pdd.emission_sources.project = [EmissionSource(source="N/A", ghg_type="N/A")]
    pdd.figure_caption = "Figure 1: Monitoring point (1) at the export meter"
    pdd.environmental_impact.legally_required = True
    pdd.environmental_impact.explanation = "A general EIA was approved in 2018."
    pdd.stakeholder_solicitation = "A meeting was held on 12/03/2019 in Darkhan."
    pdd.stakeholder_comments = [
        StakeholderComment(
            stakeholder="Local residents",
            comment="Will there be noise?",
            consideration="PV plants make no noise; no action needed.",
        ),
    ]
    pdd.references = "IGES List of Grid Emission Factors v11.5"
    pdd.annex = "None."
    pdd.revisions = [Revision(version="01.0", date=dt.date(2020, 1, 15), contents="First edition")]
    mp = project.monitoring_plan
    mp.index_members = [IndexMember(set="i", id="PV-1", label="PV plant", site_id="S1")]
    mp.monitored = [
        MonitoredParameter(
            monitoring_point="(1)",
            key="EG",
            index={"i": "PV-1"},
            symbol="EG_i,p",
            description="Quantity of electricity generated",
            estimated_value=Decimal("18500.5"),
            unit="MWh/p",
            option="C",
            source_of_data="Monitored data",
            measurement_methods="Electricity meter",
            frequency="Continuously",
        ),
    ]
    mp.default_selections = [
        DefaultSelection(key="EF_RE", index={"i": "PV-1"}, choice="national_grid")
    ]
    mp.structure = [
        StructureRole(
            role="Monitoring manager",
            responsible="B. Bat",
            organisation="Solar Power International LLC",
        )
    ]
    project.moc.tpe_name = "Example TPE Co."
    project.moc.date_of_submission = dt.date(2020, 2, 1)
    project.moc.focal_point.name = JAPANESE_NAME
    project.moc.focal_point.address = "1-2-3 Marunouchi, Tokyo"
    project.moc.focal_point.primary_signatory.name = "Taro Yamada"
    project.confidential = ["pdd.sites.0.city"]
    return project


def sample_figures() -> EmissionFigures:
    years = [YearFigures(str(y), 14746 + n, 0, 14746 + n) for n, y in enumerate(range(2020, 2024))]
    return EmissionFigures.from_years(years)
