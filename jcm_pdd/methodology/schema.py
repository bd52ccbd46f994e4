"""The methodology template format: pydantic models for one ``methodology_templates/*.toml`` file.

A template is data describing one version of one JCM approved methodology: identity, terms,
summary, eligibility criteria, emission sources (PDD C.1), parameters (monitored, fixed ex
ante, methodology defaults, calculated by an equation), band tables, the rounding rule and
worked examples. ``methodology_templates/FORMAT.md`` is the human spec and
``methodology_templates/schema.json`` is generated from :class:`TemplateFile` here.

Numbers are kept exact: the loader reads TOML floats as ``Decimal`` (``parse_float``), and
strings such as ``"0.797"`` are accepted too; both become ``Decimal`` here and ``Fraction``
in the engine. Static checks that need more than one field (symbols, units, cycles) live in
``jcm_pdd.methodology.lint``.

Annotations are not postponed here (why: ``jcm_pdd/model/base.py``).
"""

import datetime as dt
import re
from decimal import Decimal
from typing import Annotated, Literal, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationInfo,
    field_validator,
    model_validator,
)

from jcm_pdd.digits import other_digits
from jcm_pdd.methodology.public_text import (
    PLACEHOLDER,
    check_public,
    is_packaged,
    public_field,
)

FORMAT_VERSION: Literal[1] = 1

KEY_PATTERN = r"^[A-Za-z][A-Za-z0-9_]*$"
_KEY = re.compile(KEY_PATTERN)

Key = Annotated[str, Field(pattern=KEY_PATTERN, max_length=64)]
ProvenanceStatus = Literal["verified", "draft", "unverified"]
# How far a methodology as a whole (its equations, eligibility criteria and numbering) was read
# from the approved document: the provenance statuses plus "reconstructed" (written from
# related methodologies or background knowledge, not read from any source).
MethodologyStatus = Literal["verified", "draft", "unverified", "reconstructed"]
Sector = Literal[
    "renewable_energy",
    "energy_efficiency",
    "effective_use_of_energy",
    "waste",
    "f_gas",
    "transport",
    "redd_plus",
]
SourceTag = Literal["SRC", "SRC-DRAFT", "MEM-H", "MEM-L", "INFERENCE", "ILLUSTRATIVE"]
Role = Literal["monitored", "fixed_ex_ante", "default", "calculated"]
MonitoringOption = Literal["A", "B", "C"]
RoundingMode = Literal["floor", "ceil", "half_up"]
Number = Decimal | int | str  # TOML number (read as Decimal) or a decimal string
# Text that reaches users and exports: no research notes, no file references (public_text.py).
PublicText = Annotated[str, AfterValidator(public_field)]
MAX_EXPONENT = 30  # no JCM quantity needs more; keeps exact arithmetic bounded
MAX_DIGITS = 60  # significant digits of one value: a measured value has a dozen at most

# How the research notes' provenance tags map to a status (FORMAT.md, "Provenance").
TAG_STATUS: dict[str, ProvenanceStatus] = {
    "SRC": "verified",
    "SRC-DRAFT": "draft",
    "MEM-H": "unverified",
    "MEM-L": "unverified",
    "INFERENCE": "unverified",
    "ILLUSTRATIVE": "unverified",
}


_STATUS_RANK: dict[ProvenanceStatus, int] = {"verified": 0, "draft": 1, "unverified": 2}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)


def to_decimal(value: Number) -> Decimal:
    """A template number as an exact Decimal (ints and decimal strings; no floats)."""
    if isinstance(value, bool):
        raise ValueError("expected a number, got true/false")
    if isinstance(value, Decimal | int):
        result = Decimal(value)
    elif isinstance(value, str):
        text = value.strip().replace(",", "").replace("_", "")
        refused = other_digits(text, value)  # Decimal reads Arabic-Indic... digits as 0-9
        if refused is not None:
            raise ValueError(refused)
        try:
            result = Decimal(text)
        except Exception as exc:  # decimal.InvalidOperation
            raise ValueError(f"'{value}' is not a number") from exc
    else:
        raise ValueError(f"expected a number, got {type(value).__name__}")
    if not result.is_finite():
        raise ValueError(f"'{value}' is not a finite number")
    if result and abs(result.adjusted()) > MAX_EXPONENT:
        raise ValueError(
            f"'{str(value)[:40]}' is out of range (magnitude 1e±{MAX_EXPONENT} at most)"
        )
    if len(result.as_tuple().digits) > MAX_DIGITS:
        raise ValueError(f"'{str(value)[:20]}...' has more than {MAX_DIGITS} significant digits")
    return result


