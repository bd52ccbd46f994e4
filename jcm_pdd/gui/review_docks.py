"""Validator mode's review docks: findings (CAR / CL / FAR) and section sign-offs, wired to the
main window's navigator (new findings and sign-offs target the section shown) and back to the
editor (double-clicking a finding or a change goes to its section or field).

The panels themselves live in ``review_panel`` and ``signoff_panel``; this module only builds
and connects them for an opened package. They write only the ``.jcmreview`` file beside the
package, and only when the reviewer changes something.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMenu, QWidget

from jcm_pdd.gui.fields import FIELD_MENU_HOOK
from jcm_pdd.gui.navigator import MONITORING_ID

if TYPE_CHECKING:
    from jcm_pdd.gui.document_view import DocumentView
    from jcm_pdd.gui.mainwindow import MainWindow
    from jcm_pdd.gui.validator import PackageState
    from jcm_pdd.package.review import Review


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


def reviewer_name(window: MainWindow) -> str:
    """Who signs findings and sign-offs: the name set in Preferences, else the login name."""
    chosen = window.prefs.reviewer_name.strip()
    if chosen:
        return chosen
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return ""


def add_review_docks(window: MainWindow, state: PackageState) -> list[QDockWidget]:
    """Build the findings and sign-off docks (and from round 2 the round view) for ``state``."""
    from jcm_pdd.gui.diff_view import section_titles
    from jcm_pdd.gui.i18n import current_language
    from jcm_pdd.gui.review_common import target_paths
    from jcm_pdd.gui.review_panel import ReviewPanel
    from jcm_pdd.gui.signoff_panel import SignOffPanel
    from jcm_pdd.session.labels import path_label

    view = window.view
    assert view is not None
    opened = state.opened
    project = opened.project
    assert project is not None  # a package's session is made only over its project
    review, path = state.review, state.review_path
    titles = section_titles(project)
    field_paths = target_paths(project, view.sections)
    if state.verification:  # the covered periods are sections to find on and sign off
        from jcm_pdd.gui.verifier_periods import period_key
        from jcm_pdd.package.fingerprint import period_sections

        specs = period_sections(project)
        for number in state.periods:
            key = period_key(number)
            if key in specs:
                titles[key] = specs[key].title
                values = project.monitoring.periods[number - 1].values
                field_paths[key] = [
                    f"monitoring.periods.{number - 1}.values.{row}.value"
                    for row in range(len(values))
                ]
    findings = ReviewPanel(
        review,
        path,
        author=reviewer_name(window),
        section_titles=titles,
        field_paths=field_paths,
        path_label=lambda p: path_label(view.sections, p, current_language()),
    )
    signoffs = SignOffPanel(
        review,
        path,
        project,
        state.figures,
        round=opened.round,
        package_id=opened.package_id,
        reviewer=reviewer_name(window),
        section_titles=titles,
    )

    window.findings_panel = findings
    window.signoff_panel = signoffs
    follow_navigator(window)
    from jcm_pdd.gui.verifier_periods import period_path

    findings.go_to_target.connect(lambda target: window.go_to_target(period_path(target)))
    signoffs.go_to_path.connect(window.go_to_target)
    findings.changed.connect(signoffs.refresh)
    signoffs.changed.connect(findings.refresh)
    findings.changed.connect(lambda: mark_findings(window, review))
    mark_findings(window, review)

    panels: list[tuple[str, str, QWidget]] = [
        ("findingsDock", tr("Findings"), findings),
        ("signoffDock", tr("Sign-offs"), signoffs),
    ]
    if state.verification:
        panels.insert(0, ("periodsDock", tr("Periods"), _periods_panel(window, state)))
    if state.round > 1 or len(review.packages) > 1:
        from jcm_pdd.gui.round_view import RoundView

        window.round_view = RoundView(state, findings, titles)
        window.round_view.go_to_target.connect(window.go_to_target)
        findings.changed.connect(window.round_view.refresh)
        panels.insert(0, ("roundDock", tr("Round {0}").format(state.round), window.round_view))
    docks = []
    for name, title, panel in panels:
        dock = QDockWidget(title, window)
        dock.setObjectName(name)
        dock.setWidget(panel)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        window.tabifyDockWidget(window.diag_dock, dock)
        docks.append(dock)
    docks[0].raise_()

    def field_actions(menu: QMenu, path: str) -> None:
        """ "Raise finding…" in the context menu of every editor field and table cell."""
        if not any(dock.widget() is findings for dock in window.review_docks):
            return  # this package was closed; the hook outlived its docks

        def raise_on() -> None:
            docks[0].show()
            docks[0].raise_()
            findings.new_finding_on(path)

        action = menu.addAction(tr("Raise finding…"))
        action.setToolTip(tr("A finding on {0}").format(path))
        action.triggered.connect(raise_on)

    setattr(window, FIELD_MENU_HOOK, field_actions)
    return docks


def _period_shown(window: MainWindow, follow: Callable[[], None]) -> str:
    """Verifier mode on the Monitoring page: the key of the period selected there if the
    package covers it (``MRS:period N``), else ""; ``follow`` runs when the selection moves."""
    from jcm_pdd.gui.monitoring_page import MonitoringPage
    from jcm_pdd.gui.verifier_periods import period_key

    view = window.view
    page = view.page(MONITORING_ID) if view is not None else None
    if not isinstance(page, MonitoringPage):
        return ""
    if not getattr(page, "_verifier_follows", False):
        page.periods.currentCellChanged.connect(lambda *_: follow())
        page._verifier_follows = True  # type: ignore[attr-defined]
    state = getattr(window.session, "package_state", None)
    number = page.current_period() + 1
    return period_key(number) if state is not None and number in state.periods else ""


def _periods_panel(window: MainWindow, state: PackageState) -> QWidget:
    """Verifier mode: the covered periods with their findings and sign-offs."""
    from jcm_pdd.gui.verifier_periods import PeriodsPanel
    from jcm_pdd.methodology.fmt import whole

    project = state.opened.project
    assert project is not None
    rows = []
    for number in state.periods:
        period = project.monitoring.periods[number - 1]
        start, end = period.start, period.end
        dates = f"{start:%d/%m/%Y} – {end:%d/%m/%Y}" if start and end else ""
        credited = state.figures.get(f"period {number}", {}).get("ER_credited")
        rows.append((number, dates, whole(int(credited)) if credited else "—"))
    panel = PeriodsPanel(state.review, rows, window.findings_panel, window.signoff_panel)
    panel.go_to_target.connect(window.go_to_target)
    window.periods_panel = panel
    return panel


def remove_review_docks(window: MainWindow) -> None:
    for dock in window.review_docks:
        window.removeDockWidget(dock)
        dock.deleteLater()
    window.review_docks = []


def mark_findings(window: MainWindow, review: Review) -> None:
    """Navigator and field markers for the findings not closed (section or field targets)."""
    view = window.view
    if view is None:
        return
    marks: dict[str, list[str]] = {}
    for finding in review.findings:
        if finding.status != "closed":
            marks.setdefault(finding.target, []).append(finding.id)
    view.set_finding_marks(marks)


def follow_navigator(window: MainWindow) -> None:
    """Keep the findings and sign-off docks on the section the navigator shows (called again
    when the editors are rebuilt after a language change)."""
    from jcm_pdd.gui.diff_view import section_titles

    view, session = window.view, window.session
    assert view is not None and session is not None
    titles = section_titles(session.project)
    findings, signoffs = window.findings_panel, window.signoff_panel

    state = getattr(session, "package_state", None)
    verifying = state is not None and state.verification

    followed = [""]  # the section the docks follow

    def section_shown(section_id: str) -> None:
        followed[0] = section_id
        if verifying and section_id == MONITORING_ID:
            key = _period_shown(window, lambda: section_shown(MONITORING_ID))
            findings.set_target(key or section_id)
            signoffs.set_section(key)
            return
        findings.set_target(section_id)
        signoffs.set_section(section_id if section_id in titles else "")

    view.navigator.section_selected.connect(section_shown)

    def page_shown(_index: int) -> None:
        # A "go to" (a diagnostic, a finding, a match of Find) shows a section without the
        # navigator's signal: the docks follow it once the navigator has been moved there.
        QTimer.singleShot(0, lambda: _follow_current(view, followed[0], section_shown))

    view.pages.currentChanged.connect(page_shown)
    current = view.navigator.currentItem()
    if current is not None and current.data(0, Qt.ItemDataRole.UserRole):
        section_shown(current.data(0, Qt.ItemDataRole.UserRole))


def _follow_current(
    view: DocumentView, followed: str, section_shown: Callable[[str], None]
) -> None:
    """The docks onto the navigator's section if they are not on it already (a finding begun
    on one of its fields keeps that field)."""
    current = view.navigator.currentItem()
    section = current.data(0, Qt.ItemDataRole.UserRole) if current is not None else None
    if section and section != followed:
        section_shown(str(section))
