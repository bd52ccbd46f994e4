"""The findings table as a validator reads it in the Word file: every column's heading, every
finding ID and date stays whole on its line (rendered by LibreOffice and read back as text).
Ten columns at the body's 11 pt broke "Type", "Author" and "CAR-01" in the middle."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from jcm_pdd.package.findings_export import COLUMNS, findings_docx
from jcm_pdd.package.review import Review

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")
WHEN = datetime(2026, 12, 5, 10, 0, tzinfo=UTC)


def _rendered_text(document: Path, tmp_path: Path) -> str:
    """The Word file as LibreOffice lays it out, read back as text (pdftotext -layout)."""
    assert SOFFICE is not None and PDFTOTEXT is not None
    subprocess.run(
        [SOFFICE, "--headless", f"-env:UserInstallation=file://{tmp_path / 'lo'}",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(document)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    return subprocess.run(
        [PDFTOTEXT, "-layout", str(tmp_path / document.with_suffix(".pdf").name), "-"],
        check=True, capture_output=True,
    ).stdout.decode("utf-8")  # fmt: skip


@pytest.mark.skipif(
    SOFFICE is None or PDFTOTEXT is None,
    reason="LibreOffice and poppler-utils (pdftotext) render the table",
)
def test_no_heading_id_or_date_of_the_findings_table_is_broken(tmp_path: Path) -> None:
    review = Review(project_title="Rooftop PV in Darkhan")
    review.record_package(1, "a" * 64, "round1.jcmpkg", when=WHEN)
    review.record_package(2, "b" * 64, "round2.jcmpkg", when=WHEN)
    for kind, target, label in (
        ("CAR", "pdd.sites.0.latitude", "A.3 Location of project, Sites, row 1, Latitude"),
        ("CL", "PDD:C.3", "C.3 Estimated emissions reductions in each year"),
        ("FAR", "MPS:T1", "Table 1 Parameters to be monitored ex post"),
    ):
        finding = review.raise_finding(kind, target, "See the site plan.", "T. Auditor", when=WHEN)
        finding.target_label = label
    review.respond("CAR-01", "Corrected from the cadastral map.", when=WHEN)
    review.close("CAR-01", "Accepted.", round=2, when=WHEN)
    document = findings_docx(review, tmp_path / "findings.docx")
    text = _rendered_text(document, tmp_path)
    words = set(re.findall(r"[\w'/-]+", text))
    whole = [w for c in COLUMNS for w in c.split() if w != "/"]
    whole += ["CAR-01", "CL-01", "FAR-01", "2026-12-05", "Auditor"]
    assert [w for w in whole if w not in words] == []


def test_a_place_reads_in_the_forms_words_without_the_model_key(tmp_path: Path) -> None:
    """The "Section / field" cell holds the label the app showed ("A.3 …, row 1, Latitude"),
    not the model key beside it, which broke across lines in the narrow column; a finding the
    app stored no label for still names its place by the key."""
    from docx import Document
    from openpyxl import load_workbook

    from jcm_pdd.package.findings_export import findings_xlsx

    review = Review(project_title="Rooftop PV in Darkhan")
    review.record_package(1, "a" * 64, "round1.jcmpkg", when=WHEN)
    label = "A.3 Location of project, Sites, row 1, Latitude"
    labelled = review.raise_finding("CAR", "pdd.sites.0.latitude", "Off.", when=WHEN)
    labelled.target_label = label
    review.raise_finding("CL", "pdd.sites.0.longitude", "Check.", when=WHEN)
    place = COLUMNS.index("Section / field")

    table = Document(str(findings_docx(review, tmp_path / "f.docx"))).tables[-1]
    cells = [row.cells[place].text.replace("\u200b", "") for row in table.rows[1:]]
    assert cells == [label, "pdd.sites.0.longitude"]  # (the key breakable at its dots)
    sheet = load_workbook(findings_xlsx(review, tmp_path / "f.xlsx")).active
    assert sheet is not None
    column = [str(row[place]) for row in sheet.iter_rows(values_only=True) if row[0]]
    assert label in column and "pdd.sites.0.longitude" in column
    assert not any("pdd.sites.0.latitude" in text for text in column)


KEYS = (
    "monitoring_plan.monitored.0.estimated_value",
    "pdd.project_participants.1.contact_primary.direct_tel",
    "moc.focal_point.alternate_signatory.email",
)


@pytest.mark.skipif(
    SOFFICE is None or PDFTOTEXT is None,
    reason="LibreOffice and poppler-utils (pdftotext) render the table",
)
def test_a_bare_model_key_breaks_at_its_dots_and_underscores_not_mid_word(tmp_path: Path) -> None:
    """A place the app stored no label for is printed as its key; in the narrow "Section /
    field" column it broke in the middle of a word ("estimat" / "ed_value"). It now breaks only
    after a dot or an underscore (zero-width break opportunities in the Word text only)."""
    from docx import Document

    review = Review(project_title="Rooftop PV in Darkhan")
    review.record_package(1, "a" * 64, "round1.jcmpkg", when=WHEN)
    for key in KEYS:
        review.raise_finding("CL", key, "Check.", when=WHEN)
    document = findings_docx(review, tmp_path / "findings.docx")
    text = _rendered_text(document, tmp_path)
    words = set(re.findall(r"[A-Za-z]+", text))
    parts = {part for key in KEYS for part in re.split(r"[._\d]+", key) if part}
    assert sorted(parts - words) == []
    # the stored place and the workbook keep the key exactly; the Word cell reads it the same
    place = COLUMNS.index("Section / field")
    cells = [row.cells[place].text for row in Document(str(document)).tables[-1].rows[1:]]
    assert [cell.replace("\u200b", "") for cell in cells] == list(KEYS)
    assert [f.target for f in review.findings] == list(KEYS)
