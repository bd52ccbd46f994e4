"""What a rule sees: the project, its form definitions, and optionally the methodology template
and the ex-ante estimate (engine-dependent rules are skipped when those are absent).

The estimate is the engine's one typed result (``ExAnteEstimate``); the template is still
duck-typed (identity, parameters) so template rules can be unit-tested with small stand-ins.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from jcm_pdd.forms import CountryTable, FormDefinition
from jcm_pdd.methodology.estimate import ExAnteEstimate
from jcm_pdd.model import Project


@dataclass
class CheckContext:
    project: Project
    forms: list[FormDefinition]
    countries: CountryTable
    today: dt.date
    template: Any | None = None  # jcm_pdd.methodology Template (duck-typed: identity, parameters)
    estimate: ExAnteEstimate | None = None  # the ex-ante yearly estimate (PDD C.3)
    eligibility_results: dict[int, bool | None] | None = None

    def form(self, form_type: str) -> FormDefinition | None:
        for definition in self.forms:
            if definition.form_type == form_type:
                return definition
        return None


_METHODOLOGY_COUNTRY = re.compile(r"^(?:JCM_)?([A-Z]{2})_(?:AM|PM)\d+", re.IGNORECASE)


def methodology_country(methodology_id: str) -> str | None:
    """``JCM_MN_AM003`` -> ``MN`` (None when the id does not follow the JCM pattern)."""
    match = _METHODOLOGY_COUNTRY.match(methodology_id.strip())
    return match.group(1).upper() if match else None


def is_empty(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, Sequence | dict):
        return len(value) == 0
    return False


def plain_label(label: str) -> str:
    """Form labels sometimes end with ':' ("Fax:"); messages quote them without it."""
    return label.strip().rstrip(":").strip()
