"""The words of every diagnostic, per language, from the catalogues in resources/messages/.

A diagnostic carries a stable message ``key`` (its code, or ``<code>.<variant>`` where one code
is worded in more than one way) and ``params`` (the values the words need, as text). The words
are data: ``checks.en.toml`` and ``checks.ja.toml`` map each key to a template with ``{name}``
placeholders, so the desktop app can show Japanese while the CLI and exports keep English.
``Diagnostic.message`` is the English text, made from the English catalogue when the
diagnostic is made; ``text(diagnostic, language)`` gives it in any installed language. Values
that come from data (form labels, methodology ids, site names) are inserted as they are; a
value that is one of the product's own English sentences (a methodology caveat) is put in the
language by the catalogue's ``[values]`` table, and a row named by its number ("row 3", "row 3
(S1)") by its ``row`` words ("3 行目 (S1)"), as the views name rows.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any

from jcm_pdd import tomlcache
from jcm_pdd.paths import resources_dir

if TYPE_CHECKING:
    from jcm_pdd.checks.diagnostic import Diagnostic

LANGUAGES = ("en", "ja")
DEFAULT_LANGUAGE = "en"
_ROW = re.compile(r"row (\d+)(.*)", re.DOTALL)  # how the checks name a row: "row 3 (S1)"


@cache
def _file(language: str) -> Mapping[str, Any]:
    path = resources_dir() / "messages" / f"checks.{language}.toml"
    return tomlcache.loads(path.read_text(encoding="utf-8"), decimal=False)


@cache
def catalogue(language: str) -> Mapping[str, str]:
    """Every message template of ``language`` by key (English when the language is unknown)."""
    if language not in LANGUAGES:
        language = DEFAULT_LANGUAGE
    messages = _file(language)["messages"]
    return {str(key): str(value) for key, value in messages.items()}


@cache
def values(language: str) -> Mapping[str, Mapping[str, str]]:
    """The product's own English words that a message quotes (a methodology caveat, a status
    such as "unverified"), in ``language``: the catalogue's optional ``[values.<placeholder>]``
    tables, English text -> translation, per placeholder (so a site named "draft" stays)."""
    if language not in LANGUAGES or language == DEFAULT_LANGUAGE:
        return {}
    return {
        str(name): {str(k): str(v) for k, v in table.items()}
        for name, table in _file(language).get("values", {}).items()
    }


def _row_words(value: str, language: str) -> str:
    """ "row 3 (S1)" in ``language`` ("3 行目 (S1)"), by the catalogue's ``row`` template."""
    found = _ROW.fullmatch(value)
    if found is None or language not in LANGUAGES or language == DEFAULT_LANGUAGE:
        return value
    words = _file(language).get("row")
    return str(words).format(found[1]) + found[2] if words else value


def render(key: str, params: Mapping[str, str], language: str = DEFAULT_LANGUAGE) -> str:
    """The message ``key`` in ``language``, its ``{placeholders}`` filled from ``params``.

    A key or a placeholder the language lacks falls back to English (a newer rule in an older
    translation), so a diagnostic is always shown in words.
    """
    template = catalogue(language).get(key)
    if template is not None:
        own = values(language)
        try:
            shown = {k: _row_words(own.get(k, {}).get(v, v), language) for k, v in params.items()}
            return template.format_map(shown)
        except (KeyError, IndexError, ValueError):
            pass
    return catalogue(DEFAULT_LANGUAGE)[key].format_map(params)


def text(diagnostic: Diagnostic, language: str = DEFAULT_LANGUAGE) -> str:
    """What the diagnostic says, in ``language`` ("en" or "ja")."""
    if language == DEFAULT_LANGUAGE:
        return diagnostic.message
    return render(diagnostic.key or diagnostic.code, diagnostic.params, language)
