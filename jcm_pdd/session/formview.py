"""What the editor shows: sections and fields with label, guidance, type, required and columns.

The GUI generates every editor from ``SectionView``/``FieldView`` (no hand-written editor per form
or methodology). They come from the form definitions in ``forms/`` (``jcm_pdd.forms``) for the
project's partner country and form version; when no definition is available (or the loader is
missing), a plain view is derived from the document model itself so every field stays editable.
``cell_choices`` gives what one table cell offers: its column's list, or the list the row's
methodology parameter narrows it to or supplies (monitoring options, cases of a default value).
"""

from __future__ import annotations

import datetime as dt
import logging
import types
import typing
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel

from jcm_pdd.model import Project

_log = logging.getLogger(__name__)

FieldKind = Literal[
    "text",
    "multiline",
    "date",
    "decimal",
    "int",
    "bool",
    "choice",
    "table",
    "coordinate",
    "attachment",
]

# Navigator groups, in the order of the submission.
GROUPS = ("PDD", "Annex", "Revision history", "Monitoring Plan", "Monitoring Structure", "MoC")


@dataclass
class FieldView:
    path: str  # model path pattern relative to the document root, or to a row for columns
    label: str
    kind: FieldKind = "text"
    guidance: str = ""
    required: bool = False
    choices: tuple[str, ...] = ()
    columns: list[FieldView] = field(default_factory=list)
    unit: str = ""
    choice_labels: tuple[str, ...] = ()  # shown for ``choices`` (same order); empty: the values
    read_only: bool = False  # filled from the methodology template, not typed
    # "template": a table column whose choices depend on its row's methodology parameter
    # (resolved per cell by ``cell_choices``); "countries"/"country_names": resolved from data.
    choices_from: str = ""
    suggestions: tuple[str, ...] = ()  # free text, with these values offered (country names)
    accept: tuple[str, ...] = ()  # media types an attachment field or column takes

    def offered(self) -> tuple[tuple[str, str], ...]:
        """The column's own (value, label) choices, before any per-row narrowing."""
        if self.kind == "bool":
            return (("yes", "yes"), ("no", "no"))
        if self.choices:
            labels = self.choice_labels or self.choices
            return tuple(zip(self.choices, labels, strict=True))
        return tuple((s, s) for s in self.suggestions)


@dataclass
class SectionView:
    id: str  # e.g. "A.3"
    title: str
    group: str
    fields: list[FieldView] = field(default_factory=list)
    number: str | None = None  # as printed ("A.3"); None: the id; "": unnumbered

    def __post_init__(self) -> None:
        if self.number is None:
            self.number = self.id

    @property
    def heading(self) -> str:
        return f"{self.number}  {self.title}" if self.number else self.title


_MULTILINE = {
    "description",
    "explanation",
    "contribution_from_japan",
    "annex",
    "references",
    "stakeholder_solicitation",
    "project_information",
    "structure_note",
    "measurement_methods",
    "address",
    "contents",
    "comment",
    "consideration",
}
_LABELS = {"ghg_type": "GHG type", "tpe_name": "Third-party entity (TPE)", "id": "ID"}


def humanize(name: str) -> str:
    return _LABELS.get(name) or name.replace("_", " ").capitalize()


def _unwrap_optional(annotation: Any) -> Any:
    origin = get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation


def field_kind(name: str, annotation: Any) -> tuple[FieldKind, tuple[str, ...]]:
    """The editor kind for a model field (by its annotation; long prose by name)."""
    ann = _unwrap_optional(annotation)
    if get_origin(ann) is typing.Annotated:
        ann = get_args(ann)[0]
    if name in ("latitude", "longitude"):
        return "coordinate", ()
    if name.endswith("_attachment") or name == "specimen_signature":
        return "attachment", ()  # holds the sha256 of an attached file
    if get_origin(ann) is list:
        return "table", ()
    if get_origin(ann) is Literal:
        return "choice", tuple(str(a) for a in get_args(ann))
    if ann is bool:
        return "bool", ()
    if ann is dt.date:
        return "date", ()
    if ann is Decimal:
        return "decimal", ()
    if ann is int:
        return "int", ()
    return ("multiline" if name in _MULTILINE else "text"), ()


