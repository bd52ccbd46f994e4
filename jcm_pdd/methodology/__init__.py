"""JCM methodology templates (data) and the exact, traceable calculation engine (no Qt).

Public API — import from ``jcm_pdd.methodology``::

    load_registry(extra_dirs=()) -> Registry
        Shipped templates, the user's folder (paths.user_templates_dir()), then extra folders.
        Broken files do not stop the rest: see Registry.errors (list[Problem]).
    Registry.get(id, version=None) -> Template     latest *valid* version when version is None;
                                                   "MN_AM003"/"JCM_MN_AM003", "2.0"/"ver02.0" ok
    Registry.all() -> list[Template];  Registry.for_country("MN") -> list[Template]
    load_template(path) -> Template                one file (raises TemplateError)
    parse_template(text, path="<template>") -> Template

    Template (pydantic, see schema.py): .identity (id, version, host_country, title, status,
        provenance ...), .terms, .summary, .eligibility (list[Criterion]: number, text, check),
        .emission_sources (.reference / .project: source, ghg), .index_sets, .parameters
        (dict key -> Parameter: symbol, description, unit, role, index, options,
        default_option, value / choices + provenance, equation), .equations, .inputs,
        .tables, .rounding, .examples, .path, .sha256, .default_statuses(), .record_only
        (monitored parameters no equation uses), .equations_provenance, .provenance_items()
    Provenance: status, citation, url, tag, note, applies (applicability to this methodology
        when it differs from the value's status); .effective_status = the weaker of the two:
        what users, checks and exports are told. Identity.field_provenance / .provenance_of(f)
    Choice: name, label, value | entered = True (the project enters the value + its source)

    calculate(template, inputs, trace=True) -> PeriodResult
        .re .pe .er (Fraction, unrounded), .er_rounded (rounded by the template's rule; JCM:
        floor), .re_rounded/.pe_rounded (display), .values (every parameter; indexed ones as
        {index tuple: Fraction}), .sources[(key, index)] -> Source(origin "entered" | "default"
        | "overridden", status "verified" | "draft" | "unverified", choice, citation, reason,
        where = model path of the project row; .label: "entered (case grid)" for a case whose
        value the project enters, with its source text in .citation), .recorded (record-only
        monitored values: list[TraceInput]), .missing (optional inputs left empty and what
        could not be evaluated without them), .trace (list[TraceStep]: key, symbol, index,
        equation, equation_ref, unit, value, inputs: list[TraceInput]; .substituted() lists
        the inputs, .substituted_equation() writes values into the equation),
        .has_unverified_defaults, .has_draft_defaults, .has_overrides, .value(key, i="PV-1")
    check_eligibility(template, inputs) -> {criterion number: True | False | None}
        None: no machine check, or an input that only the checks read is missing (R6)
    eligibility_outcomes(template, inputs, result=None) -> {number: Eligibility(number,
        status "met" | "not met" | "unknown" | "no check", missing: tuple of keys)}
        Inputs read only by eligibility checks are optional for the calculation: left empty,
        calculate() proceeds, PeriodResult.missing names them and their checks are "unknown".

    inputs_from_project(project, template) -> Inputs     (Monitoring Plan rows of a Project)
    inputs_from_mapping(template, {key: value | [{i=..., value|choice|override=...}]}) -> Inputs

    estimate_project(project, registry_or_template) -> ExAnteEstimate          (PDD C.3)
        .years: list[YearEstimate(year, days, days_in_year, re, pe, er (Fractions))],
        .total_re/.total_pe/.total_er (unrounded), .annual (PeriodResult with trace),
        .c3 -> C3Table: what PDD C.3 shows (rows and totals in whole tCO2e, ER per full
        year, the rounding note) -- the one rule every consumer reads (see ``c3``),
        .has_unverified_defaults, .has_draft_defaults
    estimate(template, inputs, start, end) -> ExAnteEstimate

    new_project_from_template(template, country=None) -> Project   (B.1, B.2, C.1, MPS, MSS)
    run_examples(template, source_text=None) -> list[Problem]      (worked examples)
    check_file(path) -> (Template | None, list[Problem])           (all of ``templates check``)
    format_fraction(value, places=10, grouping=False) -> str       (exact decimal display)
    provenance_report.markdown(templates) -> str     (PROVENANCE.md; ``templates provenance``)
    provenance_report.shipped_templates() -> list[Template]   (every shipped file, all versions)
    period_to_dict(result, trace=True), estimate_to_dict(estimate, trace=True) -> dict
        JSON-ready views (numbers as {"value": "135.6975", "exact": "54279/400"})

Errors (all ``jcm_pdd.errors.UserError``): TemplateError (.problems: list[Problem] with file,
line, symbol, message, code), InputError (.key = parameter key or model path, .index),
CalculationError (division by zero, value outside every band).
"""

from jcm_pdd.methodology.c3 import C3Row, C3Table, C3Totals, c3_table
from jcm_pdd.methodology.engine import (
    Eligibility,
    PeriodResult,
    Source,
    TraceInput,
    TraceStep,
    calculate,
    check_eligibility,
    eligibility_outcomes,
    round_value,
)
from jcm_pdd.methodology.errors import CalculationError, InputError, Problem, TemplateError
from jcm_pdd.methodology.estimate import ExAnteEstimate, YearEstimate, estimate, estimate_project
from jcm_pdd.methodology.examples import check_file, run_examples
from jcm_pdd.methodology.fmt import format_fraction
from jcm_pdd.methodology.inputs import Inputs, inputs_from_mapping, inputs_from_project
from jcm_pdd.methodology.loader import load_file as load_template
from jcm_pdd.methodology.loader import parse_text as parse_template
from jcm_pdd.methodology.prefill import new_project_from_template
from jcm_pdd.methodology.registry import Registry, load_registry
from jcm_pdd.methodology.schema import Parameter, Template
from jcm_pdd.methodology.serialize import estimate_to_dict, period_to_dict

__all__ = [
    "CalculationError",
    "Eligibility",
    "C3Row",
    "C3Table",
    "C3Totals",
    "ExAnteEstimate",
    "InputError",
    "Inputs",
    "Parameter",
    "PeriodResult",
    "Problem",
    "Registry",
    "Source",
    "Template",
    "TemplateError",
    "TraceInput",
    "TraceStep",
    "YearEstimate",
    "c3_table",
    "calculate",
    "check_file",
    "check_eligibility",
    "eligibility_outcomes",
    "estimate",
    "estimate_project",
    "estimate_to_dict",
    "format_fraction",
    "inputs_from_mapping",
    "inputs_from_project",
    "load_registry",
    "load_template",
    "new_project_from_template",
    "parse_template",
    "period_to_dict",
    "round_value",
    "run_examples",
]
