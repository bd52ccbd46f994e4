"""Shared pydantic configuration for every document model class.

``DocModel`` forbids unknown keys (a typo in a project file is an error, not silently dropped)
and validates on assignment (an editor cannot put a bad value into a live document).
"""

from __future__ import annotations

import secrets

from pydantic import BaseModel, ConfigDict, Field


class DocModel(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        validate_assignment=True,
        str_strip_whitespace=False,
        ser_json_inf_nan="strings",
    )


def new_row_id() -> str:
    """A row identity: 8 hex digits, unique enough within one table of one document."""
    return secrets.token_hex(4)


class RowModel(DocModel):
    """A row of a document table. ``row_id`` is its stable identity: it stays with the row when
    rows are inserted, removed or moved, through undo and redo, so what refers to a row (a
    confidential mark, ``model.marks``) follows the row rather than its position."""

    row_id: str = Field(default_factory=new_row_id, pattern=r"^[0-9a-z]{1,32}$")
