"""Site rules: coordinate range, the site's country, rough country bounds."""

from __future__ import annotations

from decimal import Decimal

from check_support import ContextFactory, codes, complete_project

from jcm_pdd.checks.geo import sites
from jcm_pdd.model import Site


def test_a_site_in_ulaanbaatar_passes(context: ContextFactory) -> None:
    assert list(sites(context(complete_project()))) == []


def test_out_of_range_coordinates_are_errors(context: ContextFactory) -> None:
    project = complete_project()
    # The model refuses 95 on assignment; a hand-edited file can still carry it.
    project.pdd.sites[0] = Site.model_construct(
        id="S1", country="Mongolia", region="", city="X",
        latitude=Decimal("95"), longitude=Decimal("106.9"),
    )  # fmt: skip
    found = list(sites(context(project)))
    assert codes(found) == ["geo.out-of-range"]
    assert found[0].location == "pdd.sites.0.latitude" and found[0].severity == "error"


def test_a_missing_minus_sign_gets_a_hint(context: ContextFactory) -> None:
    project = complete_project()
    project.pdd.sites[0].latitude = Decimal("-47.9184")
    found = list(sites(context(project)))
    assert codes(found) == ["geo.outside-country"]
    assert found[0].severity == "warning" and found[0].location == "pdd.sites.0.latitude"
    assert "latitude may need the opposite sign" in found[0].message


def test_swapped_latitude_and_longitude_get_a_hint(context: ContextFactory) -> None:
    project = complete_project()
    project.rule_set.partner_country = "KE"
    project.pdd.sites[0] = Site(
        id="S1", country="Kenya", city="Nairobi", latitude=Decimal("-1.2864"),
        longitude=Decimal("36.8172"),
    )  # fmt: skip
    assert list(sites(context(project))) == []
    project.pdd.sites[0].latitude, project.pdd.sites[0].longitude = (
        Decimal("36.8172"),
        Decimal("-1.2864"),
    )
    (found,) = sites(context(project))
    assert found.code == "geo.outside-country" and "may be swapped" in found.message


def test_site_in_another_partner_country_is_an_error(context: ContextFactory) -> None:
    project = complete_project()
    project.pdd.sites[0].country = "Viet Nam"
    found = list(sites(context(project)))
    assert codes(found)[0] == "geo.site-country"
    assert found[0].severity == "error" and found[0].location == "pdd.sites.0.country"


def test_unknown_country_name_is_a_warning(context: ContextFactory) -> None:
    project = complete_project()
    project.pdd.sites[0].country = "Mongolai"
    found = list(sites(context(project)))
    assert codes(found) == ["geo.unknown-country"]
    project.pdd.sites[0].country = "the mongolia"  # case and a leading "the" do not matter
    assert list(sites(context(project))) == []


def test_empty_site_country_uses_the_partner_country_bounds(context: ContextFactory) -> None:
    project = complete_project()
    project.pdd.sites[0].country = ""
    assert list(sites(context(project))) == []
    project.pdd.sites[0].longitude = Decimal("130.0")  # east of Mongolia
    assert codes(sites(context(project))) == ["geo.outside-country"]


def test_site_ids_must_be_unique(context: ContextFactory) -> None:
    from jcm_pdd.checks.geo import site_ids

    project = complete_project()
    project.pdd.sites.append(project.pdd.sites[0].model_copy(update={"id": "S2"}))
    assert list(site_ids(context(project))) == []
    project.pdd.sites[1].id = "S1"
    found = list(site_ids(context(project)))
    assert codes(found) == ["geo.site-id-duplicate"]
    assert found[0].location == "pdd.sites.1.id"
