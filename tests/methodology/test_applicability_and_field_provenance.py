"""Requests R3 and R7: the applicability of a value beside the value's own status, and the
provenance of single identity fields. Users and exports are told the weaker status."""

from __future__ import annotations

import pytest
from methodology_fixtures import MINI

from jcm_pdd.checks import run_checks
from jcm_pdd.cli import main
from jcm_pdd.methodology import (
    TemplateError,
    calculate,
    inputs_from_mapping,
    load_registry,
    new_project_from_template,
    parse_template,
)
from jcm_pdd.methodology.provenance_report import markdown
from jcm_pdd.methodology.schema import Provenance

VERIFIED_CAPTIVE = (
    'provenance = { status = "verified", citation = "test fixture", url = "https://example.org" }'
)
NOT_APPLYING = VERIFIED_CAPTIVE.replace(" }", ', applies = "unverified" }')


@pytest.mark.parametrize(
    ("value", "applies", "effective"),
    [
        ("verified", None, "verified"),
        ("verified", "unverified", "unverified"),
        ("verified", "draft", "draft"),
        ("draft", "verified", "draft"),
        ("unverified", "verified", "unverified"),
    ],
)
def test_effective_status_is_the_weaker(value: str, applies: str | None, effective: str) -> None:
    prov = Provenance.model_validate(
        {"status": value, "citation": "abc", "url": "https://x", "applies": applies}
    )
    assert prov.effective_status == effective


def test_value_verified_but_not_applying_is_reported_unverified() -> None:
    template = parse_template(MINI.replace(VERIFIED_CAPTIVE, NOT_APPLYING), "x.toml")
    assert "verified" not in template.default_statuses()
    inputs = inputs_from_mapping(
        template,
        {
            "EC_PJ": [{"i": "U-1", "value": "100"}],
            "COP_PJ": [{"i": "U-1", "value": "6"}],
            "EF": {"choice": "captive"},
        },
    )
    result = calculate(template, inputs)
    assert result.sources[("EF", ())].status == "unverified"
    assert result.has_unverified_defaults
    report = markdown([template])
    assert "| 0.533 | tCO2/MWh | **verified** | UNVERIFIED | test fixture" in report


def test_shipped_indonesian_annex_values_verified_in_source_not_for_the_methodology() -> None:
    template = load_registry().get("JCM_ID_AM004")
    choice = next(c for c in template.parameters["EF_elec"].choices if c.name == "jamali_case1")
    assert (choice.provenance.status, choice.provenance.applies) == ("verified", "unverified")
    project = new_project_from_template(template)
    for selection in project.monitoring_plan.default_selections:
        selection.choice = "jamali_case1"
    codes = {d.code for d in run_checks(project, template=template)}
    assert "defaults.unverified" in codes  # still flagged for the validator


def test_field_provenance_names_identity_fields_only() -> None:
    field = 'field_provenance.version = { status = "draft", citation = "draft PDF" }\n'
    text = MINI.replace("[summary]", field + "\n[summary]", 1)
    template = parse_template(text, "x.toml")
    assert template.identity.provenance_of("version").status == "draft"
    assert template.identity.provenance_of("title").status == "unverified"
    assert ("identity: version", template.identity.field_provenance["version"]) in (
        template.provenance_items()
    )
    with pytest.raises(TemplateError, match="'colour'.*not an identity field"):
        parse_template(text.replace("field_provenance.version", "field_provenance.colour"), "y")


def test_show_and_report_give_both_statuses(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["templates", "show", "JCM_ID_AM002"]) == 0
    out = capsys.readouterr().out
    assert "  version = 02.0: verified — ID009 Monitoring Report Sheet" in out
    assert "[value verified, applies unverified]" in out
    template = load_registry().get("JCM_ID_AM002")
    report = markdown([template])
    assert "| JCM_ID_AM002_ver02.0 | version | 02.0 | **verified** |" in report
    assert "UNVERIFIED; id **verified**, version **verified**" in report


@pytest.mark.parametrize(
    "line",
    [
        'equations_provenance = { status = "verified", citation = "methodology PDF" }\n',
        '[identity.field_provenance]\nversion = { status = "verified", citation = "PDF" }\n',
    ],
)
def test_verified_equation_and_field_provenance_need_a_url(line: str) -> None:
    if line.startswith("equations"):
        text = MINI.replace("format_version = 1\n", "format_version = 1\n" + line, 1)
    else:
        text = MINI.replace("[summary]", line + "\n[summary]", 1)
    with pytest.raises(TemplateError, match="verified value needs the url"):
        parse_template(text, "x.toml")


def test_equations_provenance_is_shown_and_reported(capsys: pytest.CaptureFixture[str]) -> None:
    template = load_registry().get("JCM_MN_AM002")
    prov = template.equations_provenance
    assert prov is not None and prov.status == "draft"
    assert ("equations", prov) in template.provenance_items()
    assert main(["templates", "show", "JCM_MN_AM002"]) == 0
    assert "Equations: draft — FY2013 JCM DS draft equation" in capsys.readouterr().out
    assert "| JCM_MN_AM002_ver01.0 | draft | FY2013 JCM DS draft equation" in markdown([template])
