"""A review's places (a sign-off's section, a finding's target) named in the form's words, in
the interface language; the stored words, then the key, only where no label is found."""

from __future__ import annotations

from pathlib import Path

from jcm_pdd.session.review_places import PlaceNames
from jcm_pdd.storage import load_project
from tests.package.verification_support import monitored_sample


def test_sections_periods_and_paths_read_in_the_forms_words(tmp_path: Path) -> None:
    project = load_project(monitored_sample(tmp_path)).project
    en, ja = PlaceNames(project, "en"), PlaceNames(project, "ja")

    assert en.name("PDD:A.3").startswith("PDD A.3")  # a form section: its heading
    assert en.name("pdd.sites").startswith("A.3 Location of project")  # a model path
    assert "pdd.sites" not in en.name("pdd.sites")
    assert en.name("MRS:period 2") == "Monitoring period 2 (01/04/2028 - 30/06/2028)"
    assert ja.name("MRS:period 2") == "モニタリング期間 2 (01/04/2028 - 30/06/2028)"
    assert ja.name("PDD:A.3") == en.name("PDD:A.3")  # the form's own words stay English

    # nothing known: the words stored with it, else the key itself
    assert en.name("pdd.no_such_field", "Stored words") == "Stored words"
    assert en.name("pdd.no_such_field") == "pdd.no_such_field"
    assert en.name("MRS:period 9") == "MRS:period 9"
    assert PlaceNames(None).name("pdd.sites", "A.3 stored") == "A.3 stored"
    assert PlaceNames(None).name("pdd.sites") == "pdd.sites"


def test_a_figure_reads_as_its_year_and_quantity_in_either_language(tmp_path: Path) -> None:
    """``review show`` and the sign-off panel name a changed figure with these words; the
    figure key is never what a person reads, with or without the project."""
    project = load_project(monitored_sample(tmp_path)).project
    assert PlaceNames(project).name("figures.2026.ER_rounded") == (
        "2026 — Emission reductions ER, tCO2e (rounded down)"
    )
    assert PlaceNames(None).name("figures.total.RE") == "Total — Reference emissions RE (exact)"
    assert PlaceNames(project, "ja").name("figures.total.ER_rounded") == (
        "合計 — 排出削減量 ER tCO2e（切り捨て）"
    )
    assert PlaceNames(project).name("figures.2026") == "figures.2026"  # no quantity: as is
