"""The calculation panel's figures of a project with many units (issue 49): in JCM_ID_AM020 each
lighting group has a trace line of its own reading the same equation, typeset once per
recalculation rather than once per group (2,000 groups parsed and typeset it 2,000 times on
every keystroke), and every line still carries it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from jcm_pdd.session import figures, newproject


def lighting_groups(sites: int, per_site: int):
    choice = next(m for m in newproject.for_country("ID") if m.id == "JCM_ID_AM020")
    entries = [
        newproject.SiteEntry(f"D{n}", f"Kecamatan {n}", "Jawa Barat", None, None, per_site)
        for n in range(1, sites + 1)
    ]
    project = newproject.new_project("ID", choice, entries)
    project.pdd.duration.start_date = dt.date(2026, 4, 1)
    project.pdd.duration.operational_lifetime_years = 10
    plan = project.monitoring_plan
    for n, row in enumerate(plan.monitored):
        row.estimated_value = Decimal(1000 + n)
    for row in plan.fixed_ex_ante:
        row.value = {"LE_PJ": Decimal(150), "LE_RE": Decimal(60)}.get(row.key, Decimal(1))
    for selection in plan.default_selections:
        selection.choice = "jamali_case1"
    return project


def test_an_equation_shared_by_many_groups_is_typeset_once(monkeypatch) -> None:
    project = lighting_groups(12, 10)
    typeset: list[str] = []
    real = figures._typeset

    def counting(step, symbols):
        typeset.append(step.symbol)
        return real(step, symbols)

    monkeypatch.setattr(figures, "_typeset", counting)
    view = figures.estimate_figures(project)
    assert len(view.trace) > 120  # a line per group, and the totals
    equations = {(t.equation, t.citation) for t in view.trace}
    assert len(typeset) == len(equations) < 10
    assert all(t.typeset_html for t in view.trace)
    per_group = [t for t in view.trace if "[i=" in t.symbol]
    assert len(per_group) >= 120
    assert len({t.typeset_html for t in per_group}) < 10  # the same equation, as printed
    assert len({t.substituted for t in per_group}) == len(per_group)  # each group's own values
