"""Build the bundled sample project file from its human-editable source (headless).

Source: ``mongolia-solar-pv.project.json`` (the project document, as ``jcm-pdd dump`` prints
it) and the attachment files beside it, found by the ``name`` of each attachment record.
Output: ``mongolia-solar-pv.jcmpdd``, written with ``jcm_pdd.storage.save_project`` (atomic),
with the start-page summary (ER per year, completeness) and the methodology template's hash in
the manifest.

    python resources/samples/build_sample.py                        # rebuild the .jcmpdd
    python resources/samples/build_sample.py --check                # exit 1 if it is stale
    python resources/samples/build_sample.py --refresh-attachments  # after editing the figure

The build refuses a sample that has error diagnostics (the sample must pass every
completeness check so it can be exported as final and packaged).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
import zipfile
from pathlib import Path

from jcm_pdd.checks import Severity, run_checks
from jcm_pdd.errors import UserError
from jcm_pdd.methodology import estimate_project, load_registry
from jcm_pdd.model import Project
from jcm_pdd.storage import AttachmentStore, project_json_bytes, save_project

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "mongolia-solar-pv.project.json"
TARGET = HERE / "mongolia-solar-pv.jcmpdd"
VOLATILE_MANIFEST_KEYS = ("saved_at", "app_version")


def load_source(source: Path = SOURCE) -> Project:
    try:
        return Project.model_validate_json(source.read_bytes())
    except ValueError as exc:
        raise UserError(f"{source.name} is not a valid project: {exc}") from exc


def attachment_store(project: Project, folder: Path) -> AttachmentStore:
    """Every attachment record's file from ``folder``; its content must match the record."""
    store = AttachmentStore()
    for record in project.attachments:
        added = store.add_file(folder / record.name, media_type=record.media_type)
        if added.sha256 != record.sha256:
            raise UserError(
                f"{record.name} changed since the source was written (sha256 {added.sha256[:12]}… "
                f"≠ {record.sha256[:12]}…); run with --refresh-attachments"
            )
    return store


def summary(project: Project) -> dict[str, object]:
    """The start-page figures, computed like the desktop app computes them on save."""
    estimate = estimate_project(project, load_registry())
    return {
        # "ER per year": a full year's credited ER, as every full year of C.3 shows it
        "er_per_year": str(estimate.c3.er_per_full_year) if estimate.years else "",
        "completeness": 100,
    }


def build(source: Path = SOURCE, target: Path = TARGET) -> Path:
    project = load_source(source)
    errors = [d for d in run_checks(project) if d.severity is Severity.ERROR]
    if errors:
        listed = "; ".join(f"{d.location}: {d.message}" for d in errors[:5])
        raise UserError(f"the sample has {len(errors)} error diagnostic(s): {listed}")
    store = attachment_store(project, source.parent)
    template = load_registry().get(
        project.pdd.methodology.methodology_id, project.pdd.methodology.version
    )
    save_project(target, project, store, summary=summary(project), template_hash=template.sha256)
    return target


def refresh_attachments(source: Path = SOURCE) -> None:
    """Rewrite hashes and sizes of attachment records (and every reference) from the files."""
    project = load_source(source)
    text = project_json_bytes(project).decode("utf-8")
    for record in project.attachments:
        data = (source.parent / record.name).read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        text = text.replace(record.sha256, digest)
        text = text.replace(f'"size": {record.size},', f'"size": {len(data)},')
    source.write_bytes(project_json_bytes(Project.model_validate_json(text)))


def contents(path: Path) -> dict[str, bytes]:
    """The entries of a project file, with the volatile manifest keys removed."""
    with zipfile.ZipFile(path) as archive:
        found = {name: archive.read(name) for name in archive.namelist()}
    manifest = json.loads(found["manifest.json"])
    for key in VOLATILE_MANIFEST_KEYS:
        manifest.pop(key, None)
    found["manifest.json"] = json.dumps(manifest, sort_keys=True).encode()
    return found


def is_current(source: Path = SOURCE, target: Path = TARGET) -> bool:
    with tempfile.TemporaryDirectory() as folder:
        fresh = build(source, Path(folder) / target.name)
        return target.exists() and contents(fresh) == contents(target)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="exit 1 if the .jcmpdd is stale")
    parser.add_argument("--refresh-attachments", action="store_true")
    args = parser.parse_args(argv)
    try:
        if args.refresh_attachments:
            refresh_attachments()
        if args.check:
            current = is_current()
            print(f"{TARGET.name} is {'up to date' if current else 'STALE: rebuild it'}")
            return 0 if current else 1
        print(f"wrote {build()}")
    except UserError as exc:
        print(f"build_sample: {exc.message}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
