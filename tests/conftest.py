"""Test-wide configuration: offscreen Qt, and a private user-data folder per test.

``JCM_PDD_HOME`` redirects every per-user folder (recovery copies, migration backups, user
templates, settings) into the test's temporary directory, so no test touches the real profile.
"""

from __future__ import annotations

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
