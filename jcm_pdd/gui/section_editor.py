"""One generated page per form section: label (with a required marker), the editor, and the
official guidance beside it. Tables span the page with their guidance above.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from jcm_pdd.gui import theme
from jcm_pdd.gui.controller import DocumentController
from jcm_pdd.gui.fields import FieldBinding
from jcm_pdd.gui.widgets import page_heading
from jcm_pdd.model import Project
from jcm_pdd.model.paths import PathError, get_value
from jcm_pdd.session.formview import SectionView

if TYPE_CHECKING:
    from jcm_pdd.gui.table_editor import TableEditor


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


class SectionEditor(QScrollArea):
    def __init__(
        self, section: SectionView, controller: DocumentController, status: Callable[[str], None]
    ) -> None:
        super().__init__()
        self.section = section
        self.controller = controller
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # Tab goes from field to field; the page itself took a stop of its own that showed
        # nothing (the page scrolls to the focused field, Page Up/Down reach it from a field)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.bindings: list[FieldBinding] = []
        self.tables: list[TableEditor] = []
        self.labels: dict[str, tuple[QLabel, str]] = {}  # field path -> label, its own text

        page = QWidget()
        outer = QVBoxLayout(page)
        heading = page_heading(section.heading)
        heading.setObjectName("sectionHeading")
        outer.addWidget(heading)

        grid = QGridLayout()
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setHorizontalSpacing(16)
        row = 0
        paragraphs = 0
        for view in section.fields:
            label = QLabel(view.label + (" *" if view.required else ""))
            label.setWordWrap(True)
            label_font = label.font()
            label_font.setBold(True)
            label.setFont(label_font)
            if view.required:
                label.setToolTip(tr("Required"))
            self.labels[view.path.split(".*", 1)[0]] = (label, label.text())
            grid.addWidget(label, row, 0, 1, 2)
            row += 1
            guidance = QLabel(view.guidance)
            guidance.setWordWrap(True)
            guidance.setObjectName("guidance")
            guidance.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            guidance.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
            guidance.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            if view.kind == "table":
                # (loaded with the first page that has a table: a start on one without never does)
                from jcm_pdd.gui.table_editor import TableEditor

                table = TableEditor(
                    view, controller.edit, controller.insert_row, controller.remove_row, status
                )
                label.setBuddy(table.table)
                if view.guidance:
                    grid.addWidget(guidance, row, 0, 1, 2)
                    row += 1
                grid.addWidget(table, row, 0, 1, 2)
                grid.setRowStretch(row, 1)  # tables take the page's spare height
                self.tables.append(table)
            else:
                binding = FieldBinding(view, view.path, controller.edit, self._attachment_choices)
                binding.widget.setProperty("modelPath", view.path)  # Ctrl+Shift+K finds it
                label.setBuddy(binding.editor)
                if view.kind == "multiline":  # a paragraph takes the page's spare height
                    grid.addWidget(binding.widget, row, 0)
                    grid.setRowStretch(row, 1)
                    paragraphs += 1
                else:
                    grid.addWidget(binding.widget, row, 0, Qt.AlignmentFlag.AlignTop)
                grid.addWidget(guidance, row, 1, Qt.AlignmentFlag.AlignTop)
                self.bindings.append(binding)
            row += 1
        outer.addLayout(grid, 1 if self.tables or paragraphs else 0)
        if not self.tables and not paragraphs:
            outer.addStretch(1)
        self.setWidget(page)
        self.refresh_all()
        self.set_read_only(controller.read_only)

    def refresh_all(self) -> None:
        project = self.controller.session.project
        for binding in self.bindings:
            binding.show(_get(project, binding.path))
        for table in self.tables:
            table.show_rows(_get(project, table.path) or [])

    def _attachment_choices(self) -> list[tuple[str, str, str]]:
        """(name, sha256, media type) of the project's attached files."""
        attachments = self.controller.session.project.attachments
        return [(a.name, a.sha256, a.media_type) for a in attachments]

    def refresh(self, path: str) -> None:
        """Show the model's value again for fields touched by a change at ``path``."""
        project = self.controller.session.project
        if path == "attachments" or path.startswith("attachments."):
            for binding in self.bindings:
                binding.refresh_attachments()
        for binding in self.bindings:
            if _related(binding.path, path):
                binding.show(_get(project, binding.path))
        for table in self.tables:
            if _related(table.path, path):
                table.show_rows(_get(project, table.path) or [])

    def set_read_only(self, read_only: bool) -> None:
        for binding in self.bindings:
            binding.set_read_only(read_only)
        for table in self.tables:
            table.set_read_only(read_only)

    def focus_path(self, path: str) -> bool:
        for binding in self.bindings:
            if binding.path == path:
                binding.editor.setFocus()
                self.ensureWidgetVisible(binding.widget)
                return True
        for table in self.tables:
            if table.focus_path(path) or table.path == path:
                self.ensureWidgetVisible(table)
                table.table.setFocus()
                return True
        return False

    def mark_findings(self, marks: dict[str, list[str]]) -> None:
        """Flag each field (or table) that a finding not closed points at, with the ids."""
        for path, (label, text) in self.labels.items():
            ids = [
                i
                for target, found in marks.items()
                if target == path or target.startswith(path + ".")
                for i in found
            ]
            label.setText(f"{text}   ⚑ {', '.join(ids)}" if ids else text)
            tip = tr("Required") if text.endswith(" *") else ""
            label.setToolTip(tr("Open findings: {0}").format(", ".join(ids)) if ids else tip)
            colour = theme.ink("error", label.palette()).name()
            label.setStyleSheet(f"color: {colour};" if ids else "")

    def finding_label(self, path: str) -> str:
        entry = self.labels.get(path)
        return entry[0].text() if entry else ""

    def binding(self, path: str) -> FieldBinding | None:
        return next((b for b in self.bindings if b.path == path), None)


def _related(a: str, b: str) -> bool:
    return a == b or a.startswith(b + ".") or b.startswith(a + ".")


def _get(project: Project, path: str) -> Any:
    try:
        return get_value(project, path)
    except PathError:
        return None
