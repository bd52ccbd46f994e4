"""What may appear in text a user, a reader of an export or a validator sees.

Methodology templates carry two kinds of text: public text (criteria, descriptions, labels,
the public *citation* of a source: document, version, section, equation number) and internal
provenance notes (``note``, ``equation_note``, ``tag``: the research trail behind a value).
Only public text reaches the app's views and the exported documents. This module holds the one
list of internal-note patterns: the template schema rejects them in public fields, and the
export tests scan every exported artifact with the same list.

It also holds the placeholder marker: a template gives an incomplete text (a criterion whose
source is truncated) with ``incomplete = true``; such a text ends with :data:`PLACEHOLDER` and
must be replaced by the user before a final export (check ``template.placeholder_text``).
"""

from __future__ import annotations

import re

from pydantic import ValidationInfo

# The research notes' file names and tags, and the wording of notes about sources; none of
# them means anything to a reader of a PDD (issue 13, item 6).
INTERNAL_NOTE_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"\b[\w-]+\.md\b", "a reference to a notes file (.md)"),
    (r"§\s*\d+(?:\.\d+)*\s*\w*\s*\(?\s*[\w-]+\.md", "a § reference into a notes file"),
    (r"\[(?:SRC|SRC-DRAFT|MEM-H|MEM-L|INFERENCE|INFERRED|DERIVED)\]", "a research-note tag"),
    (r"\b(?:MEM-H|MEM-L|SRC-DRAFT)\b", "a research-note tag"),
    (r"\breconstruct(?:ion|ed)\b", "the word 'reconstruction'"),
    (r"not found in any source", "a note about the sources"),
    (r"no (?:\w+ )?value was found", "a note about the sources"),
    (r"\(unverified\)", "a provenance remark '(unverified)'"),
    (r"\[numbering unverified\]", "a provenance remark"),
    (r"truncated in the source|source text is truncated", "a note that the source is truncated"),
    (r"complete it from the approved methodology", "an instruction to complete the text"),
    (r"\band cite it\b", "an instruction to the user ('cite it')"),
    # what the research did or did not read; the app's own methodology caveat says "not read
    # from the approved document" to the user, which is product wording (methodology.status)
    (r"\brecalled\b", "a note about the sources ('recalled')"),
    (r"\bnot read\b(?! from the approved)", "a note about what was read"),
    (
        r"\b(?:methodologies-verified|jcm-forms-verified|reference-cases|peer-systems)\b",
        "the name of a notes file",
    ),
)
_COMPILED = tuple((re.compile(p, re.IGNORECASE), why) for p, why in INTERNAL_NOTE_PATTERNS)

# The end of a template text that is known to be incomplete (the user completes it).
PLACEHOLDER = "[…]"


def internal_note(text: str) -> str | None:
    """What internal note ``text`` carries (e.g. "a reference to a notes file (.md)"), or None."""
    for pattern, why in _COMPILED:
        match = pattern.search(text)
        if match:
            return f"{why}: '{match.group(0)}'"
    return None


# Validation context key: the template is read from a validation package. The wording rules
# above are authoring rules for what this version prints; they must not make a package built by
# an earlier version look tampered with, so a packaged template is judged by its figures only.
PACKAGED = "packaged"


def is_packaged(info: ValidationInfo) -> bool:
    """Whether the template being validated comes from a validation package."""
    return bool(info.context and info.context.get(PACKAGED))


def public_field(text: str, info: ValidationInfo) -> str:
    """Schema validator of a public text field: :func:`check_public` unless packaged."""
    return text if is_packaged(info) else check_public(text)


def check_public(text: str) -> str:
    """``text`` unchanged, or ValueError when it carries an internal note (schema validator)."""
    found = internal_note(text)
    if found is not None:
        raise ValueError(
            f"public text carries {found}; put research notes in 'note' and give a public "
            "citation (document, version, section, equation)"
        )
    if PLACEHOLDER in text:
        raise ValueError(f"'{PLACEHOLDER}' marks an incomplete text: set incomplete = true")
    return text
