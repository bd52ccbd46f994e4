"""Templates keep public citations apart from internal provenance notes (issue 13, item 6).

Public text may not carry research notes; an incomplete criterion is marked and ends with the
placeholder; a new project built from such a template cannot be exported as final until the
user completes the text.
"""

from __future__ import annotations

import pytest
from methodology_fixtures import MINI

from jcm_pdd.checks import run_checks
from jcm_pdd.methodology import TemplateError, parse_template
from jcm_pdd.methodology.prefill import new_project_from_template
from jcm_pdd.methodology.public_text import PLACEHOLDER, internal_note
from jcm_pdd.methodology.registry import load_registry


@pytest.mark.parametrize(
    "text",
    [
        "methodologies-verified.md §1.1",
        "value read [SRC]",
        "reconstruction, methodologies.md §13.2",
        "IGES annex (unverified)",
        "No value was found in the sources",
        "section F.2 [numbering unverified]",
        "[MEM-H reconstruction, methodologies.md §3.4]",
        "not found in any source",
        # what the research read, in a criterion and a description of data (exported into B.2
        # and the monitoring plan as they were)
        "COP is 6.0 or more. (Approved ver02.0 recalled to compare the COP with a threshold)",
        "The methodology's band table was not read: enter the value it prescribes",
        "above the threshold of the methodology (threshold value not read).",
        "No Thai value was found in the sources: enter the value the methodology prescribes",
        "the value the approved methodology prescribes and cite it.",
    ],
)
def test_internal_notes_are_recognised(text: str) -> None:
    assert internal_note(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "Approved methodology JCM_MN_AM003 ver02.0, section F.2, eq. (1)",
        "IGES, Additional information on calculating the emission factors, Table 1",
        "JCM Mongolia methodology page for MN_AM003, 'Summaries'",
        # the app's own methodology caveats (methodology.status) say it to the reader
        "Methodology not read from the approved document: the equations were derived",
        "they were not read from the approved methodology document.",
    ],
)
def test_public_citations_pass(text: str) -> None:
    assert internal_note(text) is None


def _first_citation(text: str) -> str:
    start = text.index('citation = "') + len('citation = "')
    return text[start : text.index('"', start)]


def test_a_citation_with_a_notes_file_reference_is_refused_with_its_line() -> None:
    bad = MINI.replace(_first_citation(MINI), "methodologies.md §2.2 [SRC]", 1)
    with pytest.raises(TemplateError) as info:
        parse_template(bad, "bad.toml")
    message = str(info.value)
    assert "bad.toml" in message and "notes file" in message


def test_the_same_note_in_the_internal_note_field_is_accepted() -> None:
    citation = _first_citation(MINI)
    good = MINI.replace(
        f'citation = "{citation}"',
        f'citation = "{citation}", note = "methodologies.md §2.2 [SRC] reconstruction"',
        1,
    )
    parse_template(good, "good.toml")


def test_an_equation_reference_with_a_note_is_refused() -> None:
    bad = MINI.replace(
        'equation = "RE - PE"',
        'equation = "RE - PE"\nequation_ref = "eq. (3) [numbering unverified]"',
    )
    with pytest.raises(TemplateError, match="provenance remark"):
        parse_template(bad, "bad.toml")


def test_a_placeholder_needs_incomplete_and_incomplete_needs_the_placeholder() -> None:
    text = MINI.split('text = "', 1)
    criterion = text[1].split('"', 1)[0]
    with_placeholder = MINI.replace(criterion, f"{criterion} {PLACEHOLDER}", 1)
    with pytest.raises(TemplateError, match="incomplete = true"):
        parse_template(with_placeholder, "bad.toml")
    flagged_only = MINI.replace(
        f'text = "{criterion}"', f'text = "{criterion}"\nincomplete = true', 1
    )
    with pytest.raises(TemplateError, match="ends with"):
        parse_template(flagged_only, "bad.toml")
    both = with_placeholder.replace(
        f'text = "{criterion} {PLACEHOLDER}"',
        f'text = "{criterion} {PLACEHOLDER}"\nincomplete = true',
        1,
    )
    assert parse_template(both, "ok.toml").eligibility[0].incomplete


def test_every_shipped_template_is_free_of_notes_in_what_users_see() -> None:
    registry = load_registry()
    for template in registry.all():
        for label, prov in template.provenance_items():
            assert internal_note(prov.citation) is None, (template.id, label, prov.citation)
        for param in template.parameters.values():
            assert internal_note(param.equation_ref) is None, (template.id, param.equation_ref)


def test_a_truncated_criterion_blocks_a_final_export_until_replaced() -> None:
    template = load_registry().get("JCM_ID_AM001")
    project = new_project_from_template(template)
    [row] = [n for n, e in enumerate(project.pdd.eligibility) if PLACEHOLDER in e.criterion]
    errors = [d for d in run_checks(project) if d.code == "text.placeholder"]
    assert [d.location for d in errors] == [f"pdd.eligibility.{row}.criterion"]
    assert errors[0].severity == "error"
    assert "full wording of the approved methodology" in errors[0].message
    project.pdd.eligibility[row].criterion = "WHR system has not been introduced before."
    assert not [d for d in run_checks(project) if d.code == "text.placeholder"]
