"""Where a calculation input is entered in the document: the model path of a parameter's field.

The engine names a missing input either by model path (the A.5 start date) or by its parameter
key (``EG_i,p``); the checks (``calc.error``) and the C.3 panel's "Go to the field" both lead a
person to the field from here.
"""

from __future__ import annotations

from typing import Any

from jcm_pdd.model import Project

_DOCUMENT_ROOTS = ("pdd.", "monitoring_plan.", "moc.")


def field_of_input(project: Project, key: str, index: dict[str, str] | None = None) -> str:
    """The model path where the input ``key`` (with its index members) is entered, or "".

    The engine names a missing input either by model path (the A.5 start date) or by its
    parameter key (``EG_i,p``); a key is entered in the Monitoring Plan: Table 1 (estimated
    value), Table 2 (fixed value), or the default-value selections (the case that applies, or
    once a case without a methodology default is chosen, its value).
    """
    if key.startswith(_DOCUMENT_ROOTS):
        return key
    if not key:
        return ""
    plan = project.monitoring_plan
    tables: tuple[tuple[str, str, list[Any]], ...] = (
        ("monitored", "estimated_value", list(plan.monitored)),
        ("fixed_ex_ante", "value", list(plan.fixed_ex_ante)),
        ("default_selections", "choice", list(plan.default_selections)),
    )
    for table, column, rows in tables:
        matches = [n for n, row in enumerate(rows) if row.key == key]
        exact = [n for n in matches if index is None or rows[n].index == index]
        for n in exact or matches:
            if table == "default_selections" and rows[n].choice:
                column = "override_value"  # a case is chosen: its value is what is missing
            return f"monitoring_plan.{table}.{n}.{column}"
    return ""
