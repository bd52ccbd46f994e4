"""Calculation inputs: what a project (or a calc file / worked example) supplies to the engine.

:class:`Inputs` holds index-set members and, per parameter key and index tuple, an entered
value, a chosen default variant or an override. Three builders fill it: :func:`inputs_from_project`
(the Monitoring Plan of a ``Project``), :func:`inputs_from_mapping` (the ``inputs`` table of a
calc TOML file or a worked example). Every bad value is an ``InputError`` naming the parameter.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from jcm_pdd.digits import other_digits
from jcm_pdd.methodology.errors import InputError, index_label
from jcm_pdd.methodology.lint import Analysis
from jcm_pdd.methodology.schema import MAX_DIGITS, MAX_EXPONENT, Choice, Parameter, Template
from jcm_pdd.methodology.units import UnitError, parse_unit

if TYPE_CHECKING:
    from jcm_pdd.model import Project

IndexKey = tuple[str, ...]


@dataclass
class InputItem:
    value: Fraction | None = None  # entered (monitored / fixed ex ante)
    choice: str | None = None  # named default variant
    override: Fraction | None = None  # replaces a default
    reason: str = ""
    where: str = ""  # model path of the row it came from, for the GUI and messages
    source: str = ""  # source of a value entered for a case without a default (R1)


@dataclass
class Inputs:
    members: dict[str, list[str]] = field(default_factory=dict)
    items: dict[str, dict[IndexKey, InputItem]] = field(default_factory=dict)

    def item(self, key: str, index: IndexKey = ()) -> InputItem:
        rows = self.items.get(key)
        if rows is None:
            rows = self.items[key] = {}
        found = rows.get(index)
        if found is None:
            found = rows[index] = InputItem()
        return found

    def set_value(self, key: str, value: Any, index: IndexKey = ()) -> None:
        self.item(key, index).value = to_fraction(value, key)


def to_fraction(value: Any, key: str = "", index: dict[str, str] | None = None) -> Fraction:
    """Exact value from Decimal, int, Fraction or a string (``"0.797"``, ``"15034/1.0601"``)."""
    kind = type(value)
    if (
        kind is Decimal
        and value.is_finite()
        and (not value or abs(value.adjusted()) <= MAX_EXPONENT)
        and len(value.as_tuple().digits) <= MAX_DIGITS
    ):
        return Fraction(*value.as_integer_ratio())  # the common case first: model values
    if kind is Fraction or kind is int:
        return Fraction(value)

    def fail(message: str) -> InputError:
        return InputError(f"{key}{index_label(index or {})}: {message}", key, index)

    if isinstance(value, bool | float):
        raise fail(
            f"expected an exact number, got {'true/false' if kind is bool else 'a binary float'}"
        )
    if isinstance(value, Decimal):
        if value.is_finite() and len(value.as_tuple().digits) > MAX_DIGITS:
            raise fail(f"'{str(value)[:20]}...' has more than {MAX_DIGITS} significant digits")
        if value.is_finite():
            raise fail(f"'{value}' is out of range (magnitude 1e±{MAX_EXPONENT} at most)")
        raise fail(f"'{value}' is not a finite number")
    if isinstance(value, Fraction | int):
        return Fraction(value)
    if isinstance(value, str):
        text = value.strip().replace(",", "").replace("_", "")
        parts = text.split("/")
        try:
            numbers = [Decimal(part) for part in parts]
        except InvalidOperation:
            raise fail(f"'{value}' is not a number") from None
        refused = other_digits(text, value)  # Decimal reads Arabic-Indic... digits as 0-9
        if refused is not None:
            raise fail(refused)
        if len(numbers) > 2 or not all(n.is_finite() for n in numbers):
            raise fail(f"'{value}' is not a finite number")
        if any(n and abs(n.adjusted()) > MAX_EXPONENT for n in numbers):
            raise fail(f"'{value[:40]}' is out of range (magnitude 1e±{MAX_EXPONENT} at most)")
        if any(len(n.as_tuple().digits) > MAX_DIGITS for n in numbers):
            raise fail(f"'{value[:20]}...' has more than {MAX_DIGITS} significant digits")
        result = Fraction(numbers[0])
        if len(numbers) == 2:
            if numbers[1] == 0:
                raise fail(f"'{value}' divides by zero")
            result /= Fraction(numbers[1])
        return result
    raise fail(f"expected a number, got {kind.__name__}")


def check_unit(template: Template, key: str, unit: str, index: dict[str, str] | None) -> None:
    """A value given in ``unit`` must be in the methodology's unit: no silent conversion."""
    param = template.parameters[key]
    where = f"{param.symbol} ({key}{index_label(index or {})})"
    try:
        given = parse_unit(unit)
    except UnitError as exc:
        raise InputError(f"{where}: {exc}", key, index) from None
    if given != parse_unit(param.unit):
        raise InputError(
            f"{where}: the value is in {unit} but the methodology uses {param.unit}; "
            f"convert the value to {param.unit}",
            key,
            index,
        )


