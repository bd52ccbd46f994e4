"""Resolving inputs: every input parameter gets a value per index member, with its source.

Monitored and fixed ex-ante values come from the ``Inputs``; methodology defaults come from the
template (the chosen variant, the default choice or the single value) unless overridden. Bounds
are checked here, so a negative or zero value where the methodology forbids it is an
``InputError`` naming the parameter and member. Written for speed (1,000 units are common).
"""

from __future__ import annotations

import itertools
from collections.abc import Collection
from fractions import Fraction
from typing import Any, Literal, NamedTuple

from jcm_pdd.methodology.errors import InputError, index_label
from jcm_pdd.methodology.fmt import format_fraction
from jcm_pdd.methodology.inputs import IndexKey, InputItem, Inputs
from jcm_pdd.methodology.schema import Choice, IndexSet, Parameter, ProvenanceStatus, Template

Origin = Literal["entered", "default", "overridden", "calculated"]


class Source(NamedTuple):
    """Where one input value came from (a tuple: cheap to create for 1,000s of inputs)."""

    origin: Origin
    status: ProvenanceStatus | None = None  # for defaults
    choice: str | None = None
    citation: str = ""
    reason: str = ""  # for overrides
    where: str = ""  # model path of the project row

    @property
    def label(self) -> str:
        """How the trace names it: "entered", "entered (case grid)", "default (captive)",
        "overridden", "calculated"."""
        if self.choice and self.origin in ("entered", "default"):
            return f"{self.origin} (case {self.choice})"
        return self.origin


def combos(param: Parameter, members: dict[str, list[str]]) -> list[IndexKey]:
    if not param.index:
        return [()]
    if len(param.index) == 1:
        return [(m,) for m in members.get(param.index[0], [])]
    return list(itertools.product(*(members.get(s, []) for s in param.index)))


def _label(key: str, param: Parameter, index: IndexKey) -> str:
    named = dict(zip(param.index, index, strict=False))
    return f"{param.symbol} ({key}{index_label(named)})"


def _bounds_error(key: str, param: Parameter, index: IndexKey, value: Fraction) -> InputError:
    b = param.bounds
    named = dict(zip(param.index, index, strict=False))
    shown = f"got {format_fraction(value)} {param.unit}"
    low = None if b.min is None else Fraction(b.min)
    if low is not None and (value < low or (b.min_exclusive and value == low)):
        if low == 0 and not b.min_exclusive:
            what = "negative"
        else:
            what = f"{'<=' if b.min_exclusive else '<'} {b.min}"
        return InputError(f"{_label(key, param, index)} must not be {what} ({shown})", key, named)
    return InputError(f"{_label(key, param, index)} must not exceed {b.max} ({shown})", key, named)


def _bounds(param: Parameter) -> tuple[Fraction | None, bool, Fraction | None, bool]:
    b = param.bounds
    low = None if b.min is None else Fraction(b.min)
    high = None if b.max is None else Fraction(b.max)
    return low, b.min_exclusive, high, b.max_exclusive


def _default(
    key: str, param: Parameter, index: IndexKey, choice: str | None
) -> tuple[Fraction, Source] | Choice:
    """The default value and its source, or the selected Choice when its value is entered."""
    if param.value is not None:
        assert param.provenance is not None
        prov = param.provenance
        return Fraction(param.value), Source(
            "default", prov.effective_status, citation=prov.citation
        )
    wanted = choice or param.default_choice
    names = ", ".join(c.name for c in param.choices)
    named = dict(zip(param.index, index, strict=False))
    if wanted is None:
        raise InputError(f"{_label(key, param, index)}: choose one of {names}", key, named)
    for option in param.choices:
        if option.name == wanted:
            if option.value is None:
                return option  # entered case: the value is per member (R1)
            prov = option.provenance
            return Fraction(option.value), Source(
                "default", prov.effective_status, option.name, prov.citation
            )
    raise InputError(
        f"{_label(key, param, index)}: unknown choice '{wanted}' (choose one of {names})",
        key,
        named,
    )


def _entered_case(
    key: str, param: Parameter, index: IndexKey, item: InputItem | None, option: Choice
) -> tuple[Fraction, Source]:
    """A case whose value the project enters: the value and its source are required."""
    named = dict(zip(param.index, index, strict=False))
    label = f"{_label(key, param, index)}, case {option.name} ({option.label})"
    if item is None or item.value is None:
        raise InputError(
            f"{label}: enter the value [{param.unit}] and its source "
            "(this case has no methodology default)",
            key,
            named,
        )
    if not item.source.strip():
        raise InputError(f"{label}: give the source of the entered value", key, named)
    return item.value, Source("entered", None, option.name, item.source.strip(), "", item.where)


