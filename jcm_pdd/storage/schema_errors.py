"""Turning pydantic validation errors into lines a user can act on, each naming its field path.

``pdd.sites.0.latitude: must be between -90 and 90`` says where (the same dotted model path
the editor, diagnostics and form definitions use) and what is expected, in plain words
instead of pydantic's developer wording. The form definitions (``forms.loader``) word their
errors with the same ``message``.
"""

from __future__ import annotations

import types
from collections.abc import Mapping
from decimal import Decimal
from typing import Annotated, Any, Union, get_args, get_origin

import annotated_types
from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo
from pydantic_core import ErrorDetails

_SIMPLE = {
    "missing": "is required",
    "extra_forbidden": "is not a field of a JCM PDD Studio project (misspelt, or from another "
    "program?)",
    "decimal_parsing": "must be a number",
    "decimal_type": "must be a number",
    "float_parsing": "must be a number",
    "float_type": "must be a number",
    "int_parsing": "must be a whole number",
    "int_type": "must be a whole number",
    "int_from_float": "must be a whole number",
    "date_parsing": "must be a date written YYYY-MM-DD",
    "date_from_datetime_parsing": "must be a date written YYYY-MM-DD",
    "date_from_datetime_inexact": "must be a date written YYYY-MM-DD",
    "date_type": "must be a date written YYYY-MM-DD",
    "string_type": "must be text",
    "bool_type": "must be true or false",
    "bool_parsing": "must be true or false",
    "list_type": "must be a list",
    "dict_type": "must be a group of fields (a JSON object)",
    "model_type": "must be a group of fields (a JSON object)",
    "model_attributes_type": "must be a group of fields (a JSON object)",
    "finite_number": "must be a finite number",
}
_BOUNDS = {"greater_than_equal", "less_than_equal", "greater_than", "less_than"}


def _fmt(value: Any) -> str:
    if isinstance(value, Decimal | float):
        return format(Decimal(str(value)).normalize(), "f")
    return str(value)


def _field_for(root: type[BaseModel], loc: tuple[int | str, ...]) -> FieldInfo | None:
    """The FieldInfo of the field at ``loc`` (list indices skipped), or None."""
    current: Any = root
    info: FieldInfo | None = None
    for part in loc:
        current = _unwrap(current)
        if isinstance(part, int):
            if get_origin(current) is list:
                current = get_args(current)[0]
                continue
            return None
        if isinstance(current, type) and issubclass(current, BaseModel):
            info = current.model_fields.get(part)
            if info is None:
                return None
            current = info.annotation
            continue
        if get_origin(current) is dict:
            current = get_args(current)[1]
            continue
        return None
    return info


def _unwrap(annotation: Any) -> Any:
    """Strip Optional / Annotated so the next path step sees the real container type."""
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            members = [a for a in get_args(annotation) if a is not type(None)]
            if len(members) != 1:
                return annotation
            annotation = members[0]
        else:
            return annotation


def _metadata(info: FieldInfo) -> list[Any]:
    found = list(info.metadata)
    stack = [info.annotation]
    while stack:
        annotation = stack.pop()
        origin = get_origin(annotation)
        if origin is Annotated:
            for extra in get_args(annotation)[1:]:
                found.extend(extra.metadata if isinstance(extra, FieldInfo) else [extra])
            stack.append(get_args(annotation)[0])
        elif origin in (Union, types.UnionType):
            stack.extend(get_args(annotation))
    return found


def _bounds_message(root: type[BaseModel], error: ErrorDetails) -> str:
    ctx = error.get("ctx", {})
    low: str | None = None
    high: str | None = None
    inclusive = True
    info = _field_for(root, tuple(error["loc"]))
    for item in _metadata(info) if info is not None else []:
        if isinstance(item, annotated_types.Ge):
            low = f"at least {_fmt(item.ge)}"
        elif isinstance(item, annotated_types.Gt):
            low, inclusive = f"more than {_fmt(item.gt)}", False
        elif isinstance(item, annotated_types.Le):
            high = f"at most {_fmt(item.le)}"
        elif isinstance(item, annotated_types.Lt):
            high, inclusive = f"less than {_fmt(item.lt)}", False
    if low is not None and high is not None:
        if inclusive:  # "between -90 and 90" reads best when both ends are allowed
            return f"must be between {low.removeprefix('at least ')} and " + high.removeprefix(
                "at most "
            )
        return f"must be {low} and {high}"
    kind = error["type"]
    if kind == "greater_than_equal":
        return f"must be at least {_fmt(ctx.get('ge'))}"
    if kind == "greater_than":
        return f"must be more than {_fmt(ctx.get('gt'))}"
    if kind == "less_than_equal":
        return f"must be at most {_fmt(ctx.get('le'))}"
    return f"must be less than {_fmt(ctx.get('lt'))}"


def message(
    error: ErrorDetails, root: type[BaseModel], words: Mapping[str, str] | None = None
) -> str:
    """What one pydantic error expects, in plain words ("is required", "must be text");
    ``words`` rewords error types for another kind of file (a form definition's unknown key
    is not "a field of a project")."""
    kind = error["type"]
    if words is not None and kind in words:
        return words[kind]
    if kind in _BOUNDS:
        return _bounds_message(root, error)
    if kind == "literal_error":
        return f"must be {error.get('ctx', {}).get('expected', 'one of the allowed values')}"
    if kind == "value_error":
        return str(error["msg"]).removeprefix("Value error, ")
    return _SIMPLE.get(kind, str(error["msg"]).lower())


def describe(exc: ValidationError, root: type[BaseModel]) -> list[str]:
    """One line per error: ``<dotted path>: <what is expected>``."""
    lines: list[str] = []
    for error in exc.errors(include_url=False):
        loc = ".".join(str(part) for part in error["loc"]) or "(the whole project)"
        lines.append(f"{loc}: {message(error, root)}")
    return lines
