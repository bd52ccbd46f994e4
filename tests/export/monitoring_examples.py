"""A registered project made from a template's worked example: the example's inputs as the
Monitoring Plan (Table 1 rows, Table 2 values, default selections) and its monitored values as
one monitoring period, so the period's ER is the example's expected ER."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, localcontext
from fractions import Fraction

from jcm_pdd.methodology import Template, new_project_from_template
from jcm_pdd.methodology.inputs import inputs_from_mapping
from jcm_pdd.model import (
    DefaultSelection,
    IndexMember,
    MonitoredParameter,
    MonitoredValue,
    MonitoringPeriod,
    Project,
)
from jcm_pdd.model.monitoring import FixedParameter


def _decimal(value: Fraction) -> Decimal:
    with localcontext() as context:
        context.prec = 60  # the examples' inputs are terminating decimals: exact
        return Decimal(value.numerator) / Decimal(value.denominator)


def project_of_example(template: Template, number: int) -> Project:
    example = template.examples[number]
    inputs = inputs_from_mapping(template, example.inputs, example.members)
    project = new_project_from_template(template)
    plan = project.monitoring_plan
    plan.index_members = [
        IndexMember(set=name, id=member)
        for name, members in inputs.members.items()
        for member in members
    ]
    plan.monitored, plan.fixed_ex_ante, plan.default_selections = [], [], []
    values = []
    for key, rows in inputs.items.items():
        param = template.parameters[key]
        for index, item in rows.items():
            named = dict(zip(param.index, index, strict=True))
            value = None if item.value is None else _decimal(item.value)
            if param.role == "monitored":
                plan.monitored.append(
                    MonitoredParameter(
                        key=key,
                        index=named,
                        unit=param.unit,
                        option=param.default_option,
                        estimated_value=value,
                    )
                )
                if value is not None:
                    values.append(
                        MonitoredValue(
                            key=key, index=named, value=value, option=param.default_option
                        )
                    )
            elif param.role == "fixed_ex_ante":
                plan.fixed_ex_ante.append(FixedParameter(key=key, index=named, value=value))
            elif param.role == "default":
                # an override, or the value of a case without a default (its source beside it)
                given = item.override if item.override is not None else item.value
                plan.default_selections.append(
                    DefaultSelection(
                        key=key,
                        index=named,
                        choice=item.choice or "",
                        override_value=None if given is None else _decimal(given),
                        override_reason=item.reason or item.source or ("source" if given else ""),
                    )
                )
    project.pdd.duration.start_date = dt.date(2027, 1, 1)
    project.pdd.duration.operational_lifetime_years = 5
    project.monitoring.periods = [
        MonitoringPeriod(start=dt.date(2028, 1, 1), end=dt.date(2028, 12, 31), values=values)
    ]
    return project
