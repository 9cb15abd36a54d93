"""The "Record as sent?" banner of the send panel: asked once after printing, saving or writing drafts;
nothing is recorded before the answer; once recorded, Undo takes it back (as Edit > Undo does)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from loyaldesk.core.errors import LoyalDeskError
from loyaldesk.ui import theme
from loyaldesk.ui.services import AppServices


class RecordBanner(QFrame):
    recorded = Signal(int)  # how many recipients were recorded as sent
    error_raised = Signal(object)

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self._pending: tuple | None = None  # (batch, channel, client ids) offered to record
        self._undo_index: int | None = None  # the undo stack's index right after our recording
        self.setObjectName("recordBanner")
        theme.style(self, "QFrame#recordBanner { background: $banner_bg; border: 1px solid $banner_border; "
                          "border-radius: 4px; } QFrame#recordBanner QLabel { color: $banner_fg; }")
        self.label = QLabel()
        self.label.setObjectName("recordBannerLabel")
        self.label.setWordWrap(True)
        self.record_button = QPushButton(self.tr("Record as sent"))
        self.record_button.setObjectName("recordSentButton")
        self.record_button.clicked.connect(self.record_sent)
        self.not_now_button = QPushButton(self.tr("Not now"))
        self.not_now_button.clicked.connect(self.dismiss)
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setObjectName("undoRecordButton")
        self.undo_button.clicked.connect(self._on_undo_clicked)
        services.writes.guard(self.record_button, self.undo_button)  # disabled, saying why, when read-only
        # used by the panel after writing e-mail drafts
        self.open_folder_button = QPushButton(self.tr("Open the folder"))
        self.without_email_button = QPushButton(self.tr("Tick only those without e-mail"))
        self.without_email_button.setToolTip(self.tr("To print the letters of those who cannot get an e-mail"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.open_folder_button, self.without_email_button, self.undo_button, self.record_button,
                       self.not_now_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addLayout(buttons)
        self.hide()

    def asking(self) -> bool:
        """Whether "Record as sent?" waits for an answer (the batch shown must stay as it is until then)."""
        return self._pending is not None

    def ask(self, batch, channel: str | None, client_ids: list[int] | None, text: str) -> None:
        """`text` (what was done), then "Record as sent?" for the batch's ticked recipients (or client_ids),
        with the kind's channel or `channel` (email for drafts). Envelopes and labels record nothing."""
        channel = channel or batch.kind.channel
        if channel is None:  # the document they carry is the one recorded
            self.inform(text)
            return
        count = len(client_ids) if client_ids is not None else len(batch.chosen)
        what = {"letter": self.tr("a letter contact"), "card": self.tr("a card contact"),
                "email": self.tr("an e-mail contact")}.get(channel, channel)
        ask = (self.tr("Record as sent? This logs %1 dated %2 for each of the %3 recipients.")
               .replace("%1", what).replace("%2", self.services.as_of().isoformat()).replace("%3", str(count)))
        req = batch.request
        if "greeting" in batch.kind.records and req.season and req.year:
            from loyaldesk.core.greetings import season_label
            from loyaldesk.core.i18n import t

            season = t("greeting.touchpoint_note", season=season_label(req.season), year=req.year)  # 2027年の年賀状
            ask += " " + self.tr("The cards are recorded as sent for %1.").replace("%1", season)
        if "invitation" in batch.kind.records:
            ask += " " + self.tr("The invitations are recorded as sent.")
        self._pending = (batch, channel if channel != batch.kind.channel else None, client_ids)
        self._show(f"{text}\n{ask}", record=True)

    def inform(self, text: str) -> None:
        """Only say what was done (nothing to record)."""
        self._pending = None
        self._show(text, record=False)

    def _show(self, text: str, *, record: bool) -> None:
        self.label.setText(text)
        self.record_button.setVisible(record)
        self.record_button.setEnabled(record and not self.services.db.read_only)
        self.not_now_button.setText(self.tr("Not now") if record else self.tr("Close"))
        for button in (self.undo_button, self.open_folder_button, self.without_email_button):
            button.hide()
        self.show()

    def record_sent(self) -> int:
        """Record what was offered (through the services: undoable); the number recorded (0: nothing)."""
        if self._pending is None:
            return 0
        pending, self._pending = self._pending, None  # answered: the screens may refresh the list now
        batch, channel, client_ids = pending
        try:
            rec = self.services.record_documents_sent(batch, channel=channel, client_ids=client_ids)
        except LoyalDeskError as exc:
            self._pending = pending
            self.error_raised.emit(exc)
            return 0
        self._undo_index = self.services.undo_stack.index()
        self.label.setText(self.tr("Recorded as sent: %1.").replace("%1", str(rec.count)))
        for button in (self.record_button, self.open_folder_button, self.without_email_button):
            button.hide()
        self.undo_button.show()
        self.not_now_button.setText(self.tr("Close"))
        self.recorded.emit(rec.count)
        return rec.count

    def _on_undo_clicked(self) -> None:
        stack = self.services.undo_stack
        if self._undo_index is not None and stack.index() == self._undo_index and stack.canUndo():
            stack.undo()
        self._undo_index = None
        self.label.setText(self.tr("Not recorded: the recording was undone."))
        self.undo_button.hide()

    def dismiss(self) -> None:
        self._pending = None
        self.hide()
