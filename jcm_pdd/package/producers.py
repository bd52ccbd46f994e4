"""The default payload producers: project file, template, calculation trace, documents, attachments.

Each producer is ``(BuildContext) -> list[PayloadFile]`` and records the role of its files in
``ctx.index`` (which becomes ``package-index.json``), so a verifier knows which payload file is
the project, which the template, which the C.3 table to read back. Payload layout::

    data/project/<project file name>.jcmpdd
    data/methodology/<template file name>
    data/calculation/trace.json, trace.html
    data/documents/<exported files>
    data/attachments/<sha256 prefix>-<name>
    data/monitoring/periods.json             (a verification package only: see ``periods``)
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from decimal import Decimal
from fractions import Fraction
from pathlib import PurePosixPath
from typing import Any

from jcm_pdd.errors import UserError
from jcm_pdd.package import engine, periods
from jcm_pdd.package.builder import BuildContext, Producer
from jcm_pdd.package.normalize import normalize_ooxml, normalize_pdf
from jcm_pdd.package.safezip import PackageFormatError, SafeZip
from jcm_pdd.package.writer import PayloadFile

_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


MAX_FILE_NAME = 100  # characters; long export names (title, reference number) are shortened


def safe_file_name(name: str, fallback: str = "file") -> str:
    """A name that is harmless on every file system (used for payload names we derive).

    A long name is shortened in its stem, never in its extension: ``verify`` reads a document
    by its extension, and a ``.docx`` and a ``.pdf`` of one long title must stay two names.
    """
    cleaned = _SAFE.sub("_", PurePosixPath(name.replace("\\", "/")).name).strip("._")
    if not cleaned:
        return fallback
    stem, dot, extension = cleaned.rpartition(".")
    if not dot or not stem or len(extension) > 12:
        stem, extension = cleaned, ""
    suffix = f".{extension}" if extension else ""
    return stem[: MAX_FILE_NAME - len(suffix)].rstrip("._") + suffix


def unique_name(name: str, taken: set[str]) -> str:
    """``name``, or ``name`` with ``-2``, ``-3`` ... before its extension, unused in ``taken``
    (compared without case, as on Windows and macOS); the result is added to ``taken``."""
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem, extension = name, ""
    suffix = f".{extension}" if extension else ""
    candidate, number = name, 1
    while candidate.casefold() in taken:
        number += 1
        tail = f"-{number}{suffix}"
        candidate = stem[: MAX_FILE_NAME - len(tail)] + tail
    taken.add(candidate.casefold())
    return candidate


def json_default(value: Any) -> Any:
    if isinstance(value, Fraction | Decimal):
        return engine.exact_text(value)
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def canonical_json(data: Any) -> bytes:
    text = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False, default=json_default)
    return (text + "\n").encode("utf-8")


def project_file(ctx: BuildContext) -> list[PayloadFile]:
    path = "project/" + safe_file_name(ctx.project_path.name, "project.jcmpdd")
    ctx.index["project"] = "data/" + path
    return [PayloadFile(path, "project", source=ctx.project_path)]


def template_file(ctx: BuildContext) -> list[PayloadFile]:
    path = "methodology/" + safe_file_name(ctx.template_path.name, "template.toml")
    ctx.index["template"] = "data/" + path
    return [PayloadFile(path, "methodology template", source=ctx.template_path)]


def calculation_trace(ctx: BuildContext) -> list[PayloadFile]:
    method = ctx.project.pdd.methodology
    data = {
        "methodology": {"id": method.methodology_id, "version": method.version},
        "template_sha256": hashlib.sha256(ctx.template_path.read_bytes()).hexdigest(),
        "figures": ctx.estimate.figures,
        "trace": ctx.estimate.trace,
    }
    ctx.index["trace"] = {
        "json": "data/calculation/trace.json",
        "html": "data/calculation/trace.html",
    }
    return [
        PayloadFile("calculation/trace.json", "calculation trace", data=canonical_json(data)),
        PayloadFile(
            "calculation/trace.html", "calculation trace (readable)", data=trace_html(ctx, data)
        ),
    ]


def _shown(text: str) -> str:
    """HTML for an exact value as a person reads it: ``469.0823`` with the exact fraction."""
    try:
        value = Fraction(text)
    except (ValueError, ZeroDivisionError):
        return html.escape(text)
    if value.denominator == 1:
        return f"{value.numerator:,}"
    decimal = Decimal(value.numerator) / Decimal(value.denominator)
    return f"{decimal:,.4f}<br><small>= {html.escape(text)}</small>"


def trace_html(ctx: BuildContext, data: dict[str, Any]) -> bytes:
    """A self-contained, script-free page: the C.3 figures and every step of the calculation."""
    esc = html.escape
    method = data["methodology"]
    quantities = ("RE", "PE", "ER", "RE_rounded", "PE_rounded", "ER_rounded")
    head = "".join(f"<th>{esc(q)}</th>" for q in quantities)
    rows = [
        f"<tr><th>{esc(period)}</th>"
        + "".join(f"<td>{(_shown(values.get(q, '')))}</td>" for q in quantities)
        + "</tr>"
        for period, values in data["figures"].items()
    ]
    steps = []
    for step in data["trace"].get("steps", []):
        inputs = "<br>".join(
            f"{esc(i['label'])} = {(_shown(i['value']['exact']))} {esc(i['unit'])} "
            f"<small>({esc(i['origin'])}{', ' + esc(i['status']) if i.get('status') else ''}"
            f"{'; ' + esc(i['citation']) if i.get('citation') else ''})</small>"
            for i in step.get("inputs", [])
        )
        steps.append(
            f"<tr><td>{esc(step['symbol'])}</td><td><code>{esc(step['equation'])}</code>"
            f"<br><small>{esc(step['equation_ref'])}</small></td><td>{inputs}</td>"
            f"<td>{(_shown(step['value']['exact']))} {esc(step['unit'])}</td></tr>"
        )
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Calculation trace: {esc(ctx.project.pdd.title)}</title>
<style>body{{font-family:sans-serif;margin:2em}}table{{border-collapse:collapse;margin-bottom:2em}}
td,th{{border:1px solid #999;padding:4px 8px;vertical-align:top}}td{{text-align:right}}
td:nth-child(-n+3){{text-align:left}}small{{color:#555}}</style>
</head><body>
<h1>Calculation trace</h1>
<p>Project: {esc(ctx.project.pdd.title)}
<br>Methodology: {esc(method["id"])} ver{esc(method["version"])}
<br>Template SHA-256: <code>{esc(data["template_sha256"])}</code></p>
<h2>Emission reductions per year (tCO2e; C.3)</h2>
<table><tr><th>Period</th>{head}</tr>
{"".join(rows)}
</table>
<h2>Every equation of one full year of operation</h2>
<table><tr><th>Quantity</th><th>Equation</th><th>Inputs (origin)</th><th>Value</th></tr>
{"".join(steps)}
</table>
</body></html>
"""
    return page.encode("utf-8")


