"""The forked render worker (jcm_pdd.export.worker): same files as a sequential export, and
every way it can fail (an error, a crash, no answer) ends in the parent rendering the document
itself, never a hang or a missing file."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import threading
import zipfile
from pathlib import Path
from typing import Literal

import pytest
from export_factory import filled_project, sample_figures

from jcm_pdd.export.build_pdd import build_pdd
from jcm_pdd.export.document import (
    Document,
    Figure,
    document_from_json,
    document_to_json,
)
from jcm_pdd.export.form_layout import layout_for
from jcm_pdd.export.worker import fork_is_safe
from jcm_pdd.paths import sample_project_path

SAMPLE_FIGURE = sample_project_path().with_name("mongolia-solar-pv-figure.png")
WORKER_CASES = Path(__file__).with_name("worker_cases.py")


def _doc(form: Literal["PDD", "MoC"] = "PDD") -> Document:
    project = filled_project()
    return build_pdd(project, layout_for(project, form), sample_figures(), public=True, draft=True)


def _with_figure(doc: Document) -> Document:
    image = SAMPLE_FIGURE.read_bytes()
    doc.add(Figure(image, "Figure 1: the sample boundary"))
    return doc


def _pdf_invariant(data: bytes) -> bytes:
    """A PDF without what differs between two renderings: dates and the document ID."""
    data = re.sub(rb"/(CreationDate|ModDate) \(D:[^)]*\)", b"", data)
    return re.sub(rb"/ID\s*\[[^\]]*\]", b"", data)


def _docx_parts(data: bytes) -> dict[str, bytes]:
    """The parts of a .docx or .xlsx package, without docProps/core.xml (its dates)."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {n: zf.read(n) for n in zf.namelist() if n != "docProps/core.xml"}


def test_documents_travel_as_json_unchanged() -> None:
    for doc in (_with_figure(_doc("PDD")), _doc("MoC")):
        text = document_to_json(doc)
        assert "\n" not in text  # one line per request
        assert document_from_json(text) == doc
    with pytest.raises(ValueError, match="not a serialised document"):
        document_from_json('{"title": "x", "blocks": [{"kind": "Script"}]}')


def test_worker_cases_pass_in_a_fresh_process() -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("the worker forks on Linux only")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(WORKER_CASES)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=WORKER_CASES.parents[2],
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 passed" in result.stdout and "skipped" not in result.stdout, result.stdout


def test_no_fork_from_another_thread() -> None:
    seen: list[bool] = []
    thread = threading.Thread(target=lambda: seen.append(fork_is_safe()))
    thread.start()
    thread.join()
    assert seen == [False]  # e.g. the GUI's export QThread: rendered sequentially


_EXPORT = """
import sys
from jcm_pdd.export import export_set
from jcm_pdd.export.worker import fork_is_safe
assert fork_is_safe()
parallel = None if sys.argv[3] == "auto" else False
export_set(sys.argv[1], sys.argv[2], parallel=parallel)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the worker forks on Linux only")
def test_forked_and_sequential_exports_write_the_same_files(tmp_path: Path) -> None:
    # Fresh processes, as the CLI runs: this one may have threads or Qt loaded
    for mode in ("auto", "sequential"):
        subprocess.run(
            [sys.executable, "-c", _EXPORT, str(sample_project_path()), str(tmp_path / mode), mode],
            check=True,
            timeout=300,
        )
    forked = sorted((tmp_path / "auto").iterdir())
    sequential = sorted((tmp_path / "sequential").iterdir())
    assert [p.name for p in forked] == [p.name for p in sequential] and len(forked) == 8
    for a, b in zip(forked, sequential, strict=True):
        if a.suffix == ".pdf":
            assert _pdf_invariant(a.read_bytes()) == _pdf_invariant(b.read_bytes()), a.name
        else:  # .docx and .xlsx: every part but the creation time
            assert _docx_parts(a.read_bytes()) == _docx_parts(b.read_bytes()), a.name
    assert not list(tmp_path.rglob(".*partial"))


def test_no_fork_in_a_qt_application(qapp: object) -> None:
    assert qapp is not None
    assert not fork_is_safe()  # the GUI process renders sequentially