def _model_at(pattern: str) -> tuple[type[BaseModel], str]:
    """The model class holding the last part of ``pattern`` and that part's name."""
    current: Any = Project
    parts = pattern.split(".")
    for part in parts[:-1]:
        if part == "*":
            current = get_args(current)[0]
            continue
        current = _unwrap_optional(current.model_fields[part].annotation)
    return current, parts[-1]


def derive_field(pattern: str, label: str | None = None, required: bool = False) -> FieldView:
    """A FieldView for one model path pattern, typed from the model."""
    model, name = _model_at(pattern)
    annotation = model.model_fields[name].annotation
    kind, choices = field_kind(name, annotation)
    view = FieldView(pattern, label or humanize(name), kind, required=required, choices=choices)
    if kind == "table":
        row = get_args(_unwrap_optional(annotation))[0]
        for col_name, info in row.model_fields.items():
            col_kind, col_choices = field_kind(col_name, info.annotation)
            if col_kind == "table" or (
                isinstance(info.annotation, type) and issubclass(info.annotation, BaseModel)
            ):
                continue  # nested records are edited elsewhere
            if get_origin(info.annotation) is dict:
                continue
            view.columns.append(
                FieldView(col_name, humanize(col_name), col_kind, choices=col_choices)
            )
    return view


# The plain structure used when no form definition is available: (id, title, group, paths).
# Paths marked with "!" are required by every JCM form.
_PLAIN: list[tuple[str, str, str, list[str]]] = [
    ("A.1", "Title of the JCM project", "PDD", ["!pdd.title"]),
    ("A.2", "General description of project and applied technologies", "PDD", ["!pdd.description"]),
    ("A.3", "Location of project, including coordinates", "PDD", ["!pdd.sites"]),
    ("A.4", "Name of project participants", "PDD", ["!pdd.participants"]),
    (
        "A.5",
        "Duration",
        "PDD",
        ["!pdd.duration.start_date", "!pdd.duration.operational_lifetime_years"],
    ),
    ("A.6", "Contribution from Japan", "PDD", ["!pdd.contribution_from_japan"]),
    (
        "B.1",
        "Selection of methodology",
        "PDD",
        ["!pdd.methodology.methodology_id", "!pdd.methodology.version"],
    ),
    (
        "B.2",
        "Explanation of how the project meets eligibility criteria",
        "PDD",
        ["!pdd.eligibility"],
    ),
    (
        "C.1",
        "Emission sources and GHG types",
        "PDD",
        ["!pdd.emission_sources.reference", "!pdd.emission_sources.project"],
    ),
    (
        "C.2",
        "Figure of all emission sources and monitoring points",
        "PDD",
        ["pdd.figure_attachment", "pdd.figure_caption"],
    ),
    ("C.3", "Estimated emissions reductions in each year", "PDD", ["pdd.estimation.end_year"]),
    (
        "D",
        "Environmental impact assessment",
        "PDD",
        ["!pdd.environmental_impact.legally_required", "pdd.environmental_impact.explanation"],
    ),
    (
        "E.1",
        "Solicitation of comments from local stakeholders",
        "PDD",
        ["!pdd.stakeholder_solicitation"],
    ),
    (
        "E.2",
        "Summary of comments received and their consideration",
        "PDD",
        ["pdd.stakeholder_comments"],
    ),
    ("F", "References", "PDD", ["pdd.references"]),
    ("Annex", "Annex", "Annex", ["pdd.annex"]),
    ("Rev", "Revision history of PDD", "Revision history", ["pdd.revisions"]),
    (
        "MPS.1",
        "Parameters to be monitored ex post",
        "Monitoring Plan",
        ["!monitoring_plan.monitored"],
    ),
    (
        "MPS.2",
        "Project-specific parameters fixed ex ante",
        "Monitoring Plan",
        ["monitoring_plan.fixed_ex_ante"],
    ),
    (
        "MPS.3",
        "Default values chosen or overridden",
        "Monitoring Plan",
        ["monitoring_plan.default_selections", "monitoring_plan.index_members"],
    ),
    (
        "MSS",
        "Monitoring structure",
        "Monitoring Structure",
        ["!monitoring_plan.structure", "monitoring_plan.structure_note"],
    ),
    (
        "MoC.1",
        "Focal point",
        "MoC",
        [
            "moc.date_of_submission",
            "!moc.focal_point.name",
            "moc.focal_point.address",
            "!moc.focal_point.primary_signatory.name",
            "moc.focal_point.primary_signatory.email",
            "moc.focal_point.alternate_signatory.name",
            "moc.focal_point.alternate_signatory.email",
        ],
    ),
    (
        "MoC.2",
        "Third-party entity and other participants",
        "MoC",
        ["!moc.tpe_name", "moc.other_participants"],
    ),
]


