"""Fallback layout of the JCM Modalities of Communication Statement Form (jcm-forms.md §4).

Used when ``forms/`` has no MoC definition for the project's rule set. Section 6 carries the
form's fixed statement of decision, followed by one signature block per project participant.
"""

from __future__ import annotations

from jcm_pdd.export.layout import Column, FormLayout, LayoutBlock, LayoutSection

STATEMENT_OF_DECISION = (
    "This statement is effective with all project participants and will be valid until a "
    "superseding statement is submitted to the Joint Committee by the focal point entity. The "
    "project participants do not include or refer to private contractual arrangements in this "
    "statement such as the establishment of conditions for the designation or change of focal "
    "point. The project participants and focal point are solely responsible for honouring such "
    "arrangements. By signing below, all project participants confirm that they decide the terms "
    "of this decision on a voluntary basis."
)


def _signatory(prefix: str, role: str) -> tuple[Column, ...]:
    return (
        Column(f"{role} authorised signatory: Mr. / Ms.", f"{prefix}.salutation"),
        Column("Name", f"{prefix}.name"),
        Column("Title", f"{prefix}.title"),
        Column("Mobile", f"{prefix}.mobile"),
        Column("Direct tel.", f"{prefix}.direct_tel"),
        Column("Direct fax", f"{prefix}.direct_fax"),
        Column("E-mail", f"{prefix}.email"),
    )


def _entity_columns(prefix: str) -> tuple[Column, ...]:
    """Contact rows of an entity; ``prefix`` "" means relative to a list row."""
    p = f"{prefix}." if prefix else ""
    return (
        Column("Name of entity", f"{p}name"),
        Column("Address", f"{p}address"),
        Column("Fax", f"{p}fax"),
        Column("Website", f"{p}website"),
        *_signatory(f"{p}primary_signatory", "Primary"),
        *_signatory(f"{p}alternate_signatory", "Alternate"),
    )


def fallback_moc_layout() -> FormLayout:
    s = LayoutSection
    b = LayoutBlock
    fp = "moc.focal_point"
    sections = (
        s(
            "",
            "",
            blocks=(
                b(
                    "key_value",
                    columns=(
                        Column("Title of the project", "pdd.title"),
                        Column("Country", "pdd.sites.0.country"),
                        Column("Date of Submission", "moc.date_of_submission"),
                    ),
                ),
            ),
        ),
        s(
            "Section 1:",
            "Project description",
            2,
            blocks=(
                b(
                    "key_value",
                    columns=(
                        Column("Title of the JCM project", "pdd.title"),
                        Column("Reference number", "reference_number"),
                        Column("Applied methodology", "pdd.methodology.methodology_id"),
                    ),
                ),
            ),
        ),
        s(
            "Section 2:",
            "Nomination of focal point entity",
            2,
            blocks=(
                b("key_value", columns=_entity_columns(fp)),
                b(
                    "key_value",
                    columns=(
                        Column(
                            "Is this entity changing its name?", "moc.focal_point_changing_name"
                        ),
                        Column("Former entity name", f"{fp}.former_name"),
                        Column(
                            "Is the entity also a project participant?",
                            "moc.focal_point_is_participant",
                        ),
                        Column(
                            "If the entity is also a project participant, do the same signatories "
                            "represent it in its project participant role?",
                            "moc.same_signatories_as_participant",
                        ),
                    ),
                ),
            ),
        ),
        s(
            "Section 3:",
            "Third-party entity (TPE)",
            2,
            blocks=(
                b(
                    "key_value",
                    columns=(
                        Column(
                            "Name of the TPE that conducts validation (and verification) for "
                            "the project",
                            "moc.tpe_name",
                        ),
                    ),
                ),
            ),
        ),
        s(
            "Section 4:",
            "List of project participants other than nominated focal point entity",
            2,
            blocks=(
                b(
                    "table",
                    "moc.other_participants",
                    columns=(
                        Column("", "#", 0.3, "({})"),
                        Column("Name of project participant", "name", 3.0),
                    ),
                ),
                b(
                    "fixed_text",
                    label="*Contact information of each participant is indicated in Section 5.",
                ),
            ),
        ),
        s(
            "Section 5:",
            "Contact information (Project participant(s) other than focal point entity)",
            2,
            blocks=(
                b(
                    "records",
                    "moc.other_participants",
                    label="Project Participant",
                    columns=_entity_columns(""),
                ),
            ),
        ),
        s(
            "Section 6:",
            "Statement of decision",
            2,
            page_break_before=True,
            blocks=(
                b("fixed_text", label=STATEMENT_OF_DECISION),
                b("signatures", fp, label="Focal point entity", group_by="moc.other_participants"),
            ),
        ),
    )
    return FormLayout(
        form="MoC", title="JCM Modalities of Communication Statement Form", sections=sections
    )
