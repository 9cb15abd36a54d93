"""Preferences: the language of this computer and the practice's default contact interval."""

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
        self.error = QLabel()
        self.error.setStyleSheet("color: #B3261E;")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("&Language (after restart)"), self.language)
        form.addRow(self.tr("Default contact &interval"), self.cadence)
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
        if settings.default_cadence_days != self.cadence.value():
            settings.default_cadence_days = self.cadence.value()
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
