"""Find across the submission and the help F1 shows, headless."""

from __future__ import annotations

from jcm_pdd.paths import sample_project_path
from jcm_pdd.session.formview import form_view
from jcm_pdd.session.search import field_help, find
from jcm_pdd.storage import load_project


def _sample():
    project = load_project(sample_project_path()).project
    return project, form_view(project)


def test_find_looks_in_fields_cells_and_labels() -> None:
    project, sections = _sample()
    found = find(project, sections, "ULAANBAATAR")
    paths = [m.path for m in found]
    assert "pdd.sites.0.city" in paths  # a table cell
    assert any(p.startswith("pdd.description") for p in paths)  # a field
    assert all(not m.label.startswith("pdd.") for m in found)  # named as the form does
    by_label = find(project, sections, "contribution from japan")
    assert [m.path for m in by_label][:1] == ["pdd.contribution_from_japan"]
    assert find(project, sections, "  ") == []
    assert find(project, sections, "no such text anywhere") == []


def test_field_help_gives_guidance_and_the_methodology_paragraph() -> None:
    project, sections = _sample()
    title = field_help(project, sections, "pdd.title")
    assert title.title.startswith("A.1") and title.guidance and not title.citation
    row = field_help(project, sections, "monitoring_plan.monitored.0.estimated_value")
    assert "JCM_MN_AM003" in row.citation and "eq." in row.citation
    criterion = field_help(project, sections, "pdd.eligibility.0.project_information")
    assert "criterion 1" in criterion.citation


def test_find_over_a_big_table_names_every_cell_and_indexes_the_form_once(monkeypatch) -> None:
    """A 2,000-unit Monitoring Plan: every matching cell is found and named by its row, and the
    form's field index is made once per search (made per match, a search of a huge project
    took 0.6 s per keystroke on the GUI thread)."""
    from builders import Unit, filled_mn_am003

    from jcm_pdd.session import search

    units = [Unit(f"PV-{n}", site_id="") for n in range(1, 2001)]
    project = filled_mn_am003(units=units)
    sections = form_view(project)
    made = []
    real = search.field_index
    monkeypatch.setattr(search, "field_index", lambda s: made.append(1) or real(s))
    found = find(project, sections, "pv-1999")
    assert len(made) == 1
    cells = {m.path: m.label for m in found}
    assert "monitoring_plan.index_members.1998.id" in cells
    assert "row 1999" in cells["monitoring_plan.index_members.1998.id"]
    everyone = find(project, sections, "pv-")
    members = [m for m in everyone if m.path.startswith("monitoring_plan.index_members.")]
    assert len({m.path.split(".")[2] for m in members}) == 2000
    assert len(made) == 2
