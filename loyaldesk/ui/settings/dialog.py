"""Preferences: the language of this computer; the practice's contact interval and backup retention."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from loyaldesk.core.errors import LoyalDeskError
from loyaldesk.settings import Preferences
from loyaldesk.ui.services import AppServices


class PreferencesDialog(QDialog):
    def __init__(self, services: AppServices, prefs: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.prefs = prefs
        self.language_changed = False
        self.setWindowTitle(self.tr("Preferences"))
        self.language = QComboBox()
        self.language.addItem(self.tr("System language"), "")
        self.language.addItem("English", "en")
        self.language.addItem("日本語", "ja")
        self.language.setCurrentIndex(max(0, self.language.findData(prefs.language)))
        settings = services.practice_settings()
        self.cadence = QSpinBox()
        self.cadence.setRange(1, 3650)
        self.cadence.setSuffix(self.tr(" days"))
        self.cadence.setValue(settings.default_cadence_days)
        note = QLabel(self.tr("A client is overdue when the days since the last contact exceed this interval, "
                              "unless the client has an interval of their own."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #546E7A;")
        self.keep_last = QSpinBox()
        self.keep_last.setRange(1, 1000)
        self.keep_last.setValue(settings.backup_keep_last)
        self.keep_monthly = QSpinBox()
        self.keep_monthly.setRange(0, 600)
        self.keep_monthly.setSuffix(self.tr(" months"))
        self.keep_monthly.setValue(settings.backup_keep_monthly)
        self.error = QLabel()
        self.error.setStyleSheet("color: #B3261E;")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("&Language (after restart)"), self.language)
        form.addRow(self.tr("Default contact &interval"), self.cadence)
        form.addRow(self.tr("&Recent backups to keep"), self.keep_last)
        form.addRow(self.tr("&Monthly backups for"), self.keep_monthly)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_ok_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _on_ok_clicked(self) -> None:
        settings = self.services.practice_settings()
        wanted = {"default_cadence_days": self.cadence.value(), "backup_keep_last": self.keep_last.value(),
                  "backup_keep_monthly": self.keep_monthly.value()}
        if any(getattr(settings, name) != value for name, value in wanted.items()):
            for name, value in wanted.items():
                setattr(settings, name, value)
            try:
                self.services.save_practice_settings(settings)
            except LoyalDeskError as exc:
                self.error.setText(exc.message)
                self.error.show()
                return
        language = self.language.currentData()
        if language != self.prefs.language:
            self.prefs.language = language
            self.prefs.save()
            self.language_changed = True
        self.accept()
