"""Benchmark: verifying a 200 MB package, as a ratio to ``sha256sum`` over the same payload bytes.

Builds a real package (the test project: project file, template, trace, every exported
document) plus ~200 MB of incompressible attachments (photos are already compressed, so they
are STORED), extracts the payload files to a folder, then times, in the same run and with a
warm page cache for both, ``sha256sum`` over those payload files and ``verify_package`` over
the package (every checksum, Payload-Oxum, and the figures re-computed and read back from the
documents). Target: verify <= 1.3x sha256sum. Because coreutils' sha256sum may not use the
CPU's SHA instructions while Python's OpenSSL does, a second floor is printed too: hashlib
over the same files (pure I/O + hashing), the fairest measure of verify's own overhead.
Run: ``python tests/benchmarks/bench_verify.py``.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "package"), str(HERE.parent)]  # + tests/builders.py

from projects import make_project, save  # noqa: E402

from jcm_pdd.package import build_package, verify_package  # noqa: E402
from jcm_pdd.package.builder import BuildContext  # noqa: E402
from jcm_pdd.package.producers import DEFAULT_PRODUCERS  # noqa: E402
from jcm_pdd.package.writer import PayloadFile  # noqa: E402

TOTAL_MB = 200
PIECES = 8


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="bench-verify-"))
    os.environ["JCM_PDD_HOME"] = str(work / "home")
    try:
        photos = work / "photos"
        photos.mkdir()
        piece = TOTAL_MB * 1024 * 1024 // PIECES
        for n in range(PIECES):
            (photos / f"site-photo-{n}.jpg").write_bytes(os.urandom(piece))

        def site_photos(_ctx: BuildContext) -> list[PayloadFile]:
            return [
                PayloadFile(f"attachments/{p.name}", "attachment", source=p)
                for p in sorted(photos.iterdir())
            ]

        project, store = make_project()
        project_path = save(work / "bench.jcmpdd", project, store)
        package = work / "bench.jcmpkg"
        start = time.perf_counter()
        build_package(
            project_path,
            package,
            created=datetime(2026, 1, 1, tzinfo=UTC),
            producers=[*DEFAULT_PRODUCERS, site_photos],
        )
        build_s = time.perf_counter() - start
        payload = work / "payload"
        with zipfile.ZipFile(package) as zf:
            names = [n for n in zf.namelist() if n.startswith("data/")]
            zf.extractall(payload, names)  # our own package, written above: safe to extract
        files = [str(payload / n) for n in names]
        size_mb = package.stat().st_size / 1024**2
        payload_mb = sum(os.path.getsize(f) for f in files) / 1024**2
        print(
            f"package: {size_mb:.1f} MB, payload {payload_mb:.1f} MB in {len(files)} files; "
            f"built in {build_s:.2f} s"
        )
        subprocess.run(["sha256sum", *files], check=True, capture_output=True)  # warm cache
        verify_package(package)
        for run in (1, 2):
            start = time.perf_counter()
            subprocess.run(["sha256sum", *files], check=True, capture_output=True)
            sha_s = time.perf_counter() - start
            start = time.perf_counter()
            report = verify_package(package)
            verify_s = time.perf_counter() - start
            assert report.ok, report.summary()
            start = time.perf_counter()
            for name in files:  # a fairer floor: the same OpenSSL SHA-256 that hashlib uses
                with open(name, "rb") as fh:
                    hashlib.file_digest(fh, "sha256")
            floor_s = time.perf_counter() - start
            start = time.perf_counter()
            verify_package(package, recompute=False)
            hashes_s = time.perf_counter() - start
            print(
                f"run {run}: sha256sum {sha_s:.3f} s, verify {verify_s:.3f} s "
                f"(verdict {report.verdict}), ratio {verify_s / sha_s:.2f}x (target <= 1.3x); "
                f"hashlib.file_digest over the same files {floor_s:.3f} s "
                f"(verify / that = {verify_s / floor_s:.2f}x); checksums only (no re-computing, "
                f"no document reads) {hashes_s:.3f} s = {hashes_s / floor_s:.2f}x that"
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
