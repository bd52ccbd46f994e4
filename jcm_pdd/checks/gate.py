"""The submission gate: the diagnostics that block a final export or a validation package.

One function decides it for every caller (``export_set``, ``build_package`` and the desktop
app's export dialog), so the rule cannot drift between them, and it is imported normally: a
broken ``checks`` package is an import error that stops the caller, never "no errors".
"""

from __future__ import annotations

from collections.abc import Iterable
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
) -> list[Diagnostic]:
    """Every error-severity diagnostic of ``project``: while any remain, a final export and a
    validation package are refused (a draft export is always allowed). A caller that has
    already found the template and run the estimate passes them (they are not redone)."""
    found = run_checks(project, template=template, estimate=estimate)
    return [d for d in found if d.severity is Severity.ERROR]


def blocking_lines(errors: Iterable[Diagnostic]) -> list[str]:
    """One line per blocking error for a refusal message: the message and where it is."""
    return [f"{d.message} ({d.location})" if d.location else d.message for d in errors]
