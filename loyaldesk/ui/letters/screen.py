"""The Letters screen: who (a dashboard suggestion, chosen clients, a tier, overdue clients, a tag), which
template and language; the rest (recipients to tick with a personal line each, the preview, print / save /
e-mail drafts, "record as sent") is the send panel every screen shares (loyaldesk.ui.documents.panel).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from loyaldesk.ui.documents.choices import choose_quietly, recipient_sources, refill
from loyaldesk.ui.documents.panel import SendPanel
from loyaldesk.ui.services import AppServices, DataChange


class LettersScreen(QWidget):
    error_raised = Signal(object)
    preview_ready = Signal()  # a preview finished and is shown
    saved = Signal(str)  # the PDF written

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setObjectName("lettersScreen")
        self._chosen: list[int] = []
        self._answered: dict = {}  # client id -> the suggestion its letter answers

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
        self.design_combo = QComboBox()
        self.design_combo.setObjectName("designCombo")
        self.design_combo.addItem(self.tr("As the template says"), "letter")
        self.design_combo.addItem(self.tr("VIP letter (gold border)"), "vip_letter")
        self.send_by_combo = QComboBox()
        self.send_by_combo.setObjectName("sendByCombo")
        self.send_by_combo.addItem(self.tr("Post (a postal address is needed)"), "address")
        self.send_by_combo.addItem(self.tr("E-mail (an e-mail address is needed)"), "email")
        self.send_by_combo.setToolTip(self.tr("Who can get the letter: by post, those with a postal address; by "
                                              "e-mail (E-mail drafts…), those with an e-mail address."))
        self.edit_templates_button = QPushButton(self.tr("Edit templates…"))
        services.writes.guard(self.edit_templates_button)  # disabled, saying why, in a read-only practice
        self.edit_templates_button.clicked.connect(self._on_edit_templates_clicked)
        form = QFormLayout()
        form.addRow(self.tr("Recipients"), self.recipients_combo)
        form.addRow(self.tr("Template"), self.template_combo)
        form.addRow(self.tr("Language"), self.lang_combo)
        form.addRow(self.tr("Design"), self.design_combo)
        form.addRow(self.tr("Send by"), self.send_by_combo)
        form_widget = QWidget()
        form_widget.setLayout(form)
        form_widget.setMaximumWidth(640)
        head = QHBoxLayout()
        head.addWidget(form_widget, 1)
        head.addWidget(self.edit_templates_button, 0, Qt.AlignmentFlag.AlignBottom)
        head.addStretch(1)

        self.panel = SendPanel(services, self)
        self.panel.preview_ready.connect(self.preview_ready)
        self.panel.saved.connect(self.saved)
        self.panel.error_raised.connect(self.error_raised)
        self.panel.recorded.connect(self._on_panel_recorded)
        self.panel.refresh_on("clients", "sessions", "letter_templates", "settings", "client_tiers", "tags",
                              "client_tags")

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(head)
        layout.addWidget(self.panel, 1)

        self._fill_templates()
        self._fill_recipients()
        for combo in (self.template_combo, self.lang_combo, self.design_combo, self.send_by_combo):
            combo.currentIndexChanged.connect(self._on_choice_changed)
        self.recipients_combo.currentIndexChanged.connect(self._on_recipients_changed)
        services.data_changed.connect(self._on_services_data_changed)
        self.panel.set_source(self._source())  # prepared once shown

    # --- choices -------------------------------------------------------------------------
    def _fill_templates(self) -> None:
        from loyaldesk.core.i18n import current_language
        from loyaldesk.core.letters.templates import list_templates

        names: dict[str, str] = {}
        for x in list_templates(self.services.db):
            if x.key not in names or x.lang == current_language():
                names[x.key] = x.name
        refill(self.template_combo, [(name, key) for key, name in names.items()])

    def _fill_recipients(self) -> None:
        refill(self.recipients_combo, recipient_sources(self.services, len(self._chosen),
                                                        after_tiers=[(self.tr("Overdue clients"), ("overdue", ""))]))

    def start_with_clients(self, client_ids: list[int], template_key: str | None = None,
                           answered: dict | None = None) -> None:
        """Letters to these clients (from a client or a selection); the preview follows."""
        self._chosen = list(dict.fromkeys(client_ids))
        self._answered = dict(answered or {})
        self._fill_recipients()
        choose_quietly(self.recipients_combo, ("chosen", ""))
        if template_key:
            choose_quietly(self.template_combo, template_key)
        self.refresh_preview()

    def start_with_suggestions(self, suggestions: list) -> None:
        """Letters that answer dashboard suggestions: their clients, their template; marked done when recorded."""
        if not suggestions:
            return
        templates = {s.template for s in suggestions}
        key = suggestions[0].template if len(templates) == 1 else None
        self.start_with_clients([s.client_id for s in suggestions], key,
                                {s.client_id: s for s in suggestions if key is None or s.template == key})

    def _on_choice_changed(self, _index: int) -> None:
        """Another template, language, design or way of sending: the ticks and personal lines are kept."""
        self.panel.set_source(self._source(), keep_choices=True)

    def _on_recipients_changed(self, _index: int) -> None:
        """Other recipients: every one of them ticked, no personal line yet."""
        self.panel.set_source(self._source())

    def _on_services_data_changed(self, change: DataChange) -> None:
        if change.touches("tags", "client_tags"):
            self._fill_recipients()
        if change.touches("letter_templates"):
            self._fill_templates()

    def _on_panel_recorded(self, _count: int) -> None:
        answered = {i.client_id for i in (self.panel.batch.chosen if self.panel.batch else []) if i.suggestion}
        self._answered = {k: v for k, v in self._answered.items() if k not in answered}

    def _on_edit_templates_clicked(self) -> None:
        from loyaldesk.ui.letters.editor import TemplateEditorDialog

        dialog = TemplateEditorDialog(self.services, self)
        key = self.template_combo.currentData()
        batch = self.panel.batch
        if key:
            dialog.editor.select(key, batch.items[0].lang if batch and batch.items else _ui_language())
        dialog.exec()

    # --- what to send --------------------------------------------------------------------
    def _source(self):
        """The panel's source: select the clients and describe the letters, in the panel's worker."""
        from loyaldesk.core.documents import pipeline
        from loyaldesk.core.letters import compose

        kind, value = self.recipients_combo.currentData() or ("chosen", "")
        template = self.template_combo.currentData()
        if not template:
            return None
        lang, design = self.lang_combo.currentData(), self.design_combo.currentData() or "letter"
        need = self.send_by_combo.currentData() or "address"
        chosen, answered = list(self._chosen), dict(self._answered)
        about = {s.event_id for s in answered.values() if getattr(s, "event_id", None) is not None}
        event_id = next(iter(about)) if kind == "chosen" and len(about) == 1 else None  # vip invitations

        def source(own, as_of):
            if kind == "chosen":
                ids = chosen
            else:
                ids = compose.select_clients(own, tier=value if kind == "tier" else None, overdue=kind == "overdue",
                                             tag=value if kind == "tag" else None, as_of=as_of)
            return pipeline.Request(design, ids, template=template, lang=lang, as_of=as_of, need=need,
                                    suggestions=answered if kind == "chosen" else {}, event_id=event_id)

        return source

    def refresh_preview(self) -> None:
        """Prepare the letters again now (the ticks and personal lines start afresh)."""
        self.panel.restart(self._source())

    def page_count(self) -> int:
        return self.panel.page_count()


def _ui_language() -> str:
    from loyaldesk.core.i18n import current_language

    return current_language()
