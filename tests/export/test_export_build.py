"""The neutral document built from the form definitions: sections, tables, redaction."""

from __future__ import annotations

from pathlib import Path

import pytest
from export_factory import JAPANESE_NAME, SECRET_CITY, filled_project, sample_figures

from jcm_pdd import paths
from jcm_pdd.errors import UserError
from jcm_pdd.export.build_pdd import NOT_CALCULATED, build_pdd
from jcm_pdd.export.document import DataTable, KeyValueTable, Paragraph
from jcm_pdd.export.form_layout import PageForm, layout_for
from jcm_pdd.forms import registry
from tests.fresh_python import fresh_python

SECTION_HEADINGS = [
    "A. Project description",
    "A.1. Title of the JCM project",
    "A.3. Location of project, including coordinates",
    "A.4. Name of project participants",
    "A.5. Duration",
    "B.1. Selection of methodology(ies)",
    "B.2. Explanation of how the project meets eligibility criteria of the approved methodology",
    "C.1. All emission sources and their associated greenhouse gases relevant to the JCM project",
    "C.2. Figure of all emission sources and monitoring points relevant to the JCM project",
    "C.3. Estimated emissions reductions in each year",
    "D. Environmental impact assessment",
    "E.1. Solicitation of comments from local stakeholders",
    "E.2. Summary of comments received and their consideration",
    "F. References",
    "Annex",
    "Revision history of PDD",
]


def _kv(doc_blocks: list[object]) -> dict[str, str]:
    return {k: v for b in doc_blocks if isinstance(b, KeyValueTable) for k, v in b.rows}


def test_layout_comes_from_the_forms_definition() -> None:
    layout = layout_for(filled_project(), "PDD")
    assert layout.source.endswith("PDD_ver03.0.toml")
    doc = build_pdd(filled_project(), layout, sample_figures(), public=False, draft=False)
    for heading in SECTION_HEADINGS:
        assert heading in doc.headings()
    assert doc.header_text == "JCM_MN_F_PDD_ver03.0"


@pytest.mark.parametrize("form", ["PDD", "MoC"])
def test_without_readable_form_definitions_the_export_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, form: PageForm
) -> None:
    # No built-in copy of the layouts: forms/ is their one source
    project = filled_project()
    monkeypatch.setattr(registry, "_load_default", registry._load_default.__wrapped__)
    monkeypatch.setattr(paths, "_candidate_roots", lambda: [tmp_path])
    with pytest.raises(UserError, match=r"form definitions folder \(forms/\) cannot be read"):
        layout_for(project, form)
    (tmp_path / "forms").mkdir()  # there, but without the form
    with pytest.raises(
        UserError, match=f"The {form} form cannot be drawn: its definition in forms"
    ):
        layout_for(project, form)


def test_tables_hold_dms_sites_participants_dates_and_yearly_total() -> None:
    project = filled_project()
    doc = build_pdd(
        project, layout_for(project, "PDD"), sample_figures(), public=False, draft=False
    )
    kv = _kv(doc.blocks)
    assert kv["City/Town/Community etc:"] == f"(1) {SECRET_CITY}\n(2) Sukhbaatar"
    assert kv["Latitude, longitude"].startswith(
        "(1) Latitude: 49°29'12.1\"N / Longitude: 105°55'22.1\"E"
    )
    assert kv["Japan"] == f"{JAPANESE_NAME}\nExample Trading Co., Ltd."
    assert kv["Starting date of project operation"] == "27/12/2019"
    assert kv["Expected operational lifetime of project"] == "17 years"
    c3 = next(b for b in doc.blocks if isinstance(b, DataTable) and b.total)
    assert c3.rows[0] == ("2020", "14,746", "0", "14,746")
    assert c3.total == ("Total (tCO2e)", "58,990", "0", "58,990")


def test_public_copy_replaces_confidential_values_only() -> None:
    project = filled_project()
    layout = layout_for(project, "PDD")
    public = build_pdd(project, layout, sample_figures(), public=True, draft=False)
    full = build_pdd(project, layout, sample_figures(), public=False, draft=False)
    assert _kv(public.blocks)["City/Town/Community etc:"] == "(1) XXX\n(2) Sukhbaatar"
    assert SECRET_CITY not in repr(public.blocks)
    assert SECRET_CITY in repr(full.blocks)


def test_confidential_pattern_hides_every_row() -> None:
    project = filled_project()
    project.confidential = ["pdd.participants.*.name"]
    doc = build_pdd(project, layout_for(project, "PDD"), None, public=True, draft=False)
    assert _kv(doc.blocks)["Japan"] == "XXX\nXXX"


def test_missing_calculation_is_said_not_invented() -> None:
    project = filled_project()
    doc = build_pdd(project, layout_for(project, "PDD"), None, public=False, draft=True)
    assert Paragraph(NOT_CALCULATED, style="note") in doc.blocks
    assert doc.header_line.startswith("DRAFT")


def test_moc_needs_no_figures_so_it_is_built_before_the_calculation() -> None:
    """api._export hands the MoC to the render worker before calculating: that is only right
    while its layout shows no figures, which this pins down."""
    project = filled_project()
    moc, pdd = layout_for(project, "MoC"), layout_for(project, "PDD")
    assert not moc.needs_figures and pdd.needs_figures
    figures = sample_figures()
    for public in (True, False):
        with_figures = build_pdd(project, moc, figures, public=public, draft=False)
        without = build_pdd(project, moc, None, public=public, draft=False)
        assert with_figures == without


def test_the_moc_is_built_before_the_methodology_is_imported() -> None:
    """``export_set`` hands the MoC (no figures) to the render worker before it calculates:
    building it must not import the methodology package (about 0.1 s), or the worker waits."""
    script = (
        "import sys\n"
        "from jcm_pdd.export.build_pdd import build_pdd\n"
        "from jcm_pdd.export.form_layout import layout_for\n"
        "from jcm_pdd.export.sources import load_input\n"
        "from jcm_pdd.paths import sample_project_path\n"
        "inp = load_input(sample_project_path())\n"
        "layout = layout_for(inp.project, 'MoC')\n"
        "assert not layout.needs_figures\n"
        "doc = build_pdd(inp.project, layout, None, public=True, draft=False,\n"
        "                load_attachment=inp.load_attachment)\n"
        "assert doc.blocks\n"
        "print(sorted(m for m in sys.modules if m.startswith('jcm_pdd.methodology')))\n"
    )
    assert fresh_python(script).strip() == "[]"
