"""Submission-ready exports: PDD (.docx, .pdf), Monitoring Plan workbook (.xlsx), MoC (.docx).

Public API::

    export_set(project_path_or_loaded, out_dir, formats={"docx","pdf","xlsx","moc"},
               draft=False, copies={"public","confidential"}, progress=None,
               parallel=None) -> list[Path]
        The one export action. ``progress(done, total, message)`` for a GUI progress bar.
        Raises UserError (a final export while diagnostics report errors lists them).
        ``parallel=False`` never forks the render worker (None: where safe, see ``worker``).

    build_pdd(project, layout, figures, *, public, draft, load_attachment) -> Document
        (PDD or MoC, depending on the layout's form)
    render_docx(document) -> bytes;  render_pdf(document) -> bytes
    layout_for(project, "PDD" | "MoC") -> FormLayout   (from forms/; UserError if unreadable)
    build_workbook.workbook_bytes(WorkbookSource(template, inputs, project=None, reader=None,
                                                 draft=False)) -> bytes
    sources.calculate(project) -> Calculation(figures: C3Table | None, estimate, problem)

    export_monitoring(project_path_or_loaded, out_dir, formats={"xlsx","docx","pdf"}, *,
                      draft=False, copies={"public","confidential"}, periods=None,
                      progress=None, notes=None) -> list[Path]
        After registration: the Monitoring Report Sheet workbook (MRS(input),
        MRS(calc_process) with live formulas, MSS) and the Monitoring Report (Word, PDF) of
        the chosen periods (numbers from 0; default all); same refusal, progress and notes
        contract as ``export_set``. ``monitoring_source.monitoring_calc`` -> ``build_mrs.
        mrs_workbook`` / ``build_report.build_report``.

Structure: ``document`` (the neutral document model) <- ``build_pdd`` (from the form layout)
-> ``render_docx`` / ``render_pdf`` (``pdf_png``: PNG figures embedded undecoded);
``build_workbook`` + ``excel_formula`` for the MPS workbook; ``redact`` (public copy),
``naming`` (file names), ``sources`` (engine, checks and storage adapters), ``api``
(export_set), ``worker`` (the forked render worker; documents travel as JSON).
"""

import sys
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING, Any

from jcm_pdd.export import lazy_patterns
from jcm_pdd.export.api import COPIES, FORMATS, export_set
from jcm_pdd.export.monitoring_api import MONITORING_FORMATS, export_monitoring

lazy_patterns.seed()  # before any renderer imports reportlab (see lazy_patterns)

if TYPE_CHECKING:
    from jcm_pdd.export.build_pdd import build_pdd
    from jcm_pdd.export.document import Document
    from jcm_pdd.export.form_layout import layout_for
    from jcm_pdd.export.render_docx import render_docx
    from jcm_pdd.export.render_pdf import render_pdf

# Imported on first use: ``export_set`` forks its render worker before anything heavy
# (pydantic, python-docx, reportlab, openpyxl) is imported, and each path imports only what it
# renders.
_LAZY = {
    "build_pdd": "jcm_pdd.export.build_pdd",
    "Document": "jcm_pdd.export.document",
    "layout_for": "jcm_pdd.export.form_layout",
    "render_docx": "jcm_pdd.export.render_docx",
    "render_pdf": "jcm_pdd.export.render_pdf",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class _Package(ModuleType):
    """``render_docx``, ``render_pdf`` and ``build_pdd`` name both a function and its module.
    Importing a submodule binds its name on the package; as with the eager imports this
    package had before, the function keeps the name (the module is in ``sys.modules``)."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _LAZY and isinstance(value, ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


__all__ = [
    "COPIES",
    "FORMATS",
    "MONITORING_FORMATS",
    "Document",
    "build_pdd",
    "export_monitoring",
    "export_set",
    "layout_for",
    "render_docx",
    "render_pdf",
]
