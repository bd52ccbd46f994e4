"""Helpers for the checks tests: the complete MN_AM003 project and diagnostic helpers.

A module of its own (not conftest) so that test folders never shadow each other's helpers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from builders import FIGURE_SHA as FIGURE_SHA
from builders import filled_mn_am003

from jcm_pdd.checks import CheckContext, Diagnostic
from jcm_pdd.methodology import Template, load_registry
from jcm_pdd.model import Project

TODAY = dt.date(2026, 11, 25)


def mn_template() -> Template:
    return load_registry().get("JCM_MN_AM003", "02.0")


def complete_project() -> Project:
    """A Mongolian solar PV project with every required field filled (no error diagnostics):
    the shared builder's defaults (tests/builders.py), which these tests rely on."""
    return filled_mn_am003()


ContextFactory = Callable[..., CheckContext]


def codes(diagnostics: Iterable[Diagnostic]) -> list[str]:
    return [d.code for d in diagnostics]


def by_code(diagnostics: Iterable[Diagnostic], code: str) -> list[Diagnostic]:
    return [d for d in diagnostics if d.code == code]
