"""Import of monitored data: meter readings (CSV or .xlsx) summed into monitoring periods.

One row per reading (``2027-01-01T13:00``: the interval starting then), per day
(``2027-01-01``) or per month (``2027-01``), a value column, and optionally a meter column whose
values name the units of the parameter (``PV-1``). The readings are converted from the file's
unit to the unit of the Monitoring Plan row (``kWh`` -> ``MWh/p``: summed over the period, then
times 1/1000), exactly; a total that is not an exact decimal in the plan's unit is refused
rather than rounded. Missing readings (gaps), a second reading of the same meter and interval
(duplicates: refused, or the first kept) and readings outside the periods are counted per meter
and period. The file is streamed: memory holds one small bitmap per meter (one byte per
interval) and the running sums, never the rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from itertools import islice
from pathlib import Path
from typing import Literal

from jcm_pdd.methodology.schema import Template
from jcm_pdd.methodology.units import BASES, UnitError, parse_unit
from jcm_pdd.model import Project
from jcm_pdd.monitoring.readers import ImportFileError, open_rows
from jcm_pdd.monitoring.tally import DAY, ImportSpec, Series, Tally

__all__ = ["ImportResult", "ImportSpec", "Series", "conversion", "exact_decimal", "import_file"]

_P = BASES.index("p")


@dataclass
class ImportResult:
    file_name: str
    sha256: str
    rows: int
    interval_minutes: int  # 1440 for daily or monthly rows
    outside: int  # rows outside the chosen periods
    series: list[Series]
    unit: str
    plan_unit: str


def _plan_row(project: Project, template: Template, spec: ImportSpec) -> tuple[str, list[str]]:
    """The plan's unit for the parameter and its index sets (refuses what cannot be imported)."""
    key = spec.parameter
    rows = [r for r in project.monitoring_plan.monitored if r.key == key]
    if key not in template.parameters or not rows:
        known = sorted({r.key for r in project.monitoring_plan.monitored if r.key})
        raise ImportFileError(
            f"{key} is not a monitored parameter of the Monitoring Plan (Table 1 has: "
            f"{', '.join(known) or 'none'})"
        )
    param = template.parameters[key]
    if len(param.index) > 1:
        raise ImportFileError(f"{key} is indexed by {', '.join(param.index)}; import it by hand")
    return param.unit, param.index


def conversion(source: str, plan_unit: str) -> Fraction:
    """Factor from a sum of readings in ``source`` to a period value in ``plan_unit``."""
    try:
        given, target = parse_unit(source), parse_unit(plan_unit)
    except UnitError as exc:
        raise ImportFileError(f"unit: {exc}") from None
    if target.dims[_P] != -1:
        raise ImportFileError(
            f"values in {plan_unit} are not totals over the period; enter them by hand"
        )
    total = target * parse_unit("p")
    if given.dims != total.dims:
        raise ImportFileError(f"readings in {source} cannot be summed into {plan_unit}")
    return given.scale / total.scale


def _column(header: list[str], name: str, what: str) -> int:
    try:
        return header.index(name)
    except ValueError:
        raise ImportFileError(
            f"no {what} column “{name}” (the columns are: {_shown_columns(header)})"
        ) from None


def _shown_columns(header: list[str], most: int = 8, width: int = 24) -> str:
    """The header as a message can show it: a binary file's "header" is kilobytes of noise,
    and the message is one readable line."""
    names = [n if len(n) <= width else n[: width - 1] + "…" for n in header[:most]]
    more = f" and {len(header) - most:,} more" if len(header) > most else ""
    return ", ".join(names) + more


