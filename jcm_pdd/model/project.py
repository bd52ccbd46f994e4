"""The whole JCM submission: rule set, PDD, Monitoring Plan, MoC, attachments, confidentiality.

``Project`` is the root of the document model and what ``project.json`` holds. Its
``format_version`` is the project-file schema version (migrations live in ``jcm_pdd.storage``).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from jcm_pdd.model.attachments import AttachmentRecord
from jcm_pdd.model.base import DocModel
from jcm_pdd.model.moc import MoC
from jcm_pdd.model.monitoring import MonitoringPlan
from jcm_pdd.model.pdd import PDD

FORMAT_VERSION = 1


class RuleSet(DocModel):
    """Which Joint Committee's rules apply, and the versions of the forms followed."""

    partner_country: str = ""  # ISO 3166-1 alpha-2 as JCM writes it: MN, ID, VN, TH ...
    pdd_form_version: str = ""  # e.g. "03.0" -> JCM_MN_F_PDD_ver03.0
    guidelines_version: str = ""  # PDD and MR guidelines, e.g. "03.0"
    moc_form_version: str = ""


class Project(DocModel):
    format_version: Literal[1] = 1  # == FORMAT_VERSION
    reference_number: str = ""  # e.g. MN004; blank before registration
    rule_set: RuleSet = Field(default_factory=RuleSet)
    pdd: PDD = Field(default_factory=PDD)
    monitoring_plan: MonitoringPlan = Field(default_factory=MonitoringPlan)
    moc: MoC = Field(default_factory=MoC)
    attachments: list[AttachmentRecord] = Field(default_factory=list)
    # Model paths (see jcm_pdd.model.paths) whose values are confidential: the public copy
    # of every export shows "XXX" in their place.
    confidential: list[str] = Field(default_factory=list)

    def form_code(self, form: str = "PDD") -> str:
        """The official form code for the page header, e.g. ``JCM_MN_F_PDD_ver03.0``."""
        rules = self.rule_set
        version = rules.pdd_form_version if form == "PDD" else rules.moc_form_version
        return f"JCM_{self.rule_set.partner_country}_F_{form}_ver{version}"
