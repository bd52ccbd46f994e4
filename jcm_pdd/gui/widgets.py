"""Small widget factories the pages and panels share: a page's heading, a read-only table cell,
a table the user only reads."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTableWidgetItem

if TYPE_CHECKING:
    from PySide6.QtWidgets import QAbstractItemView


def page_heading(text: str) -> QLabel:
    """The bold, larger heading at the top of a page (a section, Attachments, Monitoring)."""
    heading = QLabel(text)
    font = heading.font()
    font.setPointSizeF(font.pointSizeF() * 1.35)
    font.setBold(True)
    heading.setFont(font)
    heading.setWordWrap(True)
    return heading


def read_only_item(text: str, right: bool = False) -> QTableWidgetItem:
    """A table cell the user reads but cannot edit; ``right`` aligns figures to the right."""
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def reading_table(table: QAbstractItemView) -> None:
    """A table the user reads and chooses rows in: Tab moves on to the next control and the
    arrow keys between its cells. Qt's tables walk Tab through every cell and wrap round to the
    first, so a keyboard user never got past one (C.3's years, the findings, the recent files).
    """
    table.setTabKeyNavigation(False)
