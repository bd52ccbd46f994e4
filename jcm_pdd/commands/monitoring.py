"""``jcm-pdd monitoring``: monitoring periods after registration, without the app.

- ``monitoring add-period FILE --start D --end D [--reason TEXT]``: a new period (dates as
  YYYY-MM-DD); a gap or an overlap with the other periods is reported unless a reason is given.
- ``monitoring import FILE DATA --parameter KEY --unit U [--period N ...] [columns]``: meter
  readings (CSV or .xlsx) summed into the periods; the data file is attached to the project and
  named as the evidence of each value; ``--dry-run`` only reports.
- ``monitoring calc FILE [--json]``: RE, PE and ER of each period (exact, and the credited ER
  rounded down), then actual vs estimated (PDD C.3) per calendar year, and the diagnostics.
- ``monitoring export FILE --out DIR [--public] [--format xlsx,docx,pdf] [--period N ...]
  [--draft]``: the Monitoring Report Sheet workbook and the Monitoring Report (Word, PDF), full
  (confidential) and public copies, or the public copy alone with ``--public``; a final export
  is refused while a chosen period cannot be calculated or has errors.

A command that changes FILE saves it atomically (the old file stays whole on any failure) and
refuses a file another instance has open or one made by a newer version.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jcm_pdd.errors import UserError

if TYPE_CHECKING:
    from jcm_pdd.methodology import Template
    from jcm_pdd.model import Project
    from jcm_pdd.storage import LoadedProject


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "monitoring", help="monitoring periods: add, import meter data, calculate actual ER"
    )
    commands = parser.add_subparsers(dest="monitoring_command", metavar="ACTION", required=True)
    add = commands.add_parser("add-period", help="add a monitoring period")
    add.add_argument("file", type=Path, help="a .jcmpdd project")
    add.add_argument("--start", type=_date, required=True, help="first day, YYYY-MM-DD")
    add.add_argument("--end", type=_date, required=True, help="last day, YYYY-MM-DD")
    add.add_argument("--reason", default="", help="why the period leaves a gap or overlaps")
    add.set_defaults(handler=run_add)
    imp = commands.add_parser("import", help="import meter readings (CSV or .xlsx)")
    imp.add_argument("file", type=Path, help="a .jcmpdd project")
    imp.add_argument("data", type=Path, help="the meter export: .csv (UTF-8) or .xlsx")
    imp.add_argument("--parameter", required=True, help="Table 1 parameter key, e.g. EG")
    imp.add_argument("--unit", required=True, help="unit of the readings, e.g. kWh")
    imp.add_argument("--time-column", default="time", help="column of the timestamps")
    imp.add_argument("--value-column", default="value", help="column of the readings")
    imp.add_argument("--meter-column", default="", help="column naming the unit (e.g. PV-1)")
    imp.add_argument(
        "--period", type=int, action="append", default=[], metavar="N", help="period number"
    )
    imp.add_argument("--keep-first", action="store_true", help="ignore later duplicate readings")
    imp.add_argument("--dry-run", action="store_true", help="report only; do not change FILE")
    imp.set_defaults(handler=run_import)
    calc = commands.add_parser("calc", help="actual ER per period beside the C.3 estimate")
    calc.add_argument("file", type=Path, help="a .jcmpdd project")
    calc.add_argument("--json", action="store_true", help="JSON output")
    calc.set_defaults(handler=run_calc)
    exp = commands.add_parser(
        "export", help="the Monitoring Report Sheet workbook and the Monitoring Report"
    )
    exp.add_argument("file", type=Path, help="a .jcmpdd project")
    exp.add_argument("--out", type=Path, required=True, help="folder to write the files to")
    exp.add_argument(
        "--format", default="xlsx,docx,pdf", help="comma-separated: xlsx,docx,pdf (default: all)"
    )
    exp.add_argument(
        "--public", action="store_true", help="only the public copy (confidential values as XXX)"
    )
    exp.add_argument(
        "--period",
        type=int,
        action="append",
        default=[],
        metavar="N",
        help="a period the report covers (repeat; default: every period)",
    )
    exp.add_argument("--draft", action="store_true", help="export a draft (DRAFT on every page)")
    exp.set_defaults(handler=run_export)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” is not a date (YYYY-MM-DD)") from None


def _load(path: Path) -> LoadedProject:
    from jcm_pdd.storage import load_project

    loaded = load_project(path, backup_before_migration=True)
    if loaded.read_only_reason:
        raise UserError(f"{path.name}: {loaded.read_only_reason}")
    return loaded


def _save(loaded: LoadedProject) -> None:
    from jcm_pdd.storage import save_project
    from jcm_pdd.storage.lock import ProjectLock

    with ProjectLock(loaded.path):  # refuses a file another instance has open
        save_project(
            loaded.path,
            loaded.project,
            loaded.attachments,
            summary=loaded.manifest.summary or None,
            template_hash=loaded.manifest.template_hash,
        )


def _template(project: Project) -> Template:
    from jcm_pdd.methodology import load_registry
    from jcm_pdd.methodology.estimate import resolve_template

    return resolve_template(project, load_registry())


def _print_diagnostics(project: Project, template: Template | None) -> None:
    from jcm_pdd.monitoring import period_diagnostics

    for found in period_diagnostics(project, template):
        print(f"{found.severity.value}: {found.message} [{found.location}]")


def run_add(args: argparse.Namespace) -> int:
    from jcm_pdd.model import MonitoringPeriod

    if args.end < args.start:
        raise UserError(f"the period ends ({args.end}) before it starts ({args.start})")
    loaded = _load(args.file)
    periods = loaded.project.monitoring.periods
    periods.append(MonitoringPeriod(start=args.start, end=args.end, gap_reason=args.reason))
    _save(loaded)
    print(f"period {len(periods)}: {args.start:%d/%m/%Y} - {args.end:%d/%m/%Y} added")
    _print_diagnostics(loaded.project, None)
    return 0


def run_import(args: argparse.Namespace) -> int:
    from jcm_pdd.monitoring.apply import apply_import
    from jcm_pdd.monitoring.importer import ImportSpec, import_file, summaries

    loaded = _load(args.file)
    project = loaded.project
    template = _template(project)
    spec = ImportSpec(
        args.parameter,
        args.unit,
        args.time_column,
        args.value_column,
        args.meter_column,
        periods=tuple(n - 1 for n in args.period),
        duplicates="first" if args.keep_first else "refuse",
    )
    result = import_file(args.data, project, template, spec)
    print(f"{result.file_name}: {result.rows:,} rows, SHA-256 {result.sha256}")
    if result.outside:
        print(f"{result.outside:,} rows fall in no chosen period and were not used")
    for line in summaries(result):
        print(line)
    if args.dry_run:
        return 0
    record = loaded.attachments.add_file(args.data, caption="monitored data")
    if record.sha256 != result.sha256:
        raise UserError(f"{args.data.name} changed while it was imported; import it again")
    apply_import(project, result, today=dt.date.today())
    if all(r.sha256 != record.sha256 for r in project.attachments):
        project.attachments.append(record)
    _save(loaded)
    _print_diagnostics(project, template)
    return 0


def run_calc(args: argparse.Namespace) -> int:
    from jcm_pdd.methodology import estimate_project
    from jcm_pdd.monitoring import compare, period_actual, period_diagnostics
    from jcm_pdd.storage import load_project

    project = load_project(args.file, backup_before_migration=False).project
    if not project.monitoring.periods:
        raise UserError(f"{args.file.name} has no monitoring period (monitoring add-period)")
    template = _template(project)
    periods = [period_actual(project, template, n) for n in range(len(project.monitoring.periods))]
    comparison = compare(periods, estimate_project(project, template))
    diagnostics = period_diagnostics(project, template)
    if args.json:
        print(json.dumps(_as_json(comparison, diagnostics), indent=2, ensure_ascii=False))
        return 0
    _print_table(comparison)
    _print_diagnostics(project, template)
    return 0


def run_export(args: argparse.Namespace) -> int:
    import sys

    from jcm_pdd.export.monitoring_api import export_monitoring

    notes: list[str] = []
    paths = export_monitoring(
        args.file,
        args.out,
        formats=args.format.split(","),
        draft=args.draft,
        copies=("public",) if args.public else ("public", "confidential"),
        periods=[n - 1 for n in args.period] if args.period else None,
        notes=notes,
    )
    for path in paths:
        print(path)
    for note in notes:
        print(f"jcm-pdd: note: {note}", file=sys.stderr)
    return 0


def _number(value: Any) -> dict[str, str]:
    from jcm_pdd.methodology import format_fraction

    return {"value": format_fraction(value), "exact": str(value)}


def _as_json(comparison: Any, diagnostics: list[Any]) -> dict[str, Any]:
    return {
        "periods": [
            {
                "number": p.number + 1,
                "start": p.start.isoformat(),
                "end": p.end.isoformat(),
                "days": p.days,
                "reference_emissions": _number(p.result.re),
                "project_emissions": _number(p.result.pe),
                "emission_reductions": _number(p.result.er),
                "credited": p.credited,
                "years": [{"year": s.year, "days": s.days, "er": _number(s.er)} for s in p.years],
            }
            for p in comparison.periods
        ],
        "years": [
            {
                "year": y.year,
                "estimated_er": y.estimated_er,
                "actual_er": y.actual_er,
                "actual_exact": _number(y.actual_exact),
                "monitored_days": y.monitored_days,
            }
            for y in comparison.years
        ],
        "estimated_total": comparison.estimated_total,
        "credited_total": comparison.credited_total,
        "unit": "tCO2e",
        "diagnostics": [
            {
                "code": d.code,
                "severity": d.severity.value,
                "location": d.location,
                "message": d.message,
            }
            for d in diagnostics
        ],
    }


def _print_table(comparison: Any) -> None:
    from jcm_pdd.methodology import format_fraction

    print("Period                     Days   RE_p (tCO2e)   PE_p (tCO2e)   ER_p (tCO2e)  Credited")
    for p in comparison.periods:
        dates = f"{p.number + 1:>3} {p.start:%d/%m/%Y}-{p.end:%d/%m/%Y}"
        print(
            f"{dates:<26} {p.days:>4} {format_fraction(p.result.re, 4):>14} "
            f"{format_fraction(p.result.pe, 4):>14} {format_fraction(p.result.er, 4):>14} "
            f"{p.credited:>9,}"
        )
    print("\nYear   Estimated ER (C.3)   Actual ER   Monitored days")
    for y in comparison.years:
        est = "-" if y.estimated_er is None else f"{y.estimated_er:,}"
        act = "-" if y.actual_er is None else f"{y.actual_er:,}"
        print(f"{y.year}   {est:>18}   {act:>9}   {y.monitored_days:>14}")
    print(
        f"Total  {comparison.estimated_total:>17,}   credited {comparison.credited_total:,} "
        "(the sum of the periods' credited ER)"
    )
    print(
        "Figures are in whole tCO2e; each period's ER is rounded down; a period crossing a year "
        "is shared between the years by days."
    )
