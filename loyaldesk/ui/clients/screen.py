"""The Clients screen: the list with the overdue highlight, search and filters, and the detail."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from loyaldesk.core.errors import LoyalDeskError, NotFoundError
from loyaldesk.core.models import Client, TimelineEntry
from loyaldesk.ui import labels
from loyaldesk.ui.clients.detail import ClientDetail
from loyaldesk.ui.clients.dialogs import ClientDialog, SessionDialog, TagDialog, TouchpointDialog
from loyaldesk.ui.clients.model import ClientsTableModel, Column
from loyaldesk.ui.layouts import FlowLayout
from loyaldesk.ui.services import AppServices, DataChange
from loyaldesk.ui import theme


DEFAULT_ORDER = (Column.NAME, Column.READING, Column.TIER, Column.STATUS, Column.LAST_CONTACT, Column.DAYS,
                 Column.SESSIONS, Column.REVENUE, Column.COMPANY, Column.TAGS)
OPTIONAL_COLUMNS = (Column.COMPANY, Column.TAGS)
HEADER_LAYOUT = f"{len(Column)}.2"  # a header state saved with other columns or another order is not applied


class ClientsScreen(QWidget):
    counts_changed = Signal(int, int)  # shown, overdue
    selection_changed = Signal(object)  # the selected Client, or None
    error_raised = Signal(object)

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self._showing_archived = False
        self._selected_id: int | None = None

        self.search = QLineEdit()
        self.search.setObjectName("clientSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search name, reading, company, e-mail, tags, notes…"))
        self.search.addAction(labels.icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(120)
        self._search_timer.timeout.connect(self._on_search_timer_timeout)
        self.search.textChanged.connect(self._on_search_text_changed)

        self.overdue_only = QCheckBox(self.tr("Overdue only"))
        self.overdue_only.setObjectName("overdueOnly")
        self.overdue_only.toggled.connect(self._on_overdue_only_toggled)
        self.tag_filter = QComboBox()
        self.tag_filter.setObjectName("tagFilter")
        self.tag_filter.setMinimumContentsLength(14)
        self.tag_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.tag_filter.currentIndexChanged.connect(self._on_tag_filter_changed)
        self.tier_filter = QComboBox()
        self.tier_filter.setObjectName("tierFilter")
        self.tier_filter.addItem(self.tr("All tiers"), None)
        for tier, text in labels.tier_labels().items():
            self.tier_filter.addItem(text, tier)
        self.tier_filter.currentIndexChanged.connect(self._on_tier_filter_changed)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status, text in labels.status_labels().items():
            self.status_filter.addItem(text, status)
        self.status_filter.currentIndexChanged.connect(self._on_status_filter_changed)
        self.archived_toggle = QCheckBox(self.tr("Archived clients"))
        self.archived_toggle.setObjectName("showArchived")
        self.archived_toggle.setToolTip(self.tr("Show archived clients instead of active ones"))
        self.archived_toggle.toggled.connect(self.show_archived)
        self.new_button = QPushButton(labels.icon("add"), self.tr("New client"))
        self.new_button.clicked.connect(self.new_client)

        # Two rows: the search keeps its whole width (its hint readable in Japanese at 1024 pixels),
        # the filters wrap below it when the window is narrow.
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.new_button)
        self.search.setMinimumWidth(self.search.fontMetrics().horizontalAdvance(self.search.placeholderText()) + 60)
        filters_box = QWidget()
        filters = FlowLayout(filters_box, spacing=8)
        tag_label = QLabel(self.tr("Tag:"))
        tag_label.setBuddy(self.tag_filter)
        tag_row = QWidget()
        tag_row_layout = QHBoxLayout(tag_row)
        tag_row_layout.setContentsMargins(0, 0, 0, 0)
        tag_row_layout.addWidget(tag_label)
        tag_row_layout.addWidget(self.tag_filter)
        for w in (self.overdue_only, self.tier_filter, self.status_filter, tag_row, self.archived_toggle):
            filters.addWidget(w)
        self.tier_filter.setAccessibleName(self.tr("Tier filter"))
        self.status_filter.setAccessibleName(self.tr("Status filter"))
        self.tag_filter.setAccessibleName(self.tr("Tag or role filter"))
        self.search.setAccessibleName(self.tr("Search clients"))
        self.search.setAccessibleDescription(self.search.placeholderText())

        self.model = ClientsTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("clientsTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setAlternatingRowColors(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSortIndicator(Column.NAME, Qt.SortOrder.AscendingOrder)
        fm = self.fontMetrics()
        em = fm.horizontalAdvance("M")
        widths = {Column.NAME: 9 * em, Column.READING: 8 * em, Column.COMPANY: 8 * em, Column.TAGS: 7 * em,
                  Column.TIER: max(fm.horizontalAdvance(t) for t in labels.tier_labels().values()) + 2 * em,
                  Column.STATUS: max(fm.horizontalAdvance(t) for t in labels.status_labels().values()) + 2 * em,
                  Column.LAST_CONTACT: fm.horizontalAdvance("2026-12-31") + 16,
                  Column.DAYS: _bold_metrics(self.font()).horizontalAdvance("9,999 (+9,999)") + 16,
                  Column.SESSIONS: 4 * em,
                  Column.REVENUE: fm.horizontalAdvance(labels.money(10**7, self.services.currency())) + 16}
        for col, w in widths.items():
            header_text = self.model.headerData(col, Qt.Orientation.Horizontal)
            self.table.setColumnWidth(col, max(w, fm.horizontalAdvance(header_text) + 28))
        # The columns that matter first (days since, sessions, revenue reachable without scrolling at
        # 1280x720); company and tags follow, hidden until chosen in the header's menu (right-click).
        for visual, col in enumerate(DEFAULT_ORDER):
            header.moveSection(header.visualIndex(col), visual)
        for col in OPTIONAL_COLUMNS:
            self.table.setColumnHidden(col, True)
        # The reading column matters most for Japanese names; in English it starts hidden.
        self.table.setColumnHidden(Column.READING, _lang() != "ja")
        self.table.setAccessibleName(self.tr("Clients"))
        self.table.setAccessibleDescription(self.tr(
            "Return opens the client, Delete archives, the menu key shows the actions; right-click the header "
            "to choose columns"))
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._on_header_context_menu)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_changed)
        self.table.doubleClicked.connect(lambda _index: self.edit_client())
        from loyaldesk.ui.search.clients import SaidSearch

        self.said_search = SaidSearch(self)  # what was said: sessions, contacts, notes, feedback, phones
        self.search.setToolTip(self.tr("Also finds what was said in sessions, contacts and feedback, and phone "
                                       "numbers in any formatting"))
        self.table.installEventFilter(self)  # Return opens, Delete archives
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._on_table_context_menu)

        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        theme.style(self.empty_label, "color: $muted; font-size: 12pt; padding: 24px;")
        self.empty_label.hide()

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table)
        left_layout.addWidget(self.empty_label)

        self.detail = ClientDetail()
        self.detail.write_guard = services.writes.guard
        d = self.detail
        services.writes.guard(self.new_button, d.edit_button, d.session_button, d.contact_button, d.archive_button,
                              d.delete_button, d.add_tag_button)
        self.detail.edit_requested.connect(self.edit_client)
        self.detail.log_session_requested.connect(self.log_session)
        self.detail.log_contact_requested.connect(self.log_contact)
        self.detail.add_tag_requested.connect(self.add_tag)
        self.detail.tag_removed.connect(self._on_detail_tag_removed)
        self.detail.archive_requested.connect(self.toggle_archive)
        self.detail.delete_requested.connect(self.delete_client)
        self.detail.entry_edit_requested.connect(self._on_detail_entry_edit)
        self.detail.entry_delete_requested.connect(self._on_detail_entry_delete)
        self.detail.greetings_section.edit_requested.connect(self.edit_greetings)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("clientsSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([730, 390])  # at 1280x720 the list's main columns fit without scrolling

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addLayout(bar)
        layout.addWidget(filters_box)
        layout.addWidget(self.splitter, 1)

        services.data_changed.connect(self._on_services_data_changed)
        theme.notifier().changed.connect(self._on_theme_changed)  # the detail's coloured text
        self.reload()
        if self._selected_id is None and self.model.rowCount():
            self.select_client(self.model.row_at(0).id)

    # --- loading -----------------------------------------------------------------------
    def reload(self) -> None:
        """Re-read the list (and the detail) from the database, keeping the selection."""
        keep = self._selected_id
        settings = self.services.practice_settings()
        rows = self.services.clients.list_rows(
            self.services.as_of(), archived=self._showing_archived,
            default_cadence_days=settings.default_cadence_days,
        )
        self.model.currency = self.detail.timeline_model.currency = self.services.currency()
        self.model.set_rows(rows)
        self._reload_tag_filter()
        self._update_empty_state()
        self.select_client(keep)
        self._emit_counts()

    def _on_theme_changed(self) -> None:
        if self.window().isVisible():  # (a closed window's database may be closed too)
            self._show_detail(self._selected_id)

    def _reload_tag_filter(self) -> None:
        current = self.tag_filter.currentData()
        self.tag_filter.blockSignals(True)
        self.tag_filter.clear()
        self.tag_filter.addItem(self.tr("All"), None)
        for tag in self.services.tags.list():
            self.tag_filter.addItem(labels.icon("role" if tag.is_role else "tag"), f"{tag.name} ({tag.client_count})", tag.name)
        index = self.tag_filter.findData(current) if current else 0
        self.tag_filter.setCurrentIndex(max(0, index))
        self.tag_filter.blockSignals(False)
        if current and index < 0:
            self.model.set_filter(tag=None)

    def _emit_counts(self) -> None:
        overdue = sum(1 for r in self.model.all_rows() if r.overdue_days)
        self.counts_changed.emit(self.model.rowCount(), overdue)

    def _update_empty_state(self) -> None:
        empty = self.model.rowCount() == 0
        if empty:
            if self.model.all_rows():
                text = self.tr("No client matches the search and filters.")
            elif self._showing_archived:
                text = self.tr("No archived clients.")
            else:
                text = self.tr("No clients yet. Add your first client with “New client” (Ctrl+N).")
            self.empty_label.setText(text)
        self.empty_label.setVisible(empty)

    def _on_services_data_changed(self, change: DataChange) -> None:
        if not change.touches("clients", "sessions", "touchpoints", "tags", "client_tags", "settings", "client_tiers",
                              "recognitions", "feedback_participants", "greetings", "joint_names"):
            return
        if change.client_ids and not change.touches("settings", "client_tiers") and len(change.client_ids) <= 100:
            self._refresh_clients(change.client_ids)
        else:
            self.reload()

    def _refresh_clients(self, client_ids) -> None:
        """Re-read only the clients a change concerns (fast at 100,000 clients)."""
        keep = self._selected_id
        fresh, removed = [], set()
        as_of = self.services.as_of()
        for cid in client_ids:
            try:
                row = self.services.clients.row(cid, as_of)
            except NotFoundError:
                removed.add(cid)
                continue
            if row.archived == self._showing_archived:
                fresh.append(row)
            else:
                removed.add(cid)
        self.model.upsert_rows(fresh, removed)
        self._reload_tag_filter()
        self._update_empty_state()
        self.select_client(keep)
        self._emit_counts()

    # --- selection ---------------------------------------------------------------------
    def select_client(self, client_id: int | None) -> None:
        row = self.model.row_of(client_id) if client_id is not None else -1
        if row < 0:
            self.table.clearSelection()
            self.table.setCurrentIndex(self.model.index(-1, -1))
            self._show_detail(None)
            return
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.scrollTo(index)
        self._show_detail(client_id)

    def selected_client_ids(self) -> list[int]:
        """The clients selected in the table (several with Ctrl/Shift), in the table's order."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        ids = [r.id for r in (self.model.row_at(row) for row in rows) if r is not None]
        if not ids and self._selected_id is not None:
            ids = [self._selected_id]
        return ids

    def current_client(self) -> Client | None:
        if self._selected_id is None:
            return None
        try:
            return self.services.clients.get(self._selected_id)
        except NotFoundError:
            return None

    def _on_table_current_changed(self, current, _previous) -> None:
        row = self.model.row_at(current.row()) if current.isValid() else None
        self._show_detail(row.id if row else None)

    def _show_detail(self, client_id: int | None) -> None:
        self._selected_id = client_id
        client = None
        if client_id is not None:
            try:
                client = self.services.clients.get(client_id)
            except NotFoundError:
                self._selected_id = None
        self.selection_changed.emit(client)
        if client is None:
            self.detail.set_client(None, None, None, [])
            return
        stats = self.services.clients.stats(client_id)
        referrer = ""
        if client.referred_by:
            try:
                referrer = self.services.clients.get(client.referred_by).name
            except NotFoundError:
                referrer = ""
        row = self.services.clients.row(client_id, self.services.as_of())
        self.detail.set_client(client, row, stats, self.services.clients.timeline(client_id), referrer)
        from loyaldesk.core.loyalty import tier_history

        self.detail.set_loyalty(row, tier_history(self.services.db, client_id))
        from loyaldesk.core.addresses.compose import format_joint_names, load_joint_names
        from loyaldesk.core.greetings import client_greetings

        joint = format_joint_names(load_joint_names(self.services.db, [client_id]).get(client_id, []))
        greetings = client_greetings(self.services.db, client_id)
        self.detail.greetings_section.set_greetings(greetings, not self.services.db.read_only, joint)
        self.detail.set_cards(greetings, self.services.as_of().year)
        if self.isVisible():  # computed when someone can see them (see showEvent)
            self._load_suggestions(client_id)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._selected_id is not None:
            self._load_suggestions(self._selected_id)

    def edit_greetings(self) -> None:
        """The season-card history of the selected client (sent, received, mourning)."""
        from loyaldesk.ui.clients.greetings import GreetingsDialog

        client = self.current_client()
        if client is None:
            return
        GreetingsDialog(self.services, client.id, client.name, self).exec()

    def _load_suggestions(self, client_id: int) -> None:
        """The client's open next actions, computed in a worker (they need the whole practice's ranking)."""
        from loyaldesk.core import suggestions
        from loyaldesk.core.db import open_database
        from loyaldesk.ui.ops import run_quietly

        path, as_of = self.services.db.path, self.services.as_of()

        def work(progress):
            with open_database(path, create=False, migrate=False) as db:
                progress.on_cancel(db.conn.interrupt)
                return client_id, suggestions.open_suggestions(db, as_of, client_id=client_id)

        op = run_quietly(self, work)
        op.finished.connect(self._on_suggestions_loaded)
        self._suggestions_op = op

    def _on_suggestions_loaded(self, result) -> None:
        client_id, found = result
        if client_id == self._selected_id:  # the user may have moved on meanwhile
            self.detail.set_suggestions(found)

    # --- filters -----------------------------------------------------------------------
    def _on_search_text_changed(self, _text: str) -> None:
        self._search_timer.start()

    def _on_search_timer_timeout(self) -> None:
        self._apply_filter(text=self.search.text())
        self.said_search.search(self.search.text())

    def _on_overdue_only_toggled(self, checked: bool) -> None:
        self._apply_filter(overdue_only=checked)

    def _on_tag_filter_changed(self, _index: int) -> None:
        self._apply_filter(tag=self.tag_filter.currentData())

    def _on_tier_filter_changed(self, _index: int) -> None:
        self._apply_filter(tier=self.tier_filter.currentData())

    def _on_status_filter_changed(self, _index: int) -> None:
        self._apply_filter(status=self.status_filter.currentData())

    def _apply_filter(self, **kwargs) -> None:
        keep = self._selected_id
        self.model.set_filter(**kwargs)
        self._update_empty_state()
        self.select_client(keep)
        self._emit_counts()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def show_archived(self, archived: bool) -> None:
        if self.archived_toggle.isChecked() != archived:
            self.archived_toggle.setChecked(archived)  # re-enters through toggled
            return
        self._showing_archived = archived
        self.new_button.setEnabled(not archived)
        self.reload()

    # --- actions -----------------------------------------------------------------------
    def _report(self, exc: LoyalDeskError) -> None:
        self.error_raised.emit(exc)

    def new_client(self) -> None:
        if self._showing_archived:
            self.show_archived(False)
        dialog = ClientDialog(self.services, parent=self)
        if dialog.exec() and dialog.saved:
            self._clear_filters_to_show(dialog.saved.id)
            self.select_client(dialog.saved.id)

    def show_client(self, client_id: int) -> None:
        """Select a client (from elsewhere: the dashboard), clearing filters that hide it."""
        if self._showing_archived and self.model.row_of(client_id) < 0:
            self.show_archived(False)
        self._clear_filters_to_show(client_id)
        self.select_client(client_id)

    def _clear_filters_to_show(self, client_id: int) -> None:
        if self.model.row_of(client_id) < 0:
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
            self.overdue_only.blockSignals(True)
            self.overdue_only.setChecked(False)
            self.overdue_only.blockSignals(False)
            self.tag_filter.blockSignals(True)
            self.tag_filter.setCurrentIndex(0)
            self.tag_filter.blockSignals(False)
            for combo in (self.tier_filter, self.status_filter):
                combo.blockSignals(True)
                combo.setCurrentIndex(0)
                combo.blockSignals(False)
            self.model.set_filter(text="", overdue_only=False, tag=None, tier=None, status=None)
            self._update_empty_state()
            self._emit_counts()

    def edit_client(self) -> None:
        client = self.current_client()
        if client is None:
            return
        ClientDialog(self.services, client, parent=self).exec()

    def log_session(self) -> None:
        client = self.current_client()
        if client is not None:
            SessionDialog(self.services, client, parent=self).exec()

    def log_contact(self) -> None:
        client = self.current_client()
        if client is not None:
            TouchpointDialog(self.services, client, parent=self).exec()

    def add_tag(self) -> None:
        client = self.current_client()
        if client is not None:
            TagDialog(self.services, client, parent=self).exec()

    def _on_detail_tag_removed(self, tag_id: int) -> None:
        if self._selected_id is None:
            return
        try:
            self.services.unassign_tag(self._selected_id, tag_id)
        except LoyalDeskError as exc:
            self._report(exc)

    def toggle_archive(self) -> None:
        """Archive (or restore) the selected client; the selection moves to the next row (or the one before)."""
        client = self.current_client()
        if client is None:
            return
        row = self.model.row_of(client.id)
        neighbour = next((r.id for r in (self.model.row_at(row + 1), self.model.row_at(row - 1)) if r is not None),
                         None) if row >= 0 else None
        try:
            self.services.archive_client(client.id, not client.archived, client.name)
        except LoyalDeskError as exc:
            self._report(exc)
            return
        if self.model.row_of(client.id) < 0 and neighbour is not None:
            self.select_client(neighbour)

    def eventFilter(self, watched, event) -> bool:
        from PySide6.QtCore import QEvent

        if watched is self.table and event.type() == QEvent.Type.KeyPress and self._selected_id is not None \
                and event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.edit_client()
                return True
            if event.key() == Qt.Key.Key_Delete and not self.services.db.read_only:
                if self._showing_archived:
                    self.delete_client()  # asks first; says what would be lost
                else:
                    self.toggle_archive()  # undoable (the status bar's Undo, Ctrl+Z)
                return True
        return super().eventFilter(watched, event)

    def _on_table_context_menu(self, pos) -> None:
        """Right-click or the menu key on a row: what can be done with the client."""
        client = self.current_client()
        if client is None:
            return
        menu = QMenu(self)
        for text, slot, shortcut in (
                (self.tr("Edit…"), self.edit_client, "Return"),
                (self.tr("Log session…"), self.log_session, "Ctrl+Shift+S"),
                (self.tr("Log contact…"), self.log_contact, "Ctrl+L"),
                (self.tr("Add tag or role…"), self.add_tag, "Ctrl+T"),
                (self.tr("Restore") if client.archived else self.tr("Archive"), self.toggle_archive,
                 "" if client.archived else "Del")):
            action = menu.addAction(text + (f"\t{shortcut}" if shortcut else ""))
            action.triggered.connect(slot)
            self.services.writes.guard(action)
        if pos is None or not self.table.indexAt(pos).isValid():  # the menu key: beside the current row
            pos = self.table.visualRect(self.table.currentIndex()).center()
        menu.popup(self.table.viewport().mapToGlobal(pos))
        self._row_menu = menu

    def delete_client(self) -> None:
        """Delete an archived client for good, after saying exactly what will be lost."""
        client = self.current_client()
        if client is None or not client.archived:
            return
        stats = self.services.clients.stats(client.id)
        text = self.tr(
            "Delete %1 permanently?\n\nThis also deletes %2 sessions (%3 of revenue history) and %4 contacts. "
            "%5 clients they referred will keep their records but lose the link.\n\nThis cannot be undone."
        )
        text = (text.replace("%1", client.name).replace("%2", f"{stats.sessions:,}")
                .replace("%3", labels.money(stats.revenue, self.services.currency()))
                .replace("%4", f"{stats.touchpoints:,}")
                .replace("%5", f"{stats.referred_clients:,}"))
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Delete permanently"), text,
                          QMessageBox.StandardButton.Cancel, self)
        delete = box.addButton(self.tr("Delete permanently"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is not delete:
            return
        try:
            self.services.delete_client(client.id)
        except LoyalDeskError as exc:
            self._report(exc)

    def _on_detail_entry_edit(self, entry: TimelineEntry) -> None:
        client = self.current_client()
        if client is None:
            return
        try:
            if entry.kind == "session":
                SessionDialog(self.services, client, self.services.sessions.get(entry.id), parent=self).exec()
            else:
                TouchpointDialog(self.services, client, self.services.touchpoints.get(entry.id), parent=self).exec()
        except LoyalDeskError as exc:
            self._report(exc)

    def _on_detail_entry_delete(self, entry: TimelineEntry) -> None:
        client = self.current_client()
        if client is None:
            return
        what = self.tr("session") if entry.kind == "session" else self.tr("contact")
        answer = QMessageBox.question(
            self, self.tr("Delete"),
            self.tr("Delete the %1 of %2?").replace("%1", what).replace("%2", entry.date.isoformat()),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            if entry.kind == "session":
                self.services.delete_session(entry.id, client.id)
            else:
                self.services.delete_touchpoint(entry.id, client.id)
        except LoyalDeskError as exc:
            self._report(exc)

    def _on_header_context_menu(self, pos) -> None:
        """Right-click on the header: choose the columns to show."""
        menu = QMenu(self)
        for col in Column:
            if col == Column.NAME:
                continue
            action = menu.addAction(self.model.headerData(col, Qt.Orientation.Horizontal))
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(col))
            action.toggled.connect(lambda checked, c=col: self.table.setColumnHidden(c, not checked))
        menu.exec(self.table.horizontalHeader().mapToGlobal(pos))

    # --- layout memory -----------------------------------------------------------------
    def save_layout(self) -> dict[str, str]:
        return {
            "splitter": bytes(self.splitter.saveState().toBase64()).decode(),
            # prefixed with the column count: a layout saved with other columns is not applied
            "header": f"{HEADER_LAYOUT}:" + bytes(self.table.horizontalHeader().saveState().toBase64()).decode(),
        }

    def restore_layout(self, splitter: str, header: str) -> None:
        if splitter:
            self.splitter.restoreState(QByteArray.fromBase64(splitter.encode()))
        count, _, state = header.partition(":")
        if state and count == HEADER_LAYOUT:
            self.table.horizontalHeader().restoreState(QByteArray.fromBase64(state.encode()))


def _lang() -> str:
    from loyaldesk.core.i18n import current_language

    return current_language()


def _bold_metrics(font):
    from PySide6.QtGui import QFontMetrics

    bold = type(font)(font)
    bold.setBold(True)
    return QFontMetrics(bold)
