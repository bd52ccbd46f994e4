"""Monitoring Plan rules that need no methodology template: every monitored parameter has an
estimated value, a source of data, measurement methods and a frequency; every overridden
default has a reason (the third-party entity checks the appropriateness of such values).
After registration, the monitoring periods' diagnostics (``jcm_pdd.monitoring.diagnostics``:
dates, and values against the plan) join them, so ``check`` and the app list them too.
"""

from __future__ import annotations

from collections.abc import Iterator

from jcm_pdd.checks.context import CheckContext, is_empty
from jcm_pdd.checks.diagnostic import Diagnostic, make
from jcm_pdd.model import MonitoredParameter

# (attribute, diagnostic code): the message says which column of Table 1 is missing
_NEEDED = (
    ("estimated_value", "monitoring.estimate"),
    ("source_of_data", "monitoring.source"),
    ("measurement_methods", "monitoring.methods"),
    ("frequency", "monitoring.frequency"),
)


def parameter_name(number: int, row: MonitoredParameter) -> str:
    name = row.symbol or row.key or f"row {number}"
    members = ", ".join(f"{k} = {v}" for k, v in sorted(row.index.items()))
    return f"{name} [{members}]" if members else name


def monitored_rows(context: CheckContext) -> Iterator[Diagnostic]:
    for number, row in enumerate(context.project.monitoring_plan.monitored, start=1):
        for attribute, code in _NEEDED:
            if is_empty(getattr(row, attribute)):
                yield make(
                    code,
                    f"monitoring_plan.monitored.{number - 1}.{attribute}",
                    parameter=row.symbol or row.key,
                    row=number,
                    name=parameter_name(number, row),
                )


def override_reasons(context: CheckContext) -> Iterator[Diagnostic]:
    for number, selection in enumerate(context.project.monitoring_plan.default_selections):
        if selection.override_value is not None and not selection.override_reason.strip():
            yield make(
                "monitoring.override-reason",
                f"monitoring_plan.default_selections.{number}.override_reason",
                parameter=selection.key,
                name=selection.key or f"row {number + 1}",
                value=selection.override_value,
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
                unit=member.id,
                set=member.set,
            )
        seen.add(key)
        if member.site_id and member.site_id not in site_ids:
            yield make(
                "monitoring.unit-site",
                f"monitoring_plan.index_members.{number}.site_id",
                unit=member.id,
                site=member.site_id,
                name=member.id or f"row {number + 1}",
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
                point=point,
                first=points[point] + 1,
                second=number + 1,
            )
        else:
            points[point] = number


def periods(context: CheckContext) -> Iterator[Diagnostic]:
    """The monitoring periods' diagnostics (none for a project without periods)."""
    if not context.project.monitoring.periods:
        return
    from jcm_pdd.monitoring.diagnostics import period_diagnostics

    yield from period_diagnostics(context.project, context.template)
