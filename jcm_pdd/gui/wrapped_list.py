"""A list item delegate that wraps long text instead of cutting it.

Qt's own word wrap breaks only at spaces, so a 64-digit SHA-256 or a long file name without
spaces runs past the right edge and is cut. This delegate lays the text out at the view's width
breaking at word boundaries where it can and anywhere where it must, and sizes each row to fit.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QPainter,
    QPalette,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

_MARGIN = 4
Index = QModelIndex | QPersistentModelIndex


class WrappingDelegate(QStyledItemDelegate):
    """Paints an item's text wrapped to the view's width; the row is as tall as the text."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self.view = view
        if isinstance(view, QListView):
            view.setResizeMode(QListView.ResizeMode.Adjust)  # rows re-measured on resize
            view.setUniformItemSizes(False)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def _document(self, option: QStyleOptionViewItem, text: str, width: int) -> QTextDocument:
        document = QTextDocument()
        document.setDocumentMargin(0)
        document.setDefaultFont(option.font)
        wrap = QTextOption()
        wrap.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        document.setDefaultTextOption(wrap)
        document.setPlainText(text)
        document.setTextWidth(max(40, width))
        return document

    def _width(self, option: QStyleOptionViewItem) -> int:
        return self.view.viewport().width() - 2 * _MARGIN

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        self.initStyleOption(option, index)
        width = self._width(option)
        document = self._document(option, option.text, width)
        return QSize(width, int(document.size().height()) + 2 * _MARGIN)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        text = option.text
        option.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        rect = option.rect
        document = self._document(option, text, rect.width() - 2 * _MARGIN)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(rect.left() + _MARGIN, rect.top() + _MARGIN)
        context.clip = QRectF(0, 0, rect.width() - 2 * _MARGIN, rect.height())
        painter.setClipRect(context.clip)
        document.documentLayout().draw(painter, context)
        painter.restore()
