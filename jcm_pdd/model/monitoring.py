"""The Monitoring Plan: MPS(input) tables 1 and 2, default-value selections, and the MSS.

These rows are also the calculation inputs: the engine reads estimated values of monitored
parameters from table 1, project-specific ex-ante values from table 2, and methodology defaults
from the template unless a ``DefaultSelection`` picks a variant or overrides the value.
Indexed parameters (per unit ``i``, per fuel ``j`` ...) carry their index in ``index``.
"""

from typing import Literal

from pydantic import Field

from jcm_pdd.model.base import DocModel, Number, RowModel, empty_list

MonitoringOption = Literal["A", "B", "C"]


class IndexMember(RowModel):
    """One member of an index set, e.g. PV system ``i = "PV-1"`` at site ``S1``."""

    set: str = "i"
    id: str = ""
    label: str = ""
    site_id: str = ""


class MonitoredParameter(RowModel):
    """MPS Table 1 row: a parameter monitored ex post, with its ex-ante estimate."""

    monitoring_point: str = ""  # (a) Monitoring point No., e.g. "(1)"
    key: str = ""  # template parameter key
    index: dict[str, str] = Field(default_factory=dict)
    symbol: str = ""  # (b) as printed in the methodology
    description: str = ""  # (c)
    estimated_value: Number | None = None  # (d)
    unit: str = ""  # (e)
    option: MonitoringOption | None = None  # (f)
    source_of_data: str = ""  # (g)
    measurement_methods: str = ""  # (h)
    frequency: str = ""  # (i)
    comments: str = ""  # (j)


class FixedParameter(RowModel):
    """MPS Table 2 row: a project-specific value fixed ex ante."""

    key: str = ""
    index: dict[str, str] = Field(default_factory=dict)
    symbol: str = ""
    description: str = ""
    value: Number | None = None
    unit: str = ""
    source_of_data: str = ""
    comments: str = ""


class DefaultSelection(RowModel):
    """Which variant of a methodology default applies (e.g. grid vs captive EF for unit i),
    or an explicit override of the default value with the reason for it."""

    key: str = ""
    index: dict[str, str] = Field(default_factory=dict)
    choice: str = ""
    override_value: Number | None = None
    override_reason: str = ""


class StructureRole(RowModel):
    """MSS row: a monitoring role and who is responsible for it."""

    role: str = ""
    responsible: str = ""
    organisation: str = ""


class MonitoringPlan(DocModel):
    index_members: list[IndexMember] = Field(default_factory=empty_list)
    monitored: list[MonitoredParameter] = Field(default_factory=empty_list)
    fixed_ex_ante: list[FixedParameter] = Field(default_factory=empty_list)
    default_selections: list[DefaultSelection] = Field(default_factory=empty_list)
    structure: list[StructureRole] = Field(default_factory=empty_list)
    structure_note: str = ""
