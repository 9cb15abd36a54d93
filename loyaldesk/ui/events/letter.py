"""The recognition letter of one award: previewed as the very PDF that Save writes, saved,
printed or opened as an e-mail in the user's mail program, then logged as a contact.

The letter comes from the `recognition` template with the award's title, note and period and
its event (loyaldesk.core.events.recognition_letters); planning and layout run in a worker
with its own database connection.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from loyaldesk.core import events
from loyaldesk.core.errors import LoyalDeskError
from loyaldesk.ui import labels
from loyaldesk.ui.ops import run_in_background, run_quietly
from loyaldesk.ui.pdf_preview import PdfPreview, ask_printer, print_document, write_error
from loyaldesk.ui.services import AppServices


class RecognitionLetterDialog(QDialog):
    preview_ready = Signal()  # the letter is shown (or the reason why there is none)
    saved = Signal(str)  # the PDF written
    error_raised = Signal(object)

    def __init__(self, services: AppServices, recognition: events.Recognition, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.recognition = recognition
        self.letter = None
        self._pdf = b""
        self._op = None
        self._pending: str | None = None  # the channel the log button would record
        self.setObjectName("recognitionLetterDialog")
        self.setWindowTitle(self.tr("Recognition letter") + f" — {recognition.client_name}")
        self.resize(720, 860)

        award = recognition.title + (f" — {recognition.event_title}" if recognition.event_title else "") + (
            f" ({recognition.period})" if recognition.period else "")
        self.award_label = QLabel(award)
        self.award_label.setObjectName("awardLabel")
        self.award_label.setWordWrap(True)
        self.award_label.setStyleSheet("font-weight: bold;")
        self.status = QLabel(self.tr("Preparing the letter…"))
        self.status.setObjectName("letterStatus")
        self.status.setWordWrap(True)
        self.preview = PdfPreview(self)
        self.preview.setObjectName("recognitionPreview")
        self.preview.page_changed.connect(self._on_preview_page_changed)

        self.save_button = QPushButton(labels.icon("letter"), self.tr("Save PDF…"))
        self.save_button.clicked.connect(self._on_save_clicked)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.clicked.connect(self._on_print_clicked)
        self.email_button = QPushButton(self.tr("E-mail this letter…"))
        self.email_button.setToolTip(self.tr("Opens your own mail program with the letter and the client's "
                                             "address; LoyalDesk sends nothing itself."))
        self.email_button.clicked.connect(self._on_email_clicked)
        self.log_button = QPushButton(self.tr("Log contact"))
        self.log_button.setObjectName("logContactButton")
        self.log_button.clicked.connect(self._on_log_clicked)
        self.log_button.hide()
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.email_button)
        buttons.addStretch(1)
        buttons.addWidget(self.log_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.award_label)
        layout.addWidget(self.status)
        layout.addWidget(self.preview, 1)
        layout.addLayout(buttons)
        self._update_buttons()
        self.refresh()

    # --- the preview -------------------------------------------------------------------
    def refresh(self) -> None:
        from loyaldesk.core.db import open_database
        from loyaldesk.core.letters import pdf

        path, rid = self.services.db.path, self.recognition.id

        def work(progress):
            with open_database(path, create=False) as own:
                plan = events.recognition_letters(own, rid, need=None)  # in the client's language
            if not plan.letters:
                return plan, b""
            data, _pages = pdf.render_pdf(plan.letters, progress.tick)
            return plan, data

        self._op = run_quietly(self, work)
        self._op.finished.connect(self._on_preview_finished)
        self._op.failed.connect(self._on_preview_failed)
        self._op.cancelled.connect(self._on_preview_ended)

    def _on_preview_finished(self, result) -> None:
        self._op = None
        plan, data = result
        self._pdf = data
        self.letter = plan.letters[0] if plan.letters else None
        self.preview.load(data)
        if self.letter is None:
            reason = plan.skipped[0].reason_text if plan.skipped else ""
            self.status.setText(self.tr("No letter: %1.").replace("%1", reason))
        else:
            text = self.tr("To %1 · %2").replace("%1", self.letter.addressee).replace("%2", self.letter.subject)
            if not (self.letter.sender.name or self.letter.sender.business):
                text += "\n" + self.tr("Your name and address are not filled in yet: letters go out without a "
                                       "sender. Add them in File > Preferences > Sender.")
            self.status.setText(text)
        self._update_buttons()
        self.preview_ready.emit()

    def _on_preview_failed(self, exc) -> None:
        self._op = None
        if isinstance(exc, LoyalDeskError):
            self.status.setText(exc.message)
        else:
            self.error_raised.emit(exc)
        self._update_buttons()
        self.preview_ready.emit()

    def _on_preview_ended(self) -> None:
        self._op = None

    def _on_preview_page_changed(self, page: int) -> None:
        count = self.preview.page_count()
        if count:
            self.preview.set_caption(self.tr("Page %1 of %2").replace("%1", str(page + 1)).replace("%2", str(count)))

    def _update_buttons(self) -> None:
        has = self.letter is not None
        self.save_button.setEnabled(has)
        self.print_button.setEnabled(has)
        self.email_button.setEnabled(has and bool(self.letter.recipient.email.strip()))

    # --- save, print, e-mail -------------------------------------------------------------
    def _default_name(self) -> str:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        stem = f"recognition-{self.recognition.client_name}-{self.recognition.date.isoformat()}"
        return str(Path(folder) / (stem.replace("/", "-").replace(" ", "_") + ".pdf"))

    def _on_save_clicked(self) -> None:
        if self.letter is None:
            return
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save the recognition letter"), self._default_name(),
                                              self.tr("PDF files (*.pdf)"))
        if name:
            self.save_to(name if name.lower().endswith(".pdf") else name + ".pdf")

    def save_to(self, path: str):
        """Write the letter shown to `path` in a worker, then offer to log the contact."""
        from loyaldesk.core.letters import pdf

        letters = [self.letter]

        def work(progress):
            return pdf.write_letters(letters, path, progress=progress.tick)

        op = run_in_background(self, self.tr("Writing the recognition letter…"), work)
        op.finished.connect(lambda _pages: self._on_written(path))
        op.failed.connect(self._on_write_failed)
        return op

    def _on_written(self, path: str) -> None:
        self.saved.emit(path)
        self._offer_log("letter", self.tr("Saved: %1.").replace("%1", path))

    def _on_write_failed(self, exc) -> None:
        error = write_error(exc)
        if error is not None:
            self.error_raised.emit(error)

    def _on_print_clicked(self) -> None:
        if self.letter is None:
            return
        printer = ask_printer(self)
        if printer is not None:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        if not print_document(self.preview.document, printer):
            self.error_raised.emit(LoyalDeskError("db.error", detail=self.tr("The printer could not be started.")))
            return
        self._offer_log("letter", self.tr("Sent to the printer."))

    def _on_email_clicked(self) -> None:
        if self.letter is None or not self.letter.recipient.email.strip():
            return
        QDesktopServices.openUrl(QUrl(self.letter.mailto()))
        self._offer_log("email", self.tr("Opened an e-mail to %1 in your mail program.")
                        .replace("%1", self.letter.recipient.name))

    # --- logging -------------------------------------------------------------------------
    def _offer_log(self, channel: str, text: str) -> None:
        self._pending = channel
        ask = (self.tr("Log a letter contact dated %1?") if channel == "letter"
               else self.tr("Log an e-mail contact dated %1 once you have sent it?"))
        self.status.setText(f"{text} {ask.replace('%1', self.services.as_of().isoformat())}")
        self.log_button.setVisible(not self.services.db.read_only)

    def _on_log_clicked(self) -> None:
        if self._pending is None or self.letter is None:
            return
        try:
            self.services.record_letters_sent([self.letter], self._pending)
        except LoyalDeskError as exc:
            self.error_raised.emit(exc)
            return
        self._pending = None
        self.log_button.hide()
        self.status.setText(self.tr("Contact logged."))