def documents(ctx: BuildContext) -> list[PayloadFile]:
    out_dir = ctx.work_dir / "documents"
    out_dir.mkdir()
    ctx.progress(0.0, "Exporting the documents")
    files = engine.export_documents(ctx.project_path, out_dir, ctx.progress)
    payload: list[PayloadFile] = []
    roles: dict[str, str] = {}
    taken: set[str] = set()
    for role, file in sorted(files, key=lambda pair: pair[1].name):
        suffix = file.suffix.lower()
        data = file.read_bytes()
        if suffix in (".docx", ".xlsx"):
            data = normalize_ooxml(data, ctx.document_time)
        elif suffix == ".pdf":
            data = normalize_pdf(data, ctx.document_time)
        path = "documents/" + unique_name(safe_file_name(file.name), taken)
        roles[role] = "data/" + path
        payload.append(PayloadFile(path, f"document: {role}", data=data))
    ctx.index["documents"] = roles
    return payload


def attachments(ctx: BuildContext) -> list[PayloadFile]:
    """Every attachment of the project, read from the project container and checked by hash."""
    records = ctx.project.attachments
    payload: list[PayloadFile] = []
    listed: list[dict[str, str]] = []
    if not records:
        ctx.index["attachments"] = listed
        return payload
    folder = ctx.work_dir / "attachments"
    folder.mkdir()
    try:
        with SafeZip(ctx.project_path) as zf:
            for record in sorted(records, key=lambda r: r.sha256):
                entry = f"attachments/{record.sha256}"
                if entry not in zf.members:
                    raise UserError(
                        f"The attachment '{record.name}' is missing from the project file."
                    )
                target = folder / record.sha256
                zf.copy_to(entry, target)
                digest = hashlib.sha256(target.read_bytes()).hexdigest()
                if digest != record.sha256:
                    raise UserError(
                        f"The attachment '{record.name}' is damaged in the project file."
                    )
                name = (
                    f"attachments/{record.sha256[:12]}-{safe_file_name(record.name, 'attachment')}"
                )
                payload.append(PayloadFile(name, "attachment", source=target))
                listed.append(
                    {
                        "path": "data/" + name,
                        "sha256": record.sha256,
                        "name": record.name,
                        "supports_field": record.supports_field,
                    }
                )
    except PackageFormatError as exc:
        raise UserError(f"The project file cannot be read for its attachments: {exc}") from None
    ctx.index["attachments"] = listed
    return payload


