"""Writing an import's per-period totals into the project's periods, with the file as evidence.

A value already in the period is replaced (its option, instrument and calibration date stay);
a missing one is added with the plan's monitoring option. The source file's SHA-256 is added to
each value's evidence and recorded in the period's imports, so the verifier can match the
value with the file (the caller keeps the file itself as an attachment).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

from jcm_pdd.model import ImportedSeries, ImportRecord, MonitoredValue, Project
from jcm_pdd.monitoring.importer import ImportResult, exact_decimal, summaries
from jcm_pdd.monitoring.readers import ImportFileError


def apply_import(project: Project, result: ImportResult, today: dt.date | None = None) -> None:
    """Write ``result`` into ``project`` (all or nothing: it is checked before any change)."""
    totals: dict[tuple[int, str, tuple[tuple[str, str], ...]], Fraction] = {}
    for series in result.series:
        ident = (series.period, series.key, tuple(sorted(series.index.items())))
        totals[ident] = totals.get(ident, Fraction(0)) + series.total
    values = {}
    for ident, total in totals.items():
        exact = exact_decimal(total)
        if exact is None:
            # an approximation only to say which value it is (never through a binary float)
            about = Decimal(total.numerator) / Decimal(total.denominator)
            raise ImportFileError(
                f"period {ident[0] + 1}: {ident[1]} in {result.plan_unit} would be about "
                f"{about:.12g}, not an exact decimal ({result.unit} -> {result.plan_unit}); "
                f"export the readings in a unit that converts exactly"
            )
        values[ident] = exact
    options = {
        (r.key, tuple(sorted(r.index.items()))): r.option for r in project.monitoring_plan.monitored
    }
    lines = list(summaries(result))
    for (number, key, index), value in values.items():
        period = project.monitoring.periods[number]
        entry = next(
            (v for v in period.values if v.key == key and tuple(sorted(v.index.items())) == index),
            None,
        )
        if entry is None:
            entry = MonitoredValue(key=key, index=dict(index), option=options.get((key, index)))
            period.values.append(entry)
        entry.value = value
        if result.sha256 not in entry.evidence:
            entry.evidence = [*entry.evidence, result.sha256]
    for number in sorted({ident[0] for ident in values}):
        prefix = f"period {number + 1}: "
        project.monitoring.periods[number].imports.append(
            ImportRecord(
                file_name=result.file_name,
                sha256=result.sha256,
                rows=result.rows,
                imported_on=today,
                summary="; ".join(
                    line.removeprefix(prefix) for line in lines if line.startswith(prefix)
                ),
                unit=result.unit,
                plan_unit=result.plan_unit,
                series=[
                    ImportedSeries(
                        key=s.key,
                        index=dict(s.index),
                        total=exact_decimal(s.total),
                        readings=s.readings,
                        expected=s.expected,
                        first_missing=s.first_missing,
                        duplicates=s.duplicates,
                    )
                    for s in result.series
                    if s.period == number
                ],
            )
        )
