"""The editor's view of the monitoring periods (no Qt): the rows a period's values table shows,
the edits that write them, a new period's suggested dates, the edits of an import, and the
figures (actual per period beside the C.3 estimate) kept between edits.

Table 1 of the Monitoring Plan is the contract: a period shows one row per plan row (a
parameter of one unit), whether a value was entered yet or not, then any value the plan does
not list (which the diagnostics name). Writing into a row that has no value yet adds the value
with the plan's monitoring option; everything goes through ``DocumentSession`` edits (undo).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from jcm_pdd.errors import UserError
from jcm_pdd.model import MonitoredValue, MonitoringPeriod, MonitoringRecord, Project

if TYPE_CHECKING:
    from jcm_pdd.methodology.estimate import ExAnteEstimate
    from jcm_pdd.methodology.schema import Template
    from jcm_pdd.model import AttachmentRecord
    from jcm_pdd.monitoring import Comparison, PeriodActual
    from jcm_pdd.monitoring.importer import ImportResult

Ident = tuple[str, tuple[tuple[str, str], ...]]


def ident(key: str, index: dict[str, str]) -> Ident:
    return key, tuple(sorted(index.items()))


@dataclass(frozen=True)
class ValueRow:
    """One row of a period's values table: a plan row and the value entered for it, if any."""

    key: str
    index: dict[str, str]
    symbol: str
    unit: str  # the plan row's unit (what the value is in)
    planned_option: str | None
    planned: bool  # False: a value the plan's Table 1 does not list
    position: int | None  # in ``period.values``; None when nothing is entered yet
    entry: MonitoredValue | None

    @property
    def unit_label(self) -> str:
        """``PV-1`` (the unit of the project: index members), or "" for a project total."""
        return ", ".join(self.index.values())


def value_rows(project: Project, number: int) -> list[ValueRow]:
    period = project.monitoring.periods[number]
    entries: dict[Ident, tuple[int, MonitoredValue]] = {}
    for number_in_period, given in enumerate(period.values):
        entries.setdefault(ident(given.key, given.index), (number_in_period, given))
    rows = []
    seen: set[Ident] = set()
    for plan in project.monitoring_plan.monitored:
        if not plan.key:
            continue
        key = ident(plan.key, plan.index)
        if key in seen:
            continue
        seen.add(key)
        found = entries.get(key)
        position: int | None = found[0] if found is not None else None
        entry: MonitoredValue | None = found[1] if found is not None else None
        rows.append(
            ValueRow(
                plan.key,
                dict(plan.index),
                plan.symbol or plan.key,
                plan.unit,
                plan.option,
                True,
                position,
                entry,
            )
        )
    for number_in_period, given in enumerate(period.values):
        if ident(given.key, given.index) not in seen:
            rows.append(
                ValueRow(
                    given.key,
                    dict(given.index),
                    given.key,
                    "",
                    None,
                    False,
                    number_in_period,
                    given,
                )
            )
    return rows


def value_edit(
    project: Project, number: int, row: ValueRow, name: str, value: Any
) -> dict[str, Any]:
    """The edits that write ``value`` into field ``name`` of ``row`` in period ``number``."""
    base = f"monitoring.periods.{number}.values"
    if row.position is not None:
        return {f"{base}.{row.position}.{name}": value}
    entry = MonitoredValue.model_validate(
        {"key": row.key, "index": dict(row.index), "option": row.planned_option, name: value}
    )
    return {base: [*project.monitoring.periods[number].values, entry]}


def new_period(project: Project, today: dt.date | None = None) -> MonitoringPeriod:
    """A period that follows the last one (or begins at the start of operation, A.5), one
    year long: the dates most projects use; the user corrects them."""
    ends = [p.end for p in project.monitoring.periods if p.end is not None]
    if ends:
        start = max(ends) + dt.timedelta(days=1)
    else:
        start = project.pdd.duration.start_date or (today or dt.date.today()).replace(day=1)
    try:
        end = start.replace(year=start.year + 1) - dt.timedelta(days=1)
    except ValueError:  # 29 February
        end = start.replace(year=start.year + 1, day=28)
    return MonitoringPeriod(start=start, end=end)


