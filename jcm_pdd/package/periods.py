"""Monitoring periods in a package: what makes a validation package a *verification* package.

A validation package (before registration) carries the PDD; a verification package (after
registration, for the third-party entity that verifies a Monitoring Report) is the same BagIt
package that also covers one or more monitoring periods. The differences, all in tag files the
tag manifest covers:

- ``package-index.json`` has ``"kind": "verification"`` and a ``monitoring`` table: the periods
  covered (numbered from 1 as the user sees them, with their dates), the member holding their
  data (``data/monitoring/periods.json``), every period's figures (RE_p, PE_p, ER_p exact,
  the credited ER_p, each calendar year's share) and the evidence files by content hash. A
  package without ``kind`` is a validation package (every package built before periods
  existed, and every package of a project without periods, byte for byte as before).
- ``bag-info.txt`` says ``Package-Kind: verification``, ``Monitoring-Periods`` and
  ``Total-Credited-ER-tCO2e`` (the sum of the covered periods' credited ER).

``periods.json`` holds, per covered period, its dates and gap reason, every monitored value
with its unit, option, instrument, calibration date and evidence (content hash and payload
path), the imported files (name, SHA-256, rows, whether the file itself is packaged) and the
figures. Evidence files are project attachments, so they are packaged by the attachments
producer; ``verify`` re-runs every covered period from the packaged project and template
(``recheck``) and names any evidence file that is not in the payload or does not match.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from jcm_pdd.errors import UserError
from jcm_pdd.model import Project
from jcm_pdd.package import bagit
from jcm_pdd.package.engine import Figures, exact_text

if TYPE_CHECKING:
    from jcm_pdd.methodology.schema import Template

KIND_VALIDATION = "validation"
KIND_VERIFICATION = "verification"
PERIODS_MEMBER = "data/monitoring/periods.json"
REPORT_ROLE = "monitoring"  # documents of the covered periods: monitoring_<copy>_<docx|pdf|xlsx>


def kind_of(index: dict[str, Any]) -> str:
    """The package's kind from its index: no ``kind`` means a validation package."""
    kind = index.get("kind", KIND_VALIDATION)
    return kind if isinstance(kind, str) else ""


def period_label(number: int) -> str:
    """``period 2`` for position 1: how a period is named in figures and findings."""
    return f"period {number + 1}"


def covered(project: Project, periods: Sequence[int]) -> tuple[int, ...]:
    """The positions of the covered periods, checked and in order (``UserError`` otherwise)."""
    count = len(project.monitoring.periods)
    if not count:
        raise UserError(
            "The project has no monitoring periods, so there is nothing to verify; add a period "
            "first (a package without periods is a validation package)."
        )
    chosen = sorted(set(periods))
    if not chosen:
        raise UserError("Name at least one monitoring period for the verification package.")
    for number in chosen:
        if not 0 <= number < count:
            raise UserError(f"The project has no monitoring period {number + 1} (it has {count}).")
    return tuple(chosen)


def parse_period_numbers(text: str, count: int) -> list[int]:
    """``"1-3,5"`` or ``"all"`` (as typed on the command line) -> positions ``[0, 1, 2, 4]``."""
    text = text.strip()
    if text.lower() == "all":
        return list(range(count))
    numbers: list[int] = []
    for part in text.split(","):
        first, dash, last = part.strip().partition("-")
        try:
            low = int(first)
            high = int(last) if dash else low
        except ValueError:
            raise UserError(
                f"--periods: '{text}' is not a list of period numbers such as 1-3,5 or all."
            ) from None
        if low < 1 or high < low:
            raise UserError(f"--periods: '{part.strip()}' is not a range of periods from 1.")
        numbers.extend(range(low - 1, high))
    return numbers


