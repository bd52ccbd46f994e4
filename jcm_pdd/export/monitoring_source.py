"""What the Monitoring Report exports read: each period's monitored inputs and actual figures,
the plan's fixed and default values, and which figures a public copy withholds.

One ``MonitoringCalc`` per export feeds the Monitoring Report Sheet workbook and the Monitoring
Report document, so they cannot disagree. Figures come from ``jcm_pdd.monitoring`` (the same
exact engine and template as C.3). The public-copy rule is the PDD's (``export.withheld``)
applied per period: a parameter is hidden when the value it comes from is confidential, and
every figure calculated from it is withheld too. A period's monitored value is hidden when its
own value is marked confidential or when the plan marks that parameter's estimate confidential
(the actual quantity is at least as sensitive as its estimate).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from jcm_pdd.errors import UserError
from jcm_pdd.export.redact import FieldReader
from jcm_pdd.export.withheld import input_hidden
from jcm_pdd.methodology.engine import analysis
from jcm_pdd.methodology.inputs import IndexKey, Inputs
from jcm_pdd.model import MonitoredValue, MonitoringPeriod, Project

if TYPE_CHECKING:
    from jcm_pdd.methodology.estimate import ExAnteEstimate
    from jcm_pdd.methodology.schema import Template
    from jcm_pdd.monitoring.actual import Comparison, PeriodActual

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def mrs_date(day: dt.date | None) -> str:
    """A date as the MRS prints it: 1/Jan/2017."""
    return f"{day.day}/{MONTHS[day.month - 1]}/{day.year}" if day else ""


def period_text(period: MonitoringPeriod) -> str:
    """The MRS's column (a): ``1/Jan/2017-31/Dec/2017``."""
    return f"{mrs_date(period.start)}-{mrs_date(period.end)}"


@dataclass
class PeriodFigures:
    """One monitoring period as the exports show it."""

    number: int  # position in project.monitoring.periods
    period: MonitoringPeriod
    actual: PeriodActual | None  # None: it cannot be calculated (``problem`` says why)
    problem: str = ""
    hidden: frozenset[str] = frozenset()  # parameters withheld in the public copy

    @property
    def label(self) -> str:
        return f"Period {self.number + 1}"

    @property
    def withheld(self) -> bool:
        return bool(self.hidden & {"RE", "PE", "ER"})


@dataclass
class MonitoringCalc:
    project: Project
    template: Template
    plan: Inputs  # members, fixed ex-ante values and default selections (no Table 1)
    periods: list[PeriodFigures]
    estimate: ExAnteEstimate | None = None
    comparison: Comparison | None = None
    plan_hidden: frozenset[tuple[str, IndexKey]] = frozenset()  # hidden plan values
    notes: list[str] = field(default_factory=list)

    _values: dict[
        int, dict[tuple[str, tuple[tuple[str, str], ...]], tuple[int, MonitoredValue]]
    ] = field(default_factory=dict)

    def _found(
        self, number: int, key: str, index: dict[str, str]
    ) -> tuple[int, MonitoredValue] | None:
        if number not in self._values:  # each period indexed once (the first of duplicates)
            table: dict[tuple[str, tuple[tuple[str, str], ...]], tuple[int, MonitoredValue]] = {}
            for n, value in enumerate(self.project.monitoring.periods[number].values):
                table.setdefault((value.key, tuple(sorted(value.index.items()))), (n, value))
            self._values[number] = table
        return self._values[number].get((key, tuple(sorted(index.items()))))

    def value_of(self, number: int, key: str, index: dict[str, str]) -> MonitoredValue | None:
        """The monitored value of ``key`` for unit ``index`` in period ``number``."""
        found = self._found(number, key, index)
        return found[1] if found else None

    def attachment_names(self, reader: FieldReader | None) -> dict[str, str]:
        """Each attachment's file name by its hash, as this copy shows it (a name marked
        confidential reads XXX in the public copy)."""
        attachments = self.project.attachments
        if reader is None:
            return {a.sha256: a.name for a in attachments}
        return {a.sha256: reader.text(f"attachments.{n}.name") for n, a in enumerate(attachments)}

    def value_path(self, number: int, value: MonitoredValue) -> str:
        """The model path of ``value`` (one of period ``number``'s values)."""
        found = self._found(number, value.key, value.index)
        position = (
            found[0]
            if found and found[1] is value
            else self.project.monitoring.periods[number].values.index(value)
        )
        return f"monitoring.periods.{number}.values.{position}"


def _template(project: Project) -> Template:
    from jcm_pdd.export.sources import find_template

    selection = project.pdd.methodology
    if not selection.methodology_id:
        raise UserError("No methodology is selected (B.1): the periods cannot be calculated.")
    template = find_template(selection.methodology_id, selection.version)
    if template is None:
        raise UserError(
            f"No template for {selection.methodology_id} {selection.version} is installed: "
            "the periods cannot be calculated."
        )
    return template


