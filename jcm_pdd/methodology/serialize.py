"""Plain-data (JSON-ready) views of calculation results, for ``calc --json``, packages and exports.

The one serializer of the calculation trace: ``calc --json``'s ``period.trace`` and a validation
package's ``trace.json`` ``trace.steps`` are both ``trace_to_list`` of the same period.

Every number is given twice: ``value`` (decimal text, exact when it terminates, else truncated
with "…") and ``exact`` (the Fraction as ``numerator/denominator``), so no reader needs floats.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from jcm_pdd.methodology.engine import PeriodResult
from jcm_pdd.methodology.estimate import ExAnteEstimate
from jcm_pdd.methodology.fmt import format_fraction


def number(value: Fraction) -> dict[str, str]:
    return {"value": format_fraction(value), "exact": str(value)}


def period_to_dict(result: PeriodResult, trace: bool = True) -> dict[str, Any]:
    """RE, PE, ER (unrounded and rounded), provenance flags and, optionally, the trace."""
    data: dict[str, Any] = {
        "methodology": result.template_id,
        "version": result.version,
        "re": number(result.re),
        "pe": number(result.pe),
        "er": number(result.er),
        "re_rounded": result.re_rounded,
        "pe_rounded": result.pe_rounded,
        "er_rounded": result.er_rounded,
        "has_unverified_defaults": result.has_unverified_defaults,
        "has_draft_defaults": result.has_draft_defaults,
        "has_overrides": result.has_overrides,
    }
    if result.recorded:  # record-only monitored values (used by no equation)
        data["recorded"] = [
            {
                "key": i.key,
                "symbol": i.symbol,
                "index": dict(i.index),
                "unit": i.unit,
                "value": number(i.value),
                "provenance": i.source.label,
                "where": i.source.where,
            }
            for i in result.recorded
        ]
    if trace:
        data["trace"] = trace_to_list(result)
    return data


def trace_to_list(result: PeriodResult) -> list[dict[str, Any]]:
    return [
        {
            "key": step.key,
            "symbol": step.symbol,
            "index": dict(step.index),
            "equation": step.equation,
            "equation_ref": step.equation_ref,
            "substituted": step.substituted_equation(),
            "unit": step.unit,
            "value": number(step.value),
            "inputs": [
                {
                    "label": i.label,
                    "key": i.key,
                    "symbol": i.symbol,
                    "index": dict(i.index),
                    "unit": i.unit,
                    "value": number(i.value),
                    "origin": i.source.origin,
                    "provenance": i.source.label,
                    "status": i.source.status,
                    "choice": i.source.choice,
                    "citation": i.source.citation,
                    "reason": i.source.reason,
                    "where": i.source.where,
                }
                for i in step.inputs
            ],
        }
        for step in result.trace
    ]


def estimate_to_dict(estimate: ExAnteEstimate, trace: bool = True) -> dict[str, Any]:
    """The exact years and totals, the C.3 table as printed (``c3``: whole tCO2e rows, totals
    that are their sums, ER per full year, the rounding note) and the annual period result."""
    c3 = estimate.c3
    return {
        "methodology": estimate.template_id,
        "version": estimate.version,
        "start": estimate.start.isoformat(),
        "end": estimate.end.isoformat(),
        "years": [
            {
                "year": y.year,
                "days": y.days,
                "days_in_year": y.days_in_year,
                "re": number(y.re),
                "pe": number(y.pe),
                "er": number(y.er),
            }
            for y in estimate.years
        ],
        "totals": {
            "re": number(estimate.total_re),
            "pe": number(estimate.total_pe),
            "er": number(estimate.total_er),
        },
        "c3": c3.to_dict(),
        "period": period_to_dict(estimate.annual, trace=trace),
    }
