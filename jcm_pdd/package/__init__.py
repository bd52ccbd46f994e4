"""Validation packages (``.jcmpkg``): build, verify, open read-only, review, compare.

A package is a BagIt bag (RFC 8493) serialised as one deterministic zip; see ``bagit`` for the
layout. Public API:

- ``build_package(project_path, out_path, round=1, packaged_by="", progress=None)``
- ``verify_package(path) -> VerifyReport`` (verdict VERIFIED / ALTERED / INVALID)
- ``open_package(path) -> OpenedPackage`` (read-only, private temporary folder)
- ``jcm_pdd.package.review``: findings (CAR/CL/FAR) and sign-offs in a ``.jcmreview`` file
- ``jcm_pdd.package.diff``: field-by-field and figure-by-figure comparison
- ``snapshot_folder(path)``: a listing with hashes, to prove nothing was written

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
