"""Hold a built app to its size budget (packaging/lean.py) and report what it is made of.

    python packaging/check_bundle.py APP_FOLDER [DOWNLOAD_FILE] [--max-glibc X.Y]

Prints the unpacked size and file count, the largest parts, the download's size, and (Linux)
the newest glibc symbol version any bundled library needs, which is the oldest Linux the
bundle runs on. Exits 1 when a budget is exceeded, a library lean.py drops is present, or
(with ``--max-glibc``, as the release build on its older glibc base runs it) a bundled library
needs a newer glibc than X.Y (or objdump is missing to tell).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from lean import BUDGET_DOWNLOAD_MB, BUDGET_UNPACKED_MB, keep_binary

MB = 10**6


def _is_elf(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(4) == b"\x7fELF"


def glibc_floor(files: list[Path]) -> tuple[str, str]:
    """(newest GLIBC_x.y needed, by which file); ("", reason) when objdump is missing."""
    objdump = shutil.which("objdump")
    if objdump is None:
        return "", "objdump not installed"
    best: tuple[tuple[int, ...], str] = ((0,), "")
    for path in files:
        if path.is_symlink() or not _is_elf(path):
            continue
        out = subprocess.run([objdump, "-T", str(path)], capture_output=True, text=True).stdout
        for version in set(re.findall(r"GLIBC_(\d+(?:\.\d+)+)", out)):
            key = tuple(int(x) for x in version.split("."))
            if key > best[0]:
                best = (key, path.name)
    return ".".join(map(str, best[0])), best[1]


def main(app: Path, download: Path | None, max_glibc: str = "") -> int:
    files = [p for p in app.rglob("*") if p.is_file()]
    total = sum(p.stat().st_size for p in files if not p.is_symlink())
    failures = []
    print(
        f"bundle: {app}: {total / MB:.1f} MB unpacked in {len(files)} files "
        f"(budget {BUDGET_UNPACKED_MB} MB)"
    )
    if total > BUDGET_UNPACKED_MB * MB:
        failures.append(f"unpacked {total / MB:.1f} MB > {BUDGET_UNPACKED_MB} MB")
    parts: dict[str, int] = {}
    for p in files:
        if p.is_symlink():  # PyInstaller links Qt's libraries into the top folder
            continue
        rel = p.relative_to(app).parts
        key = "/".join(rel[:3] if rel[:2] == ("_internal", "PySide6") else rel[:2])
        parts[key] = parts.get(key, 0) + p.stat().st_size
    for key, size in sorted(parts.items(), key=lambda kv: -kv[1])[:8]:
        print(f"  {size / MB:6.1f} MB  {key}")
    if download is not None:
        size = download.stat().st_size
        print(f"download: {download.name}: {size / MB:.1f} MB (budget {BUDGET_DOWNLOAD_MB} MB)")
        if size > BUDGET_DOWNLOAD_MB * MB:
            failures.append(f"download {size / MB:.1f} MB > {BUDGET_DOWNLOAD_MB} MB")
    strays = [
        str(p.relative_to(app))
        for p in files
        if not keep_binary(str(p.relative_to(app)), sys.platform.startswith("linux"))
    ]
    if strays:
        failures.append(f"left out by lean.py but present: {', '.join(strays[:5])}")
    if sys.platform.startswith("linux"):
        floor, needed_by = glibc_floor(files)
        print(f"glibc floor: {floor or 'unknown'} ({needed_by})")
        if max_glibc and not floor:
            failures.append(f"glibc floor unknown ({needed_by}), must be <= {max_glibc}")
        elif max_glibc and _version(floor) > _version(max_glibc):
            failures.append(f"{needed_by} needs glibc {floor} > {max_glibc}")
    for failure in failures:
        print(f"bundle budget FAILED: {failure}")
    return 1 if failures else 0


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(x) for x in text.split("."))


if __name__ == "__main__":
    argv = sys.argv[1:]
    limit = ""
    if "--max-glibc" in argv:
        at = argv.index("--max-glibc")
        limit = argv[at + 1]
        del argv[at : at + 2]
    args = [Path(a) for a in argv]
    if not args:
        raise SystemExit(__doc__)
    raise SystemExit(main(args[0], args[1] if len(args) > 1 else None, limit))
