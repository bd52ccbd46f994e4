"""The calculation of one period: resolve inputs and defaults, evaluate every equation exactly,
round ER_p by the template's rule, and record a full trace.

Every value is a ``Fraction``; rounding happens only on the final figures (``round_value``),
so 3 x (1/3) t is exactly 1 t and floors to 1 whatever the order of evaluation.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Literal, NamedTuple

from jcm_pdd.methodology import expr as ex
from jcm_pdd.methodology.errors import CalculationError, index_label
from jcm_pdd.methodology.evaluate import MAX_BITS, Fn, State, ValueTooLarge, build
from jcm_pdd.methodology.fmt import format_fraction
from jcm_pdd.methodology.inputs import IndexKey, Inputs
from jcm_pdd.methodology.lint import Analysis
from jcm_pdd.methodology.resolve import Source, combos, resolve
from jcm_pdd.methodology.schema import ProvenanceStatus, RoundingMode, Template
from jcm_pdd.methodology.substitute import substitute


@dataclass(frozen=True, slots=True)
class TraceInput:
    key: str
    symbol: str
    index: tuple[tuple[str, str], ...]
    value: Fraction
    unit: str
    source: Source

    @property
    def label(self) -> str:
        return f"{self.symbol}{index_label(self.index)}"


@dataclass
class TraceStep:
    """One evaluated equation (one member of an indexed one)."""

    key: str
    symbol: str
    index: tuple[tuple[str, str], ...]
    equation: str
    equation_ref: str
    unit: str
    value: Fraction
    inputs: list[TraceInput]
    # what substituted_equation() needs; kept by reference, rendered only on request
    _context: tuple[Any, ...] | None = field(default=None, repr=False, compare=False)

    def substituted_equation(self, limit: int = 12) -> str:
        """The equation with values and units written in, e.g.
        ``(14181.7 MWh/p * 0.797 tCO2/MWh + …)``; sums show at most ``limit`` terms."""
        if self._context is None:
            return self.equation
        node, bindings, values, members, unit_of = self._context
        return substitute(node, bindings, values, members, unit_of, limit)

    def substituted(self, limit: int = 12) -> str:
        """The inputs as ``symbol = value unit`` (at most ``limit``; the rest counted)."""
        parts = [f"{i.label} = {format_fraction(i.value)} {i.unit}" for i in self.inputs[:limit]]
        if len(self.inputs) > limit:
            parts.append(f"... ({len(self.inputs) - limit} more)")
        return "; ".join(parts)


@dataclass
class PeriodResult:
    template_id: str
    version: str
    re: Fraction
    pe: Fraction
    er: Fraction
    er_rounded: int
    re_rounded: int
    pe_rounded: int
    values: dict[str, Any]
    sources: dict[tuple[str, IndexKey], Source]
    trace: list[TraceStep] = field(default_factory=list)
    index_names: dict[str, list[str]] = field(default_factory=dict)  # key -> its index sets
    # inputs left empty that only eligibility checks read (R6) or that are record-only (R2),
    # and the calculated keys that could not be evaluated without them; RE, PE and ER never
    # depend on them
    missing: frozenset[str] = frozenset()
    # record-only monitored values (R2): in the monitoring plan, read by no equation
    recorded: list[TraceInput] = field(default_factory=list)

    @property
    def default_statuses(self) -> set[ProvenanceStatus]:
        return {
            s.status
            for s in self.sources.values()
            if s.status is not None and s.origin == "default"
        }

    @property
    def has_unverified_defaults(self) -> bool:
        return "unverified" in self.default_statuses

    @property
    def has_draft_defaults(self) -> bool:
        return "draft" in self.default_statuses

    @property
    def has_overrides(self) -> bool:
        return any(s.origin == "overridden" for s in self.sources.values())

    def value(self, key: str, **index: str) -> Fraction:
        """One value, e.g. ``value("EC_RE", i="R-1")`` (index members by set name)."""
        found = self.values[key]
        if isinstance(found, dict):
            names = self.index_names.get(key) or list(index)
            return Fraction(found[tuple(index[name] for name in names)])
        return Fraction(found)


def round_value(value: Fraction, mode: RoundingMode) -> int:
    """Whole tonnes: ``floor`` (JCM credited ER), ``ceil``, or ``half_up`` (half away from 0)."""
    if mode == "floor":
        return math.floor(value)
    if mode == "ceil":
        return math.ceil(value)
    half = Fraction(1, 2)  # half away from zero, like a spreadsheet ROUND
    return math.floor(value + half) if value >= 0 else -math.floor(-value + half)


@dataclass
class _Compiled:
    fns: dict[str, Fn]
    checks: dict[int, Fn]


def analysis(template: Template) -> Analysis:
    found = template._compiled
    if not isinstance(found, Analysis):
        raise TypeError("template was not loaded through jcm_pdd.methodology (no analysis)")
    return found


def compiled(template: Template) -> _Compiled:
    info = analysis(template)
    cached = info.cache.get("compiled")
    if isinstance(cached, _Compiled):
        return cached
    fns = {k: build(node, template, info.factors) for k, node in info.equations.items()}
    checks = {n: build(node, template, info.factors) for n, node in info.checks.items()}
    result = _Compiled(fns, checks)
    info.cache["compiled"] = result
    return result


def _short(text: str | None, limit: int = 80) -> str:
    """An equation as it fits in a one-line message."""
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def calculate(template: Template, inputs: Inputs, trace: bool = True) -> PeriodResult:
    """Evaluate RE_p, PE_p, ER_p and every intermediate for one period."""
    info = analysis(template)
    code = compiled(template)
    values, sources = resolve(template, inputs, info.optional)
    missing = info.optional.difference(values)
    state = State(values, inputs.members)
    skipped: set[str] = set()
    for key in info.order:
        param = template.parameters[key]
        if missing and info.inputs_of[key] & missing:
            skipped.add(key)  # feeds only eligibility checks, whose inputs are incomplete
            continue
        fn = code.fns[key]
        try:
            if param.index:
                per: dict[IndexKey, Fraction] = {}
                for index in combos(param, inputs.members):
                    per[index] = Fraction(fn(state, dict(zip(param.index, index, strict=False))))
                values[key] = per
            else:
                values[key] = Fraction(fn(state, {}))
        except ZeroDivisionError:
            raise CalculationError(
                f"{param.symbol} ({key}): division by zero in {param.equation} - check the inputs",
                key,
            ) from None
        except ValueTooLarge:
            raise CalculationError(
                f"{param.symbol} ({key}): the exact value of {_short(param.equation)} grows beyond "
                f"{MAX_BITS:,} bits; the equation or its inputs are implausible",
                key,
            ) from None
    rounding = template.rounding
    re, pe, er = Fraction(values["RE"]), Fraction(values["PE"]), Fraction(values["ER"])
    result = PeriodResult(
        template.identity.id,
        template.identity.version,
        re,
        pe,
        er,
        round_value(er, rounding.emission_reductions),
        round_value(re, rounding.reference_emissions),
        round_value(pe, rounding.project_emissions),
        values,
        sources,
        index_names={k: p.index for k, p in template.parameters.items() if p.index},
        missing=frozenset(missing | skipped),
    )
    for key in template.record_only:
        if key in values:
            param = template.parameters[key]
            result.recorded += [
                _trace_input(template, result, key, index)
                for index in combos(param, inputs.members)
            ]
    if trace:
        result.trace = build_trace(template, result, inputs.members)
    return result


class Eligibility(NamedTuple):
    """The outcome of one criterion's machine check.

    ``status`` is "met", "not met", "unknown" (an input only the checks read is missing; the
    calculation itself does not need it) or "no check" (the criterion has no machine check)."""

    number: int
    status: Literal["met", "not met", "unknown", "no check"]
    missing: tuple[str, ...] = ()  # parameter keys without a value, for "unknown"

    @property
    def passed(self) -> bool | None:
        return {"met": True, "not met": False}.get(self.status)


def eligibility_outcomes(
    template: Template, inputs: Inputs, result: PeriodResult | None = None
) -> dict[int, Eligibility]:
    """Every criterion's check outcome (pass ``result`` to reuse a calculation of ``inputs``)."""
    if result is None:
        result = calculate(template, inputs, trace=False)
    info = analysis(template)
    state = State(result.values, inputs.members)
    code = compiled(template)
    outcome: dict[int, Eligibility] = {}
    for criterion in template.eligibility:
        number = criterion.number
        check = code.checks.get(number)
        if check is None:
            outcome[number] = Eligibility(number, "no check")
            continue
        lacking = info.check_inputs.get(number, frozenset()) & result.missing
        if lacking:
            outcome[number] = Eligibility(number, "unknown", tuple(sorted(lacking)))
            continue
        try:
            passed = bool(check(state, {}))
        except ZeroDivisionError:
            raise CalculationError(
                f"eligibility criterion {number}: division by zero in "
                f"{criterion.check} - check the inputs",
                f"criterion {number}",
            ) from None
        except ValueTooLarge:
            raise CalculationError(
                f"eligibility criterion {number}: the exact value of {_short(criterion.check)} "
                f"grows beyond {MAX_BITS:,} bits; the check or its inputs are implausible",
                f"criterion {number}",
            ) from None
        outcome[number] = Eligibility(number, "met" if passed else "not met")
    return outcome


