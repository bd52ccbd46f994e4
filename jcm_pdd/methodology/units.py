"""Units of JCM methodologies and the dimensional algebra used to check equations at load time.

A :class:`Unit` is an exact scale (``Fraction``) times a product of base dimensions. Base scales:
MWh (energy), h (time), t (mass), tCO2 (emissions), kL (volume), Nm3 (normal gas volume), K
(temperature difference), lm (luminous flux), km (length), ohm, p (one period). Power is energy
per time, so ``kW * h`` is ``kWh``. Two units are interchangeable only when dimension *and*
scale agree; anything else needs an explicit ``convert()`` in the equation (FORMAT.md "Units").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from fractions import Fraction

# Bounds for units from template files (a hostile template could otherwise nest parentheses past
# the parser's recursion, or multiply scales into numbers too long to print).
MAX_UNIT_LENGTH = 80
MAX_UNIT_NESTING = 8
MAX_SCALE_BITS = 512  # 1/1000 ** 50 fits; real units use a few conversions
MAX_DIMENSION_POWER = 16

BASES = ("MWh", "h", "t", "tCO2", "kL", "Nm3", "K", "lm", "km", "ohm", "p")
_N = len(BASES)


@dataclass(frozen=True, slots=True)
class Unit:
    scale: Fraction
    dims: tuple[int, ...]

    def __mul__(self, other: Unit) -> Unit:
        dims = tuple(a + b for a, b in zip(self.dims, other.dims, strict=True))
        return _bounded(self.scale * other.scale, dims)

    def __truediv__(self, other: Unit) -> Unit:
        dims = tuple(a - b for a, b in zip(self.dims, other.dims, strict=True))
        return _bounded(self.scale / other.scale, dims)

    def __pow__(self, exponent: int) -> Unit:
        dims = tuple(a * exponent for a in self.dims)
        if any(abs(d) > MAX_DIMENSION_POWER for d in dims):
            raise UnitError(_TOO_LARGE)
        bits = self.scale.numerator.bit_length() + self.scale.denominator.bit_length()
        if bits * abs(exponent) > 2 * MAX_SCALE_BITS:  # before computing a huge power
            raise UnitError(_TOO_LARGE)
        return _bounded(self.scale**exponent, dims)

    def same_dimension(self, other: Unit) -> bool:
        return self.dims == other.dims

    @property
    def dimensionless(self) -> bool:
        return not any(self.dims)

    def describe(self) -> str:
        """Canonical text, e.g. ``tCO2/p`` or ``tCO2/p x 1/1000``."""
        num = [_power(b, e) for b, e in zip(BASES, self.dims, strict=False) if e > 0]
        den = [_power(b, -e) for b, e in zip(BASES, self.dims, strict=False) if e < 0]
        text = "*".join(num) or "1"
        if den:
            text += "/" + ("*".join(den) if len(den) == 1 else "(" + "*".join(den) + ")")
        if self.scale != 1:
            text += f" x {self.scale}"
        return "dimensionless" if text == "1" else text


_TOO_LARGE = "the unit grows implausibly large (powers or conversions beyond any real unit)"


def _bounded(scale: Fraction, dims: tuple[int, ...]) -> Unit:
    if scale.numerator.bit_length() + scale.denominator.bit_length() > MAX_SCALE_BITS or any(
        abs(d) > MAX_DIMENSION_POWER for d in dims
    ):
        raise UnitError(_TOO_LARGE)
    return Unit(scale, dims)


def _power(base: str, exponent: int) -> str:
    return base if exponent == 1 else f"{base}^{exponent}"


def _base(name: str, scale: Fraction | int = 1, power: int = 1) -> Unit:
    dims = [0] * _N
    dims[BASES.index(name)] = power
    return Unit(Fraction(scale), tuple(dims))


DIMENSIONLESS = Unit(Fraction(1), (0,) * _N)
_HOUR = _base("h")

# Known unit symbols (FORMAT.md "Units"). Conversions are exact fractions.
UNITS: dict[str, Unit] = {
    "MWh": _base("MWh"),
    "kWh": _base("MWh", Fraction(1, 1000)),
    "Wh": _base("MWh", Fraction(1, 10**6)),
    "GJ": _base("MWh", Fraction(5, 18)),  # 1 MWh = 3.6 GJ
    "MJ": _base("MWh", Fraction(5, 18000)),
    "TJ": _base("MWh", Fraction(2500, 9)),
    "MW": _base("MWh") / _HOUR,
    "kW": _base("MWh", Fraction(1, 1000)) / _HOUR,
    "W": _base("MWh", Fraction(1, 10**6)) / _HOUR,
    # 1 US refrigeration ton = 12,000 BTU/h = 3.516853 kW
    "USRt": _base("MWh", Fraction("3.516853") / 1000) / _HOUR,
    "h": _HOUR,
    "d": _base("h", 24),
    "yr": _base("h", 8760),
    "t": _base("t"),
    "kg": _base("t", Fraction(1, 1000)),
    "tCO2": _base("tCO2"),
    "tCO2e": _base("tCO2"),  # JCM sheets use both for the same quantity
    "kgCO2": _base("tCO2", Fraction(1, 1000)),
    "kL": _base("kL"),
    "L": _base("kL", Fraction(1, 1000)),
    "m3": _base("kL"),
    "Nm3": _base("Nm3"),
    "degC": _base("K"),  # temperature differences: no offset
    "K": _base("K"),
    "lm": _base("lm"),
    "km": _base("km"),
    "m": _base("km", Fraction(1, 1000)),
    "m2": _base("km", Fraction(1, 10**6), 2),
    "ohm": _base("ohm"),
    "p": _base("p"),
    "%": Unit(Fraction(1, 100), DIMENSIONLESS.dims),
    "-": DIMENSIONLESS,
    "1": DIMENSIONLESS,
    "dimensionless": DIMENSIONLESS,
}

_TOKEN = re.compile(r"\s*(?:(?P<int>-?\d+)|(?P<name>[A-Za-z%][A-Za-z0-9]*|%|-)|(?P<op>[*/()^]))")


class UnitError(ValueError):
    """A unit string that cannot be read."""


@functools.lru_cache(maxsize=512)
def parse_unit(text: str) -> Unit:
    """Parse ``tCO2/MWh``, ``kWh/(m2*yr)``, ``lm/W``, ``-`` ... into a :class:`Unit`."""
    source = text.strip()
    if source in ("", "-", "1", "dimensionless"):
        return DIMENSIONLESS
    if len(source) > MAX_UNIT_LENGTH:
        raise UnitError(f"unit '{source[:20]}...' is longer than {MAX_UNIT_LENGTH} characters")
    tokens = _tokenize(source)
    pos = 0
    depth = 0

    def factor() -> Unit:
        nonlocal pos
        if pos >= len(tokens):
            raise UnitError(f"unit '{text}' ends unexpectedly")
        kind, value = tokens[pos]
        pos += 1
        if kind == "op" and value == "(":
            nonlocal depth
            depth += 1
            if depth > MAX_UNIT_NESTING:
                raise UnitError(f"unit '{text}' nests more than {MAX_UNIT_NESTING} parentheses")
            inner = product()
            depth -= 1
            if pos >= len(tokens) or tokens[pos] != ("op", ")"):
                raise UnitError(f"unit '{text}': missing ')'")
            pos += 1
            unit = inner
        elif kind == "int" and value == "1":
            unit = DIMENSIONLESS
        elif kind == "name":
            if value not in UNITS:
                raise UnitError(f"unknown unit '{value}' in '{text}'")
            unit = UNITS[value]
        else:
            raise UnitError(f"unit '{text}': unexpected '{value}'")
        if pos < len(tokens) and tokens[pos] == ("op", "^"):
            if pos + 1 >= len(tokens) or tokens[pos + 1][0] != "int":
                raise UnitError(f"unit '{text}': '^' needs an integer")
            exponent = int(tokens[pos + 1][1])
            if abs(exponent) > 4:
                raise UnitError(f"unit '{text}': exponent {exponent} is too large")
            pos += 2
            unit = unit**exponent
        return unit

    def product() -> Unit:
        nonlocal pos
        unit = factor()
        while pos < len(tokens) and tokens[pos][0] == "op" and tokens[pos][1] in "*/":
            op = tokens[pos][1]
            pos += 1
            unit = unit * factor() if op == "*" else unit / factor()
        return unit

    result = product()
    if pos != len(tokens):
        raise UnitError(f"unit '{text}': unexpected '{tokens[pos][1]}'")
    return result


def _tokenize(text: str) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    pos = 0
    while pos < len(text):
        if text[pos].isspace():
            pos += 1
            continue
        match = _TOKEN.match(text, pos)
        if not match or match.end() == pos:
            raise UnitError(f"unit '{text}': cannot read '{text[pos:]}'")
        kind = match.lastgroup or "op"
        tokens.append((kind, match.group(kind).strip()))
        pos = match.end()
    return tokens


def conversion_factor(source: Unit, target: Unit) -> Fraction:
    """Multiply a value in ``source`` by this to express it in ``target`` (same dimension)."""
    if not source.same_dimension(target):
        raise UnitError(f"cannot convert {source.describe()} to {target.describe()}")
    return source.scale / target.scale
