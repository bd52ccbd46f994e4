"""``jcm-pdd calc FILE [--json] [--trace] [--templates DIR]``: emission reductions without the app.

FILE is a ``.jcmpdd`` project (its B.1 methodology, A.5 duration, C.3 end year and Monitoring
Plan) or a small TOML calculation input (FORMAT.md "Worked examples and calculation inputs"):
``methodology``, optional ``version``, ``start_date``, ``lifetime_years``, ``end_year``,
``members`` and ``[inputs]`` by parameter key. Prints the PDD C.3 table exactly as the
documents print it (whole tCO2e rows, totals that are their sums, the rounding note:
``jcm_pdd.methodology.c3``) with each year's unrounded ER beside it (or one period when no
start date is given); ``--trace``
prints every equation with its values, ``--json`` gives everything including the trace.
A bad value is a one-line error naming the parameter (exit 1).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jcm_pdd import textfile, tomlcache
from jcm_pdd.errors import UserError

if TYPE_CHECKING:
    from jcm_pdd.methodology import ExAnteEstimate, Template

_INPUT_FIELDS = {
    "methodology",
    "version",
    "start_date",
    "lifetime_years",
    "end_year",
    "members",
    "inputs",
}


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "calc", help="calculate RE, PE and ER of a project or input file"
    )
    parser.add_argument("file", type=Path, help="a .jcmpdd project or a .toml calculation input")
    parser.add_argument("--json", action="store_true", help="JSON output including the trace")
    parser.add_argument(
        "--trace", action="store_true", help="also print every equation with its values"
    )
    parser.add_argument(
        "--templates",
        type=Path,
        action="append",
        default=[],
        metavar="DIR",
        help="also load methodology templates from DIR",
    )
    parser.set_defaults(handler=run)


def _load_input(path: Path, extra: list[Path]) -> tuple[Template, Any, ExAnteEstimate | None]:
    """(template, period result, estimate or None) from a project or a TOML input file."""
    # Imported here so that other ``jcm-pdd`` commands start without loading the engine.
    from jcm_pdd.methodology import (
        calculate,
        estimate,
        inputs_from_mapping,
        inputs_from_project,
        load_registry,
    )
    from jcm_pdd.methodology.estimate import operating_end, resolve_template

    registry = load_registry(extra)
    if path.suffix.lower() == ".toml":
        try:
            # a byte-order mark (a file saved by Notepad) is not part of the TOML
            data = tomlcache.parse(textfile.read_text(path).removeprefix("\ufeff"))
        except (OSError, UnicodeDecodeError) as exc:
            raise UserError(f"{path}: cannot read: {textfile.why(exc)}") from None
        except tomllib.TOMLDecodeError as exc:
            raise UserError(f"{path}: not valid TOML: {exc}") from None
        unknown = sorted(set(data) - _INPUT_FIELDS)
        if unknown:
            raise UserError(
                f"{path}: unknown field '{unknown[0]}' (expected {sorted(_INPUT_FIELDS)})"
            )
        if "methodology" not in data:
            raise UserError(f'{path}: name the methodology, e.g. methodology = "JCM_MN_AM003"')
        version = data.get("version")
        if version is not None and not isinstance(version, str):
            raise UserError(f'{path}: version must be text such as version = "02.0"')
        template = registry.get(str(data["methodology"]), version)
        inputs = inputs_from_mapping(template, data.get("inputs", {}), data.get("members"))
        start = data.get("start_date")
        if start is None:
            return template, calculate(template, inputs), None
        if not isinstance(start, dt.date) or isinstance(start, dt.datetime):
            raise UserError(f"{path}: start_date must be a date such as 2019-12-27")
        try:
            end = operating_end(start, data.get("lifetime_years"), data.get("end_year"))
        except UserError as exc:
            raise UserError(f"{path}: {exc.message}") from None
        result = estimate(template, inputs, start, end)
        return template, result.annual, result
    from jcm_pdd.storage import load_project

    project = load_project(path, backup_before_migration=False).project
    template = resolve_template(project, registry)
    duration = project.pdd.duration
    if duration.start_date is None:
        return template, calculate(template, inputs_from_project(project, template)), None
    end = operating_end(
        duration.start_date, duration.operational_lifetime_years, project.pdd.estimation.end_year
    )
    result = estimate(template, inputs_from_project(project, template), duration.start_date, end)
    return template, result.annual, result


def run(args: argparse.Namespace) -> int:
    if not args.file.exists():
        raise UserError(f"{args.file}: no such file")
    from jcm_pdd.methodology import format_fraction
    from jcm_pdd.methodology.c3 import QUANTITIES
    from jcm_pdd.methodology.fmt import whole
    from jcm_pdd.methodology.serialize import estimate_to_dict, period_to_dict

    template, period, est = _load_input(args.file, args.templates)
    if args.json:
        from jcm_pdd.methodology.status import caveat, methodology_status

        data: dict[str, Any] = (
            estimate_to_dict(est) if est is not None else {"period": period_to_dict(period)}
        )
        data["methodology_status"] = methodology_status(template)
        data["methodology_caveat"] = caveat(template)
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    print(f"{template.identity.full_id}  {template.identity.title}")
    columns = ("RE (tCO2e)", "PE (tCO2e)", "ER (tCO2e)")
    header = f"{'Year':>6} {'Days':>4}  " + " ".join(f"{c:>12}" for c in columns)
    header += f"  {'ER unrounded':>18}"
    if est is None:
        print("No start date: one period p (annual estimated values)")
        print(f"  RE_p = {format_fraction(period.re, 4, True)}  (rounded {period.re_rounded:,})")
        print(f"  PE_p = {format_fraction(period.pe, 4, True)}  (rounded {period.pe_rounded:,})")
        print(f"  ER_p = {format_fraction(period.er, 4, True)}  (rounded {period.er_rounded:,})")
    else:
        table = est.c3
        print("PDD C.3, as the documents print it:")
        print(header)
        for y, row in zip(est.years, table.rows, strict=True):
            shown = " ".join(f"{whole(row.value(q)):>12}" for q in QUANTITIES)
            print(f"{y.year:>6} {y.days:>4}  {shown}  {format_fraction(y.er, 4, True):>18}")
        shown = " ".join(f"{whole(table.total.value(q)):>12}" for q in QUANTITIES)
        print(f"{'Total':>6} {'':>4}  {shown}  {format_fraction(est.total_er, 4, True):>18}")
        print(table.note)
    if args.trace:
        print("\nCalculation of one period (annual estimated values):")
        for step in period.trace:
            label = step.symbol + (f"[{', '.join(v for _, v in step.index)}]" if step.index else "")
            value = format_fraction(step.value, 4, True)
            print(f"  {label} = {step.equation}\n      = {step.substituted_equation()}")
            print(f"      = {value} {step.unit}")
            given = [i for i in step.inputs if i.source.origin != "calculated"]
            if given:
                shown = "; ".join(f"{i.label} {i.source.label}" for i in given[:12])
                more = f"; ... ({len(given) - 12} more)" if len(given) > 12 else ""
                print(f"      inputs: {shown}{more}")
    if args.trace and period.recorded:
        shown = "; ".join(
            f"{i.label} = {format_fraction(i.value, 4, True)} {i.unit}" for i in period.recorded
        )
        print(f"  Recorded for the monitoring plan (used by no equation): {shown}")
    from jcm_pdd.methodology.status import caveat

    if caveat(template):
        print(f"Note: {caveat(template)}")
    if period.has_unverified_defaults or period.has_draft_defaults:
        print(
            "Note: the result uses methodology defaults that are not verified from the "
            "approved methodology (see `jcm-pdd templates show`)."
        )
    skipped = sorted(k for k in period.missing if template.parameters[k].is_input)
    if skipped:
        shown = ", ".join(f"{template.parameters[k].symbol} ({k})" for k in skipped)
        print(
            f"Note: not given, and not needed for RE/PE/ER: {shown}; eligibility checks that "
            "read them cannot be evaluated."
        )
    if period.has_overrides:
        print("Note: some methodology defaults are overridden.")
    return 0