class Provenance(_Strict):
    """Where a value (or the identity) comes from, and how far it has been checked."""

    status: ProvenanceStatus
    citation: PublicText = Field(
        min_length=3,
        description="Public citation shown to users and in exports: the document (and its "
        "version), section, table or equation number. No research notes or file references",
    )
    url: str = ""
    tag: SourceTag | None = Field(
        default=None,
        description="Internal: tag used in the research notes; must agree with status",
    )
    note: str = Field(
        default="",
        description="Internal provenance notes (the research trail): shown by 'templates show' "
        "and PROVENANCE.md only, never in the app's document views or in exports",
    )
    applies: ProvenanceStatus | None = Field(
        default=None,
        description="Whether the source is shown to apply to THIS methodology (request R3), "
        "when that differs from the status of the value itself: e.g. a value read in an annex "
        "[SRC] that does not name its methodology has status verified, applies unverified",
    )

    @property
    def effective_status(self) -> ProvenanceStatus:
        """The status a user is told: the weaker of the value's and its applicability's."""
        if self.applies is None:
            return self.status
        return max(self.status, self.applies, key=_STATUS_RANK.__getitem__)

    @model_validator(mode="after")
    def _tag_agrees(self) -> Self:
        if self.tag is not None and TAG_STATUS[self.tag] != self.status:
            raise ValueError(
                f"tag [{self.tag}] means status '{TAG_STATUS[self.tag]}', not '{self.status}'"
            )
        return self


IDENTITY_FIELDS = (
    "id",
    "version",
    "host_country",
    "title",
    "sectoral_scope",
    "sectoral_scope_name",
    "approval_date",
    "status",
    "proponent",
    "proposed_id",
)


