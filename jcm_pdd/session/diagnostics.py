"""Diagnostics for the editor: completeness and consistency problems by severity, each with the
model path of the field it concerns, from ``jcm_pdd.checks``.

Until the checks library is available, the required fields of the form view are checked here so
the panel and its click-to-field behaviour still work.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any, Literal

from jcm_pdd.model import Project
from jcm_pdd.model.paths import PathError, get_value
from jcm_pdd.session.formview import SectionView

Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class DiagnosticView:
    severity: Severity
    message: str
    path: str  # model path of the field ("" for the whole document)
    code: str = ""


def _checks() -> Any | None:
    try:
        module = importlib.import_module("jcm_pdd.checks")
    except ImportError:
        return None
    return getattr(module, "run_checks", None)


def run_diagnostics(project: Project, sections: list[SectionView]) -> list[DiagnosticView]:
    run_checks = _checks()
    if run_checks is not None:
        found = [adapt(d) for d in run_checks(project)]
    else:
        found = required_field_diagnostics(project, sections)
    return sorted(found, key=lambda d: (SEVERITY_ORDER.get(d.severity, 3), d.path))


def adapt(diagnostic: Any) -> DiagnosticView:
    severity = str(getattr(diagnostic.severity, "value", diagnostic.severity)).lower()
    path = getattr(diagnostic, "path", "") or getattr(diagnostic, "location", "") or ""
    return DiagnosticView(
        severity if severity in SEVERITY_ORDER else "info",  # type: ignore[arg-type]
        str(diagnostic.message),
        str(path),
        str(getattr(diagnostic, "code", "")),
    )


def required_field_diagnostics(
    project: Project, sections: list[SectionView]
) -> list[DiagnosticView]:
    found: list[DiagnosticView] = []
    for section in sections:
        for view in section.fields:
            if not view.required:
                continue
            try:
                value = get_value(project, view.path)
            except PathError:
                continue
            if value in (None, "", []):
                found.append(
                    DiagnosticView(
                        "error",
                        f"{section.number} {view.label}: required but empty",
                        view.path,
                        "required",
                    )
                )
    return found
