"""Shared pydantic configuration for every document model class.

``DocModel`` forbids unknown keys (a typo in a project file is an error, not silently dropped)
and validates on assignment (an editor cannot put a bad value into a live document).

The modules that define pydantic classes (the document model here, ``forms/schema.py``,
``forms/countries.py``, ``methodology/schema.py``) do not postpone their annotations (no
``from __future__ import annotations``): pydantic would compile and evaluate each annotation's
text when it builds the class, about 3 ms of every start. A method returning its own class says
``Self``.
"""

import secrets
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field


class DocModel(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        validate_assignment=True,
        str_strip_whitespace=False,
        ser_json_inf_nan="strings",
    )


def empty_list() -> list[Any]:
    """A list field's default: ``Field(default_factory=empty_list)``, never ``list`` itself.

    Pydantic reads a factory's signature when it builds a class (a factory may take the
    validated data). A builtin's signature is parsed from its text by the tokenizer, whose first
    use compiles a large regular expression: ``list`` as the factory of 31 fields cost about
    4 ms of every start; a Python function's signature is read from its code."""
    return []


def digits_0_9(value: object) -> object:
    """A number given as text in a file (a project.json edited by hand or by another program)
    is read only when written with the digits 0-9: Python's Decimal would read Arabic-Indic,
    full-width and other digits as the same number, unseen. The app writes 0-9 only; its editors
    convert what a user types into the number shown."""
    if isinstance(value, str) and not value.isascii():
        from jcm_pdd.digits import other_digits  # (only for such a file: not at start)

        raise ValueError(other_digits(value))
    return value


# A document's decimal number (exact; see ``digits_0_9`` for text).
Number = Annotated[Decimal, BeforeValidator(digits_0_9)]


def new_row_id() -> str:
    """A row identity: 8 hex digits, unique enough within one table of one document."""
    return secrets.token_hex(4)


class RowModel(DocModel):
    """A row of a document table. ``row_id`` is its stable identity: it stays with the row when
    rows are inserted, removed or moved, through undo and redo, so what refers to a row (a
    confidential mark, ``model.marks``) follows the row rather than its position."""

    row_id: str = Field(default_factory=new_row_id, pattern=r"^[0-9a-z]{1,32}$")