def _interval(rows: list[list[str]], time: int, meter: int | None) -> int:
    """The reading interval in minutes: the smallest step between two readings of a meter."""
    last: dict[str, dt.datetime] = {}
    step = 0
    for row in rows:
        try:
            when = dt.datetime.fromisoformat(row[time])
        except (ValueError, IndexError):
            continue  # the streaming pass names the row
        if when.tzinfo is not None:
            continue  # likewise: a zone is refused there
        name = row[meter] if meter is not None and meter < len(row) else ""
        if name in last and when > last[name]:
            gap = int((when - last[name]).total_seconds() // 60)
            step = gap if not step else min(step, gap)
        last[name] = when
    return step or 60


def import_file(path: Path, project: Project, template: Template, spec: ImportSpec) -> ImportResult:
    """Read ``path`` and sum its readings into the project's periods (the project is unchanged;
    ``apply_import`` writes the result)."""
    plan_unit, sets = _plan_row(project, template, spec)
    factor = conversion(spec.unit, plan_unit)
    all_periods = project.monitoring.periods
    chosen = spec.periods or tuple(
        n for n, p in enumerate(all_periods) if p.start and p.end and p.start <= p.end
    )
    if not chosen:
        raise ImportFileError("the project has no monitoring period with dates to import into")
    ranges: list[tuple[dt.date, dt.date]] = []
    for number in chosen:
        if not 0 <= number < len(all_periods):
            raise ImportFileError(f"there is no period {number + 1}")
        period = all_periods[number]
        if period.start is None or period.end is None or period.end < period.start:
            raise ImportFileError(f"period {number + 1} has no valid dates")
        ranges.append((period.start, period.end))
    first = min(r[0] for r in ranges)
    span_days = (max(r[1] for r in ranges) - first).days + 1
    with open_rows(path) as source:
        time = _column(source.header, spec.time_column, "time")
        value = _column(source.header, spec.value_column, "value")
        meter = _column(source.header, spec.meter_column, "meter") if spec.meter_column else None
        head = list(islice(source.rows, 2000))
        shape = _shape(head, time)
        interval = _interval(head, time, meter) if shape == "time" else DAY
        if DAY % interval:
            raise ImportFileError(f"readings every {interval} minutes do not divide a day")
        per_day = DAY // interval
        state = Tally(project, spec, sets, ranges, first, span_days * per_day, interval)
        # the first rows, then the rest straight from the reader (no layer between: this loop
        # runs once per reading)
        rows = state.read(head, time, value, meter, shape)
        rows += state.read(source.rows, time, value, meter, shape, 2 + len(head))
        sha = source.sha256
    series = state.series(chosen, factor, plan_unit, per_day)
    return ImportResult(path.name, sha, rows, interval, state.outside, series, spec.unit, plan_unit)


def _shape(head: list[list[str]], time: int) -> Literal["time", "day", "month"]:
    for row in head:
        text = row[time].strip() if time < len(row) else ""
        if len(text) > 10:
            return "time"
        if len(text) == 10:
            return "day"
        if len(text) == 7:
            return "month"
    return "time"


def exact_decimal(value: Fraction) -> Decimal | None:
    """``value`` as a Decimal when it is one exactly (denominator 2^a 5^b), else None."""
    denominator = value.denominator
    twos = fives = 0
    while denominator % 2 == 0:
        denominator //= 2
        twos += 1
    while denominator % 5 == 0:
        denominator //= 5
        fives += 1
    if denominator != 1:
        return None
    places = max(twos, fives)
    scaled = value * 10**places
    # Parsed from its digits, never through a context: ``scaleb`` rounded to the context's 28
    # digits, so a reading of more digits was stored rounded, not exactly.
    return Decimal(f"{scaled.numerator}E-{places}")


def summaries(result: ImportResult) -> Iterator[str]:
    """One line per meter and period, in words, for the user and the import record."""
    for s in result.series:
        unit = f"[{', '.join(f'{k} = {v}' for k, v in s.index.items())}]" if s.index else ""
        line = (
            f"period {s.period + 1}: {s.key} {unit} = {exact_decimal(s.total) or s.total} "
            f"{result.plan_unit} from {s.readings:,} of {s.expected:,} readings"
        )
        if s.missing:
            line += f"; {s.missing:,} missing (first {s.first_missing})"
        if s.duplicates:
            line += f"; {s.duplicates:,} duplicate(s) ignored"
        yield line
