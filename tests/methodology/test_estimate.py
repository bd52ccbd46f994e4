"""PDD C.3: per calendar year, first and last partial years pro-rated by days of operation."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest

from jcm_pdd.methodology import (
    InputError,
    estimate,
    estimate_project,
    inputs_from_mapping,
    load_registry,
    new_project_from_template,
)
from jcm_pdd.methodology.estimate import lifetime_end, operating_end

ANNUAL = Fraction("11302.8149")  # 14,181.7 MWh x 0.797


@pytest.fixture
def pv():  # type: ignore[no-untyped-def]
    return load_registry().get("JCM_MN_AM003")


@pytest.fixture
def pv_inputs(pv):  # type: ignore[no-untyped-def]
    return inputs_from_mapping(
        pv,
        {
            "EG": [{"i": "PV-1", "value": "14181.7"}],
            "EF_RE": [{"i": "PV-1", "choice": "national_grid"}],
        },
    )


def test_start_mid_year_and_lifetime_end(pv, pv_inputs) -> None:  # type: ignore[no-untyped-def]
    start = dt.date(2019, 12, 27)
    end = operating_end(start, 15, None)
    assert end == dt.date(2034, 12, 26)
    result = estimate(pv, pv_inputs, start, end)
    years = {y.year: y for y in result.years}
    assert list(years) == list(range(2019, 2035))
    assert years[2019].days == 5 and years[2019].er == ANNUAL * Fraction(5, 365)
    assert years[2034].days == 360 and years[2034].er == ANNUAL * Fraction(360, 365)
    rows = {r.year: r for r in result.c3.rows}
    assert rows[2019].emission_reductions == 154  # 154.83... floored
    # 15 years of operation: the partial years add up to exactly one year
    assert result.total_er == 15 * ANNUAL
    total = result.c3.total.emission_reductions
    assert total == sum(r.emission_reductions for r in rows.values())
    assert total < 15 * 11302  # partial years lose their fractions
    assert result.c3.er_per_full_year == 11302


def test_leap_year_days(pv, pv_inputs) -> None:  # type: ignore[no-untyped-def]
    result = estimate(pv, pv_inputs, dt.date(2024, 3, 1), dt.date(2025, 12, 31))
    first, second = result.years
    assert (first.year, first.days, first.days_in_year) == (2024, 306, 366)
    assert first.er == ANNUAL * Fraction(306, 366)
    assert (second.days, second.days_in_year) == (365, 365) and second.er == ANNUAL


def test_end_year_caps_and_lifetime_caps_end_year() -> None:
    start = dt.date(2020, 7, 1)
    assert operating_end(start, None, 2030) == dt.date(2030, 12, 31)
    assert operating_end(start, 5, 2030) == dt.date(2025, 6, 30)  # lifetime ends first
    assert operating_end(start, 20, 2030) == dt.date(2030, 12, 31)
    with pytest.raises(InputError, match="lifetime"):
        operating_end(start, None, None)
    with pytest.raises(InputError, match="before operation starts"):
        operating_end(start, None, 2019)


def test_leap_day_start() -> None:
    assert lifetime_end(dt.date(2024, 2, 29), 1) == dt.date(2025, 2, 28)
    assert lifetime_end(dt.date(2024, 2, 29), 4) == dt.date(2028, 2, 28)


def test_single_partial_year(pv, pv_inputs) -> None:  # type: ignore[no-untyped-def]
    result = estimate(pv, pv_inputs, dt.date(2021, 3, 1), dt.date(2021, 3, 31))
    [only] = result.years
    assert only.days == 31 and only.er == ANNUAL * Fraction(31, 365)


def test_estimate_project_from_a_prefilled_project(pv) -> None:  # type: ignore[no-untyped-def]
    project = new_project_from_template(pv)
    project.monitoring_plan.monitored[0].estimated_value = Decimal("14181.7")
    project.monitoring_plan.default_selections[0].choice = "captive_or_off_grid"
    project.pdd.duration.start_date = dt.date(2022, 1, 1)
    project.pdd.estimation.end_year = 2023
    result = estimate_project(project, load_registry())
    assert [y.year for y in result.years] == [2022, 2023]
    assert result.years[0].er == Fraction("14181.7") * Fraction("0.533")
    assert result.c3.total.emission_reductions == 2 * 7558  # 7,558.8461 per year, floored
    assert not result.has_unverified_defaults
    ef = result.annual.sources[("EF_RE", ("PV-1",))]
    assert ef.where == "monitoring_plan.default_selections.0" and ef.choice == "captive_or_off_grid"


def test_estimate_project_needs_a_start_date(pv) -> None:  # type: ignore[no-untyped-def]
    project = new_project_from_template(pv)
    with pytest.raises(InputError, match="starting date"):
        estimate_project(project, pv)
