"""Broken form index files for the tests of how their problems are worded (the loader's and
the app's start): one problem each, and pydantic's own words that must never reach a user."""

from __future__ import annotations

# (text in countries.toml, its replacement, what the user reads)
COUNTRY_CASES = [
    ('name = "Mongolia"', "", "(countries.0.name): is required"),
    ('name = "Mongolia"', "name = 7", "(countries.0.name): must be text"),
    ('name = "Mongolia"', 'name = "Mongolia"\nnmae = "x"', "(countries.0.nmae): is not a key"),
]
PYDANTIC_WORDS = ("Field required", "Input should be", "Extra inputs", "valid string")
