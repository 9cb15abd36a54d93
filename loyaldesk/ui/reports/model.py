"""Table models of the Reports screen: the client table, the lost clients, the follow-ups.

One model class over a list of dataclasses, described by columns (header, value, kind).
Sorting goes through a QSortFilterProxyModel on SORT_ROLE (numbers sort as numbers).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from loyaldesk.core.money import format_amount
from loyaldesk.ui import labels, theme

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class ColumnSpec:
    header: str
    value: Callable[[Any], Any]
    kind: str = "text"  # text, int, money, date, pct


def _tier(c) -> str:
    if c.archived:
        return QCoreApplication.translate("ReportModels", "Archived")
    return labels.tier_label(c.tier) if c.tier else ""


def status_labels() -> dict[str, str]:
    return {"new": QCoreApplication.translate("ReportModels", "New"), "retained": QCoreApplication.translate("ReportModels", "Retained"), "returned": QCoreApplication.translate("ReportModels", "Returned"), "lost": QCoreApplication.translate("ReportModels", "Lost")}


def client_columns() -> list[ColumnSpec]:
    return [
        ColumnSpec(QCoreApplication.translate("ReportModels", "Name"), lambda c: c.name),
        ColumnSpec(QCoreApplication.translate("ReportModels", "Company"), lambda c: c.company),
        ColumnSpec(QCoreApplication.translate("ReportModels", "Tier at year end"), _tier),
        ColumnSpec(QCoreApplication.translate("ReportModels", "In the year"), lambda c: status_labels().get(c.status, c.status)),
        ColumnSpec(QCoreApplication.translate("ReportModels", "Sessions"), lambda c: c.sessions, "int"),
        ColumnSpec(QCoreApplication.translate("ReportModels", "Revenue"), lambda c: c.revenue, "money"),
        ColumnSpec(QCoreApplication.translate("ReportModels", "Previous year"), lambda c: c.revenue_prev, "money"),
        ColumnSpec(QCoreApplication.translate("ReportModels", "Change"), lambda c: c.change, "money"),
        ColumnSpec(QCoreApplication.translate("ReportModels", "Lifetime revenue"), lambda c: c.revenue_total, "money"),
        ColumnSpec(QCoreApplication.translate("ReportModels", "First session"), lambda c: c.first_session, "date"),
        ColumnSpec(QCoreApplication.translate("ReportModels", "Last contact"), lambda c: c.last_contact, "date"),
        ColumnSpec(QCoreApplication.translate("ReportModels", "Contacts"), lambda c: c.touchpoints, "int"),
        ColumnSpec(QCoreApplication.translate("ReportModels", "Referred"), lambda c: c.referred_count, "int"),
        ColumnSpec(QCoreApplication.translate("ReportModels", "Community roles"), lambda c: labels.list_text(c.roles)),
    ]


def lost_columns() -> list[ColumnSpec]:
    return [
        ColumnSpec(QCoreApplication.translate("ReportModels", "Name"), lambda c: c.name),
        ColumnSpec(QCoreApplication.translate("ReportModels", "Company"), lambda c: c.company),
        ColumnSpec(QCoreApplication.translate("ReportModels", "Tier at year end"), _tier),
        ColumnSpec(QCoreApplication.translate("ReportModels", "Revenue previous year"), lambda c: c.revenue_prev, "money"),
        ColumnSpec(QCoreApplication.translate("ReportModels", "Lifetime revenue"), lambda c: c.revenue_total, "money"),
        ColumnSpec(QCoreApplication.translate("ReportModels", "Last session"), lambda c: c.last_session, "date"),
        ColumnSpec(QCoreApplication.translate("ReportModels", "Last contact"), lambda c: c.last_contact, "date"),
    ]


def follow_up_columns(label: Callable[[str], str]) -> list[ColumnSpec]:
    return [
        ColumnSpec(QCoreApplication.translate("ReportModels", "Follow-up"), lambda f: label(f.key)),
        ColumnSpec(QCoreApplication.translate("ReportModels", "Actions"), lambda f: f.actions, "int"),
        ColumnSpec(QCoreApplication.translate("ReportModels", "Clients"), lambda f: f.clients, "int"),
        ColumnSpec(QCoreApplication.translate("ReportModels", "Session within 90 days"), lambda f: f.responded, "int"),
        ColumnSpec(QCoreApplication.translate("ReportModels", "Rate"), lambda f: f.rate, "pct"),
    ]


def display(value: Any, kind: str, currency: str = "JPY") -> str:
    if value is None:
        return "–" if kind == "pct" else ""
    if kind == "money":
        return format_amount(value, currency)
    if kind == "int":
        return f"{value:,}"
    if kind == "pct":
        return f"{value * 100:.1f} %"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


class ReportTableModel(QAbstractTableModel):
    def __init__(self, columns: list[ColumnSpec], parent=None) -> None:
        super().__init__(parent)
        self._columns = columns
        self._rows: list = []
        self.currency = "JPY"  # of the amounts (the report's, set with the rows)

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_object(self, row: int):
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._columns[section].header
            if role == Qt.ItemDataRole.TextAlignmentRole and self._columns[section].kind in ("int", "money", "pct"):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)) or not (0 <= index.column() < len(self._columns)):
            return None
        spec = self._columns[index.column()]
        obj = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return display(spec.value(obj), spec.kind, self.currency)
        if role == SORT_ROLE:
            value = spec.value(obj)
            if value is None:
                return -1e18 if spec.kind in ("int", "money", "pct") else ""
            if isinstance(value, dt.date):
                return value.isoformat()
            return value
        if role == ID_ROLE:
            return getattr(obj, "id", None)
        if role == Qt.ItemDataRole.TextAlignmentRole and spec.kind in ("int", "money", "pct"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and spec.kind == "money":
            value = spec.value(obj)
            if isinstance(value, int) and value < 0:
                return theme.color("negative")
        return None
