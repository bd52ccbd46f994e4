"""Hypothesis strategies for any valid ``Project``, derived from the model's own field types.

Walking the pydantic fields (rather than listing them by hand) keeps the strategy in step with
the model as other parts of the app add optional fields: text, decimals within the field's
bounds, whole numbers within bounds, dates, booleans, literals, dicts and lists of records.
Attachment records come with real content in an ``AttachmentStore``, since saving needs it.
"""

from __future__ import annotations

import types
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import annotated_types
from hypothesis import strategies as st
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from jcm_pdd.model import AttachmentRecord, Project
from jcm_pdd.storage import AttachmentStore

TEXT = st.text(max_size=30)
MAX_ROWS = 2


def _bounds(metadata: list[Any]) -> tuple[Any, Any]:
    low = high = None
    for item in metadata:
        if isinstance(item, annotated_types.Ge):
            low = item.ge
        elif isinstance(item, annotated_types.Gt):
            bound: Any = item.gt
            low = bound + (1 if isinstance(bound, int) else Decimal("1e-6"))
        elif isinstance(item, annotated_types.Le):
            high = item.le
        elif isinstance(item, annotated_types.Lt):
            limit: Any = item.lt
            high = limit - (1 if isinstance(limit, int) else Decimal("1e-6"))
    return low, high


def for_annotation(annotation: Any, metadata: list[Any]) -> st.SearchStrategy[Any]:
    origin = get_origin(annotation)
    if origin is Annotated:
        base, *extra = get_args(annotation)
        more = []
        for item in extra:
            more.extend(item.metadata if isinstance(item, FieldInfo) else [item])
        return for_annotation(base, metadata + more)
    if origin in (Union, types.UnionType):
        return st.one_of([for_annotation(a, metadata) for a in get_args(annotation)])
    if annotation is type(None):
        return st.none()
    if origin is Literal:
        return st.sampled_from(get_args(annotation))
    if origin is list:
        return st.lists(for_annotation(get_args(annotation)[0], []), max_size=MAX_ROWS)
    if origin is dict:
        key, value = get_args(annotation)
        return st.dictionaries(for_annotation(key, []), for_annotation(value, []), max_size=2)
    if annotation is str:
        patterns = [getattr(m, "pattern", None) for m in metadata]
        pattern = next((p for p in patterns if p), None)
        return TEXT if pattern is None else st.from_regex(pattern, fullmatch=True)
    if annotation is bool:
        return st.booleans()
    if annotation is int:
        low, high = _bounds(metadata)
        return st.integers(
            min_value=low if low is not None else -(10**12),
            max_value=high if high is not None else 10**12,
        )
    if annotation is Decimal:
        low, high = _bounds(metadata)
        return st.decimals(
            min_value=low if low is not None else Decimal("-1e12"),
            max_value=high if high is not None else Decimal("1e12"),
            allow_nan=False,
            allow_infinity=False,
            places=None,
        )
    if annotation is date:
        return st.dates()
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return for_model(annotation)
    raise NotImplementedError(f"no strategy for {annotation!r}; extend model_strategies.py")


def for_model(model: type[BaseModel]) -> st.SearchStrategy[Any]:
    fields = {
        name: for_annotation(info.annotation, list(info.metadata))
        for name, info in model.model_fields.items()
        if not (model is Project and name in ("attachments", "format_version"))
    }
    return st.builds(model, **fields)


@st.composite
def projects(draw: st.DrawFn) -> tuple[Project, AttachmentStore]:
    """A valid project and a store holding the content of its attachment records."""
    project: Project = draw(for_model(Project))
    store = AttachmentStore()
    blobs = draw(st.lists(st.binary(max_size=64), max_size=3))
    for blob in blobs:
        record: AttachmentRecord = store.add_bytes(
            blob,
            draw(TEXT),
            media_type=draw(st.sampled_from(["image/png", "application/pdf"])),
            caption=draw(TEXT),
            supports_field=draw(st.sampled_from(["", "pdd.figure_attachment"])),
        )
        project.attachments.append(record)
    return project, store
