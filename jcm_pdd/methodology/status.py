"""The methodology-level status of a template: how far its equations, eligibility criteria and
numbering were read from the approved methodology document, and the product wording that says so.

Per-value provenance says where one default comes from; this says whether the *calculation as a
whole* can be trusted. It is the weaker of what the template declares
(``[identity] methodology_status``) and what the provenance of its structural parts allows
(:func:`derived_status`): the identity (number and title; ``field_provenance.id`` or
``.title`` where one of them comes from another source than the rest, e.g. a title taken from a
registered project's name because the methodology's own was not read), ``equations_provenance``
and every eligibility criterion. A part tagged [MEM-L] (recalled with low confidence) or with no
equations provenance at all counts as *reconstructed*; [MEM-H] and [INFERENCE] as *unverified*;
[SRC-DRAFT] as *draft*; [SRC] as *verified*. ``lint`` refuses a declaration stronger than that.
"""

from __future__ import annotations

from jcm_pdd.methodology.schema import MethodologyStatus, Provenance, TemplateFile

RANK: dict[MethodologyStatus, int] = {
    "verified": 0,
    "draft": 1,
    "unverified": 2,
    "reconstructed": 3,
}

# What a methodology not read from the approved document is, said to users and in documents.
_RECONSTRUCTED_STATEMENT = (
    "Methodology not read from the approved document: the equations, eligibility criteria, "
    "numbering or title were derived from related methodologies and secondary sources."
)

# What users, `calc`, `templates list/show` and every export are told (product words only).
CAVEAT: dict[MethodologyStatus, str] = {
    "verified": "",
    "draft": (
        "Methodology from a draft: the equations or eligibility criteria follow a pre-approval "
        "draft, not the approved methodology document."
    ),
    "unverified": (
        "Methodology not verified: the equations and eligibility criteria follow the "
        "methodology's published summary; they were not read from the approved methodology "
        "document."
    ),
    "reconstructed": (
        f"{_RECONSTRUCTED_STATEMENT} Check every figure against the official methodology before "
        "submission."
    ),
}

# What an exported document says instead, once the project records the participants'
# acknowledgement ("I have checked the figures against the official methodology"): the final
# document is read by the validator, for whom the instruction to check before submission is
# out of place; what the participants recorded is not.
ACKNOWLEDGED = (
    f"{_RECONSTRUCTED_STATEMENT} The project participants recorded that they checked the figures "
    "against the official methodology."
)

LABEL: dict[MethodologyStatus, str] = {
    "verified": "verified",
    "draft": "draft",
    "unverified": "not verified",
    "reconstructed": "reconstructed",
}


def _part_status(prov: Provenance | None) -> MethodologyStatus:
    if prov is None:
        return "reconstructed"
    if prov.tag == "MEM-L":
        return "reconstructed"
    return prov.effective_status


def weakest(*statuses: MethodologyStatus) -> MethodologyStatus:
    return max(statuses, key=RANK.__getitem__, default="verified")


def derived_status(template: TemplateFile) -> MethodologyStatus:
    """The strongest status the provenance of the template's structure supports."""
    identity = template.identity
    parts = [
        identity.field_provenance.get("id", identity.provenance),
        identity.field_provenance.get("title", identity.provenance),
        template.equations_provenance,
        *(c.provenance for c in template.eligibility),
    ]
    return weakest(*(_part_status(p) for p in parts))


def methodology_status(template: TemplateFile) -> MethodologyStatus:
    """What users are told: the weaker of the declared and the derived status."""
    derived = derived_status(template)
    declared = template.identity.methodology_status
    return derived if declared is None else weakest(declared, derived)


def caveat(template: TemplateFile) -> str:
    """One product sentence for a template that is not verified ("" when it is)."""
    return CAVEAT[methodology_status(template)]


def document_caveat(template: TemplateFile, acknowledged_template: str) -> str:
    """The caveat an exported document prints: :data:`ACKNOWLEDGED` for a reconstructed
    methodology whose acknowledgement the project records for this template, else
    :func:`caveat`."""
    status = methodology_status(template)
    if status == "reconstructed" and acknowledged_template == template.identity.full_id:
        return ACKNOWLEDGED
    return CAVEAT[status]


def needs_acknowledgement(template: TemplateFile) -> bool:
    """A final export of a project on this template needs the user's recorded acknowledgement."""
    return methodology_status(template) == "reconstructed"


def overclaim(template: TemplateFile) -> str:
    """Why the declared status claims more than the provenance allows ("" when it does not)."""
    declared = template.identity.methodology_status
    derived = derived_status(template)
    if declared is None or RANK[declared] >= RANK[derived]:
        return ""
    return (
        f"methodology_status '{declared}' claims more than the provenance of the identity, "
        f"equations and eligibility criteria allows ('{derived}')"
    )