def check_eligibility(template: Template, inputs: Inputs) -> dict[int, bool | None]:
    """Machine checks of the eligibility criteria: True/False; None when there is no check or
    when an input only the checks read is missing (see :func:`eligibility_outcomes`)."""
    return {n: o.passed for n, o in eligibility_outcomes(template, inputs).items()}


def build_trace(
    template: Template, result: PeriodResult, members: dict[str, list[str]]
) -> list[TraceStep]:
    info = analysis(template)
    steps: list[TraceStep] = []
    params = template.parameters

    def unit_of(name: str) -> str:
        return params[name].unit

    for key in info.order:
        if key in result.missing:
            continue
        param = template.parameters[key]
        node = info.equations[key]
        equation = ex.render(node)
        for index in combos(param, members):
            bindings = dict(zip(param.index, index, strict=False))
            refs = _refs(node, bindings, members, template)
            steps.append(
                TraceStep(
                    key,
                    param.symbol,
                    tuple(bindings.items()),
                    equation,
                    param.equation_ref,
                    param.unit,
                    result.value(key, **bindings) if param.index else Fraction(result.values[key]),
                    [
                        _trace_input(template, result, ref_key, ref_index)
                        for ref_key, ref_index in refs
                    ],
                    (node, bindings, result.values, members, unit_of),
                )
            )
    return steps


