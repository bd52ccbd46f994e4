"""Actual figures kept between edits: an edited value recalculates its period only.

The editor (or the session's undo history) names the model path it changed; a path inside
``monitoring.periods.N`` marks period N stale, anything else (the plan, the methodology, the
dates of periods) marks every period stale. ``figures()`` then calculates the stale periods
with the plan's inputs built once, so one edit in a 300-unit, 120-period project costs one
period's calculation plus the (cheap) comparison.
"""

from __future__ import annotations

from jcm_pdd.errors import UserError
from jcm_pdd.methodology.inputs import Inputs
from jcm_pdd.methodology.schema import Template
from jcm_pdd.model import Project
from jcm_pdd.monitoring.actual import PeriodActual, period_actual, plan_inputs

Outcome = PeriodActual | UserError  # a period that cannot be calculated says why


class ActualFigures:
    def __init__(self, template: Template) -> None:
        self.template = template
        self._base: Inputs | None = None
        self._periods: list[Outcome | None] = []

    def edited(self, path: str) -> None:
        """Forget what the change at model path ``path`` makes stale."""
        parts = path.split(".")
        if len(parts) > 3 and parts[:2] == ["monitoring", "periods"] and parts[3] == "values":
            number = int(parts[2]) if parts[2].isdigit() else -1
            if 0 <= number < len(self._periods):
                self._periods[number] = None
                return
        self._base = None
        self._periods = []

    def figures(self, project: Project) -> list[Outcome]:
        """Every period's outcome, recalculating only what is stale."""
        if self._base is None:
            self._base = plan_inputs(project, self.template)
        count = len(project.monitoring.periods)
        if len(self._periods) != count:
            self._periods = [None] * count
        out: list[Outcome] = []
        for number, known in enumerate(self._periods):
            if known is None:
                try:
                    known = period_actual(project, self.template, number, self._base)
                except UserError as exc:  # InputError or CalculationError: shown per period
                    known = exc
                self._periods[number] = known
            out.append(known)
        return out
