"""What a submission carries besides its content (issue 13, items 4, 5 and 8): one rule for the
figures a public copy withholds, file names and empty marked fields, and the .docx metadata."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

from docx import Document as read_docx
from export_factory import filled_project
from openpyxl import load_workbook

from jcm_pdd.export import export_set
from jcm_pdd.export.build_pdd import WITHHELD_NOTE
from jcm_pdd.export.redact import FieldReader
from jcm_pdd.export.sources import calculate
from jcm_pdd.export.withheld import withheld_outputs

ESTIMATE = "monitoring_plan.monitored.0.estimated_value"


def _docx_text(path: Path) -> str:
    doc = read_docx(str(path))
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def test_a_marked_estimate_withholds_the_same_figures_in_the_pdd_and_the_workbook(
    tmp_path: Path,
) -> None:
    project = filled_project()
    project.confidential.append(ESTIMATE)
    calc = calculate(project)
    assert withheld_outputs(project, calc, public=True) == {"RE", "ER"}
    assert withheld_outputs(project, calc, public=False) == frozenset()
    notes: list[str] = []
    written = export_set(project, tmp_path, formats={"docx", "xlsx"}, notes=notes, draft=True)
    public = {p.suffix: p for p in written if p.name.startswith("for_public_use_")}
    full = {p.suffix: p for p in written if not p.name.startswith("for_public_use_")}
    public_text, full_text = _docx_text(public[".docx"]), _docx_text(full[".docx"])
    assert WITHHELD_NOTE in public_text and WITHHELD_NOTE not in full_text
    c3 = [r for r in read_docx(str(public[".docx"])).tables if "XXX" in r.rows[-1].cells[1].text]
    assert c3, "the C.3 total row reads XXX for RE"
    total = c3[0].rows[-1].cells
    assert total[1].text == "XXX" and total[3].text == "XXX" and total[2].text == "0"
    sheet = load_workbook(public[".xlsx"])["MPS(calc_process)"]
    values = {r[0]: r[2] for r in sheet.iter_rows(values_only=True) if r[0]}
    assert values["RE_p"] == values["ER_p"] == "XXX" and values["PE_p"] != "XXX"
    assert any("XXX for ER, RE" in n for n in notes)


def test_a_marked_default_choice_is_hidden_in_the_workbook(tmp_path: Path) -> None:
    project = filled_project()
    project.confidential.append("monitoring_plan.default_selections.0.choice")
    assert withheld_outputs(project, calculate(project), public=True) == {"RE", "ER"}
    written = export_set(project, tmp_path, formats={"xlsx"}, copies={"public"}, draft=True)
    rows = list(load_workbook(written[0])["MPS(input)"].iter_rows(values_only=True))
    ef = next(r for r in rows if r[0] and str(r[0]).startswith("EF_RE"))
    assert ef[2] == ef[4] == ef[5] == "XXX", ef


def test_a_confidential_title_stays_out_of_public_file_names(tmp_path: Path) -> None:
    project = filled_project()
    project.reference_number = ""
    project.confidential.append("pdd.title")
    written = export_set(project, tmp_path, formats={"docx", "xlsx"}, draft=True)
    names = [p.name for p in written]
    assert any("10_MW_Solar" in n for n in names if not n.startswith("for_public_use_"))
    public = [n for n in names if n.startswith("for_public_use_")]
    assert len(public) == 2 and not any("Solar" in n or "Darkhan" in n for n in public)


def test_an_empty_marked_field_prints_nothing_rather_than_xxx() -> None:
    project = filled_project()
    project.pdd.annex = ""
    project.confidential += ["pdd.annex", "pdd.references"]
    reader = FieldReader(project, public=True)
    assert reader.text("pdd.annex") == ""
    assert reader.text("pdd.references") == "XXX"


def test_word_files_carry_the_project_s_own_properties(tmp_path: Path) -> None:
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    written = export_set(filled_project(), tmp_path, formats={"docx", "moc"}, draft=True)
    for path in written:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            core = archive.read("docProps/core.xml").decode()
            app = archive.read("docProps/app.xml").decode()
            settings = archive.read("word/settings.xml").decode()
            types = archive.read("[Content_Types].xml").decode()
        assert not [n for n in names if "thumbnail" in n or n.startswith("customXml")], names
        assert "python-docx" not in core + app and "Macintosh" not in app
        assert "2013-12-23" not in core and "thumbnail" not in types
        assert re.search(r'w:name="compatibilityMode"[^>]*w:val="15"', settings), settings
        props = read_docx(str(path)).core_properties
        assert (
            props.author
            == "Solar Power International LLC; 株式会社ソーラーテック; Example Trading Co., Ltd."
            or "Solar Power International LLC" in props.author
        )
        assert props.title and props.comments == ""
        assert props.created is not None and props.created.replace(tzinfo=dt.UTC) >= before
        assert props.modified == props.created
    public = next(p for p in written if p.name.startswith("for_public_use_") and "PDD" in p.name)
    assert read_docx(str(public)).core_properties.subject == "10 MW Solar Power Project in Darkhan"


def test_a_hidden_participant_is_not_the_author_of_the_public_copy(tmp_path: Path) -> None:
    project = filled_project()
    project.confidential.append("pdd.participants.2.name")
    written = export_set(project, tmp_path, formats={"docx"}, copies={"public"}, draft=True)
    author = read_docx(io.BytesIO(written[0].read_bytes())).core_properties.author
    assert "Example Trading" not in author and "XXX" not in author
    assert "Solar Power International LLC" in author


def test_a_new_project_gets_the_current_form_and_its_unconfirmed_status_is_told(
    tmp_path: Path,
) -> None:
    """Item 9: ``jcm-pdd new`` names the current form version of forms/; a form not
    confirmed against the official one is a warning in the app and listed at a final export."""
    from jcm_pdd.checks import run_checks
    from jcm_pdd.cli import main
    from jcm_pdd.export.api import unconfirmed_forms
    from jcm_pdd.forms import load_forms
    from jcm_pdd.storage import load_project

    out = tmp_path / "new.jcmpdd"
    assert main(["new", "--methodology", "JCM_ID_AM001", str(out)]) == 0
    project = load_project(out).project
    current = load_forms().get("ID", "PDD")
    assert project.rule_set.pdd_form_version == current.version
    assert project.form_code("PDD") == current.code and "ver" + current.version in current.code
    warned = [d for d in run_checks(project) if d.code == "forms.unconfirmed"]
    assert current.status != "verified"
    assert [d.location for d in warned][:1] == ["rule_set.pdd_form_version"]
    assert warned[0].severity == "warning" and current.code in warned[0].message
    assert any(current.code in line for line in unconfirmed_forms(project))
    assert unconfirmed_forms(filled_project()) == []  # Mongolia's forms are verified


def _signature_png(colour: str) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (60, 20), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def test_the_moc_prints_signatures_the_methodology_version_and_section_5_as_section_2(
    tmp_path: Path,
) -> None:
    """Item 10: specimen signatures stored in the project appear in the MoC (and not in the
    public copy when marked); Section 1 gives the methodology version; Section 5 lays each
    participant out as Section 2 does (entity, then each signatory under its own heading)."""
    from jcm_pdd.paths import sample_project_path
    from jcm_pdd.session import DocumentSession
    from jcm_pdd.storage import load_project

    loaded = load_project(sample_project_path())
    session = DocumentSession(loaded.project, attachments=loaded.attachments)
    project = session.project
    signatures = {
        "moc.focal_point.primary_signatory.specimen_signature": _signature_png("navy"),
        "moc.other_participants.0.primary_signatory.specimen_signature": _signature_png("black"),
    }
    for path, data in signatures.items():
        record = session.attachments.add_bytes(data, "signature.png")
        project.attachments = [*project.attachments, record]
        session.set_value(path, record.sha256)
    session.toggle_confidential("moc.other_participants.0.primary_signatory")
    written = export_set(session, tmp_path, formats={"moc"}, draft=True, parallel=False)
    full = next(p for p in written if not p.name.startswith("for_public_use_"))
    public = next(p for p in written if p.name.startswith("for_public_use_"))
    with zipfile.ZipFile(full) as archive:
        assert len([n for n in archive.namelist() if n.startswith("word/media/")]) == 2
    with zipfile.ZipFile(public) as archive:
        assert len([n for n in archive.namelist() if n.startswith("word/media/")]) == 1
    doc = read_docx(str(full))
    texts = [p.text for p in doc.paragraphs]
    cells = [[c.text for c in row.cells] for t in doc.tables for row in t.rows]
    assert ["Version of the applied methodology", "02.0"] in cells
    assert "Specimen signature" in texts
    section5 = texts[texts.index(next(t for t in texts if t.startswith("Section 5"))) :]
    assert "Primary authorised signatory" in section5
    assert "Alternate authorised signatory" in section5
    assert not any(c[0].startswith("Primary authorised signatory:") for c in cells)
    assert ["Name", project.moc.other_participants[0].primary_signatory.name] in cells
