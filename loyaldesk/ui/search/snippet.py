"""A snippet of what was said, the matched words highlighted: as HTML, and painted in a table cell."""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QTextDocument
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from loyaldesk.core.search import HIT_END, HIT_START

SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 20  # the snippet with its HIT_START/HIT_END markers


def snippet_html(snippet: str, palette: QPalette, *, selected: bool = False) -> str:
    """The snippet as HTML: the matched words in the palette's highlight colours (readable in light and
    dark palettes alike), bold; on a selected row, bold and underlined in the selection's text colour."""
    text = html.escape(snippet.replace("\n", " "))
    if selected:
        start = "<b><u>"
        end = "</u></b>"
    else:
        bg = palette.color(QPalette.ColorRole.Highlight).name()
        fg = palette.color(QPalette.ColorRole.HighlightedText).name()
        start = f'<b style="background-color: {bg}; color: {fg};">'
        end = "</b>"
    return text.replace(html.escape(HIT_START), start).replace(html.escape(HIT_END), end)


def _document(text_html: str, option: QStyleOptionViewItem, color) -> QTextDocument:
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    doc.setDefaultFont(option.font)
    doc.setDefaultStyleSheet(f"body {{ color: {color.name()}; }}")
    doc.setHtml(f"<body style='white-space: pre'>{text_html}</body>")
    return doc


def paint_html(painter, rect, text_html: str, option: QStyleOptionViewItem, color) -> None:
    doc = _document(text_html, option, color)
    painter.save()
    painter.translate(rect.left(), rect.top() + max(0, (rect.height() - doc.size().height()) / 2))
    painter.setClipRect(QRectF(0, 0, rect.width(), rect.height()))
    ctx = QAbstractTextDocumentLayout.PaintContext()
    ctx.palette.setColor(QPalette.ColorRole.Text, color)
    doc.documentLayout().draw(painter, ctx)
    painter.restore()


class SnippetDelegate(QStyledItemDelegate):
    """A cell holding a snippet (SNIPPET_ROLE): painted with the match highlighted."""

    def paint(self, painter, option, index: QModelIndex) -> None:
        snippet = index.data(SNIPPET_ROLE)
        if not snippet:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget)
        paint_html(painter, rect.adjusted(2, 0, -2, 0), snippet_html(snippet, opt.palette, selected=selected), opt,
                   opt.palette.color(role))

    def sizeHint(self, option, index: QModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), option.fontMetrics.height() + 8))


class NameSnippetDelegate(QStyledItemDelegate):
    """The name cell of the clients list while a search finds what was said: the name, and under it the
    matching passage (smaller, the words highlighted)."""

    def paint(self, painter, option, index: QModelIndex) -> None:
        snippet = index.data(SNIPPET_ROLE)
        if not snippet:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        name = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        color = opt.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget).adjusted(2, 2, -2, -2)
        half = rect.height() // 2
        top = rect.adjusted(0, 0, 0, -(rect.height() - half))
        bottom = rect.adjusted(0, half, 0, 0)
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(color)
        painter.drawText(top, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         opt.fontMetrics.elidedText(name, Qt.TextElideMode.ElideRight, top.width()))
        painter.restore()
        small = QStyleOptionViewItem(opt)
        font = small.font
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.9))
        small.font = font
        paint_html(painter, bottom, snippet_html(near_the_match(snippet), opt.palette, selected=selected), small, color)


def near_the_match(snippet: str, before: int = 4) -> str:
    """The snippet from a little before the match (the word before it, or a few characters where words
    are not spaced): in a narrow cell the match stays visible."""
    at = snippet.find(HIT_START)
    if at <= before:
        return snippet
    head = snippet[:at]
    stripped = head.rstrip()
    word = stripped.rsplit(" ", 1)[-1].lstrip("…")
    if word.isascii() and 0 < len(word) <= 16:  # a spaced language: from the word before
        keep = head[len(stripped) - len(word):]
    else:
        keep = head[-before:]
    return snippet if keep == head else "…" + keep + snippet[at:]


def two_line_height(widget) -> int:
    """The row height that holds a name and a snippet under it."""
    return 2 * widget.fontMetrics().height() + 10
