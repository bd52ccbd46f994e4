"""Choice fields whose lists come from data (countries) are offered as choices, not free text."""

from __future__ import annotations

from jcm_pdd.model import Project
from jcm_pdd.session.formview import form_view


def _field(path: str):  # type: ignore[no-untyped-def]
    project = Project()
    project.rule_set.partner_country = "MN"
    for section in form_view(project):
        for field in section.fields:
            if field.path == path:
                return field
    raise AssertionError(f"{path} is on no form")


def test_partner_country_offers_the_partner_countries_with_names() -> None:
    field = _field("rule_set.partner_country")
    assert field.kind == "choice"
    assert {"MN", "ID", "VN", "TH"} <= set(field.choices)
    assert "Mongolia (MN)" in field.choice_labels
    assert len(field.choices) == len(field.choice_labels)
