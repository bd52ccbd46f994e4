"""Errors of the methodology package: template problems (file, line, symbol) and input problems.

``TemplateError`` carries a list of :class:`Problem` so ``templates check`` reports every problem
of a file at once; ``InputError`` names the parameter (and index member) a user must fix.
Both are ``UserError``: the CLI prints them on one line and exits 1.
"""

from __future__ import annotations

from dataclasses import dataclass

from jcm_pdd.errors import UserError


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem in a template file."""

    file: str
    line: int
    symbol: str
    message: str
    # toml, schema, expression, undefined-symbol, cycle, unit, unused, index, provenance, example
    code: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}"
        return (
            f"{where}: {self.symbol}: {self.message}" if self.symbol else f"{where}: {self.message}"
        )


class TemplateError(UserError):
    """A template that cannot be used; ``problems`` lists every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        first = str(self.problems[0]) if self.problems else "invalid template"
        more = len(self.problems) - 1
        super().__init__(first + (f" (and {more} more problem(s))" if more > 0 else ""))


class InputError(UserError):
    """A missing or unusable input value; names the parameter key, symbol and index member."""

    def __init__(self, message: str, key: str = "", index: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.key = key
        self.index = dict(index or {})


class CalculationError(InputError):
    """The inputs are present but the arithmetic is impossible (division by zero, no band)."""


def index_label(index: dict[str, str] | tuple[tuple[str, str], ...]) -> str:
    """``[i=PV-1]`` for messages; empty for unindexed parameters."""
    items = index.items() if isinstance(index, dict) else index
    inner = ", ".join(f"{k}={v}" for k, v in items)
    return f"[{inner}]" if inner else ""
