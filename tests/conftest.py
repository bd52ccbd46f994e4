"""Test-wide configuration: offscreen Qt, a private user-data folder per test, and no
unexpected log warnings (a test that provokes them says so with ``log_warnings_expected``).

``JCM_PDD_HOME`` redirects every per-user folder (recovery copies, migration backups, user
templates, settings) into the test's temporary directory, so no test touches the real profile.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _private_user_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    home = tmp_path_factory.mktemp("jcm-home")
    previous = os.environ.get("JCM_PDD_HOME")
    os.environ["JCM_PDD_HOME"] = str(home)
    yield home
    if previous is None:
        os.environ.pop("JCM_PDD_HOME", None)
    else:
        os.environ["JCM_PDD_HOME"] = previous


# Warnings about the machine rather than the code: declared once here. Without a CJK TrueType
# font the PDF falls back to a non-embedded CID font (test_export_render checks the embedding).
MACHINE_WARNINGS = ("No CJK TrueType font found",)


@pytest.fixture(autouse=True)
def _no_unexpected_log_warnings(
    request: pytest.FixtureRequest, caplog: pytest.LogCaptureFixture
) -> Iterator[None]:
    yield
    if request.node.get_closest_marker("log_warnings_expected"):
        return
    loud = [
        f"{r.name}: {r.getMessage()}"
        for when in ("setup", "call")
        for r in caplog.get_records(when)
        if r.levelno >= logging.WARNING
        and not any(r.getMessage().startswith(m) for m in MACHINE_WARNINGS)
    ]
    if loud:
        pytest.fail("unexpected log warnings:\n" + "\n".join(loud), pytrace=False)