def _without_gaps(project: Project, template: Template) -> Project:
    """A copy whose Table 2 rows and default selections are all usable (a draft's plan)."""
    copy = project.model_copy(deep=True)
    plan = copy.monitoring_plan
    known = set(template.parameters)
    plan.fixed_ex_ante = [r for r in plan.fixed_ex_ante if r.key in known and r.value is not None]
    plan.default_selections = [r for r in plan.default_selections if r.key in known]
    plan.monitored = [r for r in plan.monitored if r.key in known]
    return copy


def _hidden_plan(project: Project, template: Template, reader: FieldReader) -> set[tuple[str, Any]]:
    """(key, index) of plan values marked confidential (Table 1 estimates included)."""
    from jcm_pdd.methodology.inputs import inputs_from_project

    try:
        inputs = inputs_from_project(project, template)
    except UserError:  # an incomplete plan: judge the rows one by one
        inputs = None
    hidden: set[tuple[str, Any]] = set()
    if inputs is not None:
        for key, rows in inputs.items.items():
            hidden |= {(key, i) for i, item in rows.items() if input_hidden(reader, item.where)}
    for n, row in enumerate(project.monitoring_plan.monitored):
        if row.key in template.parameters and reader.hidden(
            f"monitoring_plan.monitored.{n}.estimated_value"
        ):
            sets = template.parameters[row.key].index
            hidden.add((row.key, tuple(row.index.get(s, "") for s in sets)))
    return hidden


def period_hidden(calc: MonitoringCalc, number: int, reader: FieldReader | None) -> frozenset[str]:
    """Parameters the public copy withholds for period ``number`` (inputs and their figures)."""
    if reader is None or not reader.public:
        return frozenset()
    template = calc.template
    # a plan value's mark hides it in every period (a Table 1 estimate's: the actual value too)
    hidden = {key for key, _ in calc.plan_hidden}
    for n, value in enumerate(calc.project.monitoring.periods[number].values):
        if value.key in template.parameters and reader.hidden(
            f"monitoring.periods.{number}.values.{n}.value"
        ):
            hidden.add(value.key)
    info = analysis(template)
    for key in info.order:  # dependencies first
        if info.deps.get(key, set()) & hidden:
            hidden.add(key)
    return frozenset(hidden)


def monitoring_calc(
    project: Project,
    numbers: list[int] | None = None,
    *,
    public: bool = False,
    draft: bool = False,
) -> MonitoringCalc:
    """The figures of the chosen periods (default: all) for one copy of the exports; a draft
    leaves incomplete plan rows out (their cells stay blank) instead of refusing."""
    from jcm_pdd.methodology import estimate_project
    from jcm_pdd.monitoring import compare, period_actual, plan_inputs

    periods = project.monitoring.periods
    if not periods:
        raise UserError(
            "The project has no monitoring period: add one (Monitoring) before exporting the "
            "Monitoring Report."
        )
    chosen = list(range(len(periods))) if numbers is None else sorted(set(numbers))
    wrong = [n + 1 for n in chosen if not 0 <= n < len(periods)]
    if wrong:
        raise UserError(
            f"There is no monitoring period {', '.join(map(str, wrong))} "
            f"(the project has {len(periods)})."
        )
    template = _template(project)
    try:
        plan = plan_inputs(project, template)
    except UserError as exc:  # the engine's InputError: an incomplete Monitoring Plan
        if not draft:
            raise UserError(
                f"The Monitoring Plan is incomplete: {exc.message}. Export a draft, or complete "
                "the plan."
            ) from None
        plan = plan_inputs(_without_gaps(project, template), template)
    reader = FieldReader(project, public=True)
    calc = MonitoringCalc(
        project,
        template,
        plan,
        [],
        plan_hidden=frozenset(_hidden_plan(project, template, reader)) if public else frozenset(),
    )
    actuals: list[PeriodActual] = []
    for number in chosen:
        try:
            actual: PeriodActual | None = period_actual(project, template, number, plan)
            problem = ""
        except UserError as exc:  # InputError / CalculationError: said per period
            actual, problem = None, exc.message
        figures = PeriodFigures(number, periods[number], actual, problem)
        figures.hidden = period_hidden(calc, number, reader if public else None)
        calc.periods.append(figures)
        if actual is not None:
            actuals.append(actual)
    try:
        calc.estimate = estimate_project(project, template)
    except UserError:  # the plan's estimate is not needed to report the actual figures
        calc.estimate = None
    if calc.estimate is not None:
        calc.comparison = compare(actuals, calc.estimate)
    return calc
