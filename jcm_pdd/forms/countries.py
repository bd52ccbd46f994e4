"""Partner countries as data (``forms/countries.toml``): codes, names as the forms print them,
and a rough bounding box per country for the coordinate plausibility check.

The boxes are deliberately coarse (rectangles rounded outwards, see the note in the file): a
site outside its country's box is almost certainly a typo (swapped latitude and longitude, a
missing minus sign), but a site inside the box is not proven to be in the country.

Annotations are not postponed here (why: ``jcm_pdd/model/base.py``).
"""

from decimal import Decimal
from pathlib import Path
from typing import Self

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from jcm_pdd.forms.loader import read_toml, schema_error


class Bounds(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    south: Decimal = Field(ge=-90, le=90)
    west: Decimal = Field(ge=-180, le=180)
    north: Decimal = Field(ge=-90, le=90)
    east: Decimal = Field(ge=-180, le=180)

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.south > self.north:
            raise ValueError("south must not be north of north")
        return self

    def contains(self, latitude: Decimal, longitude: Decimal) -> bool:
        if not self.south <= latitude <= self.north:
            return False
        if self.west <= self.east:
            return self.west <= longitude <= self.east
        return longitude >= self.west or longitude <= self.east  # box crosses 180°


class Country(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    code: str = Field(pattern=r"^[A-Z]{2}$")
    name: str  # short name, e.g. "Viet Nam"
    formal_name: str  # as A.4 prints it, e.g. "The Kingdom of Thailand"
    formal_name_status: str = "recalled"
    partner: bool = True  # False for Japan (listed for A.4, not a host country)
    bounds: Bounds

    def names(self) -> set[str]:
        forms = {self.code, self.name, self.formal_name}
        return {_normalise(n) for n in forms}


class CountryTable(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    note: str = ""
    source: str = ""
    countries: list[Country]

    def get(self, code: str) -> Country | None:
        for country in self.countries:
            if country.code == code.upper():
                return country
        return None

    def match(self, text: str) -> Country | None:
        """The country a free-text entry (code, short or formal name) refers to."""
        wanted = _normalise(text)
        if not wanted:
            return None
        for country in self.countries:
            if wanted in country.names():
                return country
        return None

    def partners(self) -> list[Country]:
        return [c for c in self.countries if c.partner]


def _normalise(text: str) -> str:
    words = text.strip().casefold().replace(",", " ").split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def load_countries(forms_root: Path) -> CountryTable:
    file = forms_root / "countries.toml"
    data = read_toml(file)
    try:
        return CountryTable.model_validate(data)
    except ValidationError as exc:
        where = ".".join(str(p) for p in exc.errors()[0]["loc"])
        raise schema_error(file, data, exc, CountryTable, where) from None
