"""When a recovery copy is due: every ``interval`` seconds while there are unsaved changes.

The policy is pure (the GUI's QTimer only asks it); it remembers which document revision was
last written so an idle, unchanged document is not rewritten every tick.
"""

from __future__ import annotations

from dataclasses import dataclass

AUTOSAVE_INTERVAL = 30.0  # seconds, as the product promises users at remote sites


@dataclass
class AutosavePolicy:
    interval: float = AUTOSAVE_INTERVAL
    last_written_revision: int | None = None
    last_written_at: float | None = None

    def due(self, *, now: float, dirty: bool, revision: int) -> bool:
        """Whether to write a recovery copy now."""
        if not dirty or revision == self.last_written_revision:
            return False
        # 0.9: a timer firing every `interval` may tick a hair early.
        return self.last_written_at is None or now - self.last_written_at >= 0.9 * self.interval

    def written(self, *, now: float, revision: int) -> None:
        self.last_written_revision = revision
        self.last_written_at = now

    def reset(self) -> None:
        """After a save or discard the recovery copy is gone; start afresh."""
        self.last_written_revision = None
        self.last_written_at = None
