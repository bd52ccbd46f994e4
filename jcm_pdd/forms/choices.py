"""The choices of a field or column whose definition names a source instead of a list.

``choices_from = "countries"`` gives partner-country codes labelled by name (the rule set),
``"country_names"`` the names as the forms print them, short and formal, Japan included (A.3,
A.4), and ``"template"`` the named cases of the methodology default a row selects (the MPS list
of default values). Fields with a literal ``choices`` list return it unchanged.
"""

from __future__ import annotations

from typing import Any

from jcm_pdd.forms.countries import CountryTable
from jcm_pdd.forms.schema import Choice, Column, FormField


def _capitalised(name: str) -> str:
    return name[:1].upper() + name[1:]


def country_choices(countries: CountryTable) -> list[Choice]:
    return [Choice(value=c.code, label=f"{c.name} ({c.code})") for c in countries.partners()]


def country_name_choices(countries: CountryTable) -> list[Choice]:
    found: list[Choice] = []
    for country in countries.countries:
        for name in dict.fromkeys((country.name, _capitalised(country.formal_name))):
            found.append(Choice(value=name, label=name))
    return found


def template_choices(template: Any | None, parameter_key: str) -> list[Choice]:
    """Cases of the template default ``parameter_key`` (e.g. EF_RE: national_grid ...)."""
    if template is None or not parameter_key:
        return []
    parameter = template.parameters.get(parameter_key)
    if parameter is None:
        return []
    return [Choice(value=c.name, label=_case_label(c.label, c.value)) for c in parameter.choices]


def _case_label(label: str, value: Any) -> str:
    """A case and its value; a case the project enters says so once, not twice when its own
    label already does ("Diesel (value entered)")."""
    if value is not None:
        return f"{label} ({value})"
    if "value entered" in label.casefold():
        return label
    return f"{label} (value entered by the project)"


def resolve_choices(
    item: FormField | Column,
    countries: CountryTable,
    *,
    template: Any | None = None,
    parameter_key: str = "",
) -> list[Choice]:
    """The choices to offer for ``item``; ``parameter_key`` is the row's template key for
    ``choices_from = "template"`` (a default-selection row's ``key``)."""
    if item.choices:
        return list(item.choices)
    if item.choices_from == "countries":
        return country_choices(countries)
    if item.choices_from == "country_names":
        return country_name_choices(countries)
    if item.choices_from == "template":
        return template_choices(template, parameter_key)
    return []
