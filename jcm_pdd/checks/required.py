"""Required fields, table rows and table cells, as declared by the form definitions.

This is the rule that gates a final export: every field marked ``required`` in the project's
forms (PDD, MPS, MSS, MoC) must be filled, every required table must have its minimum number
of rows, and every required cell of each row must be filled. A field whose ``applies_when``
condition is false (e.g. "Former entity name" when the entity keeps its name) is skipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from jcm_pdd.checks.context import CheckContext, is_empty, plain_label
from jcm_pdd.checks.diagnostic import Diagnostic, make
from jcm_pdd.forms import FormDefinition, FormField, Section
from jcm_pdd.model.paths import PathError, get_value

DOCUMENT_LABELS = {
    "PDD": "PDD",
    "MPS": "Monitoring Plan",
    "MSS": "Monitoring Structure",
    "MoC": "MoC",
    "MRS": "Monitoring Report Sheet",
}


def place(definition: FormDefinition, section: Section) -> str:
    """ "PDD A.5. Duration", "MoC Section 3: Third-party entity (TPE)", "Monitoring Structure"."""
    document = DOCUMENT_LABELS.get(definition.form_type, definition.form_type)
    heading = section.heading if section.number else section.title
    if heading.casefold() == document.casefold():
        return document
    return f"{document} {heading}"


def row_name(form_field: FormField, number: int, row: Any) -> str:
    """How a message names one table row: the form's row label, or its symbol or name."""
    label = form_field.export.row_label
    text = label.replace("{n}", str(number)) if label else f"row {number}"
    for attribute in ("symbol", "name", "stakeholder", "version", "id"):
        value = getattr(row, attribute, "")
        if isinstance(value, str) and value.strip():
            return f"{text} ({value.strip()})"
    return text


def _applies(context: CheckContext, form_field: FormField) -> bool:
    condition = form_field.applies_when
    if condition is None:
        return True
    try:
        return bool(get_value(context.project, condition.path) == condition.equals)
    except PathError:
        return False


def _value(context: CheckContext, path: str) -> Any:
    try:
        return get_value(context.project, path)
    except PathError:
        return None


def _cell(row: Any, subpath: str) -> Any:
    """A cell of one row; a plain attribute is read directly (tables of 300 units stay fast)."""
    if "." not in subpath:
        return getattr(row, subpath, None)
    try:
        return get_value(row, subpath)
    except PathError:
        return None


def _table(
    context: CheckContext, definition: FormDefinition, section: Section, form_field: FormField
) -> Iterator[Diagnostic]:
    rows = _value(context, form_field.path) or []
    where = place(definition, section)
    needed = form_field.effective_min_rows
    if len(rows) < needed:
        yield make(
            "required.rows",
            form_field.path,
            key="required.rows.one" if needed == 1 else "required.rows",
            label=plain_label(form_field.label),
            minimum=needed,
            rows=len(rows),
            where=where,
        )
    required = [c for c in form_field.columns if c.required]
    for number, row in enumerate(rows, start=1):
        for column in required:
            path = f"{form_field.path}.{number - 1}.{column.subpath}"
            if is_empty(_cell(row, column.subpath)):
                label = plain_label(column.label)
                yield make(
                    "required.column",
                    path,
                    label=label,
                    row=number,
                    where=where,
                    name=row_name(form_field, number, row),
                )


def required_fields(context: CheckContext) -> Iterator[Diagnostic]:
    for definition in context.forms:
        for section, form_field in definition.fields():
            if not _applies(context, form_field):
                continue
            if form_field.type == "table":  # an optional table's rows still need their cells
                for found in _table(context, definition, section, form_field):
                    yield found.with_place(definition.form_type, section.id)
            elif form_field.required and is_empty(_value(context, form_field.path)):
                label = plain_label(form_field.label)
                whole = label.casefold() == section.title.casefold()  # the field is the section
                yield make(
                    "required.field",
                    form_field.path,
                    key="required.field.section" if whole else "required.field",
                    label=label,
                    where=place(definition, section),
                ).with_place(definition.form_type, section.id)
