"""The editing area of one document: read-only banner, navigator, and the generated section
pages (built on first visit, so opening a large project stays quick).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from jcm_pdd.gui.controller import DocumentController
from jcm_pdd.gui.navigator import ATTACHMENTS_ID, MONITORING_ID, Navigator
from jcm_pdd.gui.section_editor import SectionEditor
from jcm_pdd.gui.theme import set_banner_state, style_banner
from jcm_pdd.session.formview import SectionView, form_view
from jcm_pdd.session.labels import field_index, field_of

if TYPE_CHECKING:
    from jcm_pdd.gui.find_bar import FindBar


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


class DocumentView(QWidget):
    def __init__(self, controller: DocumentController, status: Callable[[str], None]) -> None:
        super().__init__()
        self.controller = controller
        self._status = status
        self.sections: list[SectionView] = form_view(controller.session.project)
        self._by_id = {s.id: s for s in self.sections}
        self._fields = field_index(self.sections)  # a path's field in a few steps
        self._pages: dict[str, QWidget] = {}
        self._problems: dict[str, int] = {}
        self._finding_marks: dict[str, list[str]] = {}  # target -> ids of findings not closed
        self.page_built: list[Callable[[QWidget], None]] = []  # called with each new page

        # The banner: a band with a state icon and the text (read-only notice, or a package's
        # integrity), tinted from the palette so it reads in light and dark.
        self.banner_frame = QFrame()
        self.banner_frame.setObjectName("readOnlyBanner")
        self.banner_icon = QLabel()
        self.banner_icon.setObjectName("bannerIcon")
        self.banner = QLabel()
        self.banner.setObjectName("bannerText")
        self.banner.setWordWrap(True)
        band = QHBoxLayout(self.banner_frame)
        band.setContentsMargins(8, 4, 8, 4)
        band.addWidget(self.banner_icon, 0, Qt.AlignmentFlag.AlignTop)
        band.addWidget(self.banner, 1)
        # Shown only over a document locked by another instance (see gui/lock_takeover.py).
        self.take_over_button = QPushButton(tr("Take over…"))
        self.take_over_button.setObjectName("takeOverLockButton")
        self.take_over_button.setToolTip(
            tr("Edit here anyway, after a warning (when the other copy is no longer running)")
        )
        self.take_over_button.setVisible(False)
        band.addWidget(self.take_over_button, 0, Qt.AlignmentFlag.AlignTop)
        self.banner_state = "warning"
        style_banner(self.banner_frame, self.banner_state, "QFrame#readOnlyBanner")
        self.banner_frame.setVisible(False)

        self._find_bar: FindBar | None = None  # built when first opened (Ctrl+F)
        self.navigator = Navigator()
        self.navigator.populate(self.sections)
        self.navigator.section_selected.connect(self.show_section)
        self.pages = QStackedWidget()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.navigator)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([250, 900])
        layout = self._layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner_frame)
        layout.addWidget(splitter, 1)

        controller.changed.connect(self._on_changed)
        self.navigator.show_monitoring(bool(controller.session.project.monitoring.periods))
        if self.sections:
            self.navigator.select(self.sections[0].id)
        self.refresh_marks()

    @property
    def find_bar(self) -> FindBar:
        """The find bar, under the banner: built when first asked for (a start does not load
        it or the search module)."""
        if self._find_bar is None:
            from jcm_pdd.gui.find_bar import FindBar
            from jcm_pdd.gui.i18n import current_language
            from jcm_pdd.session.search import find

            session = self.controller.session
            self._find_bar = FindBar(
                lambda text: find(session.project, self.sections, text, current_language())
            )
            self._find_bar.go_to_path.connect(self.focus_path)
            self._layout.insertWidget(1, self._find_bar)
        return self._find_bar

    def set_banner(self, text: str | None, state: str = "warning") -> None:
        """Show ``text`` in the banner; ``state`` (warning, ok, error) sets its colour and icon."""
        from PySide6.QtWidgets import QStyle  # (its class is built when first used: a banner)

        self.banner.setText(text or "")
        self.banner_state = state
        set_banner_state(self.banner_frame, state)
        icon = {
            "ok": QStyle.StandardPixmap.SP_DialogApplyButton,
            "error": QStyle.StandardPixmap.SP_MessageBoxCritical,
        }.get(state, QStyle.StandardPixmap.SP_MessageBoxWarning)
        size = 32 if state == "error" else 20
        self.banner_icon.setPixmap(self.style().standardIcon(icon).pixmap(size, size))
        self.banner_icon.setAccessibleName(
            {"ok": tr("Verified"), "error": tr("Not trustworthy")}.get(state, tr("Notice"))
        )
        self.banner_frame.setVisible(bool(text))

    def page(self, section_id: str) -> QWidget:
        page = self._pages.get(section_id)
        if page is None:
            if section_id == ATTACHMENTS_ID:  # (its module loads when it is first shown)
                from jcm_pdd.gui.attachments import AttachmentsPage

                page = AttachmentsPage(self.controller)
            elif section_id == MONITORING_ID:  # after registration: loaded when first shown
                from jcm_pdd.gui.monitoring_page import MonitoringPage

                self.navigator.show_monitoring(True)
                page = MonitoringPage(self.controller, self._status)
            else:
                page = SectionEditor(self._by_id[section_id], self.controller, self._status)
                page.mark_findings(self._finding_marks)
            self._pages[section_id] = page
            self.pages.addWidget(page)
            for listener in self.page_built:
                listener(page)
        return page

    def show_section(self, section_id: str) -> QWidget:
        page = self.page(section_id)
        self.pages.setCurrentWidget(page)
        self.navigator.blockSignals(True)
        self.navigator.select(section_id)
        self.navigator.blockSignals(False)
        return page

    def built_pages(self) -> list[QWidget]:
        return list(self._pages.values())

    def current_page(self) -> QWidget | None:
        return self.pages.currentWidget()

    def section_of_path(self, path: str) -> str | None:
        """The section editing ``path`` (a field, a table, or a cell of a table)."""
        best = field_of(self._fields, path)
        if best is None and path.startswith("attachments"):
            return ATTACHMENTS_ID
        if best is None and (path == "monitoring" or path.startswith("monitoring.")):
            return MONITORING_ID
        return best[0].id if best else None

    def focus_path(self, path: str) -> bool:
        section_id = self.section_of_path(path)
        if section_id is None:
            return False
        page = self.show_section(section_id)
        if isinstance(page, SectionEditor):
            return page.focus_path(path)
        if section_id == MONITORING_ID:
            return bool(page.focus_path(path))  # type: ignore[attr-defined]
        return True

    def set_read_only(self, read_only: bool) -> None:
        for page in self._pages.values():
            page.set_read_only(read_only)  # type: ignore[attr-defined]

    def refresh_marks(self, problems: dict[str, int] | None = None) -> None:
        if problems is not None:
            self._problems = problems
        self.navigator.update_marks(self.controller.session.project, self._problems)

    def set_finding_marks(self, marks: dict[str, list[str]]) -> None:
        """Findings not closed, by target (a section key or a model path): marked in the
        navigator (per section) and at the fields they point at."""
        self._finding_marks = {k: list(v) for k, v in marks.items()}
        per_section: dict[str, list[str]] = {}
        for target, ids in marks.items():
            section = target if target in self._by_id else self.section_of_path(target)
            if section:
                per_section.setdefault(section, []).extend(ids)
        self.navigator.set_finding_marks(per_section)
        for page in self._pages.values():
            if isinstance(page, SectionEditor):
                page.mark_findings(self._finding_marks)

    def _on_changed(self, path: str) -> None:
        if path == "monitoring" or path.startswith("monitoring.periods"):
            self.navigator.show_monitoring(bool(self.controller.session.project.monitoring.periods))
        for page in self._pages.values():
            page.refresh(path)  # type: ignore[attr-defined]
        # Completeness marks follow with the diagnostics, once typing pauses.
