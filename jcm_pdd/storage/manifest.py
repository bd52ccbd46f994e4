"""The container's ``manifest.json``: what a start page needs without opening the project.

It records the format version, the app version and save time (UTC), the methodology id,
version and template hash, and a ``summary`` dict supplied by the caller (title, country,
methodology, emission reductions per year, completeness ...). ``read_manifest`` reads only
this entry, so listing fifty recent projects stays fast however big their attachments are.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jcm_pdd.storage.container import DEFAULT_LIMITS, MANIFEST_ENTRY, Container, Limits
from jcm_pdd.storage.errors import ProjectFileError


def json_default(value: Any) -> str:
    """JSON encoding of the exact types the app uses (Decimal, Fraction, dates) as text."""
    from datetime import date, datetime
    from decimal import Decimal
    from fractions import Fraction

    if isinstance(value, Decimal | Fraction):
        return str(value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    raise TypeError(f"cannot store a {type(value).__name__} in a project file")


@dataclass(frozen=True)
class Manifest:
    format_version: int
    app_version: str = ""
    saved_at: str = ""  # ISO 8601 UTC, e.g. 2026-11-25T22:40:00Z
    methodology_id: str = ""
    methodology_version: str = ""
    template_hash: str = ""
    summary: dict[str, Any] = field(default_factory=dict)

    def to_json_bytes(self) -> bytes:
        data = {
            "format_version": self.format_version,
            "app_version": self.app_version,
            "saved_at": self.saved_at,
            "methodology": {
                "id": self.methodology_id,
                "version": self.methodology_version,
                "template_hash": self.template_hash,
            },
            "summary": self.summary,
        }
        text = json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False, default=json_default)
        return (text + "\n").encode("utf-8")


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def parse_manifest(raw: bytes, path: Path) -> Manifest:
    """Parse manifest bytes; any defect becomes a user-worded ``ProjectFileError``."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ProjectFileError(
            path, "its manifest.json is not UTF-8 text; the file is damaged."
        ) from None
    except (json.JSONDecodeError, RecursionError, ValueError) as exc:
        where = (
            f" (line {exc.lineno}, column {exc.colno})"
            if isinstance(exc, json.JSONDecodeError)
            else ""
        )
        raise ProjectFileError(
            path, f"its manifest.json is not valid JSON{where}; the file is damaged."
        ) from None
    if not isinstance(data, dict):
        raise ProjectFileError(path, "its manifest.json does not hold a JSON object.")
    version = data.get("format_version")
    if type(version) is not int or version < 0:
        raise ProjectFileError(
            path, "its manifest.json does not state a valid format version; the file is damaged."
        )
    methodology = data.get("methodology")
    methodology = methodology if isinstance(methodology, dict) else {}
    summary = data.get("summary")
    return Manifest(
        format_version=version,
        app_version=_text(data.get("app_version")),
        saved_at=_text(data.get("saved_at")),
        methodology_id=_text(methodology.get("id")),
        methodology_version=_text(methodology.get("version")),
        template_hash=_text(methodology.get("template_hash")),
        summary=summary if isinstance(summary, dict) else {},
    )


def manifest_from(container: Container) -> Manifest:
    if not container.has(MANIFEST_ENTRY):
        raise container.fail("it has no manifest.json; the file is damaged or incomplete.")
    raw = container.read_bytes(MANIFEST_ENTRY, container.limits.max_manifest_size)
    return parse_manifest(raw, container.path)


def read_manifest(path: Path | str, limits: Limits = DEFAULT_LIMITS) -> Manifest:
    """Read only the manifest (plus the container's safety checks): cheap, for the start page."""
    with Container(Path(path), limits) as container:
        return manifest_from(container)
