"""``jcm-pdd info FILE``: what a project file holds, without opening the app.

Prints the title, partner country, methodology, format version, sites and attachments.
Read-only: an older format is converted in memory only, and no backup copy is made.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("info", help="show what a .jcmpdd project file holds")
    parser.add_argument("file", type=Path, help="a .jcmpdd project file")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from jcm_pdd.storage import load_project
    from jcm_pdd.storage.container import human_size

    loaded = load_project(args.file, backup_before_migration=False)
    project, manifest = loaded.project, loaded.manifest
    methodology = project.pdd.methodology
    method = methodology.methodology_id or "(not chosen)"
    if methodology.version:
        method += f" ver{methodology.version}"
    fmt = str(manifest.format_version)
    if loaded.migrated_from is not None:
        fmt += " (older format; the app converts it when opened)"
    lines = [
        f"File:            {args.file}",
        f"Title:           {project.pdd.title or '(untitled)'}",
        f"Country:         {project.rule_set.partner_country or '(not set)'}",
        f"Methodology:     {method}",
        f"Format version:  {fmt}",
        f"Saved:           {manifest.saved_at or '(unknown)'} by version "
        f"{manifest.app_version or '(unknown)'}",
    ]
    if loaded.read_only_reason:
        lines.append(f"Note:            {loaded.read_only_reason}")
    lines.append(f"Sites:           {len(project.pdd.sites)}")
    for number, site in enumerate(project.pdd.sites, start=1):
        place = ", ".join(p for p in (site.city, site.region, site.country) if p) or "(no place)"
        where = site.coordinates_dms()
        lines.append(f"  {site.id or number}: {place}" + (f" — {where}" if where else ""))
    total = sum(loaded.attachments.size(r.sha256) for r in project.attachments)
    lines.append(f"Attachments:     {len(project.attachments)} ({human_size(total)})")
    for record in project.attachments:
        size = human_size(loaded.attachments.size(record.sha256))
        lines.append(
            f"  {record.sha256[:12]}  {record.name or '(unnamed)'}  {record.media_type}  {size}"
        )
    print("\n".join(lines))
    return 0
