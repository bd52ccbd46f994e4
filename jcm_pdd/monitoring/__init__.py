"""After registration (no Qt): monitoring periods, their diagnostics, actual emission reductions
per period beside the ex-ante C.3 estimate, and import of monitored data.

Public API::

    period_diagnostics(project, template=None) -> list[Diagnostic]     (diagnostics.py)
    period_actual(project, template, number) -> PeriodActual           (actual.py)
        .result: PeriodResult (re, pe, er exact; er_rounded = credited), .years: YearShare
        per calendar year (shared by days), .days, .credited
    compare(periods, estimate) -> Comparison: per year estimated vs actual, totals
    ActualFigures(template).edited(path) / .figures(project)     (recalc.py: an edit
        recalculates its period only)
    importer.import_file(path, project, template, ImportSpec) -> ImportResult (per meter and
        period: exact total in the plan's unit, readings, missing, duplicates; the file's
        SHA-256); apply.apply_import(project, result) writes it (readers.py: CSV / .xlsx rows;
        tally.py: the per-reading loop)

The project model of the periods is ``jcm_pdd.model.periods`` (``Project.monitoring``).
"""

from jcm_pdd.monitoring.actual import (
    Comparison,
    PeriodActual,
    YearComparison,
    YearShare,
    compare,
    period_actual,
    period_inputs,
    plan_inputs,
    year_shares,
)
from jcm_pdd.monitoring.diagnostics import SEVERITY, period_diagnostics

__all__ = [
    "SEVERITY",
    "Comparison",
    "PeriodActual",
    "YearComparison",
    "YearShare",
    "compare",
    "period_actual",
    "period_diagnostics",
    "period_inputs",
    "plan_inputs",
    "year_shares",
]
