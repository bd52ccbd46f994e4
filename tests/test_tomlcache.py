"""The JSON parse cache returns exactly what tomllib returns, and falls back when damaged."""

from __future__ import annotations

import datetime as dt
import tomllib
from decimal import Decimal

from jcm_pdd import tomlcache

TEXT = """
a = 0.797
b = "0.797"
c = 2017-01-30
d = [{ x = 1.5e3, y = true }]
[t]
when = 2020-01-01T10:00:00
"""


def test_round_trip_matches_tomllib() -> None:
    expected = tomllib.loads(TEXT, parse_float=Decimal)
    first = tomlcache.loads(TEXT)  # parses and writes the cache
    second = tomlcache.loads(TEXT)  # reads the cache
    assert first == expected and second == expected
    assert isinstance(second["a"], Decimal) and str(second["a"]) == "0.797"
    assert second["c"] == dt.date(2017, 1, 30)
    folder = tomlcache.cache_dir()
    assert folder is not None and len(list(folder.glob("*.json"))) == 1


def test_damaged_cache_entry_falls_back_to_tomllib() -> None:
    tomlcache.loads(TEXT)
    folder = tomlcache.cache_dir()
    assert folder is not None
    [entry] = folder.glob("*.json")
    entry.write_text("{ not json", encoding="utf-8")
    assert tomlcache.loads(TEXT) == tomllib.loads(TEXT, parse_float=Decimal)


def test_changed_text_is_a_different_entry() -> None:
    tomlcache.loads(TEXT)
    assert tomlcache.loads(TEXT.replace("0.797", "0.533", 1))["a"] == Decimal("0.533")


def test_cache_is_pruned(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(tomlcache, "MAX_ENTRIES", 3)
    for n in range(6):
        tomlcache.loads(f"a = {n}\n")
    folder = tomlcache.cache_dir()
    assert folder is not None and len(list(folder.glob("*.json"))) == 3


def test_float_and_decimal_parses_are_cached_apart() -> None:
    exact = tomlcache.loads(TEXT)
    plain = tomlcache.loads(TEXT, decimal=False)  # a separate entry, not the Decimal one
    assert plain == tomllib.loads(TEXT) and isinstance(plain["a"], float)
    assert isinstance(tomlcache.loads(TEXT)["a"], Decimal) and exact["a"] == Decimal("0.797")
    assert tomlcache.loads(TEXT, decimal=False) == plain  # read back from the cache


def test_form_definitions_read_through_the_cache(tmp_path) -> None:
    from jcm_pdd.forms.loader import FormDefinitionError, read_toml

    good = tmp_path / "f.toml"
    good.write_text('title = "A"\nlimit = 1.5\n', encoding="utf-8")
    assert read_toml(good) == {"title": "A", "limit": 1.5}
    folder = tomlcache.cache_dir()
    assert folder is not None and any(folder.glob("*.json")), "the parse was cached"
    assert read_toml(good) == {"title": "A", "limit": 1.5}
    bad = tmp_path / "bad.toml"
    bad.write_bytes(b'title = "\xff"\n')
    try:
        read_toml(bad)
    except FormDefinitionError as exc:
        assert "UTF-8" in exc.message and "bad.toml" in exc.message
    else:
        raise AssertionError("a file that is not UTF-8 must be refused with a clear message")
