"""Re-running the calculation from the package itself and comparing every stated figure.

The packaged project is loaded (through storage) and the packaged template file is loaded by
itself, never looked up in this app's shipped registry, so the check proves what the package
claims even when the app ships a newer template. The recomputed estimate is compared, exactly,
with the figures stated in ``package-index.json``, in the trace JSON, in ``bag-info.txt`` and
in the documents (the PDD's C.3 table, the workbook). Work files go to a private temporary
folder that is removed afterwards.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path, PurePosixPath
from typing import Any

from jcm_pdd.errors import UserError
from jcm_pdd.package import bagit, docreaders, engine
from jcm_pdd.package.engine import Figures
from jcm_pdd.package.recheck_periods import recheck_periods
from jcm_pdd.package.report import BAD_TRACE, NO_CALCULATION, FigureCheck, VerifyReport
from jcm_pdd.package.safezip import SafeZip

CHECK = "figures re-computed"
MAX_TEMPLATE_BYTES = 4 * 1024 * 1024  # shipped templates are ~10 KB


def compare(
    stated: Figures, recomputed: Figures, source: str, *, complete: bool
) -> list[FigureCheck]:
    """Exact comparison; ``complete`` sources must state every recomputed period too."""
    checks: list[FigureCheck] = []
    for period, values in stated.items():
        for quantity, text in values.items():
            other = recomputed.get(period, {}).get(quantity)
            ok = other is not None and engine.same_figure(text, other)
            checks.append(FigureCheck(source, period, quantity, text, other or "(none)", ok))
    if complete:
        for period in recomputed:
            if period not in stated:
                checks.append(
                    FigureCheck(
                        source,
                        period,
                        "ER",
                        "(not stated)",
                        recomputed[period].get("ER", ""),
                        False,
                    )
                )
    return checks


def _member_path(value: Any) -> str | None:
    return value if isinstance(value, str) and value.startswith(bagit.PAYLOAD_DIR) else None


def _extract(zf: SafeZip, member: str, folder: Path, name: str) -> Path:
    # The on-disk name is ours ("project"/"template" plus the member's suffix), never the
    # member's path, so nothing in the package decides where a file lands.
    suffix = "".join(ch for ch in PurePosixPath(member).suffix if ch.isalnum() or ch == ".")
    target = folder / f"{name}{suffix[:12]}"
    zf.copy_to(member, target)
    return target


def recheck(zf: SafeZip, report: VerifyReport, payload_ok: dict[str, bool]) -> None:
    index = report.index
    project_member = _member_path(index.get("project"))
    template_member = _member_path(index.get("template"))
    if not project_member or not template_member:
        report.add(
            "recompute",
            f"{bagit.INDEX} does not name the project file and the template",
            bagit.INDEX,
            code=NO_CALCULATION,
        )
        report.check(CHECK, "failed", "nothing to re-compute from")
        return
    unlisted = [m for m in (project_member, template_member) if m not in payload_ok]
    if unlisted:
        for member in unlisted:
            report.add(
                "recompute",
                f"{bagit.INDEX} names '{member}', which {bagit.MANIFEST} does not list",
                bagit.INDEX,
                member,
            )
        report.check(CHECK, "failed", "the project file or the template is not in the payload")
        return
    if not (payload_ok.get(project_member) and payload_ok.get(template_member)):
        report.check(CHECK, "skipped", "the project file or the template is altered or missing")
        return
    if zf.members[template_member].size > MAX_TEMPLATE_BYTES:
        report.add(
            "recompute",
            f"{template_member}: implausibly large for a methodology template; it is not loaded",
            template_member,
        )
        report.check(CHECK, "failed", "template refused")
        return
    with tempfile.TemporaryDirectory(prefix="jcmpkg-verify-") as tmp:
        try:
            project = engine.load_project(_extract(zf, project_member, Path(tmp), "project"))
            template = engine.load_template_file(
                _extract(zf, template_member, Path(tmp), "template")
            )
            estimate = engine.estimate(project, template)
        except UserError as exc:
            # Name the packaged files, not where verification extracted them.
            reason = str(exc)
            for extracted in sorted(Path(tmp).iterdir(), key=lambda p: -len(str(p))):
                member = template_member if extracted.stem == "template" else project_member
                reason = reason.replace(str(extracted), member)
            report.add(
                "recompute",
                f"The packaged calculation cannot be re-run: {reason}",
                project_member,
                template_member,
            )
            report.check(CHECK, "failed", "cannot re-run")
            return
        checks = _all_sources(zf, report, estimate, payload_ok, Path(tmp))
        checks += recheck_periods(zf, report, project, template, payload_ok)
    report.figures.extend(checks)
    if not any(c.source.lower().endswith(".docx") and c.period != "-" for c in checks):
        # A package must let the figures be checked against what the PDD itself states.
        report.add(
            "figures",
            "No PDD (.docx) in the package has a C.3 table that could be read "
            "back, so its stated figures cannot be checked",
            bagit.INDEX,
        )
    bad = [c for c in checks if not c.ok]
    for c in bad:
        report.add_figure(c)
    sources = sorted({c.source for c in checks})
    report.check(
        CHECK,
        "failed" if bad else "passed",
        f"{len(checks) - len(bad)} of {len(checks)} figures agree ({', '.join(sources)})",
    )


def _all_sources(
    zf: SafeZip, report: VerifyReport, estimate: engine.Estimate, ok: dict[str, bool], tmp: Path
) -> list[FigureCheck]:
    recomputed = estimate.figures
    checks: list[FigureCheck] = []
    stated = report.index.get("figures")
    if isinstance(stated, dict):
        checks += compare(engine.stated_figures(stated), recomputed, bagit.INDEX, complete=True)
    trace = report.index.get("trace")
    trace_member = _member_path(trace.get("json")) if isinstance(trace, dict) else None
    if trace_member and ok.get(trace_member):
        try:
            data = json.loads(zf.read(trace_member).decode("utf-8"))
            checks += compare(
                engine.stated_figures(data.get("figures", {})),
                recomputed,
                trace_member,
                complete=True,
            )
        except (ValueError, UnicodeDecodeError, AttributeError, RecursionError):
            report.add(
                "figures", f"{trace_member}: not readable JSON", trace_member, code=BAD_TRACE
            )
    total = recomputed.get("total", {})
    for quantity in ("RE", "PE", "ER"):
        value = report.bag_info.get(f"Total-{quantity}-tCO2e")
        if value is not None:
            checks += compare(
                {"total": {f"{quantity}_rounded": value}},
                {"total": total},
                bagit.BAG_INFO,
                complete=False,
            )
    checks += _document_checks(zf, _payload_documents(report.index, ok), estimate, ok, tmp)
    return checks


def _payload_documents(index: dict[str, Any], ok: dict[str, bool]) -> dict[str, str]:
    """Every document of the payload, listed in the index or not: a PDD dropped from the index
    is still a PDD the validator may read, so its figures are checked all the same. Roles come
    from the index; an unlisted document is known by its path."""
    listed = index.get("documents")
    found: dict[str, str] = {}
    if isinstance(listed, dict):
        found.update({str(role): value for role, value in listed.items() if isinstance(value, str)})
    named = set(found.values())
    for member in sorted(ok):
        suffix = PurePosixPath(member).suffix.lower()
        if member not in named and suffix in (".docx", ".xlsx"):
            found[f"unlisted {member}"] = member
    return found


def _document_checks(
    zf: SafeZip,
    documents: dict[str, Any],
    estimate: engine.Estimate,
    ok: dict[str, bool],
    tmp: Path,
) -> list[FigureCheck]:
    """C.3 of every PDD .docx against the figures; every input the workbooks state."""
    inputs = _trace_inputs(estimate.trace)
    checks: list[FigureCheck] = []
    for n, (role, value) in enumerate(sorted(documents.items())):
        member = _member_path(value)
        suffix = PurePosixPath(member).suffix.lower() if member else ""
        if not member or not ok.get(member) or role.lower().startswith(("moc", "monitoring")):
            # the MoC states no figures; the Monitoring Report's are the periods' (checked by
            # recheck_periods); an unlisted document is always read as a PDD's
            continue
        try:
            if suffix == ".docx":
                stated = docreaders.c3_from_docx(_extract(zf, member, tmp, f"doc{n}"))
                checks += compare(stated, estimate.figures, member, complete=False)
            elif suffix == ".xlsx":
                found = docreaders.inputs_from_xlsx(
                    _extract(zf, member, tmp, f"doc{n}"), set(inputs)
                )
                checks += [
                    FigureCheck(
                        member,
                        label,
                        "input",
                        text,
                        inputs[label],
                        engine.same_figure(text, inputs[label]),
                    )
                    for label, text in sorted(found.items())
                ]
        except Exception as exc:  # a hostile document must give a finding, never a crash
            checks.append(FigureCheck(member, "-", "readable", str(exc), "", False))
    return checks


def _trace_inputs(trace: dict[str, Any]) -> dict[str, str]:
    """``{label: exact value}`` of every input of the re-computed calculation."""
    found: dict[str, str] = {}
    for step in trace.get("steps", []):
        for item in step.get("inputs", []):
            found[str(item["label"])] = str(item["value"]["exact"])
    return found
