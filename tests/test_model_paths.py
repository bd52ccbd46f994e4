"""Model paths: reading, writing and validating values by dotted path."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pydantic import ValidationError

from jcm_pdd.model import Project, Site
from jcm_pdd.model.paths import PathError, get_value, pattern_exists, set_value, to_pattern


def test_get_and_set_through_lists_and_models() -> None:
    project = Project()
    project.pdd.sites.append(Site(id="S1"))
    set_value(project, "pdd.sites.0.latitude", Decimal("47.9"))
    assert get_value(project, "pdd.sites.0.latitude") == Decimal("47.9")
    assert to_pattern("pdd.sites.0.latitude") == "pdd.sites.*.latitude"


def test_out_of_range_latitude_is_refused_on_assignment() -> None:
    project = Project()
    project.pdd.sites.append(Site(id="S1"))
    with pytest.raises(ValidationError):
        set_value(project, "pdd.sites.0.latitude", Decimal("91"))
    assert project.pdd.sites[0].latitude is None


def test_unknown_paths_are_named_in_the_error() -> None:
    with pytest.raises(PathError, match="'nope'"):
        get_value(Project(), "pdd.nope")
    with pytest.raises(PathError):
        get_value(Project(), "pdd.sites.4.city")


def test_patterns_are_checked_against_the_model() -> None:
    assert pattern_exists(Project, "pdd.sites.*.latitude")
    assert pattern_exists(Project, "moc.focal_point.primary_signatory.email")
    assert not pattern_exists(Project, "pdd.sites.*.altitude")
    assert not pattern_exists(Project, "pdd.title.*")


def test_coordinates_shown_in_degrees_minutes_seconds() -> None:
    site = Site(latitude=Decimal("-13.595889"), longitude=Decimal("100.877"))
    assert site.coordinates_dms() == "Latitude: 13°35'45.2\"S / Longitude: 100°52'37.2\"E"
