"""Child process of the crash-safety test: load a project, then save a new version on request.

Run as ``python crash_child.py PROJECT TITLE``. It loads the project (started ahead of its
turn, so by the time it saves, an earlier child may have replaced the file: the attachments
are then streamed from the replacement, which holds the same content-named entries, and
hashed on the way), prints ``ready`` and waits for a line on stdin, so the parent's kill
timer covers only the save. Then it changes the title and a small title-specific attachment,
saves over the same file and prints ``saved`` with the save duration. The parent kills it
with SIGKILL at a random moment.
"""

from __future__ import annotations

import sys
import time

from jcm_pdd.storage import load_project, save_project


def main() -> None:
    path, title = sys.argv[1], sys.argv[2]
    loaded = load_project(path, backup_before_migration=False)
    project = loaded.project
    project.pdd.title = title
    project.attachments = [a for a in project.attachments if not a.name.endswith(".marker")]
    marker = loaded.attachments.add_bytes(title.encode() * 100, f"{title}.marker")
    project.attachments.append(marker)
    print("ready", flush=True)
    sys.stdin.readline()
    started = time.perf_counter()
    save_project(path, project, loaded.attachments)
    print(f"saved {time.perf_counter() - started:.4f}", flush=True)


if __name__ == "__main__":
    main()
