"""Required fields, rows and cells from the form definitions (the final-export gate)."""

from __future__ import annotations

from check_support import TODAY, ContextFactory, by_code, codes, complete_project

from jcm_pdd.checks import Severity, has_errors, run_checks
from jcm_pdd.checks.required import required_fields
from jcm_pdd.model import Participant


def test_a_complete_project_has_no_diagnostics_at_all() -> None:
    assert run_checks(complete_project(), today=TODAY) == []


def test_an_empty_required_field_is_an_error_at_its_path(context: ContextFactory) -> None:
    project = complete_project()
    project.pdd.duration.start_date = None
    found = list(required_fields(context(project)))
    assert codes(found) == ["required.field"]
    (diagnostic,) = found
    assert diagnostic.severity is Severity.ERROR
    assert diagnostic.location == "pdd.duration.start_date"
    assert (diagnostic.form_type, diagnostic.section) == ("PDD", "A.5")
    assert "Starting date of project operation" in diagnostic.message
    assert has_errors(found)


def test_whitespace_only_text_counts_as_empty(context: ContextFactory) -> None:
    project = complete_project()
    project.pdd.title = "   "
    found = list(required_fields(context(project)))
    # The title is on the PDD (A.1) and on the MoC header: both forms report it ...
    assert {d.location for d in found} == {"pdd.title"}
    # ... but run_checks reports it once, where the PDD shows it.
    reported = by_code(run_checks(project, today=TODAY), "required.field")
    assert [(d.location, d.form_type, d.section) for d in reported] == [("pdd.title", "PDD", "A.1")]


def test_false_is_an_answer_but_none_is_not(context: ContextFactory) -> None:
    project = complete_project()
    assert project.pdd.environmental_impact.legally_required is False
    assert list(required_fields(context(project))) == []
    project.pdd.environmental_impact.legally_required = None
    assert [d.location for d in required_fields(context(project))] == [
        "pdd.environmental_impact.legally_required"
    ]


def test_a_required_table_needs_its_minimum_rows(context: ContextFactory) -> None:
    project = complete_project()
    project.pdd.participants = [Participant(country="Mongolia", name="Khangai Solar LLC")]
    found = list(required_fields(context(project)))
    assert codes(found) == ["required.rows"]
    assert found[0].location == "pdd.participants"
    assert found[0].params["minimum"] == "2"


def test_a_required_cell_names_the_row(context: ContextFactory) -> None:
    project = complete_project()
    project.pdd.sites[0].city = ""
    found = list(required_fields(context(project)))
    assert [(d.code, d.location) for d in found] == [("required.column", "pdd.sites.0.city")]
    assert "(1) (S1)" in found[0].message and "City/Town/Community etc" in found[0].message


def test_nested_cells_of_moc_participants_are_checked(context: ContextFactory) -> None:
    project = complete_project()
    project.moc.other_participants[0].primary_signatory.email = ""
    found = list(required_fields(context(project)))
    assert [d.location for d in found] == ["moc.other_participants.0.primary_signatory.email"]
    assert found[0].form_type == "MoC" and found[0].section == "5"


def test_conditional_answers_are_checked_only_when_they_apply(context: ContextFactory) -> None:
    from jcm_pdd.checks.consistency import moc_conditional_answers

    project = complete_project()
    assert project.moc.focal_point.former_name == ""
    assert list(moc_conditional_answers(context(project))) == []  # not changing its name
    project.moc.focal_point_changing_name = True
    project.moc.same_signatories_as_participant = None
    found = list(moc_conditional_answers(context(project)))
    assert codes(found) == ["moc.former-name", "moc.same-signatories"]
    assert found[0].location == "moc.focal_point.former_name"
    project.moc.focal_point_is_participant = False  # the signatories question no longer applies
    project.moc.focal_point.former_name = "Old Name LLC"
    assert list(moc_conditional_answers(context(project))) == []
    assert list(required_fields(context(project))) == []


def test_required_rule_honours_applies_when_conditions(context: ContextFactory) -> None:
    from jcm_pdd.forms import FormDefinition

    definition = FormDefinition.model_validate(
        {
            "country": "MN",
            "form_type": "MoC",
            "version": "02.0",
            "code": "JCM_MN_F_MoC_ver02.0",
            "title": "test",
            "sections": [
                {
                    "id": "2",
                    "title": "Focal point",
                    "fields": [
                        {
                            "path": "moc.focal_point.former_name",
                            "label": "Former entity name:",
                            "required": True,
                            "applies_when": {
                                "path": "moc.focal_point_changing_name",
                                "equals": True,
                            },
                        }
                    ],
                }
            ],
        }
    )
    project = complete_project()
    ctx = context(project)
    ctx.forms = [definition]
    assert list(required_fields(ctx)) == []
    project.moc.focal_point_changing_name = True
    assert [d.message for d in required_fields(ctx)] == [
        "MoC Focal point: “Former entity name” is required."
    ]
