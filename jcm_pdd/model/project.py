"""The whole JCM submission: rule set, PDD, Monitoring Plan, MoC, attachments, confidentiality.

``Project`` is the root of the document model and what ``project.json`` holds. Its
``format_version`` is the project-file schema version (migrations live in ``jcm_pdd.storage``).
"""

from typing import Literal, Self

from pydantic import Field, model_validator

from jcm_pdd.model.attachments import AttachmentRecord
from jcm_pdd.model.base import DocModel, empty_list
from jcm_pdd.model.moc import MoC
from jcm_pdd.model.monitoring import MonitoringPlan
from jcm_pdd.model.pdd import PDD
from jcm_pdd.model.periods import MonitoringRecord

FORMAT_VERSION = 2  # 2: every table row has a row_id; confidential marks name rows by it


class RuleSet(DocModel):
    """Which Joint Committee's rules apply, and the versions of the forms followed."""

    partner_country: str = ""  # ISO 3166-1 alpha-2 as JCM writes it: MN, ID, VN, TH ...
    pdd_form_version: str = ""  # e.g. "03.0" -> JCM_MN_F_PDD_ver03.0
    guidelines_version: str = ""  # PDD and MR guidelines, e.g. "03.0"
    moc_form_version: str = ""


class Project(DocModel):
    format_version: Literal[2] = 2  # == FORMAT_VERSION
    reference_number: str = ""  # e.g. MN004; blank before registration
    rule_set: RuleSet = Field(default_factory=RuleSet)
    pdd: PDD = Field(default_factory=PDD)
    monitoring_plan: MonitoringPlan = Field(default_factory=MonitoringPlan)
    moc: MoC = Field(default_factory=MoC)
    attachments: list[AttachmentRecord] = Field(default_factory=empty_list)
    # after registration: monitoring periods and monitored values (model.periods); left out of
    # project.json while empty, so a project without periods is saved as before
    monitoring: MonitoringRecord = Field(
        default_factory=MonitoringRecord, exclude_if=lambda record: record.empty
    )
    # Confidential marks: stable model paths (rows named by row_id, see jcm_pdd.model.marks)
    # whose values the public copy of every export shows as "XXX".
    confidential: list[str] = Field(default_factory=empty_list)

    @model_validator(mode="after")
    def _stable_marks(self) -> Self:
        """Marks given with row numbers name the rows that are there now (then stay with them).
        The list is changed in place: assigning would validate again."""
        from jcm_pdd.model.marks import stable_path

        stable = [stable_path(self, mark) for mark in self.confidential]
        if stable != self.confidential:
            self.confidential[:] = stable
        return self

    def form_code(self, form: str = "PDD") -> str:
        """The official form code for the page header, e.g. ``JCM_MN_F_PDD_ver03.0``."""
        rules = self.rule_set
        version = rules.pdd_form_version if form == "PDD" else rules.moc_form_version
        return f"JCM_{self.rule_set.partner_country}_F_{form}_ver{version}"
