"""Shared names for the package tests (a module of its own so test folders never shadow
each other's conftest helpers)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

CREATED = datetime(2026, 1, 15, 9, 30, tzinfo=UTC)


@dataclass
class Built:
    folder: Path
    project: Path
    package: Path
    project2: Path
    package2: Path
