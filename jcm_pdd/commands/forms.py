"""``jcm-pdd forms``: list the installed form definitions, or check a folder of them.

``jcm-pdd forms`` prints every (country, form type, version) with its code and whether it is
confirmed against the official form;
``jcm-pdd forms --check DIR`` validates a forms folder (e.g. one being edited to match an
official JCM form) and names the file and field of the first problem.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("forms", help="list or check the JCM form definitions")
    parser.add_argument(
        "--check", type=Path, metavar="DIR", help="validate the form definitions in DIR"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from jcm_pdd.forms import DEFAULT_COUNTRY, load_forms
    from jcm_pdd.forms.schema import provenance_words

    registry = load_forms(args.check) if args.check else load_forms()
    definitions = sorted(registry.definitions(), key=lambda d: (d.country, d.form_type, d.version))
    if args.check:
        print(f"{args.check}: {len(definitions)} form definitions are valid")
        return 0
    for d in definitions:
        what = f"{d.country}  {d.form_type:<4} ver{d.version}  {d.code:<24}"
        print(f"{what} {len(d.fields()):>3} fields, {provenance_words(d.status)}")
    print(f"Countries without their own forms use those of {DEFAULT_COUNTRY}.")
    return 0