def _one(
    key: str, param: Parameter, index: IndexKey, item: InputItem | None, cache: dict[Any, Any]
) -> tuple[Fraction, Source]:
    if param.role != "default":
        if item is None or item.value is None:
            kind = "estimated value" if param.role == "monitored" else "project-specific value"
            named = dict(zip(param.index, index, strict=False))
            raise InputError(
                f"{_label(key, param, index)}: missing {kind} [{param.unit}]", key, named
            )
        return item.value, Source("entered", where=item.where)
    if item is not None and item.override is not None:
        if not param.allow_override:
            named = dict(zip(param.index, index, strict=False))
            raise InputError(
                f"{_label(key, param, index)}: this methodology default cannot be overridden",
                key,
                named,
            )
        source = Source("overridden", reason=item.reason, where=item.where, choice=item.choice)
        return item.override, source
    choice = item.choice if item is not None else None
    found = cache.get(choice)
    if found is None:
        found = cache[choice] = _default(key, param, index, choice)
    if isinstance(found, Choice):
        return _entered_case(key, param, index, item, found)
    if item is not None and item.value is not None:
        named = dict(zip(param.index, index, strict=False))
        raise InputError(
            f"{_label(key, param, index)}: a value is entered only for a case without a "
            f"methodology default; '{found[1].choice or 'the default'}' has one "
            "(use override with a reason to replace it)",
            key,
            named,
        )
    value, source = found
    if item is not None and item.where:
        source = Source(
            source.origin, source.status, source.choice, source.citation, "", item.where
        )
    return value, source


def resolve(
    template: Template, inputs: Inputs, optional: Collection[str] = ()
) -> tuple[dict[str, Any], dict[tuple[str, IndexKey], Source]]:
    """Values of every input parameter (entered, default or overridden) and their sources.

    An entered parameter named in ``optional`` (inputs that only eligibility checks read) may
    be missing: if any of its members has no value, the parameter is left out of the result
    instead of failing, and whatever reads it cannot be evaluated."""
    members = inputs.members
    needed_sets = _needed_sets(template, optional)
    for set_name, index_set in template.index_sets.items():
        if not members.get(set_name) and not index_set.optional and set_name in needed_sets:
            raise InputError(f"no {index_set.label} (index set {set_name}) is listed", set_name)
    known = {name: set(listed) for name, listed in members.items()}
    for key, rows in inputs.items.items():
        param = template.parameters.get(key)
        if param is None or not param.is_input:
            raise InputError(
                f"unknown input parameter '{key}' for {template.identity.full_id}", key
            )
        for index in rows:
            for set_name, member in zip(param.index, index, strict=False):
                if member not in known.get(set_name, ()):
                    raise InputError(
                        f"{key}: index member {member} is not listed in index set {set_name}", key
                    )
    values: dict[str, Any] = {}
    sources: dict[tuple[str, IndexKey], Source] = {}
    for key, param in template.parameters.items():
        if not param.is_input:
            continue
        given = inputs.items.get(key, {})
        low, low_open, high, high_open = _bounds(param)
        cache: dict[Any, Any] = {}
        per: dict[IndexKey, Fraction] = {}
        zero_floor = low == 0 and not low_open and high is None  # the usual "non-negative"
        if (
            key in optional
            and param.role != "default"
            and _incomplete(param, given, members, template.index_sets)
        ):
            continue
        for index in combos(param, members):
            value, source = _one(key, param, index, given.get(index), cache)
            if zero_floor:
                if value.numerator < 0:  # denominators are positive: a cheap exact test
                    raise _bounds_error(key, param, index, value)
            elif (low is not None and (value < low or (low_open and value == low))) or (
                high is not None and (value > high or (high_open and value == high))
            ):
                raise _bounds_error(key, param, index, value)
            per[index] = value
            sources[(key, index)] = source
        values[key] = per if param.index else per[()]
    return values, sources


def _needed_sets(template: Template, optional: Collection[str]) -> Collection[str]:
    """Index sets that must have members: all of them, unless optional inputs are allowed to
    be missing and a set serves only those (e.g. HOBs listed only for a capacity check)."""
    if not optional:
        return template.index_sets
    from jcm_pdd.methodology.engine import analysis

    return analysis(template).needed_sets


def _incomplete(
    param: Parameter,
    given: dict[IndexKey, InputItem],
    members: dict[str, list[str]],
    sets: dict[str, IndexSet],
) -> bool:
    """Whether some member of an entered parameter has no value (or, for a set that must not
    be empty, no member is listed at all: a check over no units is not "met")."""
    if any(not members.get(name) and not sets[name].optional for name in param.index):
        return True
    for index in combos(param, members):
        item = given.get(index)
        if item is None or item.value is None:
            return True
    return False
