"""The schema of a JCM form definition (the data files in the top-level ``forms/`` folder).

A ``FormDefinition`` describes one official form (PDD, the Monitoring Plan Sheet, the
Monitoring Structure Sheet, the MoC statement or the Monitoring Report Sheet) of one partner
country and version: its sections in the official order and numbering, and for each field the
model path it edits, the label as printed on the form, the official guidance, the input type,
whether it is required, choices and table columns, plus hints for the exporters (a computed
section's columns and fixed texts are what an exporter prints of a calculation). The desktop
editor and the exporters are generated from these definitions, so nothing here knows about Qt
or Word.

Every label and guidance text carries a provenance ``status`` because our knowledge of the
forms is partly recalled rather than read from the official forms: the GUI and the exporters
can then show which wording is confirmed and which is not.

Annotations are not postponed here (why: ``jcm_pdd/model/base.py``).
"""

from pathlib import Path
from typing import Any, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

from jcm_pdd.model.base import empty_list

# MRS: the Monitoring Report Sheet filled after registration (no document of the submission;
# the monitoring exports are laid out from it).
FormType = Literal["PDD", "MPS", "MSS", "MoC", "MRS"]
FORM_TYPES: tuple[FormType, ...] = ("PDD", "MPS", "MSS", "MoC", "MRS")

# verified: read in a cited source; recalled: from knowledge of the real forms, not confirmed;
# inferred: written by JCM PDD Studio (an app-only field or a paraphrase of our own).
Provenance = Literal["verified", "recalled", "inferred"]

# What a user reads for each status (the command line, the exports, the checks' messages; the
# GUI translates the same words): the stored "recalled" is a note for developers, and "recalled"
# alone does not tell a validator that the form is still to be compared with the official one.
PROVENANCE_WORDS: dict[str, str] = {
    "verified": "confirmed against the official form",
    "recalled": "not yet confirmed against the official form",
    "inferred": "inferred by JCM PDD Studio, not read in an official form",
}


def provenance_words(status: str) -> str:
    """The user's words for a form's provenance ``status`` (the status itself if unknown)."""
    return PROVENANCE_WORDS.get(status, status)


FieldType = Literal[
    "text",
    "multiline",
    "date",
    "integer",
    "decimal",
    "boolean",
    "choice",
    "table",
    "attachment",
    "coordinates",
]
ColumnType = Literal[
    "text",
    "multiline",
    "date",
    "integer",
    "decimal",
    "boolean",
    "choice",
    "attachment",
    "coordinates",
]
# Where a choice field's values come from when the definition does not list them:
# countries: partner-country codes (MN ...), labelled by name (rule_set.partner_country);
# country_names: country names as the forms print them, Japan included (A.3, A.4);
# template: the named cases of the methodology default of the row (default selections).
ChoiceSource = Literal["countries", "country_names", "template"]

Layout = Literal[
    "heading",  # a heading only; its subsections hold the content
    "text",  # label then paragraphs
    "key_value",  # a two-column table: label | value (e.g. A.5 Duration)
    "table",  # a grid: one header row, one row per list item
    "records",  # one label | value block per list item (e.g. A.3 sites "(1)", "(2)")
    "figure",  # an image with its caption
    "statement",  # fixed text followed by signature blocks (MoC Section 6)
]

_VERSION_PATTERN = r"^\d{2}\.\d$"
_ID_PATTERN = r"^[A-Za-z0-9_.:\-]+$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Choice(_Strict):
    """One allowed value of a choice field and the text shown for it."""

    value: str | bool
    label: str


class Condition(_Strict):
    """A field applies only when the value at ``path`` equals ``equals`` (e.g. former name)."""

    path: str
    equals: str | bool | int


class ExportHints(_Strict):
    """How the exporters lay a section, field or column out (all optional)."""

    layout: Layout | None = None
    widths: list[float] = Field(default_factory=empty_list)  # relative column widths of a table
    header_row: bool = True  # whether a table prints a header row
    group_by: str = ""  # column subpath whose equal values share one cell (A.4 by country)
    row_label: str = ""  # label of each record, "{n}" = 1-based row number: "({n})"
    date_format: str = ""  # strftime pattern, e.g. "%d/%m/%Y" (the forms print dd/mm/yyyy)
    suffix: str = ""  # printed after a value, e.g. " years"
    prefix: str = ""  # printed before a value, e.g. "Option " (MPS column f: "Option C")
    combine_with: str = ""  # print this column together with another (latitude, longitude)
    page_break_before: bool = False
    orientation: Literal["portrait", "landscape"] | None = None
    sheet_name: str = ""  # workbook tab of a spreadsheet form, e.g. "MPS(input)"
    # model paths of signing entities
    signature_blocks: list[str] = Field(default_factory=empty_list)
    include: bool = True  # False: the exporters leave it out (app-only data)
    # a form's label columns (key-value tables, records, grouped lists) all take this share of
    # the text width, whatever their sections' widths say: one label column down the document
    key_width: float | None = Field(default=None, gt=0, lt=1)