RESPONSES_MEMBER = "data/review/responses.json"


def participant_responses(ctx: BuildContext) -> list[PayloadFile]:
    """The project participants' responses to the previous round's findings (round N+1 only):
    inside the package, so the validator reads them under the package's checksums."""
    if not ctx.responses:
        return []
    ctx.index["responses"] = RESPONSES_MEMBER
    data = {"format": "jcm-responses", "round": ctx.round, "responses": list(ctx.responses)}
    return [
        PayloadFile(
            RESPONSES_MEMBER.removeprefix("data/"),
            "participants' responses",
            data=canonical_json(data),
        )
    ]


def monitoring_periods(ctx: BuildContext) -> list[PayloadFile]:
    """The covered monitoring periods as monitored, with their figures and evidence (after
    ``attachments``, whose payload paths the evidence names); nothing for a validation package."""
    if not ctx.periods:
        return []
    listed = ctx.index.get("attachments", [])
    packaged = {item["sha256"]: item["path"] for item in listed if isinstance(item, dict)}
    evidence = periods.evidence_of(ctx.project, ctx.periods)
    missing = [sha for sha in evidence if sha not in packaged]
    if missing:  # the gate refuses evidence that is not attached; this is the last guard
        raise UserError(f"The evidence file {missing[0][:12]}… is not in the project file.")
    data = periods.periods_data(ctx.project, ctx.periods, ctx.period_figures, packaged)
    reports = _monitoring_reports(ctx)
    ctx.index["kind"] = periods.KIND_VERIFICATION
    ctx.index["monitoring"] = {
        "periods": [
            {
                "number": number + 1,
                "start": item["start"],
                "end": item["end"],
            }
            for number, item in zip(ctx.periods, data["periods"], strict=True)
        ],
        "file": periods.PERIODS_MEMBER,
        "figures": ctx.period_figures,
        "evidence": {sha: packaged[sha] for sha in evidence},
    }
    return [
        PayloadFile(
            periods.PERIODS_MEMBER.removeprefix("data/"),
            "monitoring periods",
            data=canonical_json(data),
        ),
        *reports,
    ]


def _monitoring_reports(ctx: BuildContext) -> list[PayloadFile]:
    """The Monitoring Report Sheet workbook and the Monitoring Report (Word, PDF) of the covered
    periods, public and confidential, among the documents (roles ``monitoring_<copy>_<ext>``)."""
    from jcm_pdd.export import export_monitoring

    out_dir = ctx.work_dir / "monitoring"
    ctx.progress(0.9, "Exporting the Monitoring Report")
    files = export_monitoring(ctx.project_path, out_dir, periods=list(ctx.periods))
    roles: dict[str, str] = ctx.index.setdefault("documents", {})
    taken = {PurePosixPath(path).name.casefold() for path in roles.values()}
    payload = []
    for file in sorted(files, key=lambda f: f.name):
        suffix = file.suffix.lower()
        data = file.read_bytes()
        if suffix in (".docx", ".xlsx"):
            data = normalize_ooxml(data, ctx.document_time)
        elif suffix == ".pdf":
            data = normalize_pdf(data, ctx.document_time)
        copy = "public" if file.name.startswith("for_public_use_") else "confidential"
        role = f"{periods.REPORT_ROLE}_{copy}_{suffix.lstrip('.')}"
        path = "documents/" + unique_name(safe_file_name(file.name), taken)
        roles[role] = "data/" + path
        payload.append(PayloadFile(path, f"document: {role}", data=data))
    return payload


DEFAULT_PRODUCERS: tuple[Producer, ...] = (
    project_file,
    template_file,
    calculation_trace,
    documents,
    attachments,
    participant_responses,
    monitoring_periods,
)