def period_figures(project: Project, template: Template, periods: Sequence[int]) -> Figures:
    """Every covered period's figures (exact text): ``{"period 1": {RE, PE, ER, ER_credited}}``
    and each calendar year's share by days, ``{"period 1 (2027)": {RE, PE, ER}}``."""
    from jcm_pdd.monitoring import period_actual, plan_inputs

    base = plan_inputs(project, template)
    figures: Figures = {}
    for number in periods:
        actual = period_actual(project, template, number, base)
        name = period_label(number)
        figures[name] = {
            "RE": exact_text(actual.result.re),
            "PE": exact_text(actual.result.pe),
            "ER": exact_text(actual.result.er),
            "ER_credited": str(actual.credited),
        }
        for share in actual.years:
            figures[f"{name} ({share.year})"] = {
                "RE": exact_text(share.re),
                "PE": exact_text(share.pe),
                "ER": exact_text(share.er),
            }
    return figures


def credited_total(figures: Figures) -> int:
    return sum(int(v["ER_credited"]) for v in figures.values() if "ER_credited" in v)


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def periods_data(
    project: Project, periods: Sequence[int], figures: Figures, evidence: dict[str, str]
) -> dict[str, Any]:
    """The content of ``periods.json``: each covered period as monitored, with its figures."""
    units = {
        (row.key, tuple(sorted(row.index.items()))): row.unit
        for row in project.monitoring_plan.monitored
    }
    listed = []
    for number in periods:
        period = project.monitoring.periods[number]
        name = period_label(number)
        listed.append(
            {
                "number": number + 1,
                "start": _date(period.start),
                "end": _date(period.end),
                "gap_reason": period.gap_reason,
                "comments": period.comments,
                "values": [
                    {
                        "parameter": value.key,
                        "unit_of_project": dict(value.index),
                        "value": "" if value.value is None else str(value.value),
                        "unit": units.get((value.key, tuple(sorted(value.index.items()))), ""),
                        "option": value.option or "",
                        "instrument": value.instrument,
                        "calibration_date": _date(value.calibration_date),
                        "evidence": [
                            {"sha256": sha, "path": evidence.get(sha, "")} for sha in value.evidence
                        ],
                        "comments": value.comments,
                    }
                    for value in period.values
                ],
                "imports": [
                    {
                        "file_name": record.file_name,
                        "sha256": record.sha256,
                        "rows": record.rows,
                        "imported_on": _date(record.imported_on),
                        "summary": record.summary,
                        "path": evidence.get(record.sha256, ""),
                    }
                    for record in period.imports
                ],
                "figures": {
                    key: value
                    for key, value in figures.items()
                    if key == name or key.startswith(name + " (")
                },
            }
        )
    return {"format": "jcm-monitoring-periods", "format_version": 1, "periods": listed}


def evidence_of(project: Project, periods: Sequence[int]) -> list[str]:
    """The content hashes of every evidence file the covered periods name (values, then
    imported files that were kept as attachments), each once, in order."""
    stored = {record.sha256 for record in project.attachments}
    found: list[str] = []
    for number in periods:
        period = project.monitoring.periods[number]
        hashes = [sha for value in period.values for sha in value.evidence]
        hashes += [record.sha256 for record in period.imports if record.sha256 in stored]
        for sha in hashes:
            if sha not in found:
                found.append(sha)
    return found


def describe(project: Project, periods: Sequence[int]) -> str:
    """``1 (01/01/2027 - 31/12/2027); 2 (...)`` for bag-info.txt."""
    parts = []
    for number in periods:
        period = project.monitoring.periods[number]
        dates = (
            f" ({period.start:%d/%m/%Y} - {period.end:%d/%m/%Y})"
            if period.start and period.end
            else ""
        )
        parts.append(f"{number + 1}{dates}")
    return "; ".join(parts)


def member_of(index: dict[str, Any]) -> str | None:
    monitoring = index.get("monitoring")
    member = monitoring.get("file") if isinstance(monitoring, dict) else None
    return member if isinstance(member, str) and member.startswith(bagit.PAYLOAD_DIR) else None
