"""Addressing values inside a document by a dotted model path.

A path is dot-separated: attribute names, dict keys, and list indices as integers, e.g.
``pdd.sites.0.latitude`` or ``moc.focal_point.primary_signatory.email``. Form definitions,
diagnostics, undo history, confidentiality flags and review findings all use these paths, so
there is one place that reads and writes through them. A *pattern* uses ``*`` for "any index"
(``pdd.sites.*.latitude``) and is what form definitions and field schemas refer to.
A *stable* path names a row by its identity instead of its position, ``@`` + ``row_id``
(``pdd.stakeholder_comments.@3f9a2c1e.comment``): confidential marks are stored that way so
they follow the row when rows move (``jcm_pdd.model.marks``).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel


class PathError(LookupError):
    """A model path that does not lead to a value."""


def split(path: str) -> list[str]:
    if not path:
        return []
    return path.split(".")


def step(node: Any, part: str, path: str) -> Any:
    """One step down from ``node`` (a model, a list of rows or a dict) along ``path``."""
    if isinstance(node, BaseModel):
        if part not in type(node).model_fields:
            raise PathError(f"'{part}' is not a field (in path '{path}')")
        return getattr(node, part)
    if isinstance(node, list):
        return node[_row_number(node, part, path)]
    if isinstance(node, dict):
        if part not in node:
            raise PathError(f"no key '{part}' (in path '{path}')")
        return node[part]
    raise PathError(f"cannot descend into '{part}' (in path '{path}')")


def _row_number(rows: list[Any], part: str, path: str) -> int:
    """The position of row ``part`` (a number, or ``@`` + a row identity) in ``rows``."""
    if part.startswith("@"):
        for number, row in enumerate(rows):
            if getattr(row, "row_id", None) == part[1:]:
                return number
        raise PathError(f"no row '{part}' (in path '{path}')")
    try:
        number = int(part)
    except ValueError as exc:
        raise PathError(f"no row '{part}' (in path '{path}')") from exc
    if not 0 <= number < len(rows):
        raise PathError(f"no row '{part}' (in path '{path}')")
    return number


def get_value(root: BaseModel, path: str) -> Any:
    node: Any = root
    for part in split(path):
        node = step(node, part, path)
    return node


def set_value(root: BaseModel, path: str, value: Any) -> None:
    """Set the value at ``path``; pydantic validates it on assignment (raises ValidationError)."""
    parts = split(path)
    if not parts:
        raise PathError("cannot replace the document root")
    parent: Any = root
    for part in parts[:-1]:
        parent = step(parent, part, path)
    last = parts[-1]
    if isinstance(parent, BaseModel):
        if last not in type(parent).model_fields:
            raise PathError(f"'{last}' is not a field (in path '{path}')")
        setattr(parent, last, value)
    elif isinstance(parent, list):
        parent[_row_number(parent, last, path)] = value
    elif isinstance(parent, dict):
        parent[last] = value
    else:
        raise PathError(f"cannot set '{last}' (in path '{path}')")


def to_pattern(path: str) -> str:
    """``pdd.sites.3.city`` (or ``pdd.sites.@ab12cd34.city``) -> ``pdd.sites.*.city``."""
    return ".".join("*" if part.isdigit() or part.startswith("@") else part for part in split(path))


def pattern_exists(model: type[BaseModel], pattern: str) -> bool:
    """Whether a path pattern names a field of ``model`` (used to validate form definitions)."""
    from typing import get_args, get_origin

    current: Any = model
    for part in split(pattern):
        if part == "*":
            if get_origin(current) is not list:
                return False
            current = get_args(current)[0]
            continue
        while get_origin(current) is not None and type(None) in get_args(current):
            current = next(a for a in get_args(current) if a is not type(None))
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return False
        field = current.model_fields.get(part)
        if field is None:
            return False
        current = field.annotation
    return True
