"""Lenient input resolution for a draft workbook: missing values stay blank instead of failing.

A final workbook uses the engine's ``resolve`` (every value present and valid). A draft must
always export, so here a missing estimated value is ``None`` (a blank yellow cell for the user
to fill), a default without a selected choice is blank, and an empty index set gets the
template's default member, so the sheet still shows every row and formula.
"""

from __future__ import annotations

import itertools
from fractions import Fraction
from typing import Any

from jcm_pdd.methodology.inputs import IndexKey, Inputs
from jcm_pdd.methodology.resolve import Source
from jcm_pdd.methodology.schema import Parameter, Template, to_decimal

Values = dict[str, Any]
Sources = dict[tuple[str, IndexKey], Source]


def _default(param: Parameter, choice: str | None) -> tuple[Fraction | None, Source]:
    if param.value is not None:
        prov = param.provenance
        return Fraction(to_decimal(param.value)), Source(
            "default",
            prov.effective_status if prov else None,
            citation=prov.citation if prov else "",
        )
    wanted = choice or param.default_choice
    for option in param.choices:
        if option.name != wanted:
            continue
        if option.value is None:  # a case whose value the project enters
            return None, Source("entered", None, option.name, "value to enter")
        prov = option.provenance
        return Fraction(to_decimal(option.value)), Source(
            "default", prov.status, option.name, prov.citation
        )
    return None, Source("default", None, None, "no choice selected yet")


def lenient_resolve(
    template: Template, inputs: Inputs
) -> tuple[dict[str, list[str]], Values, Sources]:
    """(members, values, sources) like the engine's ``resolve``, with ``None`` for gaps."""
    members = {
        name: list(inputs.members.get(name) or [index_set.default_member])
        for name, index_set in template.index_sets.items()
    }
    values: Values = {}
    sources: Sources = {}
    for key, param in template.parameters.items():
        if not param.is_input:
            continue
        per: dict[IndexKey, Fraction | None] = {}
        combos = (
            itertools.product(*(members.get(s, []) for s in param.index)) if param.index else [()]
        )
        for index in combos:
            item = inputs.items.get(key, {}).get(index)
            value: Fraction | None = None
            source = Source("entered", where=item.where if item else "")
            entered_case = item is not None and any(
                c.name == item.choice and c.entered for c in param.choices
            )
            if item is not None and item.override is not None:
                value, source = (
                    item.override,
                    Source("overridden", reason=item.reason, where=item.where),
                )
            elif item is not None and item.value is not None:
                value = item.value
                if entered_case:
                    source = Source("entered", None, item.choice, item.source, "", item.where)
            elif param.role == "default":
                value, source = _default(param, item.choice if item else None)
            per[index] = value
            sources[(key, index)] = source
        values[key] = per if param.index else per[()]
    return members, values, sources
