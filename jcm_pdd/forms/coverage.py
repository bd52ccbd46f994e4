"""Which document-model fields the forms cover, and which are deliberately not form fields.

Every leaf field of ``jcm_pdd.model.Project`` that a submission needs must be editable through
some form definition, otherwise the generated editor could never fill it. The few that are
not form fields are listed in ``NOT_FORM_FIELDS`` with the reason; a test keeps the list and
the forms in step with the model.
"""

from __future__ import annotations

import types
from collections.abc import Iterable
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel

from jcm_pdd.model import Project

# Pattern (or pattern prefix) -> why it is not a field of any form.
NOT_FORM_FIELDS: dict[str, str] = {
    "format_version": "project-file schema version, written by jcm_pdd.storage",
    "attachments": "managed by the attachments panel; fields refer to them by id",
    "confidential": "per-field confidentiality flags, toggled beside each field",
    "monitoring_plan.monitored.*.index": "template index (unit i ...), set by the wizard",
    "monitoring_plan.fixed_ex_ante.*.index": "index of the template parameter, set by the wizard",
    "monitoring_plan.default_selections.*.index": "index of the template default, set by wizard",
    "monitoring": "monitoring periods after registration (MRS), recorded with "
    "jcm_pdd.monitoring, not a field of the PDD, MPS or MoC forms",
    "pdd.methodology.acknowledged_template": "acknowledgement of an unverified methodology, "
    "ticked in the calculation panel",
}


def _unwrap_optional(annotation: Any) -> Any:
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return _unwrap_optional(args[0])
    return annotation


def model_leaf_patterns(model: type[BaseModel] = Project, prefix: str = "") -> list[str]:
    """Path patterns of every leaf value in ``model`` (lists of models become ``*``)."""
    leaves: list[str] = []
    for name, info in model.model_fields.items():
        if name == "row_id":
            continue  # a table row's identity (model.base.RowModel): no form edits it
        path = f"{prefix}{name}"
        annotation = _unwrap_optional(info.annotation)
        if get_origin(annotation) is list:
            item = _unwrap_optional(get_args(annotation)[0])
            if isinstance(item, type) and issubclass(item, BaseModel):
                leaves.extend(model_leaf_patterns(item, f"{path}.*."))
                continue
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
            leaves.extend(model_leaf_patterns(annotation, f"{path}."))
            continue
        leaves.append(path)
    return leaves


def is_excluded(pattern: str) -> bool:
    return any(pattern == key or pattern.startswith(key + ".") for key in NOT_FORM_FIELDS)


def uncovered_patterns(form_patterns: Iterable[str]) -> list[str]:
    """Leaf patterns of the model that no form edits and that are not excused."""
    covered = set(form_patterns)
    return [p for p in model_leaf_patterns() if p not in covered and not is_excluded(p)]
