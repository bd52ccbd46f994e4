"""The one place where ``package`` calls the other subsystems: storage, engine, checks, export.

Building and verifying need to load a project file, find and load the exact methodology
template, compute the ex-ante estimate with its trace, list diagnostics and export the
documents. Those belong to ``jcm_pdd.storage``, ``jcm_pdd.methodology``, ``jcm_pdd.checks`` and
``jcm_pdd.export``; this adapter keeps their names out of the rest of the package so that the
zip/BagIt core stays independent of them (and testable before they existed). A subsystem that
is not available raises ``EngineUnavailable``; callers turn that into a "skipped" check.

Figures travel as ``Figures``: ``{period: {quantity: exact text}}`` with periods like "2025"
and "total", quantities ``RE``, ``PE``, ``ER`` (unrounded, exact) and ``RE_rounded``,
``PE_rounded``, ``ER_rounded`` (whole tCO2e as printed in C.3). Exact text is what
``fractions.Fraction`` parses (``"1234.5"``, ``"14746"``, ``"3/7"``), so comparisons are exact.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

from jcm_pdd.model import Project

Figures = dict[str, dict[str, str]]


class EngineUnavailable(Exception):
    """A subsystem this step needs is not available in this build."""


@dataclass
class Estimate:
    figures: Figures
    trace: dict[str, Any] = field(default_factory=dict)


def exact_text(value: Any) -> str:
    """Exact text of an engine number (Fraction, Decimal, int) for the figures tables."""
    if isinstance(value, bool):
        raise TypeError("not a number")
    if isinstance(value, Fraction):
        return str(value.numerator) if value.denominator == 1 else str(value)
    return str(value)


def same_figure(a: str, b: str) -> bool:
    try:
        return Fraction(a.replace(",", "")) == Fraction(b.replace(",", ""))
    except (ValueError, ZeroDivisionError):
        return a.strip() == b.strip()


def load_project(path: Path) -> Project:
    try:
        from jcm_pdd.storage import load_project as storage_load
    except ImportError as exc:
        raise EngineUnavailable("project storage") from exc
    loaded: Any = storage_load(path)
    project = getattr(loaded, "project", loaded)
    if not isinstance(project, Project):
        raise EngineUnavailable("project storage returned no project")
    return project


def saved_at(path: Path) -> str:
    """The project file's saved-at time (ISO 8601 UTC) from its manifest, or ""."""
    try:
        from jcm_pdd.storage.manifest import read_manifest
    except ImportError:
        return ""
    return read_manifest(path).saved_at


def template_file_for(project: Project) -> Path:
    """The methodology template file the project's B.1 names (from the shipped registry)."""
    try:
        from jcm_pdd.methodology import registry
    except ImportError as exc:
        raise EngineUnavailable("methodology registry") from exc
    method = project.pdd.methodology
    return Path(registry.template_path(method.methodology_id, method.version or None))


def load_template_file(path: Path) -> Any:
    """Load one template file by itself (never through the shipped registry)."""
    try:
        from jcm_pdd.methodology import load_template
    except ImportError as exc:
        raise EngineUnavailable("methodology templates") from exc
    return load_template(path)


def estimate(project: Project, template: Any) -> Estimate:
    try:
        from jcm_pdd.methodology import estimate_project
    except ImportError as exc:
        raise EngineUnavailable("calculation engine") from exc
    result = estimate_project(project, template)
    return Estimate(figures=_figures_from(result), trace=_trace_from(result))


def _figures_from(result: Any) -> Figures:
    figures: Figures = {}
    for year in getattr(result, "years", []):
        period = str(getattr(year, "year", getattr(year, "period", "")))
        figures[period] = _quantities(year)
    totals = getattr(result, "total", None) or getattr(result, "totals", None)
    if totals is not None:
        figures["total"] = _quantities(totals)
    return figures


def _quantities(row: Any) -> dict[str, str]:
    out: dict[str, str] = {}
    for name in ("re", "pe", "er"):
        for attr, key in ((name, name.upper()), (f"{name}_rounded", f"{name.upper()}_rounded")):
            value = getattr(row, attr, None)
            if value is not None:
                out[key] = exact_text(value)
    return out


def _trace_from(result: Any) -> dict[str, Any]:
    to_json = getattr(result, "trace_json", None) or getattr(result, "to_json", None)
    if callable(to_json):
        data = to_json()
        return data if isinstance(data, dict) else {"trace": data}
    return {}


def diagnostics_errors(project: Project) -> list[str]:
    """The messages of every error-severity diagnostic (a package is refused while any exist)."""
    try:
        from jcm_pdd.checks import run_checks
    except ImportError as exc:
        raise EngineUnavailable("checks") from exc
    found = run_checks(project)
    errors = []
    for diag in found:
        if str(getattr(diag, "severity", "")).lower().endswith("error"):
            where = getattr(diag, "path", "") or getattr(diag, "location", "")
            message = getattr(diag, "message", str(diag))
            errors.append(f"{message} ({where})" if where else str(message))
    return errors


def export_documents(project: Project, project_path: Path, out_dir: Path) -> list[tuple[str, Path]]:
    """Export the final document set into ``out_dir``; returns (role, file) pairs."""
    try:
        from jcm_pdd.export import export_set
    except ImportError as exc:
        raise EngineUnavailable("document export") from exc
    produced: Any = export_set(project, out_dir)
    pairs: list[tuple[str, Path]] = []
    items = produced.items() if isinstance(produced, dict) else enumerate(produced)
    for role, file in items:
        pairs.append((str(role), Path(file)))
    return pairs
