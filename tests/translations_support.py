"""The Japanese interface texts as ``resources/translations/fill_ja.py`` holds them, for the
tests that check words against them (fill_ja.py is a script kept beside the catalogue, not a
module of the app, so it is loaded from its file)."""

from __future__ import annotations

import importlib.util

from jcm_pdd.paths import resources_dir


def japanese_texts() -> dict[str, str]:
    """fill_ja.py's table: English interface string -> its Japanese."""
    spec = importlib.util.spec_from_file_location(
        "fill_ja", resources_dir() / "translations" / "fill_ja.py"
    )
    assert spec is not None and spec.loader is not None
    fill_ja = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fill_ja)
    table: dict[str, str] = fill_ja.JA
    return table
