"""Table models of the Events screen: events, invitees (replies, attendance tick boxes, seat notes)
and the community members. Dataclasses in, rows out; no SQL: edits go out as signals."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QTableView

from loyaldesk.core.events import CommunityMember, EventSummary, FeedbackParticipant, Invitation
from loyaldesk.core.i18n import current_language
from loyaldesk.ui import labels, theme

SORT_ROLE = Qt.ItemDataRole.UserRole + 1


def kind_labels() -> dict[str, str]:
    return {
        "seminar": QCoreApplication.translate("Events", "Seminar"),
        "study_session": QCoreApplication.translate("Events", "Study session"),
        "mixer": QCoreApplication.translate("Events", "Mixer"),
        "results_meeting": QCoreApplication.translate("Events", "Results meeting"),
        "other": QCoreApplication.translate("Events", "Other"),
    }


def wave_labels() -> dict[str, str]:
    return {
        "early": QCoreApplication.translate("Events", "Early"),
        "general": QCoreApplication.translate("Events", "General"),
    }


def status_labels() -> dict[str, str]:
    return {
        "confirmed": QCoreApplication.translate("Events", "Seat confirmed"),
        "waiting": QCoreApplication.translate("Events", "Waiting list"),
        "declined": QCoreApplication.translate("Events", "Declined"),
        "no_reply": QCoreApplication.translate("Events", "No reply yet"),
    }


def reply_labels() -> dict[str | None, str]:
    return {
        "yes": QCoreApplication.translate("Events", "Yes"),
        "no": QCoreApplication.translate("Events", "No"),
        None: "",
    }


class EventListModel(QAbstractTableModel):
    """One row per event: date, title (the kind in its tooltip), invited, yes, attended, seats left."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[EventSummary] = []
        self._today = dt.date.today()
        self._headers = [self.tr("Date"), self.tr("Title"), self.tr("Invited"), self.tr("Yes"),
                         self.tr("Attended"), self.tr("Seats left")]

    def set_events(self, rows: list[EventSummary], today: dt.date) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._today = today
        self.endResetModel()

    def summary_at(self, row: int) -> EventSummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, event_id: int) -> int:
        return next((n for n, s in enumerate(self._rows) if s.event.id == event_id), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        s = self._rows[index.row()]
        e = s.event
        col = index.column()
        past = e.day is not None and e.day < self._today
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            if col == 0:
                return e.starts_at.strftime("%Y-%m-%d %H:%M") if e.starts_at else ""
            if col == 1:
                return e.title_for(current_language())  # the title in the language of the screen
            values = (s.invited, s.yes, s.attended, s.seats_left)
            value = values[col - 2] if 2 <= col <= 5 else None
            if role == SORT_ROLE:
                return -1 if value is None else value
            if col == 5 and value is None:
                return "—"
            return f"{value:,}" if value is not None else ""
        if role == Qt.ItemDataRole.ForegroundRole and past:
            return theme.color("muted")
        if role == Qt.ItemDataRole.FontRole and col == 1 and not past:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            place = (self.tr("Online") + (f" ({e.place})" if e.place else "")) if e.online else e.place
            return " · ".join(x for x in (kind_labels().get(e.kind, e.kind), e.title_for(current_language()), place) if x)
        return None


class InvitationColumn:
    NAME, TIER, WAVE, INVITED, REPLY, STATUS, ATTENDED, SEAT = range(8)


class InvitationModel(QAbstractTableModel):
    """The invitees of one event. Ticking Attended or editing the seat note emits a request;
    the screen writes it through the services and reloads."""

    attended_toggled = Signal(int, bool)  # client id, attended
    seat_note_edited = Signal(int, str)  # client id, note

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[Invitation] = []
        self.writable = True
        self._headers = [self.tr("Name"), self.tr("Tier"), self.tr("Wave"), self.tr("Invitation sent"), self.tr("Reply"),
                         self.tr("Seat"), self.tr("Attended"), self.tr("Seat or priority note")]

    def set_invitations(self, rows: list[Invitation]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def all_invitations(self) -> list[Invitation]:
        return list(self._rows)

    def invitation_at(self, row: int) -> Invitation | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, client_id: int) -> int:
        return next((n for n, i in enumerate(self._rows) if i.client_id == client_id), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if not index.isValid() or not self.writable:
            return base
        if index.column() == InvitationColumn.ATTENDED:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() == InvitationColumn.SEAT:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        i = self._rows[index.row()]
        col = index.column()
        C = InvitationColumn
        if role == Qt.ItemDataRole.CheckStateRole and col == C.ATTENDED:
            return Qt.CheckState.Checked if i.attended else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == C.NAME:
                return i.client_name
            if col == C.TIER:
                return labels.tier_label(i.tier)
            if col == C.WAVE:
                return wave_labels().get(i.wave, i.wave)
            if col == C.INVITED:  # invited is not sent: the day it was recorded as sent, if it was
                return labels.date_text(i.sent_on) if i.sent_on else self.tr("not sent yet")
            if col == C.REPLY:
                return reply_labels().get(i.reply, i.reply)
            if col == C.STATUS:
                text = status_labels().get(i.status, i.status)
                if i.status in ("confirmed", "waiting") and i.position:
                    return f"{text} ({i.position})"
                return text
            if col == C.SEAT:
                return i.seat_note
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == C.STATUS and i.status == "waiting":
                return theme.color("negative")
            if col == C.STATUS and i.status == "confirmed":
                return theme.color("positive")
            if col == C.TIER and i.tier in theme.TIER_NAMES:
                return theme.tier_color(i.tier)
            if i.status == "declined":
                return theme.color("muted")
        if role == Qt.ItemDataRole.AccessibleTextRole and col == C.ATTENDED:
            return self.tr("Attended") if i.attended else self.tr("Not attended")
        return None

    def setData(self, index: QModelIndex | QPersistentModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not self.writable:
            return False
        i = self._rows[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == InvitationColumn.ATTENDED:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            if checked != i.attended:
                self.attended_toggled.emit(i.client_id, checked)
            return True
        if role == Qt.ItemDataRole.EditRole and index.column() == InvitationColumn.SEAT:
            text = str(value or "").strip()
            if text != i.seat_note:
                self.seat_note_edited.emit(i.client_id, text)
            return True
        return False


class CommunityModel(QAbstractTableModel):
    """The community view: members with their roles, events attended and recognition."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[CommunityMember] = []
        self._headers = [self.tr("Name"), self.tr("Tier"), self.tr("Roles"), self.tr("Past roles"),
                         self.tr("Events attended"), self.tr("Last attended"), self.tr("Helped"),
                         self.tr("Latest recognition"), self.tr("Feedback rounds")]

    def set_members(self, rows: list[CommunityMember]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def member_at(self, row: int) -> CommunityMember | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        m = self._rows[index.row()]
        col = index.column()
        numbers = {4: m.attended, 6: m.helped, 8: m.feedback}
        if role == SORT_ROLE:
            if col in numbers:
                return numbers[col]
            if col == 0:
                return m.name_kana or m.name
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            if col == 0:
                return m.name
            if col == 1:
                return labels.tier_label(m.tier)
            if col == 2:
                return "、".join(m.roles) if _ja() else ", ".join(m.roles)
            if col == 3:
                return "、".join(m.past_roles) if _ja() else ", ".join(m.past_roles)
            if col in numbers:
                return f"{numbers[col]:,}" if numbers[col] else ""
            if col == 5:
                return labels.date_text(m.last_attended)
            if col == 7:
                if not m.latest_recognition:
                    return ""
                return f"{m.latest_recognition} ({labels.date_text(m.latest_recognition_on)})"
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == 1 and m.tier in theme.TIER_NAMES:
                return theme.tier_color(m.tier)
            if col == 3:
                return theme.color("muted")
        if role == Qt.ItemDataRole.DecorationRole and col == 2 and m.roles:
            return labels.icon("role")
        if role == Qt.ItemDataRole.DecorationRole and col == 7 and m.latest_recognition:
            return labels.icon("vip")
        if role == Qt.ItemDataRole.TextAlignmentRole and col in numbers:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col == 7 and m.recognitions > 1:
            return self.tr("%1 recognitions").replace("%1", str(m.recognitions))
        return None


def _ja() -> bool:
    from loyaldesk.core.i18n import current_language

    return current_language() == "ja"


class FeedbackModel(QAbstractTableModel):
    """The participants of one feedback round: who took part (a tick box) and what they said
    (editable). Edits go out as `feedback_edited`; the screen writes them through the services."""

    feedback_edited = Signal(int, bool, str)  # client id, took part, note

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[FeedbackParticipant] = []
        self.writable = True
        self._headers = [self.tr("Name"), self.tr("Invited"), self.tr("Took part"), self.tr("Feedback")]

    def set_participants(self, rows: list[FeedbackParticipant]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def participant_at(self, row: int) -> FeedbackParticipant | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if not index.isValid() or not self.writable:
            return base
        if index.column() == 2:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() == 3:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        p = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and col == 2:
            return Qt.CheckState.Checked if p.took_part else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == 0:
                return p.client_name
            if col == 1:
                return labels.date_text(p.invited_on)
            if col == 3:
                return p.note if role == Qt.ItemDataRole.EditRole else p.note.replace("\n", " ")
        if role == Qt.ItemDataRole.ToolTipRole and col == 3 and p.note:
            return p.note
        return None

    def setData(self, index: QModelIndex | QPersistentModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not self.writable:
            return False
        p = self._rows[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == 2:
            took = Qt.CheckState(value) == Qt.CheckState.Checked
            if took != p.took_part:
                self.feedback_edited.emit(p.client_id, took, p.note)
            return True
        if role == Qt.ItemDataRole.EditRole and index.column() == 3:
            note = str(value or "").strip()
            if note != p.note:  # writing feedback means they took part
                self.feedback_edited.emit(p.client_id, p.took_part or bool(note), note)
            return True
        return False


def table_view(model, name: str) -> QTableView:
    """A read-mostly list of the Events screen: whole rows selected, alternating colours, no row numbers."""
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    view.horizontalHeader().setHighlightSections(False)
    return view
