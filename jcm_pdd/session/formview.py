"""What the editor shows: sections and fields with label, guidance, type, required and columns.

The GUI generates every editor from ``SectionView``/``FieldView`` (no hand-written editor per form
or methodology). They come from the form definitions in ``forms/`` (``jcm_pdd.forms``) for the
project's partner country and form version; ``forms/`` is mandatory (the app does not start
without it, and a project whose definitions do not read is refused with the file named), so there
is no second, hand-written view.
``cell_choices`` gives what one table cell offers: its column's list, or the list the row's
methodology parameter narrows it to or supplies (monitoring options, cases of a default value).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any, Literal

from jcm_pdd.model import Project

if TYPE_CHECKING:
    from jcm_pdd.methodology.registry import Registry
    from jcm_pdd.methodology.schema import Template

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
    "MRS": "Monitoring Report Sheet",
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
    """The sections to edit ``project`` with, from its form definitions."""
    from jcm_pdd.forms import load_forms

    return definition_view(load_forms().for_project(project))


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
def _registry() -> Registry:
    # Loaded once per run, as for the figures (``session.figures``), so both read one registry.
    from jcm_pdd.methodology import load_registry

    return load_registry()


def methodology_template(project: Project) -> Template | None:
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
    project: Project,
    table_path: str,
    row: int,
    column: FieldView,
    template: Template | None = None,
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


def row_choices(
    column: FieldView, key: str, template: Template | None
) -> tuple[tuple[str, str], ...]:
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
