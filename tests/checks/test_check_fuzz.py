"""Property: whatever a user does to a complete project, the checks answer with catalogued
diagnostics whose locations exist (one click from the field), and never raise."""

from __future__ import annotations

from typing import Any

from check_support import TODAY, complete_project
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from jcm_pdd.checks import CATALOG, run_checks
from jcm_pdd.forms.coverage import is_excluded, model_leaf_patterns
from jcm_pdd.model import Project
from jcm_pdd.model.paths import PathError, get_value, set_value

LEAVES = [p for p in model_leaf_patterns() if not is_excluded(p)]
LISTS = sorted({p.split(".*.")[0] for p in LEAVES if ".*." in p})


def _concrete(project: Project, pattern: str, pick: int) -> str | None:
    """A concrete path for ``pattern`` (``*`` -> an existing row), or None if no row exists."""
    parts: list[str] = []
    for part in pattern.split("."):
        if part == "*":
            rows = get_value(project, ".".join(parts))
            if not rows:
                return None
            part = str(pick % len(rows))
        parts.append(part)
    return ".".join(parts)


edits = st.lists(
    st.tuples(
        st.sampled_from(["clear", "text", "drop-row", "number"]),
        st.integers(min_value=0, max_value=len(LEAVES) - 1),
        st.integers(min_value=0, max_value=7),
        st.text(max_size=12),
    ),
    max_size=6,
)


def _apply(project: Project, edit: tuple[str, int, int, str]) -> None:
    kind, which, pick, text = edit
    if kind == "drop-row":
        rows = get_value(project, LISTS[which % len(LISTS)])
        if rows:
            del rows[pick % len(rows)]
        return
    path = _concrete(project, LEAVES[which], pick)
    if path is None:
        return
    value: Any = {"clear": None, "text": text, "number": pick - 3}[kind]
    for candidate in (value, "", 0, False):  # the first value the model accepts
        try:
            set_value(project, path, candidate)
            return
        except (ValidationError, PathError, TypeError):
            continue


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(edits)
def test_checks_never_raise_and_point_at_existing_fields(changes: list[Any]) -> None:
    project = complete_project()
    for edit in changes:
        _apply(project, edit)
    for diagnostic in run_checks(project, today=TODAY):
        assert diagnostic.code in CATALOG
        assert diagnostic.message.strip()
        if diagnostic.location:
            get_value(project, diagnostic.location)  # raises PathError if it does not exist
