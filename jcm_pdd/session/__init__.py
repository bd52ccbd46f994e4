"""Headless application services for one open document: session, undo history, autosave policy.

No Qt here (the GUI wraps these): ``DocumentSession`` holds the project being edited, where it
came from and whether it may be written; ``ChangeHistory`` is the undo history of
``Change(path, old, new)`` steps with merge rules and the clean mark that drives the dirty state;
``AutosavePolicy`` decides when a recovery copy is due.
"""

from jcm_pdd.session.autosave import AutosavePolicy
from jcm_pdd.session.document import DocumentSession, ReadOnlyError
from jcm_pdd.session.history import Change, ChangeHistory

__all__ = ["AutosavePolicy", "Change", "ChangeHistory", "DocumentSession", "ReadOnlyError"]
