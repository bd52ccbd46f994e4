"""``export_set``: the one export action (Word, PDF, workbook, MoC; public and confidential).

Builds each neutral document once per copy and hands it to the renderers; writes files to a
temporary name and renames them, so a failed export never leaves half-written documents. A
final export is refused while the diagnostics report errors; a draft is always possible and
says DRAFT on every page. ``progress(done, total, message)`` lets the GUI show a progress bar
from a worker thread (it is called from the exporting thread).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from jcm_pdd.errors import UserError
from jcm_pdd.export.build_pdd import build_pdd
from jcm_pdd.export.document import Document
from jcm_pdd.export.form_layout import layout_for
from jcm_pdd.export.images import image_problem
from jcm_pdd.export.naming import file_name
from jcm_pdd.export.render_docx import render_docx
from jcm_pdd.export.render_pdf import render_pdf
from jcm_pdd.export.sources import (
    Calculation,
    ExportInput,
    calculate,
    diagnostics_errors,
    load_input,
)
from jcm_pdd.model import Project

FORMATS = ("docx", "pdf", "xlsx", "moc")
COPIES = ("public", "confidential")
Progress = Callable[[int, int, str], None]


def _quiet(_done: int, _total: int, _message: str) -> None:
    return None


def _atomic_write(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.partial")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _check_choice(given: Iterable[str], allowed: tuple[str, ...], what: str) -> list[str]:
    chosen = [x.strip().lower() for x in given if x.strip()]
    unknown = sorted(set(chosen) - set(allowed))
    if unknown:
        raise UserError(
            f"Unknown export {what}: {', '.join(unknown)} (choose from {', '.join(allowed)})."
        )
    if not chosen:
        raise UserError(f"Choose at least one export {what} ({', '.join(allowed)}).")
    return [x for x in allowed if x in chosen]


def refuse_final(project: Project, calc: Calculation) -> None:
    """Raise a UserError listing what blocks a final (submission) export."""
    errors = diagnostics_errors(project)
    if calc.figures is None:
        errors.append(f"The emission reductions cannot be calculated: {calc.problem}")
    if errors:
        listed = "\n".join(f"- {e}" for e in errors)
        raise UserError(
            f"A final export is not possible while {len(errors)} error(s) remain "
            f"(export a draft instead, or fix them):\n{listed}"
        )


def refuse_unreadable_figure(project: Project, inp: ExportInput) -> None:
    """A submission must not go out with a placeholder where the C.2 figure belongs."""
    ref = project.pdd.figure_attachment
    data = inp.load_attachment(ref) if ref else None
    problem = image_problem(data) if data else ""
    if problem:
        names = [a.name for a in project.attachments if a.sha256 == ref]
        name = names[0] if names else ref[:12]
        raise UserError(
            f"A final export is not possible: the C.2 figure '{name}' cannot be used: {problem}."
        )


def _workbook(inp: ExportInput, calc: Calculation, public: bool, draft: bool) -> bytes:
    from jcm_pdd.export.build_workbook import build_workbook

    return build_workbook(inp.project, calc, public=public, draft=draft)


def export_set(
    project_path_or_loaded: Path | str | Project | Any,
    out_dir: Path | str,
    formats: Iterable[str] = FORMATS,
    draft: bool = False,
    copies: Iterable[str] = COPIES,
    progress: Progress | None = None,
) -> list[Path]:
    """Export the chosen formats and copies into ``out_dir``; return the written paths."""
    report = progress or _quiet
    chosen = _check_choice(formats, FORMATS, "format")
    which = _check_choice(copies, COPIES, "copy")
    out = Path(out_dir)
    inp = load_input(project_path_or_loaded)
    project = inp.project
    report(0, 1, "Calculating emission reductions")
    calc = calculate(project)
    if not draft:
        refuse_final(project, calc)
        refuse_unreadable_figure(project, inp)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"Cannot create the export folder {out}: {exc.strerror}") from None
    pdd_layout = layout_for(project, "PDD") if {"docx", "pdf"} & set(chosen) else None
    moc_layout = layout_for(project, "MoC") if "moc" in chosen else None
    jobs: list[tuple[str, bool]] = [(fmt, copy == "public") for copy in which for fmt in chosen]
    total = len(jobs) + 1
    written: list[Path] = []
    pdd_docs: dict[bool, Document] = {}
    for done, (fmt, public) in enumerate(jobs, start=1):
        copy_word = "public" if public else "confidential"
        report(done - 1, total, f"Building the {copy_word} {fmt.upper()} document")
        if fmt in ("docx", "pdf"):
            assert pdd_layout is not None
            if public not in pdd_docs:  # one neutral document feeds both renderers
                pdd_docs[public] = build_pdd(
                    project,
                    pdd_layout,
                    calc.figures,
                    public=public,
                    draft=draft,
                    load_attachment=inp.load_attachment,
                )
            doc = pdd_docs[public]
            data = render_docx(doc) if fmt == "docx" else render_pdf(doc)
            name = file_name(project, "PDD", f".{fmt}", public=public, draft=draft)
        elif fmt == "moc":
            assert moc_layout is not None
            doc = build_pdd(project, moc_layout, calc.figures, public=public, draft=draft)
            data = render_docx(doc)
            name = file_name(project, "MoC", ".docx", public=public, draft=draft)
        else:
            data = _workbook(inp, calc, public, draft)
            name = file_name(project, "MPS", ".xlsx", public=public, draft=draft)
        target = out / name
        try:
            _atomic_write(target, data)
        except OSError as exc:
            raise UserError(f"Cannot write {target}: {exc.strerror}") from None
        written.append(target)
    report(total, total, f"Exported {len(written)} file(s) to {out}")
    return written
