"""Which figures a public copy withholds: the one rule for every document (issue 13, item 4).

A parameter is *hidden* in a public copy when the plan value it comes from is confidential
(a monitored estimate, a project-specific value, or the chosen case or override of a default).
Every figure calculated from a hidden parameter is *withheld* as well, down to RE, PE and ER:
otherwise a reader recomputes the hidden value from the figures and the public inputs (with one
estimate marked, C.3 gave it back to within 1 MWh). The workbook, the PDD (C.3) and anything
else that prints figures apply this same set, and ``checks`` warns before the export which
figures the public copy will withhold and why.
"""

from __future__ import annotations

from typing import Any

from jcm_pdd.export.redact import FieldReader
from jcm_pdd.methodology.engine import analysis
from jcm_pdd.methodology.inputs import Inputs
from jcm_pdd.methodology.schema import Template

_VALUE_FIELDS = {
    "monitored": ("estimated_value",),
    "fixed_ex_ante": ("value",),
    "default_selections": ("choice", "override_value", "override_reason"),
}


def input_hidden(reader: FieldReader | None, where: str) -> bool:
    """Whether the plan row at ``where`` has its value marked confidential in this copy."""
    if reader is None or not where.startswith("monitoring_plan."):
        return False
    table = where.split(".")[1]
    return any(reader.hidden(f"{where}.{f}") for f in _VALUE_FIELDS.get(table, ()))


def withheld_keys(template: Template, inputs: Inputs, reader: FieldReader | None) -> set[str]:
    """Parameters hidden in this copy: confidential inputs and everything computed from them."""
    hidden = {
        key
        for key, rows in inputs.items.items()
        for item in rows.values()
        if input_hidden(reader, item.where)
    }
    info = analysis(template)
    for key in info.order:  # dependencies first
        if info.deps.get(key, set()) & hidden:
            hidden.add(key)
    return hidden


def withheld_outputs(
    project: Any, calc: Any, *, public: bool, draft: bool = True
) -> frozenset[str]:
    """Which of RE, PE and ER the public copy of ``project`` withholds (empty otherwise);
    ``calc`` is the export's calculation (``export.sources.calculate``)."""
    if not public:
        return frozenset()
    from jcm_pdd.export.sources import project_inputs

    template, inputs, _problem = project_inputs(project, calc, draft=draft)
    if template is None or inputs is None:
        return frozenset()
    reader = FieldReader(project, public=True)
    return frozenset(withheld_keys(template, inputs, reader) & {"RE", "PE", "ER"})
