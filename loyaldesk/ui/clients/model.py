"""The clients table model: ClientRow dataclasses in, rows for QTableView out.

Filtering and sorting happen here in Python on precomputed keys: at 100,000 clients a
QSortFilterProxyModel would call back into Python millions of times per sort, while a
list sort on precomputed keys takes milliseconds.
"""

from __future__ import annotations

import re
import unicodedata
from enum import IntEnum

import jaconv
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont

from loyaldesk.core.loyalty import overdue_reason
from loyaldesk.core.models import ClientRow
from loyaldesk.ui import labels, theme
from loyaldesk.ui.search.snippet import SNIPPET_ROLE

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2



class Column(IntEnum):
    NAME = 0
    READING = 1
    TIER = 2
    COMPANY = 3
    TAGS = 4
    STATUS = 5
    LAST_CONTACT = 6
    DAYS = 7
    SESSIONS = 8
    REVENUE = 9


TIER_ORDER = {"vip": 0, "candidate": 1, "regular": 2, "new": 3, "prospect": 4}
STATUS_ORDER = {"at_risk": 0, "overdue": 1, "dormant": 2, "active": 3}


_KATAKANA = re.compile("[\u30a1-\u30f6]")


def normalize(text: str) -> str:
    """For search and reading order: full-width -> half-width, katakana -> hiragana, lower case."""
    text = unicodedata.normalize("NFKC", text)
    if _KATAKANA.search(text):  # kata2hira is the slow step: only where there is katakana
        text = jaconv.kata2hira(text)
    return text.lower()


def reading_key(row: ClientRow) -> str:
    return normalize(row.name_kana or row.name).replace(" ", "").replace("\u3000", "")


class ClientsTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._all: list[ClientRow] = []
        self.currency = "JPY"  # the practice's: the revenue column's (set by the screen)
        self._haystacks: list[str] | None = None
        self._reading: dict[int, str] = {}
        self._rows: list[ClientRow] = []
        self._search_terms: tuple[str, ...] = ()
        self._said: dict = {}  # client id -> the SearchHit of what that client said (loyaldesk.core.search)
        self._overdue_only = False
        self._tag: str | None = None
        self._tier: str | None = None
        self._status: str | None = None
        self._sort_column = Column.NAME
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._bold = QFont()
        self._bold.setBold(True)
        self._overdue_icon = labels.icon("overdue")
        self._headers = [
            self.tr("Name"),
            self.tr("Reading"),
            self.tr("Tier"),
            self.tr("Company"),
            self.tr("Tags / roles"),
            self.tr("Status"),
            self.tr("Last contact"),
            self.tr("Days since"),
            self.tr("Sessions"),
            self.tr("Lifetime revenue"),
        ]

    # --- content -----------------------------------------------------------------------
    def set_rows(self, rows: list[ClientRow]) -> None:
        self.beginResetModel()
        self._all = rows
        self._haystacks = None  # built at the first text search: most reloads never search
        self._reading = {r.id: reading_key(r) for r in rows}
        self._rows = self._visible_rows()
        self.endResetModel()

    def upsert_rows(self, rows: list[ClientRow], removed_ids: set[int] = frozenset()) -> None:
        """Replace (or add) some rows and drop others, without re-reading the whole list."""
        by_id = {r.id: r for r in rows}
        self.beginResetModel()
        kept = [by_id.pop(r.id, r) for r in self._all if r.id not in removed_ids]
        self._all = kept + list(by_id.values())
        for r in rows:
            self._reading[r.id] = reading_key(r)
        self._haystacks = None
        self._rows = self._visible_rows()
        self.endResetModel()

    def _haystack_list(self) -> list[str]:
        if self._haystacks is None:
            self._haystacks = [
                normalize(" ".join((r.name, r.name_kana, r.company, r.email, " ".join(r.tags), r.notes, r.more_contacts)))
                for r in self._all
            ]
        return self._haystacks

    def set_filter(self, text: str | None = None, overdue_only: bool | None = None, tag: str | None | bool = False,
                   tier: str | None | bool = False, status: str | None | bool = False) -> None:
        """Change any of the filters; `tag=None`/`tier=None`/`status=None` clear it, False leaves it."""
        if status is not False:
            self._status = status or None
        if tier is not False:
            self._tier = tier or None
        if text is not None:
            terms = tuple(normalize(text).split())
            if terms != self._search_terms:
                self._said = {}  # the previous text's: the new one's follow (set_said)
            self._search_terms = terms
        if overdue_only is not None:
            self._overdue_only = overdue_only
        if tag is not False:
            self._tag = tag or None
        self.beginResetModel()
        self._rows = self._visible_rows()
        self.endResetModel()

    def set_said(self, hits_by_client: dict) -> None:
        """The clients whose notes, sessions, contacts or feedback match the search text (their newest
        match each): listed with the others the text finds, the match shown under the name."""
        self.beginResetModel()
        self._said = dict(hits_by_client)
        self._rows = self._visible_rows()
        self.endResetModel()

    def has_said(self) -> bool:
        return bool(self._search_terms) and any(self._said.get(r.id) is not None for r in self._rows)

    def _visible_rows(self) -> list[ClientRow]:
        terms, tag, overdue_only, tier = self._search_terms, self._tag, self._overdue_only, self._tier
        status = self._status
        said = self._said if terms else {}
        if not terms and not tag and not overdue_only and not tier and not status:
            rows = list(self._all)
        else:
            haystacks = self._haystack_list() if terms else [""] * len(self._all)
            rows = [
                r
                for r, hay in zip(self._all, haystacks)
                if (not overdue_only or r.overdue_days > 0)
                and (tag is None or tag in r.tags)
                and (tier is None or (r.tier or "prospect") == tier)
                and (status is None or r.status == status)
                and (all(term in hay for term in terms) or r.id in said)
            ]
        rows.sort(key=self._key_function(self._sort_column), reverse=self._sort_order == Qt.SortOrder.DescendingOrder)
        return rows

    def _key_function(self, column: int):
        reading = self._reading
        name_key = lambda r: reading[r.id]  # noqa: E731
        if column == Column.NAME or column == Column.READING:
            return name_key
        if column == Column.COMPANY:
            return lambda r: (normalize(r.company) if r.company else "\uffff", reading[r.id])
        if column == Column.TAGS:
            return lambda r: (", ".join(r.tags) if r.tags else "\uffff", reading[r.id])
        if column == Column.TIER:
            return lambda r: (TIER_ORDER.get(r.tier or "", 5), -(r.score or 0.0), reading[r.id])
        if column == Column.STATUS:
            return lambda r: (STATUS_ORDER.get(r.status, 4), -r.overdue_days, reading[r.id])
        if column == Column.LAST_CONTACT:
            return lambda r: r.last_contact.toordinal() if r.last_contact else 0
        if column == Column.DAYS:
            return lambda r: (r.overdue_days, -1 if r.days_since_contact is None else r.days_since_contact)
        if column == Column.SESSIONS:
            return lambda r: r.sessions
        return lambda r: r.revenue

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(Column):
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        old_rows = [self._rows[i.row()] if i.isValid() and i.row() < len(self._rows) else None for i in persistent]
        self._sort_column = Column(column)
        self._sort_order = order
        self._rows.sort(key=self._key_function(column), reverse=order == Qt.SortOrder.DescendingOrder)
        position = {id(r): n for n, r in enumerate(self._rows)}
        for index, row in zip(persistent, old_rows):
            if row is not None and id(row) in position:
                self.changePersistentIndex(index, self.index(position[id(row)], index.column()))
            else:
                self.changePersistentIndex(index, QModelIndex())
        self.layoutChanged.emit()

    # --- access ------------------------------------------------------------------------
    def row_at(self, row: int) -> ClientRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, client_id: int) -> int:
        for n, r in enumerate(self._rows):
            if r.id == client_id:
                return n
        return -1

    def all_rows(self) -> list[ClientRow]:
        return self._all

    def visible_rows(self) -> list[ClientRow]:
        return self._rows

    # --- Qt model interface ------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(Column):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._headers[section]
            if role == Qt.ItemDataRole.TextAlignmentRole and section >= Column.DAYS:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == Column.NAME:
                return r.name
            if col == Column.READING:
                return r.name_kana
            if col == Column.COMPANY:
                return r.company
            if col == Column.TAGS:
                return labels.list_text(r.tags)
            if col == Column.TIER:
                return labels.tier_label(r.tier) if r.tier else ""
            if col == Column.STATUS:
                return labels.status_label(r.status)
            if col == Column.LAST_CONTACT:
                return labels.date_text(r.last_contact) or self.tr("never")
            if col == Column.DAYS:
                if r.days_since_contact is None:
                    return ""
                if r.overdue_days:
                    return self.tr("%1 (+%2)").replace("%1", f"{r.days_since_contact:,}").replace("%2", f"{r.overdue_days:,}")
                return f"{r.days_since_contact:,}"
            if col == Column.SESSIONS:
                return f"{r.sessions:,}"
            if col == Column.REVENUE:
                return labels.money(r.revenue, self.currency)
            return None
        if role == ROW_ROLE:
            return r
        if role == SNIPPET_ROLE or (role == Qt.ItemDataRole.ToolTipRole and col == Column.NAME
                                    and self._said.get(r.id) is not None):
            hit = self._said.get(r.id) if col == Column.NAME and self._search_terms else None
            if hit is None:
                return None if role == SNIPPET_ROLE else self._tooltip(r, col)
            return hit.snippet if role == SNIPPET_ROLE else hit.plain_snippet
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(r, col)
        if role == Qt.ItemDataRole.DecorationRole:
            if col == Column.NAME and r.overdue_days:
                return self._overdue_icon
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(theme.color("overdue_bg")) if r.overdue_days else None
        if role == Qt.ItemDataRole.ForegroundRole:  # colours of the current palette (light or dark)
            if r.overdue_days:
                return QBrush(theme.color("negative" if col in (Column.DAYS, Column.STATUS) else "overdue_fg"))
            if col == Column.TIER and r.tier:
                return QBrush(theme.tier_color(r.tier))
            return None
        if role == Qt.ItemDataRole.FontRole:
            if col == Column.TIER and r.tier == "vip":
                return self._bold
            if col == Column.STATUS and r.status == "at_risk":
                return self._bold
            return self._bold if (r.overdue_days and col == Column.DAYS) else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col >= Column.DAYS:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.AccessibleTextRole and col == Column.NAME:
            name = self.tr("%1, overdue").replace("%1", r.name) if r.overdue_days else r.name
            hit = self._said.get(r.id) if self._search_terms else None
            if hit is None:
                return name
            # the snippet drawn under the name is read too: where it was said, when, and the passage
            from loyaldesk.ui.search.model import source_labels

            where = source_labels().get(hit.source, hit.source)
            if hit.date is not None:
                where = self.tr("%1 of %2").replace("%1", where).replace("%2", labels.date_text(hit.date))
            return (self.tr("%1. Found in %2: %3").replace("%1", name).replace("%2", where)
                    .replace("%3", hit.plain_snippet))
        return None

    def _tooltip(self, r: ClientRow, col: int) -> str | None:
        reason = overdue_reason(r.last_contact, r.created_at, r.days_since_contact, r.cadence_days, _lang())
        if r.overdue_days:
            return self.tr("Overdue by %1 days: %2").replace("%1", f"{r.overdue_days:,}").replace("%2", reason)
        if r.do_not_contact:
            return self.tr("Do not contact")
        if col in (Column.LAST_CONTACT, Column.DAYS):
            return reason
        if col == Column.TAGS and r.tags:
            return labels.list_text(r.tags)
        if col == Column.TIER and r.score is not None:
            return self.tr("Loyalty score %1 (0–100)").replace("%1", f"{r.score * 100:.0f}")
        return None


def _lang() -> str:
    from loyaldesk.core.i18n import current_language

    return current_language()
