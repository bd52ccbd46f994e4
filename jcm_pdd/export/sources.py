"""What an export reads from the rest of the app: the project, its attachments, the engine's
ex-ante estimate and the methodology template.

Kept in one module so the exporters depend on those packages through a few narrow functions.
(The diagnostics that block a final export come from ``jcm_pdd.checks.blocking_errors``.)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jcm_pdd.errors import UserError
from jcm_pdd.model import Project

if TYPE_CHECKING:
    from jcm_pdd.methodology.c3 import C3Table
    from jcm_pdd.methodology.estimate import ExAnteEstimate
    from jcm_pdd.methodology.registry import Registry
    from jcm_pdd.methodology.schema import Template

AttachmentLoader = Callable[[str], bytes | None]


def _no_attachment(_sha: str) -> bytes | None:
    return None


@dataclass
class ExportInput:
    project: Project
    load_attachment: AttachmentLoader = _no_attachment
    source_path: Path | None = None


@dataclass
class _StoreLoader:
    """Reads attachments for an export with their metadata removed (issue 13: a figure's EXIF
    GPS position and author, or a PNG's text chunks, must not reach any exported copy).
    ``cleaned`` names the attachments that carried metadata, for the export's report."""

    store: Any
    cleaned: set[str]

    def __call__(self, sha256: str) -> bytes | None:
        from jcm_pdd.export.images import without_metadata

        if sha256 not in self.store:
            return None
        data: bytes = self.store.read_bytes(sha256)
        clean = without_metadata(data)
        if clean != data:
            self.cleaned.add(sha256)
        return clean


def _store_loader(store: Any) -> AttachmentLoader:
    return _StoreLoader(store, set())


def images_cleaned(inp: ExportInput) -> int:
    """How many attachments had their metadata removed in this export so far."""
    loader = inp.load_attachment
    return len(loader.cleaned) if isinstance(loader, _StoreLoader) else 0


def load_input(source: Path | str | Project | Any) -> ExportInput:
    """Accept a project file path, a loaded project (``LoadedProject``) or a bare ``Project``."""
    if isinstance(source, Project):
        return ExportInput(source)
    if isinstance(source, str | Path):
        from jcm_pdd.storage import load_project

        loaded = load_project(Path(source), backup_before_migration=False)
        return ExportInput(loaded.project, _store_loader(loaded.attachments), loaded.path)
    project = getattr(source, "project", None)
    if isinstance(project, Project):
        store = getattr(source, "attachments", None)
        loader = _store_loader(store) if store is not None else _no_attachment
        return ExportInput(project, loader, getattr(source, "path", None))
    raise UserError(
        f"Cannot export {type(source).__name__}: give a project file or a loaded project."
    )


@dataclass
class Calculation:
    figures: C3Table | None  # what C.3 prints (``estimate.c3``)
    estimate: ExAnteEstimate | None = None
    template: Template | None = None
    problem: str = ""  # why there are no figures, for the user


def _registry() -> Registry:
    from jcm_pdd.methodology import load_registry

    return load_registry()


def calculate(project: Project) -> Calculation:
    """The one entry of an export into ``methodology``: find B.1's template and run the ex-ante
    estimate (PDD C.3) once; the documents, the workbook and the final export's checks all use
    this result. A project that cannot be calculated yet gives the reason instead of figures
    (a draft still exports, showing "not calculated")."""
    from jcm_pdd.methodology import estimate_project

    selection = project.pdd.methodology
    if not selection.methodology_id:
        return Calculation(None, problem="no methodology is selected (B.1)")
    template = find_template(selection.methodology_id, selection.version)
    if template is None:
        return Calculation(
            None,
            problem=f"no template for {selection.methodology_id} {selection.version} is installed",
        )
    try:
        estimate = estimate_project(project, template)
    except (UserError, ValueError, LookupError) as exc:  # the engine's InputError and friends
        problem = getattr(exc, "message", None) or str(exc)
        return Calculation(None, template=template, problem=problem)
    from jcm_pdd.methodology.status import document_caveat

    acknowledged = project.pdd.methodology.acknowledged_template
    figures = dataclasses.replace(
        estimate.c3, methodology_caveat=document_caveat(template, acknowledged)
    )
    return Calculation(figures, estimate, template)


def find_template(methodology_id: str, version: str) -> Template | None:
    """The loaded template for B.1 (shipped or user-authored), or None."""
    try:
        return _registry().get(methodology_id, version or None)
    except (UserError, ValueError, LookupError):
        return None


def _plan_without_gaps(project: Project, template: Template) -> Project:
    """A copy whose plan rows all have a known key and a value (for a draft workbook)."""
    known = set(template.parameters)
    copy = project.model_copy(deep=True)
    plan = copy.monitoring_plan
    plan.monitored = [r for r in plan.monitored if r.key in known and r.estimated_value is not None]
    plan.fixed_ex_ante = [r for r in plan.fixed_ex_ante if r.key in known and r.value is not None]
    plan.default_selections = [r for r in plan.default_selections if r.key in known]
    return copy


def project_inputs(
    project: Project, calc: Calculation, *, draft: bool = False
) -> tuple[Any, Any, str]:
    """(template, engine inputs, problem) of a project's Monitoring Plan with the template
    ``calculate`` found; a draft skips plan rows that are incomplete (their cells stay blank)
    instead of failing."""
    from jcm_pdd.methodology.inputs import inputs_from_project

    template = calc.template
    if template is None:
        return None, None, calc.problem
    try:
        return template, inputs_from_project(project, template), ""
    except UserError as exc:  # the engine's InputError
        if draft:
            try:
                return (
                    template,
                    inputs_from_project(_plan_without_gaps(project, template), template),
                    "",
                )
            except UserError:
                pass
        return template, None, exc.message
