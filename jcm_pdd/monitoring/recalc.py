"""Actual figures kept between edits: an edited value recalculates its period only.

The editor (or the session's undo history) names the model path it changed; a path inside
``monitoring.periods.N`` (a value, the dates, or the whole period) marks period N stale; a
change of the list of periods (one added, removed or moved, and its undo) keeps every other
period's figures, which are kept by the period's row identity, not its position; anything else
(the plan, the methodology) marks every period stale. ``figures()`` then calculates the stale
periods with the plan's inputs built once, so one edit in a 300-unit, 120-period project costs
one period's calculation plus the (cheap) comparison.

Keeping figures by identity across a change of the list is sound because the history is
linear: a list restored by undo holds the periods as they were when it was replaced, and every
later edit of one of them was undone (and reported) before.
"""

from __future__ import annotations

import time
from dataclasses import replace

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
        self._known: dict[str, Outcome] = {}  # by the period's row identity
        self._order: list[str] = []  # the identities as last calculated, in order
        self.calculated = 0  # periods calculated so far (what a test or a benchmark counts)

    def edited(self, path: str) -> None:
        """Forget what the change at model path ``path`` makes stale."""
        parts = path.split(".")
        if parts[:2] == ["monitoring", "periods"]:
            if len(parts) == 2:
                return  # periods added, removed or moved: the others keep their figures
            number = int(parts[2]) if parts[2].isdigit() else -1
            if 0 <= number < len(self._order):
                self._known.pop(self._order[number], None)
                return
        if parts == ["monitoring"]:
            self._known.clear()  # the whole record replaced
            return
        self._base = None
        self._known.clear()

    def figures(self, project: Project, deadline: float | None = None) -> list[Outcome | None]:
        """Every period's outcome, recalculating only what is stale. With ``deadline`` (a
        ``time.perf_counter()`` value) the calculation stops once it passes and the periods
        not calculated yet are None: the desktop app calculates 120 periods in slices between
        keystrokes instead of freezing for half a second."""
        if self._base is None:
            self._base = plan_inputs(project, self.template)
        periods = project.monitoring.periods
        order = [p.row_id for p in periods]
        if len(set(order)) != len(order):  # copied rows in a hand-edited file: by position
            order = [f"{n}:{row_id}" for n, row_id in enumerate(order)]
        if order != self._order:
            # a message names its period by number: that of a period that moved is made again
            before = {ident: n for n, ident in enumerate(self._order)}
            now = {ident: n for n, ident in enumerate(order)}
            self._known = {
                k: v
                for k, v in self._known.items()
                if k in now and (isinstance(v, PeriodActual) or before.get(k) == now[k])
            }
            self._order = order
        out: list[Outcome | None] = []
        for number, ident in enumerate(order):
            known = self._known.get(ident)
            if isinstance(known, PeriodActual) and known.number != number:
                known = self._known[ident] = replace(known, number=number)  # moved: same figures
            if known is None and deadline is not None and time.perf_counter() > deadline:
                out.append(None)  # next time
                continue
            if known is None:
                try:
                    known = period_actual(project, self.template, number, self._base)
                except UserError as exc:  # InputError or CalculationError: shown per period
                    known = exc
                self.calculated += 1
                self._known[ident] = known
            out.append(known)
        return out
