"""First start on an empty database: start empty, or load a sample practice to explore."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from loyaldesk.ui import labels, theme
from loyaldesk.ui.money_edit import currency_combo


class WelcomeView(QWidget):
    start_empty_requested = Signal()
    sample_requested = Signal()
    import_requested = Signal()
    currency_chosen = Signal(str)  # an ISO 4217 code: the practice's currency from now on
    protect_requested = Signal()  # protect the new practice with a passphrase

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        logo = QLabel()
        logo.setPixmap(labels.icon("loyaldesk").pixmap(96, 96))
        logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel(self.tr("Welcome to LoyalDesk"))
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        theme.style(title, "font-size: 22pt; font-weight: bold; color: $accent;")
        text = QLabel(
            self.tr(
                "Keep your clients, sessions and every contact in one file on this computer, "
                "and see at a glance whom you have not contacted lately.\n\n"
                "Bring in the client list you already keep (Excel, CSV or vCard), start with an "
                "empty practice and add your clients, or load a sample practice to look around first."
            )
        )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = text.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        text.setFont(font)
        text.setFixedWidth(580)
        text.setMinimumHeight(text.heightForWidth(580))  # a wrapped label must not be squeezed
        self.currency = currency_combo("JPY")
        self.currency.setToolTip(self.tr("Fees and revenue are kept and shown in this currency"))
        self.currency.activated.connect(self._on_currency_activated)
        currency_label = QLabel(self.tr("Your &currency:"))
        currency_label.setBuddy(self.currency)
        currency_row = QHBoxLayout()
        currency_row.addStretch(1)
        currency_row.addWidget(currency_label)
        currency_row.addWidget(self.currency)
        currency_row.addStretch(1)
        self.empty_button = QPushButton(labels.icon("add"), self.tr("Start with an empty practice"))
        self.sample_button = QPushButton(labels.icon("sample"), self.tr("Load sample data"))
        self.import_button = QPushButton(labels.icon("import"), self.tr("Import my client list…"))
        for b in (self.import_button, self.empty_button, self.sample_button):
            b.setMinimumHeight(40)
            b.setMinimumWidth(200)
        self.empty_button.setDefault(True)
        self.empty_button.clicked.connect(self.start_empty_requested)
        self.sample_button.clicked.connect(self.sample_requested)
        self.import_button.clicked.connect(self.import_requested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.empty_button)
        buttons.addWidget(self.sample_button)
        buttons.addStretch(1)
        self.protect_button = QPushButton(labels.icon("lock"), self.tr("Protect this practice with a passphrase…"))
        self.protect_button.setObjectName("welcomeProtectButton")
        self.protect_button.setFlat(True)
        self.protect_button.setToolTip(self.tr(
            "Encrypt the file, its backups and archives: a lost or stolen computer gives nothing away"))
        self.protect_button.clicked.connect(self.protect_requested)
        self.protected_label = QLabel(self.tr("This practice file is protected by a passphrase."))
        self.protected_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        theme.style(self.protected_label, "color: $muted;")
        self.protected_label.hide()
        protect_row = QHBoxLayout()
        protect_row.addStretch(1)
        protect_row.addWidget(self.protect_button)
        protect_row.addWidget(self.protected_label)
        protect_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(logo)
        layout.addWidget(title)
        layout.addSpacing(12)
        layout.addWidget(text, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(16)
        layout.addLayout(currency_row)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.addSpacing(8)
        layout.addLayout(protect_row)
        layout.addStretch(2)

    def set_protected(self, protected: bool) -> None:
        """Offer the passphrase to an unprotected practice; say so for a protected one."""
        self.protect_button.setVisible(not protected)
        self.protected_label.setVisible(protected)

    def set_currency(self, code: str) -> None:
        """Show the practice's currency (without announcing it as a choice)."""
        index = self.currency.findData(code)
        if index >= 0:
            self.currency.setCurrentIndex(index)

    def _on_currency_activated(self, index: int) -> None:
        self.currency_chosen.emit(self.currency.itemData(index))
