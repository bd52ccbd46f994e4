"""One real project per shipped methodology, from an empty file to an opened validation package,
in the desktop app, the way a person works (see ``journey``).

Parametrised over ``methodology_templates/``: a template added later is walked too, and one
that cannot be completed through the app fails here (it is never skipped).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from docx import Document as read_docx
from journey import Journey, country_name
from tests_support_paths import REPO_ROOT

from jcm_pdd.package import Verdict, verify_package
from jcm_pdd.session.newproject import methodologies

TEMPLATES = sorted(p.stem for p in (REPO_ROOT / "methodology_templates").glob("*.toml"))


def _country(full_id: str) -> str:
    return next(m.country for m in methodologies() if m.template.identity.full_id == full_id)


@pytest.mark.parametrize("full_id", TEMPLATES)
def test_a_new_project_is_completed_exported_and_packaged_in_the_app(
    window, qtbot, tmp_path: Path, full_id: str
) -> None:
    started = time.monotonic()
    journey = Journey(window, qtbot, tmp_path)
    journey.create_through_wizard(full_id, _country(full_id))
    site = window.session.project.pdd.sites[0]
    assert site.country == country_name(_country(full_id)) and site.city == "Capital city"
    # the first thing a person sees missing in C.3, through its link
    assert journey.follow_figures_link() == "pdd.duration.start_date"
    journey.fill_every_error()
    assert not journey.errors()
    assert window.calc_panel.figures.rows, window.calc_panel.figures.message
    project = tmp_path / "project.jcmpdd"
    journey.save_as(project)
    written = journey.export_final(tmp_path / "export")
    assert sorted(p.suffix for p in written) == [".docx"] * 4 + [".pdf"] * 2 + [".xlsx"] * 2
    assert all(p.is_file() and "DRAFT" not in p.name for p in written)
    pdd = next(p for p in written if "_PDD_" in p.name and p.suffix == ".docx")
    text = "\n".join(x.text for x in read_docx(str(pdd)).paragraphs)
    assert "Title of the JCM project (test)" in text and "[to be completed]" not in text
    package = journey.package(tmp_path / "project.jcmpkg")
    journey.open_file(package)  # the validator's side: read-only
    assert window.session.read_only and window.view.banner.isVisible()
    assert window.session.project.pdd.title == "Title of the JCM project (test)"
    report = verify_package(package)
    assert report.verdict is Verdict.VERIFIED, report
    print(f"{full_id}: {journey.filled} fills, {time.monotonic() - started:.1f}s")
