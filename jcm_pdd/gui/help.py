"""Help in the app, offline: the user guide (English or Japanese, from ``resources/guide``),
the keyboard shortcuts, and F1 on a field (its official guidance and the methodology paragraph
the template cites for it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QUrl
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from jcm_pdd.gui.widgets import reading_table
from jcm_pdd.gui.window_layout import fit_to_screen
from jcm_pdd.paths import resources_dir

if TYPE_CHECKING:
    from pathlib import Path

    from jcm_pdd.session.search import FieldHelp


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


def guide_page(language: str) -> Path:
    """The user guide's first page in ``language`` (English where there is no translation)."""
    folder = resources_dir() / "guide"
    page = folder / language / "index.html"
    return page if page.is_file() else folder / "en" / "index.html"


class UserGuide(QDialog):
    """The user guide, read offline; links between its pages work, images show."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("User guide"))
        self.resize(960, 720)
        fit_to_screen(self)  # 720 pixels and a title bar: taller than a 1366x768 laptop's
        self.browser = QTextBrowser()
        self.browser.setAccessibleName(tr("User guide"))
        self.browser.setOpenExternalLinks(False)
        page = guide_page(language)
        self.browser.setSearchPaths([str(page.parent), str(page.parent.parent)])
        self.browser.setSource(QUrl.fromLocalFile(str(page)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)


# Keys that work inside editors, beside the menu shortcuts (listed from the actions). Marked
# with QT_TRANSLATE_NOOP so lupdate puts them in the catalogue; tr() translates them when shown.
EDITING_KEYS = (
    ("Enter", QT_TRANSLATE_NOOP("", "Keep a table cell's text and close its editor")),
    ("Shift+Enter", QT_TRANSLATE_NOOP("", "A new line in a paragraph cell (B.2, Table 1 methods)")),
    (
        "F11 (in a table)",
        QT_TRANSLATE_NOOP("", "Edit the table full width; F11 or Esc goes back to the form"),
    ),
    ("Tab / Shift+Tab", QT_TRANSLATE_NOOP("", "Next / previous field or cell")),
    ("Esc", QT_TRANSLATE_NOOP("", "Drop the change in a cell; close the find bar")),
    ("Enter / Shift+Enter (find bar)", QT_TRANSLATE_NOOP("", "Next / previous match")),
)


class Shortcuts(QDialog):
    """Every keyboard shortcut: the menu actions' own, then the keys inside editors."""

    def __init__(self, actions: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Keyboard shortcuts"))
        self.resize(620, 560)
        rows = [*actions, *((key, tr(str(what))) for key, what in EDITING_KEYS)]
        self.table = QTableWidget(len(rows), 2)
        reading_table(self.table)
        self.table.setAccessibleName(tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([tr("Keys"), tr("What it does")])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        for n, (key, what) in enumerate(rows):
            self.table.setItem(n, 0, QTableWidgetItem(key))
            self.table.setItem(n, 1, QTableWidgetItem(what))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)


class FieldHelpDialog(QDialog):
    """F1 on a field: where it is, the form's guidance, the methodology paragraph cited."""

    def __init__(self, help_: FieldHelp, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Help on this field"))
        self.resize(620, 320)
        self.title = QLabel(f"<b>{_escape(help_.title)}</b>")
        self.title.setWordWrap(True)
        self.guidance = QLabel(help_.guidance or tr("The form gives no guidance for this field."))
        self.guidance.setWordWrap(True)
        self.citation = QLabel(
            tr("Methodology: {0}").format(help_.citation) if help_.citation else ""
        )
        self.citation.setWordWrap(True)
        self.citation.setVisible(bool(help_.citation))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.guidance, 1)
        layout.addWidget(self.citation)
        layout.addWidget(buttons)


def _escape(text: str) -> str:
    import html

    return html.escape(text)
