"""Shared pydantic configuration for every document model class.

``DocModel`` forbids unknown keys (a typo in a project file is an error, not silently dropped)
and validates on assignment (an editor cannot put a bad value into a live document).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class DocModel(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        validate_assignment=True,
        str_strip_whitespace=False,
        ser_json_inf_nan="strings",
    )
