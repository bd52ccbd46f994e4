"""The submission gate: the diagnostics that block a final export or a package.

One function decides it for every caller (``export_set``, ``build_package`` and the desktop
app's export dialog), so the rule cannot drift between them, and it is imported normally: a
broken ``checks`` package is an import error that stops the caller, never "no errors".

The PDD (a final export, a validation package) is blocked by every error except those of the
monitoring periods (``period.*``): periods come after registration and do not change the PDD.
A verification package of some periods is blocked by the PDD's errors and by the errors of the
periods it covers (a missing or duplicated value, a value outside the methodology's bounds or
by another option than the plan's, missing dates, evidence that is not attached, an overlap or
a gap before a covered period without a stated reason); a period it does not cover does not
block it. Warnings never block (a period before the start of operation, a missing instrument or
calibration date, a calibration after the period).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING

from jcm_pdd.checks.diagnostic import Diagnostic, Severity
from jcm_pdd.checks.runner import run_checks
from jcm_pdd.model import Project

if TYPE_CHECKING:
    from jcm_pdd.methodology.estimate import ExAnteEstimate
    from jcm_pdd.methodology.schema import Template


def blocking_errors(
    project: Project,
    *,
    template: Template | None = None,
    estimate: ExAnteEstimate | None = None,
    periods: Collection[int] | None = None,
) -> list[Diagnostic]:
    """Every error-severity diagnostic of ``project`` that blocks: while any remain, a final
    export and a package are refused (a draft export is always allowed). ``periods``: the
    positions of the monitoring periods a verification package covers (see the module). A
    caller that has already found the template and run the estimate passes them."""
    found = run_checks(project, template=template, estimate=estimate)
    errors = [d for d in found if d.severity is Severity.ERROR and not is_period(d)]
    if periods is None:
        return errors
    from jcm_pdd.monitoring import period_diagnostics

    if template is None:
        template = _template(project)
    covered = {f"monitoring.periods.{number}" for number in periods}
    return errors + [
        d
        for d in period_diagnostics(project, template)
        if d.severity is Severity.ERROR and _period_of(d.location) in covered
    ]


def is_period(diagnostic: Diagnostic) -> bool:
    """A diagnostic of the monitoring periods (``period.*``), not of the PDD."""
    return diagnostic.code.startswith("period.")


def _period_of(location: str) -> str:
    """``monitoring.periods.3`` of ``monitoring.periods.3.values.2.value``."""
    return ".".join(location.split(".")[:3])


def _template(project: Project) -> Template | None:
    from jcm_pdd.methodology import load_registry

    method = project.pdd.methodology
    if not method.methodology_id:
        return None
    return load_registry().get(method.methodology_id, method.version or None)


def blocking_lines(errors: Iterable[Diagnostic]) -> list[str]:
    """One line per blocking error for a refusal message: the message and where it is."""
    return [f"{d.message} ({d.location})" if d.location else d.message for d in errors]
