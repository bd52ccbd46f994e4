"""reportlab's URI pattern compiled on first use instead of at import.

``reportlab.platypus.paragraph`` compiles, as it is imported, a URI pattern that matches with
IGNORECASE over the character range U+00A1-U+FFFF; Python's regular expression compiler then
folds the case of every character in that range, four times: 50-70 ms of every process that
draws a PDF, for a pattern reportlab only uses to hyphenate URIs (its ``uriWasteReduce``
option, which the PDF renderer never sets). ``re.compile`` answers from its cache of compiled
patterns; ``seed()`` puts a stand-in there under that pattern's key, so the import gets the
stand-in, which compiles the real pattern the first time anything uses it. If reportlab's
pattern changes, the key no longer matches and reportlab compiles its own as before (nothing
else changes); ``tests/export/test_export_render.py`` checks the seed still takes effect.
``jcm_pdd.export`` seeds it as it is imported, before any renderer imports reportlab.
"""

from __future__ import annotations

import re
from typing import Any

# reportlab.platypus.paragraph.uri_pat (reportlab 4.x), compiled with re.IGNORECASE
URI_PATTERN = (
    "(^(?:[a-z0-9\\.\\-\\+]*)://)(?:\\S+(?::\\S*)?@)?(?:(?:25[0-5]|2[0-4]\\d|[0-1]?"
    "\\d?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|[0-1]?\\d?\\d)){3}|\\[[0-9a-f:\\.]+\\]|([a-"
    "z\xa1-\uffff0-9](?:[a-z\xa1-\uffff0-9-]{0,61}[a-z\xa1-\uffff0-9])?(?:\\.(?!-)["
    "a-z\xa1-\uffff0-9-]{1,63}(?<!-))*\\.(?!-)(?:[a-z\xa1-\uffff-]{2,63}|xn--[a-z0-"
    "9]{1,59})(?<!-)\\.?|localhost))(?::\\d{2,5})?(?:[/?#][^\\s]*)?\\Z"
)
URI_FLAGS = re.IGNORECASE


class LazyPattern:
    """A compiled pattern's stand-in: compiles it on the first attribute used (``match``...)."""

    def __init__(self, pattern: str, flags: re.RegexFlag) -> None:
        self.pattern_source = pattern
        self.pattern_flags = flags
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            # re.UNICODE is implied for a str pattern: the same pattern under another cache key
            # than this stand-in's
            self._compiled = re.compile(self.pattern_source, self.pattern_flags | re.UNICODE)
        return self._compiled

    def __getattr__(self, name: str) -> Any:
        return getattr(self.compiled(), name)


def seed() -> None:
    """Put the stand-in into ``re``'s cache (where it has one) unless the pattern is there."""
    cache = getattr(re, "_cache", None)
    if not isinstance(cache, dict):
        return  # another Python: reportlab compiles the pattern itself
    key = (str, URI_PATTERN, int(URI_FLAGS))
    cache.setdefault(key, LazyPattern(URI_PATTERN, URI_FLAGS))
