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


def _site_name(number: int, site: Site) -> str:
    name = f"site ({number})"
    return f"{name} {site.city}".rstrip() if site.city else name


def _range(number: int, site: Site) -> Iterator[Diagnostic]:
    checks = (("latitude", site.latitude, 90), ("longitude", site.longitude, 180))
    for axis, value, limit in checks:
        if value is not None and not -limit <= value <= limit:
            yield make(
                "geo.out-of-range",
                f"pdd.sites.{number - 1}.{axis}",
                f"A.3: the {axis} of {_site_name(number, site)} is {value}; it must lie "
                f"between -{limit} and {limit} degrees.",
                axis=axis,
                value=value,
            )


def _hint(country: Country, latitude: Decimal, longitude: Decimal) -> str:
    bounds = country.bounds
    if -90 <= longitude <= 90 and bounds.contains(longitude, latitude):
        return " Latitude and longitude may be swapped."
    if bounds.contains(-latitude, longitude):
        return " The latitude may need the opposite sign (north is positive)."
    if bounds.contains(latitude, -longitude):
        return " The longitude may need the opposite sign (east is positive)."
    return ""


def site_ids(context: CheckContext) -> Iterator[Diagnostic]:
    seen: set[str] = set()
    for number, site in enumerate(context.project.pdd.sites, start=1):
        if site.id and site.id in seen:
            yield make(
                "geo.site-id-duplicate",
                f"pdd.sites.{number - 1}.id",
                f"A.3: the Site ID “{site.id}” of {_site_name(number, site)} is used by another "
                "site; project units refer to sites by this ID.",
                site=site.id,
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
                    f"A.3: the country “{site.country}” of {_site_name(number, site)} is not a "
                    "known JCM partner country; write its name as on the form (e.g. Mongolia).",
                    country=site.country,
                )
            elif partner is not None and country.code != partner.code:
                yield make(
                    "geo.site-country",
                    f"pdd.sites.{number - 1}.country",
                    f"A.3: {_site_name(number, site)} is in {country.name}, but the project is "
                    f"registered with the Joint Committee of {partner.name}.",
                    country=country.code,
                    partner=partner.code,
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
            f"A.3: the coordinates of {_site_name(number, site)} ({latitude}, {longitude}) lie "
            f"outside the rough bounds of {country.name}.{_hint(country, latitude, longitude)}",
            country=country.code,
            latitude=latitude,
            longitude=longitude,
        )
