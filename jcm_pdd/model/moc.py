"""The Modalities of Communication (MoC) statement: focal point, signatories, TPE, participants."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from jcm_pdd.model.base import DocModel


class Signatory(DocModel):
    salutation: str = ""  # "Mr." / "Ms."
    name: str = ""
    title: str = ""
    mobile: str = ""
    direct_tel: str = ""
    direct_fax: str = ""
    email: str = ""
    specimen_signature: str = ""  # attachment id of a scanned specimen signature


class Entity(DocModel):
    """A focal point entity or another project participant, with its contact details."""

    name: str = ""
    former_name: str = ""
    address: str = ""
    fax: str = ""
    website: str = ""
    primary_signatory: Signatory = Field(default_factory=Signatory)
    alternate_signatory: Signatory = Field(default_factory=Signatory)


class MoC(DocModel):
    date_of_submission: date | None = None
    focal_point: Entity = Field(default_factory=Entity)  # Section 2
    focal_point_changing_name: bool | None = None
    focal_point_is_participant: bool | None = None
    same_signatories_as_participant: bool | None = None
    tpe_name: str = ""  # Section 3
    other_participants: list[Entity] = Field(default_factory=list)  # Sections 4 and 5
