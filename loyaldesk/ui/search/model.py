"""The hits of a search as a table: date, client, where it was said, the snippet."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from loyaldesk.core.search import SearchHit, plain
from loyaldesk.ui import labels
from loyaldesk.ui.search.snippet import SNIPPET_ROLE

HIT_ROLE = Qt.ItemDataRole.UserRole + 21

DATE, CLIENT, SOURCE, SNIPPET = range(4)


def source_labels() -> dict[str, str]:
    return {
        "client": QCoreApplication.translate("Search", "Client note"),
        "session": QCoreApplication.translate("Search", "Session"),
        "touchpoint": QCoreApplication.translate("Search", "Contact"),
        "feedback": QCoreApplication.translate("Search", "Feedback"),
    }


class HitsModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._hits: list[SearchHit] = []
        self._sources = source_labels()
        self._headers = [self.tr("Date"), self.tr("Client"), self.tr("Found in"), self.tr("What was said")]

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def hit_at(self, row: int) -> SearchHit | None:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._hits)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 4:
            return self._headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if col == DATE:
                return labels.date_text(hit.date)
            if col == CLIENT:
                return hit.client_name
            if col == SOURCE:
                return self._sources.get(hit.source, hit.source)
            return plain(hit.snippet) if role == Qt.ItemDataRole.AccessibleTextRole else ""
        if role == Qt.ItemDataRole.ToolTipRole and col == SNIPPET:
            return plain(hit.snippet)
        if role == SNIPPET_ROLE and col == SNIPPET:
            return hit.snippet
        if role == HIT_ROLE:
            return hit
        return None
