"""Actual emission reductions of a period equal hand-derived figures (three templates)."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jcm_pdd.methodology import InputError, estimate_project
from jcm_pdd.monitoring import compare, period_actual
from tests.monitoring.periods_support import period, project_for, sample, template

D = dt.date


def test_mn_am003_period_across_a_year_boundary() -> None:
    """JCM_MN_AM003 eq. (1)-(3): RE_p = sum_i EG_i,p x EF_RE,i; PE_p = 0; ER_p = RE_p - PE_p.

    Sample plan: PV-1 national grid (EF 0.797), PV-2 captive (EF 0.533).
    Period 01/04/2027 - 31/03/2028, EG PV-1 = 1000.5 MWh, PV-2 = 1500.25 MWh:
      RE = 1000.5 x 0.797 + 1500.25 x 0.533 = 797.3985 + 799.63325 = 1597.03175 = 6388127/4000
      ER = 1597.03175 -> credited 1597 (rounded down)
    Days: 2027: Apr 30 + May 31 + Jun 30 + Jul 31 + Aug 31 + Sep 30 + Oct 31 + Nov 30 + Dec 31
    = 275; 2028 (leap): Jan 31 + Feb 29 + Mar 31 = 91; 366 in all.
      2027: 6388127/4000 x 275/366 = 1199.955...; 2028: 6388127/4000 x 91/366 = 397.076...
    """
    project = sample()
    project.monitoring.periods.append(
        period(D(2027, 4, 1), D(2028, 3, 31), EG__PV_1="1000.5", EG__PV_2="1500.25")
    )
    actual = period_actual(project, template("JCM_MN_AM003"), 0)
    assert actual.result.re == Fraction(6388127, 4000)
    assert actual.result.pe == 0
    assert actual.result.er == Fraction(6388127, 4000)
    assert actual.credited == 1597
    assert actual.days == 366
    shares = {s.year: (s.days, s.er) for s in actual.years}
    assert shares == {
        2027: (275, Fraction(6388127, 4000) * Fraction(275, 366)),
        2028: (91, Fraction(6388127, 4000) * Fraction(91, 366)),
    }
    assert int(shares[2027][1]) == 1199 and int(shares[2028][1]) == 397


def test_mn_am003_beside_the_c3_estimate() -> None:
    """The sample's C.3: 1096 MWh x 0.797 + 1668 MWh x 0.533 = 873.512 + 889.044 = 1762.556 t
    per full year; 2027 runs from 01/04 (275 of 365 days): 1762.556 x 275/365 = 1327.94 -> 1327.
    The period above gives 2027 its 1199.955... -> 1199 (rounded like a C.3 row); the credited
    total is the period's 1597, not 1199 + 397 = 1596: credits are issued per period."""
    project = sample()
    project.monitoring.periods.append(
        period(D(2027, 4, 1), D(2028, 3, 31), EG__PV_1="1000.5", EG__PV_2="1500.25")
    )
    mn = template("JCM_MN_AM003")
    result = compare([period_actual(project, mn, 0)], estimate_project(project, mn))
    by_year = {y.year: y for y in result.years}
    assert by_year[2027].estimated_er == 1327
    assert by_year[2027].actual_er == 1199
    assert by_year[2027].monitored_days == 275
    assert by_year[2028].actual_er == 397
    assert by_year[2029].actual_er is None and by_year[2029].monitored_days == 0
    assert result.credited_total == 1597
    assert result.estimated_total == estimate_project(project, mn).c3.total.emission_reductions


def test_id_am002_chiller_within_one_year() -> None:
    """JCM_ID_AM002: COP_PJ,tc,i = COP_PJ,i x (T_cool_out,i - T_chill_out,i + TD_chilled +
    TD_cooling) / (T_cool_out,std - T_chill_out,std + TD_chilled + TD_cooling);
    EC_RE,i = EC_PJ,i x COP_PJ,tc,i / COP_RE,i; RE = sum EC_RE x EF_elec; PE = sum EC_PJ x EF_elec.

    COP_PJ 6, T_cool_out 32, T_chill_out 12, COP_RE 4, defaults 37 / 7 / 1.5 / 1.5,
    EF_elec (Jamali case 1) 0.619; period 01/01/2028 - 30/06/2028, EC_PJ = 500 MWh:
      COP_PJ,tc = 6 x (32 - 12 + 3) / (37 - 7 + 3) = 6 x 23/33 = 46/11
      EC_RE = 500 x 46/11 / 4 = 5750/11 MWh
      RE = 5750/11 x 0.619 = 3559.25/11; PE = 500 x 0.619 = 309.5
      ER = (5750/11 - 500) x 0.619 = 250/11 x 0.619 = 154.75/11 = 14.068... -> 14
    EI_grid is recorded only (no equation reads it): the period may leave it out.
    """
    fixed = {"COP_PJ": "6", "T_cool_out": "32", "T_chill_out": "12", "COP_RE": "4"}
    project = project_for("JCM_ID_AM002", fixed, choice="jamali_case1")
    project.monitoring.periods.append(period(D(2028, 1, 1), D(2028, 6, 30), EC_PJ__CH_1="500"))
    actual = period_actual(project, template("JCM_ID_AM002"), 0)
    assert actual.result.re == Fraction(5750, 11) * Fraction("0.619")
    assert actual.result.pe == Fraction("309.5")
    assert actual.result.er == Fraction(15475, 1100)
    assert actual.credited == 14
    assert [(s.year, s.days, s.er) for s in actual.years] == [(2028, 182, Fraction(15475, 1100))]