def import_edits(
    project: Project, result: ImportResult, record: AttachmentRecord, today: dt.date
) -> dict[str, Any]:
    """The edits of an import, as one step: each period it fills (values and the import record)
    and the file itself as an attachment (its SHA-256 is the values' evidence)."""
    from jcm_pdd.monitoring.apply import apply_import

    if record.sha256 != result.sha256:
        raise UserError(f"{result.file_name} changed while it was imported; import it again")
    touched = sorted({s.period for s in result.series})
    periods = list(project.monitoring.periods)
    for number in touched:
        periods[number] = periods[number].model_copy(deep=True)
    shell = project.model_copy(update={"monitoring": MonitoringRecord(periods=periods)})
    apply_import(shell, result, today=today)
    edits: dict[str, Any] = {f"monitoring.periods.{n}": periods[n] for n in touched}
    if all(r.sha256 != record.sha256 for r in project.attachments):
        edits["attachments"] = [*project.attachments, record]
    return edits


def _under(path: str, prefix: str) -> bool:
    return path == prefix or path.startswith(prefix + ".")


@dataclass
class PeriodFigures:
    """What the monitoring area shows: each period's outcome and actual vs estimated."""

    outcomes: list[PeriodActual | UserError | None] = field(default_factory=list)
    comparison: Comparison | None = None  # None until every period is calculated
    message: str = ""  # why there are no figures at all (no methodology, ...)
    operation_days: dict[int, int] = field(default_factory=dict)  # C.3: days of each year

    @property
    def pending(self) -> int:
        """Periods not calculated yet (a calculation given a deadline goes on later)."""
        return sum(o is None for o in self.outcomes)


class MonitoringFigures:
    """The actual figures of a document, kept between edits (``monitoring.recalc``), and the
    C.3 estimate they are compared with (made again only when something outside the periods
    changed)."""

    def __init__(self) -> None:
        self._template: Template | None = None
        self._actual: Any = None  # ActualFigures of _template
        self._estimate: ExAnteEstimate | None = None
        self._estimate_error = ""

    def edited(self, path: str) -> None:
        """Forget what a change at ``path`` makes stale. The periods' figures read only the
        periods, the Monitoring Plan and the methodology (``methodology.inputs``); the
        estimate reads those and A.5's dates and C.3's end year (``methodology.estimate``)."""
        if _under(path, "monitoring"):
            if self._actual is not None:
                self._actual.edited(path)
            return
        methodology = path in ("", "pdd") or _under(path, "pdd.methodology")
        if methodology or _under(path, "monitoring_plan"):
            if self._actual is not None:
                self._actual.edited(path)
            if methodology:
                self._template = self._actual = None
        if methodology or any(
            _under(path, p) for p in ("monitoring_plan", "pdd.duration", "pdd.estimation")
        ):
            self._estimate = None
            self._estimate_error = ""

    def figures(self, project: Project, deadline: float | None = None) -> PeriodFigures:
        """The figures; with ``deadline`` (``time.perf_counter()``) possibly in part (see
        ``PeriodFigures.pending``): call again for the rest."""
        from jcm_pdd.methodology import estimate_project
        from jcm_pdd.monitoring import PeriodActual, compare
        from jcm_pdd.monitoring.recalc import ActualFigures
        from jcm_pdd.session.formview import methodology_template

        if self._template is None:
            self._template = methodology_template(project)
            if self._template is None:
                return PeriodFigures(message="Choose a methodology (B.1) to see the figures.")
            self._actual = ActualFigures(self._template)
        outcomes = self._actual.figures(project, deadline)
        if any(o is None for o in outcomes):
            return PeriodFigures(outcomes)
        if self._estimate is None and not self._estimate_error:
            try:
                self._estimate = estimate_project(project, self._template)
            except UserError as exc:
                self._estimate_error = exc.message
        done = [o for o in outcomes if isinstance(o, PeriodActual)]
        if self._estimate is None:
            return PeriodFigures(outcomes, None, self._estimate_error)
        days = {row.year: row.days for row in self._estimate.c3.rows}
        return PeriodFigures(outcomes, compare(done, self._estimate), operation_days=days)
