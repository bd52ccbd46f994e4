"""User preferences of the desktop app (language, recent files, window state) as a JSON file.

Stored in the per-user config folder (``jcm_pdd.paths``; tests redirect it with JCM_PDD_HOME).
Window geometry is kept as opaque base64 strings, so no Qt type leaks into the file format.
A damaged file is ignored (defaults), never a reason not to start: not JSON, nested too deeply
for the parser, larger than any preferences file the app writes, or values of the wrong type; a
recent file whose name no file system can hold (a NUL, a lone surrogate) is dropped, since the
start page opens each one to show its title.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from jcm_pdd import textfile
from jcm_pdd.atomic import write_atomic
from jcm_pdd.paths import user_config_dir

MAX_RECENT = 12
# Twelve paths and three layouts in base64 take a few KB; a larger file is not ours.
MAX_BYTES = 1 << 20


@dataclass
class Preferences:
    language: str = "en"  # "en" or "ja"
    reviewer_name: str = ""  # signs a validator's findings and sign-offs ("" = login name)
    recent_files: list[str] = field(default_factory=list)
    geometry: str = ""  # the main window's size and place (gui.window_layout)
    window_state: str = ""  # the editor's dock layout
    review_window_state: str = ""  # a validator's or verifier's dock layout

    @staticmethod
    def file() -> Path:
        return user_config_dir() / "gui-preferences.json"

    @classmethod
    def load(cls) -> Preferences:
        try:
            path = cls.file()
            if path.stat().st_size > MAX_BYTES:
                return cls()
            raw = textfile.read_bytes(path)  # a pipe in its place is refused, never waited on
            # utf-8-sig: a file saved by an editor that writes a byte-order mark still counts
            data = json.loads(raw.decode("utf-8-sig"))
            prefs = cls(**{k: v for k, v in data.items() if k in cls.__dataclass_fields__})
        # AttributeError: not an object; RecursionError: nested deeper than the parser goes
        except (OSError, ValueError, TypeError, AttributeError, RecursionError):
            return cls()
        if prefs.language not in ("en", "ja"):
            prefs.language = "en"
        for name in ("reviewer_name", "geometry", "window_state", "review_window_state"):
            if not isinstance(getattr(prefs, name), str):  # hand-edited or another program's
                setattr(prefs, name, "")
        if not isinstance(prefs.recent_files, list):
            prefs.recent_files = []
        prefs.recent_files = [p for p in prefs.recent_files if textfile.usable_path(p)][:MAX_RECENT]
        return prefs

    def save(self) -> None:
        path = self.file()
        write_atomic(path, json.dumps(asdict(self), indent=2).encode("utf-8"))

    def add_recent(self, path: Path) -> None:
        text = str(path.resolve())
        self.recent_files = [text] + [p for p in self.recent_files if p != text]
        del self.recent_files[MAX_RECENT:]
