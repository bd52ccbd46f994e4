"""The checks tests' fixture: a factory of check contexts over the shipped form definitions."""

from __future__ import annotations

from typing import Any

import pytest
from check_support import TODAY, ContextFactory

from jcm_pdd.checks import CheckContext
from jcm_pdd.forms import load_forms
from jcm_pdd.model import Project


@pytest.fixture()
def context() -> ContextFactory:
    def build(project: Project, **kwargs: Any) -> CheckContext:
        registry = load_forms()
        return CheckContext(
            project=project,
            forms=registry.for_project(project),
            countries=registry.countries,
            today=kwargs.pop("today", TODAY),
            **kwargs,
        )

    return build
