"""Run a script in a new Python interpreter: what a start, a command or an export imports
and sets up shows only there, never in the test process that has imported everything."""

from __future__ import annotations

import subprocess
import sys


def fresh_python(script: str) -> str:
    """The standard output of ``script`` run by ``python -c`` (fails the test if it fails)."""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    )
    return done.stdout
