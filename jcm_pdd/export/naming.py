"""File names of exported documents, following the JCM publication convention.

The secretariat publishes public copies as ``for_public_use_<name>``; the full (confidential)
version keeps the plain name. Names carry the form code and version (so that a document's
form version is visible without opening it) and the reference number, or a short slug of the
title before registration.
"""

from __future__ import annotations

import re
import unicodedata

from jcm_pdd.model import Project

PUBLIC_PREFIX = "for_public_use_"


def _slug(text: str, limit: int = 40) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^A-Za-z0-9]+", "_", ascii_text).strip("_")
    return slug[:limit].rstrip("_") or "project"


def project_tag(project: Project, *, public: bool = False) -> str:
    """The reference number (e.g. MN004), or a slug of the title before registration. In a
    public copy a confidential reference number or title is not used (issue 13): the name
    then says ``project``, so a file name never reveals what the document hides."""
    from jcm_pdd.export.redact import FieldReader

    reader = FieldReader(project, public=public)
    ref = "" if reader.hidden("reference_number") else project.reference_number
    ref = re.sub(r"[^A-Za-z0-9_-]", "", ref)
    title = "" if reader.hidden("pdd.title") else project.pdd.title
    return ref or _slug(title)


def methodology_code(project: Project) -> str:
    """``JCM_MN_AM003_ver02.0`` from B.1 (version with or without the "ver" prefix)."""
    mid = project.pdd.methodology.methodology_id or "methodology"
    version = project.pdd.methodology.version.removeprefix("ver")
    return f"{mid}_ver{version}" if version else mid


def file_name(project: Project, kind: str, suffix: str, *, public: bool, draft: bool) -> str:
    """e.g. ``for_public_use_JCM_MN_F_PDD_ver03.0_MN004.pdf``; ``kind``: PDD, MoC or MPS."""
    if kind == "MPS":
        stem = f"Monitoring_Spreadsheet_{methodology_code(project)}"
    else:
        stem = project.form_code(kind)
    name = f"{stem}_{project_tag(project, public=public)}{'_DRAFT' if draft else ''}{suffix}"
    name = re.sub(r"[^A-Za-z0-9_.-]", "_", name)
    return f"{PUBLIC_PREFIX}{name}" if public else name
