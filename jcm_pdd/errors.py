"""The base of every error meant for the user's eyes.

A ``UserError`` carries a message written for a person (what is wrong, and where), not a
traceback. The CLI prints it on one line and exits 1; the GUI shows it in a dialog.
"""

from __future__ import annotations


class UserError(Exception):
    """Something the user can understand and fix: a bad file, a bad value, a missing item."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message
