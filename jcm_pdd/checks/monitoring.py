"""Monitoring Plan rules that need no methodology template: every monitored parameter has an
estimated value, a source of data, measurement methods and a frequency; every overridden
default has a reason (the third-party entity checks the appropriateness of such values).
"""

from __future__ import annotations

from collections.abc import Iterator

from jcm_pdd.checks.context import CheckContext, is_empty
from jcm_pdd.checks.diagnostic import Diagnostic, make
from jcm_pdd.model import MonitoredParameter

# (attribute, diagnostic code, what the message asks for)
_NEEDED = (
    ("estimated_value", "monitoring.estimate", "an estimated value (column (d))"),
    ("source_of_data", "monitoring.source", "a source of data (column (g))"),
    (
        "measurement_methods",
        "monitoring.methods",
        "measurement methods and procedures (column (h))",
    ),
    ("frequency", "monitoring.frequency", "a monitoring frequency (column (i))"),
)


def parameter_name(number: int, row: MonitoredParameter) -> str:
    name = row.symbol or row.key or f"row {number}"
    members = ", ".join(f"{k} = {v}" for k, v in sorted(row.index.items()))
    return f"{name} [{members}]" if members else name


def monitored_rows(context: CheckContext) -> Iterator[Diagnostic]:
    for number, row in enumerate(context.project.monitoring_plan.monitored, start=1):
        for attribute, code, wanted in _NEEDED:
            if is_empty(getattr(row, attribute)):
                yield make(
                    code,
                    f"monitoring_plan.monitored.{number - 1}.{attribute}",
                    f"Monitoring Plan Table 1: {parameter_name(number, row)} needs {wanted}.",
                    parameter=row.symbol or row.key,
                    row=number,
                )


def override_reasons(context: CheckContext) -> Iterator[Diagnostic]:
    for number, selection in enumerate(context.project.monitoring_plan.default_selections):
        if selection.override_value is not None and not selection.override_reason.strip():
            yield make(
                "monitoring.override-reason",
                f"monitoring_plan.default_selections.{number}.override_reason",
                f"Monitoring Plan default values: {selection.key or f'row {number + 1}'} is "
                f"overridden with {selection.override_value} but no reason is given.",
                parameter=selection.key,
            )


def units_and_points(context: CheckContext) -> Iterator[Diagnostic]:
    """Project units are unique and sit at an A.3 site; monitoring point numbers are unique
    (the C.2 figure shows each number once)."""
    project = context.project
    plan = project.monitoring_plan
    site_ids = {site.id for site in project.pdd.sites if site.id}
    seen: set[tuple[str, str]] = set()
    for number, member in enumerate(plan.index_members):
        key = (member.set, member.id)
        if member.id and key in seen:
            yield make(
                "monitoring.unit-duplicate",
                f"monitoring_plan.index_members.{number}.id",
                f"Project units: {member.id} is listed twice (index {member.set}); give each "
                "unit its own ID.",
                unit=member.id,
            )
        seen.add(key)
        if member.site_id and member.site_id not in site_ids:
            yield make(
                "monitoring.unit-site",
                f"monitoring_plan.index_members.{number}.site_id",
                f"Project units: {member.id or f'row {number + 1}'} is at site "
                f"“{member.site_id}”, which is not a Site ID of A.3.",
                unit=member.id,
                site=member.site_id,
            )
    points: dict[str, int] = {}
    for number, row in enumerate(plan.monitored):
        point = row.monitoring_point.strip()
        if not point:
            continue
        if point in points:
            yield make(
                "monitoring.point-duplicate",
                f"monitoring_plan.monitored.{number}.monitoring_point",
                f"Monitoring Plan Table 1: monitoring point {point} is used by row "
                f"{points[point] + 1} and row {number + 1}; number each point once, as in the "
                "C.2 figure.",
                point=point,
            )
        else:
            points[point] = number
