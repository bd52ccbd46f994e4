"""Titles, column headers and fixed wording of the Monitoring Report Sheet workbook, from the
MRS form definition (``forms/_base/MRS.toml`` and a country file per partner country).

Like the Monitoring Plan workbook's labels (``workbook_labels``), they are data: a corrected
label is a change to ``forms/``, and when the definition cannot be read or lacks a column or a
text the workbook's cells and formulas are laid out for, the export (and ``verify``, which
reads the workbook by the same labels) stops with a message naming the problem instead of
printing other labels.
"""

from __future__ import annotations

from dataclasses import dataclass

from jcm_pdd.export.workbook_labels import Unusable, forms_fit_or_stop, section
from jcm_pdd.forms import FormDefinition, Section

# What the workbook fills, by column subpath and text name; the form decides the wording and,
# for Table 1 and Table 2, the order of the columns.
TABLE1 = frozenset(
    {
        "period",
        "monitoring_point",
        "symbol",
        "description",
        "value",
        "unit",
        "option",
        "source_of_data",
        "measurement_methods",
        "frequency",
        "comments",
    }
)
TABLE2 = frozenset({"symbol", "description", "value", "unit", "source_of_data", "comments"})
TABLE3 = ("period", "emission_reductions", "unit")
CALC = ("parameter", "index", "unit", "equation", "reference")
CALC_PARTS = ("calc.er", "calc.defaults", "calc.re", "calc.pe")
# name -> the placeholders its text must hold ({0}, {1} ...)
TEXTS = {
    "T1": {"equipment": 1, "calibrated": 1, "evidence": 1, "evidence_file": 2, "option": 1},
    "T3": {"total": 0, "period_unit": 0, "total_unit": 0},
    "calc": {"default_value": 0, "credited": 1, "credited_unit": 0, "rounding": 2},
}


@dataclass(frozen=True)
class MrsLabels:
    input_sheet: str  # tab names
    calc_sheet: str
    input_title: str
    calc_title: str
    table1_title: str
    table1: tuple[str, ...]  # "(a) Monitoring period" ... in the form's order
    table1_paths: tuple[str, ...]  # the subpath of each of those columns
    table1_widths: tuple[float, ...]
    table2_title: str
    table2: tuple[str, ...]
    table2_paths: tuple[str, ...]
    table3_title: str
    table3: tuple[str, ...]  # Monitoring period | CO2 emission reductions | Units
    calc_columns: tuple[str, ...]  # Parameter | Index | Units | Equation | Reference
    calc_parts: tuple[str, str, str, str]  # "1. Calculations for emission reductions" ...
    texts: dict[str, str]  # every text of TEXTS, by name


def _columns(section: Section, known: frozenset[str] | tuple[str, ...]) -> list[tuple[str, str]]:
    """(subpath, printed header) of the section's columns: exactly ``known``; in the form's
    order for a set, in ``known``'s order for a tuple (the workbook's fixed layout)."""
    columns = [(c.subpath, f"{c.letter} {c.label}".strip()) for c in section.computed_columns]
    paths = [p for p, _ in columns]
    if sorted(paths) != sorted(known) or len(paths) != len(set(paths)):
        raise Unusable(
            f"MRS {section.id} has the columns {paths}; the workbook fills {sorted(known)}"
        )
    if isinstance(known, tuple):
        by_path = dict(columns)
        return [(p, by_path[p]) for p in known]
    return columns


def _texts(definition: FormDefinition) -> dict[str, str]:
    found: dict[str, str] = {}
    for section_id, wanted in TEXTS.items():
        texts = section(definition, section_id).texts
        for name, placeholders in wanted.items():
            text = texts.get(name)
            if text is None:
                raise Unusable(f"MRS {section_id} has no text '{name}'")
            needed = [f"{{{n}}}" for n in range(placeholders)]
            if any(p not in text for p in needed):
                raise Unusable(
                    f"MRS {section_id} text '{name}' must hold {', '.join(needed)}: {text!r}"
                )
            found[name] = text
    return found


def _labels(definition: FormDefinition) -> MrsLabels:
    t1, t2, t3 = (section(definition, s) for s in ("T1", "T2", "T3"))
    calc = section(definition, "calc")
    table1 = _columns(t1, TABLE1)
    table2 = _columns(t2, TABLE2)
    widths = tuple(t1.export.widths)
    if widths and len(widths) != len(table1):
        raise Unusable(f"MRS T1 gives {len(widths)} column widths for {len(table1)} columns")
    parts = tuple(section(definition, p).heading for p in CALC_PARTS)
    return MrsLabels(
        input_sheet=definition.export.sheet_name or "MRS(input)",
        calc_sheet=calc.export.sheet_name or "MRS(calc_process)",
        input_title=definition.title,
        calc_title=calc.title,
        table1_title=t1.heading,
        table1=tuple(h for _, h in table1),
        table1_paths=tuple(p for p, _ in table1),
        table1_widths=widths,
        table2_title=t2.heading,
        table2=tuple(h for _, h in table2),
        table2_paths=tuple(p for p, _ in table2),
        table3_title=t3.heading,
        table3=tuple(h for _, h in _columns(t3, TABLE3)),
        calc_columns=tuple(h for _, h in _columns(calc, CALC)),
        calc_parts=(parts[0], parts[1], parts[2], parts[3]),
        texts=_texts(definition),
    )


def mrs_labels(country: str) -> MrsLabels:
    """The labels of ``country``'s MRS form (``MN``'s where it has none); ``UserError`` when
    the definition cannot be used."""
    from jcm_pdd.forms import load_forms

    with forms_fit_or_stop("The Monitoring Report Sheet", "definition"):
        return _labels(load_forms().get(country or "MN", "MRS"))
