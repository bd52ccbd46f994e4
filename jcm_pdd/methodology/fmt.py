"""Display of exact values: a ``Fraction`` as a decimal string, exact when it terminates.

Figures are never shown through binary floats: ``format_fraction(Fraction(1, 3))`` gives
``0.3333333333…`` (marked as truncated), ``format_fraction(Fraction(54279, 400))`` gives
``135.6975``. Whole tonnes (C.3) print with thousands separators, ``whole(14746)`` ->
``14,746``. The one module that turns numbers into text for every consumer.
"""

from __future__ import annotations

from decimal import ROUND_DOWN, Decimal, localcontext
from fractions import Fraction


def whole(value: int) -> str:
    """A whole number as C.3 and the panels print it: 14746 -> "14,746"."""
    return f"{value:,}"


def terminates(value: Fraction) -> bool:
    """Whether the decimal expansion of ``value`` is finite (denominator = 2^a 5^b)."""
    d = value.denominator
    for p in (2, 5):
        while d % p == 0:
            d //= p
    return d == 1


def to_decimal(value: Fraction, places: int = 10) -> Decimal:
    """Exact Decimal when the value terminates, else truncated to ``places`` decimals."""
    with localcontext() as ctx:
        ctx.prec = 60
        exact = Decimal(value.numerator) / Decimal(value.denominator)
        if terminates(value):
            return exact.normalize() if exact != exact.to_integral() else exact.quantize(Decimal(1))
        return exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_DOWN)


def format_fraction(value: Fraction, places: int = 10, grouping: bool = False) -> str:
    """``135.6975``; non-terminating values end in ``…`` after ``places`` decimals."""
    dec = to_decimal(value, places)
    text = f"{dec:,f}" if grouping else f"{dec:f}"
    return text if terminates(value) else text + "…"
