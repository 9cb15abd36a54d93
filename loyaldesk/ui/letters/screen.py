"""The Letters screen: choose recipients and a template, preview the letters page by page,
save them as a PDF or print them, then log the contacts; or open one letter as an e-mail.

Recipients come from elsewhere (a dashboard suggestion, a client) or from a filter (tier,
overdue, tag). Planning and layout run in a worker with its own database connection; the
preview is the very PDF that Save writes.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from loyaldesk.core.errors import LoyalDeskError
from loyaldesk.ui import labels
from loyaldesk.ui.ops import run_in_background, run_quietly
from loyaldesk.ui.pdf_preview import ask_printer, write_error
from loyaldesk.ui.services import AppServices, DataChange

PREVIEW_DELAY_MS = 250


class LettersScreen(QWidget):
    error_raised = Signal(object)
    preview_ready = Signal()  # a preview finished and is shown
    saved = Signal(str)  # the PDF written

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setObjectName("lettersScreen")
        self.plan = None
        self.first_pages: list[int] = []
        self._chosen: list[int] = []
        self._answered: dict = {}  # client id -> the suggestion its letter answers
        self._op = None
        self._generation = 0
        self._pending_log: tuple[list, str] | None = None  # letters and channel the banner offers to log

        title = QLabel(self.tr("Letters"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)

        self.recipients_combo = QComboBox()
        self.recipients_combo.setObjectName("recipientsCombo")
        self.template_combo = QComboBox()
        self.template_combo.setObjectName("templateCombo")
        self.lang_combo = QComboBox()
        self.lang_combo.addItem(self.tr("Per client"), None)
        self.lang_combo.addItem(self.tr("Japanese"), "ja")
        self.lang_combo.addItem(self.tr("English"), "en")
        form = QFormLayout()
        form.addRow(self.tr("Recipients"), self.recipients_combo)
        form.addRow(self.tr("Template"), self.template_combo)
        form.addRow(self.tr("Language"), self.lang_combo)

        self.summary_label = QLabel()
        self.summary_label.setObjectName("lettersSummary")
        self.summary_label.setWordWrap(True)
        self.skipped_label = QLabel()
        self.skipped_label.setObjectName("lettersSkipped")
        self.skipped_label.setWordWrap(True)
        self.skipped_label.setStyleSheet("color: #8A4B00;")
        self.sender_hint = QLabel(self.tr("Your name and address are not filled in yet: letters go out without "
                                          "a sender. Add them in File > Preferences > Sender."))
        self.sender_hint.setObjectName("senderHint")
        self.sender_hint.setWordWrap(True)
        self.sender_hint.setStyleSheet("color: #8A4B00;")
        self.sender_hint.hide()

        self.save_button = QPushButton(labels.icon("letter"), self.tr("Save PDF…"))
        self.save_button.setObjectName("savePdfButton")
        self.save_button.clicked.connect(self._on_save_clicked)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.clicked.connect(self._on_print_clicked)
        self.email_button = QPushButton(self.tr("E-mail this letter…"))
        self.email_button.setToolTip(self.tr("Opens your own mail program with the letter of the page shown "
                                             "and the client's address; LoyalDesk sends nothing itself."))
        self.email_button.clicked.connect(self._on_email_clicked)

        side = QVBoxLayout()
        side.addWidget(title)
        side.addLayout(form)
        side.addWidget(self.summary_label)
        side.addWidget(self.skipped_label)
        side.addWidget(self.sender_hint)
        side.addSpacing(8)
        side.addWidget(self.save_button)
        side.addWidget(self.print_button)
        side.addWidget(self.email_button)
        side.addSpacing(8)
        self.edit_templates_button = QPushButton(self.tr("Edit templates…"))
        self.edit_templates_button.setEnabled(not services.db.read_only)
        self.edit_templates_button.clicked.connect(self._on_edit_templates_clicked)
        side.addWidget(self.edit_templates_button)
        side.addStretch(1)
        side_widget = QWidget()
        side_widget.setLayout(side)
        side_widget.setFixedWidth(320)

        # the banner that offers to log the contacts after saving, printing or e-mailing
        self.banner = QFrame()
        self.banner.setObjectName("logBanner")
        self.banner.setStyleSheet("QFrame#logBanner { background: #E8F3EC; border: 1px solid #B9D8C3; "
                                  "border-radius: 4px; }")
        self.banner_label = QLabel()
        self.banner_label.setWordWrap(True)
        self.log_button = QPushButton(self.tr("Log contacts"))
        self.log_button.setObjectName("logContactsButton")
        self.log_button.clicked.connect(self._on_log_clicked)
        self.not_now_button = QPushButton(self.tr("Not now"))
        self.not_now_button.clicked.connect(self._hide_banner)
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.addWidget(self.banner_label, 1)
        banner_layout.addWidget(self.log_button)
        banner_layout.addWidget(self.not_now_button)
        self.banner.hide()

        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self._bytes = QByteArray()
        self.view = QPdfView()
        self.view.setObjectName("letterPreview")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.SinglePage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.view.setStyleSheet("background: #7A8A8F;")
        self.prev_button = QPushButton(self.tr("◀ Previous"))
        self.prev_button.clicked.connect(self._on_prev_clicked)
        self.next_button = QPushButton(self.tr("Next ▶"))
        self.next_button.clicked.connect(self._on_next_clicked)
        self.page_label = QLabel()
        self.page_label.setObjectName("pageLabel")
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        pager = QHBoxLayout()
        pager.addWidget(self.prev_button)
        pager.addWidget(self.page_label, 1)
        pager.addWidget(self.next_button)
        self.view.pageNavigator().currentPageChanged.connect(self._on_page_changed)

        right = QVBoxLayout()
        right.addWidget(self.banner)
        right.addWidget(self.view, 1)
        right.addLayout(pager)
        layout = QHBoxLayout(self)
        layout.addWidget(side_widget)
        layout.addLayout(right, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh_preview)
        self._fill_templates()
        self._fill_recipients()
        self.recipients_combo.currentIndexChanged.connect(self._on_choice_changed)
        self.template_combo.currentIndexChanged.connect(self._on_choice_changed)
        self.lang_combo.currentIndexChanged.connect(self._on_choice_changed)
        services.data_changed.connect(self._on_services_data_changed)
        self._update_buttons()

    # --- choices -------------------------------------------------------------------------
    def _fill_templates(self) -> None:
        from loyaldesk.core.i18n import current_language
        from loyaldesk.core.letters.templates import list_templates

        current = self.template_combo.currentData()
        names: dict[str, str] = {}
        for x in list_templates(self.services.db):
            if x.key not in names or x.lang == current_language():
                names[x.key] = x.name
        self.template_combo.blockSignals(True)
        self.template_combo.clear()
        for key, name in names.items():
            self.template_combo.addItem(name, key)
        if current is not None:
            self.template_combo.setCurrentIndex(max(self.template_combo.findData(current), 0))
        self.template_combo.blockSignals(False)

    def _fill_recipients(self) -> None:
        current = self.recipients_combo.currentData()
        self.recipients_combo.blockSignals(True)
        self.recipients_combo.clear()
        if self._chosen:
            self.recipients_combo.addItem(self.tr("Chosen clients (%1)").replace("%1", str(len(self._chosen))), ("chosen", ""))
        tiers = labels.tier_labels()
        for tier in ("vip", "candidate", "regular", "new"):
            self.recipients_combo.addItem(self.tr("Tier: %1").replace("%1", tiers[tier]), ("tier", tier))
        self.recipients_combo.addItem(self.tr("Overdue clients"), ("overdue", ""))
        for tag in self.services.tags.list():
            self.recipients_combo.addItem(self.tr("Tag: %1").replace("%1", tag.name), ("tag", tag.name))
        if current is not None:
            self.recipients_combo.setCurrentIndex(max(self.recipients_combo.findData(current), 0))
        self.recipients_combo.blockSignals(False)

    def start_with_clients(self, client_ids: list[int], template_key: str | None = None,
                           answered: dict | None = None) -> None:
        """Letters to these clients (from a client or a selection); the preview follows."""
        self._chosen = list(dict.fromkeys(client_ids))
        self._answered = dict(answered or {})
        self._fill_recipients()
        self.recipients_combo.setCurrentIndex(0)
        if template_key:
            index = self.template_combo.findData(template_key)
            if index >= 0:
                self.template_combo.setCurrentIndex(index)
        self._hide_banner()
        self.refresh_preview()

    def start_with_suggestions(self, suggestions: list) -> None:
        """Letters that answer dashboard suggestions: their clients, their template; marked done when logged."""
        if not suggestions:
            return
        templates = {s.template for s in suggestions}
        key = suggestions[0].template if len(templates) == 1 else None
        self.start_with_clients([s.client_id for s in suggestions], key,
                                {s.client_id: s for s in suggestions if key is None or s.template == key})

    def _on_choice_changed(self, _index: int) -> None:
        self._hide_banner()
        self._timer.start()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._op is None:
            self._timer.start()

    def hideEvent(self, event) -> None:
        self._timer.stop()  # previewed again when shown
        super().hideEvent(event)

    def _on_services_data_changed(self, change: DataChange) -> None:
        if change.touches("tags", "client_tags"):
            self._fill_recipients()
        if change.touches("letter_templates"):
            self._fill_templates()
        if self.isVisible() and change.touches("clients", "sessions", "letter_templates", "settings", "client_tiers",
                                               "tags", "client_tags"):
            self._timer.start()

    def _on_edit_templates_clicked(self) -> None:
        from loyaldesk.ui.letters.editor import TemplateEditorDialog

        dialog = TemplateEditorDialog(self.services, self)
        key = self.template_combo.currentData()
        if key:
            dialog.editor.select(key, self.plan.letters[0].lang if self.plan and self.plan.letters else _ui_language())
        dialog.exec()

    # --- preview -------------------------------------------------------------------------
    def _selection(self) -> dict:
        kind, value = self.recipients_combo.currentData() or ("chosen", "")
        return {"kind": kind, "value": value, "template": self.template_combo.currentData(),
                "lang": self.lang_combo.currentData(), "chosen": list(self._chosen), "answered": dict(self._answered)}

    def refresh_preview(self) -> None:
        """Plan and lay out the letters in a worker; the preview shows them when done."""
        from loyaldesk.core.db import open_database
        from loyaldesk.core.letters import compose, pdf
        from loyaldesk.core.letters.sender import load_sender

        sel = self._selection()
        if not sel["template"]:
            return
        self._generation += 1
        generation = self._generation
        path, as_of = self.services.db.path, self.services.as_of()
        ui_lang = _ui_language()

        def work(progress):
            with open_database(path, create=False) as own:
                ids = compose.select_clients(
                    own, client_ids=sel["chosen"] if sel["kind"] == "chosen" else None,
                    tier=sel["value"] if sel["kind"] == "tier" else None, overdue=sel["kind"] == "overdue",
                    tag=sel["value"] if sel["kind"] == "tag" else None, as_of=as_of) if (
                    sel["kind"] != "chosen" or sel["chosen"]) else []
                plan = compose.plan_letters(own, sel["template"], ids, lang=sel["lang"], as_of=as_of,
                                            suggestions=sel["answered"], ui_lang=ui_lang)
                sender = load_sender(own)
            data, pages = pdf.render_pdf(plan.letters, progress.tick) if plan.letters else (b"", [])
            return generation, plan, data, pages, bool(sender.name or sender.business)

        self.summary_label.setText(self.tr("Preparing the letters…"))
        op = run_quietly(self, work)
        op.finished.connect(self._on_preview_finished)
        op.failed.connect(self._on_preview_failed)
        op.cancelled.connect(self._on_preview_cancelled)
        self._op = op

    def _on_preview_finished(self, result) -> None:
        generation, plan, data, pages, has_sender = result
        if generation != self._generation:
            return  # a newer preview is on its way
        self._op = None
        self.plan = plan
        self.first_pages = pages
        self.document.close()
        self._bytes = QByteArray(data)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        if data:
            self.document.load(self._buffer)
        n = len(plan.letters)
        self.summary_label.setText(self.tr("Letters ready: %1.").replace("%1", str(n)) if n else self.tr("No letter to write."))
        self.skipped_label.setText(self._skipped_text(plan))
        self.sender_hint.setVisible(bool(n) and not has_sender)
        self._update_buttons()
        self._on_page_changed(0)
        self.preview_ready.emit()

    def _on_preview_failed(self, exc) -> None:
        self._op = None
        self.summary_label.setText("")
        if isinstance(exc, LoyalDeskError):
            self.summary_label.setText(exc.message)
        else:
            self.error_raised.emit(exc)

    def _on_preview_cancelled(self) -> None:
        self._op = None

    def _skipped_text(self, plan) -> str:
        counts = plan.skipped_summary()
        if not counts:
            return ""
        reasons = {
            "archived": self.tr("archived: %1"),
            "do_not_contact": self.tr("do not contact: %1"),
            "no_address": self.tr("no postal address: %1"),
            "not_found": self.tr("no longer in the database: %1"),
        }
        parts = [reasons[r].replace("%1", str(counts[r])) for r in ("do_not_contact", "archived", "no_address", "not_found") if counts.get(r)]
        return self.tr("Left out: %1.").replace("%1", ", ".join(parts))

    def page_count(self) -> int:
        return self.document.pageCount() if self.plan and self.plan.letters else 0

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def _on_page_changed(self, _page: int) -> None:
        count = self.page_count()
        page = self.current_page()
        if count:
            letter = self.letter_on_page(page)
            name = letter.recipient.name if letter else ""
            self.page_label.setText(self.tr("Page %1 of %2 — %3").replace("%1", str(page + 1))
                                    .replace("%2", str(count)).replace("%3", name))
        else:
            self.page_label.setText("")
        self.prev_button.setEnabled(count > 0 and page > 0)
        self.next_button.setEnabled(count > 0 and page < count - 1)
        letter = self.letter_on_page(page) if count else None
        self.email_button.setEnabled(bool(letter and letter.recipient.email.strip()))

    def letter_on_page(self, page: int):
        """The letter shown on a page (0-based)."""
        if not self.plan or not self.plan.letters:
            return None
        index = 0
        for i, first in enumerate(self.first_pages):
            if first - 1 <= page:
                index = i
        return self.plan.letters[min(index, len(self.plan.letters) - 1)]

    def _go_to(self, page: int) -> None:
        self.view.pageNavigator().jump(page, QPointF(), self.view.pageNavigator().currentZoom())

    def _on_prev_clicked(self) -> None:
        self._go_to(max(self.current_page() - 1, 0))

    def _on_next_clicked(self) -> None:
        self._go_to(min(self.current_page() + 1, self.page_count() - 1))

    def _update_buttons(self) -> None:
        has = bool(self.plan and self.plan.letters)
        writable = not self.services.db.read_only
        self.save_button.setEnabled(has)
        self.print_button.setEnabled(has)
        letter = self.letter_on_page(self.current_page()) if has else None
        self.email_button.setEnabled(bool(letter and letter.recipient.email.strip()))
        self.log_button.setEnabled(writable)

    # --- save, print, e-mail -------------------------------------------------------------
    def _on_save_clicked(self) -> None:
        if not self.plan or not self.plan.letters:
            return
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save letters as PDF"), self._default_name(),
                                                    self.tr("PDF files (*.pdf)"))
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        self.save_to(path)

    def _default_name(self) -> str:
        from pathlib import Path

        from PySide6.QtCore import QStandardPaths

        key = (self.template_combo.currentData() or "letters").replace(".", "-")
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        return str(Path(folder) / f"{key}-{self.services.as_of().isoformat()}.pdf")

    def save_to(self, path: str):
        """Write the previewed letters to `path` in a worker (progress, cancel); the banner offers to log them."""
        from loyaldesk.core.letters import pdf

        letters = list(self.plan.letters)

        def work(progress):
            return pdf.write_letters(letters, path, progress=progress.tick)

        op = run_in_background(self, self.tr("Writing the letters (%1)…").replace("%1", str(len(letters))), work)
        op.finished.connect(lambda _pages: self._on_written(path, letters))
        op.failed.connect(self._on_write_failed)
        return op

    def _on_written(self, path: str, letters: list) -> None:
        self.saved.emit(path)
        self._offer_log(letters, "letter", self.tr("Letters saved: %1, in %2.").replace("%1", str(len(letters))).replace("%2", path))

    def _on_write_failed(self, exc) -> None:
        error = write_error(exc)
        if error is not None:
            self.error_raised.emit(error)

    def _on_print_clicked(self) -> None:
        if not self.page_count():
            return
        printer = ask_printer(self)
        if printer is not None:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Paint every page of the preview onto the printer (at most 300 dpi), then offer to log."""
        from loyaldesk.ui.pdf_preview import print_document

        if not print_document(self.document, printer):
            self.error_raised.emit(LoyalDeskError("db.error", detail=self.tr("The printer could not be started.")))
            return
        letters = list(self.plan.letters)
        self._offer_log(letters, "letter", self.tr("Letters sent to the printer: %1.").replace("%1", str(len(letters))))

    def _on_email_clicked(self) -> None:
        letter = self.letter_on_page(self.current_page())
        if letter is None or not letter.recipient.email.strip():
            return
        QDesktopServices.openUrl(QUrl(letter.mailto()))
        self._offer_log([letter], "email",
                        self.tr("Opened an e-mail to %1 in your mail program. Log it once you have sent it.")
                        .replace("%1", letter.recipient.name))

    # --- logging -------------------------------------------------------------------------
    def _offer_log(self, letters: list, channel: str, text: str) -> None:
        self._pending_log = (letters, channel)
        ask = (self.tr("Log a letter contact dated %1 for every recipient? The suggestions they answer are "
                       "marked done.") if channel == "letter" else self.tr("Log an e-mail contact dated %1?"))
        self.banner_label.setText(f"{text}\n{ask.replace('%1', self.services.as_of().isoformat())}")
        self.log_button.setEnabled(not self.services.db.read_only)
        self.banner.show()

    def _on_log_clicked(self) -> None:
        if self._pending_log is None:
            return
        letters, channel = self._pending_log
        try:
            count = self.services.record_letters_sent(letters, channel)
        except LoyalDeskError as exc:
            self.error_raised.emit(exc)
            return
        answered = {letter.client_id for letter in letters if letter.suggestion is not None}
        self._answered = {k: v for k, v in self._answered.items() if k not in answered}
        self._pending_log = None
        self.banner_label.setText(self.tr("Contacts logged: %1.").replace("%1", str(count)))
        self.log_button.hide()
        self.not_now_button.setText(self.tr("Close"))

    def _hide_banner(self) -> None:
        self._pending_log = None
        self.banner.hide()
        self.log_button.show()
        self.not_now_button.setText(self.tr("Not now"))


def _ui_language() -> str:
    from loyaldesk.core.i18n import current_language

    return current_language()
