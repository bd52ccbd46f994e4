"""Fonts for the PDF exporter: a bundled Latin font plus a CJK font found on the machine.

reportlab embeds (a subset of) every TrueType font it draws with. The Latin font (Liberation
Sans, OFL) ships in ``resources/fonts``; a CJK TrueType font is looked up at run time because a
full one is 4-6 MB (see resources/fonts/README.md for the search order and the licences). Text
is split into runs so that each character is drawn with a font that has it. When no CJK
TrueType font exists, Japanese falls back to reportlab's Adobe-Japan1 CID font (not embedded,
still selectable) and a warning is logged.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont

from jcm_pdd.paths import resources_dir

log = logging.getLogger(__name__)

LATIN = "JCMSans"
LATIN_BOLD = "JCMSans-Bold"
CJK = "JCMCJK"
CID_FALLBACK = "HeiseiKakuGo-W5"

_WINDIR = Path(os.environ.get("WINDIR", "C:/Windows")) / "Fonts"
# (path, subfont index for .ttc); TrueType outlines only: reportlab cannot embed CFF fonts.
_CJK_CANDIDATES: tuple[tuple[Path, int], ...] = (
    (Path("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"), 0),
    (Path("/usr/share/fonts/truetype/ipaexfont-gothic/ipaexg.ttf"), 0),
    (Path("/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf"), 0),
    (Path("/usr/share/fonts/truetype/ipafont-gothic/ipag.ttf"), 0),
    (Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"), 0),
    (Path("/usr/share/fonts/truetype/fonts-japanese-gothic.ttf"), 0),
    (Path("/usr/share/fonts/truetype/takao-gothic/TakaoPGothic.ttf"), 0),
    (Path("/usr/share/fonts/truetype/vlgothic/VL-PGothic-Regular.ttf"), 0),
    (_WINDIR / "msgothic.ttc", 0),
    (_WINDIR / "YuGothR.ttc", 0),
    (_WINDIR / "meiryo.ttc", 0),
    (Path("/Library/Fonts/Arial Unicode.ttf"), 0),
    (Path("/System/Library/Fonts/Supplemental/Arial Unicode.ttf"), 0),
)


@dataclass(frozen=True)
class FontSet:
    latin: str
    latin_bold: str
    latin_chars: frozenset[int]


@dataclass(frozen=True)
class CJKFont:
    name: str
    embedded: bool
    source: str
    chars: frozenset[int] | None  # None: the CID fallback (assume it has the character)


def _cjk_candidates() -> list[tuple[Path, int]]:
    bundled = resources_dir() / "fonts"
    own = sorted(p for p in bundled.glob("cjk-*") if p.suffix.lower() in {".ttf", ".ttc"})
    return [(p, 0) for p in own] + list(_CJK_CANDIDATES)


def _register_latin() -> frozenset[int]:
    folder = resources_dir() / "fonts"
    regular = TTFont(LATIN, str(folder / "LiberationSans-Regular.ttf"))
    pdfmetrics.registerFont(regular)
    pdfmetrics.registerFont(TTFont(LATIN_BOLD, str(folder / "LiberationSans-Bold.ttf")))
    pdfmetrics.registerFontFamily(LATIN, normal=LATIN, bold=LATIN_BOLD)
    return frozenset(regular.face.charToGlyph)


@lru_cache(maxsize=1)
def font_set() -> FontSet:
    """Register the bundled Latin fonts once per process (the CJK font: lazily, ``markup``)."""
    return FontSet(LATIN, LATIN_BOLD, _register_latin())


@lru_cache(maxsize=1)
def cjk_font() -> CJKFont:
    """Find and register the CJK font once per process, only when a text needs it (parsing a
    4-6 MB CJK font costs about half a second)."""
    for path, index in _cjk_candidates():
        if not path.is_file():
            continue
        try:
            font = TTFont(CJK, str(path), subfontIndex=index)
        except Exception as exc:  # reportlab raises TTFError and others for unusable files
            log.info("skipping CJK font %s: %s", path, exc)
            continue
        pdfmetrics.registerFont(font)
        return CJKFont(CJK, True, str(path), frozenset(font.face.charToGlyph))
    log.warning(
        "No CJK TrueType font found; Japanese text uses the non-embedded CID font %s", CID_FALLBACK
    )
    pdfmetrics.registerFont(UnicodeCIDFont(CID_FALLBACK))
    return CJKFont(CID_FALLBACK, False, CID_FALLBACK, None)


def escape(text: str) -> str:
    """``xml.sax.saxutils.escape`` (``&``, ``<``, ``>``): that module imports urllib.request,
    http.client, ssl and email, about 15-90 ms of every render worker's start, for three
    replacements."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def markup(text: str, fonts: FontSet) -> str:
    """Escape ``text`` for a reportlab Paragraph, wrapping characters the Latin font lacks in a
    ``<font>`` tag naming the CJK font; newlines become line breaks."""
    out: list[str] = []
    run: list[str] = []
    run_cjk = False

    def flush() -> None:
        if run:
            chunk = escape("".join(run))
            out.append(f'<font name="{cjk_font().name}">{chunk}</font>' if run_cjk else chunk)
            run.clear()

    for char in text:
        if char == "\n":
            flush()
            out.append("<br/>")
            continue
        code = ord(char)
        needs_cjk = code not in fonts.latin_chars and not char.isspace()
        if needs_cjk and (chars := cjk_font().chars) is not None and code not in chars:
            needs_cjk = False  # neither font has it; let the Latin font draw its .notdef
        if needs_cjk != run_cjk:
            flush()
            run_cjk = needs_cjk
        run.append(char)
    flush()
    return "".join(out)
