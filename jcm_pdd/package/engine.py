"""The one place where ``package`` calls the other subsystems: storage, engine, checks, export.

Building and verifying need to load a project file, find and load the exact methodology
template, compute the ex-ante estimate with its trace, list diagnostics and export the
documents. Those belong to ``jcm_pdd.storage``, ``jcm_pdd.methodology``, ``jcm_pdd.checks`` and
``jcm_pdd.export``; this adapter keeps their names out of the rest of the package so that the
zip/BagIt core stays independent of them. They are imported where used (so opening a package
does not pay for the exporters), never guarded: a missing subsystem is an import error that
stops the caller, not a "skipped" check.

Figures travel as ``Figures``: ``{period: {quantity: exact text}}`` with periods like "2025"
and "total", quantities ``RE``, ``PE``, ``ER`` (unrounded, exact) and ``RE_rounded``,
``PE_rounded``, ``ER_rounded`` (whole tCO2e as printed in C.3). Exact text is what
``fractions.Fraction`` parses (``"1234.5"``, ``"14746"``, ``"3/7"``), so comparisons are exact.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jcm_pdd.errors import UserError
from jcm_pdd.model import Project

if TYPE_CHECKING:
    from jcm_pdd.methodology.estimate import ExAnteEstimate
    from jcm_pdd.methodology.schema import Template

Figures = dict[str, dict[str, str]]


@dataclass
class Estimate:
    figures: Figures
    trace: dict[str, Any] = field(default_factory=dict)


def exact_text(value: Fraction | Decimal | int) -> str:
    """Exact text of an engine number (Fraction, Decimal, int) for the figures tables."""
    if isinstance(value, bool):
        raise TypeError("not a number")
    if isinstance(value, Fraction):
        return str(value.numerator) if value.denominator == 1 else str(value)
    return str(value)


def stated_figures(data: Any) -> Figures:
    """The ``Figures`` a package file states, read leniently: what is not a table of periods
    is left out (the comparison then reports those figures missing)."""
    if not isinstance(data, dict):
        return {}
    return {
        str(period): {str(q): str(v) for q, v in values.items()}
        for period, values in data.items()
        if isinstance(values, dict)
    }


def same_figure(a: str, b: str) -> bool:
    try:
        return Fraction(a.replace(",", "")) == Fraction(b.replace(",", ""))
    except (ValueError, ZeroDivisionError):
        return a.strip() == b.strip()


def load_project(path: Path) -> Project:
    """Load a project file read-only (no migration backup is written anywhere)."""
    from jcm_pdd.storage import load_project as storage_load

    return storage_load(path, backup_before_migration=False).project


def saved_at(path: Path) -> str:
    """The project file's saved-at time (ISO 8601 UTC) from its manifest, or ""."""
    from jcm_pdd.storage import read_manifest

    return read_manifest(path).saved_at


def template_file_for(project: Project) -> Path:
    """The methodology template file the project's B.1 names (from the shipped registry)."""
    from jcm_pdd.methodology.registry import load_registry

    method = project.pdd.methodology
    if not method.methodology_id:
        raise UserError("The project names no methodology (B.1), so it cannot be packaged.")
    template = load_registry().get(method.methodology_id, method.version or None)
    return Path(template.path)


def load_template_file(path: Path) -> Template:
    """Load one template file from its own bytes only: never through the shipped registry, nor
    the user's parse cache (a validator's profile must not change what a package computes)."""
    from jcm_pdd.methodology.loader import load_file

    return load_file(path, cached=False, packaged=True)


def estimate(project: Project, template: Template) -> Estimate:
    """The C.3 estimate with ``template`` (a loaded template object, not an id)."""
    from jcm_pdd.methodology.estimate import estimate_project

    result = estimate_project(project, template)
    table = result.c3  # the figures exactly as C.3 prints them
    figures: Figures = {}
    for year, row in zip(result.years, table.rows, strict=True):
        figures[str(year.year)] = {
            "RE": exact_text(year.re),
            "PE": exact_text(year.pe),
            "ER": exact_text(year.er),
            "RE_rounded": str(row.reference_emissions),
            "PE_rounded": str(row.project_emissions),
            "ER_rounded": str(row.emission_reductions),
        }
    figures["total"] = {
        "RE": exact_text(result.total_re),
        "PE": exact_text(result.total_pe),
        "ER": exact_text(result.total_er),
        "RE_rounded": str(table.total.reference_emissions),
        "PE_rounded": str(table.total.project_emissions),
        "ER_rounded": str(table.total.emission_reductions),
    }
    return Estimate(figures=figures, trace=_trace(result))


def _trace(result: ExAnteEstimate) -> dict[str, Any]:
    """The annual calculation's trace as plain data: every equation with its inputs, in the
    one trace format (``methodology.serialize.trace_to_list``, as ``calc --json`` gives it)."""
    from jcm_pdd.methodology.serialize import trace_to_list

    steps = trace_to_list(result.annual)
    return {
        "template": {"id": result.template_id, "version": result.version},
        "operation": {"start": result.start.isoformat(), "end": result.end.isoformat()},
        "annual": {
            "RE": exact_text(result.annual.re),
            "PE": exact_text(result.annual.pe),
            "ER": exact_text(result.annual.er),
        },
        "steps": steps,
    }


def document_role(name: str) -> str:
    """``pdd_public_docx`` from an exported file name (JCM naming, see export.naming)."""
    public = name.startswith("for_public_use_")
    if "_F_MoC_" in name:
        kind = "moc"
    elif "Monitoring_Spreadsheet" in name:
        kind = "mps"
    else:
        kind = "pdd"
    suffix = name.rsplit(".", 1)[-1].lower()
    return f"{kind}_{'public' if public else 'confidential'}_{suffix}"


def export_documents(
    project_path: Path, out_dir: Path, progress: Callable[[float, str], None] | None = None
) -> list[tuple[str, Path]]:
    """Export the final document set (both copies, every format) into ``out_dir``."""
    from jcm_pdd.export import export_set

    report = progress or (lambda _f, _m: None)
    files = export_set(
        project_path, out_dir, progress=lambda done, total, m: report(done / max(total, 1), m)
    )
    return [(document_role(path.name), path) for path in files]
