"""Rules on the ex-ante estimate (PDD C.3): the total row must equal the sum of the years.

Both the exact totals (``total_re``/``total_pe``/``total_er`` against the years' exact values)
and the table C.3 prints (``estimate.c3``: whole-tCO2e rows and their totals, see
``jcm_pdd.methodology.c3``) are checked. The engine builds totals by summing, so a mismatch
means a table was edited or assembled elsewhere (an import, a stale copy); the rule is the
guard the validation checklist expects.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from jcm_pdd.checks.context import CheckContext
from jcm_pdd.checks.diagnostic import Diagnostic, make
from jcm_pdd.methodology import format_fraction
from jcm_pdd.methodology.c3 import QUANTITIES

_LABELS = {
    "reference_emissions": ("re", "Estimated Reference emissions"),
    "project_emissions": ("pe", "Estimated Project Emissions"),
    "emission_reductions": ("er", "Estimated Emission Reductions"),
}


def _mismatch(column: str, label: str, total: Fraction, summed: Fraction, key: str) -> Diagnostic:
    return make(
        "calc.total",
        "pdd.estimation.end_year",
        key=key,
        column=column,
        total=format_fraction(total),
        sum=format_fraction(summed),
        label=label,
        shown_total=format_fraction(total, 4, True),
        shown_sum=format_fraction(summed, 4, True),
    )


def c3_totals(context: CheckContext) -> Iterator[Diagnostic]:
    estimate = context.estimate
    if estimate is None:
        return
    table = estimate.c3
    for quantity in QUANTITIES:
        short, label = _LABELS[quantity]
        total = Fraction(table.total.value(quantity))
        summed = Fraction(sum(row.value(quantity) for row in table.rows))
        if total != summed:
            yield _mismatch(f"{short}_rounded", label, total, summed, "calc.total")
        exact = Fraction(getattr(estimate, f"total_{short}"))
        exact_sum = sum((Fraction(getattr(y, short)) for y in estimate.years), Fraction(0))
        if exact != exact_sum:
            yield _mismatch(short, label, exact, exact_sum, "calc.total.unrounded")
