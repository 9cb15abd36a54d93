"""The client detail: profile, tags and roles, notes, and one timeline of sessions and contacts."""

from __future__ import annotations

import html

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTabWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from loyaldesk.core.loyalty import overdue_reason
from loyaldesk.core.models import Client, ClientRow, ClientStats, TimelineEntry
from loyaldesk.core.sessions import not_included_text
from loyaldesk.ui import labels, theme
from loyaldesk.ui.layouts import FlowLayout

COMMUNITY_KINDS = ("recognition", "feedback", "role")  # timeline entries from loyaldesk.core.events


class TimelineModel(QAbstractTableModel):
    """Sessions and contacts of one client, newest first."""

    COLUMNS = 4

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._entries: list[TimelineEntry] = []
        self.currency = "JPY"  # the practice's (set by the screen)
        self._headers = [self.tr("Date"), self.tr("What"), self.tr("Topic / note"), self.tr("Fee")]
        self._session_icon = labels.icon("session")
        self._contact_icon = labels.icon("contact")

    def set_entries(self, entries: list[TimelineEntry]) -> None:
        self.beginResetModel()
        self._entries = entries
        self.endResetModel()

    def entry_at(self, row: int) -> TimelineEntry | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < self.COLUMNS:
            return self._headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        e = self._entries[index.row()]
        col = index.column()
        is_session = e.kind == "session"
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return e.date.isoformat()
            if col == 1:
                if is_session:  # the calendar icon says "session"; the text says which kind
                    return e.label or self.tr("Session")
                if e.kind in COMMUNITY_KINDS:  # recognition, feedback round, role: the core's heading
                    return e.label
                return labels.channel_label(e.label)
            if col == 2:
                return e.text.replace("\n", " ")
            if col == 3:
                if not is_session:
                    return ""
                return labels.session_fee(e.fee, e.foreign_currency, e.foreign_fee, self.currency)
        if role == Qt.ItemDataRole.AccessibleTextRole and col == 1:
            if e.kind in COMMUNITY_KINDS:
                return e.label
            return self.tr("Session") + " " + e.label if is_session else labels.channel_label(e.label)
        if role == Qt.ItemDataRole.DecorationRole and col == 1:
            if e.kind in COMMUNITY_KINDS:
                return labels.icon("vip" if e.kind == "recognition" else "role")
            return self._session_icon if is_session else self._contact_icon
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [e.text] if e.text else []
            if e.notes:
                parts.append(e.notes)
            if is_session and e.duration_minutes:
                parts.append(self.tr("%1 minutes").replace("%1", str(e.duration_minutes)))
            if is_session and e.foreign_currency and e.fee is None:
                parts.append(self.tr("Not in the revenue totals: no amount in %1 is recorded for it.")
                             .replace("%1", self.currency))
            return "\n".join(parts) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class _TagChip(QFrame):
    removed = Signal(int)

    def __init__(self, tag_id: int, name: str, is_role: bool, since: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("roleChip" if is_role else "tagChip")
        theme.style(
            self,
            "#roleChip { background: $chip_role_bg; border: 1px solid $chip_role_border; border-radius: 10px; }"
            "#tagChip { background: $chip_tag_bg; border: 1px solid $chip_tag_border; border-radius: 10px; }"
            "QLabel { color: $chip_fg; background: transparent; border: none; }"
            "QToolButton { border: none; background: transparent; color: $chip_fg; }"
            "QToolButton:disabled { color: $muted; }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 1, 2, 1)
        layout.setSpacing(2)
        icon = QLabel()
        icon.setPixmap(labels.icon("role" if is_role else "tag").pixmap(14, 14))
        text = QLabel(name)
        if since:
            self.setToolTip(self.tr("Since %1").replace("%1", since))
        remove = QToolButton()
        remove.setText("×")
        remove.setToolTip(self.tr("Remove %1").replace("%1", name))
        remove.setAccessibleName(self.tr("Remove %1").replace("%1", name))
        remove.clicked.connect(lambda: self.removed.emit(tag_id))
        layout.addWidget(icon)
        layout.addWidget(text)
        layout.addWidget(remove)
        self.remove_button = remove


class ClientDetail(QWidget):
    """Shows one client. It emits what the user asks for; the screen carries it out."""

    edit_requested = Signal()
    log_session_requested = Signal()
    log_contact_requested = Signal()
    add_tag_requested = Signal()
    tag_removed = Signal(int)
    archive_requested = Signal()
    delete_requested = Signal()
    entry_edit_requested = Signal(object)  # TimelineEntry
    entry_delete_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client: Client | None = None
        self.stats: ClientStats | None = None

        self.name_label = QLabel()
        self.name_label.setObjectName("detailName")
        self.name_label.setStyleSheet("font-size: 18pt; font-weight: bold;")
        self.name_label.setWordWrap(True)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.kana_label = QLabel()
        theme.style(self.kana_label, "color: $muted;")
        self.company_label = QLabel()
        self.company_label.setWordWrap(True)
        self.status_label = QLabel()
        self.status_label.setObjectName("detailStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.RichText)

        # Set by the screen: marks controls that change the practice (disabled, saying why, when read-only).
        self.write_guard = lambda *controls: None
        self.edit_button = QPushButton(labels.icon("edit"), self.tr("Edit…"))
        self.session_button = QPushButton(labels.icon("session"), self.tr("Log session…"))
        self.contact_button = QPushButton(labels.icon("contact"), self.tr("Log contact…"))
        self.archive_button = QPushButton(labels.icon("archive"), self.tr("Archive"))
        self.delete_button = QPushButton(labels.icon("delete"), self.tr("Delete permanently…"))
        self.edit_button.clicked.connect(self.edit_requested)
        self.session_button.clicked.connect(self.log_session_requested)
        self.contact_button.clicked.connect(self.log_contact_requested)
        self.archive_button.clicked.connect(self.archive_requested)
        self.delete_button.clicked.connect(self.delete_requested)
        buttons_box = QWidget()
        buttons = FlowLayout(buttons_box, spacing=6)  # wraps when the panel is narrow
        for b in (self.session_button, self.contact_button, self.edit_button, self.archive_button,
                  self.delete_button):
            buttons.addWidget(b)

        self.info = QGridLayout()
        self.info.setHorizontalSpacing(12)
        self.info.setVerticalSpacing(3)
        self.info.setColumnStretch(1, 1)

        self.tags_box = QWidget()
        self.tags_layout = FlowLayout(self.tags_box, spacing=6)
        self.add_tag_button = QPushButton(labels.icon("add"), self.tr("Tag or role…"))
        self.add_tag_button.clicked.connect(self.add_tag_requested)

        self.loyalty_label = QLabel()
        self.loyalty_label.setObjectName("detailLoyalty")
        self.loyalty_label.setWordWrap(True)
        self.loyalty_label.setTextFormat(Qt.TextFormat.RichText)
        self.next_label = QLabel()
        self.next_label.setObjectName("detailNextActions")
        self.next_label.setWordWrap(True)
        self.next_label.setTextFormat(Qt.TextFormat.RichText)

        self.notes_label = QLabel()
        self.notes_label.setWordWrap(True)
        self.notes_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notes_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

        self.timeline_model = TimelineModel(self)
        self.timeline = QTableView()
        self.timeline.setObjectName("timeline")
        self.timeline.setModel(self.timeline_model)
        self.timeline.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.timeline.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.timeline.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.timeline.setAlternatingRowColors(True)
        self.timeline.verticalHeader().hide()
        self.timeline.setWordWrap(False)
        header = self.timeline.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, self.fontMetrics().horizontalAdvance("M") * 9)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.timeline.doubleClicked.connect(self._on_timeline_double_clicked)
        from loyaldesk.ui.access import RowKeys

        self._timeline_keys = RowKeys(  # Return edits the session or contact, Delete deletes it (after asking)
            self.timeline, on_return=lambda: self._on_timeline_double_clicked(self.timeline.currentIndex()),
            on_delete=self._on_timeline_delete_key)
        self.timeline.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.timeline.customContextMenuRequested.connect(self._on_timeline_context_menu)

        # The header (who, how the contact stands, the actions) stays; the sections below are tabs, so
        # Loyalty, Next actions, the season cards and the history are each one click (or Ctrl+Tab) away
        # and none is reached by scrolling past a long one.
        head = QWidget()
        head_layout = QVBoxLayout(head)
        head_layout.setContentsMargins(0, 0, 0, 0)
        head_layout.setSpacing(2)
        head_layout.addWidget(self.name_label)
        head_layout.addWidget(self.kana_label)
        head_layout.addWidget(self.company_label)
        head_layout.addWidget(self.status_label)
        head_layout.addWidget(buttons_box)

        overview = QWidget()
        overview_layout = QVBoxLayout(overview)
        overview_layout.setContentsMargins(4, 6, 4, 4)
        self.loyalty_title = _section_title(self.tr("Loyalty"))
        overview_layout.addWidget(self.loyalty_title)
        overview_layout.addWidget(self.loyalty_label)
        self.next_title = _section_title(self.tr("Next actions"))
        overview_layout.addWidget(self.next_title)
        overview_layout.addWidget(self.next_label)
        tag_row = QHBoxLayout()
        tag_row.addWidget(_section_title(self.tr("Tags and roles")))
        tag_row.addStretch(1)
        tag_row.addWidget(self.add_tag_button)
        overview_layout.addLayout(tag_row)
        overview_layout.addWidget(self.tags_box)
        overview_layout.addStretch(1)

        profile = QWidget()
        profile_layout = QVBoxLayout(profile)
        profile_layout.setContentsMargins(4, 6, 4, 4)
        profile_layout.addLayout(self.info)
        profile_layout.addWidget(_section_title(self.tr("Notes")))
        profile_layout.addWidget(self.notes_label)
        profile_layout.addStretch(1)

        from loyaldesk.ui.clients.greetings import GreetingHistory

        self.greetings_section = GreetingHistory()  # season cards; the screen fills it and opens the editor
        cards = QWidget()
        cards_layout = QVBoxLayout(cards)
        cards_layout.setContentsMargins(4, 6, 4, 4)
        cards_layout.addWidget(self.greetings_section)
        cards_layout.addStretch(1)

        self.sections = QTabWidget()
        self.sections.setObjectName("detailSections")
        self.sections.setDocumentMode(True)
        self.sections.setUsesScrollButtons(True)
        self.sections.setAccessibleName(self.tr("Client sections"))
        self.overview_tab = _scrolling(overview, self.tr("Overview"))
        self.profile_tab = _scrolling(profile, self.tr("Profile"))
        self.cards_tab = _scrolling(cards, self.tr("Season cards"))
        self.sections.addTab(self.overview_tab, self.tr("Overview"))
        self.sections.addTab(self.profile_tab, self.tr("Profile"))
        self.sections.addTab(self.cards_tab, self.tr("Season cards"))
        self.sections.addTab(self.timeline, self.tr("History"))
        self.timeline.setAccessibleName(self.tr("History of sessions and contacts, newest first"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(head)
        layout.addWidget(self.sections, 1)
        self.setMinimumWidth(340)
        self.set_client(None, None, None, [])

    # --- content -----------------------------------------------------------------------
    def set_client(self, client: Client | None, row: ClientRow | None, stats: ClientStats | None,
                   timeline: list[TimelineEntry], referrer_name: str = "") -> None:
        """Show a client: `row` carries the same contact figures as the list."""
        self.client = client
        self.stats = stats
        has = client is not None
        for w in (self.edit_button, self.session_button, self.contact_button, self.archive_button,
                  self.add_tag_button, self.timeline):
            w.setEnabled(has)
        self.delete_button.setVisible(has and client.archived)
        self._clear_info()
        self._clear_tags()
        self.set_loyalty(row if has else None, [])
        self.set_suggestions(None)
        self.greetings_section.set_greetings(None)
        if not has:
            self.name_label.setText(self.tr("No client selected"))
            self.kana_label.setText(self.tr("Choose a client in the list to see their history."))
            self.company_label.clear()
            self.status_label.clear()
            self.notes_label.clear()
            self.timeline_model.set_entries([])
            self.sections.setTabText(self.sections.indexOf(self.timeline), self.tr("History"))
            return
        self.name_label.setText(f"{client.name} {client.honorific}".strip())
        self.kana_label.setText(client.name_kana)
        self.kana_label.setVisible(bool(client.name_kana))
        self.company_label.setText(" · ".join(p for p in (client.company, client.title) if p))
        self.archive_button.setText(self.tr("Restore") if client.archived else self.tr("Archive"))

        cadence = row.cadence_days
        reason = overdue_reason(row.last_contact, row.created_at, row.days_since_contact, cadence, _lang())
        badges = []
        if row.overdue:
            badges.append(
                f'<span style="background:{theme.css("overdue_bg")}; color:{theme.css("overdue_fg")}; font-weight:bold;">&nbsp;⚠ '
                + html.escape(self.tr("Overdue by %1 days").replace("%1", str(row.overdue_days)))
                + "&nbsp;</span> " + html.escape(labels.keep_phrases(reason))
            )
        else:
            badges.append(html.escape(labels.keep_phrases(reason)))  # （126日前） stays whole
        if stats.next_session:
            badges.append(html.escape(self.tr("Next session: %1").replace(
                "%1", self._next_session_text(stats.next_session))))
        if client.do_not_contact:
            badges.append('<b>' + html.escape(self.tr("Do not contact")) + "</b>")
        if client.archived:
            badges.append('<b>' + html.escape(self.tr("Archived")) + "</b>")
        self.status_label.setText("<br>".join(badges))

        wide = [
            (self.tr("E-mail"), client.email),
            (self.tr("Other e-mails"), labels.list_text(self._labelled(v.label, v.value) for v in client.more_emails)),
            (self.tr("Address"), self._address_text(client.postal_code, client.address1, client.address2,
                                                    client.country)),
        ] + [
            (self.tr("Address (%1)").replace("%1", self._label_text(a.label)) if a.label else self.tr("Other address"),
             self._address_text(a.postal_code, a.address1, a.address2, a.country))
            for a in client.more_addresses
        ]
        pairs = [
            (self.tr("Phone"), client.phone),
            (self.tr("Other phones"), labels.list_text(self._labelled(v.label, v.value) for v in client.more_phones)),
            (self.tr("Birthday"), labels.date_text(client.birthday)),
            (self.tr("Source"), client.source),
            (self.tr("Referred by"), referrer_name),
            (self.tr("Contact interval"),
             self.tr("%1 days").replace("%1", str(cadence))
             + ("" if client.cadence_days else " " + (
                 self.tr("(for %1)").replace("%1", labels.tier_label(row.tier)) if row.tier and row.tier != "prospect"
                 else self.tr("(default)")))),
            (self.tr("Client since"), labels.date_text(stats.first_session or row.created_at)),
            (self.tr("Sessions"), f"{stats.sessions:,}"),
            (self.tr("Lifetime revenue"), labels.money(stats.revenue, self.timeline_model.currency)
             + (" · " + not_included_text(stats.not_included) if stats.not_included else "")),
            (self.tr("Last contact"), labels.date_text(stats.last_contact) or self.tr("never")),
            (self.tr("Next session"), self._next_session_text(stats.next_session)),
            (self.tr("Clients referred"), f"{stats.referred_clients:,}" if stats.referred_clients else ""),
        ]
        for row, (key, value) in enumerate([(k, v) for k, v in wide + pairs if v]):
            self._add_info(row, key, value)

        for ct in stats.tags:
            chip = _TagChip(ct.tag.id, ct.tag.name, ct.tag.is_role, labels.date_text(ct.since))
            chip.removed.connect(self.tag_removed)
            self.write_guard(chip.remove_button)
            self.tags_layout.addWidget(chip)
        if not stats.tags:
            none = QLabel(self.tr("No tags or roles yet."))
            theme.style(none, "color: $muted;")
            self.tags_layout.addWidget(none)
        if stats.past_roles:  # roles over time: the ones that ended
            past = QLabel(self.tr("Past roles: %1").replace("%1", "; ".join(
                f"{name} ({labels.date_text(since)} – {labels.date_text(until)})" for name, since, until in stats.past_roles)))
            past.setObjectName("pastRoles")
            theme.style(past, "color: $muted;")
            past.setWordWrap(False)
            self.tags_layout.addWidget(past)
        self.notes_label.setText(client.notes or self.tr("No notes."))
        self.timeline_model.set_entries(timeline)
        self.sections.setTabText(self.sections.indexOf(self.timeline),
                                 self.tr("History (%1)").replace("%1", f"{len(timeline):,}"))

    def set_cards(self, greetings: list, year: int) -> None:
        """The Season cards tab says when the client is in mourning (喪中) for this year's or next year's cards,
        so it is seen before a New Year card is prepared."""
        mourning = any(g.kind == "mourning" and g.year >= year for g in greetings or [])
        index = self.sections.indexOf(self.cards_tab)
        text = self.tr("Season cards")
        self.sections.setTabText(index, self.tr("%1 · in mourning").replace("%1", text) if mourning else text)
        self.sections.setTabToolTip(index, self.tr("In mourning (喪中): no New Year card") if mourning else "")

    def set_loyalty(self, row: ClientRow | None, history: list) -> None:
        """Tier, score and status, and how the tier moved (newest first)."""
        shown = row is not None and bool(row.tier)
        self.loyalty_title.setVisible(shown)
        self.loyalty_label.setVisible(shown)
        if not shown:
            self.loyalty_label.clear()
            return
        colour = theme.tier_css(row.tier)
        parts = [f'<span style="color:{colour}; font-weight:bold;">{html.escape(labels.tier_label(row.tier))}</span>']
        if row.score is not None:
            parts.append(html.escape(self.tr("score %1 / 100").replace("%1", f"{row.score * 100:.0f}")))
        parts.append(html.escape(labels.status_label(row.status)))
        lines = [" · ".join(parts)]
        for change in history[:5]:
            arrow = "↑" if change.rose else "↓"
            before = labels.tier_label(change.from_tier) if change.from_tier else self.tr("first ranked")
            lines.append(html.escape(f"{change.date.isoformat()}  {before} {arrow} {labels.tier_label(change.to_tier)}"))
        self.loyalty_label.setText("<br>".join(lines))

    def set_suggestions(self, suggestions: list | None) -> None:
        """The client's open next actions (None: not known yet, the section is hidden)."""
        shown = bool(suggestions)
        self.next_title.setVisible(shown)
        self.next_label.setVisible(shown)
        if not shown:
            self.next_label.clear()
            return
        lines = []
        for s in suggestions[:6]:
            lines.append(
                "• <b>" + html.escape(labels.suggestion_label(s.kind, s.template)) + "</b> "
                + html.escape(self.tr("(due %1)").replace("%1", s.due.isoformat())) + "<br>"
                + f'<span style="color:{theme.css("muted")};">' + html.escape(labels.keep_phrases(s.reason)) + "</span>")
        self.next_label.setText("<br>".join(lines))

    def _next_session_text(self, booked) -> str:
        """The next session booked in the calendar (imported from an .ics): date, time and what it is about."""
        if not booked:
            return ""
        starts_at, summary = booked
        when = labels.date_text(starts_at.date())
        if starts_at.time() != starts_at.time().min:
            when += starts_at.strftime(" %H:%M")
        return self.tr("%1 (in the calendar)").replace("%1", f"{when} · {summary}" if summary else when)

    def _label_text(self, label: str) -> str:
        return {"mobile": self.tr("mobile"), "work": self.tr("work"), "home": self.tr("home"), "fax": self.tr("fax"),
                "other": self.tr("other")}.get(label, label)

    def _labelled(self, label: str, value: str) -> str:
        return f"{value} ({self._label_text(label)})" if label else value

    def _address_text(self, postal_code: str, address1: str, address2: str, country: str) -> str:
        """A Japanese address with 〒 before its code; another country's named after the address."""
        from loyaldesk.core.io.postal import home_country_for

        home = home_country_for(self.timeline_model.currency)
        japan = country == "JP" or (not country and home == "JP")
        postal = (f"〒{postal_code}" if japan else postal_code) if postal_code else ""
        shown_country = country if country and country != home else ""
        return " ".join(p for p in (postal, address1, address2, shown_country) if p)

    def _add_info(self, row: int, key: str, value: str) -> None:
        k_label = QLabel(key)
        theme.style(k_label, "color: $muted;")
        v_label = QLabel(value)
        v_label.setWordWrap(True)
        v_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.info.addWidget(k_label, row, 0, Qt.AlignmentFlag.AlignTop)
        self.info.addWidget(v_label, row, 1)

    @staticmethod
    def _empty_layout(layout) -> None:
        while layout.count():
            item = layout.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()

    def _clear_info(self) -> None:
        self._empty_layout(self.info)

    def _clear_tags(self) -> None:
        self._empty_layout(self.tags_layout)

    # --- timeline interaction ------------------------------------------------------------
    def _on_timeline_double_clicked(self, index: QModelIndex) -> None:
        entry = self.timeline_model.entry_at(index.row())
        if entry and entry.kind not in COMMUNITY_KINDS:
            self.entry_edit_requested.emit(entry)

    def _on_timeline_delete_key(self) -> None:
        entry = self.timeline_model.entry_at(self.timeline.currentIndex().row())
        if entry is not None and entry.kind not in COMMUNITY_KINDS:
            self.entry_delete_requested.emit(entry)

    def _on_timeline_context_menu(self, pos) -> None:
        entry = self.timeline_model.entry_at(self.timeline.indexAt(pos).row())
        if entry is None or entry.kind in COMMUNITY_KINDS:  # kept on the Events screen
            return
        menu = QMenu(self)
        edit = QAction(self.tr("Edit…"), menu)
        delete = QAction(self.tr("Delete"), menu)
        edit.triggered.connect(lambda: self.entry_edit_requested.emit(entry))
        delete.triggered.connect(lambda: self.entry_delete_requested.emit(entry))
        menu.addAction(edit)
        menu.addAction(delete)
        self.write_guard(edit, delete)
        menu.exec(self.timeline.viewport().mapToGlobal(pos))


def _section_title(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-weight: bold;")
    return label


def _scrolling(content: QWidget, name: str) -> QScrollArea:
    """A tab's content that scrolls vertically when the window is short, never sideways."""
    scroll = QScrollArea()
    scroll.setAccessibleName(name)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(content)
    return scroll


def _lang() -> str:
    from loyaldesk.core.i18n import current_language

    return current_language()
