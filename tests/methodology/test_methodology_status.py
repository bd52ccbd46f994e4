"""Methodology-level status (methodology/status.py): derived from the provenance of the
identity, equations and eligibility criteria, never overstated, and said by the command line.

Also the coverage the shipped set promises (issue 16): at least 30 methodologies, 12 host
countries and every JCM technology sector that has a template.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jcm_pdd.cli import main
from jcm_pdd.methodology import TemplateError, load_registry, parse_template
from jcm_pdd.methodology.provenance_report import shipped_templates
from jcm_pdd.methodology.status import caveat, derived_status, methodology_status, overclaim
from jcm_pdd.paths import templates_dir

SHIPPED = {t.identity.full_id: t for t in shipped_templates()}


def test_vn_am002_is_reconstructed_and_mn_am003_unverified() -> None:
    vn = SHIPPED["JCM_VN_AM002_ver01.0"]
    mn = SHIPPED["JCM_MN_AM003_ver02.0"]
    assert methodology_status(vn) == "reconstructed"
    assert caveat(vn).startswith("Methodology not read from the approved document")
    assert methodology_status(mn) == "unverified"
    assert caveat(mn).startswith("Methodology not verified")


@pytest.mark.parametrize("full_id", sorted(SHIPPED))
def test_every_shipped_template_declares_a_status_it_can_support(full_id: str) -> None:
    t = SHIPPED[full_id]
    assert t.identity.methodology_status is not None, "shipped templates declare their status"
    assert t.identity.sector is not None and t.identity.technology
    assert not overclaim(t)
    assert methodology_status(t) == t.identity.methodology_status


def test_overclaiming_status_is_a_lint_error(tmp_path: Path) -> None:
    source = (templates_dir() / "JCM_VN_AM002_ver01.0.toml").read_text(encoding="utf-8")
    assert 'methodology_status = "reconstructed"' in source
    text = source.replace('methodology_status = "reconstructed"', 'methodology_status = "verified"')
    path = tmp_path / "JCM_VN_AM002_ver01.0.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TemplateError, match="claims more than the provenance"):
        parse_template(text, str(path))
    assert main(["templates", "check", str(path)]) == 1


def test_a_title_not_read_from_the_methodology_counts_like_the_number() -> None:
    """A title known only from a registered project's name (field_provenance.title tagged
    [MEM-L]) makes the methodology reconstructed, as a recalled number would."""
    text = (templates_dir() / "JCM_MN_AM003_ver02.0.toml").read_text(encoding="utf-8")
    assert derived_status(parse_template(text, "x.toml")) == "unverified"
    title = (
        'field_provenance.title = { status = "unverified", tag = "MEM-L", '
        'citation = "Name of a registered project" }\n'
    )
    text = text.replace("[identity]\n", "[identity]\n" + title, 1)
    text = text.replace('methodology_status = "unverified"', 'methodology_status = "reconstructed"')
    assert derived_status(parse_template(text, "x.toml")) == "reconstructed"
    with pytest.raises(TemplateError, match="claims more than the provenance"):
        declared = 'methodology_status = "reconstructed"'
        parse_template(text.replace(declared, 'methodology_status = "unverified"'), "x.toml")


def test_a_weaker_declaration_wins() -> None:
    text = (templates_dir() / "JCM_MN_AM003_ver02.0.toml").read_text(encoding="utf-8")
    text = text.replace('methodology_status = "unverified"', 'methodology_status = "reconstructed"')
    template = parse_template(text, "x.toml")
    assert derived_status(template) == "unverified"
    assert methodology_status(template) == "reconstructed"


def test_coverage_of_the_shipped_set(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["templates", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert len({(t["id"], t["version"]) for t in listed}) >= 30
    assert len({t["host_country"] for t in listed}) >= 12
    sectors = {t["sector"] for t in listed}
    assert {
        "renewable_energy",
        "energy_efficiency",
        "effective_use_of_energy",
        "waste",
        "transport",
    } <= sectors
    technologies = " ".join(t["technology"] for t in listed)
    for needed in ("hydro", "storage", "loom", "co-generation", "tachograph", "boiler"):
        assert needed in technologies, needed
    assert all(t["methodology_status"] in {"unverified", "reconstructed"} for t in listed)
    vn = next(t for t in listed if t["id"] == "JCM_VN_AM002")
    assert vn["methodology_caveat"].startswith("Methodology not read from the approved document")


def test_list_show_and_calc_say_so(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["templates", "list"]) == 0
    out = capsys.readouterr().out
    line = next(x for x in out.splitlines() if x.startswith("JCM_VN_AM002_ver01.0"))
    assert "[methodology reconstructed]" in line
    assert main(["templates", "show", "JCM_MN_AM003"]) == 0
    assert "Methodology: not verified" in capsys.readouterr().out
    path = tmp_path / "calc.toml"
    path.write_text(
        'methodology = "JCM_VN_AM002"\n[inputs]\n' + _example_inputs("JCM_VN_AM002_ver01.0"),
        encoding="utf-8",
    )
    assert main(["calc", str(path)]) == 0
    assert "Note: Methodology not read from the approved document" in capsys.readouterr().out
    assert main(["calc", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["methodology_status"] == "reconstructed"


def _example_inputs(full_id: str) -> str:
    """The first worked example's inputs as a calc [inputs] table (TOML text)."""
    import tomllib

    raw = tomllib.loads((templates_dir() / f"{full_id}.toml").read_text(encoding="utf-8"))
    inputs = raw["examples"][0]["inputs"]

    def value(v: object) -> str:
        if isinstance(v, list):
            return "[" + ", ".join(value(x) for x in v) + "]"
        if isinstance(v, dict):
            return "{ " + ", ".join(f"{k} = {value(x)}" for k, x in v.items()) + " }"
        return json.dumps(str(v))

    return "".join(f"{k} = {value(v)}\n" for k, v in inputs.items())


def test_registry_serves_every_new_country() -> None:
    registry = load_registry()
    for country in ("PH", "MV", "CL", "CR", "ET"):
        assert registry.for_country(country), country


def test_readme_coverage_table_lists_every_template_with_its_status() -> None:
    from tests_support_paths import REPO_ROOT

    from jcm_pdd.methodology.status import LABEL

    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    rows = {
        cells[3]: cells
        for line in readme.splitlines()
        if line.startswith("| ") and len(cells := [c.strip() for c in line.split("|")]) == 7
    }
    for full_id, template in SHIPPED.items():
        assert full_id in rows, f"README coverage table lacks {full_id}"
        cells = rows[full_id]
        assert cells[4] == template.identity.host_country
        assert cells[5] == LABEL[methodology_status(template)], full_id
