"""The one resolver for the top-level data folders and the per-user folders.

Data folders (``forms``, ``methodology_templates``, ``resources``) sit at the top of a source
checkout; the wheel build maps them to ``jcm_pdd/_data/``; a PyInstaller bundle puts them under
``sys._MEIPASS``. Every other module asks here instead of computing paths itself.
User folders come from platformdirs and can be redirected with ``JCM_PDD_HOME`` (tests do this
so they never touch the real profile).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Literal

import platformdirs

DataFolder = Literal["forms", "methodology_templates", "resources"]

_PACKAGE_DIR = Path(__file__).resolve().parent
APP_NAME = "JCM PDD Studio"
APP_AUTHOR = "JCM PDD Studio"


def _candidate_roots() -> list[Path]:
    roots: list[Path] = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        roots.append(Path(frozen_root))
    roots.append(_PACKAGE_DIR / "_data")  # installed wheel
    roots.append(_PACKAGE_DIR.parent)  # source checkout or editable install
    return roots


def data_dir(name: DataFolder) -> Path:
    """Return the folder holding the shipped data ``name``; raise if it cannot be found."""
    for root in _candidate_roots():
        candidate = root / name
        if candidate.is_dir():
            return candidate
    searched = ", ".join(str(r / name) for r in _candidate_roots())
    raise FileNotFoundError(f"JCM PDD Studio data folder '{name}' not found (looked in {searched})")


def forms_dir() -> Path:
    return data_dir("forms")


def templates_dir() -> Path:
    return data_dir("methodology_templates")


def resources_dir() -> Path:
    return data_dir("resources")


def sample_project_path() -> Path:
    """The bundled sample project opened by ``jcm-pdd open --sample``."""
    return resources_dir() / "samples" / "mongolia-solar-pv.jcmpdd"


def registered_sample_path() -> Path:
    """The sample after registration: two monitoring periods with imported meter readings
    (built by ``resources/samples/build_registered.py``)."""
    return resources_dir() / "samples" / "mongolia-solar-pv-registered.jcmpdd"


def meter_readings_sample_path() -> Path:
    """Daily meter readings (kWh) of PV-1 and PV-2 for 01/04/2028 - 30/06/2028, the quarter
    after the registered sample's periods: columns ``date``, ``meter``, ``kwh``."""
    return resources_dir() / "samples" / "meter-readings-sample.csv"


def _user_root(kind: Literal["data", "config"]) -> Path:
    override = os.environ.get("JCM_PDD_HOME")
    if override:
        return Path(override) / kind
    if kind == "data":
        return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    return Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))


def user_data_dir() -> Path:
    path = _user_root("data")
    path.mkdir(parents=True, exist_ok=True)
    return path


def user_config_dir() -> Path:
    path = _user_root("config")
    path.mkdir(parents=True, exist_ok=True)
    return path


def recovery_dir() -> Path:
    """Autosave recovery copies (never the user's own file)."""
    path = user_data_dir() / "recovery"
    path.mkdir(parents=True, exist_ok=True)
    return path


def migration_backup_dir() -> Path:
    """Copies of project files kept before an older format is migrated."""
    path = user_data_dir() / "migration-backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def user_templates_dir() -> Path:
    """User-authored methodology templates, loaded beside the shipped ones."""
    path = user_data_dir() / "methodology_templates"
    path.mkdir(parents=True, exist_ok=True)
    return path
