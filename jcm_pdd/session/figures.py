"""The figures the editor shows: RE, PE and ER per year (PDD C.3), totals, the calculation trace
and the provenance of every input, adapted from ``jcm_pdd.methodology`` for display.

Values stay exact (Decimal); the credited ER per year is rounded down to whole tCO2e by the
engine (JCM rounding), and this module never re-rounds it.
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from jcm_pdd.errors import UserError
from jcm_pdd.model import Project

_log = logging.getLogger(__name__)

PROVENANCES = ("entered", "default", "calculated", "overridden", "unverified default")


@dataclass(frozen=True)
class YearFigures:
    year: int
    reference: Decimal
    project: Decimal
    reductions: Decimal


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


@dataclass(frozen=True)
class InputMark:
    symbol: str
    description: str
    value: str
    unit: str
    provenance: str  # one of PROVENANCES


@dataclass
class FiguresView:
    years: list[YearFigures] = field(default_factory=list)
    trace: list[TraceLine] = field(default_factory=list)
    inputs: list[InputMark] = field(default_factory=list)
    message: str = ""  # why there are no figures (no methodology chosen, missing input ...)

    @property
    def total_reference(self) -> Decimal:
        return sum((y.reference for y in self.years), Decimal(0))

    @property
    def total_project(self) -> Decimal:
        return sum((y.project for y in self.years), Decimal(0))

    @property
    def total_reductions(self) -> Decimal:
        return sum((y.reductions for y in self.years), Decimal(0))


def _engine() -> Any | None:
    try:
        module = importlib.import_module("jcm_pdd.methodology")
    except ImportError:
        return None
    return getattr(module, "estimate_project", None)


def estimate_figures(project: Project) -> FiguresView:
    """The figures for ``project``; a message instead when they cannot be computed yet."""
    estimate = _engine()
    if estimate is None:
        return FiguresView(message="The calculation engine is not installed.")
    if not project.pdd.methodology.methodology_id:
        return FiguresView(message="Choose a methodology (B.1) to see the figures.")
    try:
        result = estimate(project)
    except UserError as exc:
        return FiguresView(message=exc.message)
    return adapt(result)


def adapt(result: Any) -> FiguresView:
    """Convert the engine's result into the view (kept in one place as the engine evolves)."""
    view = FiguresView()
    for year in getattr(result, "years", []):
        view.years.append(
            YearFigures(
                int(year.year),
                Decimal(year.reference_emissions),
                Decimal(year.project_emissions),
                Decimal(year.emission_reductions),
            )
        )
    return view
