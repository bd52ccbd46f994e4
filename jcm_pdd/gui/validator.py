"""Validator mode: a ``.jcmpkg`` opened read-only through ``jcm_pdd.package.open_package``.

The package is verified on open; the document shows in the same navigator, figures and "show
calculation" as the editor, with an integrity banner, every editor disabled, no lock, no
autosave and nothing written into or beside the package (its private copies live in a
temporary folder that is removed on close).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from jcm_pdd.errors import UserError
from jcm_pdd.session import DocumentSession


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


def open_package_session(path: Path) -> tuple[DocumentSession, str]:
    """A read-only session of the package's project, and the integrity banner text."""
    from jcm_pdd.package import open_package

    opened = open_package(path)
    if opened.project is None:
        opened.close()
        raise UserError(tr("The package holds no readable project."))
    verdict = str(opened.report.verdict)
    if opened.verified:
        banner = tr(
            "Validation package “{0}” (round {1}): VERIFIED — every file matches its "
            "checksum. Read-only."
        ).format(path.name, opened.round or 1)
    else:
        problems = "; ".join(p.message for p in opened.report.problems[:3])
        banner = tr("Validation package “{0}”: {1} — {2}. Read-only.").format(
            path.name, verdict, problems
        )
    session = DocumentSession(opened.project, path, read_only=tr("validation package"))
    session.package = opened  # type: ignore[attr-defined]  # closed with the document
    return session, banner
