"""Import sessions from a calendar (.ics) with a preview: every event's fate (add, update, skip, unmatched,
next session) shown before anything is written; unmatched events listed with their title and date for the
user to assign to a client or leave out (loyaldesk.core.io.calendar, docs/calendar.md)."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from loyaldesk.core.db import open_database
from loyaldesk.core.errors import LoyalDeskError
from loyaldesk.core.io import calendar
from loyaldesk.ui import theme
from loyaldesk.ui.ops import run_in_background
from loyaldesk.ui.services import AppServices

ACTION_COLORS = {
    calendar.ADD: "import_add",
    calendar.UPDATE: "import_merge",
    calendar.SKIP: "import_skip",
    calendar.UNMATCHED: "import_guess_bg",
    calendar.UPCOMING: "import_merge",
}
PREVIEW_LIMIT = 5000  # rows shown (every event is imported)
CHOOSER_LIMIT = 300  # unmatched rows that get a client chooser in the table


@dataclass
class _Prepared:
    plan: calendar.CalendarPlan
    clients: list[tuple[int, str]]
    kinds: calendar.KindMap
    me: list[str]
    zone: str  # the practice's time zone ('' = this computer's)


class CalendarImportDialog(QDialog):
    imported = Signal(object)  # CalendarResult

    def __init__(self, services: AppServices, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.path = Path(path)
        self.prepared: _Prepared | None = None
        self.result_summary = None
        self._op = None
        today = services.as_of()
        self.today = today
        self.now = dt.datetime.now() if today == dt.date.today() else dt.datetime.combine(today, dt.time(23, 59))
        self.setWindowTitle(self.tr("Import sessions from a calendar"))
        from loyaldesk.ui.layouts import fit_to_screen

        fit_to_screen(self, 1000, 700)

        self.file_label = QLabel()
        self.file_label.setObjectName("calendarFile")
        self.file_label.setWordWrap(True)

        self.from_date = QDateEdit()
        self.from_date.setObjectName("calendarFrom")
        self.to_date = QDateEdit()
        self.to_date.setObjectName("calendarTo")
        for edit in (self.from_date, self.to_date):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        start = calendar.years_before(today, calendar.DEFAULT_YEARS)
        self.from_date.setDate(QDate(start.year, start.month, start.day))
        self.to_date.setDate(QDate(today.year, today.month, today.day))
        self.all_day = QCheckBox(self.tr("Keep all-day events"))
        self.all_day.setObjectName("calendarAllDay")
        self.me_edit = QLineEdit()
        self.me_edit.setObjectName("calendarMe")
        self.me_edit.setPlaceholderText(self.tr("e.g. you@example.com, you@office.example"))
        self.me_edit.setToolTip(self.tr("Events you declined are skipped; you are never taken for a client."))
        self.zone_combo = QComboBox()
        self.zone_combo.setObjectName("calendarZone")
        self.zone_combo.setEditable(True)
        self.zone_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        offset = dt.datetime.now().astimezone().strftime("%z")
        self.zone_combo.addItem(self.tr("This computer's (UTC%1)").replace("%1", f"{offset[:3]}:{offset[3:]}"), "")
        from zoneinfo import available_timezones

        for name in sorted(available_timezones()):
            if "/" in name and not name.startswith(("Etc/", "SystemV/", "posix/", "right/")):
                self.zone_combo.addItem(name, name)
        self.zone_combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.zone_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.zone_combo.setMinimumContentsLength(18)
        self.zone_combo.setToolTip(self.tr("Sessions are dated in the practice's time zone; events in other zones "
                                           "are converted."))
        self.reread_button = QPushButton(self.tr("Read again"))
        self.reread_button.clicked.connect(self._on_reread_clicked)
        period = QHBoxLayout()
        period.addWidget(QLabel(self.tr("From:")))
        period.addWidget(self.from_date)
        period.addWidget(QLabel(self.tr("To:")))
        period.addWidget(self.to_date)
        period.addSpacing(12)
        period.addWidget(QLabel(self.tr("Time zone:")))
        period.addWidget(self.zone_combo)
        period.addStretch(1)
        all_day_row = QHBoxLayout()
        all_day_row.addWidget(self.all_day)
        all_day_row.addStretch(1)
        me_row = QHBoxLayout()
        me_row.addWidget(QLabel(self.tr("Your e-mails in the calendar:")))
        me_row.addWidget(self.me_edit, 1)
        me_row.addWidget(self.reread_button)

        self.default_kind = QLineEdit()
        self.default_kind.setObjectName("calendarDefaultKind")
        self.keywords = QPlainTextEdit()
        self.keywords.setObjectName("calendarKeywords")
        self.keywords.setPlaceholderText(self.tr("one per line: keyword = kind, e.g. セミナー = seminar"))
        self.keywords.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.keywords.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 16)
        self.default_kind.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 10)
        kinds_box = QGroupBox(self.tr("Session kinds"))
        kinds_form = QFormLayout(kinds_box)
        kinds_form.addRow(self.tr("Kind when no keyword is found:"), self.default_kind)
        kinds_form.addRow(self.tr("Keywords in the title:"), self.keywords)

        options = QGroupBox(self.tr("Events"))
        options_layout = QVBoxLayout(options)
        options_layout.addLayout(period)
        options_layout.addLayout(all_day_row)
        options_layout.addLayout(me_row)
        top = QHBoxLayout()
        top.addWidget(options, 3)
        top.addWidget(kinds_box, 2)

        self.summary_label = QLabel()
        self.summary_label.setObjectName("calendarSummary")
        self.summary_label.setStyleSheet("font-weight: bold;")
        self.summary_label.setWordWrap(True)
        self.unmatched_only = QCheckBox(self.tr("Only events without a client"))
        self.unmatched_only.setObjectName("calendarUnmatchedOnly")
        self.unmatched_only.toggled.connect(self._fill_preview)
        self.preview = QTableWidget(0, 6)
        self.preview.setObjectName("calendarPreview")
        self.preview.setHorizontalHeaderLabels([self.tr("Event"), self.tr("Date"), self.tr("Action"), self.tr("Client"),
                                                self.tr("Title"), self.tr("Details")])
        self.preview.verticalHeader().hide()
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.preview.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.preview.setWordWrap(False)
        header = self.preview.horizontalHeader()
        for col in (0, 1, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.preview.setColumnWidth(3, 220)
        self.preview.setColumnWidth(4, 260)

        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setObjectName("calendarImportButton")
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self._on_import_clicked)
        self.import_button.setEnabled(False)
        buttons = QHBoxLayout()
        self.hint_label = QLabel(self.tr("Nothing is written until you choose Import."))
        self.hint_label.setWordWrap(True)
        buttons.addWidget(self.hint_label, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.import_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.file_label)
        layout.addLayout(top)
        summary_row = QHBoxLayout()
        summary_row.addWidget(self.summary_label, 1)
        summary_row.addWidget(self.unmatched_only)
        layout.addLayout(summary_row)
        layout.addWidget(self.preview, 1)
        layout.addLayout(buttons)

    # --- preparing ---------------------------------------------------------------------
    def start(self) -> None:
        """Read the file and plan the import in the background (the saved kind map and e-mails first)."""
        self._prepare(first=True)

    def _options(self) -> tuple[dt.date, dt.date, bool, list[str], calendar.KindMap | None]:
        start = self.from_date.date().toPython()
        end = self.to_date.date().toPython()
        me = [p.strip() for p in self.me_edit.text().replace(";", ",").split(",") if p.strip()]
        kinds = calendar.KindMap.from_text(self.keywords.toPlainText(), self.default_kind.text())
        return start, end, self.all_day.isChecked(), me, kinds

    def _zone(self) -> str:
        """The time zone chosen ('' = this computer's); a name typed that is not in the list is taken as typed."""
        index = self.zone_combo.findText(self.zone_combo.currentText())
        return self.zone_combo.itemData(index) if index >= 0 else self.zone_combo.currentText().strip()

    def _prepare(self, first: bool = False) -> None:
        db_path = self.services.db.path
        path, today, now = self.path, self.today, self.now
        start, end, keep_all_day, me, kinds = self._options()
        chosen_zone = self._zone()
        assignments = dict(self.prepared.plan.assignments) if self.prepared else {}

        def work(progress):
            with open_database(db_path, create=False) as db:
                saved_kinds = calendar.load_kind_map(db) if first else kinds
                saved_me = calendar.load_me(db) if first else me
                zone_name = calendar.zone_name(db) if first else chosen_zone
                zone = calendar.practice_zone(None, zone_name)
                source = calendar.read_calendar(path, start=start, end=end, zone=zone, today=today,
                                                is_cancelled=lambda: progress.cancelled)
                progress.report(0.4)
                plan = calendar.plan_calendar_import(db, source, keep_all_day=keep_all_day, me=saved_me,
                                                     kinds=saved_kinds, assignments=assignments, now=now,
                                                     is_cancelled=lambda: progress.cancelled)
                return _Prepared(plan, calendar.client_choices(db), saved_kinds, list(saved_me), zone_name)

        self.import_button.setEnabled(False)
        op = run_in_background(self, self.tr("Reading %1…").replace("%1", path.name), work)
        op.finished.connect(self._on_prepared)
        op.failed.connect(self._on_failed)
        op.cancelled.connect(self._on_prepare_cancelled)
        self._op = op

    def _on_prepare_cancelled(self) -> None:
        if self.prepared is None:
            self.reject()
        else:
            self.import_button.setEnabled(True)

    def _on_failed(self, exc) -> None:
        message = exc.message if isinstance(exc, LoyalDeskError) else str(exc)
        QMessageBox.warning(self, self.windowTitle(), message)
        if self.prepared is None:
            self.reject()
        else:
            self.import_button.setEnabled(True)

    def _on_prepared(self, prepared: _Prepared) -> None:
        first = self.prepared is None
        self.prepared = prepared
        if first:
            self.default_kind.setText(prepared.kinds.default)
            self.keywords.setPlainText(prepared.kinds.to_text())
            self.me_edit.setText(", ".join(prepared.me))
            index = self.zone_combo.findData(prepared.zone)
            if index >= 0:
                self.zone_combo.setCurrentIndex(index)
            else:
                self.zone_combo.setEditText(prepared.zone)
        plan = prepared.plan
        detail = self.tr("%1 events from %2 to %3 (and the booked ones ahead)")
        detail = (detail.replace("%1", f"{len(plan.items):,}").replace("%2", plan.start.isoformat())
                  .replace("%3", plan.end.isoformat()))
        self.file_label.setText("<b>" + html.escape(self.path.name) + "</b> — " + html.escape(detail))
        self._show_counts()
        self._fill_preview()

    def _show_counts(self) -> None:
        counts = self.prepared.plan.counts
        text = (self.tr("To add: %1 · to update: %2 · skipped: %3 · without a client: %4 · next sessions: %5")
                .replace("%1", f"{counts['add']:,}").replace("%2", f"{counts['update']:,}")
                .replace("%3", f"{counts['skip']:,}").replace("%4", f"{counts['unmatched']:,}")
                .replace("%5", f"{counts['upcoming']:,}"))
        self.summary_label.setText(text)
        self.import_button.setEnabled(counts["add"] + counts["update"] + counts["upcoming"] > 0)

    def _on_reread_clicked(self) -> None:
        if self.prepared is not None:
            self._prepare()

    def _action_labels(self) -> dict[str, str]:
        return {
            calendar.ADD: self.tr("add"),
            calendar.UPDATE: self.tr("update"),
            calendar.SKIP: self.tr("skip"),
            calendar.UNMATCHED: self.tr("no client"),
            calendar.UPCOMING: self.tr("next session"),
        }

    def _fill_preview(self, *_args) -> None:
        if self.prepared is None:
            return
        plan = self.prepared.plan
        items = plan.items
        if self.unmatched_only.isChecked():
            items = [i for i in items if i.action == calendar.UNMATCHED or i.assigned]
        shown = items[:PREVIEW_LIMIT]
        names = dict(self.prepared.clients)
        actions = self._action_labels()
        fg = QBrush(theme.color("import_fg"))
        choosers = 0
        self.preview.setUpdatesEnabled(False)
        self.preview.clearContents()
        self.preview.setRowCount(len(shown))
        for n, item in enumerate(shown):
            event = item.event
            brush = QBrush(theme.color(ACTION_COLORS[item.action]))
            client = names.get(item.client_id, "") if item.client_id else ""
            title = item.topic if item.topic and item.action in (calendar.ADD, calendar.UPCOMING) else event.summary
            cells = [str(event.number), event.when, actions[item.action], client,
                     title or self.tr("(no title)"), self._details(item)]
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setBackground(brush)
                cell.setForeground(fg)
                if col in (4, 5) and text:
                    cell.setToolTip(text if col == 5 else event.summary)
                self.preview.setItem(n, col, cell)
            if (item.action == calendar.UNMATCHED or item.assigned) and choosers < CHOOSER_LIMIT:
                choosers += 1
                self.preview.setCellWidget(n, 3, self._chooser(item))
        self.preview.setUpdatesEnabled(True)

    def _details(self, item: calendar.PlannedEvent) -> str:
        parts = [item.reason] if item.reason else []
        event = item.event
        if item.action in (calendar.ADD, calendar.UPCOMING):
            minutes = event.duration_minutes
            if minutes:
                parts.append(self.tr("%1 min").replace("%1", str(minutes)))
            if item.kind:
                parts.append(item.kind)
            if item.fee:
                from loyaldesk.core import money

                parts.append(money.format_amount(item.fee, item.currency or self.services.currency()))
        return " · ".join(parts)

    def _chooser(self, item: calendar.PlannedEvent) -> QComboBox:
        """Assign an unmatched event: the clients that matched first, then everyone (type to find)."""
        combo = QComboBox()
        combo.setObjectName("calendarAssign")
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.addItem(self.tr("— leave out —"), None)
        clients = self.prepared.clients
        first = [c for c in clients if c[0] in item.candidates]
        for cid, label in first + [c for c in clients if c[0] not in item.candidates]:
            combo.addItem(f"{label} #{cid}", cid)
        completer = combo.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        combo.setCurrentIndex(max(0, combo.findData(item.client_id)) if item.assigned else 0)
        combo.lineEdit().setPlaceholderText(self.tr("type a name…"))
        combo.activated.connect(lambda index, it=item, c=combo: self._on_assigned(it, c.itemData(index)))
        return combo

    def _on_assigned(self, item: calendar.PlannedEvent, client_id: int | None) -> None:
        self.prepared.plan.assign(item, client_id)
        self._show_counts()
        row = next((r for r in range(self.preview.rowCount())
                    if self.preview.item(r, 0) is not None and self.preview.item(r, 0).text() == str(item.event.number)),
                   None)
        if row is not None:
            self.preview.item(row, 2).setText(self._action_labels()[item.action])
            self.preview.item(row, 5).setText(self._details(item))
            brush = QBrush(theme.color(ACTION_COLORS[item.action]))
            for col in range(self.preview.columnCount()):
                if self.preview.item(row, col) is not None:
                    self.preview.item(row, col).setBackground(brush)

    def assign(self, event_number: int, client_id: int | None) -> None:
        """Assign an event by its number (what choosing in its row does)."""
        item = next(i for i in self.prepared.plan.items if i.event.number == event_number)
        self._on_assigned(item, client_id)

    # --- writing -----------------------------------------------------------------------
    def _on_import_clicked(self) -> None:
        if self.prepared is None:
            return
        plan = self.prepared.plan
        _, _, keep_all_day, me, kinds = self._options()
        zone = self._zone()
        changed = (kinds != self.prepared.kinds or me != self.prepared.me or keep_all_day != plan.keep_all_day
                   or zone != self.prepared.zone
                   or (plan.start, plan.end) != (self.from_date.date().toPython(), self.to_date.date().toPython()))
        if changed:  # the options were edited since the preview: show the preview that goes with them first
            self._prepare()
            return
        db_path = self.services.db.path

        def work(progress):
            with open_database(db_path, create=False) as db:
                from loyaldesk.core import backup

                backup.create_backup(db, "import")
                calendar.save_kind_map(db, kinds)
                calendar.save_me(db, me)
                calendar.save_zone(db, zone)
                progress.report(0.05)
                return calendar.apply_calendar_import(db, plan, progress=progress.report,
                                                      is_cancelled=lambda: progress.cancelled)

        self.import_button.setEnabled(False)
        op = run_in_background(self, self.tr("Importing…"), work)
        op.finished.connect(self._on_imported)
        op.failed.connect(self._on_import_failed)
        op.cancelled.connect(self._on_import_cancelled)
        self._op = op

    def _on_imported(self, result) -> None:
        self.result_summary = result
        self.services.reload_all()
        self.imported.emit(result)
        self.accept()

    def _on_import_failed(self, exc) -> None:
        self.import_button.setEnabled(True)
        message = exc.message if isinstance(exc, LoyalDeskError) else str(exc)
        QMessageBox.warning(self, self.windowTitle(),
                            message + "\n\n" + self.tr("Nothing was imported; your data is unchanged."))

    def _on_import_cancelled(self) -> None:
        self.import_button.setEnabled(True)
        QMessageBox.information(self, self.windowTitle(), self.tr("Import cancelled; nothing was written."))
