"""Issue 16's list of JCM technologies: each one has a shipped template or is named, with the
reason, under "Not covered" in the README, and never both (a template added later must take its
technology off that list; a template removed must put it back).

The list is the issue's (renewable energy, energy efficiency, effective use of energy, waste,
F-gas, transport, REDD+); the keywords are matched against each template's ``technology``.
"""

from __future__ import annotations

from typing import get_args

import pytest
from tests_support_paths import REPO_ROOT

from jcm_pdd.methodology.provenance_report import shipped_templates
from jcm_pdd.methodology.schema import Sector

# technology named in the issue -> (sector, words of a template's `technology` that cover it)
ISSUE_TECHNOLOGIES: dict[str, tuple[str, tuple[str, ...]]] = {
    "solar with storage": ("renewable_energy", ("storage battery",)),
    "micro hydro": ("renewable_energy", ("hydro",)),
    "wind": ("renewable_energy", ("wind",)),
    "biomass": ("renewable_energy", ("biomass",)),
    "geothermal": ("renewable_energy", ("geothermal",)),
    "boilers": ("energy_efficiency", ("boiler",)),
    "air conditioning": ("energy_efficiency", ("air conditioning",)),
    "refrigeration and chillers": ("energy_efficiency", ("refrigeration", "chiller")),
    "looms": ("energy_efficiency", ("loom",)),
    "transformers": ("energy_efficiency", ("transformer",)),
    "LED lighting": ("energy_efficiency", ("led lighting",)),
    "waste heat recovery": ("effective_use_of_energy", ("waste heat recovery",)),
    "gas co-generation": ("effective_use_of_energy", ("co-generation", "cogeneration")),
    "waste to energy": ("waste", ("waste to energy", "incineration")),
    "power generation with methane gas": ("waste", ("methane",)),
    "F-gas recovery and destruction": ("f_gas", ("fluorocarbon", "f-gas")),
    "digital tachographs": ("transport", ("tachograph",)),
    "modal shift": ("transport", ("modal shift",)),
    "CNG-diesel hybrid buses": ("transport", ("cng",)),
}

SHIPPED = list(shipped_templates())


def _not_covered_section() -> str:
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("Not covered, and why:")
    end = readme.index("\n## ", start)
    return readme[start:end]


def _not_covered_rows() -> list[list[str]]:
    """The cells of the README's table of technologies without a template (header excluded)."""
    rows = []
    for line in _not_covered_section().splitlines():
        cells = [c.strip() for c in line.strip().split("|")[1:-1]]
        if len(cells) == 3 and cells[0] not in ("Technology", "---"):
            rows.append(cells)
    return rows


def _covering(sector: str, words: tuple[str, ...]) -> list[str]:
    return [
        t.identity.full_id
        for t in SHIPPED
        if t.identity.sector == sector
        and any(word in (t.identity.technology or "").lower() for word in words)
    ]


@pytest.mark.parametrize("technology", sorted(ISSUE_TECHNOLOGIES))
def test_each_issue_technology_has_a_template_or_a_stated_reason(technology: str) -> None:
    sector, words = ISSUE_TECHNOLOGIES[technology]
    covering = _covering(sector, words)
    named = technology.lower() in {row[0].lower() for row in _not_covered_rows()}
    assert covering or named, f"{technology}: no template and no row under 'Not covered'"
    assert not (covering and named), (
        f"{technology}: README says it is not covered, but {covering} cover it"
    )


def test_every_sector_has_a_template_or_a_stated_reason() -> None:
    section = _not_covered_section().lower()
    names = {"f_gas": "f-gas", "redd_plus": "redd+"}
    for sector in get_args(Sector):
        has_template = any(t.identity.sector == sector for t in SHIPPED)
        assert has_template or names.get(sector, sector) in section, sector


def test_every_not_covered_technology_says_what_was_found_and_why() -> None:
    """Each row gives the addresses read (or says nothing was found) and a reason."""
    rows = _not_covered_rows()
    assert rows
    for technology, found, why in rows:
        assert "<http" in found or "nothing" in found, technology
        assert why, technology