def plain_view() -> list[SectionView]:
    sections = []
    for sid, title, group, paths in _PLAIN:
        fields = [derive_field(p.lstrip("!"), required=p.startswith("!")) for p in paths]
        sections.append(SectionView(sid, title, group, fields))
    return sections


_KINDS: dict[str, FieldKind] = {
    "text": "text",
    "multiline": "multiline",
    "date": "date",
    "integer": "int",
    "decimal": "decimal",
    "boolean": "bool",
    "choice": "choice",
    "table": "table",
    "attachment": "attachment",
    "coordinates": "coordinate",
}
_GROUP_OF_FORM = {
    "PDD": "PDD",
    "MPS": "Monitoring Plan",
    "MSS": "Monitoring Structure",
    "MoC": "MoC",
}


# Choice lists the form definitions take from data rather than listing them inline.
_DATA_CHOICES = frozenset({"countries", "country_names"})


def _choices_of(item: Any) -> list[Any]:
    if item.choices or getattr(item, "choices_from", "") not in _DATA_CHOICES:
        return list(item.choices)
    return _resolved(item)


def _resolved(item: Any) -> list[Any]:
    from jcm_pdd.forms import load_forms, resolve_choices

    return list(resolve_choices(item, load_forms().countries))


def _from_definition(item: Any, is_column: bool = False) -> FieldView:
    kind = _KINDS.get(item.type, "text")
    offered = _choices_of(item) if kind == "choice" else list(item.choices)
    values = [c.value for c in offered]
    if kind == "choice" and values and all(isinstance(v, bool) for v in values):
        kind = "bool"
    choices = tuple(str(v) for v in values) if kind == "choice" else ()
    labels = tuple(c.label for c in offered) if kind == "choice" else ()
    view = FieldView(
        item.subpath if is_column else item.path,
        item.label,
        kind,
        guidance=item.guidance,
        required=item.required,
        choices=choices,
        unit=item.unit,
        choice_labels=labels,
        read_only=item.read_only,
    )
    view.choices_from = item.choices_from or ""
    view.accept = tuple(item.accept)
    if kind == "choice" and not choices:
        # Per-row template choices: a table column offers them cell by cell (``cell_choices``);
        # a single field has no row to resolve them from, so it stays typed text.
        view.kind = "choice" if is_column and item.choices_from == "template" else "text"
    elif kind == "text" and item.choices_from in _DATA_CHOICES:
        view.suggestions = tuple(str(c.value) for c in _resolved(item))
    for column in getattr(item, "columns", []):
        view.columns.append(_from_definition(column, is_column=True))
    return view


def definition_view(definitions: list[Any]) -> list[SectionView]:
    """SectionViews from ``jcm_pdd.forms`` FormDefinitions (PDD, MPS, MSS, MoC in order)."""
    sections: list[SectionView] = []
    for definition in definitions:
        group = _GROUP_OF_FORM.get(definition.form_type, definition.form_type)
        for section in definition.sections:
            if not section.fields:
                continue  # a heading: its subsections are listed on their own
            sid = section.number.strip().rstrip(".:")
            section_group = group
            lowered = section.title.lower()
            if group == "PDD" and "annex" in lowered:
                section_group = "Annex"
            elif group == "PDD" and "revision" in lowered:
                section_group = "Revision history"
            fields = [_from_definition(f) for f in section.fields]
            key = f"{definition.form_type}:{section.id}"
            sections.append(SectionView(key, section.title, section_group, fields, sid))
    return sections


