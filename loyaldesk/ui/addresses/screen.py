"""The Addresses screen: postcards (the address side, the message side from a template, or both),
envelopes and label sheets for a selection, a tier, a tag or this season's "to send" list, with the
printing options. The rest (recipients to tick, a personal line on a card's message, the preview, print /
save, "record as sent") is the send panel every screen shares (loyaldesk.ui.documents.panel).

The printing options (numerals, calibration, proof...) are saved in the database (settings
`address_options`), so the command line prints the same way.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from loyaldesk.core.errors import LoyalDeskError
from loyaldesk.ui.documents.choices import choose_quietly, recipient_sources, refill
from loyaldesk.ui.documents.panel import SendPanel
from loyaldesk.ui.services import AppServices, DataChange


class AddressesScreen(QWidget):
    error_raised = Signal(object)
    preview_ready = Signal()
    saved = Signal(str)

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from loyaldesk.core.addresses.compose import load_options

        self.services = services
        self.setObjectName("addressesScreen")
        self._chosen: list[int] = []
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
        for text, spin in ((self.tr("x"), self.offset_x), (self.tr("y"), self.offset_y)):
            label = QLabel(text)
            label.setBuddy(spin)
            offsets.addWidget(label)
            offsets.addWidget(spin)
        self.offset_x.setAccessibleName(self.tr("Calibration, across (mm)"))
        self.offset_y.setAccessibleName(self.tr("Calibration, down (mm)"))
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

        self.panel = SendPanel(services, self)
        self.panel.preview_ready.connect(self.preview_ready)
        self.panel.saved.connect(self.saved)
        self.panel.error_raised.connect(self.error_raised)
        self.panel.refresh_on("clients", "greetings", "client_tiers", "tags", "client_tags", "letter_templates",
                              "settings")

        side = QVBoxLayout()
        side.addWidget(title)
        side.addLayout(self.form)
        side.addStretch(1)
        side_widget = QWidget()
        side_widget.setLayout(side)
        side_widget.setFixedWidth(380)
        layout = QHBoxLayout(self)
        layout.addWidget(side_widget)
        layout.addWidget(self.panel, 1)

        self._fill_seasons()
        self._fill_recipients()
        self._fill_templates()
        self._on_kind_changed(0)
        self.kind_combo.currentIndexChanged.connect(self._on_kind_changed)
        self.season_combo.currentIndexChanged.connect(self._on_season_changed)
        self.template_combo.activated.connect(self._on_template_activated)
        for combo in (self.layout_combo, self.side_combo, self.template_combo):
            combo.currentIndexChanged.connect(self._on_choice_changed)
        self.recipients_combo.currentIndexChanged.connect(self._on_recipients_changed)
        for combo in (self.numerals_combo, self.hyphen_combo, self.sender_combo, self.orientation_combo):
            combo.currentIndexChanged.connect(self._on_option_changed)
        self.offset_x.valueChanged.connect(self._on_option_changed)
        self.offset_y.valueChanged.connect(self._on_option_changed)
        self.proof_check.toggled.connect(self._on_option_changed)
        self.start_spin.valueChanged.connect(self._on_choice_changed)
        services.data_changed.connect(self._on_services_data_changed)

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
        refill(self.season_combo, [(names[s].replace("%1", str(y)), (s, y)) for s, y in choices])

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
        self._on_recipients_changed()  # another season: another list to send to

    def _on_template_activated(self, _index: int) -> None:
        self._template_chosen = True

    def side(self) -> str:
        return self.side_combo.currentData() if self.kind() == "postcard" else "address"

    def _fill_recipients(self) -> None:
        refill(self.recipients_combo, recipient_sources(self.services, len(self._chosen),
                                                        extra=[(self.tr("To send this season"), ("season", ""))]))

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
        choose_quietly(self.recipients_combo, ("chosen", ""))
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
        """Another option: the same recipients, their ticks and personal lines kept."""
        self._update_rows()
        self.panel.set_source(self._source(), keep_choices=True)

    def _on_recipients_changed(self, _value=0) -> None:
        """Other recipients: every one of them ticked, no personal line yet."""
        self._update_rows()
        self.panel.set_source(self._source())

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

    def _on_services_data_changed(self, change: DataChange) -> None:
        if change.touches("tags", "client_tags"):
            self._fill_recipients()
        if change.touches("letter_templates"):
            self._fill_templates()

    # --- what to send --------------------------------------------------------------------
    def document_kind(self) -> str:
        kind = self.kind()
        if kind == "postcard":
            return "postcard" if self.side() == "address" else "postcard_message"
        return kind

    def _source(self):
        """The panel's source: the clients (this season's list, a tier, a tag or those chosen) and the
        document, in the panel's worker."""
        from loyaldesk.core import greetings
        from loyaldesk.core.documents import pipeline
        from loyaldesk.core.letters import compose as letters

        kind, value = self.recipients_combo.currentData() or ("season", "")
        season, year = self.season_combo.currentData() or ("new_year", self.services.as_of().year)
        chosen, what, options = list(self._chosen), self.document_kind(), self.options()
        layout, start, side = self.layout_combo.currentData(), self.start_spin.value(), self.side()
        template = self.template_combo.currentData()

        def source(own, as_of):
            skipped = []
            if kind == "season":
                send = greetings.to_send(own, season, year, as_of=as_of)
                ids, skipped = send.client_ids, list(send.skipped)
            elif kind == "chosen":
                ids = chosen
            else:
                ids = letters.select_clients(own, tier=value if kind == "tier" else None,
                                             tag=value if kind == "tag" else None, as_of=as_of)
            return pipeline.Request(what, ids, template=template, as_of=as_of, skipped=skipped, options=options,
                                    layout=layout, start=start, side=side, season=season, year=year)

        return source

    def refresh_preview(self) -> None:
        """Prepare the addresses again now (the ticks and personal lines start afresh)."""
        self.panel.restart(self._source())

    def page_count(self) -> int:
        return self.panel.page_count()