def _index_of(template: Template, key: str, row: Mapping[str, Any], where: str) -> IndexKey:
    sets = template.parameters[key].index
    if len(sets) == 1 and (member := row.get(sets[0])):
        return (str(member),)
    missing = [s for s in sets if not str(row.get(s, "") or "")]
    if missing:
        raise InputError(
            f"{key} is indexed by {', '.join(sets)}: {where} gives no {missing[0]}", key
        )
    return tuple(str(row[s]) for s in sets)


def _check_key(template: Template, key: str) -> None:
    if key not in template.parameters:
        known = ", ".join(k for k in template.parameters if template.parameters[k].is_input)
        raise InputError(
            f"unknown parameter '{key}' for {template.identity.full_id} (inputs: {known})", key
        )
    if template.parameters[key].role == "calculated":
        raise InputError(f"{key} is calculated by the methodology and cannot be entered", key)


def _apply(
    template: Template, inputs: Inputs, key: str, index: IndexKey, entry: Any, where: str
) -> None:
    param = template.parameters[key]
    named = dict(zip(param.index, index, strict=False))
    item = inputs.item(key, index)
    item.where = where
    if not isinstance(entry, Mapping):
        entry = {"value": entry}
    allowed = {"value", "choice", "override", "reason", "source", "unit", *param.index}
    unknown = sorted(set(entry) - allowed)
    if unknown:
        raise InputError(
            f"{key}{index_label(named)}: unknown field '{unknown[0]}' in {where}", key, named
        )
    if "unit" in entry:
        check_unit(template, key, str(entry["unit"]), named)
    if "value" in entry or "source" in entry:
        if param.role == "default" and _entered_choice(param, entry.get("choice")) is None:
            cases = [c.name for c in param.choices if c.entered]
            hint = f" ({', '.join(cases)})" if cases else ""
            raise InputError(
                f'{key} is a methodology default: give choice = "..." or override = "..." '
                f"with a reason; value and source go only with a case whose value the "
                f"project enters{hint}",
                key,
                named,
            )
        if param.role != "default" and "source" in entry:
            raise InputError(f"{key}: source goes only with an entered case", key, named)
        if "value" in entry:
            item.value = to_fraction(entry["value"], key, named)
        item.source = str(entry.get("source", ""))
    if "choice" in entry:
        item.choice = str(entry["choice"])
    if "override" in entry:
        item.override = to_fraction(entry["override"], key, named)
        item.reason = str(entry.get("reason", ""))


def _entered_choice(param: Parameter, name: object) -> Choice | None:
    """The case ``name`` of a default if the project enters its value (R1), else None."""
    return next((c for c in param.choices if c.name == name and c.entered), None)


