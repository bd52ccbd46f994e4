"""Snapshots of a folder (listing, sizes, hashes) to prove that nothing was written there.

Validator mode promises to write nothing into or beside a package. ``snapshot_folder`` records
every entry below a folder (files with size and SHA-256, folders, links with their target,
without following links) and ``FolderSnapshot.changes`` lists what differs between two
snapshots in words, so a test asserts ``before.changes(after) == []`` and a failure says what.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Entry:
    kind: str  # file | dir | link | other
    size: int
    digest: str  # SHA-256 of a file, the target of a link, "" otherwise


@dataclass(frozen=True)
class FolderSnapshot:
    root: str
    entries: dict[str, Entry]

    def changes(self, later: FolderSnapshot) -> list[str]:
        out = []
        for name in sorted(self.entries.keys() | later.entries.keys()):
            before, after = self.entries.get(name), later.entries.get(name)
            if before is None:
                out.append(f"added: {name}")
            elif after is None:
                out.append(f"removed: {name}")
            elif before != after:
                out.append(f"changed: {name}")
        return out


def _digest(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def snapshot_folder(folder: Path | str) -> FolderSnapshot:
    root = Path(folder)
    entries: dict[str, Entry] = {}
    for current, dirs, files in os.walk(root, followlinks=False):
        base = Path(current)
        for name in sorted(dirs + files):
            path = base / name
            rel = path.relative_to(root).as_posix()
            info = path.lstat()
            if stat.S_ISLNK(info.st_mode):
                entries[rel] = Entry("link", 0, os.readlink(path))
            elif stat.S_ISDIR(info.st_mode):
                entries[rel] = Entry("dir", 0, "")
            elif stat.S_ISREG(info.st_mode):
                entries[rel] = Entry("file", info.st_size, _digest(path))
            else:
                entries[rel] = Entry("other", 0, "")
    return FolderSnapshot(str(root), entries)
