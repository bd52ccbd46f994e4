"""What the page exporters need to know of a form: its sections, in order, and their blocks.

``FormLayout`` is the exporter's view of a form definition. ``layout_for(project)`` gets it from
the form definitions in ``forms/`` (through ``jcm_pdd.forms``) when they describe the project's
rule set, and otherwise falls back to ``fallback_pdd_layout()``, which transcribes the PDD form as
documented in shared/domain/jcm-forms.md §2.2 (the [V]/[R] layout). Builders only interpret
block *kinds* (text, key-value rows, list tables, ...), never section numbers, so a corrected or
new form version is a data change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal[
    "text",  # a paragraph holding the value at ``path``
    "key_value",  # rows of (label, path); ``fmt`` may wrap the value, e.g. "{} years"
    "list_key_value",  # rows of (label, sub-path) over the list at ``path``: "(1) ... (2) ..."
    "grouped",  # list at ``path`` grouped by ``group_by``: left column group, right the names
    "table",  # list at ``path``, one row per item, columns (label, sub-path)
    "figure",  # attachment id at ``path``, caption at ``caption_path``
    "emission_table",  # the yearly ex-ante RE / PE / ER table with its total row
    "records",  # one key-value table per item of the list at ``path``, titled ``label``+" (n)"
    "fixed_text",  # text printed by the form itself (``label``)
    "signatures",  # one signature block per entity: ``path`` (one) and ``group_by`` (a list)
]


@dataclass(frozen=True)
class Column:
    label: str
    path: str  # relative to the row (``""`` = the row itself; ``#`` = its 1-based number)
    width: float = 1.0
    fmt: str = "{}"
    date_format: str = "%d/%m/%Y"  # the JCM Word forms print dates dd/mm/yyyy
    choices: tuple[tuple[str, str], ...] = ()  # printed value -> label (e.g. "MN" -> "Mongolia")


@dataclass(frozen=True)
class LayoutBlock:
    kind: BlockKind
    path: str = ""
    label: str = ""  # table caption (e.g. "Reference emissions") or text label
    columns: tuple[Column, ...] = ()
    group_by: str = ""
    caption_path: str = ""
    placeholder: str = ""
    key_width: float = 0.38  # label share of a key-value table


@dataclass(frozen=True)
class LayoutSection:
    number: str  # as printed, e.g. "A.3." or "" for Annex
    title: str
    level: int = 3  # 2 = lettered section, 3 = numbered sub-section
    blocks: tuple[LayoutBlock, ...] = ()
    page_break_before: bool = False


@dataclass(frozen=True)
class FormLayout:
    form: str  # "PDD" or "MoC"
    title: str
    sections: tuple[LayoutSection, ...] = field(default_factory=tuple)
    source: str = "fallback"  # where this layout came from (a forms/ file, or the fallback)


def _kv(*rows: tuple[str, str] | tuple[str, str, str]) -> LayoutBlock:
    """Key-value rows of (label, path) or (label, path, format)."""
    columns = tuple(Column(r[0], r[1], fmt=r[2] if len(r) == 3 else "{}") for r in rows)
    return LayoutBlock(kind="key_value", columns=columns)


def fallback_pdd_layout() -> FormLayout:
    """The JCM PDD form ver02.0/03.0 family as transcribed in jcm-forms.md §2.2."""
    s = LayoutSection
    b = LayoutBlock
    sections = (
        s("A.", "Project description", 2),
        s("A.1.", "Title of the JCM project", blocks=(b("text", "pdd.title"),)),
        s(
            "A.2.",
            "General description of project and applied technologies and/or measures",
            blocks=(b("text", "pdd.description"),),
        ),
        s(
            "A.3.",
            "Location of project, including coordinates",
            blocks=(
                b(
                    "list_key_value",
                    "pdd.sites",
                    columns=(
                        Column("Country", "country"),
                        Column("Region/State/Province etc.:", "region"),
                        Column("City/Town/Community etc:", "city"),
                        Column("Latitude, longitude", "@coordinates"),
                    ),
                ),
            ),
        ),
        s(
            "A.4.",
            "Name of project participants",
            blocks=(
                b("grouped", "pdd.participants", group_by="country", columns=(Column("", "name"),)),
            ),
        ),
        s(
            "A.5.",
            "Duration",
            blocks=(
                _kv(
                    ("Starting date of project operation", "pdd.duration.start_date"),
                    (
                        "Expected operational lifetime of project",
                        "pdd.duration.operational_lifetime_years",
                        "{} years",
                    ),
                ),
            ),
        ),
        s("A.6.", "Contribution from Japan", blocks=(b("text", "pdd.contribution_from_japan"),)),
        s("B.", "Application of an approved methodology(ies)", 2),
        s(
            "B.1.",
            "Selection of methodology(ies)",
            blocks=(
                _kv(
                    ("Selected approved methodology No.", "pdd.methodology.methodology_id"),
                    ("Version number", "pdd.methodology.version"),
                ),
            ),
        ),
        s(
            "B.2.",
            "Explanation of how the project meets eligibility criteria of the approved methodology",
            blocks=(
                b(
                    "table",
                    "pdd.eligibility",
                    columns=(
                        Column("Eligibility criteria", "number", 0.6, "Criterion {}"),
                        Column("Descriptions specified in the methodology", "criterion", 1.7),
                        Column("Project information", "project_information", 1.7),
                    ),
                ),
            ),
        ),
        s("C.", "Calculation of emission reductions", 2),
        s(
            "C.1.",
            "All emission sources and their associated greenhouse gases relevant to the JCM "
            "project",
            blocks=(
                b(
                    "table",
                    "pdd.emission_sources.reference",
                    label="Reference emissions",
                    columns=(
                        Column("Emission sources", "source", 3.0),
                        Column("GHG type", "ghg_type"),
                    ),
                ),
                b(
                    "table",
                    "pdd.emission_sources.project",
                    label="Project emissions",
                    columns=(
                        Column("Emission sources", "source", 3.0),
                        Column("GHG type", "ghg_type"),
                    ),
                ),
            ),
        ),
        s(
            "C.2.",
            "Figure of all emission sources and monitoring points relevant to the JCM project",
            blocks=(b("figure", "pdd.figure_attachment", caption_path="pdd.figure_caption"),),
        ),
        s(
            "C.3.",
            "Estimated emissions reductions in each year",
            blocks=(
                b(
                    "emission_table",
                    columns=(
                        Column("Year", "year", 0.8),
                        Column("Estimated Reference emissions (tCO2e)", "re"),
                        Column("Estimated Project Emissions (tCO2e)", "pe"),
                        Column("Estimated Emission Reductions (tCO2e)", "er"),
                    ),
                ),
            ),
        ),
        s("D.", "Environmental impact assessment", 2),
        s(
            "",
            "",
            blocks=(
                _kv(
                    (
                        "Legal requirement of environmental impact assessment for the proposed "
                        "project",
                        "pdd.environmental_impact.legally_required",
                    ),
                ),
                b("text", "pdd.environmental_impact.explanation"),
            ),
        ),
        s("E.", "Local stakeholder consultation", 2),
        s(
            "E.1.",
            "Solicitation of comments from local stakeholders",
            blocks=(b("text", "pdd.stakeholder_solicitation"),),
        ),
        s(
            "E.2.",
            "Summary of comments received and their consideration",
            blocks=(
                b(
                    "table",
                    "pdd.stakeholder_comments",
                    columns=(
                        Column("Stakeholders", "stakeholder", 0.8),
                        Column("Comments received", "comment", 1.6),
                        Column("Consideration of comments received", "consideration", 1.6),
                    ),
                ),
            ),
        ),
        s("F.", "References", 2, blocks=(b("text", "pdd.references"),)),
        s("", "Annex", 2, blocks=(b("text", "pdd.annex"),), page_break_before=True),
        s(
            "",
            "Revision history of PDD",
            2,
            blocks=(
                b(
                    "table",
                    "pdd.revisions",
                    columns=(
                        Column("Version", "version", 0.6),
                        Column("Date", "date", 0.8),
                        Column("Contents revised", "contents", 2.6),
                    ),
                ),
            ),
        ),
    )
    return FormLayout(form="PDD", title="JCM Project Design Document Form", sections=sections)
