"""The bundled sample project: complete (no error diagnostics) and rebuilt from its source."""

from __future__ import annotations

import importlib.util
import json
import zipfile
from fractions import Fraction
from pathlib import Path
from types import ModuleType

import pytest

from jcm_pdd.checks import Severity, run_checks
from jcm_pdd.forms import load_forms
from jcm_pdd.methodology import estimate_project, load_registry
from jcm_pdd.model.paths import get_value
from jcm_pdd.paths import resources_dir, sample_project_path
from jcm_pdd.storage import LoadedProject, load_project, project_json_bytes

SAMPLES = resources_dir() / "samples"
SOURCE = SAMPLES / "mongolia-solar-pv.project.json"
# The manifest records the MN_AM003 template's hash and the start-page ER per year, so a change
# of the template file or of the engine's estimate also makes the shipped sample stale.
REBUILD_HINT = "the shipped sample is stale: run python resources/samples/build_sample.py"


def _build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_sample", SAMPLES / "build_sample.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _entries(path: Path) -> dict[str, bytes]:
    """Entries of a project file; the manifest without the save time and app version."""
    with zipfile.ZipFile(path) as archive:
        entries = {name: archive.read(name) for name in archive.namelist()}
        first = archive.namelist()[0]
    assert first == "mimetype"
    manifest = json.loads(entries["manifest.json"])
    del manifest["saved_at"], manifest["app_version"]
    entries["manifest.json"] = json.dumps(manifest, sort_keys=True).encode()
    return entries


@pytest.fixture(scope="module")
def loaded() -> LoadedProject:
    return load_project(sample_project_path())


def test_the_sample_passes_every_completeness_check(loaded: LoadedProject) -> None:
    diagnostics = run_checks(loaded.project)
    errors = [
        f"{d.code} {d.location}: {d.message}" for d in diagnostics if d.severity is Severity.ERROR
    ]
    assert errors == []
    warnings = [d.message for d in diagnostics if d.severity is Severity.WARNING]
    assert warnings == []


def test_the_shipped_file_equals_a_rebuild_from_the_json_source(tmp_path: Path) -> None:
    rebuilt = _build_script().build(SOURCE, tmp_path / "rebuilt.jcmpdd")
    shipped, fresh = _entries(sample_project_path()), _entries(rebuilt)
    assert sorted(shipped) == sorted(fresh), REBUILD_HINT
    for name in shipped:
        detail = ""
        if name == "manifest.json" and shipped[name] != fresh[name]:
            old, new = json.loads(shipped[name]), json.loads(fresh[name])
            detail = f" ({', '.join(k for k in new if old.get(k) != new[k])} changed)"
        assert shipped[name] == fresh[name], f"{name} differs{detail}; {REBUILD_HINT}"


def test_the_json_source_is_canonical_and_is_what_the_file_holds(loaded: LoadedProject) -> None:
    assert SOURCE.read_bytes() == project_json_bytes(loaded.project)


def test_the_sample_is_rooftop_pv_in_mongolia_under_mn_am003(loaded: LoadedProject) -> None:
    project = loaded.project
    assert project.rule_set.partner_country == "MN"
    assert (project.pdd.methodology.methodology_id, project.pdd.methodology.version) == (
        "JCM_MN_AM003",
        "02.0",
    )
    mongolia = load_forms().countries.get("MN")
    assert mongolia is not None
    assert len(project.pdd.sites) == 2
    for site in project.pdd.sites:
        assert site.latitude is not None and site.longitude is not None
        assert mongolia.bounds.contains(site.latitude, site.longitude)
    sides = {p.country for p in project.pdd.participants}
    assert sides == {"Mongolia", "Japan"}
    assert "fictional" in project.pdd.references


def test_the_estimate_follows_the_methodology_equations(loaded: LoadedProject) -> None:
    project = loaded.project
    template = load_registry().get("JCM_MN_AM003", "02.0")
    factors = {c.name: Fraction(c.value) for c in template.parameters["EF_RE"].choices}
    assert set(factors.values()) == {Fraction("0.797"), Fraction("0.533")}
    chosen = {s.index["i"]: factors[s.choice] for s in project.monitoring_plan.default_selections}
    assert len(set(chosen.values())) == 2  # one grid-connected, one captive system
    # JCM_MN_AM003 ver02.0, eq. (1)-(3): RE_p = sum_i EG_i,p x EF_RE,i; PE_p = 0; ER_p = RE_p
    expected = sum(
        Fraction(row.estimated_value) * chosen[row.index["i"]]
        for row in project.monitoring_plan.monitored
        if row.estimated_value is not None
    )
    estimate = estimate_project(project, template)
    assert estimate.annual.er == expected
    c3 = estimate.c3
    assert c3.total.emission_reductions == sum(r.emission_reductions for r in c3.rows)


def test_the_figure_and_confidential_fields_are_real(loaded: LoadedProject) -> None:
    project = loaded.project
    figure = project.pdd.figure_attachment
    data = loaded.attachments.read_bytes(figure)
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert data == (SAMPLES / "mongolia-solar-pv-figure.png").read_bytes()
    assert project.confidential
    for path in project.confidential:
        assert get_value(project, path), path  # each flagged field holds a value to hide
