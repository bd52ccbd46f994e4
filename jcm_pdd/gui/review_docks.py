"""Validator mode's review docks: findings (CAR / CL / FAR) and section sign-offs, wired to the
main window's navigator (new findings and sign-offs target the section shown) and back to the
editor (double-clicking a finding or a change goes to its section or field).

The panels themselves live in ``review_panel`` and ``signoff_panel``; this module only builds
and connects them for an opened package. They write only the ``.jcmreview`` file beside the
package, and only when the reviewer changes something.
"""

from __future__ import annotations

import getpass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDockWidget

if TYPE_CHECKING:
    from jcm_pdd.gui.mainwindow import MainWindow


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


def _user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return ""


def add_review_docks(window: MainWindow, opened: object) -> list[QDockWidget]:
    """Build the findings and sign-off docks for ``opened`` (an ``OpenedPackage``)."""
    from jcm_pdd.gui.diff_view import section_titles
    from jcm_pdd.gui.review_panel import ReviewPanel, review_for_opened, target_paths
    from jcm_pdd.gui.signoff_panel import SignOffPanel, package_figures

    view = window.view
    assert view is not None
    project = opened.project  # type: ignore[attr-defined]
    review, path = review_for_opened(opened)
    titles = section_titles(project)
    findings = ReviewPanel(
        review,
        path,
        author=_user(),
        section_titles=titles,
        field_paths=target_paths(project, view.sections),
    )
    signoffs = SignOffPanel(
        review,
        path,
        project,
        package_figures(opened),
        round=opened.round,  # type: ignore[attr-defined]
        package_id=opened.package_id,  # type: ignore[attr-defined]
        reviewer=_user(),
        section_titles=titles,
    )

    def section_shown(section_id: str) -> None:
        findings.set_target(section_id)
        signoffs.set_section(section_id if section_id in titles else "")

    view.navigator.section_selected.connect(section_shown)
    current = view.navigator.currentItem()
    if current is not None and current.data(0, Qt.ItemDataRole.UserRole):
        section_shown(current.data(0, Qt.ItemDataRole.UserRole))
    findings.go_to_target.connect(window.go_to_target)
    signoffs.go_to_path.connect(window.go_to_target)
    findings.changed.connect(signoffs.refresh)
    signoffs.changed.connect(findings.refresh)

    docks = []
    for name, title, panel in (
        ("findingsDock", tr("Findings"), findings),
        ("signoffDock", tr("Sign-offs"), signoffs),
    ):
        dock = QDockWidget(title, window)
        dock.setObjectName(name)
        dock.setWidget(panel)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        window.tabifyDockWidget(window.diag_dock, dock)
        docks.append(dock)
    docks[0].raise_()
    window.findings_panel = findings
    window.signoff_panel = signoffs
    return docks
