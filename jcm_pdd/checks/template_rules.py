"""Rules that need the methodology template of B.1: identity and status of the methodology,
the B.2 criteria and their machine checks, the monitoring rows against the template's
parameters and options, default-value selections, and default values whose provenance is not
verified.

The template is used through the attributes documented in ``jcm_pdd.methodology`` (identity,
eligibility, parameters, index_sets), so tests can hand in a loaded template or a stand-in.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

from jcm_pdd.checks.context import CheckContext
from jcm_pdd.checks.diagnostic import Diagnostic, make
from jcm_pdd.checks.monitoring import parameter_name
from jcm_pdd.methodology.public_text import PLACEHOLDER


def identity(context: CheckContext) -> Iterator[Diagnostic]:
    template = context.template
    if template is None:
        return
    ident = template.identity
    chosen = context.project.pdd.methodology
    wanted_id = chosen.methodology_id.strip().upper()
    if wanted_id and wanted_id.removeprefix("JCM_") != ident.id.removeprefix("JCM_"):
        yield make(
            "methodology.mismatch",
            "pdd.methodology.methodology_id",
            key="methodology.mismatch.id",
            methodology=chosen.methodology_id,
            template=ident.id,
        )
    version = chosen.version.strip().lower().removeprefix("ver")
    if version and version != ident.version:
        yield make(
            "methodology.mismatch",
            "pdd.methodology.version",
            key="methodology.mismatch.version",
            version=chosen.version,
            template=ident.version,
        )
    if ident.status != "valid":
        yield make(
            "methodology.status",
            "pdd.methodology.version",
            methodology=ident.id,
            status=ident.status,
            version=ident.version,
        )
    partner = context.project.rule_set.partner_country
    if partner and ident.host_country != partner:
        yield make(
            "methodology.host-country",
            "pdd.methodology.methodology_id",
            methodology=ident.id,
            host=ident.host_country,
            partner=partner,
        )


def eligibility(context: CheckContext) -> Iterator[Diagnostic]:
    template = context.template
    if template is None:
        return
    entries = context.project.pdd.eligibility
    rows = {entry.number: n for n, entry in enumerate(entries)}
    expected = [c.number for c in template.eligibility]
    missing = [n for n in expected if n not in rows]
    if missing:
        listed = ", ".join(str(n) for n in missing)
        yield make(
            "eligibility.criteria",
            "pdd.eligibility",
            key="eligibility.criteria.missing",
            missing=listed,
            methodology=template.identity.id,
        )
    for number, row in rows.items():
        if number not in expected:
            yield make(
                "eligibility.criteria",
                f"pdd.eligibility.{row}.number",
                key="eligibility.criteria.unknown",
                criterion=number,
                methodology=template.identity.id,
            )
    descriptions = {c.number: c.check_description for c in template.eligibility}
    for number, passed in sorted((context.eligibility_results or {}).items()):
        if passed is False:
            found = rows.get(number)
            location = f"pdd.eligibility.{found}.project_information" if found is not None else ""
            detail = descriptions.get(number)
            yield make(
                "eligibility.check-failed",
                location or "pdd.eligibility",
                key="eligibility.check-failed" if detail else "eligibility.check-failed.plain",
                criterion=number,
                detail=detail or "",
            )


def methodology_status(context: CheckContext) -> Iterator[Diagnostic]:
    """A methodology not read from the approved document (methodology/status.py): a final
    export needs the user's recorded acknowledgement, so this is an error until it is given.
    (Every other caveat is shown with the figures, by ``calc`` and in the exports.)"""
    from jcm_pdd.methodology.status import caveat, needs_acknowledgement

    template = context.template
    if template is None or not needs_acknowledgement(template):
        return
    full_id = template.identity.full_id
    if context.project.pdd.methodology.acknowledged_template != full_id:
        yield make(
            "methodology.acknowledgement",
            "pdd.methodology.methodology_id",
            methodology=full_id,
            caveat=caveat(template),
        )


def _strings(value: object, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for number, item in enumerate(value):
            yield from _strings(item, f"{path}.{number}")


def placeholders(context: CheckContext) -> Iterator[Diagnostic]:
    """Text a template gave only in part (it ends with the placeholder, e.g. a criterion whose
    source is truncated) must be completed by the user: an error, so a final export waits."""
    # the monitoring periods hold no template text (and 300 units x 120 periods of values made
    # this walk most of a recheck's time)
    dumped = context.project.model_dump(mode="python", exclude={"attachments", "monitoring"})
    for path, text in _strings(dumped, ""):
        if PLACEHOLDER in text:
            yield make("text.placeholder", path, placeholder=PLACEHOLDER)


def _members(context: CheckContext, sets: list[str]) -> list[tuple[str, ...]]:
    plan = context.project.monitoring_plan
    per_set = [[m.id for m in plan.index_members if m.set == name and m.id] for name in sets]
    return list(itertools.product(*per_set))


def _row_index(row: Any, sets: list[str]) -> tuple[str, ...]:
    return tuple(str(row.index.get(name, "")) for name in sets)


def monitoring_rows(context: CheckContext) -> Iterator[Diagnostic]:
    template = context.template
    if template is None:
        return
    plan = context.project.monitoring_plan
    parameters: dict[str, Any] = template.parameters
    tables: tuple[tuple[str, list[Any], str], ...] = (
        ("monitored", list(plan.monitored), "monitored"),
        ("fixed_ex_ante", list(plan.fixed_ex_ante), "fixed_ex_ante"),
    )
    for attribute, rows, role in tables:
        seen: dict[str, set[tuple[str, ...]]] = {}
        for number, row in enumerate(rows):
            param = parameters.get(row.key)
            if not row.key:
                continue
            if param is None or param.role != role:
                yield make(
                    "monitoring.parameter-unknown",
                    f"monitoring_plan.{attribute}.{number}.symbol",
                    key=f"monitoring.parameter-unknown.{role}",
                    parameter=row.key,
                    name=row.symbol or row.key,
                    methodology=template.identity.id,
                )
                continue
            seen.setdefault(row.key, set()).add(_row_index(row, param.index))
            if role == "monitored":
                yield from _option(context, number, row, param)
        for key, param in parameters.items():
            if param.role != role:
                continue
            for index in _members(context, param.index):
                if index not in seen.get(key, set()):
                    members = ", ".join(
                        f"{s} = {m}" for s, m in zip(param.index, index, strict=True)
                    )
                    shown = f"{param.symbol} [{members}]" if members else param.symbol
                    yield make(
                        "monitoring.parameter-missing",
                        f"monitoring_plan.{attribute}",
                        key=f"monitoring.parameter-missing.{role}",
                        parameter=key,
                        index=members,
                        name=shown,
                        description=param.description,
                    )


def _option(context: CheckContext, number: int, row: Any, param: Any) -> Iterator[Diagnostic]:
    allowed = list(param.options)
    if not allowed:
        return
    location = f"monitoring_plan.monitored.{number}.option"
    name = parameter_name(number + 1, row)
    offered = ", ".join(f"Option {o}" for o in allowed)
    if row.option is None:
        yield make(
            "monitoring.option-missing",
            location,
            parameter=row.key,
            allowed=offered,
            name=name,
        )
    elif row.option not in allowed:
        yield make(
            "monitoring.option-not-allowed",
            location,
            parameter=row.key,
            option=row.option,
            allowed=offered,
            name=name,
        )


def default_values(context: CheckContext) -> Iterator[Diagnostic]:
    """Choices of default cases, overrides, and defaults in use whose provenance is unverified."""
    template = context.template
    if template is None:
        return
    plan = context.project.monitoring_plan
    for key, param in template.parameters.items():
        if param.role != "default":
            continue
        selections = {
            _row_index(sel, param.index): (n, sel)
            for n, sel in enumerate(plan.default_selections)
            if sel.key == key
        }
        for index in _members(context, param.index):
            found = selections.get(index)
            number, selection = found if found else (None, None)
            members = ", ".join(f"{s} = {m}" for s, m in zip(param.index, index, strict=True))
            shown = f"{param.symbol} [{members}]" if members else param.symbol
            where = (
                f"monitoring_plan.default_selections.{number}"
                if number is not None
                else "monitoring_plan.default_selections"
            )
            if selection is not None and any(
                c.entered and c.name == selection.choice for c in param.choices
            ):
                continue  # a case whose value the project enters: the engine asks for it
            if selection is not None and selection.override_value is not None:
                if not param.allow_override:
                    yield make(
                        "monitoring.override-not-allowed",
                        f"{where}.override_value",
                        parameter=key,
                        index=members,
                        name=shown,
                        methodology=template.identity.id,
                    )
                    continue
                yield make(
                    "defaults.overridden",
                    f"{where}.override_value",
                    key="defaults.overridden"
                    if selection.override_reason
                    else "defaults.overridden.no-reason",
                    parameter=key,
                    index=members,
                    name=shown,
                    value=selection.override_value,
                    reason=selection.override_reason,
                )
                continue
            yield from _default_in_use(template, param, key, shown, members, where, selection)


def _default_in_use(
    template: Any, param: Any, key: str, shown: str, members: str, where: str, selection: Any
) -> Iterator[Diagnostic]:
    if param.value is not None:
        status = param.provenance.effective_status if param.provenance else "unverified"
        citation = param.provenance.citation if param.provenance else ""
        value = param.value
    else:
        wanted = (selection.choice if selection is not None else "") or param.default_choice
        names = [c.name for c in param.choices]
        if not wanted:
            yield make(
                "monitoring.choice-unknown",
                f"{where}.choice" if selection is not None else where,
                key="monitoring.choice-unknown.none",
                parameter=key,
                index=members,
                name=shown,
                cases=", ".join(c.label for c in param.choices),
            )
            return
        choice = next((c for c in param.choices if c.name == wanted), None)
        if choice is None:
            yield make(
                "monitoring.choice-unknown",
                f"{where}.choice",
                parameter=key,
                choice=wanted,
                name=shown,
                methodology=template.identity.id,
                cases=", ".join(names),
            )
            return
        prov = choice.provenance
        status, citation, value = prov.effective_status, prov.citation, choice.value
    if status != "verified":
        yield make(
            "defaults.draft" if status == "draft" else "defaults.unverified",
            f"{where}.choice" if selection is not None else where,
            parameter=key,
            index=members,
            status=status,
            value=value,
            name=shown,
            unit=param.unit,
            citation=citation,
        )
