"""The "Contact today" list: Suggestion dataclasses in, rows out; one-click action buttons.

The last column holds the actions of each row (Done, Snooze, Dismiss, Open), painted by
ActionsDelegate and clicked directly, without selecting the row first.
"""

from __future__ import annotations

import datetime as dt
from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QEvent, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from loyaldesk.ui import labels

SUGGESTION_ROLE = Qt.ItemDataRole.UserRole + 1

DUE_PAST = QColor("#A3300B")  # overdue actions: the date in a warm, readable red
HIGH_PRIORITY = QColor("#B8860B")
BUTTON_BORDER = QColor("#9FB7BB")
BUTTON_FILL = QColor("#F4F8F8")
BUTTON_DONE_FILL = QColor("#1F6F78")


class Column(IntEnum):
    DUE = 0
    ACTION = 1
    CLIENT = 2
    REASON = 3
    BUTTONS = 4


ACTIONS = ("done", "letter", "snooze", "dismiss", "open")


def action_texts() -> dict[str, str]:
    return {
        "done": QCoreApplication.translate("SuggestionsModel", "Done"),
        "letter": QCoreApplication.translate("SuggestionsModel", "Letter"),
        "snooze": QCoreApplication.translate("SuggestionsModel", "Snooze"),
        "dismiss": QCoreApplication.translate("SuggestionsModel", "Dismiss"),
        "open": QCoreApplication.translate("SuggestionsModel", "Open"),
    }


class SuggestionsModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list = []
        self._as_of = dt.date.today()
        self._max_priority = 1

    def set_suggestions(self, suggestions: list, as_of: dt.date) -> None:
        self.beginResetModel()
        self._rows = list(suggestions)
        self._as_of = as_of
        self._max_priority = max((s.priority for s in self._rows), default=1) or 1
        self.endResetModel()

    def suggestion_at(self, row: int):
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            Column.DUE: self.tr("Due"),
            Column.ACTION: self.tr("Action"),
            Column.CLIENT: self.tr("Client"),
            Column.REASON: self.tr("Why"),
            Column.BUTTONS: "",
        }[Column(section)]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        s = self._rows[index.row()]
        col = index.column()
        if role == SUGGESTION_ROLE:
            return s
        if role == Qt.ItemDataRole.DisplayRole:
            if col == Column.DUE:
                return self._due_text(s.due)
            if col == Column.ACTION:
                return labels.suggestion_label(s.kind, s.template)
            if col == Column.CLIENT:
                return s.client_name
            if col == Column.REASON:
                return s.reason
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == Column.DUE and s.due < self._as_of:
                return self.tr("Due %1 days ago").replace("%1", f"{(self._as_of - s.due).days:,}")
            if col in (Column.REASON, Column.ACTION, Column.CLIENT):
                return f"{labels.suggestion_label(s.kind, s.template)} · {s.client_name}\n{s.reason}"
        if role == Qt.ItemDataRole.ForegroundRole and col == Column.DUE and s.due < self._as_of:
            return QBrush(DUE_PAST)
        if role == Qt.ItemDataRole.ForegroundRole and col == Column.REASON:
            return QBrush(QColor("#455A64"))
        if role == Qt.ItemDataRole.FontRole and col == Column.ACTION and s.priority * 3 >= self._max_priority * 2:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.DecorationRole and col == Column.ACTION:
            return labels.icon(_ICONS.get(s.kind, "contact"))
        return None

    def _due_text(self, due: dt.date) -> str:
        delta = (due - self._as_of).days
        if delta == 0:
            return self.tr("Today")
        if delta == 1:
            return self.tr("Tomorrow")
        return due.isoformat()


_ICONS = {
    "thank_you": "letter", "follow_up": "contact", "reconnect": "overdue", "birthday": "gift",
    "anniversary": "gift", "season_greeting": "letter", "vip_invitation": "vip", "referral_request": "contact",
    "referral_thanks": "letter", "recognition": "role", "role_offer": "role", "feedback_invite": "contact",
}


class ActionsDelegate(QStyledItemDelegate):
    """Paints the Done / Snooze / Dismiss / Open buttons of a row and reports clicks on them."""

    action_clicked = Signal(int, str, QRect)  # row, action, the button's rectangle (viewport coordinates)

    PAD = 6
    GAP = 4

    def _widths(self, option: QStyleOptionViewItem) -> list[tuple[str, int, str]]:
        fm = option.fontMetrics
        texts = action_texts()
        return [(a, fm.horizontalAdvance(texts[a]) + 2 * self.PAD + 4, texts[a]) for a in ACTIONS]

    def button_rects(self, option: QStyleOptionViewItem) -> list[tuple[str, QRect, str]]:
        rect = option.rect
        x = rect.left() + self.GAP
        height = min(rect.height() - 6, option.fontMetrics.height() + 8)
        top = rect.top() + (rect.height() - height) // 2
        out = []
        for action, width, text in self._widths(option):
            out.append((action, QRect(x, top, width, height), text))
            x += width + self.GAP
        return out

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        width = sum(w for _a, w, _t in self._widths(opt)) + self.GAP * (len(ACTIONS) + 1)
        return QSize(width, opt.fontMetrics.height() + 14)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, opt.widget)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for action, rect, text in self.button_rects(opt):
            primary = action == "done"
            painter.setPen(BUTTON_DONE_FILL if primary else BUTTON_BORDER)
            painter.setBrush(BUTTON_DONE_FILL if primary else BUTTON_FILL)
            painter.drawRoundedRect(rect.adjusted(0, 0, -1, -1), 4, 4)
            painter.setPen(QColor("white") if primary else opt.palette.color(QPalette.ColorRole.ButtonText))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def editorEvent(self, event, model, option, index) -> bool:
        if event.type() == QEvent.Type.MouseButtonRelease and event.button() == Qt.MouseButton.LeftButton:
            for action, rect, _text in self.button_rects(option):
                if rect.contains(event.position().toPoint()):
                    self.action_clicked.emit(index.row(), action, rect)
                    return True
        if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
            return any(rect.contains(event.position().toPoint()) for _a, rect, _t in self.button_rects(option))
        return super().editorEvent(event, model, option, index)
