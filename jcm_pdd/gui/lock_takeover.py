"""Taking over the lock of a document another instance holds: the banner button and its warning.

A document locked by another instance opens read-only with a banner naming who has it open.
When that instance is gone for good (a computer that crashed or was switched off on a shared
drive), the user may take the lock over: the warning says plainly that two people editing at
once overwrite each other's saves, "Cancel" is the default, and only a confirmed take-over
makes the document editable (``session.io.take_over_lock``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from jcm_pdd.errors import UserError
from jcm_pdd.session import io as session_io

if TYPE_CHECKING:
    from jcm_pdd.gui.mainwindow import MainWindow


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def warning_text(user: str, host: str, since: str, name: str) -> str:
    return tr(
        "“{0}” is open by {1} on {2} since {3}.\n\nTake over only if that copy of JCM PDD Studio "
        "is no longer running (the computer crashed or was switched off). If {1} is still "
        "working on it, each of you will overwrite the other's changes when saving."
    ).format(name, user, host, since)


def offer_take_over(window: MainWindow) -> None:
    """Show the banner's "Take over…" button when the document is locked by another instance."""
    session = window.session
    if window.view is not None and session is not None and session.lock_holder is not None:
        window.view.take_over_button.setVisible(True)
        window.view.take_over_button.clicked.connect(lambda: take_over(window))


def take_over(window: MainWindow) -> bool:
    """Ask, then take the lock of the window's document; True when it is now editable."""
    session = window.session
    controller = window.controller
    holder = session.lock_holder if session is not None else None
    if session is None or controller is None or holder is None or window.view is None:
        return False
    opened = holder.opened_at()
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        tr("Take over the lock"),
        warning_text(
            holder.user or tr("someone"),
            holder.host or tr("an unknown computer"),
            opened.strftime("%Y-%m-%d %H:%M UTC") if opened else tr("an unknown time"),
            session.display_name,
        ),
        QMessageBox.StandardButton.Cancel,
        window,
    )
    confirm = box.addButton(tr("Take over and edit"), QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.setObjectName("takeOverLockBox")
    box.exec()
    if box.clickedButton() is not confirm:
        return False
    try:
        session_io.take_over_lock(session)
    except UserError as exc:
        QMessageBox.critical(window, tr("Take over the lock"), exc.message)
        return False
    controller.stack.setActive(True)
    window.view.set_read_only(False)
    window.view.set_banner(None)
    window.view.take_over_button.setVisible(False)
    window._update_state()  # actions and title: no longer read-only
    window.status(
        tr("You now hold the lock of “{0}”; it is editable here.").format(session.display_name)
    )
    return True
