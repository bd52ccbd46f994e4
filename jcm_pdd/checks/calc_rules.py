"""Rules on the ex-ante estimate (PDD C.3): the total row must equal the sum of the years.

The estimate is used through ``years`` (rows with ``year``, ``re``/``pe``/``er`` and their
``*_rounded`` values) and the ``total_*`` attributes documented in ``jcm_pdd.methodology``.
The engine builds totals by summing, so a mismatch means a table was edited or assembled
elsewhere (an import, a stale copy); the rule is the guard the validation checklist expects.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction
from typing import Any

from jcm_pdd.checks.context import CheckContext
from jcm_pdd.checks.diagnostic import Diagnostic, make
from jcm_pdd.methodology import format_fraction

_COLUMNS = (
    ("re", "Estimated Reference emissions"),
    ("pe", "Estimated Project Emissions"),
    ("er", "Estimated Emission Reductions"),
)


def _total(estimate: Any, name: str) -> Any:
    return getattr(estimate, f"total_{name}", None)


def c3_totals(context: CheckContext) -> Iterator[Diagnostic]:
    estimate = context.estimate
    if estimate is None:
        return
    years = list(getattr(estimate, "years", []))
    for attribute, label in _COLUMNS:
        for suffix in ("_rounded", ""):
            total = _total(estimate, attribute + suffix)
            if total is None:
                continue
            summed = sum((Fraction(getattr(y, attribute + suffix)) for y in years), Fraction(0))
            if Fraction(total) != summed:
                yield make(
                    "calc.total",
                    "pdd.estimation.end_year",
                    key="calc.total" if suffix else "calc.total.unrounded",
                    column=attribute + suffix,
                    total=format_fraction(Fraction(total)),
                    sum=format_fraction(summed),
                    label=label,
                    shown_total=format_fraction(Fraction(total), 4, True),
                    shown_sum=format_fraction(summed, 4, True),
                )
