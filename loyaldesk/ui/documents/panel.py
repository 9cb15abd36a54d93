"""SendPanel: the one component every screen sends documents with (Letters, Addresses, Events).

The screen gives it a source: a function that, in a worker with its own database connection, returns the
pipeline Request for what the screen's own options say (kind, template, selection...). The panel shows the
recipients (tick boxes, a personal line each, those left out with the reason), the preview (the very PDF that
Save writes, with a page jump; choosing a recipient shows their page), and Save PDF…, Print…, E-mail drafts…
and E-mail this recipient… (one mail window at a time). After printing, saving or writing drafts it asks
once, "Record as sent?": nothing is recorded before the user says so, and the recording is undoable (Undo in
the banner and Edit > Undo).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from loyaldesk.core.errors import LoyalDeskError, ValidationError
from loyaldesk.ui import labels, theme
from loyaldesk.ui.documents.banner import RecordBanner
from loyaldesk.ui.documents.folders import default_folder, remember_folder
from loyaldesk.ui.documents.recipients import NAME, NOTE, RecipientsModel
from loyaldesk.ui.ops import run_in_background, run_quietly
from loyaldesk.ui.pdf_preview import PdfPreview, ask_printer, print_document, write_error
from loyaldesk.ui.services import AppServices

PREVIEW_DELAY_MS = 250

Source = Callable[[object, object], object]  # (own Database, as_of date) -> pipeline.Request or None


class SendPanel(QWidget):
    preview_ready = Signal()  # a preview finished (or there is nothing to show)
    saved = Signal(str)  # the PDF written
    drafts_written = Signal(object)  # the .eml paths written
    recorded = Signal(int)  # how many recipients were recorded as sent
    error_raised = Signal(object)

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setObjectName("sendPanel")
        self.batch = None
        self.first_pages: list[int] = []
        self._source: Source | None = None
        self._excluded: set[int] = set()
        self._notes: dict[int, str] = {}
        self._generation = 0
        self._op = None
        self._watch: tuple[str, ...] = ()  # the tables whose changes prepare the batch again
        self._stale = False  # asked to prepare while hidden: done when shown
        self._render_error = None  # why the ticked recipients could not be laid out (a ValidationError)
        services.data_changed.connect(self._on_services_data_changed)

        self.summary_label = QLabel()
        self.summary_label.setObjectName("sendSummary")
        self.summary_label.setWordWrap(True)
        self.skipped_label = QLabel()
        self.skipped_label.setObjectName("sendSkipped")
        self.skipped_label.setWordWrap(True)
        theme.style(self.skipped_label, "color: $warning;")
        self.sender_hint = QLabel(self.tr("Your name and address are not filled in yet: letters go out without "
                                          "a sender. Add them in File > Preferences > Sender."))
        self._no_sender_text = self.sender_hint.text()
        self.sender_hint.setObjectName("senderHint")
        self.sender_hint.setWordWrap(True)
        theme.style(self.sender_hint, "color: $warning;")
        self.sender_hint.hide()

        self.model = RecipientsModel(self)
        self.model.ticked.connect(self._on_model_ticked)
        self.model.note_edited.connect(self._on_model_note_edited)
        self.table = QTableView()
        self.table.setObjectName("recipientsTable")
        self.table.setAccessibleName(self.tr("Recipients"))
        self.table.setAccessibleDescription(self.tr("Space ticks or unticks the recipient; F2 writes a personal line"))
        from loyaldesk.ui.access import RowKeys

        self._row_keys = RowKeys(self.table, on_space=self._toggle_current_recipient)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.SelectedClicked)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(NAME, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        # "Personal line (or why left out)" on two lines in a narrow column rather than cut at both ends
        self.table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        self.table.horizontalHeader().setMinimumHeight(2 * self.table.fontMetrics().lineSpacing() + 8)
        self.table.setToolTip(self.tr("Untick a recipient to leave them out. Double-click the second column to "
                                      "write a personal line for one recipient: the template places it where it "
                                      "says {{ personal_note }}, else before the closing."))
        self.table.selectionModel().currentRowChanged.connect(self._on_table_row_changed)
        self.all_button = QPushButton(self.tr("Tick all"))
        self.all_button.clicked.connect(lambda: self.model.set_all(True))
        self.none_button = QPushButton(self.tr("Untick all"))
        self.none_button.clicked.connect(lambda: self.model.set_all(False))
        ticks = QHBoxLayout()
        ticks.addWidget(self.all_button)
        ticks.addWidget(self.none_button)
        ticks.addStretch(1)

        self.save_button = QPushButton(labels.icon("letter"), self.tr("Save PDF…"))
        self.save_button.setObjectName("savePdfButton")
        self.save_button.clicked.connect(self._on_save_clicked)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setObjectName("printButton")
        self.print_button.clicked.connect(self._on_print_clicked)
        self.drafts_button = QPushButton(self.tr("E-mail drafts…"))
        self.drafts_button.setObjectName("emailDraftsButton")
        self.drafts_button.setToolTip(self.tr("Writes one e-mail draft (.eml) per ticked recipient with an e-mail "
                                              "address into a folder you choose; open them in your mail program "
                                              "and send them. LoyalDesk sends nothing itself."))
        self.drafts_button.clicked.connect(self._on_drafts_clicked)
        self.email_one_button = QPushButton(self.tr("E-mail this recipient…"))
        self.email_one_button.setObjectName("emailOneButton")
        self.email_one_button.setToolTip(self.tr("Opens one e-mail, to the recipient of the page shown, in your "
                                                 "own mail program."))
        self.email_one_button.clicked.connect(self._on_email_one_clicked)
        actions = QHBoxLayout()
        for button in (self.save_button, self.print_button, self.drafts_button, self.email_one_button):
            actions.addWidget(button)
        actions.addStretch(1)

        # "Record as sent?", asked once after printing, saving or writing drafts
        self.banner = RecordBanner(services, self)
        self.banner.recorded.connect(self.recorded)
        self.banner.error_raised.connect(self.error_raised)
        self.banner.open_folder_button.clicked.connect(self._on_open_folder_clicked)
        self.banner.without_email_button.clicked.connect(self._on_without_email_clicked)
        self.banner_label = self.banner.label
        self.record_button = self.banner.record_button
        self.undo_button = self.banner.undo_button
        self.not_now_button = self.banner.not_now_button
        self.open_folder_button = self.banner.open_folder_button
        self.without_email_button = self.banner.without_email_button
        self._folder: Path | None = None

        self.preview = PdfPreview()
        self.preview.setObjectName("sendPreview")
        self.preview.page_changed.connect(self._on_preview_page_changed)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.summary_label)
        left_layout.addWidget(self.table, 1)
        left_layout.addLayout(ticks)
        left_layout.addWidget(self.skipped_label)
        left_layout.addWidget(self.sender_hint)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(actions)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._update_buttons()

    # --- the source ----------------------------------------------------------------------
    def set_source(self, source: Source | None, *, keep_choices: bool = False) -> None:
        """What to send (see Source); ticks and personal lines start afresh unless keep_choices."""
        self._source = source
        if not keep_choices:
            self._excluded.clear()
            self._notes.clear()
        self._hide_banner()
        self.schedule()

    def restart(self, source: Source | None) -> None:
        """A new source, prepared now (the ticks and personal lines start afresh)."""
        self.set_source(source)
        self.refresh()

    def refresh_on(self, *tables: str) -> None:
        """Prepare the batch again when one of these tables changes (unless "Record as sent?" is asked)."""
        self._watch = tables

    def _on_services_data_changed(self, change) -> None:
        if self._watch and change.touches(*self._watch) and not self.asking():
            self.schedule()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._source is not None and (self._stale or (self.batch is None and self._op is None)):
            self.schedule()

    def schedule(self) -> None:
        """Prepare the preview again shortly (a burst of changes makes one)."""
        self._timer.start()

    def is_busy(self) -> bool:
        return self._op is not None or self._timer.isActive()

    def _on_timer_timeout(self) -> None:
        if self.isVisible():
            self.refresh()
        else:  # prepared when shown
            self._stale = True

    def refresh(self) -> None:
        """Prepare the batch and lay out the PDF of the ticked recipients in a worker."""
        from loyaldesk.core.db import open_database
        from loyaldesk.core.documents import pipeline
        from loyaldesk.core.i18n import current_language

        self._timer.stop()
        source = self._source
        if source is None:
            return
        self._stale = False
        self._generation += 1
        generation = self._generation
        path, as_of = self.services.db.path, self.services.as_of()
        excluded, notes, ui_lang = set(self._excluded), dict(self._notes), current_language()

        def work(progress):
            with open_database(path, create=False) as own:
                request = source(own, as_of)
                if request is None:
                    return generation, None, b"", [], None
                request.excluded, request.notes = excluded, notes
                request.as_of, request.ui_lang = request.as_of or as_of, ui_lang
                batch = pipeline.prepare(own, request)
            try:
                data, pages = pipeline.render(batch, progress.tick) if batch.chosen else (b"", [])
            except ValidationError as exc:  # e.g. one card's text does not fit: the list stays, to untick it
                return generation, batch, b"", [], exc
            return generation, batch, data, pages, None

        self.summary_label.setText(self.tr("Preparing…"))
        op = run_quietly(self, work)
        op.finished.connect(self._on_preview_finished)
        op.failed.connect(self._on_preview_failed)
        op.cancelled.connect(self._on_preview_cancelled)
        self._op = op

    def _on_preview_finished(self, result) -> None:
        generation, batch, data, pages, error = result
        if generation != self._generation:
            return  # a newer one is on its way
        self._op = None
        self.batch = batch
        self._render_error = error
        self.first_pages = pages
        current = self.table.currentIndex().row()
        self.model.set_batch(batch.items if batch else [], batch.skipped if batch else [],
                             notes_editable=bool(batch) and self._notes_allowed(batch))
        self.preview.load(data)
        if current >= 0 and batch and current < len(batch.items):
            self.table.selectionModel().setCurrentIndex(self.model.index(current, NAME),
                                                        QItemSelectionModel.SelectionFlag.ClearAndSelect
                                                        | QItemSelectionModel.SelectionFlag.Rows)
        self.summary_label.setText(self._summary_text() + (f"\n{error.message}" if error else ""))
        self.skipped_label.setText(self._skipped_text())
        self._show_sender_hint()
        self._update_buttons()
        self._on_preview_page_changed(self.preview.current_page())
        self.preview_ready.emit()

    def _show_sender_hint(self) -> None:
        """What to know before writing (a language without its own sender profile, an event without a title in a
        letter's language), else that letters would go out without a sender."""
        batch = self.batch
        warnings = batch.warnings if batch else []
        if warnings:
            self.sender_hint.setText("\n".join(warnings))
        else:
            self.sender_hint.setText(self._no_sender_text)
        self.sender_hint.setVisible(bool(warnings) or bool(batch and batch.items and batch.kind.family == "letter"
                                                           and not (batch.sender.name or batch.sender.business)))

    def confirm_warnings(self) -> bool:
        """Before writing, saving, printing or e-mailing: when the ticked documents have warnings (Batch.warnings),
        ask whether to go on; True when there is nothing to ask or the user agrees."""
        warnings = self.batch.warnings if self.batch else []
        if not warnings:
            return True
        text = "\n\n".join(warnings) + "\n\n" + self.tr("Write them anyway?")
        answer = QMessageBox.question(self, self.tr("Before writing"), text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _notes_allowed(self, batch) -> bool:
        return batch.kind.family == "letter" or (batch.request.side or batch.kind.side) != "address"

    def _on_preview_failed(self, exc) -> None:
        self._op = None
        self.batch = None
        self._render_error = None
        self.first_pages = []
        self.model.set_batch([], [])
        self.preview.load(b"")
        self._update_buttons()
        self.summary_label.setText(exc.message if isinstance(exc, LoyalDeskError) else "")
        self.skipped_label.setText("")
        if not isinstance(exc, LoyalDeskError):
            self.error_raised.emit(exc)
        self.preview_ready.emit()

    def _on_preview_cancelled(self) -> None:
        self._op = None

    def _summary_text(self) -> str:
        if not self.batch or not self.batch.items:
            return self.tr("Nobody to send to.") if self.batch else ""
        return (self.tr("%1 of %2 recipients ticked").replace("%1", str(len(self.batch.chosen)))
                .replace("%2", str(len(self.batch.items))))

    def _skipped_text(self) -> str:
        if not self.batch:
            return ""
        counts = self.batch.skipped_summary()
        reasons = {
            "mourning": self.tr("in mourning (no New Year card): %1"),
            "already_sent": self.tr("card already sent: %1"),
            "do_not_contact": self.tr("do not contact: %1"),
            "archived": self.tr("archived: %1"),
            "no_address": self.tr("no postal address: %1"),
            "no_email": self.tr("no e-mail address: %1"),
            "not_found": self.tr("no longer in the database: %1"),
        }
        parts = [text.replace("%1", str(counts[r])) for r, text in reasons.items() if counts.get(r)]
        return self.tr("Left out: %1.").replace("%1", labels.list_text(parts)) if parts else ""

    # --- ticks and personal lines --------------------------------------------------------
    def _on_model_ticked(self, client_id: int, ticked: bool) -> None:
        if ticked:
            self._excluded.discard(client_id)
        else:
            self._excluded.add(client_id)
        self._hide_banner()
        self.schedule()

    def _on_model_note_edited(self, client_id: int, text: str) -> None:
        if text:
            self._notes[client_id] = text
        else:
            self._notes.pop(client_id, None)
        self._hide_banner()
        self.schedule()

    def set_ticked(self, client_id: int, ticked: bool) -> None:
        row = self.model.row_of(client_id)
        if row >= 0:
            self.model.setData(self.model.index(row, NAME), Qt.CheckState.Checked if ticked else
                               Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)

    def set_note(self, client_id: int, text: str) -> None:
        row = self.model.row_of(client_id)
        if row >= 0:
            self.model.setData(self.model.index(row, NOTE), text, Qt.ItemDataRole.EditRole)

    # --- the preview -------------------------------------------------------------------
    def page_count(self) -> int:
        return self.preview.page_count() if self.batch and self.batch.chosen else 0

    def item_on_page(self, page: int):
        """The recipient shown on a page (0-based)."""
        if not self.batch or not self.first_pages:
            return None
        chosen = self.batch.chosen
        index = 0
        for i, first in enumerate(self.first_pages):
            if first - 1 <= page:
                index = i
        return chosen[min(index, len(chosen) - 1)] if chosen else None

    def _on_table_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item = self.model.item_at(current.row())
        if item is None or not item.included or not self.batch:
            return
        chosen = [i.client_id for i in self.batch.chosen]
        if item.client_id in chosen and len(self.first_pages) == len(chosen):
            self.preview.go_to(self.first_pages[chosen.index(item.client_id)] - 1)

    def _on_preview_page_changed(self, page: int) -> None:
        count = self.page_count()
        if not count:
            self.email_one_button.setEnabled(False)
            return
        item = self.item_on_page(page)
        text = self.tr("Page %1 of %2").replace("%1", str(page + 1)).replace("%2", str(count))
        if item is not None and self.batch.kind.address_kind != "labels":
            text += " — " + item.name
        self.preview.set_caption(text)
        self.email_one_button.setEnabled(bool(item and item.email and self.batch.kind.emailable))

    def _update_buttons(self) -> None:
        has = bool(self.batch and self.batch.chosen) and self._render_error is None
        self.save_button.setEnabled(has)
        self.print_button.setEnabled(has)
        self.drafts_button.setEnabled(has and self.batch.kind.emailable)
        self.drafts_button.setVisible(not self.batch or self.batch.kind.emailable)
        self.email_one_button.setVisible(not self.batch or self.batch.kind.emailable)
        self.all_button.setEnabled(bool(self.batch and self.batch.items))
        self.none_button.setEnabled(bool(self.batch and self.batch.items))

    # --- save, print, e-mail -------------------------------------------------------------
    def _toggle_current_recipient(self) -> None:
        """Space on a recipient: tick or untick it, whichever cell is current (those left out have no box)."""
        index = self.model.index(self.table.currentIndex().row(), NAME)
        state = self.model.data(index, Qt.ItemDataRole.CheckStateRole)
        if state is not None:
            self.model.setData(index, Qt.CheckState.Unchecked if state == Qt.CheckState.Checked else
                               Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)

    def default_path(self) -> str:
        from loyaldesk.core.i18n import current_language

        return str(default_folder() / self.batch.file_name(current_language()))

    def _on_save_clicked(self) -> None:
        if not self.batch or not self.batch.chosen or not self.confirm_warnings():
            return
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save as PDF"), self.default_path(),
                                                    self.tr("PDF files (*.pdf)"))
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        self.save_to(path)

    def save_to(self, path: str):
        """Write the PDF of the ticked recipients to `path` in a worker, then ask "Record as sent?"."""
        from loyaldesk.core.documents import pipeline

        batch = self.batch

        def work(progress):
            return pipeline.write(batch, path, progress=progress.tick)

        op = run_in_background(self, self.tr("Writing %1 documents…").replace("%1", str(len(batch.chosen))), work)
        op.finished.connect(lambda _pages: self._on_written(path, batch))
        op.failed.connect(self._on_write_failed)
        return op

    def _on_written(self, path: str, batch) -> None:
        remember_folder(Path(path).parent)
        self.saved.emit(path)
        self._offer_record(batch, None, None, self.tr("Saved: %1 documents, in %2.")
                           .replace("%1", str(len(batch.chosen))).replace("%2", path))

    def _on_write_failed(self, exc) -> None:
        error = write_error(exc)
        if error is not None:
            self.error_raised.emit(error)

    def _on_print_clicked(self) -> None:
        if not self.page_count() or not self.confirm_warnings():
            return
        printer = ask_printer(self)
        if printer is not None:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Paint every page of the preview onto the printer at the PDF's page size, then ask to record."""
        from PySide6.QtCore import QMarginsF, QSizeF
        from PySide6.QtGui import QPageLayout, QPageSize

        size = self.preview.document.pagePointSize(0)
        printer.setPageLayout(QPageLayout(QPageSize(QSizeF(size.width(), size.height()), QPageSize.Unit.Point,
                                                    "", QPageSize.SizeMatchPolicy.ExactMatch),
                                          QPageLayout.Orientation.Portrait, QMarginsF()))
        if not print_document(self.preview.document, printer):
            self.error_raised.emit(LoyalDeskError("db.error", detail=self.tr("The printer could not be started.")))
            return
        batch = self.batch
        self._offer_record(batch, None, None, self.tr("Sent to the printer: %1 documents.")
                           .replace("%1", str(len(batch.chosen))))

    def _on_drafts_clicked(self) -> None:
        if not self.batch or not self.batch.chosen or not self.confirm_warnings():
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the e-mail drafts"), str(default_folder()))
        if folder:
            self.write_drafts_to(folder)

    def write_drafts_to(self, folder: str):
        """One .eml draft per ticked recipient with an e-mail address into `folder` (in a worker); then the
        banner names those without one and asks "Record as sent?" for the drafts written."""
        from loyaldesk.core.documents import pipeline

        batch = self.batch

        def work(progress):
            return pipeline.write_drafts(batch, folder)

        op = run_in_background(self, self.tr("Writing the e-mail drafts…"), work)
        op.finished.connect(lambda result: self._on_drafts_written(folder, batch, result))
        op.failed.connect(self._on_write_failed)
        return op

    def _on_drafts_written(self, folder: str, batch, result) -> None:
        written, missing = result
        remember_folder(folder)
        self._folder = Path(folder)
        text = (self.tr("Wrote %1 e-mail drafts to %2: open them in your mail program and send them.")
                .replace("%1", str(len(written.paths))).replace("%2", folder))
        if missing:
            text += "\n" + self.tr("No e-mail address: %1.").replace("%1", labels.list_text(i.name for i in missing))
        self.drafts_written.emit(list(written.paths))
        if written.client_ids:
            self._offer_record(batch, "email", list(written.client_ids), text)
        else:
            self.services.notify(text.splitlines()[0])
            self.banner.inform(text)
        self.open_folder_button.setVisible(True)
        self.without_email_button.setVisible(bool(missing))

    def _on_open_folder_clicked(self) -> None:
        if self._folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._folder)))

    def _on_without_email_clicked(self) -> None:
        if not self.batch:
            return
        for item in self.batch.items:
            self.set_ticked(item.client_id, not item.email)

    def _on_email_one_clicked(self) -> None:
        item = self.item_on_page(self.preview.current_page())
        if item is None or not item.email or not self.batch or not self.confirm_warnings():
            return
        from loyaldesk.core.documents import pipeline

        drafts, _missing = pipeline.drafts(_one(self.batch, item))
        if not drafts:
            return
        import urllib.parse

        d = drafts[0]
        query = urllib.parse.urlencode({"subject": d.subject, "body": d.body}, quote_via=urllib.parse.quote)
        QDesktopServices.openUrl(QUrl(f"mailto:{urllib.parse.quote(d.to, safe='@')}?{query}"))
        self._offer_record(self.batch, "email", [item.client_id],
                           self.tr("Opened an e-mail to %1 in your mail program.").replace("%1", item.name))

    # --- record as sent ------------------------------------------------------------------
    def _offer_record(self, batch, channel: str | None, client_ids: list[int] | None, text: str) -> None:
        self.services.notify(text.splitlines()[0])  # the PDF written, the pages printed: in the status bar too
        self.banner.ask(batch, channel, client_ids, text)

    def asking(self) -> bool:
        """Whether the banner is asking "Record as sent?" (the batch shown must stay as it is until answered)."""
        return self.banner.asking()

    def record_sent(self) -> int:
        """What the Record as sent button does; the number recorded (0 when there was nothing to record)."""
        return self.banner.record_sent()

    def _hide_banner(self) -> None:
        self.banner.dismiss()


def _one(batch, item):
    """The batch narrowed to one recipient (e-mail this recipient)."""
    from dataclasses import replace

    return replace(batch, items=[item])