class Column(_Strict):
    """One column of a table field; ``subpath`` is relative to a row of the list."""

    id: str = ""  # defaults to subpath
    subpath: str
    label: str
    letter: str = ""  # the column tag printed on the form, e.g. "(a)"
    type: ColumnType = "text"
    required: bool = False
    read_only: bool = False  # filled from the methodology template, not typed by the user
    on_form: bool = True  # False: app-only column (e.g. a stable site id)
    axis: Literal["latitude", "longitude"] | None = None  # for type "coordinates"
    unit: str = ""
    choices: list[Choice] = Field(default_factory=empty_list)
    choices_from: ChoiceSource | None = None
    accept: list[str] = Field(default_factory=empty_list)  # media types of an attachment column
    guidance: str = ""
    status: Provenance = "recalled"
    width: float | None = None
    export: ExportHints = Field(default_factory=ExportHints)

    @model_validator(mode="after")
    def _check(self) -> Self:
        if self.type == "choice" and not self.choices and self.choices_from is None:
            raise ValueError(f"column '{self.subpath}' is a choice but lists no choices")
        if self.type == "coordinates" and self.axis is None:
            raise ValueError(f"column '{self.subpath}' holds coordinates but names no axis")
        return self

    @property
    def key(self) -> str:
        return self.id or self.subpath


class FormField(_Strict):
    """One field of a form section, bound to the document model by ``path``."""

    id: str = ""  # unique within the form; defaults to the path
    path: str  # model path pattern, e.g. "pdd.duration.start_date" or "pdd.sites"
    label: str
    type: FieldType = "text"
    required: bool = False
    status: Provenance = "recalled"  # of the label
    guidance: str = ""
    guidance_status: Provenance = "recalled"
    on_form: bool = True
    read_only: bool = False
    unit: str = ""
    axis: Literal["latitude", "longitude"] | None = None
    choices: list[Choice] = Field(default_factory=empty_list)
    choices_from: ChoiceSource | None = None
    columns: list[Column] = Field(default_factory=empty_list)
    min_rows: int = Field(default=0, ge=0)  # a required table needs at least max(1, min_rows)
    applies_when: Condition | None = None
    accept: list[str] = Field(default_factory=empty_list)  # media types of an attachment field
    example: str = ""
    export: ExportHints = Field(default_factory=ExportHints)

    @model_validator(mode="after")
    def _check(self) -> Self:
        if self.type == "table" and not self.columns:
            raise ValueError(f"field '{self.path}' is a table but has no columns")
        if self.type != "table" and self.columns:
            raise ValueError(f"field '{self.path}' has columns but is not a table")
        if self.type == "choice" and not self.choices and self.choices_from is None:
            raise ValueError(f"field '{self.path}' is a choice but lists no choices")
        if self.type == "coordinates" and self.axis is None:
            raise ValueError(f"field '{self.path}' holds coordinates but names no axis")
        keys = [c.key for c in self.columns]
        dupes = sorted({k for k in keys if keys.count(k) > 1})
        if dupes:
            raise ValueError(f"table '{self.path}' repeats column(s) {', '.join(dupes)}")
        return self

    @property
    def key(self) -> str:
        return self.id or self.path

    def column_patterns(self) -> list[str]:
        """Model path patterns of every column (``pdd.sites.*.latitude`` ...)."""
        return [f"{self.path}.*.{c.subpath}" for c in self.columns]

    @property
    def effective_min_rows(self) -> int:
        return max(1, self.min_rows) if self.required else self.min_rows


