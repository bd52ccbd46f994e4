"""The chain of project-format migrations, from every older format up to ``FORMAT_VERSION``.

``MIGRATIONS[n]`` turns the plain JSON data of format ``n`` into format ``n + 1``; loading
applies them in order (after the caller has kept a copy of the original file). Migrations
work on JSON data, never on model objects, so an old migration keeps working however the
model changes later. Each must set ``format_version`` to its target.

Format 0 is the pre-release draft layout (prototype builds before the document model was split
into rule set / PDD / Monitoring Plan / MoC). Its ``project.json`` was flat::

    {
      "format_version": 0,
      "title": "...", "description": "...",
      "country": "MN",                          # partner country
      "methodology": "JCM_MN_AM003 ver02.0",    # id and version in one string
      "start_date": "2024-04-01",
      "sites": [{"name": "S1", "region": "...", "city": "...",
                 "lat": "47.91", "lon": "106.92"}],
      "participants": {"MN": ["..."], "JP": ["..."]},
      "attachments": [{"sha256": "...", "filename": "...", "mime": "...", "caption": "..."}]
    }

in the same container as format 1 (``mimetype``, ``manifest.json``, ``attachments/<sha256>``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jcm_pdd.model import FORMAT_VERSION

Migration = Callable[[dict[str, Any]], dict[str, Any]]


class MigrationError(ValueError):
    """The old data does not have the shape its format promises; the message says what."""


def _text(data: dict[str, Any], key: str) -> str:
    value = data.get(key, "")
    if value is None:
        return ""
    if not isinstance(value, str):
        raise MigrationError(f"“{key}” should be text")
    return value


def _list(data: dict[str, Any], key: str) -> list[Any]:
    value = data.get(key) or []
    if not isinstance(value, list):
        raise MigrationError(f"“{key}” should be a list")
    return value


def _v0_site(index: int, site: Any) -> dict[str, Any]:
    if not isinstance(site, dict):
        raise MigrationError(f"site {index + 1} should be a group of fields")
    return {
        "id": _text(site, "name") or f"S{index + 1}",
        "country": _text(site, "country"),
        "region": _text(site, "region"),
        "city": _text(site, "city"),
        "latitude": site.get("lat"),
        "longitude": site.get("lon"),
    }


def _v0_to_v1(data: dict[str, Any]) -> dict[str, Any]:
    """Format 0 (flat draft) -> format 1 (rule set, PDD sections, MP, MoC)."""
    methodology = _text(data, "methodology").split()
    methodology_id = methodology[0] if methodology else ""
    version = methodology[1].removeprefix("ver") if len(methodology) > 1 else ""
    country = _text(data, "country")
    participants_raw = data.get("participants") or {}
    if not isinstance(participants_raw, dict):
        raise MigrationError("“participants” should map countries to names")
    participants = []
    for party, names in participants_raw.items():
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise MigrationError(f"participants of {party} should be a list of names")
        participants += [{"country": str(party), "name": name} for name in names]
    sites = [_v0_site(i, s) for i, s in enumerate(_list(data, "sites"))]
    for site in sites:
        site["country"] = site["country"] or country
    attachments = []
    for item in _list(data, "attachments"):
        if not isinstance(item, dict):
            raise MigrationError("each attachment should be a group of fields")
        attachments.append(
            {
                "sha256": _text(item, "sha256"),
                "name": _text(item, "filename"),
                "media_type": _text(item, "mime") or "application/octet-stream",
                "caption": _text(item, "caption"),
            }
        )
    return {
        "format_version": 1,
        "rule_set": {"partner_country": country},
        "pdd": {
            "title": _text(data, "title"),
            "description": _text(data, "description"),
            "sites": sites,
            "participants": participants,
            "duration": {"start_date": data.get("start_date")},
            "methodology": {"methodology_id": methodology_id, "version": version},
        },
        "attachments": attachments,
    }


# Format 2 gives every table row a stable identity (``row_id``) and names rows by it in the
# confidential marks, so a mark follows its row when rows move (issue 13). The tables of
# format 1, by path; a list elsewhere (attachments) is not a table of the forms.
_V1_TABLES = (
    "pdd.sites",
    "pdd.participants",
    "pdd.eligibility",
    "pdd.emission_sources.reference",
    "pdd.emission_sources.project",
    "pdd.stakeholder_comments",
    "pdd.revisions",
    "monitoring_plan.index_members",
    "monitoring_plan.monitored",
    "monitoring_plan.fixed_ex_ante",
    "monitoring_plan.default_selections",
    "monitoring_plan.structure",
    "moc.other_participants",
)


def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """Format 1 -> 2: row identities; marks by row number become marks by row identity."""
    from jcm_pdd.model.base import new_row_id

    tables: dict[str, list[dict[str, Any]]] = {}
    for table in _V1_TABLES:
        node: Any = data
        for part in table.split("."):
            node = node.get(part) if isinstance(node, dict) else None
        if node is None:
            continue
        if not isinstance(node, list) or not all(isinstance(row, dict) for row in node):
            raise MigrationError(f"“{table}” should be a list of rows")
        taken: set[str] = set()
        for row in node:
            row_id = new_row_id()
            while row_id in taken:
                row_id = new_row_id()
            taken.add(row_id)
            row["row_id"] = row_id
        tables[table] = node
    marks = []
    for mark in _list(data, "confidential"):
        if not isinstance(mark, str):
            raise MigrationError("each confidential mark should be a model path")
        marks.append(_v1_stable_mark(mark, tables))
    return {**data, "confidential": marks, "format_version": 2}


def _v1_stable_mark(mark: str, tables: dict[str, list[dict[str, Any]]]) -> str:
    """``pdd.sites.1.city`` -> ``pdd.sites.@<row_id>.city`` (a row number past the end stays
    as it is: the mark dangled in format 1 too, and checks report it)."""
    for table, rows in tables.items():
        prefix = table + "."
        if not mark.startswith(prefix):
            continue
        number, _, rest = mark[len(prefix) :].partition(".")
        if number.isdigit() and int(number) < len(rows):
            stable = f"{prefix}@{rows[int(number)]['row_id']}"
            return f"{stable}.{rest}" if rest else stable
    return mark


MIGRATIONS: dict[int, Migration] = {0: _v0_to_v1, 1: _v1_to_v2}


def migrate(data: dict[str, Any], from_version: int) -> dict[str, Any]:
    """Apply the chain from ``from_version`` to ``FORMAT_VERSION`` (raises MigrationError)."""
    version = from_version
    while version < FORMAT_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise MigrationError(f"no conversion exists from format {version}")
        data = step(data)
        version += 1
        if data.get("format_version") != version:
            raise AssertionError(f"migration from {version - 1} did not produce format {version}")
    return data
