"""The shell: navigation, menus, status bar. No business logic lives here."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from loyaldesk import __version__
from loyaldesk.core.errors import LoyalDeskError
from loyaldesk.settings import Preferences
from loyaldesk.ui import labels
from loyaldesk.ui.clients.screen import ClientsScreen
from loyaldesk.ui.dashboard.screen import DashboardScreen
from loyaldesk.ui.events.screen import EventsScreen
from loyaldesk.ui.addresses.screen import AddressesScreen
from loyaldesk.ui.letters.screen import LettersScreen
from loyaldesk.ui.ops import run_in_background
from loyaldesk.ui.reports.screen import ReportsScreen
from loyaldesk.ui.services import AppServices
from loyaldesk.ui.settings.dialog import PreferencesDialog
from loyaldesk.ui.welcome import WelcomeView
from loyaldesk.ui import theme


class MainWindow(QMainWindow):
    open_database_requested = Signal(str)  # path; the application controller opens it
    restore_backup_requested = Signal(object)  # Path of a backup; the controller closes, restores, reopens
    protection_change_requested = Signal(object)  # a ProtectionChange; the controller closes, changes, reopens

    def __init__(self, services: AppServices, prefs: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.prefs = prefs
        self.setObjectName("mainWindow")
        self.setWindowIcon(labels.icon("loyaldesk"))
        self._update_title()
        self.resize(1240, 760)
        self.setMinimumSize(QSize(720, 480))

        self.clients_screen = ClientsScreen(services)
        self.dashboard = DashboardScreen(services)
        self.dashboard.client_open_requested.connect(self._on_dashboard_client_open_requested)
        self.dashboard.error_raised.connect(self.show_error)
        self.reports_screen = ReportsScreen(services)
        self.reports_screen.client_open_requested.connect(self._on_reports_client_open_requested)
        self.reports_screen.error_raised.connect(self.show_error)
        self.letters_screen = LettersScreen(services)
        self.letters_screen.error_raised.connect(self.show_error)
        self.addresses_screen = AddressesScreen(services)
        self.addresses_screen.error_raised.connect(self.show_error)
        self.dashboard.letter_requested.connect(self._on_dashboard_letter_requested)
        self.dashboard.batch_requested.connect(self._on_dashboard_batch_requested)
        self.events_screen = EventsScreen(services)
        self.events_screen.client_open_requested.connect(self._on_events_client_open_requested)
        self.events_screen.error_raised.connect(self.show_error)
        self.dashboard.event_open_requested.connect(self._on_dashboard_event_open_requested)
        self.dashboard.role_assignment_requested.connect(self._on_dashboard_role_assignment_requested)
        self.welcome = WelcomeView()
        self.welcome.start_empty_requested.connect(self._on_welcome_start_empty)
        self.welcome.sample_requested.connect(self._on_welcome_sample)
        self.welcome.import_requested.connect(self._on_import_clients)
        self.welcome.currency_chosen.connect(self._on_welcome_currency_chosen)
        self.welcome.set_currency(services.currency())
        self.welcome.protect_requested.connect(self._on_welcome_protect)
        from loyaldesk.core import cipher

        self.welcome.set_protected(cipher.is_encrypted(services.db.path))
        services.writes.guard(self.welcome.empty_button, self.welcome.sample_button, self.welcome.import_button,
                              self.welcome.protect_button, self.welcome.currency)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.welcome)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName(self.tr("Screens"))
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setFixedWidth(150)
        theme.style(
            self.nav,
            "QListWidget#navigation { border: none; background: $nav_bg; padding-top: 8px; font-size: 11pt; outline: 0; }"
            "QListWidget#navigation::item { padding: 8px 10px; color: $nav_fg; }"
            # a light selection keeps the coloured icons readable
            "QListWidget#navigation::item:selected { background: $nav_selected_bg; color: $nav_selected_fg; border-radius: 4px;"
            " font-weight: bold; }"
        )
        # Only screens that work are listed; later screens register here the same way.
        self.screens: list[tuple[str, QWidget]] = [(self.tr("Today"), self.dashboard),
                                                   (self.tr("Clients"), self.clients_screen),
                                                   (self.tr("Events"), self.events_screen),
                                                   (self.tr("Letters"), self.letters_screen),
                                                   (self.tr("Addresses"), self.addresses_screen),
                                                   (self.tr("Reports"), self.reports_screen)]
        icons = {self.clients_screen: "clients", self.dashboard: "dashboard", self.reports_screen: "report",
                 self.letters_screen: "letters", self.events_screen: "events", self.addresses_screen: "postcard"}
        for title, widget in self.screens:
            self.stack.addWidget(widget)
            item = QListWidgetItem(labels.icon(icons.get(widget, "clients")), title)
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self._on_nav_row_changed)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        nav_font = self.nav.font()
        nav_font.setPointSizeF(11)
        from PySide6.QtGui import QFontMetrics

        widest = max(QFontMetrics(nav_font).horizontalAdvance(title) for title, _w in self.screens)
        self.nav.setFixedWidth(max(150, widest + 22 + 48))  # icon, paddings, selection margins

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.statusBar().addPermanentWidget(self.count_label)
        self.db_label = QLabel(str(services.db.path))
        theme.style(self.db_label, "color: $muted;")
        self.statusBar().addPermanentWidget(self.db_label)
        if services.db.read_only:
            warning = QLabel(self.tr("Read-only: changes cannot be saved"))
            warning.setObjectName("readOnlyBadge")
            from loyaldesk.core.db import read_only_error

            warning.setToolTip(read_only_error(services.db.path, services.db.read_only_reason).message)  # why
            theme.style(warning, "background: $overdue_bg; color: $overdue_fg; padding: 0 6px; font-weight: bold;")
            self.statusBar().addPermanentWidget(warning)

        # What was just done, said in the status bar, with Undo when it can be taken back.
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setObjectName("statusUndo")
        self.undo_button.setAccessibleName(self.tr("Undo the last action"))
        services.writes.guard(self.undo_button)
        self.undo_button.setToolTip(self.tr("Undo (Ctrl+Z)"))
        self.undo_button.hide()
        self.undo_button.clicked.connect(self._on_undo_button_clicked)
        self.statusBar().insertPermanentWidget(0, self.undo_button)
        self.statusBar().messageChanged.connect(self._on_status_message_changed)
        self._undo_index = services.undo_stack.index()
        services.undo_stack.indexChanged.connect(self._on_undo_stack_index_changed)
        services.notice.connect(self.show_notice)

        self.clients_screen.counts_changed.connect(self._on_clients_counts_changed)
        self.clients_screen.selection_changed.connect(self._on_clients_selection_changed)
        self.clients_screen.error_raised.connect(self.show_error)
        services.failed.connect(self.show_error)
        services.data_changed.connect(self._on_services_data_changed)
        self._build_menus()
        from loyaldesk.ui import access

        access.prepare(self)  # Tab leaves every list and text box; Return, Space and Delete act on rows
        self._restore_layout()
        self._show_start_screen()
        self.clients_screen._emit_counts()
        self._on_clients_selection_changed(self.clients_screen.current_client())

    # --- menus -------------------------------------------------------------------------
    def _action(self, text: str, slot, shortcut=None, icon: str | None = None) -> QAction:
        action = QAction(text, self)
        if icon:
            action.setIcon(labels.icon(icon))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        screen = self.clients_screen
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.open_action = self._action(self.tr("&Open database…"), self._on_open_database, QKeySequence.StandardKey.Open)
        self.new_db_action = self._action(self.tr("&New database…"), self._on_new_database)
        file_menu.addAction(self.open_action)
        file_menu.addAction(self.new_db_action)
        file_menu.addSeparator()
        self.import_clients_action = self._action(self.tr("&Import clients…"), self._on_import_clients, "Ctrl+I", "import")
        self.import_sessions_action = self._action(self.tr("Import &sessions (sales history)…"), self._on_import_sessions)
        self.import_calendar_action = self._action(self.tr("Import sessions from a &calendar (.ics)…"),
                                                   self._on_import_calendar)
        self.export_action = self._action(self.tr("&Export…"), self._on_export, "Ctrl+Shift+E")
        file_menu.addAction(self.import_clients_action)
        file_menu.addAction(self.import_sessions_action)
        file_menu.addAction(self.import_calendar_action)
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        self.backups_action = self._action(self.tr("&Backups…"), self._on_backups, None, "backup")
        file_menu.addAction(self.backups_action)
        file_menu.addSeparator()
        self.prefs_action = self._action(self.tr("&Preferences…"), self._on_preferences, QKeySequence.StandardKey.Preferences)
        file_menu.addAction(self.prefs_action)
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit))

        edit_menu = bar.addMenu(self.tr("&Edit"))
        undo = self.services.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.services.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        edit_menu.addSeparator()
        self.find_action = self._action(self.tr("&Find client"), self._on_find, QKeySequence.StandardKey.Find, "search")
        edit_menu.addAction(self.find_action)
        from loyaldesk.ui.search.wiring import SearchWiring

        self.search_wiring = SearchWiring(self)  # Search everything (Ctrl+Shift+F); the search index's build
        edit_menu.addAction(self.search_wiring.action)

        client_menu = bar.addMenu(self.tr("&Client"))
        self.new_client_action = self._action(self.tr("&New client…"), self._go_clients(screen.new_client), QKeySequence.StandardKey.New, "add")
        self.edit_client_action = self._action(self.tr("&Edit client…"), screen.edit_client, "Ctrl+E", "edit")
        self.log_session_action = self._action(self.tr("Log &session…"), screen.log_session, "Ctrl+Shift+S", "session")
        self.log_contact_action = self._action(self.tr("Log &contact…"), screen.log_contact, "Ctrl+L", "contact")
        self.add_tag_action = self._action(self.tr("Add &tag or role…"), screen.add_tag, "Ctrl+T", "tag")
        self.archive_action = self._action(self.tr("&Archive"), screen.toggle_archive, "Ctrl+Shift+A", "archive")
        self.delete_action = self._action(self.tr("&Delete permanently…"), screen.delete_client, None, "delete")
        self.export_vcard_action = self._action(self.tr("Export selected as &vCard…"), self._on_export_vcard)
        for action in (self.new_client_action, self.edit_client_action, self.log_session_action,
                       self.log_contact_action, self.add_tag_action):
            client_menu.addAction(action)
        client_menu.addSeparator()
        self.write_letter_action = self._action(self.tr("&Write letter to selected…"), self._on_write_letter,
                                                None, "letter")
        client_menu.addAction(self.write_letter_action)
        self.print_addresses_action = self._action(self.tr("Print &addresses for selected…"),
                                                   self._on_print_addresses, None, "postcard")
        client_menu.addAction(self.print_addresses_action)
        client_menu.addAction(self.export_vcard_action)
        client_menu.addSeparator()
        client_menu.addAction(self.archive_action)
        client_menu.addAction(self.delete_action)

        view_menu = bar.addMenu(self.tr("&View"))
        self.overdue_action = QAction(self.tr("&Overdue only"), self, checkable=True)
        self.overdue_action.setShortcut(QKeySequence("Ctrl+Shift+O"))
        self.overdue_action.toggled.connect(screen.overdue_only.setChecked)
        screen.overdue_only.toggled.connect(self.overdue_action.setChecked)
        self.archived_action = QAction(self.tr("&Archived clients"), self, checkable=True)
        self.archived_action.toggled.connect(screen.show_archived)
        screen.archived_toggle.toggled.connect(self.archived_action.setChecked)
        view_menu.addAction(self.overdue_action)
        view_menu.addAction(self.archived_action)
        view_menu.addSeparator()
        view_menu.addAction(self._action(self.tr("&Refresh"), self.services.reload_all, QKeySequence.StandardKey.Refresh))

        # Nothing can be written into a read-only practice: these stay disabled, saying why.
        self.services.writes.guard(
            self.import_clients_action, self.import_sessions_action, self.import_calendar_action, undo, redo,
            self.new_client_action, self.edit_client_action, self.log_session_action, self.log_contact_action,
            self.add_tag_action, self.archive_action, self.delete_action)
        for menu in (file_menu, edit_menu, client_menu):
            menu.setToolTipsVisible(self.services.read_only)  # a disabled write says why when hovered

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("&About LoyalDesk"), self._on_about))

    def _go_clients(self, slot):
        def run() -> None:
            self.show_screen(self.clients_screen)
            slot()

        return run

    # --- screens -----------------------------------------------------------------------
    def _show_start_screen(self) -> None:
        if self.services.clients.count(include_archived=True) == 0:
            self.stack.setCurrentWidget(self.welcome)
            self.nav.hide()  # the welcome page is the whole window until there is a client
        else:
            self.show_screen(self.dashboard)  # the app opens on whom to contact today

    def show_screen(self, widget: QWidget) -> None:
        self.nav.show()
        for row, (_title, screen) in enumerate(self.screens):
            if screen is widget:
                self.nav.setCurrentRow(row)
        self.stack.setCurrentWidget(widget)

    def _on_nav_row_changed(self, row: int) -> None:
        if 0 <= row < len(self.screens):
            self.stack.setCurrentWidget(self.screens[row][1])

    def _on_welcome_currency_chosen(self, code: str) -> None:
        try:
            self.services.set_currency(code)  # a practice with sessions is refused: amounts are not converted
        except LoyalDeskError as exc:
            self.welcome.set_currency(self.services.currency())
            self.show_error(exc)

    def _on_welcome_protect(self) -> None:
        from loyaldesk.ui.security import NewPassphraseDialog

        dialog = NewPassphraseDialog(self.services.db.path, self)
        if dialog.exec() and dialog.result_change is not None:
            self.protection_change_requested.emit(dialog.result_change)

    def _on_welcome_start_empty(self) -> None:
        self.show_screen(self.clients_screen)
        self.clients_screen.new_client()

    def _on_welcome_sample(self) -> None:
        from loyaldesk.core import demo
        from loyaldesk.core.db import open_database

        path = self.services.db.path

        def work(progress):
            with open_database(path) as db:  # a connection of the worker's own
                return demo.generate(db, clients=120, progress=progress.report, is_cancelled=lambda: progress.cancelled)

        self.welcome.setEnabled(False)
        op = run_in_background(self, self.tr("Writing the sample practice…"), work)
        op.finished.connect(self._on_sample_finished)
        op.failed.connect(self._on_sample_failed)
        op.cancelled.connect(lambda: self.welcome.setEnabled(True))
        self._sample_op = op

    def _on_sample_finished(self, summary) -> None:
        self.welcome.setEnabled(True)
        self.services.reload_all()
        self.show_screen(self.dashboard)
        self.statusBar().showMessage(
            self.tr("Sample practice loaded: %1 clients, %2 sessions.")
            .replace("%1", str(summary.clients)).replace("%2", f"{summary.sessions:,}"), 8000)

    def _on_sample_failed(self, exc) -> None:
        self.welcome.setEnabled(True)
        self.show_error(exc)

    def _on_reports_client_open_requested(self, client_id: int) -> None:
        self.show_screen(self.clients_screen)
        self.clients_screen.show_client(client_id)

    def _on_write_letter(self) -> None:
        ids = self.clients_screen.selected_client_ids()
        if ids:
            self.show_screen(self.letters_screen)
            self.letters_screen.start_with_clients(ids)

    def _on_print_addresses(self) -> None:
        ids = self.clients_screen.selected_client_ids()
        if ids:
            self.show_screen(self.addresses_screen)
            self.addresses_screen.start_with_clients(ids)

    def _on_dashboard_letter_requested(self, suggestions: list) -> None:
        self.show_screen(self.letters_screen)
        self.letters_screen.start_with_suggestions(suggestions)

    def _on_dashboard_batch_requested(self, batch) -> None:
        """A group mailing of Today: the tool that prepares it, with its clients chosen."""
        if batch.tool == "postcards" and batch.season and batch.year:
            self.show_screen(self.addresses_screen)
            self.addresses_screen.start_with_season_batch(batch.client_ids, batch.season, batch.year)
        elif batch.tool == "event" and batch.event_id is not None:
            self.show_screen(self.events_screen)
            self.events_screen.select_event(batch.event_id)
        elif batch.tool == "feedback":
            self.show_screen(self.events_screen)
            self.events_screen.show_feedback_rounds()
        else:
            self.show_screen(self.letters_screen)
            self.letters_screen.start_with_suggestions(batch.suggestions)

    def _on_events_client_open_requested(self, client_id: int) -> None:
        self.show_screen(self.clients_screen)
        self.clients_screen.show_client(client_id)

    def _on_dashboard_event_open_requested(self, event_id: int) -> None:
        self.show_screen(self.events_screen)
        self.events_screen.select_event(event_id)

    def _on_dashboard_role_assignment_requested(self, client_id: int) -> None:
        self.show_screen(self.clients_screen)
        self.clients_screen.show_client(client_id)
        self.clients_screen.add_tag()

    def _on_dashboard_client_open_requested(self, client_id: int) -> None:
        self.show_screen(self.clients_screen)
        self.clients_screen.show_client(client_id)

    def _on_services_data_changed(self, _change) -> None:
        if self.stack.currentWidget() is self.welcome and self.services.clients.count(include_archived=True):
            self.show_screen(self.dashboard)

    def _on_clients_selection_changed(self, client) -> None:
        """Client actions apply to the selected client; disable them when there is none."""
        has = client is not None
        writable = not self.services.db.read_only
        for action in (self.edit_client_action, self.log_session_action, self.log_contact_action,
                       self.add_tag_action):
            action.setEnabled(has and writable)
        self.archive_action.setEnabled(has and writable)
        self.archive_action.setText(self.tr("&Restore") if has and client.archived else self.tr("&Archive"))
        self.delete_action.setEnabled(has and writable and client.archived)
        self.export_vcard_action.setEnabled(has)
        self.write_letter_action.setEnabled(has)
        self.print_addresses_action.setEnabled(has)
        self.new_client_action.setEnabled(writable)

    def _on_clients_counts_changed(self, shown: int, overdue: int) -> None:
        self.count_label.setText(
            self.tr("%1 clients · %2 overdue").replace("%1", f"{shown:,}").replace("%2", f"{overdue:,}"))

    # --- feedback ----------------------------------------------------------------------
    NOTICE_MS = 10000

    def show_notice(self, text: str, undoable: bool = False) -> None:
        """A short message in the status bar; Undo beside it when the action can be taken back."""
        self.statusBar().showMessage(text, self.NOTICE_MS)
        self.undo_button.setVisible(undoable and self.services.undo_stack.canUndo())

    def _on_status_message_changed(self, text: str) -> None:
        if not text:
            self.undo_button.hide()

    def _on_undo_button_clicked(self) -> None:
        self.services.undo_stack.undo()

    def _on_undo_stack_index_changed(self, index: int) -> None:
        stack = self.services.undo_stack
        try:
            undone = index < self._undo_index and 0 <= index < stack.count()  # by the button, Ctrl+Z or Today
        except RuntimeError:  # the stack is being destroyed with the services (closing)
            return
        if undone:
            self.show_notice(self.tr("Undone: %1").replace("%1", stack.text(index)))
        self._undo_index = index

    # --- actions -----------------------------------------------------------------------
    def show_error(self, exc) -> None:
        if isinstance(exc, LoyalDeskError):
            QMessageBox.warning(self, self.tr("LoyalDesk"), exc.message)
        else:
            QMessageBox.critical(
                self, self.tr("LoyalDesk"),
                self.tr("Something went wrong: %1\nNothing already saved was lost. Details are in the log file.")
                .replace("%1", str(exc)))

    def _on_find(self) -> None:
        self.show_screen(self.clients_screen)
        self.clients_screen.focus_search()

    def _db_filter(self) -> str:
        return self.tr("LoyalDesk database (*.db *.sqlite *.sqlite3);;All files (*)")

    def _on_open_database(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open database"), str(self.services.db.path.parent), self._db_filter())
        if path:
            self.open_database_requested.emit(path)

    def _on_new_database(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("New database"), str(self.services.db.path.parent / "loyaldesk.db"), self._db_filter())
        if path:
            self.open_database_requested.emit(path)

    def _import_filter(self, kind: str) -> str:
        if kind == "clients":
            return self.tr("Clients (*.csv *.tsv *.txt *.xlsx *.vcf *.zip);;All files (*)")
        if kind == "calendar":
            return self.tr("Calendars (*.ics);;All files (*)")
        return self.tr("Sales history (*.csv *.tsv *.txt *.xlsx);;Calendars (*.ics);;All files (*)")

    def _on_import_clients(self) -> None:
        self._import("clients")

    def _on_import_sessions(self) -> None:
        self._import("sessions")

    def _on_import_calendar(self) -> None:
        self._import("calendar")

    def _import(self, kind: str) -> None:
        from pathlib import Path

        from loyaldesk.core.io import files
        from loyaldesk.ui.transfer.import_dialog import ImportDialog

        title = {"clients": self.tr("Import clients"), "calendar": self.tr("Import sessions from a calendar")}.get(
            kind, self.tr("Import sessions"))
        path, _ = QFileDialog.getOpenFileName(self, title, str(Path.home()), self._import_filter(kind))
        if not path:
            return
        if Path(path).suffix.lower() == ".ics" or kind == "calendar":  # a calendar: its events are sessions
            self.open_calendar_import(Path(path))
            return
        try:
            fmt = files.file_format(Path(path))
        except LoyalDeskError as exc:
            self.show_error(exc)
            return
        if fmt == "archive":
            self._import_archive(Path(path))
            return
        dialog = ImportDialog(self.services, Path(path), kind, self)
        dialog.imported.connect(self._on_imported)
        dialog.start()
        dialog.exec()

    def open_calendar_import(self, path) -> None:
        from loyaldesk.ui.transfer.calendar_dialog import CalendarImportDialog

        dialog = CalendarImportDialog(self.services, path, self)
        dialog.imported.connect(self._on_calendar_imported)
        dialog.start()
        dialog.exec()

    def _on_calendar_imported(self, result) -> None:
        self.show_screen(self.clients_screen)
        self.statusBar().showMessage(
            self.tr("Calendar imported: %1 sessions added, %2 moved, %3 next sessions.")
            .replace("%1", f"{result.added:,}").replace("%2", f"{result.updated:,}")
            .replace("%3", f"{result.upcoming:,}"), 10000)

    def _on_imported(self, result) -> None:
        self.show_screen(self.clients_screen)
        self.statusBar().showMessage(
            self.tr("Imported: %1 added, %2 merged, %3 skipped.")
            .replace("%1", f"{result.added:,}").replace("%2", f"{result.merged:,}")
            .replace("%3", f"{result.skipped + result.errors:,}"), 10000)

    def _unlock_archive(self, path) -> bool:
        """An encrypted archive: its passphrase, asked until right (False if the user cancels)."""
        from loyaldesk.core import cipher
        from loyaldesk.core.errors import PassphraseRequiredError, WrongPassphraseError
        from loyaldesk.core.io.export import open_archive
        from loyaldesk.ui.security import PassphraseDialog

        try:
            open_archive(path).close()
        except (PassphraseRequiredError, WrongPassphraseError):
            def check(passphrase: str) -> None:
                open_archive(path, [passphrase]).close()  # WrongPassphraseError when it does not open
                cipher.remember(passphrase)

            return PassphraseDialog(path, self, archive=True, check=check).exec() == QDialog.DialogCode.Accepted
        except Exception:  # noqa: BLE001 - a damaged archive: the import itself says what is wrong
            return True
        return True

    def _import_archive(self, path) -> None:
        """A LoyalDesk archive (.zip) goes whole into an empty database."""
        from loyaldesk.core.db import open_database
        from loyaldesk.core.io.export import import_zip

        db_path = self.services.db.path
        if not self._unlock_archive(path):
            return

        def work(progress):
            from loyaldesk.core import backup

            with open_database(db_path, create=False) as db:
                backup.create_backup(db, "import")  # a failing backup stops the import
                return import_zip(db, path, progress=progress.report)

        op = run_in_background(self, self.tr("Importing the archive…"), work)
        op.finished.connect(lambda counts: (self.services.reload_all(), self.show_screen(self.clients_screen),
                                            self.statusBar().showMessage(self.tr("Archive imported."), 10000)))
        op.failed.connect(self.show_error)
        self._archive_op = op

    def _on_export(self) -> None:
        from loyaldesk.ui.transfer.export_action import run_export

        run_export(self, self.services, lambda text: self.statusBar().showMessage(text, 10000))

    def _on_export_vcard(self) -> None:
        from loyaldesk.ui.transfer.export_action import run_vcard_export

        run_vcard_export(self, self.services, self.clients_screen.selected_client_ids(),
                         lambda text: self.statusBar().showMessage(text, 10000))

    def _on_backups(self) -> None:
        from loyaldesk.ui.backups import BackupsDialog

        dialog = BackupsDialog(self.services.db.path, self)
        dialog.restore_requested.connect(self.restore_backup_requested)
        self.services.writes.guard(dialog.restore_button)  # a read-only file cannot be replaced
        dialog.exec()

    def _on_preferences(self) -> None:
        dialog = PreferencesDialog(self.services, self.prefs, self)
        if dialog.exec() and dialog.language_changed:
            QMessageBox.information(self, self.tr("Preferences"),
                                    self.tr("The new language is used the next time LoyalDesk starts."))
        if dialog.protection_change is not None:
            self.protection_change_requested.emit(dialog.protection_change)

    def _on_about(self) -> None:
        QMessageBox.about(
            self, self.tr("About LoyalDesk"),
            self.tr("<h3>LoyalDesk %1</h3><p>Clients, sessions and the contact rhythm of your practice, "
                    "in one file on this computer. LoyalDesk never connects to the network.</p>"
                    "<p>Database: %2</p><p>Japanese font: IPAex (IPA Font License).</p>")
            .replace("%1", __version__).replace("%2", str(self.services.db.path)))

    def _update_title(self) -> None:
        title = f"LoyalDesk — {self.services.db.path.name}"
        if self.services.db.read_only:
            title += " " + self.tr("(read-only)")
        self.setWindowTitle(title)

    # --- layout memory -----------------------------------------------------------------
    LAYOUT_KEYS = ("window_geometry", "window_state", "clients_splitter", "clients_header", "dashboard_splitter")

    def screen_key(self) -> str:
        """The available geometry of the screen the window is on ("1280x720"): layouts are kept per size."""
        screen = self.screen()
        if screen is None:
            return ""
        size = screen.availableGeometry().size()
        return f"{size.width()}x{size.height()}"

    def _fit_default_size(self) -> None:
        screen = self.screen()
        if screen is not None:
            room = screen.availableGeometry().size()
            self.resize(min(self.width(), room.width()), min(self.height(), room.height()))

    def _restore_layout(self) -> None:
        saved = self.prefs.layouts.get(self.screen_key())
        if saved is None and not self.prefs.layouts:  # a layout saved before they were kept per screen size
            saved = {key: getattr(self.prefs, key) for key in self.LAYOUT_KEYS}
        if not saved:
            self._fit_default_size()
            return
        if saved.get("window_geometry"):
            self.restoreGeometry(QByteArray.fromBase64(saved["window_geometry"].encode()))
        else:
            self._fit_default_size()
        if saved.get("window_state"):
            self.restoreState(QByteArray.fromBase64(saved["window_state"].encode()))
        self.clients_screen.restore_layout(saved.get("clients_splitter", ""), saved.get("clients_header", ""))
        self.dashboard.restore_layout(saved.get("dashboard_splitter", ""))

    def save_layout(self) -> None:
        clients = self.clients_screen.save_layout()
        layout = {"window_geometry": bytes(self.saveGeometry().toBase64()).decode(),
                  "window_state": bytes(self.saveState().toBase64()).decode(),
                  "clients_splitter": clients["splitter"], "clients_header": clients["header"],
                  "dashboard_splitter": self.dashboard.save_layout()}
        for key, value in layout.items():  # the last one used, also where older versions read it
            setattr(self.prefs, key, value)
        key = self.screen_key()
        if key:
            self.prefs.layouts[key] = layout
        self.prefs.last_db = str(self.services.db.path)
        self.prefs.save()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        super().closeEvent(event)
