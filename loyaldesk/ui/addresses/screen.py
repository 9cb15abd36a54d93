"""The Addresses screen: postcards (the address side, the message side from a template, or both),
envelopes and label sheets for a selection, a tier, a tag or this season's "to send" list;
preview page by page, save or print, then record the cards as sent.

Planning and layout run in a worker with its own database connection; the preview is the
very PDF that Save writes. The printing options (numerals, calibration, proof...) are saved
in the database (settings `address_options`), so the command line prints the same way.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from loyaldesk.core.errors import LoyalDeskError
from loyaldesk.ui import labels
from loyaldesk.ui.ops import run_in_background, run_quietly
from loyaldesk.ui.pdf_preview import PdfPreview, ask_printer, print_document, write_error
from loyaldesk.ui.services import AppServices, DataChange

PREVIEW_DELAY_MS = 250


class AddressesScreen(QWidget):
    error_raised = Signal(object)
    preview_ready = Signal()
    saved = Signal(str)

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from loyaldesk.core.addresses.compose import load_options

        self.services = services
        self.setObjectName("addressesScreen")
        self.plan = None
        self.messages = None  # the message side of each card (message.CardMessage), when printed
        self.first_pages: list[int] = []
        self._chosen: list[int] = []
        self._op = None
        self._generation = 0
        self._printed: tuple[list[int], str, int] | None = None  # cards the banner offers to record
        options = load_options(services.db)

        title = QLabel(self.tr("Addresses"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)

        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("kindCombo")
        self.kind_combo.addItem(self.tr("Postcards"), "postcard")
        self.kind_combo.addItem(self.tr("Envelopes"), "envelope")
        self.kind_combo.addItem(self.tr("Address labels"), "labels")
        self.layout_combo = QComboBox()
        self.layout_combo.setObjectName("layoutCombo")
        self.start_spin = QSpinBox()
        self.start_spin.setObjectName("startSpin")
        self.start_spin.setRange(1, 30)
        self.start_spin.setToolTip(self.tr("The first free label on a partly used sheet, counted row by row "
                                           "from the top left."))
        self.season_combo = QComboBox()
        self.season_combo.setObjectName("seasonCombo")
        self.side_combo = QComboBox()
        self.side_combo.setObjectName("sideCombo")
        self.side_combo.addItem(self.tr("Address side"), "address")
        self.side_combo.addItem(self.tr("Message side"), "message")
        self.side_combo.addItem(self.tr("Both sides (address, then message)"), "both")
        self.side_combo.setToolTip(self.tr("Both sides: two pages per card, the address side then its message "
                                           "side, for a printer that prints on both sides."))
        self.template_combo = QComboBox()
        self.template_combo.setObjectName("messageTemplateCombo")
        self.template_combo.setToolTip(self.tr("The message side's text: a letter template, filled in for each "
                                               "client. Edit the templates in Letters."))
        self._template_chosen = False  # the template follows the season until the user picks one
        self.orientation_combo = QComboBox()
        self.orientation_combo.setObjectName("orientationCombo")
        self.orientation_combo.addItem(self.tr("Horizontal (横書き)"), "horizontal")
        self.orientation_combo.addItem(self.tr("Vertical (縦書き)"), "vertical")
        self.orientation_combo.setCurrentIndex(max(self.orientation_combo.findData(options.message_orientation), 0))
        self.orientation_combo.setToolTip(self.tr("Vertical writing applies to Japanese cards; English cards are "
                                                  "always horizontal."))
        self.recipients_combo = QComboBox()
        self.recipients_combo.setObjectName("recipientsCombo")
        self.numerals_combo = QComboBox()
        self.numerals_combo.addItem(self.tr("Kanji (一二三)"), "kanji")
        self.numerals_combo.addItem(self.tr("Full-width digits (１２３)"), "fullwidth")
        self.numerals_combo.setCurrentIndex(max(self.numerals_combo.findData(options.numerals), 0))
        self.hyphen_combo = QComboBox()
        self.hyphen_combo.addItem(self.tr("Vertical stroke (一｜二)"), "stroke")
        self.hyphen_combo.addItem(self.tr("の (一の二)"), "no")
        self.hyphen_combo.setCurrentIndex(max(self.hyphen_combo.findData(options.hyphen), 0))
        self.sender_combo = QComboBox()
        self.sender_combo.addItem(self.tr("On the back"), "back")
        self.sender_combo.addItem(self.tr("Bottom left of the front"), "bottom_left")
        self.sender_combo.setCurrentIndex(max(self.sender_combo.findData(options.sender), 0))
        self.offset_x = self._offset_spin(options.offset_x_mm)
        self.offset_y = self._offset_spin(options.offset_y_mm)
        offsets = QHBoxLayout()
        offsets.addWidget(QLabel(self.tr("x")))
        offsets.addWidget(self.offset_x)
        offsets.addWidget(QLabel(self.tr("y")))
        offsets.addWidget(self.offset_y)
        self.offset_x.setToolTip(self.tr("Moves everything right (+) or left (−), in mm, when your printer shifts."))
        self.offset_y.setToolTip(self.tr("Moves everything down (+) or up (−), in mm, when your printer shifts."))
        self.proof_check = QCheckBox(self.tr("Proof: draw the postal-code boxes"))
        self.proof_check.setChecked(options.proof)
        self.proof_check.setToolTip(self.tr("For a test print on blank paper: the boxes and edges are drawn."))

        self.form = QFormLayout()
        self.form.addRow(self.tr("Print"), self.kind_combo)
        self.form.addRow(self.tr("Layout"), self.layout_combo)
        self.form.addRow(self.tr("Start at label"), self.start_spin)
        self.form.addRow(self.tr("Cards for"), self.season_combo)
        self.form.addRow(self.tr("Side"), self.side_combo)
        self.form.addRow(self.tr("Message"), self.template_combo)
        self.form.addRow(self.tr("Writing"), self.orientation_combo)
        self.form.addRow(self.tr("Recipients"), self.recipients_combo)
        self.form.addRow(self.tr("Numbers"), self.numerals_combo)
        self.form.addRow(self.tr("Between numbers"), self.hyphen_combo)
        self.form.addRow(self.tr("Sender"), self.sender_combo)
        self.form.addRow(self.tr("Calibration (mm)"), offsets)
        self.form.addRow(self.proof_check)

        self.summary_label = QLabel()
        self.summary_label.setObjectName("addressesSummary")
        self.summary_label.setWordWrap(True)
        self.skipped_label = QLabel()
        self.skipped_label.setObjectName("addressesSkipped")
        self.skipped_label.setWordWrap(True)
        self.skipped_label.setStyleSheet("color: #8A4B00;")
        self.save_button = QPushButton(labels.icon("postcard"), self.tr("Save PDF…"))
        self.save_button.setObjectName("savePdfButton")
        self.save_button.clicked.connect(self._on_save_clicked)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setObjectName("printButton")
        self.print_button.clicked.connect(self._on_print_clicked)

        side = QVBoxLayout()
        side.addWidget(title)
        side.addLayout(self.form)
        side.addWidget(self.summary_label)
        side.addWidget(self.skipped_label)
        side.addSpacing(8)
        side.addWidget(self.save_button)
        side.addWidget(self.print_button)
        side.addStretch(1)
        side_widget = QWidget()
        side_widget.setLayout(side)
        side_widget.setFixedWidth(380)

        # after saving or printing cards: record them as sent
        self.banner = QFrame()
        self.banner.setObjectName("recordBanner")
        self.banner.setStyleSheet("QFrame#recordBanner { background: #E8F3EC; border: 1px solid #B9D8C3; "
                                  "border-radius: 4px; }")
        self.banner_label = QLabel()
        self.banner_label.setWordWrap(True)
        self.record_button = QPushButton(self.tr("Record as sent"))
        self.record_button.setObjectName("recordSentButton")
        self.record_button.clicked.connect(self._on_record_clicked)
        self.not_now_button = QPushButton(self.tr("Not now"))
        self.not_now_button.clicked.connect(self._hide_banner)
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.addWidget(self.banner_label, 1)
        banner_layout.addWidget(self.record_button)
        banner_layout.addWidget(self.not_now_button)
        self.banner.hide()

        self.preview = PdfPreview()
        self.preview.view.setObjectName("addressPreview")
        self.preview.page_changed.connect(self._on_preview_page_changed)
        right = QVBoxLayout()
        right.addWidget(self.banner)
        right.addWidget(self.preview, 1)
        layout = QHBoxLayout(self)
        layout.addWidget(side_widget)
        layout.addLayout(right, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh_preview)
        self._fill_seasons()
        self._fill_recipients()
        self._fill_templates()
        self._on_kind_changed(0)
        self.kind_combo.currentIndexChanged.connect(self._on_kind_changed)
        self.season_combo.currentIndexChanged.connect(self._on_season_changed)
        self.template_combo.activated.connect(self._on_template_activated)
        for combo in (self.layout_combo, self.recipients_combo, self.side_combo, self.template_combo):
            combo.currentIndexChanged.connect(self._on_choice_changed)
        for combo in (self.numerals_combo, self.hyphen_combo, self.sender_combo, self.orientation_combo):
            combo.currentIndexChanged.connect(self._on_option_changed)
        self.offset_x.valueChanged.connect(self._on_option_changed)
        self.offset_y.valueChanged.connect(self._on_option_changed)
        self.proof_check.toggled.connect(self._on_option_changed)
        self.start_spin.valueChanged.connect(self._on_choice_changed)
        services.data_changed.connect(self._on_services_data_changed)
        self._update_buttons()

    def _offset_spin(self, value: float) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setRange(-20.0, 20.0)
        spin.setSingleStep(0.5)
        spin.setDecimals(1)
        spin.setValue(value)
        return spin

    # --- choices -------------------------------------------------------------------------
    def kind(self) -> str:
        return self.kind_combo.currentData()

    def _season_names(self) -> dict[str, str]:
        return {"new_year": self.tr("New Year card %1"), "winter": self.tr("Winter greeting %1 (寒中見舞い)"),
                "summer": self.tr("Summer greeting %1"), "year_end": self.tr("Year-end greeting %1"),
                "other": self.tr("Other card %1")}

    def _fill_seasons(self) -> None:
        from loyaldesk.core.greetings import current_season

        season, year = current_season(self.services.as_of())
        names = self._season_names()
        choices = [(season, year)]
        for s in ("new_year", "winter", "summer", "year_end", "other"):
            y = self.services.as_of().year + (1 if s == "new_year" and self.services.as_of().month >= 11 else 0)
            if (s, y) not in choices:
                choices.append((s, y))
        current = self.season_combo.currentData()
        self.season_combo.blockSignals(True)
        self.season_combo.clear()
        for s, y in choices:
            self.season_combo.addItem(names[s].replace("%1", str(y)), (s, y))
        if current is not None:
            self.season_combo.setCurrentIndex(max(self.season_combo.findData(current), 0))
        self.season_combo.blockSignals(False)

    def _fill_templates(self) -> None:
        """The templates a message side can use (the postcard ones first); the season's when not chosen."""
        from loyaldesk.core.addresses.message import template_choices

        current = self.template_combo.currentData()
        self.template_combo.blockSignals(True)
        self.template_combo.clear()
        for key, name in template_choices(self.services.db):
            self.template_combo.addItem(name, key)
            self.template_combo.setItemData(self.template_combo.count() - 1, name, Qt.ItemDataRole.ToolTipRole)
        view = self.template_combo.view()  # the list shows whole names, wider than the box if need be
        view.setMinimumWidth(view.sizeHintForColumn(0) + 24)
        if self._template_chosen and current is not None and self.template_combo.findData(current) >= 0:
            self.template_combo.setCurrentIndex(self.template_combo.findData(current))
        else:
            self._select_season_template()
        self.template_combo.blockSignals(False)

    def _select_season_template(self) -> None:
        from loyaldesk.core.addresses.message import template_for_season

        season = (self.season_combo.currentData() or ("new_year", 0))[0]
        self.template_combo.setCurrentIndex(max(self.template_combo.findData(template_for_season(season)), 0))

    def _on_season_changed(self, _index: int) -> None:
        if not self._template_chosen:
            self.template_combo.blockSignals(True)
            self._select_season_template()
            self.template_combo.blockSignals(False)
        self._on_choice_changed()

    def _on_template_activated(self, _index: int) -> None:
        self._template_chosen = True

    def side(self) -> str:
        return self.side_combo.currentData() if self.kind() == "postcard" else "address"

    def _fill_recipients(self) -> None:
        current = self.recipients_combo.currentData()
        self.recipients_combo.blockSignals(True)
        self.recipients_combo.clear()
        if self._chosen:
            self.recipients_combo.addItem(self.tr("Chosen clients (%1)").replace("%1", str(len(self._chosen))),
                                          ("chosen", ""))
        self.recipients_combo.addItem(self.tr("To send this season"), ("season", ""))
        tiers = labels.tier_labels()
        for tier in ("vip", "candidate", "regular", "new"):
            self.recipients_combo.addItem(self.tr("Tier: %1").replace("%1", tiers[tier]), ("tier", tier))
        for tag in self.services.tags.list():
            self.recipients_combo.addItem(self.tr("Tag: %1").replace("%1", tag.name), ("tag", tag.name))
        if current is not None:
            self.recipients_combo.setCurrentIndex(max(self.recipients_combo.findData(current), 0))
        self.recipients_combo.blockSignals(False)

    def _on_kind_changed(self, _index: int) -> None:
        from loyaldesk.core.addresses.compose import LABEL_LAYOUTS

        kind = self.kind()
        self.layout_combo.blockSignals(True)
        self.layout_combo.clear()
        if kind == "envelope":
            self.layout_combo.addItem(self.tr("長形3号 (120 × 235 mm, vertical)"), "naga3")
            self.layout_combo.addItem(self.tr("DL (220 × 110 mm)"), "dl")
            self.layout_combo.addItem(self.tr("#10 (9.5 × 4.125 in)"), "no10")
        elif kind == "labels":
            for key, lay in LABEL_LAYOUTS.items():
                text = self.tr("%1: %2 labels").replace("%1", lay.title).replace("%2", str(lay.cells))
                self.layout_combo.addItem(text, key)
        self.layout_combo.blockSignals(False)
        self._update_rows()
        self._on_choice_changed(0)

    def _update_rows(self) -> None:
        kind = self.kind()
        layout = self.layout_combo.currentData()
        self.form.setRowVisible(self.layout_combo, kind != "postcard")
        self.form.setRowVisible(self.start_spin, kind == "labels")
        self.form.setRowVisible(self.season_combo, kind == "postcard" or self._recipient_kind() == "season")
        self.form.setRowVisible(self.side_combo, kind == "postcard")
        message = kind == "postcard" and self.side_combo.currentData() != "address"
        self.form.setRowVisible(self.template_combo, message)
        self.form.setRowVisible(self.orientation_combo, message)
        vertical = kind == "postcard" or (kind == "envelope" and layout == "naga3")
        self.form.setRowVisible(self.numerals_combo, vertical)
        self.form.setRowVisible(self.hyphen_combo, vertical)
        self.form.setRowVisible(self.sender_combo, kind == "envelope" and layout == "naga3")
        if kind == "labels":
            from loyaldesk.core.addresses.compose import LABEL_LAYOUTS

            self.start_spin.setMaximum(LABEL_LAYOUTS[layout or "a4-12"].cells)

    def _recipient_kind(self) -> str:
        return (self.recipients_combo.currentData() or ("season", ""))[0]

    def start_with_clients(self, client_ids: list[int]) -> None:
        """Addresses for these clients (a selection in the clients list)."""
        self._chosen = list(dict.fromkeys(client_ids))
        self._fill_recipients()
        self.recipients_combo.setCurrentIndex(0)
        self._hide_banner()
        self.refresh_preview()

    def start_with_season_batch(self, client_ids: list[int], season: str, year: int) -> None:
        """Season cards for these clients (the dashboard's group mailing): postcards, that season."""
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData("postcard")))
        for index in range(self.season_combo.count()):
            if tuple(self.season_combo.itemData(index) or ()) == (season, year):
                self.season_combo.setCurrentIndex(index)
                break
        self.start_with_clients(client_ids)

    def _on_choice_changed(self, _value=0) -> None:
        self._update_rows()
        self._hide_banner()
        self._timer.start()

    def options(self):
        from loyaldesk.core.addresses.compose import AddressOptions

        return AddressOptions(numerals=self.numerals_combo.currentData(), hyphen=self.hyphen_combo.currentData(),
                              offset_x_mm=round(self.offset_x.value(), 1), offset_y_mm=round(self.offset_y.value(), 1),
                              proof=self.proof_check.isChecked(), sender=self.sender_combo.currentData(),
                              message_orientation=self.orientation_combo.currentData())

    def _on_option_changed(self, _value=None) -> None:
        if not self.services.db.read_only:
            try:
                self.services.save_address_options(self.options())
            except LoyalDeskError as exc:
                self.error_raised.emit(exc)
                return
        self._on_choice_changed()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._op is None:
            self._timer.start()

    def hideEvent(self, event) -> None:
        self._timer.stop()
        super().hideEvent(event)

    def _on_services_data_changed(self, change: DataChange) -> None:
        if change.touches("tags", "client_tags"):
            self._fill_recipients()
        if change.touches("letter_templates"):
            self._fill_templates()
        if self.isVisible() and change.touches("clients", "greetings", "client_tiers", "tags", "client_tags",
                                               "letter_templates") or (
                self.isVisible() and change.touches("settings") and self._op is None and not self.banner.isVisible()):
            self._timer.start()

    # --- preview -------------------------------------------------------------------------
    def _selection(self) -> dict:
        kind, value = self.recipients_combo.currentData() or ("season", "")
        season, year = self.season_combo.currentData() or ("new_year", self.services.as_of().year)
        return {"kind": kind, "value": value, "chosen": list(self._chosen), "what": self.kind(),
                "layout": self.layout_combo.currentData(), "start": self.start_spin.value(), "season": season,
                "year": year, "options": self.options(), "side": self.side(),
                "template": self.template_combo.currentData()}

    def refresh_preview(self) -> None:
        """Plan and lay out the addresses in a worker; the preview shows them when done."""
        from loyaldesk.core import greetings
        from loyaldesk.core.addresses import compose, message, pdf
        from loyaldesk.core.db import open_database
        from loyaldesk.core.letters import compose as letters

        sel = self._selection()
        self._generation += 1
        generation = self._generation
        path, as_of = self.services.db.path, self.services.as_of()

        def work(progress):
            skipped = []
            with open_database(path, create=False) as own:
                if sel["kind"] == "season":
                    send = greetings.to_send(own, sel["season"], sel["year"], as_of=as_of)
                    ids, skipped = send.client_ids, list(send.skipped)
                elif sel["kind"] == "chosen":
                    ids = sel["chosen"]
                else:
                    ids = letters.select_clients(own, tier=sel["value"] if sel["kind"] == "tier" else None,
                                                 tag=sel["value"] if sel["kind"] == "tag" else None, as_of=as_of)
                plan = compose.plan_addresses(own, ids, as_of=as_of)
                messages = (message.plan_messages(own, plan.entries, sel["template"], as_of=as_of, sender=plan.sender)
                            if sel["side"] != "address" and plan.entries else None)
            plan.skipped = skipped + plan.skipped
            data, pages = (pdf.render_pdf(sel["what"], plan.entries, plan.sender, sel["options"], layout=sel["layout"],
                                          start=sel["start"], progress=progress.tick, side=sel["side"],
                                          messages=messages, orientation=sel["options"].message_orientation)
                           if plan.entries else (b"", []))
            return generation, sel, plan, messages, data, pages

        self.summary_label.setText(self.tr("Preparing the addresses…"))
        op = run_quietly(self, work)
        op.finished.connect(self._on_preview_finished)
        op.failed.connect(self._on_preview_failed)
        op.cancelled.connect(self._on_preview_cancelled)
        self._op = op

    def _on_preview_finished(self, result) -> None:
        generation, sel, plan, messages, data, pages = result
        if generation != self._generation:
            return
        self._op = None
        self.plan = plan
        self.messages = messages
        self._planned = sel
        self.first_pages = pages
        self.preview.load(data)
        n = len(plan.entries)
        self.summary_label.setText(self.tr("Addresses ready: %1.").replace("%1", str(n)) if n
                                   else self.tr("No address to print."))
        self.skipped_label.setText(self._skipped_text(plan.skipped))
        self._update_buttons()
        self._on_preview_page_changed(self.preview.current_page())
        self.preview_ready.emit()

    def _on_preview_failed(self, exc) -> None:
        self._op = None
        self.plan = None
        self.preview.load(b"")
        self._update_buttons()
        self.summary_label.setText(exc.message if isinstance(exc, LoyalDeskError) else "")
        if not isinstance(exc, LoyalDeskError):
            self.error_raised.emit(exc)

    def _on_preview_cancelled(self) -> None:
        self._op = None

    def _skipped_text(self, skipped: list) -> str:
        counts: dict[str, int] = {}
        for s in skipped:
            counts[s.reason] = counts.get(s.reason, 0) + 1
        reasons = {
            "mourning": self.tr("in mourning (no New Year card): %1"),
            "already_sent": self.tr("card already sent: %1"),
            "do_not_contact": self.tr("do not contact: %1"),
            "archived": self.tr("archived: %1"),
            "no_address": self.tr("no postal address: %1"),
            "not_found": self.tr("no longer in the database: %1"),
        }
        parts = [text.replace("%1", str(counts[r])) for r, text in reasons.items() if counts.get(r)]
        return self.tr("Left out: %1.").replace("%1", ", ".join(parts)) if parts else ""

    def page_count(self) -> int:
        return self.preview.page_count() if self.plan and self.plan.entries else 0

    def entry_on_page(self, page: int):
        if not self.plan or not self.plan.entries:
            return None
        index = 0
        for i, first in enumerate(self.first_pages):
            if first - 1 <= page:
                index = i
        return self.plan.entries[min(index, len(self.plan.entries) - 1)]

    def _on_preview_page_changed(self, page: int) -> None:
        count = self.page_count()
        if not count:
            return
        text = self.tr("Page %1 of %2").replace("%1", str(page + 1)).replace("%2", str(count))
        if self.kind() != "labels":
            entry = self.entry_on_page(page)
            text += " — " + (entry.recipient.name if entry else "")
        self.preview.set_caption(text)

    def _update_buttons(self) -> None:
        has = bool(self.plan and self.plan.entries)
        self.save_button.setEnabled(has)
        self.print_button.setEnabled(has)
        self.record_button.setEnabled(not self.services.db.read_only)

    # --- save, print, record -------------------------------------------------------------
    def _on_save_clicked(self) -> None:
        if not self.plan or not self.plan.entries:
            return
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save addresses as PDF"), self._default_name(),
                                                    self.tr("PDF files (*.pdf)"))
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        self.save_to(path)

    def _default_name(self) -> str:
        from pathlib import Path

        from PySide6.QtCore import QStandardPaths

        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        return str(Path(folder) / f"{self.kind()}s-{self.services.as_of().isoformat()}.pdf")

    def save_to(self, path: str):
        """Write the previewed addresses to `path` in a worker (progress, cancel)."""
        from loyaldesk.core.addresses import pdf

        sel = self._planned
        entries, sender, messages = list(self.plan.entries), self.plan.sender, self.messages

        def work(progress):
            return pdf.write_pdf(sel["what"], entries, sender, path, sel["options"], layout=sel["layout"],
                                 start=sel["start"], progress=progress.tick, side=sel["side"], messages=messages,
                                 orientation=sel["options"].message_orientation)

        op = run_in_background(self, self.tr("Writing the addresses (%1)…").replace("%1", str(len(entries))), work)
        op.finished.connect(lambda _pages: self._on_written(path, sel, entries))
        op.failed.connect(self._on_write_failed)
        return op

    def _on_written(self, path: str, sel: dict, entries: list) -> None:
        self.saved.emit(path)
        self._offer_record(sel, entries, self.tr("Saved: %1 addresses, in %2.").replace("%1", str(len(entries)))
                           .replace("%2", path))

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
        """Paint every page of the preview onto the printer, then offer to record the cards."""
        from PySide6.QtCore import QMarginsF, QSizeF
        from PySide6.QtGui import QPageLayout, QPageSize

        size = self.preview.document.pagePointSize(0)
        printer.setPageLayout(QPageLayout(QPageSize(QSizeF(size.width(), size.height()), QPageSize.Unit.Point,
                                                    "", QPageSize.SizeMatchPolicy.ExactMatch),
                                          QPageLayout.Orientation.Portrait, QMarginsF()))
        if not print_document(self.preview.document, printer):
            self.error_raised.emit(LoyalDeskError("db.error", detail=self.tr("The printer could not be started.")))
            return
        entries = list(self.plan.entries)
        self._offer_record(self._planned, entries, self.tr("Sent to the printer: %1 addresses.")
                           .replace("%1", str(len(entries))))

    def _offer_record(self, sel: dict, entries: list, text: str) -> None:
        if sel["what"] != "postcard":
            return
        season, year = sel["season"], sel["year"]
        self._printed = ([e.client_id for e in entries], season, year)
        card = self._season_names()[season].replace("%1", str(year))
        ask = self.tr("Record these cards as sent (%1), with a card contact dated %2?").replace("%1", card).replace(
            "%2", self.services.as_of().isoformat())
        self.banner_label.setText(f"{text}\n{ask}")
        self.record_button.show()
        self.record_button.setEnabled(not self.services.db.read_only)
        self.not_now_button.setText(self.tr("Not now"))
        self.banner.show()

    def _on_record_clicked(self) -> None:
        if self._printed is None:
            return
        ids, season, year = self._printed
        try:
            count = self.services.record_cards_sent(ids, season, year)
        except LoyalDeskError as exc:
            self.error_raised.emit(exc)
            return
        self._printed = None
        self.banner_label.setText(self.tr("Cards recorded as sent: %1.").replace("%1", str(count)))
        self.record_button.hide()
        self.not_now_button.setText(self.tr("Close"))

    def _hide_banner(self) -> None:
        self._printed = None
        self.banner.hide()
        self.record_button.show()
        self.not_now_button.setText(self.tr("Not now"))

