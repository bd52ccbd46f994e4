"""The PDD itself, section by section as in the JCM PDD form (A.1 to F, Annex, revision history).

Field names follow the form's numbering so that a form definition in ``forms/`` can point at
them by path (e.g. ``pdd.sites.0.latitude``). Every field may be empty: a half-filled draft
must save and load; completeness is judged by ``jcm_pdd.checks``.
"""

import datetime as dt
from decimal import Decimal
from typing import Annotated

from pydantic import Field

from jcm_pdd.model.base import DocModel, Number, RowModel, empty_list

Latitude = Annotated[Number, Field(ge=-90, le=90)]
Longitude = Annotated[Number, Field(ge=-180, le=180)]


def decimal_to_dms(value: Decimal, positive: str, negative: str) -> str:
    """Format decimal degrees as the form prints them, e.g. 13°35'45.2"N."""
    hemisphere = positive if value >= 0 else negative
    magnitude = abs(value)
    degrees = int(magnitude)
    minutes_full = (magnitude - degrees) * 60
    minutes = int(minutes_full)
    seconds = ((minutes_full - minutes) * 60).quantize(Decimal("0.1"))
    if seconds >= 60:  # rounding carried into the next minute
        seconds -= 60
        minutes += 1
    if minutes >= 60:
        minutes -= 60
        degrees += 1
    return f"{degrees}°{minutes:02d}'{seconds:04.1f}\"{hemisphere}"


class Site(RowModel):
    """A.3: one project site; multi-site projects list several."""

    id: str = Field(default="", description="Stable identifier used by monitoring rows")
    country: str = ""
    region: str = ""
    city: str = ""
    latitude: Latitude | None = None
    longitude: Longitude | None = None

    def coordinates_dms(self) -> str:
        if self.latitude is None or self.longitude is None:
            return ""
        lat = decimal_to_dms(self.latitude, "N", "S")
        lon = decimal_to_dms(self.longitude, "E", "W")
        return f"Latitude: {lat} / Longitude: {lon}"


class Participant(RowModel):
    """A.4: one project participant under its country."""

    country: str = ""
    name: str = ""


class Duration(DocModel):
    """A.5: starting date of project operation and expected operational lifetime."""

    start_date: dt.date | None = None
    operational_lifetime_years: Annotated[int, Field(gt=0, le=100)] | None = None


class MethodologySelection(DocModel):
    """B.1: the approved methodology applied (id as in the template, e.g. JCM_MN_AM003)."""

    methodology_id: str = ""
    version: str = ""
    # The user's recorded acknowledgement that the methodology template is not read from the
    # approved document (methodology/status.py): the template it was given for, e.g.
    # "JCM_VN_AM002_ver01.0". A final export on such a template needs it (check
    # methodology.acknowledgement); a later template version needs it again.
    acknowledged_template: str = ""


class EligibilityEntry(RowModel):
    """B.2: one eligibility criterion with the project's explanation."""

    number: int = 0
    criterion: str = ""
    project_information: str = ""


class EmissionSource(RowModel):
    """C.1: one emission source and its greenhouse gas type."""

    source: str = ""
    ghg_type: str = ""


class EmissionSources(DocModel):
    reference: list[EmissionSource] = Field(default_factory=empty_list)
    project: list[EmissionSource] = Field(default_factory=empty_list)


class EstimationPeriod(DocModel):
    """C.3: the years shown in the yearly estimate; end defaults to the operational lifetime."""

    end_year: Annotated[int, Field(ge=2000, le=2200)] | None = None


class EnvironmentalImpact(DocModel):
    """D: whether an EIA is legally required, and how it was handled."""

    legally_required: bool | None = None
    explanation: str = ""


class StakeholderComment(RowModel):
    """E.2: one row of the stakeholder comments table."""

    stakeholder: str = ""
    comment: str = ""
    consideration: str = ""


class Revision(RowModel):
    """One row of the revision history of the PDD."""

    version: str = ""
    date: dt.date | None = None
    contents: str = ""


class PDD(DocModel):
    # A. Project description
    title: str = ""  # A.1
    description: str = ""  # A.2
    sites: list[Site] = Field(default_factory=empty_list)  # A.3
    participants: list[Participant] = Field(default_factory=empty_list)  # A.4
    duration: Duration = Field(default_factory=Duration)  # A.5
    contribution_from_japan: str = ""  # A.6
    # B. Application of an approved methodology
    methodology: MethodologySelection = Field(default_factory=MethodologySelection)  # B.1
    eligibility: list[EligibilityEntry] = Field(default_factory=empty_list)  # B.2
    # C. Calculation of emission reductions
    emission_sources: EmissionSources = Field(default_factory=EmissionSources)  # C.1
    figure_attachment: str = ""  # C.2: attachment id (sha256) of the figure
    figure_caption: str = ""
    estimation: EstimationPeriod = Field(default_factory=EstimationPeriod)  # C.3
    # D. Environmental impact assessment
    environmental_impact: EnvironmentalImpact = Field(default_factory=EnvironmentalImpact)
    # E. Local stakeholder consultation
    stakeholder_solicitation: str = ""  # E.1
    stakeholder_comments: list[StakeholderComment] = Field(default_factory=empty_list)  # E.2
    # F. References, Annex, revision history
    references: str = ""
    annex: str = ""
    revisions: list[Revision] = Field(default_factory=empty_list)
