"""Validation packages (``.jcmpkg``): build, verify, open read-only, review, compare.

A package is a BagIt bag (RFC 8493) serialised as one deterministic zip; see ``bagit`` for the
layout. Public API:

- ``build_package(project_path, out_path, round=1, packaged_by="", progress=None)``
- ``verify_package(path) -> VerifyReport`` (verdict VERIFIED / ALTERED / INVALID)
- ``open_package(path) -> OpenedPackage`` (read-only, private temporary folder)
- ``jcm_pdd.package.review``: ``Review`` (findings CAR/CL/FAR, sign-offs that go stale),
  ``review_for_package``, ``load_review``, ``save_review`` (a ``.jcmreview`` beside the package)
- ``jcm_pdd.package.findings_export``: ``findings_docx``, ``findings_xlsx``
- ``jcm_pdd.package.diff``: ``compare(a, b) -> ProjectDiff`` (fields and figures), ``load_side``
- ``snapshot_folder(path)``: a listing with hashes, to prove nothing was written

Modules: ``safezip`` (the only reader of untrusted zips), ``bagit`` (tag files), ``writer``
(deterministic zip), ``builder`` + ``producers`` (payload), ``normalize`` (byte-stable
documents), ``verify`` + ``recheck`` + ``docreaders`` (checksums, then figures), ``report``,
``opened``, ``fingerprint``, ``engine`` (the adapter to storage, methodology, checks, export).

Untrusted zips are read only through ``safezip.SafeZip``.
"""

from jcm_pdd.package.builder import build_package
from jcm_pdd.package.opened import OpenedPackage, open_package
from jcm_pdd.package.report import Verdict, VerifyReport
from jcm_pdd.package.safezip import Limits, PackageFormatError
from jcm_pdd.package.snapshot import FolderSnapshot, snapshot_folder
from jcm_pdd.package.verify import verify_package

__all__ = [
    "FolderSnapshot",
    "Limits",
    "OpenedPackage",
    "PackageFormatError",
    "Verdict",
    "VerifyReport",
    "build_package",
    "open_package",
    "snapshot_folder",
    "verify_package",
]