def inputs_from_mapping(
    template: Template, values: Mapping[str, Any], members: Mapping[str, list[str]] | None = None
) -> Inputs:
    """Inputs from a ``{key: value | {..} | [{i = ..., value = ...}, ...]}`` table (FORMAT.md)."""
    if not isinstance(values, Mapping):
        raise InputError("inputs must be a table of parameter keys and values")
    if members is not None and (
        not isinstance(members, Mapping) or not all(isinstance(v, list) for v in members.values())
    ):
        raise InputError('members must be a table of lists, e.g. members = { i = ["PV-1"] }')
    for set_name in members or {}:
        if set_name not in template.index_sets:
            raise InputError(
                f"members.{set_name}: {template.identity.id} has no index set {set_name}"
            )
    inputs = Inputs(members={k: [str(m) for m in v] for k, v in (members or {}).items()})
    seen: dict[str, list[str]] = {}
    for key, entry in values.items():
        _check_key(template, key)
        param = template.parameters[key]
        rows = entry if isinstance(entry, list) else [entry]
        if param.index and not isinstance(entry, list):
            raise InputError(
                f"{key} is indexed by {', '.join(param.index)}: give an array of tables, "
                f'one per member, e.g. {key} = [{{ {param.index[0]} = "1", value = "..." }}]',
                key,
            )
        for n, row in enumerate(rows, 1):
            where = f"{key} row {n}" if param.index else key
            if param.index:
                if not isinstance(row, Mapping):
                    raise InputError(
                        f"{where}: expected a table with {param.index[0]} and value", key
                    )
                index = _index_of(template, key, row, where)
                for set_name, member in zip(param.index, index, strict=False):
                    if member not in seen.setdefault(set_name, []):
                        seen[set_name].append(member)
            else:
                index = ()
            _apply(template, inputs, key, index, row, where)
    for set_name, found in seen.items():
        declared = inputs.members.get(set_name)
        if declared is None:
            inputs.members[set_name] = found
        else:
            extra = [m for m in found if m not in declared]
            if extra:
                raise InputError(f"index member '{extra[0]}' is not listed in members.{set_name}")
    return inputs


def inputs_from_project(project: Project, template: Template) -> Inputs:
    """Inputs from a project's Monitoring Plan (tables 1 and 2, default selections, members).

    Members come from ``index_members`` in order; a row naming another member adds it."""
    plan = project.monitoring_plan
    inputs = Inputs()
    seen: dict[str, set[str]] = {}
    info = template._compiled
    optional = info.optional if isinstance(info, Analysis) else frozenset()

    def note(sets: list[str], index: IndexKey) -> None:
        for set_name, member in zip(sets, index, strict=False):
            known = seen.setdefault(set_name, set())
            if member not in known:
                known.add(member)
                inputs.members.setdefault(set_name, []).append(member)

    for member in plan.index_members:
        if member.set in template.index_sets and member.id:
            note([member.set], (member.id,))
    tables = (
        (
            "monitoring_plan.monitored",
            [(r.key, r.index, r.estimated_value, r.unit) for r in plan.monitored],
        ),
        (
            "monitoring_plan.fixed_ex_ante",
            [(r.key, r.index, r.value, r.unit) for r in plan.fixed_ex_ante],
        ),
    )
    for table, rows in tables:
        for n, (key, index_map, value, unit) in enumerate(rows):
            if not key:
                continue
            where = f"{table}.{n}"
            _check_key(template, key)
            param = template.parameters[key]
            index = _index_of(template, key, index_map, where) if param.index else ()
            note(param.index, index)
            if value is None and key in optional:
                continue  # read only by a check ("unknown", R6) or recorded only (R2)
            if value is None or param.role == "default":
                named = dict(zip(param.index, index, strict=False))
                label = f"{param.symbol} ({key}{index_label(named)})"
                if param.role == "default":
                    raise InputError(f"{label} is a methodology default, not a plan row", key)
                what = "estimated value" if table.endswith("monitored") else "value"
                raise InputError(f"{label}: no {what} entered ({where})", key, named)
            if unit and unit != param.unit:
                check_unit(template, key, unit, index_map)
            item = inputs.item(key, index)
            item.value = to_fraction(value, key, index_map)
            item.where = where
    for n, sel in enumerate(plan.default_selections):
        if not sel.key:
            continue
        _check_key(template, sel.key)
        param = template.parameters[sel.key]
        where = f"monitoring_plan.default_selections.{n}"
        index = _index_of(template, sel.key, sel.index, where) if param.index else ()
        note(param.index, index)
        item = inputs.item(sel.key, index)
        item.where = where
        item.choice = sel.choice or None
        if sel.override_value is not None and _entered_choice(param, sel.choice):
            # a case without a default (R1): the row's value is the entered value and its
            # reason field the value's source
            item.value = to_fraction(sel.override_value, sel.key, sel.index)
            item.source = sel.override_reason
        elif sel.override_value is not None:
            item.override = to_fraction(sel.override_value, sel.key, sel.index)
            item.reason = sel.override_reason
    return inputs
