"""The forked render worker's cases, run by test_export_worker in a fresh process: a test
session may already run other threads (numpy's OpenBLAS pool once openpyxl imported it, Qt), and
then the worker rightly refuses to fork. Not collected on its own (no ``test_`` file prefix)."""

from __future__ import annotations

import os
import re
import signal
from typing import Literal

import pytest
from export_factory import filled_project, sample_figures

from jcm_pdd.export import worker as worker_module
from jcm_pdd.export.build_pdd import build_pdd
from jcm_pdd.export.document import Document, Figure, Heading
from jcm_pdd.export.form_layout import layout_for
from jcm_pdd.export.render_docx import render_docx
from jcm_pdd.export.render_pdf import render_pdf
from jcm_pdd.export.worker import RenderWorker, fork_is_safe
from jcm_pdd.paths import sample_project_path

SAMPLE_FIGURE = sample_project_path().with_name("mongolia-solar-pv-figure.png")


def page_doc(form: Literal["PDD", "MoC"] = "PDD") -> Document:
    project = filled_project()
    return build_pdd(project, layout_for(project, form), sample_figures(), public=True, draft=True)


def with_figure(document: Document) -> Document:
    document.add(Figure(SAMPLE_FIGURE.read_bytes(), "Figure 1: the sample boundary"))
    return document


def pdf_invariant(data: bytes) -> bytes:
    """A PDF without what differs between two renderings: dates and the document ID."""
    data = re.sub(rb"/(CreationDate|ModDate) \(D:[^)]*\)", b"", data)
    return re.sub(rb"/ID\s*\[[^\]]*\]", b"", data)


def docx_parts(data: bytes) -> dict[str, bytes]:
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {n: zf.read(n) for n in zf.namelist() if n != "docProps/core.xml"}


needs_fork = pytest.mark.skipif(
    not fork_is_safe(), reason="forking is not safe here (not Linux, or other threads run)"
)


@needs_fork
def test_worker_renders_what_this_process_would() -> None:
    doc = with_figure(page_doc())
    moc = page_doc("MoC")
    worker = RenderWorker.start()
    assert worker is not None
    try:
        worker.submit("pdd-pdf", "pdf", doc)
        worker.submit("moc-docx", "docx", moc)
        pdf = worker.result("pdd-pdf")
        docx = worker.result("moc-docx")
    finally:
        worker.close()
    assert pdf is not None and docx is not None
    assert pdf_invariant(pdf) == pdf_invariant(render_pdf(doc))
    assert docx_parts(docx) == docx_parts(render_docx(moc))
    assert not worker.folder.exists()  # its temporary files are gone


@needs_fork
def test_a_rendering_error_in_the_worker_is_left_to_this_process() -> None:
    broken = Document("t", "h", blocks=[Heading("x"), Figure(b"not an image")])
    worker = RenderWorker.start()
    assert worker is not None
    try:
        worker.submit("bad", "pdf", broken)
        worker.submit("good", "docx", page_doc("MoC"))
        assert worker.result("bad") is None  # the parent renders it and meets the same error
        assert worker.result("good") is not None  # the worker carries on after an error
    finally:
        worker.close()


@needs_fork
def test_a_worker_that_dies_or_stops_answering_is_given_up_without_a_hang(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    worker = RenderWorker.start()
    assert worker is not None
    os.kill(worker.pid, signal.SIGKILL)
    worker.submit("pdd", "pdf", page_doc())
    assert worker.result("pdd") is None
    worker.close()
    assert worker.pid == 0  # reaped

    monkeypatch.setattr(worker_module, "START_TIMEOUT", 0.5)
    monkeypatch.setattr(worker_module, "RENDER_TIMEOUT", 0.5)
    stuck = RenderWorker.start()
    assert stuck is not None
    os.kill(stuck.pid, signal.SIGSTOP)  # alive but silent
    try:
        stuck.submit("moc", "docx", page_doc("MoC"))
        assert stuck.result("moc") is None
    finally:
        stuck.close()  # SIGKILL ends a stopped process too
    assert stuck.pid == 0


@needs_fork
def test_a_queued_document_is_taken_back_by_one_side_only() -> None:
    worker = RenderWorker.start()
    assert worker is not None
    try:
        os.kill(worker.pid, signal.SIGSTOP)  # the worker cannot start anything meanwhile
        worker.submit("first", "docx", page_doc("MoC"))
        worker.submit("second", "docx", page_doc("MoC"))
        assert worker.claim("second")  # this process renders it
        assert not worker.claim("second") and not worker.claim("unknown")
        os.kill(worker.pid, signal.SIGCONT)
        assert worker.result("first") is not None
        assert not worker.claim("first")  # the worker had taken it
    finally:
        worker.close()
