"""The calculation results an export prints: PDD C.3 rows and totals, as display strings.

``EmissionFigures`` is the exporters' narrow view of the engine's ex-ante estimate, so that the
PDD table, the workbook's Table 3 and the MoC never compute anything themselves: they print what
the engine produced (JCM-rounded whole tCO2e per year; the total is the sum of the rounded years,
as in C.3).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any


@dataclass(frozen=True)
class YearFigures:
    year: str  # "2024" or a label such as "2024 (from 01/07)"
    re: int
    pe: int
    er: int
    re_exact: Fraction | None = None
    pe_exact: Fraction | None = None
    er_exact: Fraction | None = None


@dataclass(frozen=True)
class EmissionFigures:
    years: tuple[YearFigures, ...]
    total_re: int
    total_pe: int
    total_er: int
    unit: str = "tCO2e"

    @classmethod
    def from_years(cls, years: list[YearFigures]) -> EmissionFigures:
        return cls(
            years=tuple(years),
            total_re=sum(y.re for y in years),
            total_pe=sum(y.pe for y in years),
            total_er=sum(y.er for y in years),
        )


def thousands(value: int) -> str:
    """Whole tCO2e as printed in C.3: 14746 -> "14,746"."""
    return f"{value:,}"


def _int(value: Any) -> int:
    if isinstance(value, int):
        return value
    return int(value)


def _frac(value: Any) -> Fraction | None:
    if value is None:
        return None
    return Fraction(value)


def figures_from_estimate(estimate: Any) -> EmissionFigures:
    """Adapt the engine's ``ExAnteEstimate`` (jcm_pdd.methodology) to ``EmissionFigures``."""
    years: list[YearFigures] = []
    for row in estimate.years:
        years.append(
            YearFigures(
                year=str(row.year),
                re=_int(row.re_rounded),
                pe=_int(row.pe_rounded),
                er=_int(row.er_rounded),
                re_exact=_frac(getattr(row, "re", None)),
                pe_exact=_frac(getattr(row, "pe", None)),
                er_exact=_frac(getattr(row, "er", None)),
            )
        )
    return EmissionFigures.from_years(years)
