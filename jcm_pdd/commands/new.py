"""``jcm-pdd new --methodology ID [--version V] [--country CC] OUT.jcmpdd``: a new project
pre-filled from a methodology template (B.1, B.2 criteria, C.1 sources, Monitoring Plan rows,
MSS roles). Refuses to overwrite an existing file.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from jcm_pdd.errors import UserError


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("new", help="create a project pre-filled from a methodology")
    parser.add_argument("out", type=Path, metavar="OUT.jcmpdd", help="the project file to create")
    parser.add_argument("--methodology", required=True, help="methodology id, e.g. JCM_MN_AM003")
    parser.add_argument("--version", help="methodology version (default: latest valid)")
    parser.add_argument("--country", help="partner country (default: the host country)")
    parser.add_argument("--templates", type=Path, action="append", default=[], metavar="DIR")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    out: Path = args.out
    if out.suffix.lower() != ".jcmpdd":
        raise UserError(f"{out}: the project file name must end in .jcmpdd")
    if out.exists():
        raise UserError(f"{out} already exists; choose another name")
    from jcm_pdd.methodology import load_registry, new_project_from_template

    template = load_registry(args.templates).get(args.methodology, args.version)
    project = new_project_from_template(template, args.country)
    from jcm_pdd.forms import load_forms

    load_forms().fill_rule_set(project)  # the country's current PDD and MoC form versions
    from jcm_pdd.storage import save_project

    save_project(out, project, template_hash=template.sha256)
    print(f"created {out} ({template.identity.full_id}, {project.rule_set.partner_country})")
    return 0
