"""``export_set``: the one export action (Word, PDF, workbook, MoC; public and confidential).

Builds each neutral document once per copy and hands it to the renderers; writes files to a
temporary name and renames them, so a failed export never leaves half-written documents. A
final export is refused while the diagnostics report errors; a draft is always possible and
says DRAFT on every page. ``progress(done, total, message)`` lets the GUI show a progress bar
from a worker thread (it is called from the exporting thread).

Speed: where forking is safe (``worker.fork_is_safe``: the CLI on Linux; not the GUI, whose
export runs in a QThread, nor Windows or macOS), a render worker process is forked first
thing; it imports reportlab and python-docx while this process loads and calculates the
project, then renders the page documents (PDD .pdf and .docx, MoC) from their neutral
documents, while this process builds those documents, runs the final export's checks and
writes the workbooks, then takes back unstarted documents it can render without a new import.
(A second child for the workbooks measured slower on two cores: three busy processes.)
Anything the worker does not deliver is rendered here, so both ways give the same files, and
files are only written once everything is rendered. Heavy libraries are imported where used.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterable
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jcm_pdd.atomic import fsync_folder, write_atomic
from jcm_pdd.errors import InstallationError, UserError

if TYPE_CHECKING:
    from jcm_pdd.export.document import Document
    from jcm_pdd.export.sources import Calculation, ExportInput
    from jcm_pdd.export.worker import RenderWorker
    from jcm_pdd.model import Project

FORMATS = ("docx", "pdf", "xlsx", "moc")
COPIES = ("public", "confidential")
Progress = Callable[[int, int, str], None]


def quiet(_done: int, _total: int, _message: str) -> None:
    """The progress callback of an export nobody watches."""
    return None


def check_choice(given: Iterable[str], allowed: tuple[str, ...], what: str) -> list[str]:
    """The chosen formats or copies in ``allowed``'s order; a UserError for an unknown or
    empty choice (shared by ``export_set`` and ``export_monitoring``)."""
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
    from jcm_pdd.checks import blocking_errors, blocking_lines

    # The checks reuse the export's template and estimate: the export enters methodology once.
    errors = blocking_lines(
        blocking_errors(project, template=calc.template, estimate=calc.estimate)
    )
    if calc.figures is None:
        errors.append(f"The emission reductions cannot be calculated: {calc.problem}")
    if errors:
        listed = "\n".join(f"- {e}" for e in errors)
        raise UserError(
            f"A final export is not possible while {len(errors)} error(s) remain "
            f"(export a draft instead, or fix them):\n{listed}"
        )


def unconfirmed_forms(project: Project) -> list[str]:
    """What a final export should tell the user about forms whose code, version or layout
    JCM PDD Studio has not confirmed against the official form (forms/README.md)."""
    from jcm_pdd.forms import load_forms
    from jcm_pdd.forms.schema import provenance_words

    return [
        f"{r.definition.code}: its code, version and layout are "
        f"{provenance_words(r.definition.status)}. Compare it with the Joint Committee's "
        "current form."
        for r in load_forms().resolve_for_project(project)
        if r.definition.form_type in ("PDD", "MoC") and r.definition.status != "verified"
    ]


def refuse_unreadable_figure(project: Project, inp: ExportInput) -> None:
    """A submission must not go out with a placeholder where the C.2 figure belongs."""
    from jcm_pdd.export.images import image_problem

    ref = project.pdd.figure_attachment
    data = inp.load_attachment(ref) if ref else None
    problem = image_problem(data) if data else ""
    if problem:
        names = [a.name for a in project.attachments if a.sha256 == ref]
        name = names[0] if names else ref[:12]
        raise UserError(
            f"A final export is not possible: the C.2 figure '{name}' cannot be used: {problem}."
        )


Job = tuple[str, bool]  # (format, public)

_FILE_KINDS = {
    "docx": ("PDD", ".docx"),
    "pdf": ("PDD", ".pdf"),
    "moc": ("MoC", ".docx"),
    "xlsx": ("MPS", ".xlsx"),
}


def export_set(
    project_path_or_loaded: Path | str | Project | Any,
    out_dir: Path | str,
    formats: Iterable[str] = FORMATS,
    draft: bool = False,
    copies: Iterable[str] = COPIES,
    progress: Progress | None = None,
    parallel: bool | None = None,
    notes: list[str] | None = None,
) -> list[Path]:
    """Export the chosen formats and copies into ``out_dir``; return the written paths.

    ``parallel``: None forks a render worker where that is safe; False never forks (same files).
    ``notes`` receives what the user should be told besides the files (e.g. that image
    metadata was removed).
    """
    chosen = check_choice(formats, FORMATS, "format")
    which = check_choice(copies, COPIES, "copy")
    worker = None
    if "pdf" in chosen and parallel is not False:
        from jcm_pdd.export.worker import RenderWorker

        worker = RenderWorker.start()  # first: it imports reportlab while we load the project
    try:
        return _export(
            project_path_or_loaded, Path(out_dir), chosen, which, draft, progress, worker, notes
        )
    finally:
        if worker is not None:
            worker.close()


def _export(
    source: Path | str | Project | Any,
    out: Path,
    chosen: list[str],
    which: list[str],
    draft: bool,
    progress: Progress | None,
    worker: RenderWorker | None,
    notes: list[str] | None = None,
) -> list[Path]:
    from jcm_pdd.export.build_pdd import build_pdd
    from jcm_pdd.export.form_layout import layout_for
    from jcm_pdd.export.naming import file_name
    from jcm_pdd.export.sources import calculate, load_input

    report = progress or quiet
    inp = load_input(source)
    project = inp.project
    if "public" in which:
        from jcm_pdd.export.redact import refuse_dangling_marks

        refuse_dangling_marks(project)
    jobs: list[Job] = [(fmt, copy == "public") for copy in which for fmt in chosen]
    docs: dict[Job, Document] = {}  # the neutral document of each page job
    remote: list[Job] = []  # sent to the worker as soon as built, while this process goes on
    # to calculate, check the project and write the workbooks

    def add(job: Job, doc: Document) -> None:
        docs[job] = doc
        if worker is not None:
            worker.submit(_key(job), "pdf" if job[0] == "pdf" else "docx", doc)
            remote.append(job)

    pdd_layout = layout_for(project, "PDD") if {"docx", "pdf"} & set(chosen) else None
    moc_layout = layout_for(project, "MoC") if "moc" in chosen else None
    moc_jobs = [j for j in jobs if j[0] == "moc"]
    early = moc_layout is not None and not moc_layout.needs_figures
    if early:  # no figures in it: the worker renders it while this process calculates
        for job in moc_jobs:
            assert moc_layout is not None
            moc = build_pdd(
                project,
                moc_layout,
                None,
                public=job[1],
                draft=draft,
                load_attachment=inp.load_attachment,  # specimen signatures
            )
            add(job, moc)
    report(0, 1, "Calculating emission reductions")
    calc = calculate(project)
    withheld: frozenset[str] = frozenset()
    if "public" in which:
        from jcm_pdd.export.withheld import withheld_outputs

        withheld = withheld_outputs(project, calc, public=True, draft=draft)
        if withheld and notes is not None:
            notes.append(
                f"The public copy shows XXX for {', '.join(sorted(withheld))} (C.3 and the "
                "workbook): they are calculated from confidential values."
            )
    pdd_docs: dict[bool, Document] = {}
    for fmt in ("pdf", "docx"):
        for job in [j for j in jobs if j[0] == fmt]:
            assert pdd_layout is not None
            public = job[1]
            if public not in pdd_docs:  # one neutral document feeds both renderers
                pdd_docs[public] = build_pdd(
                    project,
                    pdd_layout,
                    calc.figures,
                    public=public,
                    draft=draft,
                    load_attachment=inp.load_attachment,
                    withheld=withheld if public else frozenset(),
                )
            add(job, pdd_docs[public])
    for job in moc_jobs if not early else []:
        assert moc_layout is not None
        shown = withheld if job[1] else frozenset()
        add(
            job,
            build_pdd(
                project,
                moc_layout,
                calc.figures,
                public=job[1],
                draft=draft,
                load_attachment=inp.load_attachment,
                withheld=shown,
            ),
        )
    if not draft:
        refuse_final(project, calc)
        refuse_unreadable_figure(project, inp)
        if notes is not None:
            notes.extend(unconfirmed_forms(project))
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"Cannot create the export folder {out}: {exc.strerror}") from None
    total = len(jobs) + 1
    rendered: dict[Job, bytes] = {}

    def render_here(job: Job) -> None:
        fmt, public = job
        copy_word = "public" if public else "confidential"
        report(len(rendered), total, f"Building the {copy_word} {fmt.upper()} document")
        rendered[job] = _render(job, docs.get(job), inp, calc, draft)

    for job in jobs:
        if job not in remote:
            render_here(job)
    if worker is not None:
        # Idle now: take back the worker's unstarted documents (from the end of its queue)
        # that this process can render without importing their library first; measured on
        # two cores, an import here (python-docx in a fresh CLI process) costs more than it
        # saves, while a process that has rendered before (the GUI's, a batch) gains.
        queue = list(remote)
        while queue and _loaded(queue[-1][0]) and worker.claim(_key(queue[-1])):
            render_here(queue.pop())
        for job in queue:
            report(len(rendered), total, f"Building the {job[0].upper()} documents")
            data = worker.result(_key(job))
            if data is None:  # the worker failed on it: rendered here, errors surface here
                render_here(job)
            else:
                rendered[job] = data
    files: list[tuple[Path, bytes]] = []
    for fmt, public in jobs:  # in the order of the choices, as before
        form, suffix = _FILE_KINDS[fmt]
        target = out / file_name(project, form, suffix, public=public, draft=draft)
        files.append((target, rendered[(fmt, public)]))
    write_files(out, files)
    written = [target for target, _ in files]
    from jcm_pdd.export.sources import images_cleaned

    cleaned = images_cleaned(inp)
    note = (
        f"; metadata (EXIF such as GPS position and author, PNG text) removed from "
        f"{cleaned} image(s)"
        if cleaned
        else ""
    )
    if note and notes is not None:
        notes.append("M" + note.removeprefix("; m") + ".")
    report(total, total, f"Exported {len(written)} file(s) to {out}{note}")
    return written


def write_files(folder: Path, files: list[tuple[Path, bytes]]) -> None:
    """Write each file atomically into ``folder``, all at once: each thread waits for its own
    file's fsync, and the file system commits fsyncs that wait together at once (ext4: the 8
    files of an export set 30-50 ms one after the other, 3-20 ms together). The folder is
    fsynced once, after the last rename. A failure is a UserError naming the first file (in
    ``files``' order) that could not be written; the others are written or left as they were."""
    failures: list[tuple[int, BaseException]] = []

    def write(number: int, target: Path, data: bytes) -> None:
        try:
            write_atomic(target, data, sync_folder=False)  # the file's data fsynced
        except BaseException as exc:  # handed to the exporting thread, which raises it
            failures.append((number, exc))

    threads = [
        threading.Thread(target=write, args=(n, target, data), name="export-write")
        for n, (target, data) in enumerate(files)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        number, exc = min(failures, key=lambda failure: failure[0])
        if isinstance(exc, OSError):
            raise UserError(f"Cannot write {files[number][0]}: {exc.strerror}") from None
        raise exc
    with suppress(OSError):  # the files' data is safe; only the renames' durability is at stake
        fsync_folder(folder)


def _loaded(fmt: str) -> bool:
    """Whether this process has the renderer of ``fmt`` imported already."""
    return f"jcm_pdd.export.render_{'pdf' if fmt == 'pdf' else 'docx'}" in sys.modules


def _key(job: Job) -> str:
    return f"{job[0]}-{'public' if job[1] else 'confidential'}"


_FORMAT_NAMES = {
    "docx": "PDD (Word)",
    "pdf": "PDD (PDF)",
    "xlsx": "Monitoring Plan workbook",
    "moc": "MoC (Word)",
}


def _render(
    job: Job, doc: Document | None, inp: ExportInput, calc: Calculation, draft: bool
) -> bytes:
    """The file of ``job``; a renderer's own failure becomes a UserError in product words
    (the library's message is a bug report, not something the user can act on)."""
    try:
        return _render_unchecked(job, doc, inp, calc, draft)
    except UserError:
        raise
    except Exception as exc:  # re-raised as a UserError naming the document; cause chained
        copy_word = "public" if job[1] else "confidential"
        raise UserError(
            f"The {copy_word} {_FORMAT_NAMES[job[0]]} could not be drawn because of an internal "
            "problem in JCM PDD Studio (a bug, please report it); no file was written and your "
            "project was not changed."
        ) from exc


def _render_unchecked(
    job: Job, doc: Document | None, inp: ExportInput, calc: Calculation, draft: bool
) -> bytes:
    fmt, public = job
    try:
        if fmt == "xlsx":
            from jcm_pdd.export.build_workbook import build_workbook

            return build_workbook(inp.project, calc, public=public, draft=draft)
        assert doc is not None
        if fmt == "pdf":
            from jcm_pdd.export.render_pdf import render_pdf

            return render_pdf(doc)
        from jcm_pdd.export.render_docx import render_docx

        return render_docx(doc)
    except OSError as exc:
        # Rendering reads only files the app ships (python-docx's default template, the fonts);
        # the project's own data is in memory. A missing one means a damaged installation (a
        # frozen build that left python-docx's templates out did exactly this).
        name = Path(exc.filename).name if exc.filename else (exc.strerror or str(exc))
        raise InstallationError(_FORMAT_NAMES[fmt], name) from exc
