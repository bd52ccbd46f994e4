"""The JCM document model (pydantic v2, no Qt): what a submission holds, and how to address it.

Import the public classes from here: ``from jcm_pdd.model import Project``.
"""

from jcm_pdd.model.attachments import AttachmentRecord
from jcm_pdd.model.moc import Entity, MoC, ParticipantEntity, Signatory
from jcm_pdd.model.monitoring import (
    DefaultSelection,
    FixedParameter,
    IndexMember,
    MonitoredParameter,
    MonitoringPlan,
    StructureRole,
)
from jcm_pdd.model.pdd import (
    PDD,
    Duration,
    EligibilityEntry,
    EmissionSource,
    EmissionSources,
    EnvironmentalImpact,
    EstimationPeriod,
    MethodologySelection,
    Participant,
    Revision,
    Site,
    StakeholderComment,
)
from jcm_pdd.model.periods import (
    ImportedSeries,
    ImportRecord,
    MonitoredValue,
    MonitoringPeriod,
    MonitoringRecord,
)
from jcm_pdd.model.project import FORMAT_VERSION, Project, RuleSet

__all__ = [
    "FORMAT_VERSION",
    "PDD",
    "AttachmentRecord",
    "DefaultSelection",
    "Duration",
    "EligibilityEntry",
    "EmissionSource",
    "EmissionSources",
    "Entity",
    "ParticipantEntity",
    "EnvironmentalImpact",
    "EstimationPeriod",
    "FixedParameter",
    "ImportedSeries",
    "ImportRecord",
    "IndexMember",
    "MethodologySelection",
    "MoC",
    "MonitoredParameter",
    "MonitoredValue",
    "MonitoringPeriod",
    "MonitoringPlan",
    "MonitoringRecord",
    "Participant",
    "Project",
    "Revision",
    "RuleSet",
    "Signatory",
    "Site",
    "StakeholderComment",
    "StructureRole",
]
