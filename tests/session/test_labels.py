"""Model paths named as the form labels them, and numbered rows in reading order."""

from __future__ import annotations

from jcm_pdd.paths import sample_project_path
from jcm_pdd.session.formview import form_view
from jcm_pdd.session.labels import natural_key, path_label
from jcm_pdd.storage import load_project


def test_paths_read_as_the_form_labels_them() -> None:
    sections = form_view(load_project(sample_project_path()).project)
    assert path_label(sections, "pdd.sites.0.latitude") == (
        "A.3 Location of project, including coordinates, Sites, row 1, Latitude"
    )
    assert path_label(sections, "pdd.title") == "A.1 Title of the JCM project"
    assert path_label(sections, "monitoring_plan.monitored.10.estimated_value").startswith(
        "Table 1 "
    )
    assert ", row 11, " in path_label(sections, "monitoring_plan.monitored.10.estimated_value")
    assert path_label(sections, "no.such.place") == "no.such.place"  # still exact


def test_rows_sort_in_natural_order() -> None:
    paths = ["pdd.sites.10.city", "pdd.sites.2.city", "pdd.sites.1.city"]
    assert sorted(paths, key=natural_key) == [
        "pdd.sites.1.city",
        "pdd.sites.2.city",
        "pdd.sites.10.city",
    ]
    assert sorted(["row 11", "row 3"], key=natural_key) == ["row 3", "row 11"]


def test_the_words_added_to_labels_follow_the_interface_language() -> None:
    from jcm_pdd.session.labels import unit_label

    project = load_project(sample_project_path()).project
    sections = form_view(project)
    japanese = path_label(sections, "pdd.sites.0.latitude", "ja")
    assert japanese == "A.3 Location of project, including coordinates, Sites, 1 行目, Latitude"
    assert "row" not in path_label(sections, "monitoring_plan.monitored.10.estimated_value", "ja")
    member = project.monitoring_plan.index_members[0]
    index = {member.set: member.id}
    assert unit_label(project, index, "ja").endswith(f"、サイト {member.site_id}")
    assert unit_label(project, index).endswith(f", site {member.site_id}")


def test_the_field_index_finds_what_a_scan_of_every_field_finds() -> None:
    """``field_of`` reads only the fields sharing a path's first part; the answer is the one a
    scan of every field gives (the longest field path containing the path, the first of
    equals), for every field, a row and a cell below it, and places no field edits."""
    from jcm_pdd.session.labels import field_index, field_of

    sections = form_view(load_project(sample_project_path()).project)

    def scan(path: str) -> tuple[str, str] | None:
        best = None
        for section in sections:
            for view in section.fields:
                if path == view.path or path.startswith(view.path + "."):
                    if best is None or len(view.path) > len(best[1]):
                        best = (section.id, view.path)
        return best

    index = field_index(sections)
    fields = [view.path for section in sections for view in section.fields]
    paths = [p for f in fields for p in (f, f + ".0", f + ".3.name", f + "x")]
    paths += ["monitoring.periods.5.values.7.value", "attachments.0", "pdd", "", "no.such"]
    assert len(fields) > 50
    for path in paths:
        found = field_of(index, path)
        assert (None if found is None else (found[0].id, found[1].path)) == scan(path), path
