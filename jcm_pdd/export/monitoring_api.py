"""``export_monitoring``: the Monitoring Report exports (MRS workbook, Monitoring Report as
Word and PDF; public and confidential copies), the after-registration twin of ``export_set``.

Same contract as ``export_set``: files are written to a temporary name and renamed only once
everything is built, so a failed export leaves no half-written file; a final export is refused
(one ``UserError`` listing why) while a chosen period cannot be calculated or its diagnostics
report errors; a draft is always possible and says DRAFT; ``progress(done, total, message)`` is
called from the exporting thread (the GUI runs it in a worker thread); ``notes`` receives what
the user should be told besides the files. The project is never changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jcm_pdd.atomic import write_atomic
from jcm_pdd.errors import UserError
from jcm_pdd.export.api import COPIES, Progress, check_choice, quiet

if TYPE_CHECKING:
    from jcm_pdd.export.monitoring_source import MonitoringCalc
    from jcm_pdd.model import Project

MONITORING_FORMATS = ("xlsx", "docx", "pdf")

_NAMES = {
    "xlsx": "Monitoring Report Sheet workbook",
    "docx": "Monitoring Report (Word)",
    "pdf": "Monitoring Report (PDF)",
}


def refuse_final_monitoring(calc: MonitoringCalc) -> None:
    """Raise a UserError listing what blocks a final Monitoring Report export."""
    from jcm_pdd.checks.diagnostic import Severity
    from jcm_pdd.monitoring import period_diagnostics

    chosen = {f.number for f in calc.periods}
    errors = [f"{f.label}: {f.problem}" for f in calc.periods if f.actual is None]
    for found in period_diagnostics(calc.project, calc.template):
        if found.severity is not Severity.ERROR:
            continue
        parts = found.location.split(".")
        number = int(parts[2]) if len(parts) > 2 and parts[2].isdigit() else None
        if number is None or number in chosen:  # an overlap with another period counts too
            line = f"{found.message} ({found.location})" if found.location else found.message
            if line not in errors:
                errors.append(line)
    if errors:
        listed = "\n".join(f"- {e}" for e in errors)
        raise UserError(
            f"A final Monitoring Report export is not possible while {len(errors)} error(s) "
            f"remain (export a draft instead, or fix them):\n{listed}"
        )


def monitoring_file_name(
    project: Project, fmt: str, *, public: bool, draft: bool, periods: list[int]
) -> str:
    """``[for_public_use_]Monitoring_Report_Sheet_<methodology>_<ref>_P1-2.xlsx`` or
    ``…Monitoring_Report_<ref>_P1-2.docx``."""
    import re

    from jcm_pdd.export.naming import PUBLIC_PREFIX, methodology_code, project_tag

    first, last = periods[0] + 1, periods[-1] + 1
    span = f"P{first}" if first == last else f"P{first}-{last}"
    if len(periods) != last - first + 1:
        span = "P" + "_".join(str(n + 1) for n in periods)
    stem = (
        f"Monitoring_Report_Sheet_{methodology_code(project)}"
        if fmt == "xlsx"
        else "Monitoring_Report"
    )
    suffix = ".xlsx" if fmt == "xlsx" else f".{fmt}"
    name = f"{stem}_{project_tag(project, public=public)}_{span}{'_DRAFT' if draft else ''}{suffix}"
    name = re.sub(r"[^A-Za-z0-9_.-]", "_", name)
    return f"{PUBLIC_PREFIX}{name}" if public else name


def export_monitoring(
    source: Path | str | Project | Any,
    out_dir: Path | str,
    formats: Iterable[str] = MONITORING_FORMATS,
    *,
    draft: bool = False,
    copies: Iterable[str] = COPIES,
    periods: Iterable[int] | None = None,
    progress: Progress | None = None,
    notes: list[str] | None = None,
) -> list[Path]:
    """Export the chosen formats and copies of the Monitoring Report into ``out_dir``.

    ``source``: a project file, a ``LoadedProject`` or a ``Project``. ``periods``: the period
    numbers the report covers, counted from 0 (default: every period). Returns the written
    paths in the order copies x formats.
    """
    from jcm_pdd.export.monitoring_source import monitoring_calc
    from jcm_pdd.export.sources import load_input

    chosen = check_choice(formats, MONITORING_FORMATS, "format")
    which = check_choice(copies, COPIES, "copy")
    report = progress or quiet
    inp = load_input(source)
    project = inp.project
    numbers = None if periods is None else list(periods)
    if "public" in which:
        from jcm_pdd.export.redact import refuse_dangling_marks

        refuse_dangling_marks(project)
    jobs = [(fmt, copy == "public") for copy in which for fmt in chosen]
    total = len(jobs) + 1
    report(0, total, "Calculating the monitoring periods")
    calcs = {
        public: monitoring_calc(project, numbers, public=public, draft=draft)
        for public in {j[1] for j in jobs}
    }
    first = next(iter(calcs.values()))
    if not draft:
        refuse_final_monitoring(first)
    if notes is not None:
        notes.append(
            "No JCM Monitoring Report form is published (the monitoring report is the "
            "Monitoring Report Sheet workbook); the Monitoring Report document presents the same "
            "content, table by table, for reading and signing."
        )
        if "public" in which and any(f.withheld for f in calcs[True].periods):
            withheld = [f.label for f in calcs[True].periods if f.withheld]
            notes.append(
                f"The public copy shows XXX for the figures of {', '.join(withheld)}: they are "
                "calculated from confidential values."
            )
    rendered: dict[tuple[str, bool], bytes] = {}
    documents: dict[bool, Any] = {}
    for fmt, public in jobs:
        copy_word = "public" if public else "confidential"
        report(len(rendered), total, f"Building the {copy_word} {_NAMES[fmt]}")
        rendered[(fmt, public)] = _render(fmt, public, calcs[public], documents, inp, draft)
    try:
        Path(out_dir).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"Cannot create the export folder {out_dir}: {exc.strerror}") from None
    numbers_done = [f.number for f in first.periods]
    written: list[Path] = []
    for fmt, public in jobs:
        target = Path(out_dir) / monitoring_file_name(
            project, fmt, public=public, draft=draft, periods=numbers_done
        )
        try:
            write_atomic(target, rendered[(fmt, public)])
        except OSError as exc:
            raise UserError(f"Cannot write {target}: {exc.strerror}") from None
        written.append(target)
    report(total, total, f"Exported {len(written)} file(s) to {out_dir}")
    return written


def _render(
    fmt: str,
    public: bool,
    calc: MonitoringCalc,
    documents: dict[bool, Any],
    inp: Any,
    draft: bool,
) -> bytes:
    """The file of one job; a renderer's own failure becomes a UserError in product words."""
    try:
        if fmt == "xlsx":
            from jcm_pdd.export.build_mrs import mrs_workbook

            return mrs_workbook(calc, public=public, draft=draft)
        if public not in documents:  # one neutral document feeds both renderers
            from jcm_pdd.export.build_report import build_report

            documents[public] = build_report(
                calc, public=public, draft=draft, load_attachment=inp.load_attachment
            )
        if fmt == "pdf":
            from jcm_pdd.export.render_pdf import render_pdf

            return render_pdf(documents[public])
        from jcm_pdd.export.render_docx import render_docx

        return render_docx(documents[public])
    except UserError:
        raise
    except Exception as exc:  # re-raised as a UserError naming the document; cause chained
        copy_word = "public" if public else "confidential"
        raise UserError(
            f"The {copy_word} {_NAMES[fmt]} could not be drawn because of an internal problem "
            "in JCM PDD Studio (a bug, please report it); no file was written and your project "
            "was not changed."
        ) from exc
