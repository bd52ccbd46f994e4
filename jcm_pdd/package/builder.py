"""Building a validation package from a project file: ``build_package``.

The build loads the project, refuses while the diagnostics report errors, computes the
estimate with the exact template file the project names, then asks each *payload producer* for
its files and hands them to ``writer.write_bag``. Producers are plain functions
``(BuildContext) -> list[PayloadFile]`` (see ``producers``), so a build can add, drop or replace
one (tests do; a future signed-attestation producer would) without touching the zip core.

What is deterministic: the payload (project file as saved, template file as shipped, trace
JSON/HTML, attachments, and exported documents after ``normalize``), hence
``manifest-sha256.txt``. ``bag-info.txt`` adds the round, "packaged by", the app version and
"created": pass ``created`` explicitly, or it is taken from the project file's saved-at time,
so building the same saved project twice gives a byte-identical package. Exported documents are
stamped with the saved-at time whatever ``created`` is, so the manifest depends on the project
file alone.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from jcm_pdd import __version__
from jcm_pdd.errors import UserError
from jcm_pdd.model import Project
from jcm_pdd.package import engine, periods
from jcm_pdd.package.writer import BagResult, PayloadFile, Progress, write_bag

INDEX_FORMAT = 1


@dataclass
class BuildContext:
    """Everything producers may read; ``work_dir`` is a private folder for their output."""

    project_path: Path
    project: Project
    template_path: Path
    estimate: engine.Estimate
    created: datetime
    document_time: datetime  # stamped into exported documents: the project's saved-at time
    round: int
    packaged_by: str
    work_dir: Path
    progress: Progress
    index: dict[str, Any] = field(default_factory=dict)  # producers record roles here
    responses: list[dict[str, str]] = field(default_factory=list)  # to the last round's findings
    # a verification package: the monitoring periods it covers (positions) and their figures
    periods: tuple[int, ...] = ()
    period_figures: dict[str, dict[str, str]] = field(default_factory=dict)


Producer = Callable[[BuildContext], list[PayloadFile]]


def _created_for(project_path: Path, created: datetime | None) -> datetime:
    if created is not None:
        return created.astimezone(UTC) if created.tzinfo else created.replace(tzinfo=UTC)
    stamp = engine.saved_at(project_path)
    if stamp:
        try:
            return datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone(UTC)
        except ValueError:
            pass
    # Not deterministic, and said so: a project file without a saved-at time.
    return datetime.fromtimestamp(project_path.stat().st_mtime, UTC).replace(microsecond=0)


def bag_info_fields(ctx: BuildContext) -> list[tuple[str, str]]:
    project = ctx.project
    rules = project.rule_set
    method = project.pdd.methodology
    fields = [
        ("Source-Organization", "; ".join(p.name for p in project.pdd.participants if p.name)),
        ("Project-Title", project.pdd.title),
        ("Reference-Number", project.reference_number),
        ("Partner-Country", rules.partner_country),
        ("Methodology-Id", method.methodology_id),
        ("Methodology-Version", method.version),
        ("Rule-Set", f"JCM {rules.partner_country}".strip()),
        ("PDD-Form", project.form_code("PDD") if rules.pdd_form_version else ""),
        ("Guidelines-Version", rules.guidelines_version),
        ("MoC-Form", project.form_code("MoC") if rules.moc_form_version else ""),
        ("App-Version", f"JCM PDD Studio {__version__}"),
        ("Bag-Software-Agent", f"jcm-pdd {__version__}"),
        ("Package-Round", str(ctx.round)),
        ("Created", ctx.created.strftime("%Y-%m-%dT%H:%M:%SZ")),
        ("Bagging-Date", ctx.created.strftime("%Y-%m-%d")),
        ("Packaged-By", ctx.packaged_by),
    ]
    total = ctx.estimate.figures.get("total", {})
    for quantity in ("RE_rounded", "PE_rounded", "ER_rounded"):
        if quantity in total:
            label = quantity.split("_")[0]
            fields.append((f"Total-{label}-tCO2e", total[quantity]))
    if ctx.periods:
        fields += [
            ("Package-Kind", periods.KIND_VERIFICATION),
            ("Monitoring-Periods", periods.describe(project, ctx.periods)),
            ("Total-Credited-ER-tCO2e", str(periods.credited_total(ctx.period_figures))),
        ]
    return [(label, value) for label, value in fields if value]


def build_package(
    project_path: Path | str,
    out_path: Path | str,
    round: int = 1,  # noqa: A002 - the word the brief and the GUI use
    packaged_by: str = "",
    progress: Progress | None = None,
    *,
    created: datetime | None = None,
    producers: Sequence[Producer] | None = None,
    responses: Sequence[dict[str, str]] = (),
    monitoring_periods: Sequence[int] | None = None,
) -> BagResult:
    """Build the ``.jcmpkg`` at ``out_path``; raise ``UserError`` (listing them) on errors.

    ``responses`` (``Review.participant_responses()``) go into the package for a resubmission.
    ``monitoring_periods`` (positions in ``project.monitoring.periods``) makes it a
    verification package of those periods (``periods``); ``None`` a validation package.
    """
    from jcm_pdd.checks import blocking_errors, blocking_lines
    from jcm_pdd.forms import load_forms
    from jcm_pdd.package.producers import DEFAULT_PRODUCERS

    report = progress or (lambda _f, _m: None)
    project_path, out_path = Path(project_path), Path(out_path)
    if round < 1:
        raise UserError(f"The package round must be 1 or more (got {round}).")
    if not project_path.is_file():
        raise UserError(f"The project file '{project_path}' does not exist.")
    if out_path.resolve() == project_path.resolve():
        raise UserError("The package cannot be written over the project file.")
    if out_path.is_dir():  # said before the documents are exported, not after
        raise UserError(
            f"'{out_path}' is a folder; give the package's file name, for example "
            f"'{out_path / (project_path.stem + '.jcmpkg')}'."
        )
    report(0.0, "Loading the project")
    project = engine.load_project(project_path)
    # a damaged form definition is said in its own one line (the file and what is wrong), not
    # as one of a list of check errors: every document of the package is drawn from the forms
    load_forms().for_project(project)
    covered = (
        periods.covered(project, monitoring_periods) if monitoring_periods is not None else None
    )
    errors = blocking_lines(blocking_errors(project, periods=covered))
    if errors:
        listed = "\n".join(f"  - {e}" for e in errors)
        purpose = "verification" if covered is not None else "validation"
        raise UserError(
            f"The project cannot be packaged for {purpose} while the checks report "
            f"{len(errors)} error(s):\n{listed}"
        )
    report(0.05, "Calculating")
    template_path = engine.template_file_for(project)
    template = engine.load_template_file(template_path)
    estimate = engine.estimate(project, template)
    figures = periods.period_figures(project, template, covered) if covered else {}
    work_dir = Path(tempfile.mkdtemp(prefix="jcmpkg-build-"))
    try:
        ctx = BuildContext(
            project_path=project_path,
            project=project,
            template_path=template_path,
            estimate=estimate,
            created=_created_for(project_path, created),
            document_time=_created_for(project_path, None),
            round=round,
            packaged_by=packaged_by,
            work_dir=work_dir,
            progress=lambda f, m: report(0.1 + 0.4 * f, m),
            responses=[dict(item) for item in responses],
            periods=covered or (),
            period_figures=figures,
        )
        payload: list[PayloadFile] = []
        for producer in producers if producers is not None else DEFAULT_PRODUCERS:
            payload.extend(producer(ctx))
        index = {
            "format": "jcmpkg",
            "format_version": INDEX_FORMAT,
            "round": round,
            "figures": estimate.figures,
            **ctx.index,
        }
        return write_bag(
            out_path,
            payload,
            bag_info_fields(ctx),
            index,
            lambda f, m: report(0.5 + 0.5 * f, m),
        )
    finally:
        shutil.rmtree(work_dir, ignore_errors=True)