def test_vn_am002_transformers_across_a_year_boundary() -> None:
    """JCM_VN_AM002: RE_p = sum_i NLL_RE,i x T_i,p (kWh -> MWh) x EF_grid; PE_p likewise with
    NLL_PJ,i; ER_p = RE_p - PE_p.

    NLL_RE 30 kW, NLL_PJ 12 kW, EF_grid 0.8 tCO2/MWh; period 01/10/2027 - 31/01/2028,
    T = 2000 h:
      RE = 30 kW x 2000 h = 60 MWh x 0.8 = 48; PE = 12 x 2000 = 24 MWh x 0.8 = 19.2
      ER = 28.8 -> credited 28
    Days: 2027: Oct 31 + Nov 30 + Dec 31 = 92; 2028: Jan 31; 123 in all.
      2027: 28.8 x 92/123 = 21.54...; 2028: 28.8 x 31/123 = 7.258...
    """
    project = project_for("JCM_VN_AM002", {"NLL_RE": "30", "NLL_PJ": "12", "EF_grid": "0.8"})
    project.monitoring.periods.append(period(D(2027, 10, 1), D(2028, 1, 31), T__TR_1="2000"))
    actual = period_actual(project, template("JCM_VN_AM002"), 0)
    assert (actual.result.re, actual.result.pe) == (48, Fraction("19.2"))
    assert actual.result.er == Fraction("28.8")
    assert actual.credited == 28
    assert [(s.year, s.days, s.er) for s in actual.years] == [
        (2027, 92, Fraction("28.8") * Fraction(92, 123)),
        (2028, 31, Fraction("28.8") * Fraction(31, 123)),
    ]


def test_a_missing_value_is_refused_and_a_fraction_of_a_tonne_is_not_rounded_up() -> None:
    """1.25 MWh x 0.797 (both units on the national grid) = 0.99625 t: credited 0, never 1."""
    project = sample()
    project.monitoring_plan.default_selections[1].choice = "national_grid"
    project.monitoring.periods.append(period(D(2027, 4, 1), D(2027, 4, 30), EG__PV_1="0.5"))
    mn = template("JCM_MN_AM003")
    with pytest.raises(InputError, match=r"period 1 \(01/04/2027 - 30/04/2027\): no monitored "):
        period_actual(project, mn, 0)
    project.monitoring.periods[0] = period(
        D(2027, 4, 1), D(2027, 4, 30), EG__PV_1="0.5", EG__PV_2="0.75"
    )
    actual = period_actual(project, mn, 0)
    assert actual.result.er == Fraction("0.99625")
    assert actual.credited == 0


def test_the_plan_estimates_do_not_enter_a_period() -> None:
    """The period's values replace Table 1's estimates (1096 and 1668 MWh in the sample)."""
    project = sample()
    project.monitoring.periods.append(
        period(D(2027, 4, 1), D(2027, 4, 30), EG__PV_1="10", EG__PV_2="20")
    )
    actual = period_actual(project, template("JCM_MN_AM003"), 0)
    assert actual.result.re == Fraction("10") * Fraction("0.797") + 20 * Fraction("0.533")


def test_an_edit_recalculates_its_period_only() -> None:
    from decimal import Decimal

    from jcm_pdd.monitoring.recalc import ActualFigures

    project = sample()
    project.monitoring.periods += [
        period(D(2027, 4, 1), D(2027, 12, 31), EG__PV_1="100", EG__PV_2="200"),
        period(D(2028, 1, 1), D(2028, 12, 31), EG__PV_1="100", EG__PV_2="200"),
    ]
    figures = ActualFigures(template("JCM_MN_AM003"))
    first = figures.figures(project)
    project.monitoring.periods[1].values[0].value = Decimal("1000")
    figures.edited("monitoring.periods.1.values.0.value")
    second = figures.figures(project)
    assert second[0] is first[0]  # period 1 was not recalculated
    assert isinstance(second[1], type(first[1])) and second[1] is not first[1]
    assert second[1].result.re == 1000 * Fraction("0.797") + 200 * Fraction("0.533")  # type: ignore[union-attr]
    # the plan changed: every period again; a period that cannot be calculated says why
    project.monitoring.periods[0].values.pop()
    figures.edited("monitoring_plan.default_selections.0.choice")
    third = figures.figures(project)
    assert third[1] is not second[1]
    assert "no monitored value of EG" in str(third[0])


@given(
    start=st.dates(min_value=D(2020, 1, 1), max_value=D(2040, 12, 31)),
    length=st.integers(min_value=0, max_value=2000),
    er=st.fractions(min_value=-(10**6), max_value=10**6, max_denominator=10**6),
)
def test_year_shares_add_up_to_the_period_exactly(
    start: dt.date, length: int, er: Fraction
) -> None:
    """Sharing a period between calendar years by days loses nothing and counts every day."""
    from jcm_pdd.methodology import PeriodResult
    from jcm_pdd.monitoring import year_shares

    end = start + dt.timedelta(days=length)
    result = PeriodResult("T", "1", er * 2, er, er, 0, 0, 0, {}, {})
    shares = year_shares(start, end, result)
    assert sum((s.er for s in shares), Fraction(0)) == er
    assert sum((s.re for s in shares), Fraction(0)) == er * 2
    assert sum(s.days for s in shares) == length + 1
    assert [s.year for s in shares] == list(range(start.year, end.year + 1))
