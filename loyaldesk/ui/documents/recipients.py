"""The recipients of a batch: one row each with a tick box and the personal line (editable), then those left
out, greyed, with the reason; counts above."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush

from loyaldesk.ui import theme

NAME, NOTE = 0, 1


class RecipientsModel(QAbstractTableModel):
    ticked = Signal(int, bool)  # client id, ticked
    note_edited = Signal(int, str)  # client id, the personal line

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._items: list = []  # pipeline.Item
        self._skipped: list = []  # letters.compose.Skipped (and greetings' reasons)
        self._notes_editable = True

    def set_batch(self, items: list, skipped: list, notes_editable: bool = True) -> None:
        self.beginResetModel()
        self._items, self._skipped, self._notes_editable = list(items), list(skipped), notes_editable
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._items) + len(self._skipped)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr("Recipient") if section == NAME else self.tr("Personal line (or why left out)")
        return None

    def item_at(self, row: int):
        return self._items[row] if 0 <= row < len(self._items) else None

    def row_of(self, client_id: int) -> int:
        return next((n for n, i in enumerate(self._items) if i.client_id == client_id), -1)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.row() >= len(self._items):
            return Qt.ItemFlag.ItemIsEnabled  # left out: shown, not chosen
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == NAME:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        elif self._notes_editable:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if row >= len(self._items):
            s = self._skipped[row - len(self._items)]
            if role == Qt.ItemDataRole.DisplayRole:
                return (s.name or f"#{s.client_id}") if col == NAME else s.reason_text
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(theme.color("warning" if col == NOTE else "muted"))
            return None
        item = self._items[row]
        if role == Qt.ItemDataRole.CheckStateRole and col == NAME:
            return Qt.CheckState.Checked if item.included else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == NAME:
                return item.name
            return item.note
        if role == Qt.ItemDataRole.ToolTipRole and col == NAME and item.email:
            return item.email
        return None

    def setData(self, index: QModelIndex | QPersistentModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.row() >= len(self._items):
            return False
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == NAME:
            ticked = Qt.CheckState(value) == Qt.CheckState.Checked
            if ticked != item.included:
                item.included = ticked
                self.dataChanged.emit(index, index, [role])
                self.ticked.emit(item.client_id, ticked)
            return True
        if role == Qt.ItemDataRole.EditRole and index.column() == NOTE:
            text = " ".join(str(value or "").split())
            if text != item.note:
                item.note = text
                self.dataChanged.emit(index, index, [role])
                self.note_edited.emit(item.client_id, text)
            return True
        return False

    def set_all(self, ticked: bool) -> None:
        for n, item in enumerate(self._items):
            if item.included != ticked:
                self.setData(self.index(n, NAME), Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked,
                             Qt.ItemDataRole.CheckStateRole)
