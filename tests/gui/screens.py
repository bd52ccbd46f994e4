"""Screenshots for looking at by eye, written only when asked for.

Set ``JCM_PDD_SCREENSHOTS`` to a folder to keep the pictures the GUI tests take of what they
drive; a plain test run writes nothing outside its temporary folders.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QWidget


def keep_screenshot(widget: QWidget, name: str) -> None:
    folder = os.environ.get("JCM_PDD_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(folder) / name))
