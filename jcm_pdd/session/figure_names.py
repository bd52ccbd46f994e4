"""How a computed figure reads to a person: ``figures.2026.ER_rounded`` as
"2026 — Emission reductions ER, tCO2e (rounded down)".

A figure is stored and compared under a key (``figures.<year or total>.<quantity>``, as
``package.engine`` names it). Every place that shows one to a person (``review show``, the
sign-off panel's changes, the compare view's Figures branch) takes its words from here, in the
interface language, so the command line and the app name a figure alike. RE and PE are rounded
as the template says (half up for the sample), ER always down: the whole-tonne rows are named as
C.3 prints them, not by one rounding mode.
"""

from __future__ import annotations

_QUANTITIES = {
    "en": {
        "RE": "Reference emissions RE (exact)",
        "PE": "Project emissions PE (exact)",
        "ER": "Emission reductions ER (exact)",
        "RE_rounded": "Reference emissions RE, tCO2e (as in C.3)",
        "PE_rounded": "Project emissions PE, tCO2e (as in C.3)",
        "ER_rounded": "Emission reductions ER, tCO2e (rounded down)",
    },
    "ja": {
        "RE": "リファレンス排出量 RE（厳密値）",
        "PE": "プロジェクト排出量 PE（厳密値）",
        "ER": "排出削減量 ER（厳密値）",
        "RE_rounded": "リファレンス排出量 RE tCO2e（C.3 の表示値）",
        "PE_rounded": "プロジェクト排出量 PE tCO2e（C.3 の表示値）",
        "ER_rounded": "排出削減量 ER tCO2e（切り捨て）",
    },
}
_TOTAL = {"en": "Total", "ja": "合計"}
PREFIX = "figures."


def quantity_name(quantity: str, language: str = "en") -> str:
    """``ER_rounded`` as "Emission reductions ER, tCO2e (rounded down)"; unknown ones as is."""
    return _QUANTITIES.get(language, _QUANTITIES["en"]).get(quantity, quantity)


def period_name(period: str, language: str = "en") -> str:
    """A figure's year as is; the whole crediting period's ``total`` as "Total"."""
    return _TOTAL.get(language, _TOTAL["en"]) if period == "total" else period


def figure_name(key: str, language: str = "en") -> str:
    """``figures.<year>.<quantity>`` as "<year> — <quantity>"; "" when ``key`` is no figure."""
    parts = key.split(".")
    if len(parts) != 3 or parts[0] != PREFIX.rstrip("."):
        return ""
    return f"{period_name(parts[1], language)} — {quantity_name(parts[2], language)}"