class Section(_Strict):
    """A numbered part of a form ("A.3.", "Section 2", "Table 1") in official order."""

    id: str = Field(pattern=_ID_PATTERN)
    parent: str = ""  # id of the enclosing section; "" for a top-level one
    number: str = ""  # as printed, e.g. "A.3." ("" for unnumbered parts like the Annex)
    title: str
    status: Provenance = "recalled"  # of number and title
    guidance: str = ""
    guidance_status: Provenance = "recalled"
    source: str = ""  # where the verified wording was read
    text: str = ""  # fixed text printed by the form itself (e.g. MoC statement of decision)
    on_form: bool = True  # False: app-only section (e.g. document information)
    computed: str = ""  # a table filled by the calculation, e.g. "estimate.yearly"
    computed_columns: list[Column] = Field(default_factory=empty_list)
    # Fixed wording an exporter prints within a computed section, by name (a total row's
    # label, a unit, "Calibrated: {0}"); the exporter names the keys it needs.
    texts: dict[str, str] = Field(default_factory=dict)
    fields: list[FormField] = Field(default_factory=empty_list)
    export: ExportHints = Field(default_factory=ExportHints)

    @property
    def heading(self) -> str:
        return f"{self.number} {self.title}".strip()


class FormDefinition(_Strict):
    """One official form of one partner country and version."""

    country: str = Field(pattern=r"^[A-Z]{2}$")
    form_type: FormType
    version: str = Field(pattern=_VERSION_PATTERN)
    code: str  # e.g. "JCM_MN_F_PDD_ver03.0"; the page header of the Word form
    title: str  # e.g. "JCM Project Design Document Form"
    status: Provenance = "recalled"  # of code and version for this country
    title_status: Provenance = "recalled"
    source: str = ""
    note: str = ""
    sections: list[Section]
    export: ExportHints = Field(default_factory=ExportHints)
    # "{methodology_id}" etc. placeholders
    header_lines: list[str] = Field(default_factory=empty_list)

    _source_file: Path | None = PrivateAttr(default=None)

    @field_validator("sections")
    @classmethod
    def _sections_present(cls, value: list[Section]) -> list[Section]:
        if not value:
            raise ValueError("a form needs at least one section")
        return value

    @model_validator(mode="after")
    def _check_structure(self) -> Self:
        ids = [s.id for s in self.sections]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"section id(s) {', '.join(dupes)} used more than once")
        seen: set[str] = set()
        for section in self.sections:
            if section.parent and section.parent not in seen:
                raise ValueError(
                    f"section '{section.id}' names parent '{section.parent}', "
                    "which is not an earlier section"
                )
            seen.add(section.id)
        field_keys = [f.key for s in self.sections for f in s.fields]
        dupes = sorted({k for k in field_keys if field_keys.count(k) > 1})
        if dupes:
            raise ValueError(f"field(s) {', '.join(dupes)} appear twice; give one an explicit 'id'")
        return self

    # -- navigation helpers for the editor and exporters ------------------------------------
    @property
    def source_file(self) -> Path | None:
        return self._source_file

    def top_level(self) -> list[Section]:
        return [s for s in self.sections if not s.parent]

    def children(self, section_id: str) -> list[Section]:
        return [s for s in self.sections if s.parent == section_id]

    def section(self, section_id: str) -> Section:
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(f"{self.code} has no section '{section_id}'")

    def fields(self) -> list[tuple[Section, FormField]]:
        """Every field with its section, in form order."""
        return [(s, f) for s in self.sections for f in s.fields]

    def field(self, key: str) -> FormField:
        for _, form_field in self.fields():
            if form_field.key == key:
                return form_field
        raise KeyError(f"{self.code} has no field '{key}'")

    def path_patterns(self) -> list[str]:
        """Every model path pattern this form edits (fields and table columns)."""
        patterns: list[str] = []
        for _, form_field in self.fields():
            patterns.append(form_field.path)
            patterns.extend(form_field.column_patterns())
        return patterns

    def section_of_path(self, path_pattern: str) -> Section | None:
        """The section whose field (or table column) edits ``path_pattern``, if any."""
        for section, form_field in self.fields():
            if form_field.path == path_pattern or path_pattern in form_field.column_patterns():
                return section
            if path_pattern.startswith(form_field.path + ".*"):
                return section
        return None


class SubmissionDocument(_Strict):
    """One document of a submission, in the order the navigator lists them."""

    form_type: FormType
    label: str
    attachment_to: FormType | None = None  # MPS and MSS are attachments to the PDD
    note: str = ""


class Submission(_Strict):
    documents: list[SubmissionDocument]
    extras: list[str] = Field(default_factory=empty_list)  # app entries after the documents


def dump_definition(definition: FormDefinition) -> dict[str, Any]:
    """A plain-data view (for tests, diffing and debugging)."""
    return definition.model_dump(mode="json", exclude_defaults=True)