class Identity(_Strict):
    id: str = Field(pattern=r"^JCM_[A-Z]{2}_(AM|PM)[0-9]{3}$", description="e.g. JCM_MN_AM003")
    version: str = Field(pattern=r"^[0-9]{2}\.[0-9]$", description="e.g. 02.0")
    host_country: str = Field(pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2, e.g. MN")
    title: PublicText = Field(min_length=3)
    sectoral_scope: int = Field(ge=1, le=15)
    sectoral_scope_name: PublicText = ""
    approval_date: dt.date | None = None
    status: Literal["valid", "superseded"] = "valid"
    proponent: str = ""
    proposed_id: str = ""
    sector: Sector | None = Field(
        default=None, description="JCM technology sector, e.g. renewable_energy, waste, transport"
    )
    technology: str = Field(default="", description="Technology in a few words, e.g. 'wind'")
    methodology_status: MethodologyStatus | None = Field(
        default=None,
        description="How far the methodology as a whole (equations, eligibility criteria, "
        "numbering) was read from the approved document; may not claim more than the "
        "provenance of those parts (methodology/status.py). Omitted: derived from them",
    )
    provenance: Provenance
    field_provenance: dict[str, Provenance] = Field(
        default_factory=dict,
        description="Provenance of single fields (e.g. version, approval_date) where it differs "
        "from the identity's provenance (request R7)",
    )

    @model_validator(mode="after")
    def _country_in_id(self) -> Self:
        if self.id[4:6] != self.host_country:
            raise ValueError(f"host_country {self.host_country} does not match id {self.id}")
        unknown = sorted(set(self.field_provenance) - set(IDENTITY_FIELDS))
        if unknown:
            raise ValueError(
                f"field_provenance names '{unknown[0]}', which is not an identity field "
                f"({', '.join(IDENTITY_FIELDS)})"
            )
        return self

    def provenance_of(self, name: str) -> Provenance:
        """The provenance of one identity field (its own, else the identity's)."""
        return self.field_provenance.get(name, self.provenance)

    @property
    def full_id(self) -> str:
        """``JCM_MN_AM003_ver02.0``: the methodology code as printed on sheets."""
        return f"{self.id}_ver{self.version}"


class Term(_Strict):
    term: PublicText
    definition: PublicText
    provenance: Provenance | None = None


class Summary(_Strict):
    """Section C of the methodology (four items, as on the jcm.go.jp page)."""

    measures: PublicText
    reference_emissions: PublicText
    project_emissions: PublicText
    monitoring_parameters: PublicText
    provenance: Provenance


class Criterion(_Strict):
    """One eligibility criterion (PDD B.2). ``incomplete = true`` marks a text the sources give
    only in part: it ends with the placeholder, and a project still carrying it cannot be
    exported as final (the user replaces it with the approved methodology's wording)."""

    number: int = Field(ge=1)
    text: str = Field(min_length=3)
    incomplete: bool = Field(
        default=False,
        description="The text is known to be incomplete; it ends with the placeholder '[…]' "
        "and blocks a final export until the project replaces it",
    )
    check: str | None = Field(
        default=None, description="Optional boolean expression, e.g. all(i, COP_PJ[i] >= 6)"
    )
    check_description: PublicText = ""
    provenance: Provenance

    @model_validator(mode="after")
    def _placeholder(self, info: ValidationInfo) -> Self:
        if is_packaged(info):
            return self
        body = self.text.removesuffix(PLACEHOLDER) if self.incomplete else self.text
        check_public(body)
        if self.incomplete and not self.text.endswith(PLACEHOLDER):
            raise ValueError(f"an incomplete criterion's text ends with '{PLACEHOLDER}'")
        return self


class EmissionSource(_Strict):
    source: PublicText
    ghg: PublicText = Field(description="e.g. CO2, CH4, N/A")


class EmissionSources(_Strict):
    reference: list[EmissionSource] = Field(min_length=1)
    project: list[EmissionSource] = Field(min_length=1)
    provenance: Provenance


class IndexSet(_Strict):
    label: PublicText = Field(description="What one member is, e.g. 'PV system'")
    default_member: str = Field(default="1", description="Id of the member a new project gets")
    optional: bool = Field(
        default=False, description="May be empty (sums over it are then 0), e.g. optional fuels"
    )


class Choice(_Strict):
    """One named case of a default, e.g. the grid or the captive-diesel emission factor.

    Either the template gives the case's ``value``, or (``entered = true``, no value) the
    project enters it: a case whose value the sources do not give (request R1). Selecting such
    a case requires a value and its source per member; the trace says "entered (case NAME)".
    The provenance of an entered case describes its rule only."""

    name: Key
    label: PublicText
    value: Number | None = None
    entered: bool = Field(
        default=False, description="The project enters this case's value (with its source)"
    )
    rule: PublicText = Field(
        default="", description="When this choice applies (methodology wording)"
    )
    provenance: Provenance

    @field_validator("value", mode="before")
    @classmethod
    def _exact(cls, value: Number | None) -> Decimal | None:
        return None if value is None else to_decimal(value)

    @model_validator(mode="after")
    def _value_or_entered(self) -> Self:
        if self.entered and self.value is not None:
            raise ValueError(f"choice '{self.name}': entered = true takes no value")
        if not self.entered and self.value is None:
            raise ValueError(
                f"choice '{self.name}' needs a value (or entered = true if the project enters it)"
            )
        return self


class Bounds(_Strict):
    min: Number | None = None
    max: Number | None = None
    min_exclusive: bool = False
    max_exclusive: bool = False

    @field_validator("min", "max", mode="before")
    @classmethod
    def _exact(cls, value: Number | None) -> Decimal | None:
        return None if value is None else to_decimal(value)


class Parameter(_Strict):
    symbol: PublicText = Field(min_length=1, description="As printed, e.g. EC_PJ,i,p")
    description: PublicText = Field(min_length=3)
    unit: str = Field(description="Unit as printed in column (e) Units, e.g. MWh/p")
    role: Role
    index: list[Key] = Field(default_factory=list, description='Index sets, e.g. ["i"]')
    options: list[MonitoringOption] = Field(default_factory=list)
    default_option: MonitoringOption | None = None
    source_of_data: PublicText = ""
    measurement_methods: PublicText = ""
    frequency: PublicText = ""
    # role = "default": a single value ...
    value: Number | None = None
    provenance: Provenance | None = None
    # ... or named choices selected per index member
    choices: list[Choice] = Field(default_factory=list)
    default_choice: Key | None = None
    allow_override: bool = True
    # role = "calculated"
    equation: str | None = None
    equation_ref: PublicText = Field(
        default="",
        description="Public: where the equation is in the methodology, e.g. 'eq. (1)' or "
        "'section F.2, eq. (1)'; leave empty when the methodology was not read",
    )
    equation_note: str = Field(
        default="", description="Internal note on where the equation comes from (never shown)"
    )
    bounds: Bounds = Field(default_factory=lambda: Bounds(min=Decimal(0)))
    # role = "monitored": recorded for the monitoring plan, read by no equation (request R2)
    record_only: bool = Field(
        default=False,
        description="Monitored for the monitoring plan (MPS table 1) but used by no equation; "
        "needs a provenance saying where the item comes from",
    )

    @field_validator("value", mode="before")
    @classmethod
    def _exact(cls, value: Number | None) -> Decimal | None:
        return None if value is None else to_decimal(value)

    @model_validator(mode="after")
    def _role_fields(self) -> Self:
        role = self.role
        if role == "calculated":
            if not self.equation:
                raise ValueError("a calculated parameter needs an equation")
        elif self.equation is not None:
            raise ValueError(f"only calculated parameters have an equation (role is {role})")
        if role == "default":
            if (self.value is None) == (not self.choices):
                raise ValueError("a default needs either value (+ provenance) or choices")
            if self.value is not None and self.provenance is None:
                raise ValueError("a default value needs its provenance")
            names = [c.name for c in self.choices]
            if len(set(names)) != len(names):
                raise ValueError("choice names must be unique")
            if self.default_choice is not None and self.default_choice not in names:
                raise ValueError(f"default_choice '{self.default_choice}' is not a choice")
        elif self.value is not None or self.choices:
            raise ValueError(f"only defaults carry value/choices (role is {role})")
        if role == "monitored":
            if not self.options:
                raise ValueError("a monitored parameter lists its monitoring options")
        if self.record_only:
            if role != "monitored":
                raise ValueError(f"only monitored parameters can be record_only (role is {role})")
            if self.provenance is None:
                raise ValueError("a record_only parameter needs a provenance (where it is from)")
        if self.default_option is not None and self.default_option not in self.options:
            raise ValueError(f"default_option {self.default_option} is not in options")
        return self

    @property
    def is_input(self) -> bool:
        return self.role != "calculated"


class Band(_Strict):
    """One row of a band table: lower <= x < upper (open ends when omitted)."""

    lower: Number | None = None
    upper: Number | None = None
    value: Number
    label: PublicText = ""

    @field_validator("lower", "upper", "value", mode="before")
    @classmethod
    def _exact(cls, value: Number | None) -> Decimal | None:
        return None if value is None else to_decimal(value)


class BandTable(_Strict):
    """A lookup by band, e.g. a threshold COP by cooling-capacity band: ``band(NAME, x)``."""

    description: PublicText
    key_unit: str
    unit: str
    bands: list[Band] = Field(min_length=1)
    provenance: Provenance

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        previous: Decimal | None = None
        for number, band in enumerate(self.bands, 1):
            lower, upper = band.lower, band.upper
            if lower is not None and upper is not None and Decimal(lower) >= Decimal(upper):
                raise ValueError(f"band {number}: lower must be below upper")
            if number > 1 and (lower is None or previous is None or Decimal(lower) != previous):
                raise ValueError(f"band {number}: lower must equal the previous band's upper")
            previous = None if upper is None else Decimal(upper)
        return self


class Rounding(_Strict):
    """How figures are rounded to whole tCO2e; intermediates are never rounded."""

    emission_reductions: RoundingMode = "floor"
    reference_emissions: RoundingMode = Field(default="half_up", description="display only")
    project_emissions: RoundingMode = Field(default="half_up", description="display only")
    basis: PublicText = Field(default="JCM convention: credited ER_p rounded down to whole tCO2e")
    provenance: Provenance | None = None


InputEntry = Number | dict[str, Number | str]
InputValue = InputEntry | list[dict[str, Number | str]]


class Example(_Strict):
    """A worked example: inputs by parameter key, and the exact expected outputs."""

    name: str
    description: str = ""
    members: dict[str, list[str]] = Field(default_factory=dict)
    inputs: dict[str, InputValue] = Field(default_factory=dict)
    expected: dict[str, Number] = Field(
        description="RE, PE, ER (unrounded, exact) and ER_rounded; any calculated key"
    )
    tolerance: Number = Decimal(0)
    provenance: Provenance | None = None

    @field_validator("expected", mode="before")
    @classmethod
    def _exact(cls, value: object) -> dict[str, Decimal]:
        if not isinstance(value, dict):
            raise ValueError('expected a table such as { RE = "1", ER_rounded = "1" }')
        return {str(k): to_decimal(v) for k, v in value.items()}

    @field_validator("tolerance", mode="before")
    @classmethod
    def _exact_tolerance(cls, value: Number) -> Decimal:
        return to_decimal(value)


class HistoryRow(_Strict):
    """One row of the methodology's document history (Version | Date | Contents revised)."""

    version: str
    date: dt.date | str = ""
    contents: PublicText = ""


class TemplateFile(_Strict):
    """One methodology template file (``methodology_templates/<id>_ver<NN.N>.toml``)."""

    format_version: Literal[1] = FORMAT_VERSION
    identity: Identity
    terms: list[Term] = Field(default_factory=list)
    summary: Summary
    eligibility: list[Criterion] = Field(min_length=1)
    emission_sources: EmissionSources
    index_sets: dict[Key, IndexSet] = Field(default_factory=dict)
    parameters: dict[Key, Parameter]
    equations_provenance: Provenance | None = Field(
        default=None,
        description="Where the equations as a whole (structure, symbols, layout) come from",
    )
    tables: dict[Key, BandTable] = Field(default_factory=dict)
    rounding: Rounding = Field(default_factory=Rounding)
    examples: list[Example] = Field(default_factory=list)
    history: list[HistoryRow] = Field(default_factory=list)

    @model_validator(mode="after")
    def _outputs(self) -> Self:
        for key in ("RE", "PE", "ER"):
            param = self.parameters.get(key)
            if param is None or param.role != "calculated":
                raise ValueError(f"parameters.{key} must exist with role = 'calculated'")
        numbers = [c.number for c in self.eligibility]
        if numbers != list(range(1, len(numbers) + 1)):
            raise ValueError("eligibility criteria must be numbered 1, 2, 3 ... in order")
        return self


class Template(TemplateFile):
    """A loaded template: the file contents plus where it came from (not serialised)."""

    _path: str = PrivateAttr(default="")
    _sha256: str = PrivateAttr(default="")
    _compiled: object = PrivateAttr(default=None)

    @property
    def path(self) -> str:
        return self._path

    @property
    def sha256(self) -> str:
        """Hash of the template file's bytes (recorded in a project's manifest)."""
        return self._sha256

    @property
    def id(self) -> str:
        return self.identity.id

    @property
    def version(self) -> str:
        return self.identity.version

    @property
    def equations(self) -> dict[str, Parameter]:
        return {k: p for k, p in self.parameters.items() if p.role == "calculated"}

    @property
    def inputs(self) -> dict[str, Parameter]:
        return {k: p for k, p in self.parameters.items() if p.role != "calculated"}

    @property
    def record_only(self) -> dict[str, Parameter]:
        """Monitored parameters recorded for the monitoring plan that no equation uses."""
        return {k: p for k, p in self.parameters.items() if p.record_only}

    @property
    def eligibility_criteria(self) -> list[Criterion]:
        return self.eligibility

    @property
    def sources(self) -> EmissionSources:
        return self.emission_sources

    def provenance_items(self) -> list[tuple[str, Provenance]]:
        """Every provenance in the template with a label saying what it covers, e.g.
        ``("EF_RE = 0.797 (national_grid)", Provenance(...))``: marks for the GUI and exports."""
        items: list[tuple[str, Provenance]] = [
            ("identity", self.identity.provenance),
            *((f"identity: {name}", p) for name, p in self.identity.field_provenance.items()),
            ("summary", self.summary.provenance),
            ("emission sources", self.emission_sources.provenance),
        ]
        items += [(f"eligibility criterion {c.number}", c.provenance) for c in self.eligibility]
        if self.equations_provenance is not None:
            items.append(("equations", self.equations_provenance))
        for key, param in self.parameters.items():
            if param.record_only and param.provenance is not None:
                items.append((f"{key} (recorded, used by no equation)", param.provenance))
            elif param.provenance is not None:
                items.append((f"{key} = {param.value}", param.provenance))
            items += [
                (
                    f"{key}: case {c.name}, value entered by the project"
                    if c.entered
                    else f"{key} = {c.value} ({c.name})",
                    c.provenance,
                )
                for c in param.choices
            ]
        items += [(f"table {name}", t.provenance) for name, t in self.tables.items()]
        if self.rounding.provenance is not None:
            items.append(("rounding rule", self.rounding.provenance))
        return items

    def default_statuses(self) -> set[ProvenanceStatus]:
        """Statuses of every default value and table in the template (the weaker of value and
        applicability; entered cases carry no value, so their rule's status is not counted)."""
        found: set[ProvenanceStatus] = set()
        for param in self.parameters.values():
            if param.provenance is not None and param.role == "default":
                found.add(param.provenance.effective_status)
            found.update(c.provenance.effective_status for c in param.choices if not c.entered)
        found.update(t.provenance.effective_status for t in self.tables.values())
        return found


def json_schema() -> dict[str, object]:
    """The JSON Schema of the template format (written to methodology_templates/schema.json)."""
    schema = TemplateFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "JCM PDD Studio methodology template"
    return schema
