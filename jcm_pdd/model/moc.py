"""The Modalities of Communication (MoC) statement: focal point, signatories, TPE, participants."""

from datetime import date
from typing import Any

from pydantic import Field, field_validator

from jcm_pdd.model.base import DocModel, RowModel, empty_list


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


class ParticipantEntity(Entity, RowModel):
    """Another project participant: a row of MoC Sections 4 and 5 (with a row identity)."""


class MoC(DocModel):
    date_of_submission: date | None = None
    focal_point: Entity = Field(default_factory=Entity)  # Section 2
    focal_point_changing_name: bool | None = None
    focal_point_is_participant: bool | None = None
    same_signatories_as_participant: bool | None = None
    tpe_name: str = ""  # Section 3
    # Sections 4 and 5
    other_participants: list[ParticipantEntity] = Field(default_factory=empty_list)

    @field_validator("other_participants", mode="before")
    @classmethod
    def _rows(cls, value: Any) -> Any:
        """A plain ``Entity`` given as a participant becomes a row (with a new identity)."""
        if isinstance(value, list):
            return [
                v.model_dump() if isinstance(v, Entity) and not isinstance(v, RowModel) else v
                for v in value
            ]
        return value
