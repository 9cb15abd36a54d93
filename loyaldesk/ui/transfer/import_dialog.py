"""Import with a preview: the file's columns mapped to client fields, every row's fate shown
(add, merge, skip, error with its row number and reason) before anything is written."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from loyaldesk.core.db import open_database
from loyaldesk.core.errors import LoyalDeskError
from loyaldesk.core.io import files, importer
from loyaldesk.core.io.records import CLIENT_FIELDS, SESSION_FIELDS
from loyaldesk.ui.ops import run_in_background
from loyaldesk.ui.services import AppServices
from loyaldesk.ui import theme
from loyaldesk.ui.labels import list_text

ACTION_COLORS = {  # theme colours (light or dark with the palette) of the rows' planned actions
    importer.ADD: "import_add",
    importer.MERGE: "import_merge",
    importer.SKIP: "import_skip",
    importer.ERROR: "import_error",
}
PREVIEW_LIMIT = 5000  # rows shown in the preview table (all rows are imported)


@dataclass
class _Prepared:
    loaded: files.LoadedFile
    plan: object  # ClientImportPlan or SessionImportPlan


class ImportDialog(QDialog):
    imported = Signal(object)  # ImportResult

    def __init__(self, services: AppServices, path: Path, kind: str = "clients", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.path = Path(path)
        self.kind = kind
        self.prepared: _Prepared | None = None
        self.result_summary = None
        self.setWindowTitle(self.tr("Import clients") if kind == "clients" else self.tr("Import sessions"))
        from loyaldesk.ui.layouts import fit_to_screen

        fit_to_screen(self, 980, 680)

        self.file_label = QLabel()
        self.file_label.setWordWrap(True)
        # a workbook's sheets (every sheet is offered) and the row of the column names
        self.sheet_combo = QComboBox()
        self.sheet_combo.setObjectName("importSheet")
        self.sheet_combo.activated.connect(self._on_sheet_chosen)
        self.sheet_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.header_row = QSpinBox()
        self.header_row.setObjectName("importHeaderRow")
        self.header_row.setRange(1, 1000)
        self.header_row_button = QPushButton(self.tr("Read again"))
        self.header_row_button.clicked.connect(self._on_header_row_chosen)
        source_row = QHBoxLayout()
        self.sheet_label = QLabel(self.tr("Sheet:"))
        source_row.addWidget(self.sheet_label)
        source_row.addWidget(self.sheet_combo)
        source_row.addSpacing(12)
        source_row.addWidget(QLabel(self.tr("Column names in row:")))
        source_row.addWidget(self.header_row)
        source_row.addWidget(self.header_row_button)
        source_row.addStretch(1)
        self.source_box = QWidget()
        self.source_box.setLayout(source_row)
        self.source_box.setContentsMargins(0, 0, 0, 0)
        source_row.setContentsMargins(0, 0, 0, 0)
        self._sheet: str | None = None
        self._header_row: int | None = None
        self.doubts_label = QLabel()
        self.doubts_label.setObjectName("importDoubts")
        self.doubts_label.setWordWrap(True)
        theme.style(self.doubts_label, "background: $notice_bg; color: $notice_fg; padding: 4px;")
        self.doubts_label.hide()
        self.mapping_name = QLineEdit()
        self.mapping_name.setObjectName("importMappingName")
        self.mapping_name.setPlaceholderText(self.tr("optional: a name to use it again (import --mapping NAME)"))
        self.mapping_table = QTableWidget(0, 3)
        self.mapping_table.setHorizontalHeaderLabels([self.tr("Column in the file"), self.tr("Example"), self.tr("Imported as")])
        self.mapping_table.verticalHeader().hide()
        self.mapping_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.mapping_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.mapping_table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.mapping_table.setMaximumHeight(190)
        self.remap_button = QPushButton(self.tr("Apply the mapping"))
        self.remap_button.clicked.connect(self._on_remap_clicked)
        mapping_box = QGroupBox(self.tr("Columns"))
        mapping_layout = QVBoxLayout(mapping_box)
        mapping_layout.addWidget(self.source_box)
        mapping_layout.addWidget(self.doubts_label)
        mapping_layout.addWidget(self.mapping_table)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Save this mapping as:")))
        row.addWidget(self.mapping_name, 1)
        row.addStretch(1)
        row.addWidget(self.remap_button)
        mapping_layout.addLayout(row)
        self.mapping_box = mapping_box

        self.merge_radio = QRadioButton(self.tr("Known clients: fill their empty fields (merge)"))
        self.skip_radio = QRadioButton(self.tr("Known clients: skip the row"))
        self.merge_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.merge_radio)
        group.addButton(self.skip_radio)
        self.merge_radio.toggled.connect(self._on_remap_clicked)
        self.create_clients = QCheckBox(self.tr("Create the clients that are not found"))
        self.create_clients.toggled.connect(self._on_remap_clicked)
        options = QHBoxLayout()
        if kind == "clients":
            options.addWidget(self.merge_radio)
            options.addWidget(self.skip_radio)
        else:
            options.addWidget(self.create_clients)
        options.addStretch(1)

        self.summary_label = QLabel()
        self.summary_label.setObjectName("importSummary")
        self.summary_label.setStyleSheet("font-weight: bold;")
        self.problems_only = QCheckBox(self.tr("Only rows with something to look at"))
        self.problems_only.toggled.connect(self._fill_preview)
        self.preview = QTableWidget(0, 5)
        self.preview.setObjectName("importPreview")
        self.preview.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Action"), self.tr("Name"), self.tr("E-mail / date"),
                                                self.tr("Details")])
        self.preview.verticalHeader().hide()
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.preview.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        header = self.preview.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.preview.setColumnWidth(2, 160)
        self.preview.setColumnWidth(3, 180)

        self.save_errors_button = QPushButton(self.tr("Save the problem list…"))
        self.save_errors_button.clicked.connect(self._on_save_errors_clicked)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        self.import_button = QPushButton(self.tr("Import the valid rows"))
        self.import_button.setObjectName("importButton")
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self._on_import_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_errors_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.import_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.file_label)
        layout.addWidget(mapping_box)
        layout.addLayout(options)
        summary_row = QHBoxLayout()
        summary_row.addWidget(self.summary_label, 1)
        summary_row.addWidget(self.problems_only)
        layout.addLayout(summary_row)
        layout.addWidget(self.preview, 1)
        layout.addLayout(buttons)
        self.import_button.setEnabled(False)

    # --- preparing ---------------------------------------------------------------------
    def start(self) -> None:
        """Read the file and plan the import in the background."""
        self._prepare(mapping=None)

    def _fields(self) -> tuple[str, ...]:
        return CLIENT_FIELDS if self.kind == "clients" else SESSION_FIELDS

    def _prepare(self, mapping: dict[int, str] | None) -> None:
        db_path = self.services.db.path
        path, kind = self.path, self.kind
        duplicates = importer.MERGE if self.merge_radio.isChecked() else importer.SKIP
        create = self.create_clients.isChecked()
        sheet, header_row = self._sheet, self._header_row

        def work(progress):
            with open_database(db_path, create=False) as db:
                if files.file_format(path) == "vcard":
                    loaded = files.LoadedFile(path, "vcard")
                    records = files.read_vcard_records(path, db)
                else:
                    loaded = files.load_table(db, path, kind, sheet=sheet, header_row=header_row)
                    if mapping is not None:
                        loaded.mapping = mapping
                        loaded.doubts = {i: f for i, f in loaded.doubts.items() if i not in mapping}
                    records = files.session_records(loaded) if kind == "sessions" else files.client_records(loaded)
                progress.report(0.3)
                if kind == "sessions":
                    plan = importer.plan_session_import(db, records, create_clients=create,
                                                        is_cancelled=lambda: progress.cancelled)
                else:
                    plan = importer.plan_client_import(db, records, duplicates=duplicates,
                                                       is_cancelled=lambda: progress.cancelled)
                return _Prepared(loaded, plan)

        op = run_in_background(self, self.tr("Reading %1…").replace("%1", path.name), work)
        op.finished.connect(self._on_prepared)
        op.failed.connect(self._on_failed)
        op.cancelled.connect(self.reject)
        self._op = op

    def _on_failed(self, exc) -> None:
        message = exc.message if isinstance(exc, LoyalDeskError) else str(exc)
        QMessageBox.warning(self, self.windowTitle(), message)
        if self.prepared is None:
            self.reject()
        elif self.prepared.loaded.format == "table" and self.mapping_table.rowCount() == 0:
            self._fill_mapping(self.prepared.loaded)  # the file as it was read before
            self._show_doubts(self.prepared.loaded)

    def _on_prepared(self, prepared: _Prepared) -> None:
        self.prepared = prepared
        loaded = prepared.loaded
        rows = len(prepared.plan.items)
        if loaded.format == "vcard":
            detail = self.tr("vCard file · %1 contacts").replace("%1", f"{rows:,}")
        else:
            if loaded.encoding:
                detail = (self.tr("%1 · %2 rows · encoding %3").replace("%1", loaded.table.format.upper())
                          .replace("%2", f"{rows:,}").replace("%3", loaded.encoding))
            else:  # a workbook: the sheet read
                detail = (self.tr("%1 · sheet “%2” · %3 rows").replace("%1", loaded.table.format.upper())
                          .replace("%2", loaded.table.sheet).replace("%3", f"{rows:,}"))
        self.file_label.setText(f"<b>{self.path.name}</b> — {detail}")
        self.mapping_box.setVisible(loaded.format == "table")
        if loaded.format == "table":
            table = loaded.table
            sheets = list(getattr(table, "sheets", []) or [])
            self.sheet_label.setVisible(len(sheets) > 1)
            self.sheet_combo.setVisible(len(sheets) > 1)
            self.sheet_combo.clear()
            for name in sheets:
                rows_in = table.sheet_rows.get(name, 0)
                self.sheet_combo.addItem(self.tr("%1 (%2 rows)").replace("%1", name).replace("%2", f"{rows_in:,}"), name)
            if sheets:
                self.sheet_combo.setCurrentIndex(max(0, self.sheet_combo.findData(table.sheet)))
            self.header_row.setValue(table.header_row)
            headers_changed = [self.mapping_table.item(i, 0).text() for i in range(self.mapping_table.rowCount())
                               if self.mapping_table.item(i, 0) is not None] != list(loaded.headers)
            if self.mapping_table.rowCount() == 0 or headers_changed:
                self._fill_mapping(loaded)
            self._show_doubts(loaded)
        counts = prepared.plan.counts
        if self.kind == "clients":
            text = self.tr("To add: %1 · to merge: %2 · skipped: %3 · errors: %4")
            text = (text.replace("%1", f"{counts['add']:,}").replace("%2", f"{counts['merge']:,}")
                    .replace("%3", f"{counts['skip']:,}").replace("%4", f"{counts['error']:,}"))
        else:
            text = self.tr("Sessions to add: %1 · already recorded: %2 · errors: %3")
            text = (text.replace("%1", f"{counts['add']:,}").replace("%2", f"{counts['skip']:,}")
                    .replace("%3", f"{counts['error']:,}"))
        self.summary_label.setText(text)
        self.import_button.setEnabled(counts["add"] + counts["merge"] > 0)
        self.save_errors_button.setEnabled(bool(prepared.plan.problems()))
        self._fill_preview()

    def _fill_mapping(self, loaded: files.LoadedFile) -> None:
        labels = self._field_labels()
        self.mapping_table.setRowCount(len(loaded.headers))
        first_rows = loaded.table.rows[:3]
        for i, header in enumerate(loaded.headers):
            self.mapping_table.setItem(i, 0, QTableWidgetItem(header))
            example = " / ".join(cells[i] for _, cells in first_rows if i < len(cells) and cells[i])
            self.mapping_table.setItem(i, 1, QTableWidgetItem(example))
            combo = QComboBox()
            combo.addItem(self.tr("— not imported —"), "")
            for key in self._fields():
                combo.addItem(labels.get(key, key), key)
            combo.setCurrentIndex(max(0, combo.findData(loaded.mapping.get(i, ""))))
            self.mapping_table.setCellWidget(i, 2, combo)

    def _show_doubts(self, loaded: files.LoadedFile) -> None:
        """Columns that look like a field but are not sure: not imported unless the user chooses (asked here)."""
        labels = self._field_labels()
        doubts = loaded.doubts
        for i in range(self.mapping_table.rowCount()):
            item = self.mapping_table.item(i, 0)
            if item is None:
                continue
            guess = doubts.get(i)
            item.setBackground(QBrush(theme.color("import_guess_bg")) if guess else QBrush())
            item.setForeground(QBrush(theme.color("import_fg")) if guess else QBrush())
            item.setToolTip(self.tr("Is this “%1”? Choose it to import this column.").replace(
                "%1", labels.get(guess, guess)) if guess else "")
        if doubts:
            parts = [self.tr("“%1” (%2?)").replace("%1", loaded.headers[i]).replace("%2", labels.get(f, f))
                     for i, f in sorted(doubts.items())]
            self.doubts_label.setText(self.tr("Not imported unless you choose a field for them (they look like one, "
                                              "but it is not sure): %1").replace("%1", list_text(parts)))
        self.doubts_label.setVisible(bool(doubts))

    def _on_sheet_chosen(self, index: int) -> None:
        name = self.sheet_combo.itemData(index)
        if self.prepared is None or not name or name == self.prepared.loaded.table.sheet:
            return
        self._sheet, self._header_row = name, None
        self.mapping_table.setRowCount(0)
        self._prepare(mapping=None)

    def _on_header_row_chosen(self) -> None:
        if self.prepared is None:
            return
        self._header_row = self.header_row.value()
        self.mapping_table.setRowCount(0)
        self._prepare(mapping=None)

    def current_mapping(self) -> dict[int, str]:
        mapping = {}
        for i in range(self.mapping_table.rowCount()):
            combo = self.mapping_table.cellWidget(i, 2)
            if combo is not None and combo.currentData():
                mapping[i] = combo.currentData()
        return mapping

    def _on_remap_clicked(self, *_args) -> None:
        if self.prepared is None:
            return
        mapping = self.current_mapping() if self.prepared.loaded.format == "table" else None
        self._prepare(mapping)

    def _action_labels(self) -> dict[str, str]:
        return {
            importer.ADD: self.tr("add"),
            importer.MERGE: self.tr("merge"),
            importer.SKIP: self.tr("skip"),
            importer.ERROR: self.tr("error"),
        }

    def _fill_preview(self, *_args) -> None:
        if self.prepared is None:
            return
        items = self.prepared.plan.items
        if self.problems_only.isChecked():
            items = [i for i in items if i.action == importer.ERROR or i.problems or i.record.problems]
        actions = self._action_labels()
        shown = items[:PREVIEW_LIMIT]
        self.preview.setUpdatesEnabled(False)
        self.preview.setRowCount(len(shown))
        for n, item in enumerate(shown):
            rec = item.record
            problems = rec.problems + item.problems
            if self.kind == "clients":
                name, second = rec.name, rec.email
            else:
                name = rec.client_name or rec.client_email
                second = rec.date.isoformat() if rec.date else ""
            details = "; ".join(f"{p.column}: {p.reason}" for p in problems)
            if item.action == importer.MERGE and getattr(item, "fills", None):
                filled = list_text(item.fills)
                details = (self.tr("fills: %1").replace("%1", filled) + ("; " + details if details else ""))
            cells = [str(rec.row), actions[item.action], name, second, details]
            brush = QBrush(theme.color(ACTION_COLORS[item.action]))
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setBackground(brush)
                cell.setForeground(QBrush(theme.color("import_fg")))
                if col == 4 and text:
                    cell.setToolTip(text)
                self.preview.setItem(n, col, cell)
        self.preview.setUpdatesEnabled(True)

    # --- writing -----------------------------------------------------------------------
    def _on_import_clicked(self) -> None:
        if self.prepared is None:
            return
        plan = self.prepared.plan
        if plan.counts["error"]:
            answer = QMessageBox.question(
                self, self.windowTitle(),
                self.tr("%1 rows have errors and will not be imported. Import the %2 valid rows?")
                .replace("%1", f"{plan.counts['error']:,}")
                .replace("%2", f"{plan.counts['add'] + plan.counts['merge']:,}"))
            if answer != QMessageBox.StandardButton.Yes:
                return
        db_path = self.services.db.path
        kind = self.kind
        busy = self.tr("Busy, waiting… Another LoyalDesk is writing to this practice; the import follows when "
                       "it is done.")

        def work(progress):
            with open_database(db_path, create=False) as db:
                from loyaldesk.core import backup

                db.on_busy = lambda: progress.say(busy)  # another writer holds the file: wait, and say so
                db.wait_cancelled = lambda: progress.cancelled
                backup.create_backup(db, "import")
                progress.report(0.05)
                apply = importer.apply_session_import if kind == "sessions" else importer.apply_client_import
                return apply(db, plan, on_error="skip", progress=progress.report,
                             is_cancelled=lambda: progress.cancelled)

        self.import_button.setEnabled(False)
        op = run_in_background(self, self.tr("Importing…"), work)
        op.finished.connect(self._on_imported)
        op.failed.connect(self._on_import_failed)
        op.cancelled.connect(self._on_import_cancelled)
        self._op = op

    def _on_imported(self, result) -> None:
        loaded = self.prepared.loaded
        if loaded.format == "table":
            try:
                files.save_mapping(self.services.db, loaded.headers, loaded.mapping, self.kind)
                if self.mapping_name.text().strip():
                    files.save_named_mapping(self.services.db, self.mapping_name.text().strip(), loaded.headers,
                                             loaded.mapping, self.kind)
            except LoyalDeskError:
                pass  # remembering the mapping is a convenience; the import itself is done
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

    def _on_save_errors_clicked(self) -> None:
        if self.prepared is None:
            return
        target, _ = QFileDialog.getSaveFileName(self, self.tr("Save the problem list"),
                                                str(self.path.with_name(self.path.stem + "-problems.csv")),
                                                self.tr("CSV (*.csv)"))
        if target:
            self.save_problems(Path(target))

    def save_problems(self, target: Path) -> None:
        """The problem list as CSV (UTF-8 with BOM, so Excel shows Japanese correctly)."""
        with open(target, "w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(["row", "column", "severity", "reason"])
            for p in self.prepared.plan.problems():
                writer.writerow([p.row, p.column, p.severity, p.reason])

    def _field_labels(self) -> dict[str, str]:
        return {
            "name": self.tr("Name"), "family_name": self.tr("Family name"), "given_name": self.tr("Given name"),
            "name_kana": self.tr("Reading"), "family_kana": self.tr("Family name reading"),
            "given_kana": self.tr("Given name reading"), "honorific": self.tr("Honorific"),
            "company": self.tr("Company"), "title": self.tr("Title"), "email": self.tr("E-mail"),
            "phone": self.tr("Phone"), "postal_code": self.tr("Postal code"), "address1": self.tr("Address"),
            "address2": self.tr("Address line 2"), "birthday": self.tr("Birthday"), "source": self.tr("Source"),
            "notes": self.tr("Notes"), "tags": self.tr("Tags"), "middle_name": self.tr("Middle name"),
            "file_as": self.tr("File as (display name)"), "country": self.tr("Country"),
            "birth_year": self.tr("Birth year"), "birth_month": self.tr("Birth month"),
            "payment_status": self.tr("Payment status"),
            "date": self.tr("Date"), "client_email": self.tr("Client e-mail"), "client_name": self.tr("Client name"),
            "fee": self.tr("Amount"), "currency": self.tr("Currency"), "kind": self.tr("Kind"), "topic": self.tr("Topic"),
            "duration_minutes": self.tr("Duration (minutes)"),
        }