def _trace_input(template: Template, result: PeriodResult, key: str, index: IndexKey) -> TraceInput:
    param = template.parameters[key]
    found = result.values[key]
    value = found[index] if isinstance(found, dict) else found
    source = result.sources.get((key, index)) or _CALCULATED
    pairs = tuple(zip(param.index, index, strict=False)) if index else ()
    return TraceInput(key, param.symbol, pairs, value, param.unit, source)


_CALCULATED = Source("calculated")


def _refs(
    node: ex.Node, bindings: dict[str, str], members: dict[str, list[str]], template: Template
) -> list[tuple[str, IndexKey]]:
    """Concrete (key, index) pairs an equation reads, in order, without duplicates."""
    out: dict[tuple[str, IndexKey], None] = {}

    def visit(current: ex.Node, bound: dict[str, str]) -> None:
        if isinstance(current, ex.Ref):
            out[(current.name, tuple(bound[v] for v in current.indices))] = None
        elif isinstance(current, ex.Reduce):
            if current.body is not None:
                for member in members.get(current.var, []):
                    visit(current.body, {**bound, current.var: member})
        else:
            for child in ex.children(current):
                visit(child, bound)

    visit(node, bindings)
    return list(out)


__all__ = [
    "Eligibility",
    "PeriodResult",
    "Source",
    "analysis",
    "combos",
    "resolve",
    "TraceInput",
    "TraceStep",
    "calculate",
    "check_eligibility",
    "eligibility_outcomes",
    "round_value",
]
