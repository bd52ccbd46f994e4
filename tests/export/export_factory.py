"""A filled project for export tests, independent of the shipped sample (which may change).

Includes a Japanese participant name (to prove the PDF embeds a CJK-capable font), two sites
(to prove the "(1) ... (2)" enumeration) and one confidential path (to prove redaction).
"""

from __future__ import annotations

import datetime as dt

from builders import GRID_SOURCES, Unit, darkhan, entity, filled_mn_am003, sukhbaatar

from jcm_pdd.methodology.c3 import C3Row, C3Table, C3Totals, rounding_note
from jcm_pdd.methodology.schema import Rounding
from jcm_pdd.model import Project, Signatory

JAPANESE_NAME = "株式会社ソーラーテック"
SECRET_CITY = "Secretville"


def filled_project() -> Project:
    """Every value below is in the golden files (tests/export/golden): change them together."""
    return filled_mn_am003(
        reference_number="MN099",
        title="10 MW Solar Power Project in Darkhan",
        description="Installation of a 10 MW solar PV plant.\nIt replaces grid electricity.",
        sites=[darkhan(city=SECRET_CITY), sukhbaatar()],
        participants=[
            ("Mongolia", "Solar Power International LLC"),
            ("Japan", JAPANESE_NAME),
            ("Japan", "Example Trading Co., Ltd."),
        ],
        start=dt.date(2019, 12, 27),
        lifetime=17,
        contribution="Financing programme for JCM model projects by MOEJ.",
        eligibility=[
            ("The project installs solar PV systems.", "A 10 MW PV plant is installed."),
            ("PV modules are certified to IEC 61215.", "Modules certified by TÜV."),
        ],
        emission_sources=GRID_SOURCES,
        figure=None,
        figure_caption="Figure 1: Monitoring point (1) at the export meter",
        legally_required=True,
        environmental_explanation="A general EIA was approved in 2018.",
        solicitation="A meeting was held on 12/03/2019 in Darkhan.",
        comments=[
            (
                "Local residents",
                "Will there be noise?",
                "PV plants make no noise; no action needed.",
            )
        ],
        references="IGES List of Grid Emission Factors v11.5",
        annex="None.",
        revisions=[("01.0", dt.date(2020, 1, 15), "First edition")],
        units=[
            Unit(
                "PV-1",
                "18500.5",
                label="PV plant",
                row={
                    "description": "Quantity of electricity generated",
                    "source_of_data": "Monitored data",
                    "measurement_methods": "Electricity meter",
                    "frequency": "Continuously",
                },
            )
        ],
        structure=[("Monitoring manager", "B. Bat", "Solar Power International LLC")],
        tpe_name="Example TPE Co.",
        submitted=dt.date(2020, 2, 1),
        focal_point=entity(JAPANESE_NAME, "1-2-3 Marunouchi, Tokyo", Signatory(name="Taro Yamada")),
        moc_answers=(None, None, None),
        other_participants=[],
        confidential=["pdd.sites.0.city"],
    )


def sample_figures() -> C3Table:
    rows = tuple(
        C3Row(y, 366 if y % 4 == 0 else 365, 366 if y % 4 == 0 else 365, 14746 + n, 0, 14746 + n)
        for n, y in enumerate(range(2020, 2024))
    )
    total = C3Totals(
        sum(r.reference_emissions for r in rows), 0, sum(r.emission_reductions for r in rows)
    )
    return C3Table(rows, total, 14746, rounding_note(Rounding()))
