"""The main window's side of validation packages: opening one (prepare everything first, then
change the window); the Package dialog's entry; the banner and title texts of a package or a
read-only file; rebuilding the review docks in a new language, keeping what was being typed.

Opening never leaves a half-built window: a package that cannot be opened (INVALID, a review
that names another package for the same round, an unreadable project) is refused before the
open document is touched; if showing it fails after all, the window returns to a clean start
page. An ALTERED package opens with a red banner and icon, "not trustworthy" in the title and a
modal summary naming every altered, missing or extra file.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from jcm_pdd.errors import UserError
from jcm_pdd.gui.validator import PackageState, banner, integrity_summary, title_mark
from jcm_pdd.package.safezip import PackageFormatError
from jcm_pdd.session import DocumentSession

if TYPE_CHECKING:
    from jcm_pdd.gui.mainwindow import MainWindow


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


def package_state(session: DocumentSession | None) -> PackageState | None:
    return getattr(session, "package_state", None)


def open_package_in(window: MainWindow, path: Path) -> bool:
    """Open the package at ``path`` in ``window`` (validator mode); False if not opened."""
    from jcm_pdd.gui.jobs import wait_for_job
    from jcm_pdd.gui.validator import open_package_session

    try:  # every file's checksum is verified: seconds for a big package, off the GUI thread
        session, state = wait_for_job(
            window,
            tr("Verifying “{0}”…").format(path.name),
            lambda: open_package_session(path),
        )
    except PackageFormatError as exc:  # INVALID: refused, and said as loudly as ALTERED
        QMessageBox.critical(
            window,
            tr("Package not trustworthy"),
            tr("“{0}” is INVALID and was not opened: {1}").format(path.name, exc.message),
        )
        return False
    except UserError as exc:  # nothing changed yet: the open document stays as it was
        QMessageBox.warning(window, tr("Cannot open"), exc.message)
        return False
    if not window.close_document():
        state.opened.close()
        return False
    try:
        window.set_session(session)
    except BaseException as exc:
        state.opened.close()
        window.drop_document()  # a clean start page, never a half-built window
        if not isinstance(exc, UserError):
            raise
        QMessageBox.warning(window, tr("Cannot open"), exc.message)
        return False
    if not state.trusted:
        QMessageBox.critical(window, tr("Package not trustworthy"), integrity_summary(state))
    return True


def package_dialog(window: MainWindow) -> QWidget | None:
    """The Package dialog, for a document with no errors (with the review being answered)."""
    session = window.session
    if session is None or session.read_only or window.controller is None:
        return None
    window.controller.recheck_now()  # judge by the document as it is now
    # the periods' errors block only a verification package of them (checks.gate); the dialog
    # refuses that one itself, with the gate's list
    errors = sum(
        d.severity == "error" and not d.code.startswith("period.")
        for d in window.diag_panel.diagnostics
    )
    if errors:
        QMessageBox.information(
            window,
            tr("Package for validation"),
            tr(
                "The diagnostics report {0} error(s). Fix them before packaging for validation."
            ).format(errors),
        )
        return None
    from jcm_pdd.gui.export_dialog import PackageDialog

    dialog = PackageDialog(session, window, window.participant_review)
    dialog.open()
    return dialog


def banner_for(session: DocumentSession) -> tuple[str, str] | None:
    """The banner (text, state) over a document: a package's integrity, or why it is read-only."""
    state = package_state(session)
    if state is not None:
        return banner(state)
    if session.read_only is None:
        return None
    holder = session.lock_holder
    if holder is not None:
        opened = holder.opened_at()
        return (
            tr(
                "Read-only: “{0}” is already open by {1} on {2} since {3}. It is opened read-only."
            ).format(
                session.display_name,
                holder.user or tr("someone"),
                holder.host or tr("an unknown computer"),
                opened.strftime("%Y-%m-%d %H:%M UTC") if opened else tr("an unknown time"),
            ),
            "warning",
        )
    return tr("Read-only: {0}").format(session.read_only), "warning"


def title_suffix(session: DocumentSession) -> str:
    """Added to the window title after the file name: read-only, and not trustworthy."""
    parts = []
    mark = title_mark(package_state(session))
    if mark:
        parts.append(mark)
    if session.read_only:
        parts.append(tr("read-only"))
    return "".join(f" — {part}" for part in parts)


def rebuild_review_docks(window: MainWindow) -> None:
    """Build the review docks again (new language) over the same review, keeping the finding
    selected, the filters and the text being typed."""
    from jcm_pdd.gui.review_docks import add_review_docks, remove_review_docks

    state = package_state(window.session)
    if state is None or not window.review_docks:
        return
    findings = window.findings_panel
    kept: dict[str, Any] = {
        "selected": findings.selected_id(),
        "status": findings.filter.currentData(),
        "type": findings.type_filter.currentData(),
        "texts": [box.toPlainText() for box in findings.text_boxes()],
        "signoff": window.signoff_panel.selected_section(),
    }
    shown = [d for d in window.review_docks if not d.visibleRegion().isEmpty()]
    current = shown[0].objectName() if shown else ""
    remove_review_docks(window)
    window.review_docks = add_review_docks(window, state)
    findings = window.findings_panel
    findings.set_filter(kept["status"] or "")
    findings.set_type_filter(kept["type"] or "")
    if kept["selected"]:
        findings.select_finding(kept["selected"])
    for box, text in zip(findings.text_boxes(), kept["texts"], strict=True):
        if box.toPlainText() != text:
            box.setPlainText(text)
    if kept["signoff"]:
        window.signoff_panel.select_section(kept["signoff"])

    def raise_kept() -> None:
        for dock in window.review_docks:
            if dock.objectName() == current:
                dock.raise_()

    # Raised once the dock area has laid out the rebuilt tabs: a raise before is lost, and the
    # Diagnostics tab they are tabified with would cover them.
    QTimer.singleShot(0, window, raise_kept)
