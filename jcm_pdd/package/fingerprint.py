"""Flattening a project to model paths, and the fingerprint of one section's data and figures.

Sign-offs and comparisons both need "the values under these model paths": ``flatten`` turns a
project (or any part of it) into ``{model path: JSON value}`` leaves, e.g.
``{"pdd.sites.0.latitude": "49.4867"}``. A *section* is a form section (``PDD:A.3``,
``MPS:Table 1``, taken from the project's form definitions in ``forms/``, so sign-offs follow
the same navigator the reviewer sees) or any model path (``pdd.sites.1``). Its fingerprint is
the SHA-256 of its leaves plus, for sections the calculation fills (C.3, the MPS tables), the
per-year RE/PE/ER figures: a change to either turns a sign-off stale. In a verification, a
monitoring period is a section too (``MRS:period 2``): its values and its own figures
(``period 2``, ``period 2 (2028)``), so a change to another period leaves its sign-off alone.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from jcm_pdd.model import Project
from jcm_pdd.model.paths import PathError, get_value
from jcm_pdd.package.engine import Figures

FIGURES_PREFIX = "figures."


@dataclass(frozen=True)
class SectionSpec:
    key: str  # "PDD:A.3" or a model path
    title: str
    paths: tuple[str, ...]  # model paths (patterns with * are cut at the first *)
    figures: bool = False
    # a monitoring period's section: only its own figures ("period 2", "period 2 (2028)")
    figure_period: str = ""


def flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    """JSON leaves of ``value`` by dotted path; empty lists and dicts are leaves too."""
    if hasattr(value, "model_dump"):
        value = value.model_dump(mode="json")
    out: dict[str, Any] = {}
    if isinstance(value, dict) and value:
        for key, item in value.items():
            if key == "row_id":
                continue  # a row's identity is no content: rows are compared by position
            out.update(flatten(item, f"{prefix}.{key}" if prefix else str(key)))
    elif isinstance(value, list) and value:
        for n, item in enumerate(value):
            out.update(flatten(item, f"{prefix}.{n}" if prefix else str(n)))
    else:
        out[prefix] = value
    return out


def flatten_figures(figures: Figures) -> dict[str, Any]:
    return {
        f"{FIGURES_PREFIX}{period}.{quantity}": text
        for period, values in figures.items()
        for quantity, text in values.items()
    }


def _base(pattern: str) -> str:
    return pattern.split(".*", 1)[0]


def sections_for(project: Project) -> dict[str, SectionSpec]:
    """Every section of the project's forms (PDD, MPS, MSS, MoC), in navigator order."""
    from jcm_pdd.forms import load_forms

    # No whole-document fallback: a sign-off must cover the sections the reviewer saw, so an
    # unreadable forms/ is an error here as everywhere.
    definitions = load_forms().for_project(project)
    specs: dict[str, SectionSpec] = {}
    for definition in definitions:
        form = str(definition.form_type)
        own: dict[str, list[str]] = {}
        computed: dict[str, bool] = {}
        parents: dict[str, str] = {}
        for section in definition.sections:
            own[section.id] = [_base(f.path) for f in section.fields]
            computed[section.id] = bool(section.computed)
            parents[section.id] = section.parent
        for section in definition.sections:
            paths, figures = list(own[section.id]), computed[section.id]
            for other, parent in parents.items():  # children count toward their parent
                chain = parent
                while chain:
                    if chain == section.id:
                        paths += own[other]
                        figures = figures or computed[other]
                        break
                    chain = parents.get(chain, "")
            key = f"{form}:{section.id}"
            specs[key] = SectionSpec(key, f"{form} {section.heading}", tuple(paths), figures)
    return specs


PERIOD_PREFIX = "MRS:period "


def period_sections(project: Project) -> dict[str, SectionSpec]:
    """One section per monitoring period (``MRS:period 1`` ...), for a verification."""
    specs: dict[str, SectionSpec] = {}
    for number, period in enumerate(project.monitoring.periods):
        label = f"period {number + 1}"
        dates = (
            f" ({period.start:%d/%m/%Y} - {period.end:%d/%m/%Y})"
            if period.start and period.end
            else ""
        )
        key = PERIOD_PREFIX + str(number + 1)
        specs[key] = SectionSpec(
            key,
            f"Monitoring {label}{dates}",
            (f"monitoring.periods.{number}",),
            figures=True,
            figure_period=label,
        )
    return specs


def section_spec(project: Project, key: str) -> SectionSpec:
    if key.startswith(PERIOD_PREFIX):
        periods = period_sections(project)
        if key in periods:
            return periods[key]
        raise KeyError(f"'{key}': the project has {len(periods)} monitoring period(s)")
    specs = sections_for(project)
    if key in specs:
        return specs[key]
    try:
        get_value(project, key)
    except PathError:
        known = ", ".join(list(specs)[:12])
        raise KeyError(
            f"'{key}' is neither a form section ({known}, ...) nor a model path"
        ) from None
    return SectionSpec(key, key, (key,), figures=False)


def section_values(project: Project, figures: Figures, spec: SectionSpec) -> dict[str, Any]:
    """The leaves a sign-off of ``spec`` covers (model paths, then ``figures.*``)."""
    values: dict[str, Any] = {}
    for path in spec.paths:
        try:
            values.update(flatten(get_value(project, path), path))
        except PathError:
            values[path] = None
    if spec.figure_period:
        own = spec.figure_period
        values.update(
            flatten_figures(
                {k: v for k, v in figures.items() if k == own or k.startswith(own + " (")}
            )
        )
    elif spec.figures:  # the PDD's figures: C.3's years and total, never a period's
        values.update(
            flatten_figures({k: v for k, v in figures.items() if not k.startswith("period ")})
        )
    return dict(sorted(values.items()))


def fingerprint(values: dict[str, Any]) -> str:
    text = json.dumps(values, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
