"""The navigator: the whole submission as a tree (PDD A–F, Annex, revision history, Monitoring
Plan, Monitoring Structure, MoC, attachments) with a completeness mark per section.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem

from jcm_pdd.gui import theme
from jcm_pdd.model import Project
from jcm_pdd.session.formview import GROUPS, SectionView, section_completeness

ATTACHMENTS_ID = "attachments"
MONITORING_ID = "monitoring"  # after registration: shown once the project has a period
ROLE_ID = Qt.ItemDataRole.UserRole


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


def group_title(group: str) -> str:
    titles = {
        "PDD": tr("Project Design Document"),
        "Annex": tr("Annex"),
        "Revision history": tr("Revision history"),
        "Monitoring Plan": tr("Monitoring Plan"),
        "Monitoring Structure": tr("Monitoring Structure"),
        "MoC": tr("Modalities of Communication"),
    }
    return titles.get(group, group)


class Navigator(QTreeWidget):
    section_selected = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.setHeaderHidden(True)
        self.setAccessibleName(tr("Sections of the submission"))
        self.setColumnCount(3)
        self.setRootIsDecorated(True)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.setMinimumWidth(220)
        self._items: dict[str, QTreeWidgetItem] = {}
        self._sections: dict[str, SectionView] = {}
        self.currentItemChanged.connect(self._current_changed)

    def populate(self, sections: list[SectionView]) -> None:
        self.clear()
        self._items.clear()
        self._sections = {s.id: s for s in sections}
        groups: dict[str, QTreeWidgetItem] = {}
        order = list(GROUPS) + sorted({s.group for s in sections} - set(GROUPS))
        for group in order:
            members = [s for s in sections if s.group == group]
            if not members:
                continue
            if len(members) == 1 and group != "PDD":
                parent = self.invisibleRootItem()
            else:
                parent = QTreeWidgetItem(self, [group_title(group)])
                parent.setFlags(parent.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                parent.setExpanded(True)
                groups[group] = parent
            for section in members:
                text = section.heading
                if len(members) == 1 and group != "PDD":
                    text = group_title(group)
                item = QTreeWidgetItem(parent, [text, ""])
                item.setData(0, ROLE_ID, section.id)
                item.setToolTip(0, section.heading)
                self._items[section.id] = item
        attachments = QTreeWidgetItem(self, [tr("Attachments"), ""])
        attachments.setData(0, ROLE_ID, ATTACHMENTS_ID)
        self._items[ATTACHMENTS_ID] = attachments
        self.expandAll()
        self.resizeColumnToContents(1)

    def show_monitoring(self, shown: bool) -> None:
        """The Monitoring entry (before Attachments) while the project has periods."""
        item = self._items.get(MONITORING_ID)
        if shown and item is None:
            item = QTreeWidgetItem([tr("Monitoring periods"), ""])
            item.setData(0, ROLE_ID, MONITORING_ID)
            self.insertTopLevelItem(self.indexOfTopLevelItem(self._items[ATTACHMENTS_ID]), item)
            self._items[MONITORING_ID] = item
        elif not shown and item is not None:
            self.takeTopLevelItem(self.indexOfTopLevelItem(item))
            del self._items[MONITORING_ID]

    def update_marks(self, project: Project, problems: dict[str, int] | None = None) -> None:
        """Completeness per section: ✓ complete, ◐ partly, ○ nothing required filled yet;
        a section with errors from the diagnostics shows ⚠."""
        problems = problems or {}
        for sid, section in self._sections.items():
            filled, required = section_completeness(project, section)
            item = self._items[sid]
            if problems.get(sid):
                mark, tip = "⚠", tr("{0} problem(s)").format(problems[sid])
            elif required == 0 or filled == required:
                mark, tip = "✓", tr("Complete")
            elif filled:
                mark, tip = "◐", tr("{0} of {1} required fields filled").format(filled, required)
            else:
                mark, tip = "○", tr("Not started")
            item.setText(1, mark)
            item.setToolTip(1, tip)
            item.setData(1, Qt.ItemDataRole.AccessibleTextRole, tip)  # said, not "✓"
        self.resizeColumnToContents(1)

    def set_finding_marks(self, findings: dict[str, list[str]]) -> None:
        """A flag and the count of findings not closed per section (ids in the tooltip)."""
        for sid, item in self._items.items():
            ids = findings.get(sid, [])
            item.setText(2, f"⚑{len(ids)}" if ids else "")
            item.setToolTip(2, tr("Open findings: {0}").format(", ".join(ids)) if ids else "")
            item.setData(2, Qt.ItemDataRole.AccessibleTextRole, item.toolTip(2))  # not "⚑1"
            item.setForeground(2, theme.ink("error", self.palette()))
        self.resizeColumnToContents(2)

    def finding_mark(self, section_id: str) -> str:
        item = self._items.get(section_id)
        return item.text(2) if item is not None else ""

    def select(self, section_id: str) -> None:
        item = self._items.get(section_id)
        if item is not None:
            self.setCurrentItem(item)

    def mark(self, section_id: str) -> str:
        item = self._items.get(section_id)
        return item.text(1) if item is not None else ""

    def _current_changed(self, current: QTreeWidgetItem | None, _: object) -> None:
        if current is not None and current.data(0, ROLE_ID):
            self.section_selected.emit(current.data(0, ROLE_ID))
