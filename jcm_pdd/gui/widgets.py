"""Small widget factories the pages and panels share: a page's heading, a read-only table cell."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTableWidgetItem


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
