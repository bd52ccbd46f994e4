"""PDD C.3 "Estimated emissions reductions in each year": the one rule for what it shows.

Every consumer (the app's calculation panel, ``jcm-pdd calc`` and ``calc --json``, the PDD
.docx and .pdf, the validation package and the start page's "ER per year") reads
``c3_table(estimate)``; none of them rounds or adds up figures by itself.

The rule is JCM PDD Studio's convention, not a JCM text: no JCM rule, guideline or form we
know of says how the C.3 figures are rounded or totalled (only that credits are whole
tonnes). It is stated here and, in product words, in the note printed under the table:

1. One row per calendar year of operation. Each figure is that year's exact value (the annual
   value times days of operation / days in the year, ``estimate``) rounded to whole tCO2e by
   the methodology template's ``[rounding]``: emission reductions by ``emission_reductions``
   (``floor`` in every shipped template, so a credited amount is never over-stated); reference
   and project emissions by ``reference_emissions`` / ``project_emissions`` (display only,
   ``half_up`` unless a template says otherwise). ER is rounded from the exact ER, never
   computed from the rounded RE and PE, so a row's RE - PE as printed may exceed its ER.
2. Each total is the sum of the rows as printed, so a reader can add up every column; the ER
   total is the sum of the credited years.
3. "ER per year" (the start page, the manifest) is the ER of one full year of operation,
   rounded like a row: the figure every full calendar year of operation shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from jcm_pdd.methodology.engine import round_value

if TYPE_CHECKING:
    from jcm_pdd.methodology.estimate import ExAnteEstimate
    from jcm_pdd.methodology.schema import Rounding, RoundingMode

# The column subpaths of the C.3 table in forms/ (``computed_columns``): the table is laid out
# from the form's columns, and these are the values a column may name.
Quantity = Literal["reference_emissions", "project_emissions", "emission_reductions"]
QUANTITIES: tuple[Quantity, ...] = (
    "reference_emissions",
    "project_emissions",
    "emission_reductions",
)
YEAR = "year"
COLUMNS = (YEAR, *QUANTITIES)


@dataclass(frozen=True)
class C3Row:
    year: int
    days: int  # days of operation in the year
    days_in_year: int
    reference_emissions: int  # whole tCO2e, as printed
    project_emissions: int
    emission_reductions: int  # credited

    def value(self, column: str) -> int:
        """The figure of a form column (``year`` or a quantity subpath)."""
        if column == YEAR:
            return self.year
        return int(getattr(self, _quantity(column)))


@dataclass(frozen=True)
class C3Totals:
    reference_emissions: int
    project_emissions: int
    emission_reductions: int

    def value(self, column: str) -> int:
        return int(getattr(self, _quantity(column)))


@dataclass(frozen=True)
class C3Table:
    rows: tuple[C3Row, ...]
    total: C3Totals  # sums of the rows as printed
    er_per_full_year: int  # "ER per year" on the start page
    note: str  # how the figures are rounded, printed under the table
    unit: str = "tCO2e"
    # the methodology-level caveat printed under the table (methodology/status.py; "" when
    # verified); set by the exporter, not part of the figures (to_dict leaves it out)
    methodology_caveat: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Plain data, the same in ``calc --json`` and the validation package."""
        return {
            "rows": [
                {"year": r.year, "days": r.days, **{q: r.value(q) for q in QUANTITIES}}
                for r in self.rows
            ],
            "total": {q: self.total.value(q) for q in QUANTITIES},
            "er_per_full_year": self.er_per_full_year,
            "unit": self.unit,
            "note": self.note,
        }


def _quantity(column: str) -> Quantity:
    for quantity in QUANTITIES:
        if quantity == column:
            return quantity
    raise KeyError(
        f"the C.3 table has no column '{column}' (its columns are: {', '.join(COLUMNS)})"
    )


def c3_table(estimate: ExAnteEstimate) -> C3Table:
    """The C.3 table of ``estimate`` by the rule above."""
    rounding = estimate.rounding
    rows = tuple(
        C3Row(
            y.year,
            y.days,
            y.days_in_year,
            round_value(y.re, rounding.reference_emissions),
            round_value(y.pe, rounding.project_emissions),
            round_value(y.er, rounding.emission_reductions),
        )
        for y in estimate.years
    )
    total = C3Totals(*(sum(r.value(q) for r in rows) for q in QUANTITIES))
    per_year = round_value(estimate.annual.er, rounding.emission_reductions)
    return C3Table(rows, total, per_year, rounding_note(rounding))


_MODE_WORDS: dict[str, str] = {
    "floor": "rounded down",
    "ceil": "rounded up",
    "half_up": "rounded to the nearest tonne",
}


def _words(mode: RoundingMode) -> str:
    return _MODE_WORDS[mode]


def rounding_note(rounding: Rounding) -> str:
    """The sentence printed under C.3, from the template's rounding modes."""
    re_mode, pe_mode = rounding.reference_emissions, rounding.project_emissions
    if re_mode == pe_mode:
        emissions = f"Reference and project emissions are {_words(re_mode)}"
    else:
        emissions = (
            f"Reference emissions are {_words(re_mode)} and project emissions {_words(pe_mode)}"
        )
    return (
        f"Figures are in whole tCO2e. {emissions}; emission reductions are calculated from "
        f"the unrounded figures and {_words(rounding.emission_reductions)}, so a year's "
        "emission reductions may differ by one tonne from its reference minus project "
        "emissions as shown. Totals are the sums of the years shown."
    )
