"""Verifying a ``.jcmpkg``: structure, every checksum, Payload-Oxum, then the figures.

Order matters: the zip is opened by ``SafeZip`` (hostile packages stop there as INVALID), the
tag files are parsed strictly, ``tagmanifest-sha256.txt`` vouches for the other tag files,
``manifest-sha256.txt`` for every payload file (hashed as a stream, never loaded whole), and
only when the project and the template are intact is the calculation re-run from them and
compared with every stated figure (``recheck``). Every missing, extra or altered file is named;
verification never stops at the first problem, so one run tells the whole story.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from jcm_pdd.package import bagit
from jcm_pdd.package.report import VerifyReport
from jcm_pdd.package.safezip import DEFAULT_LIMITS, Limits, PackageFormatError, SafeZip

TAG_LIMIT = 16 * 1024 * 1024  # tag files are text; anything larger is not ours


def verify_package(
    path: Path | str, *, limits: Limits = DEFAULT_LIMITS, recompute: bool = True
) -> VerifyReport:
    """Check the package at ``path`` and return a report; never raises for a bad package."""
    report = VerifyReport(path=str(path))
    try:
        with SafeZip(Path(path), limits) as zf:
            _verify_open(zf, report, recompute)
    except PackageFormatError as exc:
        report.invalid_reason = exc.message
    return report.finish()


def _verify_open(zf: SafeZip, report: VerifyReport, recompute: bool) -> None:
    names = set(zf.members)
    if bagit.BAGIT_TXT not in names or bagit.MANIFEST not in names:
        missing = bagit.BAGIT_TXT if bagit.BAGIT_TXT not in names else bagit.MANIFEST
        raise PackageFormatError(
            f"This zip is not a JCM validation package: '{missing}' is missing."
        )
    bagit.parse_bagit_txt(zf.read(bagit.BAGIT_TXT, TAG_LIMIT))
    manifest = bagit.parse_manifest(
        zf.read(bagit.MANIFEST, TAG_LIMIT), bagit.MANIFEST, payload=True
    )
    tag_manifest = _check_tags(zf, report)
    _read_bag_info(zf, report)
    _read_index(zf, report)
    payload_ok = _check_payload(zf, report, manifest)
    allowed_tags = {bagit.BAGIT_TXT, bagit.TAGMANIFEST, bagit.MANIFEST, *tag_manifest}
    for name in sorted(names):
        if name.startswith(bagit.PAYLOAD_DIR):
            if name not in manifest:
                report.add(
                    "extra",
                    f"{name}: a file in the payload that {bagit.MANIFEST} does not list "
                    "(it was added after packaging)",
                    name,
                    bagit.MANIFEST,
                )
        elif name not in allowed_tags:
            report.add(
                "extra",
                f"{name}: a file that no manifest lists (it was added after packaging)",
                name,
                bagit.TAGMANIFEST,
            )
    _check_oxum(zf, report, manifest)
    if report.index:
        _check_accounted(report, manifest)
    if not recompute:
        report.check("figures re-computed", "skipped", "not asked for")
        return
    from jcm_pdd.package import recheck

    recheck.recheck(zf, report, payload_ok)


def _check_tags(zf: SafeZip, report: VerifyReport) -> dict[str, str]:
    if bagit.TAGMANIFEST not in zf.members:
        report.add(
            "missing",
            f"{bagit.TAGMANIFEST} is missing, so the tag files cannot be checked",
            bagit.TAGMANIFEST,
        )
        report.check("tag files", "failed", "no tag manifest")
        return {}
    raw = zf.read(bagit.TAGMANIFEST, TAG_LIMIT)
    entries = bagit.parse_manifest(raw, bagit.TAGMANIFEST, payload=False)

    report.package_id = hashlib.sha256(raw).hexdigest()
    failed = 0
    for name, expected in sorted(entries.items()):
        if name not in zf.members:
            report.add(
                "missing",
                f"{name}: listed in {bagit.TAGMANIFEST} but missing",
                name,
                bagit.TAGMANIFEST,
            )
            failed += 1
            continue
        actual = _hash(zf, report, name)
        if actual is not None and actual != expected:
            report.add(
                "altered",
                f"{name}: altered (its checksum differs from the one in {bagit.TAGMANIFEST})",
                name,
                bagit.TAGMANIFEST,
            )
            failed += 1
        elif actual is None:
            failed += 1
    for required in (bagit.BAG_INFO, bagit.MANIFEST, bagit.INDEX):
        if required in zf.members and required not in entries:
            report.add(
                "extra",
                f"{required}: not covered by {bagit.TAGMANIFEST} (edited or added later)",
                required,
                bagit.TAGMANIFEST,
            )
            failed += 1
    report.check("tag files", "failed" if failed else "passed", f"{len(entries)} checked")
    return entries


def _hash(zf: SafeZip, report: VerifyReport, name: str) -> str | None:
    """SHA-256 of a member, or None (with the damage reported) when it cannot be read."""
    try:
        digest, count = zf.sha256(name)
    except PackageFormatError as exc:
        report.add("damaged", f"{name}: {exc.message}", name)
        return None
    report.files_checked += 1
    report.bytes_hashed += count
    return digest


def _check_payload(zf: SafeZip, report: VerifyReport, manifest: dict[str, str]) -> dict[str, bool]:
    ok: dict[str, bool] = {}
    for name, expected in sorted(manifest.items()):
        if name not in zf.members:
            report.add("missing", f"{name}: listed in {bagit.MANIFEST} but missing", name)
            ok[name] = False
            continue
        actual = _hash(zf, report, name)
        ok[name] = actual == expected
        if actual is not None and actual != expected:
            report.add(
                "altered",
                f"{name}: altered (its checksum differs from the one in {bagit.MANIFEST})",
                name,
            )
    bad = sum(1 for good in ok.values() if not good)
    report.check(
        "payload checksums",
        "failed" if bad else "passed",
        f"{len(manifest) - bad} of {len(manifest)} files match",
    )
    return ok


def _read_bag_info(zf: SafeZip, report: VerifyReport) -> None:
    if bagit.BAG_INFO not in zf.members:
        report.add("missing", f"{bagit.BAG_INFO} is missing", bagit.BAG_INFO)
        return
    try:
        fields = bagit.parse_bag_info(zf.read(bagit.BAG_INFO, TAG_LIMIT))
    except PackageFormatError as exc:
        report.add("altered", exc.message, bagit.BAG_INFO)
        return
    report.bag_info = {label: value for label, value in fields}


def _read_index(zf: SafeZip, report: VerifyReport) -> None:
    if bagit.INDEX not in zf.members:
        report.add("missing", f"{bagit.INDEX} is missing", bagit.INDEX)
        return
    try:
        data: Any = json.loads(zf.read(bagit.INDEX, TAG_LIMIT).decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError, PackageFormatError):
        # RecursionError: JSON nested deeper than the parser can follow (a hostile file).
        report.add("altered", f"{bagit.INDEX} is not readable JSON", bagit.INDEX)
        return
    if not isinstance(data, dict):
        report.add("altered", f"{bagit.INDEX} does not hold a JSON object", bagit.INDEX)
        return
    if _depth(data) > MAX_INDEX_DEPTH:  # the report copies it recursively (to_dict, JSON)
        report.add(
            "altered",
            f"{bagit.INDEX} nests deeper than {MAX_INDEX_DEPTH} levels; it is not a package index",
            bagit.INDEX,
        )
        return
    report.index = data


MAX_INDEX_DEPTH = 32  # the index written by a package builder nests 4 levels


def _depth(data: Any) -> int:
    deepest = 0
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        deepest = max(deepest, depth)
        if depth > MAX_INDEX_DEPTH:
            break
        if isinstance(value, dict):
            stack.extend((item, depth + 1) for item in value.values())
        elif isinstance(value, list):
            stack.extend((item, depth + 1) for item in value)
    return deepest


def accounted_for(index: dict[str, Any]) -> set[str]:
    """Every payload path ``package-index.json`` accounts for: its ``payload`` table (every file
    with its role, as written) and the paths it names as project, template, trace, documents,
    attachments and (a verification package) the monitoring data and evidence."""
    found: set[str] = set()
    listed = index.get("payload")
    stack: list[Any] = [index.get(key) for key in _ACCOUNTING_KEYS]
    if isinstance(listed, dict):
        stack.extend(listed)
    while stack:  # iterative: the index is untrusted, however deep it nests
        value = stack.pop()
        if isinstance(value, str) and value.startswith(bagit.PAYLOAD_DIR):
            found.add(value)
        elif isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return found


_ACCOUNTING_KEYS = ("project", "template", "trace", "documents", "attachments", "monitoring")


def _check_accounted(report: VerifyReport, manifest: dict[str, str]) -> None:
    """A payload file the index does not account for was slipped in (or the index re-made to
    hide it): either way the package is not what its index says."""
    known = accounted_for(report.index)
    for name in sorted(manifest):
        if name not in known:
            report.add(
                "extra",
                f"{name}: a payload file that {bagit.INDEX} does not account for",
                name,
                bagit.INDEX,
            )


def _check_oxum(zf: SafeZip, report: VerifyReport, manifest: dict[str, str]) -> None:
    stated = report.bag_info.get("Payload-Oxum")
    payload = [m for name, m in zf.members.items() if name.startswith(bagit.PAYLOAD_DIR)]
    actual = bagit.payload_oxum(m.size for m in payload)
    if stated is None:
        report.check("Payload-Oxum", "skipped", "not stated in bag-info.txt")
        return
    if stated != actual:
        report.add(
            "oxum",
            f"Payload-Oxum: bag-info.txt states {stated} (bytes.files) but the payload holds "
            f"{actual}",
            bagit.BAG_INFO,
        )
        report.check("Payload-Oxum", "failed", f"stated {stated}, found {actual}")
    else:
        report.check("Payload-Oxum", "passed", actual)
