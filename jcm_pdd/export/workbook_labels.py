"""Titles and column headers of the Monitoring Plan workbook, from the MPS/MSS form definitions.

The workbook's sheet titles, table titles and lettered column headers come from ``forms/``
(MPS and MSS definitions of the partner country), like the PDD's headings, so a corrected label
is a data change. The built-in labels below (jcm-forms.md §3.2, jcm-forms-verified.md §2) are
used when no definition can be read or when its table does not have the expected columns.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from jcm_pdd.forms import FormDefinition, Section

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class WorkbookLabels:
    input_title: str = "Monitoring Plan Sheet (Input Sheet) [Attachment to Project Design Document]"
    calc_title: str = (
        "Monitoring Plan Sheet (Calculation Process Sheet) [Attachment to Project Design Document]"
    )
    mss_title: str = "Monitoring Structure Sheet [Attachment to Project Design Document]"
    table1_title: str = "Table 1: Parameters to be monitored ex post"
    table1: tuple[str, ...] = (
        "(a) Monitoring point No.", "(b) Parameters", "(c) Description of data",
        "(d) Estimated Values", "(e) Units", "(f) Monitoring option", "(g) Source of data",
        "(h) Measurement methods and procedures", "(i) Monitoring frequency",
        "(j) Other comments",
    )  # fmt: skip
    table2_title: str = "Table 2: Project-specific parameters to be fixed ex ante"
    table2: tuple[str, ...] = (
        "(a) Parameters", "(b) Description of data", "(c) Estimated Values", "(d) Units",
        "(e) Source of data", "(f) Other comments",
    )  # fmt: skip
    table3_title: str = "Table 3: Ex-ante estimation of CO2 emission reductions"
    defaults_title: str = "[List of Default Values]"
    # MSS columns in the form's order: (model sub-path, header)
    mss_columns: tuple[tuple[str, str], ...] = (
        ("responsible", "Responsible personnel"),
        ("role", "Role"),
        ("organisation", "Organisation"),
    )


def _section(definition: FormDefinition, section_id: str) -> Section | None:
    return next((s for s in definition.sections if s.id == section_id), None)


def _lettered(section: Section | None, count: int) -> tuple[str, ...] | None:
    """The "(a) Label" headers of the section's table, if it has exactly ``count`` of them."""
    if section is None or not section.fields:
        return None
    columns = [c for c in section.fields[0].columns if c.on_form and c.letter]
    if len(columns) != count:
        return None
    return tuple(f"{c.letter} {c.label}" for c in columns)


def _title(section: Section | None, fallback: str) -> str:
    return section.heading if section is not None else fallback


def labels_for(country: str) -> WorkbookLabels:
    """The labels of the MPS and MSS forms of ``country`` (fallback: the built-in ones)."""
    base = WorkbookLabels()
    try:
        from jcm_pdd.forms import load_forms

        registry = load_forms()
        mps = registry.get(country or "MN", "MPS")
        mss = registry.get(country or "MN", "MSS")
    except Exception as exc:  # a missing or broken forms/ must not block an export
        log.warning("using the built-in Monitoring Plan labels: %s", exc)
        return base
    structure = _section(mss, "structure")
    mss_columns = base.mss_columns
    if structure is not None and structure.fields:
        found = tuple((c.subpath, c.label) for c in structure.fields[0].columns if c.on_form)
        if {p for p, _ in found} == {p for p, _ in base.mss_columns}:
            mss_columns = found
    return WorkbookLabels(
        input_title=mps.title,
        calc_title=base.calc_title,
        mss_title=mss.title,
        table1_title=_title(_section(mps, "T1"), base.table1_title),
        table1=_lettered(_section(mps, "T1"), len(base.table1)) or base.table1,
        table2_title=_title(_section(mps, "T2"), base.table2_title),
        table2=_lettered(_section(mps, "T2"), len(base.table2)) or base.table2,
        table3_title=_title(_section(mps, "T3"), base.table3_title),
        defaults_title=_title(_section(mps, "defaults"), base.defaults_title),
        mss_columns=mss_columns,
    )
