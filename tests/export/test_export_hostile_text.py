"""Text no Word file can hold (C0 control characters, U+FFFE/U+FFFF) in a project still exports.

A control character pasted into the title (or in a hand-edited file) made every Word export fail
as "an internal problem in JCM PDD Studio"; the characters are invisible, so the documents leave
them out and the project keeps them.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import docx
import pytest

from jcm_pdd.export import export_set
from jcm_pdd.paths import sample_project_path
from jcm_pdd.storage import load_project, save_project


def test_control_characters_in_the_title_leave_the_word_files_readable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JCM_PDD_HOME", str(tmp_path / "home"))
    loaded = load_project(sample_project_path(), backup_before_migration=False)
    loaded.project.pdd.title = "Solar\x01 \x00roof\x0b top\ufffe"
    path = tmp_path / "p.jcmpdd"
    save_project(path, loaded.project, loaded.attachments)
    before = hashlib.sha256(path.read_bytes()).digest()
    written = export_set(
        path, tmp_path / "out", formats=["docx", "moc"], draft=True, parallel=False
    )
    words = [p for p in written if p.suffix == ".docx"]
    assert len(words) == 4
    for word in words:
        properties = docx.Document(str(word)).core_properties
        assert "Solar roof top" in properties.title + properties.subject
    pdd = next(p for p in words if "PDD" in p.name and "public" not in p.name)
    text = "\n".join(p.text for p in docx.Document(str(pdd)).paragraphs)
    assert "Solar roof top" in text + "".join(
        c.text for t in docx.Document(str(pdd)).tables for r in t.rows for c in r.cells
    )
    assert hashlib.sha256(path.read_bytes()).digest() == before


HOSTILE_PLAN = {
    "description": '=HYPERLINK("http://x","y") Electricity\x01 generated\ufffe',
    "comments": "\r\n".join(f"Line {n} of a long note" for n in range(90)),
}


def test_hostile_text_in_the_plan_exports_and_its_verification_package_verifies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Text typed as "=HYPERLINK(...)" was a live formula in the Monitoring Report Sheet (and
    the Monitoring Spreadsheet): a formula injection, and the verification package built from
    it was ALTERED. A control character made the workbooks fail as "an internal problem"; a
    title longer than 255 characters every Word file; a cell of 90 lines every PDF with a
    table row taller than a page."""
    import openpyxl

    from jcm_pdd.export import export_monitoring
    from jcm_pdd.package import build_package, verify_package
    from jcm_pdd.paths import registered_sample_path

    monkeypatch.setenv("JCM_PDD_HOME", str(tmp_path / "home"))
    loaded = load_project(registered_sample_path(), backup_before_migration=False)
    project = loaded.project
    project.pdd.title = "Rooftop solar " * 25  # 350 characters
    for row in project.monitoring_plan.monitored:
        for name, text in HOSTILE_PLAN.items():
            setattr(row, name, text)
    project.monitoring_plan.structure_note = "=1+1 and \x02 a note"
    path = tmp_path / "p.jcmpdd"
    save_project(path, project, loaded.attachments)
    before = hashlib.sha256(path.read_bytes()).digest()
    written = export_set(path, tmp_path / "pdd", draft=True, parallel=False)
    written += export_monitoring(path, tmp_path / "mr", draft=True)
    assert {p.suffix for p in written} == {".docx", ".pdf", ".xlsx"}
    for book_path in (p for p in written if p.suffix == ".xlsx"):
        book = openpyxl.load_workbook(book_path)
        for sheet in book.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    if isinstance(cell.value, str) and "HYPERLINK" in cell.value:
                        assert cell.data_type == "s", f"{book_path.name} {cell.coordinate}"
                    if isinstance(cell.value, str) and "a note" in cell.value:
                        assert cell.data_type == "s" and "\x02" not in cell.value
    package = build_package(path, tmp_path / "v.jcmpkg", monitoring_periods=[0, 1]).path
    report = verify_package(package)
    assert report.ok, report.summary()
    assert hashlib.sha256(path.read_bytes()).digest() == before
