"""A figure that adds a CO2-equivalent term (methane or N2O times its GWP) is itself in tCO2e:
the calculation sheet and "Show calculation" then never print an emission reduction of a
methane methodology as tCO2 beside its credited tCO2e (JCM_VN_AM004 did)."""

from __future__ import annotations

import re

import pytest

from jcm_pdd.methodology.registry import load_registry

TEMPLATES = sorted(load_registry().all(), key=lambda t: t.identity.full_id)


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.identity.full_id)
def test_a_sum_with_a_co2e_term_is_in_co2e(template) -> None:
    params = template.parameters
    wrong = []
    for key, param in params.items():
        if not param.equation or not param.unit.startswith("tCO2/"):
            continue
        used = set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", param.equation)) & params.keys()
        co2e = sorted(u for u in used if params[u].unit.startswith("tCO2e"))
        if co2e:
            wrong.append(f"{key} ({param.unit}) adds {', '.join(co2e)} in tCO2e")
    assert wrong == []
