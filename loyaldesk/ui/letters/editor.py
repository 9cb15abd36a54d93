"""The template editor: edit a letter template, insert placeholders from a list, see the letter
for a chosen client as you type, save (checked: unknown placeholders and syntax errors are
reported with their line), or go back to the default text."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, QTimer, Signal
from PySide6.QtGui import QTextCursor, QTextFormat
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from loyaldesk.core.errors import LoyalDeskError, ValidationError
from loyaldesk.ui.services import AppServices
from loyaldesk.ui import theme

PREVIEW_DELAY_MS = 400
KEY_ROLE = Qt.ItemDataRole.UserRole + 1


class TemplateEditor(QWidget):
    template_saved = Signal(str, str)  # key, lang

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setObjectName("templateEditor")
        self.current = None  # the LetterTemplate being edited
        self._loading = False
        self._dirty = False

        self.templates = QListWidget()
        self.templates.setObjectName("templateList")
        self.templates.currentItemChanged.connect(self._on_templates_current_changed)
        self.templates.setMinimumWidth(230)

        self.name_edit = QLineEdit()
        self.subject_edit = QLineEdit()
        self.design_combo = QComboBox()
        self.design_combo.addItem(self.tr("Automatic (VIP design for VIP clients)"), "auto")
        self.design_combo.addItem(self.tr("Standard"), "standard")
        self.design_combo.addItem(self.tr("VIP (gold border and letterhead)"), "vip")
        self.body_edit = QPlainTextEdit()
        self.body_edit.setObjectName("templateBody")
        self.body_edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("Subject"), self.subject_edit)
        form.addRow(self.tr("Design"), self.design_combo)
        self.error_label = QLabel()
        self.error_label.setObjectName("templateError")
        self.error_label.setWordWrap(True)
        theme.style(self.error_label, "color: $error;")
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("saveTemplateButton")
        self.save_button.clicked.connect(self.save)
        self.reset_button = QPushButton(self.tr("Reset to default"))
        self.reset_button.clicked.connect(self._on_reset_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.error_label, 1)
        buttons.addWidget(self.reset_button)
        buttons.addWidget(self.save_button)
        middle = QVBoxLayout()
        middle.addLayout(form)
        middle.addWidget(self.body_edit, 1)
        middle.addLayout(buttons)
        middle_widget = QWidget()
        middle_widget.setLayout(middle)

        self.placeholders = QListWidget()
        self.placeholders.setObjectName("placeholderList")
        self.placeholders.setToolTip(self.tr("Double-click to insert at the cursor"))
        self.placeholders.itemDoubleClicked.connect(self._on_placeholders_item_double_clicked)
        self.client_combo = QComboBox()
        self.client_combo.setObjectName("previewClient")
        self.client_combo.currentIndexChanged.connect(self._schedule_preview)
        self.document = QPdfDocument(self)
        self._bytes = QByteArray()
        self._buffer: QBuffer | None = None
        self.preview = QPdfView()
        self.preview.setDocument(self.document)
        self.preview.setPageMode(QPdfView.PageMode.MultiPage)
        self.preview.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Placeholders")))
        right.addWidget(self.placeholders, 1)
        right.addWidget(QLabel(self.tr("Preview for")))
        right.addWidget(self.client_combo)
        right.addWidget(self.preview, 3)
        right_widget = QWidget()
        right_widget.setLayout(right)

        splitter = QSplitter()
        splitter.addWidget(self.templates)
        splitter.addWidget(middle_widget)
        splitter.addWidget(right_widget)
        splitter.setStretchFactor(1, 2)
        splitter.setStretchFactor(2, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.update_preview)
        for signal in (self.name_edit.textEdited, self.subject_edit.textEdited, self.body_edit.textChanged):
            signal.connect(self._on_text_changed)
        self.design_combo.currentIndexChanged.connect(self._on_text_changed)
        self._fill()

    def hideEvent(self, event) -> None:
        self._timer.stop()  # a pending preview is not needed once the editor is gone
        super().hideEvent(event)

    # --- lists ---------------------------------------------------------------------------
    def _fill(self) -> None:
        from loyaldesk.core.letters import compose, templates

        self.templates.clear()
        languages = {"ja": self.tr("Japanese"), "en": self.tr("English")}
        for x in templates.list_templates(self.services.db):
            item = QListWidgetItem(f"{x.name}  ({languages.get(x.lang, x.lang)})")
            item.setData(KEY_ROLE, (x.key, x.lang))
            item.setToolTip(x.key)
            self.templates.addItem(item)
        self.client_combo.blockSignals(True)
        self.client_combo.clear()
        self.client_combo.addItem(self.tr("A sample client"), None)
        for cid, name in compose.client_choices(self.services.db):
            self.client_combo.addItem(name, cid)
        self.client_combo.blockSignals(False)
        self._fill_placeholders()
        if self.templates.count():
            self.templates.setCurrentRow(0)

    def _fill_placeholders(self) -> None:
        from loyaldesk.core.letters.templates import placeholder_help

        self.placeholders.clear()
        for name, meaning in placeholder_help():
            item = QListWidgetItem(f"{{{{ {name} }}}} — {meaning}")
            item.setData(KEY_ROLE, name)
            self.placeholders.addItem(item)

    def select(self, key: str, lang: str) -> None:
        for row in range(self.templates.count()):
            if self.templates.item(row).data(KEY_ROLE) == (key, lang):
                self.templates.setCurrentRow(row)
                return

    def _on_templates_current_changed(self, item, _previous) -> None:
        from loyaldesk.core.letters.templates import get_template

        if item is None:
            return
        key, lang = item.data(KEY_ROLE)
        self._load(get_template(self.services.db, key, lang))

    def _load(self, template) -> None:
        from loyaldesk.core.letters.templates import default_template

        self._loading = True
        self.current = template
        self.name_edit.setText(template.name)
        self.subject_edit.setText(template.subject)
        self.design_combo.setCurrentIndex(max(self.design_combo.findData(template.design), 0))
        self.body_edit.setPlainText(template.body)
        self.reset_button.setEnabled(default_template(template.key, template.lang) is not None)
        self._loading = False
        self._dirty = False
        self._show_error(None)
        self.update_preview()

    # --- editing -------------------------------------------------------------------------
    def _on_placeholders_item_double_clicked(self, item: QListWidgetItem) -> None:
        self.insert_placeholder(item.data(KEY_ROLE))

    def insert_placeholder(self, name: str) -> None:
        self.body_edit.insertPlainText(f"{{{{ {name} }}}}")
        self.body_edit.setFocus()

    def _on_text_changed(self, *_args) -> None:
        if not self._loading:
            self._dirty = True
            self._schedule_preview()

    def _schedule_preview(self, *_args) -> None:
        self._timer.start()

    def edited(self):
        """The template as it stands in the editor (not saved)."""
        from loyaldesk.core.letters.templates import LetterTemplate

        c = self.current
        return LetterTemplate(c.id, c.key, c.lang, self.name_edit.text(), self.subject_edit.text(),
                              self.body_edit.toPlainText(), self.design_combo.currentData(), c.builtin, c.updated_at)

    def update_preview(self) -> None:
        """Render the edited template for the chosen client (one letter: fast enough to do here)."""
        from loyaldesk.core.letters import compose, pdf

        if self.current is None:
            return
        try:
            letter = compose.preview_letter(self.services.db, self.edited(), self.client_combo.currentData(),
                                            self.services.as_of())
            data, _pages = pdf.render_pdf([letter])
        except ValidationError as exc:
            self._show_error(exc)
            return
        self._show_error(None)
        self.document.close()
        self._bytes = QByteArray(data)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)

    def _show_error(self, exc: ValidationError | None) -> None:
        self.error_label.setText(exc.message if exc else "")
        selections = []
        line = (exc.params.get("line") if exc else None)
        if exc is not None and exc.field == "body" and isinstance(line, int):
            block = self.body_edit.document().findBlockByNumber(line - 1)
            if block.isValid():
                sel = QTextEdit.ExtraSelection()
                sel.format.setBackground(theme.color("highlight_bg"))
                sel.format.setForeground(theme.color("highlight_fg"))
                sel.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
                sel.cursor = QTextCursor(block)
                selections.append(sel)
        self.body_edit.setExtraSelections(selections)

    def save(self) -> bool:
        try:
            saved = self.services.save_letter_template(self.edited())
        except LoyalDeskError as exc:
            self._show_error(exc if isinstance(exc, ValidationError) else None)
            if not isinstance(exc, ValidationError):
                self.error_label.setText(exc.message)
            return False
        self.current = saved
        self._dirty = False
        self.error_label.setText("")
        item = self.templates.currentItem()
        if item is not None:
            languages = {"ja": self.tr("Japanese"), "en": self.tr("English")}
            item.setText(f"{saved.name}  ({languages.get(saved.lang, saved.lang)})")
        self.template_saved.emit(saved.key, saved.lang)
        return True

    def _on_reset_clicked(self) -> None:
        if self.current is None:
            return
        try:
            template = self.services.reset_letter_template(self.current.key, self.current.lang)
        except LoyalDeskError as exc:
            self.error_label.setText(exc.message)
            return
        self._load(template)
        item = self.templates.currentItem()
        if item is not None:
            languages = {"ja": self.tr("Japanese"), "en": self.tr("English")}
            item.setText(f"{template.name}  ({languages.get(template.lang, template.lang)})")


class TemplateEditorDialog(QDialog):
    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Letter templates"))
        self.editor = TemplateEditor(services, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        from loyaldesk.ui.layouts import fit_to_screen

        fit_to_screen(self, 1200, 760)
