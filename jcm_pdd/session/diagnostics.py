"""Diagnostics for the editor: completeness and consistency problems by severity, each with the
model path of the field it concerns, from ``jcm_pdd.checks``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from jcm_pdd.model import Project

Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class DiagnosticView:
    severity: Severity
    message: str
    path: str  # model path of the field ("" for the whole document)
    code: str = ""


def run_diagnostics(project: Project, language: str = "en") -> list[DiagnosticView]:
    """The checks' findings with messages in ``language`` ("en" or "ja"; English otherwise)."""
    from jcm_pdd.checks import run_checks

    found = [adapt(d, language) for d in run_checks(project)]
    from jcm_pdd.session.labels import natural_key  # row 3 before row 11

    return sorted(found, key=lambda d: (SEVERITY_ORDER.get(d.severity, 3), natural_key(d.path)))


def adapt(diagnostic: Any, language: str = "en") -> DiagnosticView:
    from jcm_pdd.checks import message_text

    severity = str(getattr(diagnostic.severity, "value", diagnostic.severity)).lower()
    path = getattr(diagnostic, "path", "") or getattr(diagnostic, "location", "") or ""
    return DiagnosticView(
        severity if severity in SEVERITY_ORDER else "info",  # type: ignore[arg-type]
        message_text(diagnostic, language),
        str(path),
        str(getattr(diagnostic, "code", "")),
    )
