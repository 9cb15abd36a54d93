"""Preferences > Security: protect the practice file with a passphrase, change it, remove it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from loyaldesk.core import cipher
from loyaldesk.ui.security.dialogs import NewPassphraseDialog, ProtectionChange
from loyaldesk.ui import theme


class SecurityTab(QWidget):
    change_requested = Signal(object)  # a ProtectionChange the application controller carries out

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("securityTab")
        self.path = Path(path)
        self.protected = cipher.is_encrypted(self.path)
        if self.protected:
            status = self.tr("<b>This practice file is protected by a passphrase.</b> The file, its backups and "
                             "its archives are encrypted (SQLCipher, AES-256); the passphrase is asked once each "
                             "time LoyalDesk starts.")
        else:
            status = self.tr("<b>This practice file is not protected.</b> Anyone who has this computer or its "
                             "disk (or a backup) can read your clients' data with any SQLite tool.")
        self.status = QLabel(status)
        self.status.setObjectName("securityStatus")
        self.status.setWordWrap(True)
        self.protect_button = QPushButton(self.tr("&Protect this practice with a passphrase…"))
        self.protect_button.setObjectName("protectButton")
        self.change_button = QPushButton(self.tr("C&hange the passphrase…"))
        self.change_button.setObjectName("changePassphraseButton")
        self.remove_button = QPushButton(self.tr("&Remove the protection…"))
        self.remove_button.setObjectName("removeProtectionButton")
        self.protect_button.setVisible(not self.protected)
        self.change_button.setVisible(self.protected)
        self.remove_button.setVisible(self.protected)
        self.protect_button.clicked.connect(self._on_protect_clicked)
        self.change_button.clicked.connect(self._on_change_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        note = QLabel(self.tr(
            "Not protected by the passphrase: the app while it is open and unlocked, what you print, and the "
            "files you export as CSV, Excel, vCard, PDF or an unencrypted archive."))
        note.setWordWrap(True)
        theme.style(note, "color: $muted;")
        buttons = QHBoxLayout()
        for button in (self.protect_button, self.change_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addSpacing(8)
        layout.addLayout(buttons)
        layout.addSpacing(8)
        layout.addWidget(note)
        layout.addStretch(1)
        if not cipher.available():  # a build without SQCipher: say so rather than fail later
            self.protect_button.setEnabled(False)
            self.protect_button.setToolTip(self.tr("SQLCipher is not installed with this copy of LoyalDesk."))

    def _on_protect_clicked(self) -> None:
        dialog = NewPassphraseDialog(self.path, self)
        if dialog.exec() and dialog.result_change is not None:
            self.change_requested.emit(dialog.result_change)

    def _on_change_clicked(self) -> None:
        dialog = NewPassphraseDialog(self.path, self, change=True)
        if dialog.exec() and dialog.result_change is not None:
            self.change_requested.emit(dialog.result_change)

    def _on_remove_clicked(self) -> None:
        answer = QMessageBox.warning(
            self, self.tr("Remove the protection"),
            self.tr("After this, %1 is an ordinary SQLite file again: anyone who has this computer, its disk or "
                    "a copy of the file can read every client's data without a passphrase.\n\n"
                    "Backups made so far stay encrypted with the current passphrase; new backups will not be.\n\n"
                    "Remove the protection?").replace("%1", self.path.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self.change_requested.emit(ProtectionChange("unprotect"))
