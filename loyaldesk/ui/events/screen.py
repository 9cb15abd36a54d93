"""The Events screen: upcoming and past events, the invitation waves, replies, attendance tick
boxes on the day, capacity left, helpers and recognition; and the community view.

Choosing a wave records the invitations as invited, not yet sent; the invitations themselves go out
from the send panel every screen shares (loyaldesk.ui.documents.panel: tick, add a personal line,
print, save or write e-mail drafts, then "Record as sent?", which marks them sent). A recognition
opens its letter (the `recognition` template) in the same panel (RecognitionLetterDialog). Attendance
is ticked from the event's day on; earlier it asks first.

No SQL here: reads go through loyaldesk.core.events, writes through AppServices (which emit
data_changed). Building a wave's list (it computes the tiers) and the documents run in workers with
their own connection. Opening a client is asked for with
`client_open_requested`; errors go out through `error_raised`.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from loyaldesk.core import events
from loyaldesk.core.errors import LoyalDeskError
from loyaldesk.core.i18n import current_language
from loyaldesk.ui import labels
from loyaldesk.ui.events.dialogs import EventDialog, HelperDialog, RecognitionDialog
from loyaldesk.ui.events.feedback import FeedbackView
from loyaldesk.ui.events.models import (
    SORT_ROLE,
    CommunityModel,
    EventListModel,
    InvitationColumn,
    InvitationModel,
    kind_labels,
    table_view,
    wave_labels,
)
from loyaldesk.ui.ops import run_in_background
from loyaldesk.ui.services import AppServices, DataChange
from loyaldesk.ui import theme

COMMUNITY_TABLES = ("events", "event_invitations", "event_helpers", "recognitions", "client_tags", "tags",
                    "clients", "client_tiers", "feedback_rounds", "feedback_participants")


class EventsScreen(QWidget):
    client_open_requested = Signal(int)
    error_raised = Signal(object)
    invited = Signal(int)  # the number of clients a wave just invited
    send_opened = Signal(object)  # the send dialog of the invitations or of a recognition letter

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setObjectName("eventsScreen")
        self._event_id: int | None = None
        self._op = None
        self.letter_dialog = None  # the send dialog open (invitations or a recognition letter)
        writable = not services.db.read_only

        title = QLabel(self.tr("Events and community"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)

        # --- the list of events ----------------------------------------------------------
        self.filter = QComboBox()
        self.filter.setObjectName("eventFilter")
        self.filter.addItem(self.tr("Upcoming"), "upcoming")
        self.filter.addItem(self.tr("Past"), "past")
        self.filter.addItem(self.tr("All events"), "all")
        self.filter.currentIndexChanged.connect(self._on_filter_changed)
        self.event_model = EventListModel(self)
        self.event_table = table_view(self.event_model, "eventTable")
        self.event_table.setAccessibleName(self.tr("Events"))
        self.event_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.event_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.event_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # a long title wraps onto a second line instead of ending in "…" in a narrow window
        self.event_table.setWordWrap(True)
        self.event_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.event_table.selectionModel().currentRowChanged.connect(self._on_event_row_changed)
        self.event_table.doubleClicked.connect(lambda _i: self.edit_event())
        from loyaldesk.ui.access import RowKeys

        self._event_keys = RowKeys(self.event_table, on_return=self.edit_event, on_delete=self.delete_event)
        self.new_button = QPushButton(labels.icon("add"), self.tr("New event…"))
        self.new_button.clicked.connect(self.new_event)
        self.edit_button = QPushButton(labels.icon("edit"), self.tr("Edit…"))
        self.edit_button.clicked.connect(self.edit_event)
        self.delete_button = QPushButton(labels.icon("delete"), self.tr("Delete…"))
        self.delete_button.clicked.connect(self.delete_event)
        self.empty_events = QLabel()
        self.empty_events.setWordWrap(True)
        theme.style(self.empty_events, "color: $muted; padding: 12px;")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.filter)
        row.addStretch(1)
        row.addWidget(self.new_button)
        left_layout.addLayout(row)
        left_layout.addWidget(self.event_table, 1)
        left_layout.addWidget(self.empty_events)
        row = QHBoxLayout()
        row.addWidget(self.edit_button)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        left_layout.addLayout(row)

        # --- the event: waves, replies, attendance ---------------------------------------
        self.event_title = QLabel()
        self.event_title.setObjectName("eventTitle")
        tfont = self.event_title.font()
        tfont.setPointSizeF(tfont.pointSizeF() * 1.15)
        tfont.setBold(True)
        self.event_title.setFont(tfont)
        self.event_title.setWordWrap(True)
        self.event_info = QLabel()
        self.event_info.setObjectName("eventInfo")
        self.event_info.setWordWrap(True)
        self.capacity_label = QLabel()
        self.capacity_label.setObjectName("capacityLabel")
        self.capacity_label.setWordWrap(True)
        self.early_button = QPushButton(labels.icon("vip"), self.tr("Invite the early wave…"))
        self.early_button.setObjectName("earlyWave")
        self.early_button.setToolTip(self.tr("先行案内: VIP clients first, before everyone else"))
        self.early_button.clicked.connect(lambda: self.invite_wave("early"))
        self.candidates_box = QCheckBox(self.tr("with candidates"))
        self.candidates_box.setToolTip(self.tr("Invite candidate clients in the early wave too"))
        self.general_button = QPushButton(labels.icon("clients"), self.tr("Invite the general wave…"))
        self.general_button.setObjectName("generalWave")
        self.general_button.clicked.connect(lambda: self.invite_wave("general"))
        self.letters_button = QPushButton(labels.icon("letters"), self.tr("Invitation letters…"))
        self.letters_button.setObjectName("invitationLetters")
        self.letters_button.setToolTip(self.tr("The invitations of the chosen invitees (all when none is chosen): "
                                               "tick, add a personal line, print, save or write e-mail drafts, "
                                               "then record them as sent"))
        self.letters_button.clicked.connect(self.write_letters)
        self.email_button = QPushButton(labels.icon("contact"), self.tr("E-mail invitations…"))
        self.email_button.setObjectName("emailInvitations")
        self.email_button.setToolTip(self.tr("Writes one e-mail draft per chosen invitee (all when none is chosen) "
                                             "into a folder, to open in your own mail program; LoyalDesk sends "
                                             "nothing itself."))
        self.email_button.clicked.connect(self.email_invitations)
        self.wave_label = QLabel()
        self.wave_label.setObjectName("waveLabel")
        theme.style(self.wave_label, "color: $muted;")
        self.wave_label.setWordWrap(True)

        self.invitation_model = InvitationModel(self)
        self.invitation_model.writable = writable
        self.invitation_model.attended_toggled.connect(self._on_invitation_attended_toggled)
        self.invitation_model.seat_note_edited.connect(self._on_invitation_seat_note_edited)
        self.invitations = table_view(self.invitation_model, "invitationTable")
        self.invitations.setAccessibleName(self.tr("Invited clients"))
        self.invitations.setAccessibleDescription(self.tr("Space marks the client as attended (or not); Return "
                                                          "opens the client; F2 writes a seat or priority note"))
        self.invitations.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.invitations.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                         | QAbstractItemView.EditTrigger.EditKeyPressed)
        iheader = self.invitations.horizontalHeader()
        iheader.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        iheader.setSectionResizeMode(InvitationColumn.SEAT, QHeaderView.ResizeMode.Stretch)
        self.invitations.doubleClicked.connect(self._on_invitation_double_clicked)
        self.invitations.selectionModel().selectionChanged.connect(self._on_invitation_selection_changed)
        self.empty_invitations = QLabel(self.tr("Nobody is invited yet: invite the early wave first, then everyone else."))
        theme.style(self.empty_invitations, "color: $muted; padding: 8px;")
        self.empty_invitations.setWordWrap(True)

        self.yes_button = QPushButton(self.tr("Replied yes"))
        self.yes_button.clicked.connect(lambda: self.set_reply("yes"))
        self.no_button = QPushButton(self.tr("Replied no"))
        self.no_button.clicked.connect(lambda: self.set_reply("no"))
        self.clear_button = QPushButton(self.tr("No reply"))
        self.clear_button.clicked.connect(lambda: self.set_reply(None))
        self.recognize_button = QPushButton(labels.icon("role"), self.tr("Recognize…"))
        self.recognize_button.clicked.connect(self.recognize)
        self.recognition_letter_button = QPushButton(labels.icon("letter"), self.tr("Recognition letter…"))
        self.recognition_letter_button.setObjectName("recognitionLetter")
        self.recognition_letter_button.setToolTip(self.tr("The letter for the award the chosen guest received "
                                                          "at this event"))
        self.recognition_letter_button.clicked.connect(self._on_recognition_letter_clicked)
        self.open_button = QPushButton(self.tr("Open the client"))
        self.open_button.clicked.connect(self._on_open_clicked)

        from loyaldesk.ui.access import RowKeys

        self._invitation_keys = RowKeys(self.invitations, on_space=self._toggle_current_attended,
                                        on_return=lambda: self.open_button.click())

        self.helpers = QListWidget()
        self.helpers.setObjectName("helperList")
        self.helpers.setAccessibleName(self.tr("Helpers from the event committee"))
        self.helpers.setMaximumHeight(78)
        self.add_helper_button = QPushButton(labels.icon("add"), self.tr("Add a helper…"))
        self.add_helper_button.clicked.connect(self.add_helper)
        self.remove_helper_button = QPushButton(self.tr("Remove helper"))
        self.remove_helper_button.clicked.connect(self.remove_helper)

        self.detail = QWidget()
        detail = QVBoxLayout(self.detail)
        detail.setContentsMargins(0, 0, 0, 0)
        detail.addWidget(self.event_title)
        detail.addWidget(self.event_info)
        detail.addWidget(self.capacity_label)
        # the rows of buttons wrap when the window is narrow, so the list of events keeps its room
        detail.addWidget(_flow(self.early_button, self.candidates_box, self.general_button))
        sending = QHBoxLayout()
        sending.addWidget(self.wave_label, 1)
        sending.addWidget(self.letters_button)
        sending.addWidget(self.email_button)
        detail.addLayout(sending)
        detail.addWidget(self.invitations, 1)
        detail.addWidget(self.empty_invitations)
        detail.addWidget(_flow(self.yes_button, self.no_button, self.clear_button, self.recognize_button,
                               self.recognition_letter_button, self.open_button))
        helper_title = QLabel(self.tr("Helpers from the event committee"))
        helper_title.setStyleSheet("font-weight: bold;")
        detail.addWidget(helper_title)
        helper_row = QHBoxLayout()
        helper_row.addWidget(self.helpers, 1)
        helper_buttons = QVBoxLayout()
        helper_buttons.addWidget(self.add_helper_button)
        helper_buttons.addWidget(self.remove_helper_button)
        helper_buttons.addStretch(1)
        helper_row.addLayout(helper_buttons)
        detail.addLayout(helper_row)
        self.no_event = QLabel(self.tr("Choose an event, or create one with New event…"))
        theme.style(self.no_event, "color: $muted; padding: 24px;")
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.detail, 1)
        right_layout.addWidget(self.no_event, 1)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([480, 720])
        self.splitter = splitter

        # --- the community ----------------------------------------------------------------
        self.community_model = CommunityModel(self)
        self.community_proxy = QSortFilterProxyModel(self)
        self.community_proxy.setSourceModel(self.community_model)
        self.community_proxy.setSortRole(SORT_ROLE)
        self.community = table_view(self.community_proxy, "communityTable")
        self.community.setAccessibleName(self.tr("Community members"))
        self.community.setSortingEnabled(True)
        self.community.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.community.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        cheader = self.community.horizontalHeader()
        cheader.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        cheader.setStretchLastSection(True)
        self.community.doubleClicked.connect(self._on_community_double_clicked)
        self._community_keys = RowKeys(self.community,
                                       on_return=lambda: self._on_community_double_clicked(self.community.currentIndex()))
        self.community.selectionModel().selectionChanged.connect(self._on_community_selection_changed)
        self.community_summary = QLabel()
        self.community_summary.setObjectName("communitySummary")
        self.community_summary.setWordWrap(True)
        self.community_letter_button = QPushButton(labels.icon("letter"), self.tr("Recognition letter…"))
        self.community_letter_button.setObjectName("communityRecognitionLetter")
        self.community_letter_button.setToolTip(self.tr("The letter for the chosen member's latest award"))
        self.community_letter_button.setEnabled(False)
        self.community_letter_button.clicked.connect(self._on_community_letter_clicked)
        community_page = QWidget()
        community_layout = QVBoxLayout(community_page)
        row = QHBoxLayout()
        row.addWidget(self.community_summary, 1)
        row.addWidget(self.community_letter_button)
        community_layout.addLayout(row)
        community_layout.addWidget(self.community, 1)

        # --- feedback rounds (co-creation of a new service) ----------------------------------
        self.feedback_view = FeedbackView(services, writable, self)
        self.feedback_view.invited.connect(self.invited)
        self.feedback_view.error_raised.connect(self.error_raised)
        for name in ("round_combo", "new_round_button", "invite_round_button", "round_label", "feedback_model",
                     "feedback"):
            setattr(self, name, getattr(self.feedback_view, name))
        feedback_page = self.feedback_view

        self.tabs = QTabWidget()
        self.tabs.addTab(splitter, labels.icon("events"), self.tr("Events"))
        self.tabs.addTab(community_page, labels.icon("role"), self.tr("Community"))
        self.tabs.addTab(feedback_page, labels.icon("contact"), self.tr("Feedback rounds"))

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.tabs, 1)

        for w in (self.new_button, self.edit_button, self.delete_button, self.early_button, self.general_button,
                  self.candidates_box, self.yes_button, self.no_button, self.clear_button, self.recognize_button,
                  self.add_helper_button, self.remove_helper_button):
            w.setProperty("needs_write", True)
            services.writes.guard(w)  # disabled with the reason in a read-only practice
        self._writable = writable
        services.data_changed.connect(self._on_services_data_changed)
        self.reload()

    # --- loading -----------------------------------------------------------------------
    def reload(self) -> None:
        """Re-read the events (keeping the chosen one) and the community."""
        keep = self._event_id
        today = self.services.as_of()
        which = self.filter.currentData()
        rows = events.list_events(self.services.db, self.services.as_of())
        if which == "upcoming":
            rows = sorted((s for s in rows if s.event.day is None or s.event.day >= today),
                          key=lambda s: (s.event.starts_at or dt.datetime.max))
        elif which == "past":
            rows = [s for s in rows if s.event.day is not None and s.event.day < today]
        self.event_model.set_events(rows, today)
        self.event_table.setVisible(bool(rows))
        self.empty_events.setVisible(not rows)
        self.empty_events.setText(
            self.tr("No upcoming events. Plan a seminar, study session or mixer with New event…")
            if which == "upcoming" else self.tr("No events here yet."))
        row = self.event_model.row_of(keep) if keep is not None else -1
        if row < 0 and rows:
            row = 0
        if row >= 0:
            self.event_table.selectionModel().setCurrentIndex(
                self.event_model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self._show_event(self.event_model.summary_at(row).event.id if row >= 0 else None)
        self.reload_community()
        self.reload_feedback()

    def reload_community(self) -> None:
        members = events.community_members(self.services.db, as_of=self.services.as_of())
        self.community_model.set_members(members)
        with_roles = sum(1 for m in members if m.roles)
        self.community_summary.setText(
            self.tr("%1 members · %2 with a role · %3 recognized")
            .replace("%1", f"{len(members):,}").replace("%2", f"{with_roles:,}")
            .replace("%3", f"{sum(1 for m in members if m.recognitions):,}")
            if members else self.tr("No community yet: members appear here once they hold a role, attend an event "
                                    "or are recognized."))
        self._on_community_selection_changed()

    def reload_feedback(self) -> None:
        self.feedback_view.reload()

    def show_feedback_rounds(self) -> None:
        """The feedback rounds (the dashboard's group mailing of feedback invitations)."""
        self.tabs.setCurrentIndex(2)

    def select_event(self, event_id: int) -> None:
        """Show an event (the dashboard's link): the filter widens to all events if needed."""
        self.tabs.setCurrentIndex(0)
        if self.event_model.row_of(event_id) < 0:
            self.filter.setCurrentIndex(self.filter.findData("all"))
        self._event_id = event_id
        self.reload()

    def _show_event(self, event_id: int | None) -> None:
        self._event_id = event_id
        summary = None
        if event_id is not None:
            try:
                summary = events.event_summary(self.services.db, event_id, self.services.as_of())
            except LoyalDeskError:
                summary = None
        self.detail.setVisible(summary is not None)
        self.no_event.setVisible(summary is None)
        self.edit_button.setEnabled(summary is not None and self._writable)
        self.delete_button.setEnabled(summary is not None and self._writable)
        self.new_button.setEnabled(self._writable)
        if summary is None:
            self._event_id = None
            self.invitation_model.set_invitations([])
            self._update_recognition_letter_button()
            return
        e = summary.event
        lang = current_language()
        shown = e.title_for(lang)  # the title in the language of the screen, then the other one
        other = e.own_title("en" if lang == "ja" else "ja")
        self.event_title.setText(shown + (f" / {other}" if other and other != shown else ""))
        when = e.starts_at.strftime("%Y-%m-%d %H:%M") if e.starts_at else ""
        if when and e.ends_at:
            when += e.ends_at.strftime("–%H:%M")
        parts = [kind_labels().get(e.kind, e.kind), when]
        venue = (e.place_en.strip() or e.place) if current_language() == "en" else e.place  # as the user reads it
        place = (self.tr("Online") + (f" ({venue})" if venue else "")) if e.online else venue
        if place:
            parts.append(place)
        parts.append(self.tr("fee %1").replace("%1", labels.money(e.fee, self.services.currency())) if e.fee else self.tr("free"))
        if e.reply_by:
            parts.append(self.tr("reply by %1").replace("%1", e.reply_by.isoformat()))
        self.event_info.setText(" · ".join(p for p in parts if p))
        self.event_info.setToolTip(e.notes)
        if e.capacity is None:
            text = self.tr("No seat limit · %1 invited · %2 yes · %3 attended")
        else:
            text = self.tr("%4 seats · %1 invited · %2 yes · %5 left · %6 waiting · %3 attended")
        text = (text.replace("%1", f"{summary.invited:,}").replace("%2", f"{summary.yes:,}")
                .replace("%3", f"{summary.attended:,}"))
        if e.capacity is not None:
            text = (text.replace("%4", f"{e.capacity:,}").replace("%5", f"{summary.seats_left:,}")
                    .replace("%6", f"{summary.waiting:,}"))
        self.capacity_label.setText(text)
        theme.style(self.capacity_label, "font-weight: bold; color: $negative;" if summary.waiting
                    else "font-weight: bold; color: $accent;")
        waves = []
        names = {"early": self.tr("Early wave"), "general": self.tr("General wave")}
        for wave, state in events.wave_states(self.services.db, event_id).items():
            if not state.invited:
                continue
            if state.sent == 0:
                text = self.tr("%1: %2 invited, not sent yet")
            elif state.sent < state.invited:
                text = self.tr("%1: %2 invited, %3 sent since %4")
            else:
                text = self.tr("%1: %2 invited, all sent since %4")
            waves.append(text.replace("%1", names[wave]).replace("%2", f"{state.invited:,}")
                         .replace("%3", f"{state.sent:,}")
                         .replace("%4", state.first_sent_on.isoformat() if state.first_sent_on else ""))
        self.wave_label.setText(" · ".join(waves) if waves else self.tr(
            "Invite VIP clients first (先行案内); the general wave then goes to everyone not invited yet."))
        self.wave_label.setVisible(True)
        invitations = events.invitations(self.services.db, event_id)
        self.invitation_model.set_invitations(invitations)
        self.invitations.setVisible(bool(invitations))
        self.empty_invitations.setVisible(not invitations)
        self.letters_button.setEnabled(bool(invitations))
        self.email_button.setEnabled(bool(invitations))
        self._update_recognition_letter_button()
        self.helpers.clear()
        for h in events.helpers(self.services.db, event_id):
            item = QListWidgetItem(labels.icon("role"), h.client_name + (f" — {h.task}" if h.task else ""))
            item.setData(Qt.ItemDataRole.UserRole, h.client_id)
            self.helpers.addItem(item)
        self.remove_helper_button.setEnabled(self._writable and self.helpers.count() > 0)
        for w in (self.yes_button, self.no_button, self.clear_button, self.recognize_button, self.add_helper_button):
            w.setEnabled(self._writable)
        upcoming = e.day is None or e.day >= self.services.as_of()  # a past event invites nobody any more
        for w in (self.early_button, self.general_button, self.candidates_box):
            w.setEnabled(self._writable and upcoming)

    def _on_services_data_changed(self, change: DataChange) -> None:
        if change.touches(*COMMUNITY_TABLES):
            self.reload()

    def _on_filter_changed(self, _index: int) -> None:
        self.reload()

    def _on_event_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        summary = self.event_model.summary_at(current.row())
        new_id = summary.event.id if summary else None
        if new_id != self._event_id:
            self._show_event(new_id)

    def current_event(self) -> events.Event | None:
        if self._event_id is None:
            return None
        try:
            return events.get_event(self.services.db, self._event_id)
        except LoyalDeskError:
            return None

    def selected_invitations(self) -> list[events.Invitation]:
        rows = sorted({i.row() for i in self.invitations.selectionModel().selectedRows()})
        return [x for x in (self.invitation_model.invitation_at(r) for r in rows) if x is not None]

    # --- events ------------------------------------------------------------------------
    def new_event(self) -> None:
        dialog = EventDialog(self.services, parent=self)
        if dialog.exec() and dialog.saved is not None:
            self.select_event(dialog.saved.id)

    def edit_event(self) -> None:
        event = self.current_event()
        if event is not None and self._writable:
            EventDialog(self.services, event, parent=self).exec()

    def delete_event(self) -> None:
        event = self.current_event()
        if event is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete event"),
            self.tr("Delete %1 with its invitations? Attendance already logged stays in the clients' history.")
            .replace("%1", event.title_for(current_language())))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.services.delete_event(event.id)
        except LoyalDeskError as exc:
            self.error_raised.emit(exc)

    # --- waves -------------------------------------------------------------------------
    def invite_wave(self, wave: str) -> None:
        """Build the wave's list in a worker (it computes the tiers), then ask and record."""
        event = self.current_event()
        if event is None or self._op is not None:
            return
        from loyaldesk.core.db import open_database

        path, as_of, with_candidates = self.services.db.path, self.services.as_of(), self.candidates_box.isChecked()

        def work(progress):
            with open_database(path, create=False) as own:
                return events.wave_candidates(own, event.id, wave, include_candidates=with_candidates, as_of=as_of)

        self._op = run_in_background(self, self.tr("Building the invitation list…"), work)
        self._op.finished.connect(lambda ids: self._on_wave_built(event, wave, ids))
        self._op.failed.connect(self._on_op_failed)
        self._op.cancelled.connect(self._on_op_ended)

    def _on_wave_built(self, event: events.Event, wave: str, ids: list[int]) -> None:
        self._op = None
        name = wave_labels().get(wave, wave)
        if not ids:
            self.wave_label.setText(self.tr("Nobody is left to invite in the %1 wave.").replace("%1", name))
            return
        answer = QMessageBox.question(
            self, self.tr("Invite"),
            self.tr("Invite %1 clients to %2 in the %3 wave?").replace("%1", f"{len(ids):,}")
            .replace("%2", event.title_for(current_language())).replace("%3", name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            added = self.services.invite_to_event(event.id, ids, wave)
        except LoyalDeskError as exc:
            self.error_raised.emit(exc)
            return
        self.invited.emit(added)

    def _on_op_failed(self, exc) -> None:
        self._op = None
        self.error_raised.emit(exc)

    def _on_op_ended(self) -> None:
        self._op = None

    # --- replies, attendance, seat notes -------------------------------------------------
    def set_reply(self, reply: str | None) -> None:
        event = self.current_event()
        chosen = self.selected_invitations()
        if event is None or not chosen:
            return
        try:
            for inv in chosen:
                self.services.set_event_reply(event.id, inv.client_id, reply)
        except LoyalDeskError as exc:
            self.error_raised.emit(exc)

    def _toggle_current_attended(self) -> None:
        """Space on an invitation: the Attended box of its row, whichever cell is current."""
        from loyaldesk.ui.events.models import InvitationColumn

        row = self.invitations.currentIndex().row()
        index = self.invitation_model.index(row, InvitationColumn.ATTENDED)
        checked = self.invitation_model.data(index, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
        self.invitation_model.setData(index, Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked,
                                      Qt.ItemDataRole.CheckStateRole)

    def _on_invitation_attended_toggled(self, client_id: int, attended: bool) -> None:
        if self._event_id is None:
            return
        try:
            self.services.set_event_attended(self._event_id, client_id, attended)
        except LoyalDeskError as exc:
            if exc.key != "event.attendance_early":
                self.error_raised.emit(exc)
                return
            event = self.current_event()
            answer = QMessageBox.question(
                self, self.tr("Record attendance"),
                self.tr("%1 is on %2. Record the attendance already? It counts as attended only from that day "
                        "on.").replace("%1", event.title_for(current_language()) if event else "").replace(
                    "%2", event.day.isoformat() if event and event.day else ""))
            if answer != QMessageBox.StandardButton.Yes:
                self.reload()  # the tick goes back
                return
            try:
                self.services.set_event_attended(self._event_id, client_id, attended, early=True)
            except LoyalDeskError as again:
                self.error_raised.emit(again)

    def _on_invitation_seat_note_edited(self, client_id: int, note: str) -> None:
        if self._event_id is None:
            return
        try:
            self.services.set_event_seat_note(self._event_id, client_id, note)
        except LoyalDeskError as exc:
            self.error_raised.emit(exc)

    def _on_invitation_double_clicked(self, index: QModelIndex) -> None:
        if index.column() == InvitationColumn.NAME:
            inv = self.invitation_model.invitation_at(index.row())
            if inv is not None:
                self.client_open_requested.emit(inv.client_id)

    def _on_open_clicked(self) -> None:
        chosen = self.selected_invitations()
        if chosen:
            self.client_open_requested.emit(chosen[0].client_id)

    def recognize(self) -> None:
        chosen = self.selected_invitations()
        if not chosen:
            return
        dialog = RecognitionDialog(self.services, chosen[0].client_id, chosen[0].client_name, self.current_event(),
                                   parent=self)
        if dialog.exec() and dialog.saved is not None and dialog.write_letter.isChecked():
            self.open_recognition_letter(dialog.saved)

    # --- helpers -------------------------------------------------------------------------
    def add_helper(self) -> None:
        event = self.current_event()
        if event is None:
            return
        committee = events.committee_members(self.services.db)
        if not committee:
            self.wave_label.setText(self.tr("Nobody holds the event-committee role yet: give it to a client "
                                            "(Clients > Tag or role…) to assign helpers."))
            return
        HelperDialog(self.services, event, committee, parent=self).exec()

    def remove_helper(self) -> None:
        item = self.helpers.currentItem() or (self.helpers.item(0) if self.helpers.count() == 1 else None)
        if item is None or self._event_id is None:
            return
        try:
            self.services.remove_event_helper(self._event_id, int(item.data(Qt.ItemDataRole.UserRole)))
        except LoyalDeskError as exc:
            self.error_raised.emit(exc)

    # --- invitations --------------------------------------------------------------------
    def write_letters(self):
        """The invitations of the chosen invitees (all of them when none is chosen) in the send panel: the
        early wave's from the vip_invitation template, the general wave's from event_invitation; printed,
        saved or written as e-mail drafts, then recorded as sent (the wave's invitations marked sent)."""
        return self.open_invitations()

    def email_invitations(self):
        """The same invitations, ready to be written as e-mail drafts (one per invitee, into a folder)."""
        return self.open_invitations(email=True)

    def open_invitations(self, email: bool = False):
        from loyaldesk.core.documents import pipeline
        from loyaldesk.ui.documents.dialog import SendDialog

        event = self.current_event()
        chosen = self.selected_invitations() or self.invitation_model.all_invitations()
        if event is None or not chosen:
            return None
        ids, event_id = [i.client_id for i in chosen], event.id

        def source(_own, as_of):  # e-mail: no postal address needed
            return pipeline.Request("invitation", ids, as_of=as_of, event_id=event_id, need=None if email else "address")

        heading = (self.tr("E-mail invitations: %1") if email else self.tr("Invitations: %1")).replace(
            "%1", event.title_for(current_language()))
        return self._open_send_dialog(SendDialog(self.services, self.tr("Invitations"), source, self, heading))

    def _open_send_dialog(self, dialog):
        if self.letter_dialog is not None:
            self.letter_dialog.close()
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.panel.error_raised.connect(self.error_raised)
        dialog.destroyed.connect(lambda *_: setattr(self, "letter_dialog", None))
        self.letter_dialog = dialog
        dialog.open()
        self.send_opened.emit(dialog)
        return dialog

    # --- recognition letters --------------------------------------------------------------
    def _event_recognition(self) -> events.Recognition | None:
        """The chosen guest's award at this event (the latest, if several)."""
        chosen = self.selected_invitations()
        if not chosen or self._event_id is None:
            return None
        return next((r for r in events.recognitions(self.services.db, chosen[0].client_id)
                     if r.event_id == self._event_id), None)

    def _update_recognition_letter_button(self) -> None:
        self.recognition_letter_button.setEnabled(self._event_recognition() is not None)

    def _on_invitation_selection_changed(self, *_args) -> None:
        self._update_recognition_letter_button()

    def _on_recognition_letter_clicked(self) -> None:
        recognition = self._event_recognition()
        if recognition is not None:
            self.open_recognition_letter(recognition)

    def _community_member(self):
        rows = self.community.selectionModel().selectedRows()
        if not rows:
            return None
        return self.community_model.member_at(self.community_proxy.mapToSource(rows[0]).row())

    def _on_community_selection_changed(self, *_args) -> None:
        member = self._community_member()
        self.community_letter_button.setEnabled(bool(member and member.recognitions))

    def _on_community_letter_clicked(self) -> None:
        member = self._community_member()
        found = events.recognitions(self.services.db, member.client_id) if member else []
        if found:
            self.open_recognition_letter(found[0])

    def open_recognition_letter(self, recognition: events.Recognition):
        """The recognition letter of an award in the send panel (preview, save, print, e-mail, record)."""
        from loyaldesk.ui.events.letter import RecognitionLetterDialog

        return self._open_send_dialog(RecognitionLetterDialog(self.services, recognition, self))

    # --- community -----------------------------------------------------------------------
    def _on_community_double_clicked(self, index: QModelIndex) -> None:
        member = self.community_model.member_at(self.community_proxy.mapToSource(index).row())
        if member is not None:
            self.client_open_requested.emit(member.client_id)


def _flow(*widgets: QWidget) -> QWidget:
    """A row of buttons that wraps onto a second line when there is no room."""
    from loyaldesk.ui.layouts import FlowLayout

    box = QWidget()
    flow = FlowLayout(box, spacing=6)
    for widget in widgets:
        flow.addWidget(widget)
    return box
