"""Consistency rules across the submission that need no methodology template: eligibility
explanations, the methodology's country, MoC participants against A.4, confidentiality flags
and attachment references.
"""

from __future__ import annotations

from collections.abc import Iterator

from jcm_pdd.checks.context import CheckContext, methodology_country
from jcm_pdd.checks.diagnostic import Diagnostic, make
from jcm_pdd.model.marks import index_path
from jcm_pdd.model.paths import PathError, get_value


def eligibility_explanations(context: CheckContext) -> Iterator[Diagnostic]:
    for number, entry in enumerate(context.project.pdd.eligibility):
        if not entry.project_information.strip():
            yield make(
                "eligibility.explanation",
                f"pdd.eligibility.{number}.project_information",
                criterion=entry.number or number + 1,
            )


def methodology_host_country(context: CheckContext) -> Iterator[Diagnostic]:
    partner = context.project.rule_set.partner_country
    methodology_id = context.project.pdd.methodology.methodology_id
    host = methodology_country(methodology_id)
    if partner and host and host != partner:
        yield make(
            "methodology.host-country",
            "pdd.methodology.methodology_id",
            methodology=methodology_id,
            host=host,
            partner=partner,
        )


def _norm(name: str) -> str:
    return " ".join(name.casefold().replace(",", " ").replace(".", " ").split())


def moc_conditional_answers(context: CheckContext) -> Iterator[Diagnostic]:
    """Section 2 answers that only apply after another answer (kept out of the form's
    ``required`` flags so that completeness marks need no condition logic)."""
    moc = context.project.moc
    if moc.focal_point_changing_name and not moc.focal_point.former_name.strip():
        yield make(
            "moc.former-name",
            "moc.focal_point.former_name",
        )
    if moc.focal_point_is_participant and moc.same_signatories_as_participant is None:
        yield make(
            "moc.same-signatories",
            "moc.same_signatories_as_participant",
        )


def moc_participants(context: CheckContext) -> Iterator[Diagnostic]:
    project = context.project
    moc = project.moc
    focal = moc.focal_point
    if focal.name.strip() and not focal.alternate_signatory.name.strip():
        yield make(
            "moc.alternate-signatory",
            "moc.focal_point.alternate_signatory.name",
        )
    in_moc = {_norm(e.name) for e in moc.other_participants if e.name.strip()}
    if focal.name.strip() and moc.focal_point_is_participant is not False:
        in_moc.add(_norm(focal.name))
    in_pdd = {_norm(p.name): p.name for p in project.pdd.participants if p.name.strip()}
    if not in_moc:
        return  # an MoC not yet started: the required-field rule speaks for it
    for number, participant in enumerate(project.pdd.participants):
        if participant.name.strip() and _norm(participant.name) not in in_moc:
            yield make(
                "moc.participant-missing",
                f"pdd.participants.{number}.name",
                name=participant.name,
            )
    for number, entity in enumerate(moc.other_participants):
        if entity.name.strip() and _norm(entity.name) not in in_pdd:
            yield make(
                "moc.participant-extra",
                f"moc.other_participants.{number}.name",
                name=entity.name,
            )


def confidential_paths(context: CheckContext) -> Iterator[Diagnostic]:
    """A mark whose row or field is gone: an error, because a public export is refused then."""
    project = context.project
    for number, mark in enumerate(project.confidential):
        found = index_path(project, mark)
        if found is not None and "*" not in found:
            try:
                get_value(project, found)
            except PathError:
                found = None
        if found is None:
            yield make("confidential.unknown-path", f"confidential.{number}", path=mark)


def _attachment_values(context: CheckContext) -> Iterator[tuple[str, str, str]]:
    """(model path, value, label) of every attachment-type field and cell in the forms."""
    seen: set[str] = set()
    for definition in context.forms:
        for section, form_field in definition.fields():
            if form_field.type == "attachment":
                cells = [(form_field.path, form_field.label)]
            else:
                rows = _rows(context, form_field.path) if form_field.type == "table" else 0
                cells = [
                    (f"{form_field.path}.{n}.{c.subpath}", c.label)
                    for c in form_field.columns
                    if c.type == "attachment"
                    for n in range(rows)
                ]
            for path, label in cells:
                if path in seen:
                    continue
                seen.add(path)
                try:
                    value = get_value(context.project, path)
                except PathError:
                    continue
                if isinstance(value, str) and value:
                    heading = section.heading if section.number else section.title
                    yield path, value, f"{heading}: {label}"


def _rows(context: CheckContext, path: str) -> int:
    try:
        rows = get_value(context.project, path)
    except PathError:
        return 0
    return len(rows) if isinstance(rows, list) else 0


def attachment_references(context: CheckContext) -> Iterator[Diagnostic]:
    project = context.project
    stored = {record.sha256 for record in project.attachments}
    for path, value, label in _attachment_values(context):
        if value not in stored:
            yield make(
                "attachments.missing",
                path,
                sha256=value,
                field=label,
            )
    for number, record in enumerate(project.attachments):
        if not record.supports_field:
            continue
        try:
            get_value(project, record.supports_field)
        except PathError:
            yield make(
                "attachments.field-unknown",
                f"attachments.{number}.supports_field",
                name=record.name,
                path=record.supports_field,
                shown=record.name or record.sha256[:12],
            )
