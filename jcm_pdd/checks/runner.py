"""``run_checks``: every rule over one project, de-duplicated, placed in the navigator, sorted.

Engine-independent rules always run. Rules that need the methodology run when a template is
given, or (``resolve=True``, the default) when the B.1 methodology can be found in the
template registry; the ex-ante estimate and the eligibility checks are then computed too,
unless the caller passes them (the GUI passes what its calculation panel already has).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from jcm_pdd.checks import calc_rules, consistency, dates, geo, monitoring, required, template_rules
from jcm_pdd.checks.context import CheckContext
from jcm_pdd.checks.diagnostic import Diagnostic, Severity, make
from jcm_pdd.errors import UserError
from jcm_pdd.forms import CountryTable, FormDefinition, FormRegistry, load_forms
from jcm_pdd.forms.schema import provenance_words
from jcm_pdd.model import Project
from jcm_pdd.model.paths import to_pattern

Rule = Callable[[CheckContext], Iterable[Diagnostic]]

RULES: tuple[Rule, ...] = (
    required.required_fields,
    dates.lifetime_and_period,
    dates.revisions,
    dates.moc_date,
    geo.site_ids,
    geo.sites,
    monitoring.monitored_rows,
    monitoring.override_reasons,
    monitoring.units_and_points,
    monitoring.periods,
    consistency.eligibility_explanations,
    consistency.methodology_host_country,
    consistency.moc_conditional_answers,
    consistency.moc_participants,
    consistency.confidential_paths,
    consistency.attachment_references,
    template_rules.identity,
    template_rules.methodology_status,
    template_rules.eligibility,
    template_rules.placeholders,
    template_rules.monitoring_rows,
    template_rules.default_values,
    calc_rules.c3_totals,
)


def _forms(
    project: Project, forms: FormRegistry | Sequence[FormDefinition] | None
) -> tuple[list[FormDefinition], FormRegistry | None, list[Diagnostic]]:
    if forms is not None and not isinstance(forms, FormRegistry):
        return list(forms), None, []
    try:
        registry = forms if forms is not None else load_forms()
        resolutions = registry.resolve_for_project(project)
    except UserError as exc:  # a broken forms/ folder: the other rules still run
        return (
            [],
            None,
            [
                make(
                    "forms.unavailable",
                    "rule_set.partner_country",
                    reason=exc.message,
                )
            ],
        )
    notes: list[Diagnostic] = []
    for resolution in resolutions:
        code = resolution.definition.code
        if resolution.country_fallback and resolution.definition.form_type == "PDD":
            notes.append(
                make(
                    "forms.fallback",
                    "rule_set.partner_country",
                    country=resolution.requested_country,
                    used=resolution.definition.country,
                    form=code,
                )
            )
        official = resolution.definition.form_type in ("PDD", "MoC")  # MPS/MSS: our layout
        if official and resolution.definition.status != "verified":
            field = (
                "pdd_form_version"
                if resolution.definition.form_type == "PDD"
                else ("moc_form_version")
            )
            notes.append(
                make(
                    "forms.unconfirmed",
                    f"rule_set.{field}",
                    form=code,
                    status=provenance_words(resolution.definition.status),
                )
            )
        if resolution.version_fallback:
            field = (
                "pdd_form_version"
                if resolution.definition.form_type == "PDD"
                else "moc_form_version"
            )
            notes.append(
                make(
                    "forms.version",
                    f"rule_set.{field}",
                    requested=resolution.requested_version or "",
                    used=resolution.definition.version,
                    form_type=resolution.definition.form_type,
                    form=code,
                )
            )
    return [r.definition for r in resolutions], registry, notes


def _countries() -> CountryTable:
    """The country table even when a form definition is broken (it is a separate file)."""
    try:
        return load_forms().countries
    except UserError:
        return CountryTable(countries=[])


def _template(project: Project) -> tuple[Any | None, list[Diagnostic]]:
    selection = project.pdd.methodology
    if not selection.methodology_id.strip():
        return None, []
    from jcm_pdd.methodology import load_registry

    try:
        return load_registry().get(selection.methodology_id, selection.version or None), []
    except UserError as exc:
        return None, [
            make(
                "methodology.template-missing",
                "pdd.methodology.methodology_id",
                methodology=selection.methodology_id,
                reason=exc.message,
            )
        ]


def _engine(
    project: Project, template: Any, estimate: Any, eligibility: Any
) -> tuple[Any, Any, str, str]:
    """Compute the estimate and eligibility checks the caller did not pass; on an input problem
    return the reason the calculation is not possible yet and the field it is about."""
    from jcm_pdd.methodology import check_eligibility, estimate_project, inputs_from_project
    from jcm_pdd.methodology.where import field_of_input

    problem = where = ""
    if estimate is None:
        try:
            estimate = estimate_project(project, template)
        except UserError as exc:
            problem = exc.message
            where = field_of_input(project, getattr(exc, "key", ""), getattr(exc, "index", None))
    if eligibility is None and any(c.check for c in template.eligibility):
        try:
            eligibility = check_eligibility(template, inputs_from_project(project, template))
        except UserError as exc:
            problem = problem or exc.message
    return estimate, eligibility, problem, where


def _deduplicate(found: list[Diagnostic]) -> Iterator[Diagnostic]:
    specific = {d.location for d in found if not d.code.startswith("required.")}
    seen: set[tuple[str, str]] = set()
    for diagnostic in found:
        key = (diagnostic.code, diagnostic.location)
        if key in seen:
            continue  # the same field on two forms (e.g. the title in the PDD and the MoC)
        if diagnostic.code.startswith("required.") and diagnostic.location in specific:
            continue  # a specific rule says it better (e.g. "needs a source of data")
        seen.add(key)
        yield diagnostic


def _place(diagnostics: Iterable[Diagnostic], forms: list[FormDefinition]) -> list[Diagnostic]:
    placed: list[Diagnostic] = []
    # a field's place, looked up once per path pattern: a project with 300 units and 120
    # periods has thousands of diagnostics on a few patterns (measured: 2.5 s -> 0.1 s)
    places: dict[str, tuple[str, str] | None] = {}
    for diagnostic in diagnostics:
        if not diagnostic.section:
            pattern = to_pattern(diagnostic.location)
            if pattern not in places:
                places[pattern] = next(
                    (
                        (definition.form_type, section.id)
                        for definition in forms
                        if (section := definition.section_of_path(pattern)) is not None
                    ),
                    None,
                )
            place = places[pattern]
            if place is not None:
                diagnostic = diagnostic.with_place(*place)
        placed.append(diagnostic)
    order: dict[tuple[str, str], int] = {}
    for definition in forms:
        for section in definition.sections:
            order.setdefault((definition.form_type, section.id), len(order))

    def key(d: Diagnostic) -> tuple[int, int]:
        return (d.severity.rank, order.get((d.form_type, d.section), len(order)))

    return sorted(placed, key=key)  # stable: rule order within a section


def run_checks(
    project: Project,
    forms: FormRegistry | Sequence[FormDefinition] | None = None,
    template: Any | None = None,
    estimate: Any | None = None,
    *,
    eligibility: dict[int, bool | None] | None = None,
    today: dt.date | None = None,
    resolve: bool = True,
) -> list[Diagnostic]:
    """All diagnostics of ``project``: errors first, then warnings, then infos, each group in
    the order of the forms. ``forms`` defaults to the shipped registry's forms for the
    project's partner country; ``template``/``estimate``/``eligibility`` are looked up and
    computed when ``resolve`` is true and they are not given."""
    definitions, registry, notes = _forms(project, forms)
    problem = where = ""
    if resolve and template is None:
        template, missing = _template(project)
        notes += missing
    if resolve and template is not None:
        estimate, eligibility, problem, where = _engine(project, template, estimate, eligibility)
    context = CheckContext(
        project=project,
        forms=definitions,
        countries=registry.countries if registry is not None else _countries(),
        today=today or dt.date.today(),
        template=template,
        estimate=estimate,
        eligibility_results=eligibility,
    )
    found = [d for rule in RULES for d in rule(context)] + notes
    if problem and not any(d.severity is Severity.ERROR for d in found):
        # the last thing between the project and its figures: an error (a final export and a
        # package need the figures), at the field to fill where the engine names one
        found.append(make("calc.error", where or "pdd.estimation.end_year", reason=problem))
    return _place(_deduplicate(found), definitions)
