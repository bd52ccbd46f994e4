"""Request R4: the provenance report is generated from the templates, and the committed
methodology_templates/PROVENANCE.md is current."""

from __future__ import annotations

import pytest
from methodology_fixtures import MINI

from jcm_pdd import paths
from jcm_pdd.cli import main
from jcm_pdd.methodology import parse_template
from jcm_pdd.methodology.provenance_report import markdown, shipped_templates

REGENERATE = (
    "python -m jcm_pdd.cli templates provenance --markdown --shipped-only "
    "> methodology_templates/PROVENANCE.md"
)


def test_committed_provenance_report_is_current() -> None:
    committed = (paths.templates_dir() / "PROVENANCE.md").read_text(encoding="utf-8")
    assert committed == markdown(shipped_templates()), f"stale: run {REGENERATE}"


def test_command_prints_the_same_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["templates", "provenance", "--markdown", "--shipped-only"]) == 0
    assert capsys.readouterr().out == markdown(shipped_templates())


def test_every_template_default_case_and_entered_value_is_listed() -> None:
    report = markdown(shipped_templates())
    for template in shipped_templates():
        full = template.identity.full_id
        assert f"| {full} | {template.identity.host_country} |" in report
        for key, param in template.parameters.items():
            for choice in param.choices:
                value = "entered by the project" if choice.entered else str(choice.value)
                assert f"| {full} | `{param.symbol}` ({key}) | {choice.name}" in report
                assert f"| {value} | {param.unit} |" in report
            if param.role == "fixed_ex_ante":
                assert f"| {full} | `{param.symbol}` ({key}) | fixed ex ante |" in report
            if param.record_only:
                assert f"| {full} | `{param.symbol}` ({key}) | {param.unit} |" in report


def test_report_follows_a_template_change() -> None:
    """The report is data-driven: a status changed in a template changes its row."""
    before = markdown([parse_template(MINI, "mini.toml")])
    assert (
        "| JCM_XX_AM001_ver01.0 | `COP_RE` (COP_RE) | (single value) | 4 | - | draft | as value |"
        in before
    )
    changed = MINI.replace(
        'provenance = { status = "draft", tag = "SRC-DRAFT", citation = "test fixture" }',
        'provenance = { status = "unverified", tag = "MEM-L", citation = "a handbook | value" }',
    )
    after = markdown([parse_template(changed, "mini.toml")])
    assert "| 4 | - | UNVERIFIED | as value | a handbook \\| value |" in after  # pipes escaped
    assert "(read only by an eligibility check: optional for the calculation)" in after
