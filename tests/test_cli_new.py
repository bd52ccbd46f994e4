"""`jcm-pdd new` makes a project for every shipped template with its partner country's form
versions filled (the PDD and MoC forms the documents are laid out from), so a new project never
opens with an error for want of them."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests_support_paths import REPO_ROOT

from jcm_pdd.cli import main
from jcm_pdd.forms import load_forms
from jcm_pdd.storage import load_project

TEMPLATES = sorted(p.stem for p in (REPO_ROOT / "methodology_templates").glob("*.toml"))


@pytest.mark.parametrize("full_id", TEMPLATES)
def test_new_fills_the_form_versions_of_the_templates_country(full_id: str, tmp_path: Path) -> None:
    methodology, version = full_id.rsplit("_ver", 1)
    out = tmp_path / "p.jcmpdd"
    assert main(["new", "--methodology", methodology, "--version", version, str(out)]) == 0
    project = load_project(out).project
    rules = project.rule_set
    assert rules.partner_country == methodology.split("_")[1]
    assert rules.pdd_form_version and rules.moc_form_version
    forms = load_forms()  # a version that names a form the app has for that country
    assert rules.pdd_form_version in forms.versions(rules.partner_country, "PDD")
    assert rules.moc_form_version in forms.versions(rules.partner_country, "MoC")