def form_view(project: Project) -> list[SectionView]:
    """The sections to edit ``project`` with: its form definitions, else the plain view."""
    try:
        from jcm_pdd.forms import load_forms

        return definition_view(load_forms().for_project(project))
    except Exception:  # any missing or broken definition: keep the editor usable, say why
        _log.warning("form definitions unavailable; using the plain view", exc_info=True)
        return plain_view()


def _filled(value: Any) -> bool:
    return value not in (None, "", [], {})


def section_completeness(project: Project, section: SectionView) -> tuple[int, int]:
    """(required fields filled, required fields) of a section; tables count when they have rows."""
    from jcm_pdd.model.paths import PathError, get_value

    required = [f for f in section.fields if f.required]
    filled = 0
    for view in required:
        try:
            filled += _filled(get_value(project, view.path))
        except PathError:
            continue
    return filled, len(required)


# -- choices of one table cell ---------------------------------------------------------------
# A row of a Monitoring Plan table names its methodology parameter in ``key``; the template then
# narrows or supplies the choices of some columns for that row (request: choice columns edited
# through drop-downs). Column subpath -> what the parameter offers there.
_NARROWED_BY_TEMPLATE = {"option": "options"}  # MPS Table 1 (f): the options the template allows


@cache
def _registry() -> Any:
    # Loaded once per run, as for the figures (``session.figures``), so both read one registry.
    from jcm_pdd.methodology import load_registry

    return load_registry()


def methodology_template(project: Project) -> Any | None:
    """The project's methodology template from the registry (None when none is chosen or found),
    the same one the figures are calculated with."""
    selection = project.pdd.methodology
    if not selection.methodology_id.strip():
        return None
    from jcm_pdd.errors import UserError

    try:
        return _registry().get(selection.methodology_id, selection.version or None)
    except UserError:
        return None


def depends_on_template(column: FieldView) -> bool:
    """Whether a column's choices are resolved per row from the methodology template."""
    return column.choices_from == "template" or column.path in _NARROWED_BY_TEMPLATE


def cell_choices(
    project: Project, table_path: str, row: int, column: FieldView, template: Any = None
) -> tuple[tuple[str, str], ...]:
    """(value, label) pairs offered in the cell ``<table_path>.<row>.<column.path>``.

    Static lists come from the column; ``choices_from = "template"`` columns take the cases of
    the row's methodology default, and the monitoring option is narrowed to the options the
    row's parameter allows. Without a template (or a row key) the column's own list stands.
    ``template`` may be passed by a caller resolving many cells; else it is looked up.
    """
    if not depends_on_template(column):
        return column.offered()
    from jcm_pdd.model.paths import PathError, get_value

    try:
        key = get_value(project, f"{table_path}.{row}.key")
    except PathError:
        key = ""
    if template is None:
        template = methodology_template(project)
    return row_choices(column, key if isinstance(key, str) else "", template)


def row_choices(column: FieldView, key: str, template: Any) -> tuple[tuple[str, str], ...]:
    """The choices of ``column`` in a row whose template parameter is ``key``."""
    own = column.offered()
    parameter = template.parameters.get(key) if template is not None and key else None
    if parameter is None or not depends_on_template(column):
        return own
    if column.choices_from == "template":
        from jcm_pdd.forms.choices import template_choices

        return tuple((str(c.value), c.label) for c in template_choices(template, key))
    narrowed = _NARROWED_BY_TEMPLATE.get(column.path, "")
    allowed = [str(o) for o in getattr(parameter, narrowed, None) or []]
    if not allowed:
        return own
    return tuple((value, label) for value, label in own if value in allowed)
