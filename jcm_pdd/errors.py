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


class InstallationError(UserError):
    """A file the app ships with (a renderer's template, a font, a data folder) is missing or
    unreadable: the installation is damaged, not the user's project. ``document`` names what
    could not be made; ``detail`` the file. The GUI words it in the interface language."""

    def __init__(self, document: str, detail: str) -> None:
        super().__init__(
            f"The {document} could not be made: a file of JCM PDD Studio is missing or "
            f"unreadable ({detail}). Your project was not changed. Reinstall the app; "
            "'jcm-pdd selftest' shows what is missing."
        )
        self.document = document
        self.detail = detail
