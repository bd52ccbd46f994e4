"""``jcm-pdd templates list|show|provenance|check``: the methodology templates, headless.

``list`` prints every loaded template (``--json`` for machines); ``show ID`` prints identity
and parameters with key, symbol, unit, role, options, defaults and provenance; ``check
[PATH...]`` lints template files or folders and runs their worked examples (exit 1 on any
problem; with no PATH it checks the shipped and user templates); ``provenance [--markdown]
[--shipped-only]`` reports what is verified, draft or unverified (``--markdown
--shipped-only`` writes the text of methodology_templates/PROVENANCE.md).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jcm_pdd.errors import UserError

if TYPE_CHECKING:  # the engine is imported by the handlers, so other commands start fast
    from jcm_pdd.methodology import Template


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("templates", help="list, show and check methodology templates")
    sub = parser.add_subparsers(dest="templates_command", metavar="ACTION")
    listing = sub.add_parser("list", help="list the available methodology templates")
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    listing.add_argument("--country", help="only templates of this host country (e.g. MN)")
    listing.add_argument("--templates", type=Path, action="append", default=[], metavar="DIR")
    listing.set_defaults(handler=run_list)
    show = sub.add_parser("show", help="show one template's identity and parameters")
    show.add_argument("id", help="methodology id, e.g. JCM_MN_AM003")
    show.add_argument("--version", help="methodology version (default: latest valid)")
    show.add_argument("--json", action="store_true", help="machine-readable output")
    show.add_argument("--templates", type=Path, action="append", default=[], metavar="DIR")
    show.set_defaults(handler=run_show)
    report = sub.add_parser(
        "provenance", help="provenance report: what is verified, draft or unverified"
    )
    report.add_argument(
        "--markdown", action="store_true", help="the full Markdown report (PROVENANCE.md)"
    )
    report.add_argument(
        "--shipped-only",
        action="store_true",
        help="only the shipped templates (how methodology_templates/PROVENANCE.md is made)",
    )
    report.add_argument("--templates", type=Path, action="append", default=[], metavar="DIR")
    report.set_defaults(handler=run_provenance)
    check = sub.add_parser("check", help="lint template files/folders and run worked examples")
    check.add_argument("paths", nargs="*", type=Path, metavar="PATH")
    check.set_defaults(handler=run_check)
    parser.set_defaults(handler=lambda args: _usage(parser))


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_usage()
    return 2


def _summary(t: Template) -> dict[str, Any]:
    from jcm_pdd.methodology.status import caveat, methodology_status

    i = t.identity
    return {
        "id": i.id,
        "version": i.version,
        "host_country": i.host_country,
        "title": i.title,
        "sectoral_scope": i.sectoral_scope,
        "status": i.status,
        "approval_date": i.approval_date.isoformat() if i.approval_date else None,
        "proponent": i.proponent,
        "sector": i.sector,
        "technology": i.technology,
        "methodology_status": methodology_status(t),
        "methodology_caveat": caveat(t),
        "identity_status": i.provenance.status,
        "default_statuses": sorted(t.default_statuses()),
        "path": t.path,
    }


def run_list(args: argparse.Namespace) -> int:
    from jcm_pdd.methodology import load_registry
    from jcm_pdd.methodology.registry import default_dirs

    registry = load_registry(args.templates)
    templates = registry.for_country(args.country) if args.country else registry.all()
    if args.json:
        print(json.dumps([_summary(t) for t in templates], indent=2, ensure_ascii=False))
    else:
        from jcm_pdd.methodology.status import LABEL, methodology_status

        for t in templates:
            status = methodology_status(t)
            flags = "" if status == "verified" else f"  [methodology {LABEL[status]}]"
            if not t.default_statuses() <= {"verified"}:
                flags += "  [unverified values]"
            print(f"{t.identity.full_id:24} {t.identity.host_country}  {t.identity.title}{flags}")
        folders = [str(d) for d in [*default_dirs(), *args.templates]]
        print(f"({len(templates)} template(s) from: {'; '.join(folders)})")
    for problem in registry.errors:
        print(f"warning: {problem}", file=sys.stderr)
    return 0


def _parameter(key: str, t: Template) -> dict[str, Any]:
    p = t.parameters[key]
    data: dict[str, Any] = {
        "key": key,
        "symbol": p.symbol,
        "description": p.description,
        "unit": p.unit,
        "role": p.role,
        "index": p.index,
    }
    if p.options:
        data["options"] = p.options
        data["default_option"] = p.default_option
    if p.record_only and p.provenance is not None:
        data["record_only"] = True
        data["provenance"] = p.provenance.model_dump()
    if p.value is not None and p.provenance is not None:
        data["default"] = {"value": str(p.value), "provenance": p.provenance.model_dump()}
    if p.choices:
        data["choices"] = [
            {
                "name": c.name,
                "label": c.label,
                "value": None if c.value is None else str(c.value),
                "entered": c.entered,
                "rule": c.rule,
                "provenance": c.provenance.model_dump(),
            }
            for c in p.choices
        ]
        data["default_choice"] = p.default_choice
    if p.equation:
        data["equation"] = p.equation
        data["equation_ref"] = p.equation_ref
    return data


def run_show(args: argparse.Namespace) -> int:
    from jcm_pdd.methodology import load_registry

    template = load_registry(args.templates).get(args.id, args.version)
    params = [_parameter(k, template) for k in template.parameters]
    if args.json:
        out = _summary(template) | {
            "identity_provenance": template.identity.provenance.model_dump(),
            "equations_provenance": template.equations_provenance.model_dump()
            if template.equations_provenance
            else None,
            "identity_field_provenance": {
                name: prov.model_dump() for name, prov in template.identity.field_provenance.items()
            },
            "summary": template.summary.model_dump(),
            "terms": [t.model_dump() for t in template.terms],
            "eligibility": [
                {
                    "number": c.number,
                    "text": c.text,
                    "check": c.check,
                    "status": c.provenance.status,
                    "citation": c.provenance.citation,
                }
                for c in template.eligibility
            ],
            "emission_sources": template.emission_sources.model_dump(),
            "index_sets": {k: v.model_dump() for k, v in template.index_sets.items()},
            "parameters": params,
            "tables": {k: v.model_dump() for k, v in template.tables.items()},
            "rounding": template.rounding.model_dump(),
        }
        print(json.dumps(out, indent=2, ensure_ascii=False, default=str))
        return 0
    i = template.identity
    print(f"{i.full_id}  {i.title}")
    print(
        f"Host country {i.host_country}; sectoral scope {i.sectoral_scope}; status {i.status};"
        f" approved {i.approval_date or '(unknown)'}; proponent {i.proponent or '(unknown)'}"
    )
    from jcm_pdd.methodology.status import LABEL, caveat, methodology_status

    status = methodology_status(template)
    print(f"Methodology: {LABEL[status]}" + (f" — {caveat(template)}" if caveat(template) else ""))
    print(f"Identity provenance: {i.provenance.status} — {i.provenance.citation}")
    for name, prov in i.field_provenance.items():
        print(f"  {name} = {getattr(i, name) or '(empty)'}: {prov.status} — {prov.citation}")
    if template.equations_provenance is not None:
        prov = template.equations_provenance
        print(f"Equations: {prov.status} — {prov.citation}")
    print("\nParameters:")
    for p in params:
        index = f"[{','.join(p['index'])}]" if p["index"] else ""
        name = f"{p['key']}{index}"
        print(f"  {name:12} {p['symbol']:16} {p['unit']:12} {p['role']}")
        if "options" in p:
            print(f"      options {', '.join(p['options'])} (default {p['default_option']})")
        if p.get("record_only"):
            prov = p["provenance"]
            print(
                f"      recorded only (used by no equation)  [{prov['status']}] {prov['citation']}"
            )
        if "default" in p:
            prov = p["default"]["provenance"]
            print(f"      default {p['default']['value']}  [{_status(prov)}] {prov['citation']}")
        for c in p.get("choices", []):
            mark = " (default)" if c["name"] == p.get("default_choice") else ""
            prov = c["provenance"]
            shown = (
                "(value entered by the project, with its source)" if c["entered"] else c["value"]
            )
            state = f"rule {prov['status']}" if c["entered"] else _status(prov)
            print(f"      choice {c['name']}{mark} = {shown}  [{state}] {c['label']}")
        if "equation" in p:
            print(f"      = {p['equation']}  {p['equation_ref']}")
    return 0


def _status(prov: dict[str, Any]) -> str:
    """``verified`` or, when applicability differs (R3), ``value verified, applies unverified``."""
    if prov.get("applies") in (None, prov["status"]):
        return str(prov["status"])
    return f"value {prov['status']}, applies {prov['applies']}"


def run_provenance(args: argparse.Namespace) -> int:
    from jcm_pdd.methodology import load_registry
    from jcm_pdd.methodology.provenance_report import markdown, shipped_templates, text

    if args.shipped_only:
        templates = shipped_templates()
    else:
        registry = load_registry(args.templates)
        templates = registry.all()
        for problem in registry.errors:
            print(f"warning: {problem}", file=sys.stderr)
    sys.stdout.write(markdown(templates) if args.markdown else text(templates))
    return 0


def run_check(args: argparse.Namespace) -> int:
    from jcm_pdd.methodology import Problem
    from jcm_pdd.methodology.examples import check_file
    from jcm_pdd.methodology.registry import default_dirs, template_files

    started = time.perf_counter()
    targets = list(args.paths) or default_dirs()
    files: list[Path] = []
    for target in targets:
        if not target.exists():
            raise UserError(f"{target}: no such file or folder")
        if not target.is_dir() and not target.is_file():
            raise UserError(f"{target}: not a regular file (a pipe, device or socket)")
        found = template_files(target)
        if target.is_dir() and not found and args.paths:
            print(f"{target}: no *.toml templates")
        files.extend(found)
    failures = 0
    seen: dict[tuple[str, str], Path] = {}
    for path in files:
        template, problems = check_file(path)
        if template is not None:
            key = (template.identity.id, template.identity.version)
            if key in seen:
                problems.append(
                    Problem(
                        str(path), 1, "identity", f"same id and version as {seen[key]}", "schema"
                    )
                )
            seen.setdefault(key, path)
        if problems:
            failures += 1
            for problem in problems:
                print(str(problem))
        elif template is not None:
            print(f"ok  {path}  ({len(template.examples)} worked example(s))")
    elapsed = (time.perf_counter() - started) * 1000
    print(f"{len(files)} template(s) checked, {failures} with problems ({elapsed:.0f} ms)")
    return 1 if failures else 0
