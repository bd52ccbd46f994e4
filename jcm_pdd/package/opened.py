"""Opening a package read-only for the app: ``open_package(path) -> OpenedPackage``.

The package is verified first (an INVALID one is refused with the reason; an ALTERED one opens
with its report, so the app can show the red integrity banner and the names of what changed).
Only what is needed is copied out, on demand, into a private temporary folder made by
``tempfile.mkdtemp`` (mode 0700): the project file and the template at open, any document or
attachment when asked for. On-disk names are chosen here, never taken from the package, and
each copy is re-hashed against the manifest (the package could change after verification).
Nothing is ever written into or beside the package; ``close`` removes the folder.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from pathlib import Path, PurePosixPath
from types import TracebackType
from typing import Any

from jcm_pdd.errors import UserError
from jcm_pdd.model import Project
from jcm_pdd.package import bagit, engine
from jcm_pdd.package.producers import safe_file_name
from jcm_pdd.package.report import Verdict, VerifyReport
from jcm_pdd.package.safezip import DEFAULT_LIMITS, Limits, PackageFormatError, SafeZip
from jcm_pdd.package.verify import TAG_LIMIT, verify_package


class OpenedPackage:
    """A verified package, its project and template, and its private work folder."""

    def __init__(self, path: Path, report: VerifyReport, limits: Limits) -> None:
        self.path = path
        self.report = report
        self.index: dict[str, Any] = report.index
        self.temp_dir = Path(tempfile.mkdtemp(prefix="jcmpkg-open-"))
        self._copies: dict[str, Path] = {}
        self.project: Project | None = None
        self.template: Any = None
        try:
            self._zip = SafeZip(path, limits)
            self._manifest = bagit.parse_manifest(
                self._zip.read(bagit.MANIFEST, TAG_LIMIT), bagit.MANIFEST, payload=True
            )
        except BaseException:
            shutil.rmtree(self.temp_dir, ignore_errors=True)
            raise

    @property
    def verified(self) -> bool:
        return self.report.verdict is Verdict.VERIFIED

    @property
    def package_id(self) -> str:
        return self.report.package_id

    @property
    def round(self) -> int | None:
        return self.report.round

    def payload_files(self) -> list[str]:
        return sorted(self._manifest)

    def member_path(self, member: str) -> Path:
        """A private copy of one payload file (made once), checked against the manifest."""
        if member in self._copies:
            return self._copies[member]
        if member not in self._manifest or member not in self._zip.members:
            raise UserError(f"The package holds no file '{member}'.")
        name = f"{len(self._copies):04d}-{safe_file_name(PurePosixPath(member).name)}"
        target = self.temp_dir / name
        if target.resolve().parent != self.temp_dir.resolve():  # pragma: no cover - by design
            raise UserError(f"Refusing to copy '{member}' outside the private folder.")
        self._zip.copy_to(member, target)
        digest = hashlib.sha256()
        with open(target, "rb") as fh:
            while chunk := fh.read(1 << 20):
                digest.update(chunk)
        if digest.hexdigest() != self._manifest[member]:
            target.unlink()
            raise UserError(
                f"'{member}' does not match the package manifest (altered); it is not opened."
            )
        target.chmod(0o400)  # read-only: the validator's copy is never edited
        self._copies[member] = target
        return target

    def document(self, role: str) -> Path:
        documents = self.index.get("documents", {})
        member = documents.get(role) if isinstance(documents, dict) else None
        if not isinstance(member, str):
            raise UserError(f"The package holds no document '{role}'.")
        return self.member_path(member)

    def attachment(self, sha256: str) -> Path:
        """A private copy of the attachment with this content hash (as the project names it)."""
        for item in self.index.get("attachments", []):
            if isinstance(item, dict) and item.get("sha256") == sha256:
                return self.member_path(str(item.get("path", "")))
        raise UserError("The package holds no such attachment.")

    def responses(self) -> list[dict[str, Any]]:
        """The participants' responses to earlier findings this package carries ([] if none)."""
        member = self.index.get("responses")
        if not isinstance(member, str):
            return []
        path = self.member_path(member)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            raise UserError("The package's responses file is not valid JSON.") from None
        items = data.get("responses") if isinstance(data, dict) else None
        if not isinstance(items, list):
            raise UserError("The package's responses file lists no responses.")
        return [item for item in items if isinstance(item, dict)]

    def close(self) -> None:
        self._zip.close()
        for copy in self._copies.values():
            try:
                copy.chmod(0o600)
            except OSError:
                pass
        shutil.rmtree(self.temp_dir, ignore_errors=True)

    def __enter__(self) -> OpenedPackage:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def open_package(path: Path | str, *, limits: Limits = DEFAULT_LIMITS) -> OpenedPackage:
    """Verify and open ``path`` read-only; raise ``UserError`` when it cannot be opened."""
    path = Path(path)
    report = verify_package(path, limits=limits)
    if report.verdict is Verdict.INVALID:
        raise PackageFormatError(f"The package cannot be opened: {report.invalid_reason}")
    opened = OpenedPackage(path, report, limits)
    try:
        project_member = report.index.get("project")
        if not isinstance(project_member, str):
            raise UserError("The package does not say which file is its project.")
        opened.project = engine.load_project(opened.member_path(project_member))
        template_member = report.index.get("template")
        if isinstance(template_member, str):
            try:
                opened.template = engine.load_template_file(opened.member_path(template_member))
            except UserError:
                opened.template = None  # the report already says why figures were not checked
    except BaseException:
        opened.close()
        raise
    return opened
