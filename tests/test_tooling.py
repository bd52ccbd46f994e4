"""The project's standing tooling rules, enforced in CI: ruff (lint and format) over the code and
tests, mypy strict over all of jcm_pdd, the GUI included (configuration in pyproject.toml; the
few exemptions are listed in the README under "Type checking and lint")."""

from __future__ import annotations

import subprocess
import sys

from tests_support_paths import REPO_ROOT

CHECKED = ["jcm_pdd", "tests", "resources", "packaging"]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=REPO_ROOT, capture_output=True, text=True, timeout=600)


def test_ruff_lint_is_clean() -> None:
    result = _run(sys.executable, "-m", "ruff", "check", "--output-format", "concise", *CHECKED)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_is_clean() -> None:
    result = _run(sys.executable, "-m", "ruff", "format", "--check", *CHECKED)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_over_the_whole_package() -> None:
    result = _run(sys.executable, "-m", "mypy")
    assert result.returncode == 0, result.stdout + result.stderr
