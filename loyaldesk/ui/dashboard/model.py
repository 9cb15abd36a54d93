"""The Today list: Suggestion dataclasses in, rows out. The actions of the selected row are real
buttons beside the list (loyaldesk.ui.dashboard.today), reachable with Tab and with keys."""

from __future__ import annotations

import datetime as dt
from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont

from loyaldesk.ui import labels, theme

SUGGESTION_ROLE = Qt.ItemDataRole.UserRole + 1



class Column(IntEnum):
    DUE = 0
    ACTION = 1
    CLIENT = 2
    REASON = 3


class SuggestionsModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list = []
        self._as_of = dt.date.today()
        self._max_priority = 1
        self._planned: list[dt.date] = []

    def set_suggestions(self, suggestions: list, as_of: dt.date, planned: list[dt.date] | None = None) -> None:
        """planned: the backlog's expected day for each row (shown in the tooltip of the date)."""
        self.beginResetModel()
        self._rows = list(suggestions)
        self._planned = list(planned or [])
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
                return labels.keep_phrases(s.reason)  # Japanese: "連絡間隔 45日" stays on one line
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            planned = self._planned[index.row()] if index.row() < len(self._planned) else None
            if col == Column.DUE and planned is not None:
                return self.tr("Expected in the plan of %1").replace("%1", planned.isoformat())
            if col == Column.DUE and s.due < self._as_of:
                return self.tr("Due %1 days ago").replace("%1", f"{(self._as_of - s.due).days:,}")
            if col in (Column.REASON, Column.ACTION, Column.CLIENT):
                return f"{labels.suggestion_label(s.kind, s.template)} · {s.client_name}\n{s.reason}"
        if role == Qt.ItemDataRole.ForegroundRole and col == Column.DUE and s.due < self._as_of:
            return QBrush(theme.color("negative"))  # overdue actions: the date in a warm, readable red
        if role == Qt.ItemDataRole.FontRole and col == Column.ACTION and s.priority * 3 >= self._max_priority * 2:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.DecorationRole and col == Column.ACTION:
            return labels.icon(_ICONS.get(s.kind, "contact"))
        if role == Qt.ItemDataRole.AccessibleTextRole:  # what a screen reader says: plain text, the whole action
            if col == Column.DUE:
                text = self.tr("Due %1").replace("%1", self._due_text(s.due))
                return text + (" " + self.tr("(overdue)") if s.due < self._as_of else "")
            if col == Column.ACTION:
                return f"{labels.suggestion_label(s.kind, s.template)}: {s.client_name}"
            if col == Column.CLIENT:
                return s.client_name
            if col == Column.REASON:
                return s.reason
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

