"""The figures the editor shows: the PDD C.3 table (``estimate.c3``, the same rows, totals and
rounding note every document prints), the calculation trace and the provenance of every input.

Nothing here rounds or adds up: the table is the engine's typed ``C3Table``.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from jcm_pdd.errors import UserError
from jcm_pdd.model import Project

if TYPE_CHECKING:
    from jcm_pdd.methodology.c3 import C3Row, C3Table
    from jcm_pdd.methodology.estimate import ExAnteEstimate
    from jcm_pdd.methodology.registry import Registry

_log = logging.getLogger(__name__)

PROVENANCES = ("entered", "default", "calculated", "overridden", "unverified default")


@dataclass(frozen=True)
class TraceLine:
    """One equation of the calculation with its values substituted."""

    symbol: str
    equation: str
    substituted: str
    value: str
    unit: str = ""
    citation: str = ""
    provenance: str = "calculated"
    typeset_html: str = ""  # the equation as the methodology prints it (methodology.typeset)


@dataclass(frozen=True)
class InputMark:
    symbol: str
    description: str
    value: str
    unit: str
    provenance: str  # one of PROVENANCES


@dataclass
class FiguresView:
    c3: C3Table | None = None  # what C.3 shows (None: no figures)
    trace: list[TraceLine] = field(default_factory=list)
    inputs: list[InputMark] = field(default_factory=list)
    message: str = ""  # why there are no figures (no methodology chosen, missing input ...)
    message_path: str = ""  # model path of the field the message is about ("" if none)
    missing: int = 0  # how many inputs of the calculation are still to be entered
    # the methodology-level caveat (methodology/status.py), "" for a verified methodology
    methodology_caveat: str = ""
    methodology_status: str = "verified"  # verified, draft, unverified or reconstructed
    needs_acknowledgement: bool = False  # a final export needs the user's acknowledgement
    acknowledged: bool = False
    template_id: str = ""  # the template's full id (what an acknowledgement records)

    @property
    def rows(self) -> tuple[C3Row, ...]:
        return self.c3.rows if self.c3 is not None else ()


@cache
def _registry() -> Registry:
    from jcm_pdd.methodology import load_registry

    return load_registry()


def estimate_figures(project: Project) -> FiguresView:
    """The figures for ``project``; a message instead when they cannot be computed yet."""
    if not project.pdd.methodology.methodology_id:  # (before the engine is even loaded)
        return FiguresView(message="Choose a methodology (B.1) to see the figures.")
    from jcm_pdd.methodology import estimate_project

    try:
        result = estimate_project(project, _registry())
    except UserError as exc:
        from jcm_pdd.methodology.where import field_of_input

        path = field_of_input(project, getattr(exc, "key", ""), getattr(exc, "index", None))
        view = FiguresView(
            message=plain_message(exc.message),
            message_path=path,
            missing=max(1, missing_inputs(project)),
        )
    else:
        view = adapt(result, _symbols(project))
    _methodology_status(project, view)
    return view


def _methodology_status(project: Project, view: FiguresView) -> None:
    """Say how far the methodology itself is verified (shown above the figures)."""
    from jcm_pdd.methodology.status import caveat, methodology_status, needs_acknowledgement

    chosen = project.pdd.methodology
    try:
        template = _registry().get(chosen.methodology_id, chosen.version or None)
    except UserError:
        return
    view.methodology_caveat = caveat(template)
    view.methodology_status = methodology_status(template)
    view.needs_acknowledgement = needs_acknowledgement(template)
    view.template_id = template.identity.full_id
    view.acknowledged = chosen.acknowledged_template == template.identity.full_id


_MODEL_PATH = re.compile(r"\s*\((?:pdd|monitoring_plan|moc)\.[\w.]+\)")
_CHOICES = re.compile(r"choose one of ([\w-]+(?:, [\w-]+)*)$")


def plain_message(message: str) -> str:
    """The engine's message as a person reads it: no model paths (the panel's link goes to
    the field) and no list of case identifiers (the drop-down shows the cases by name)."""
    message = _MODEL_PATH.sub("", message)
    return _CHOICES.sub(
        lambda m: f"choose which case applies ({len(m.group(1).split(', '))} cases offered)",
        message,
    )


def missing_inputs(project: Project) -> int:
    """How many calculation inputs are still empty: the A.5 start date and lifetime, Table 1
    estimated values, Table 2 fixed values and the cases of default values."""
    duration = project.pdd.duration
    plan = project.monitoring_plan
    return (
        (duration.start_date is None)
        + (duration.operational_lifetime_years is None)
        + sum(row.estimated_value is None for row in plan.monitored)
        + sum(row.value is None for row in plan.fixed_ex_ante)
        + sum(not row.choice for row in plan.default_selections)
    )


def provenance_of(source: Any) -> str:
    origin = str(getattr(source, "origin", "calculated"))
    if origin == "default" and getattr(source, "status", None) not in (None, "verified"):
        return "unverified default"
    return origin if origin in PROVENANCES else "calculated"


def _symbols(project: Project) -> dict[str, str]:
    """Parameter key -> printed symbol of the project's methodology (for typeset equations)."""
    try:
        template = _registry().get(
            project.pdd.methodology.methodology_id, project.pdd.methodology.version or None
        )
    except UserError:
        return {}
    return {key: param.symbol for key, param in template.parameters.items()}


def _typeset(step: Any, symbols: dict[str, str]) -> str:
    from jcm_pdd.methodology import expr as ex
    from jcm_pdd.methodology.typeset import equation_runs, html

    if not symbols:
        return ""
    return html(equation_runs(step.symbol, ex.parse(step.equation), symbols, step.equation_ref))


def adapt(result: ExAnteEstimate, symbols: dict[str, str] | None = None) -> FiguresView:
    """The view of the engine's estimate: its C.3 table as is, the trace and input marks;
    with the methodology's ``symbols`` each equation is also typeset as it is printed."""
    from jcm_pdd.methodology import format_fraction

    view = FiguresView(c3=result.c3)
    seen: set[str] = set()
    # A unit's equation reads as every other unit's: typeset once (2,000 lighting groups
    # parsed and typeset the same equation 2,000 times, a third of a recalculation's time)
    typeset: dict[tuple[str, str, str], str] = {}
    for step in result.annual.trace:
        label = f"{step.symbol}{_index_label(step.index)}"
        how = (step.symbol, step.equation, step.equation_ref)
        if how not in typeset:
            typeset[how] = _typeset(step, symbols or {})
        view.trace.append(
            TraceLine(
                label,
                step.equation,
                step.substituted(),
                format_fraction(step.value),
                step.unit,
                step.equation_ref,
                typeset_html=typeset[how],
            )
        )
        for item in step.inputs:
            if item.label in seen or item.source.origin == "calculated":
                continue
            seen.add(item.label)
            view.inputs.append(
                InputMark(
                    item.label,
                    item.source.citation or item.source.where,
                    format_fraction(item.value),
                    item.unit,
                    provenance_of(item.source),
                )
            )
    return view


def _index_label(index: tuple[tuple[str, str], ...]) -> str:
    return "[" + ", ".join(f"{k}={v}" for k, v in index) + "]" if index else ""
