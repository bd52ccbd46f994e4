"""Site rules: coordinates in range, the site's country, and a rough bounding-box check.

The bounding boxes (``forms/countries.toml``) are coarse rectangles, so a site outside its box
is a warning, not an error; the message suggests the usual typing errors (swapped latitude and
longitude, a missing minus sign) when fixing one of them would put the site inside the box.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from jcm_pdd.checks.context import CheckContext
from jcm_pdd.checks.diagnostic import Diagnostic, make
from jcm_pdd.forms import Country
from jcm_pdd.model import Site


def _site(number: int, site: Site) -> str:
    """How a message names a site after the word "site": "(2) Darkhan", "(3)"."""
    return f"({number}) {site.city}".rstrip() if site.city else f"({number})"


def _range(number: int, site: Site) -> Iterator[Diagnostic]:
    checks = (("latitude", site.latitude, 90), ("longitude", site.longitude, 180))
    for axis, value, limit in checks:
        if value is not None and not -limit <= value <= limit:
            yield make(
                "geo.out-of-range",
                f"pdd.sites.{number - 1}.{axis}",
                key=f"geo.out-of-range.{axis}",
                axis=axis,
                value=value,
                site=_site(number, site),
                limit=limit,
            )


def _hint(country: Country, latitude: Decimal, longitude: Decimal) -> str:
    """The usual typing error that would put the site inside the box: the message's variant."""
    bounds = country.bounds
    if -90 <= longitude <= 90 and bounds.contains(longitude, latitude):
        return ".swapped"
    if bounds.contains(-latitude, longitude):
        return ".latitude-sign"
    if bounds.contains(latitude, -longitude):
        return ".longitude-sign"
    return ""


def site_ids(context: CheckContext) -> Iterator[Diagnostic]:
    seen: set[str] = set()
    for number, site in enumerate(context.project.pdd.sites, start=1):
        if site.id and site.id in seen:
            yield make(
                "geo.site-id-duplicate",
                f"pdd.sites.{number - 1}.id",
                site=site.id,
                name=_site(number, site),
            )
        seen.add(site.id)


def sites(context: CheckContext) -> Iterator[Diagnostic]:
    table = context.countries
    partner_code = context.project.rule_set.partner_country
    partner = table.get(partner_code) if partner_code else None
    for number, site in enumerate(context.project.pdd.sites, start=1):
        yield from _range(number, site)
        country = partner
        if site.country.strip():
            country = table.match(site.country)
            if country is None:
                yield make(
                    "geo.unknown-country",
                    f"pdd.sites.{number - 1}.country",
                    country=site.country,
                    site=_site(number, site),
                )
            elif partner is not None and country.code != partner.code:
                yield make(
                    "geo.site-country",
                    f"pdd.sites.{number - 1}.country",
                    country=country.code,
                    partner=partner.code,
                    site=_site(number, site),
                    country_name=country.name,
                    partner_name=partner.name,
                )
        latitude, longitude = site.latitude, site.longitude
        if country is None or latitude is None or longitude is None:
            continue
        if (
            abs(latitude) > 90
            or abs(longitude) > 180
            or country.bounds.contains(latitude, longitude)
        ):
            continue
        yield make(
            "geo.outside-country",
            f"pdd.sites.{number - 1}.latitude",
            key="geo.outside-country" + _hint(country, latitude, longitude),
            country=country.code,
            site=_site(number, site),
            country_name=country.name,
            latitude=latitude,
            longitude=longitude,
        )
