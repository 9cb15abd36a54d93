"""Preferences: the language of this computer; the practice's tiers, contact rhythm and backups.

The practice settings live in the database (loyaldesk.core.practice), so every copy of the
file and the command line agree; only the language is a preference of this computer.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from loyaldesk.core.errors import LoyalDeskError
from loyaldesk.settings import Preferences
from loyaldesk.ui import labels, theme
from loyaldesk.ui.money_edit import currency_combo
from loyaldesk.ui.services import AppServices


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    theme.style(label, "color: $muted;")
    return label


class PreferencesDialog(QDialog):
    def __init__(self, services: AppServices, prefs: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.prefs = prefs
        self.language_changed = False
        self.setWindowTitle(self.tr("Preferences"))
        settings = services.practice_settings()
        days = self.tr(" days")

        def spin(low: int, high: int, value: int, suffix: str = days) -> QSpinBox:
            box = QSpinBox()
            box.setRange(low, high)
            box.setSuffix(suffix)
            box.setValue(value)
            return box

        # --- general
        self.language = QComboBox()
        self.language.addItem(self.tr("System language"), "")
        self.language.addItem("English", "en")
        self.language.addItem("日本語", "ja")
        self.language.setCurrentIndex(max(0, self.language.findData(prefs.language)))
        self.color_scheme = QComboBox()
        self.color_scheme.setObjectName("colorSchemeCombo")
        self.color_scheme.addItem(self.tr("As the system"), "system")
        self.color_scheme.addItem(self.tr("Light"), "light")
        self.color_scheme.addItem(self.tr("Dark"), "dark")
        self.color_scheme.setCurrentIndex(max(0, self.color_scheme.findData(prefs.color_scheme)))
        self.currency = currency_combo(settings.currency)
        self.keep_last = spin(1, 1000, settings.backup_keep_last, "")
        self.keep_monthly = spin(0, 600, settings.backup_keep_monthly, self.tr(" months"))
        general = QWidget()
        form = QFormLayout(general)
        form.addRow(self.tr("&Language (after restart)"), self.language)
        form.addRow(self.tr("&Appearance"), self.color_scheme)
        form.addRow(self.tr("&Currency"), self.currency)
        form.addRow(_note(self.tr(
            "Fees and revenue are kept in this currency. Changing it does not convert amounts already recorded.")))
        form.addRow(self.tr("&Recent backups to keep"), self.keep_last)
        form.addRow(self.tr("&Monthly backups for"), self.keep_monthly)

        # --- tiers
        self.vip_share = spin(1, 100, round(settings.vip_share * 100), " %")
        self.candidate_share = spin(0, 100, round(settings.candidate_share * 100), " %")
        self.new_client_days = spin(0, 3650, settings.new_client_days)
        self.dormant_days = spin(1, 3650, settings.dormant_days)
        self.referral_days = spin(1, 3650, settings.referral_request_days)
        tiers = QWidget()
        tform = QFormLayout(tiers)
        tform.addRow(self.tr("%1: the top").replace("%1", labels.tier_label("vip")), self.vip_share)
        tform.addRow(self.tr("%1: the next").replace("%1", labels.tier_label("candidate")), self.candidate_share)
        tform.addRow(self.tr("&New while the first session is within"), self.new_client_days)
        tform.addRow(self.tr("&Dormant after no contact for"), self.dormant_days)
        tform.addRow(self.tr("Ask for a referral at most once in"), self.referral_days)
        tform.addRow(_note(self.tr(
            "Clients with sessions are ranked by their whole relationship (revenue, sessions, years, "
            "recent activity); the shares are of the ranked clients.")))

        # --- contact rhythm
        self.cadence = spin(1, 3650, settings.default_cadence_days)
        self.intervals = {tier: spin(1, 3650, settings.tier_interval(tier))
                          for tier in ("vip", "candidate", "regular", "new")}
        self.daily_capacity = spin(1, 50, settings.daily_capacity, "")
        self.daily_capacity.setObjectName("dailyCapacity")
        rhythm = QWidget()
        rform = QFormLayout(rhythm)
        rform.addRow(self.tr("Personal contacts a &day"), self.daily_capacity)
        rform.addRow(_note(self.tr(
            "Today plans at most this many personal contacts a day, the most valuable first; thank-you "
            "letters, referral thanks and birthdays are never left out. The rest waits in the backlog.")))
        for tier, box in self.intervals.items():
            rform.addRow(labels.tier_label(tier), box)
        rform.addRow(self.tr("Default contact &interval"), self.cadence)
        rform.addRow(_note(self.tr(
            "A client is overdue when the days since the last contact exceed the interval of their tier "
            "(the default interval for prospects), unless the client has an interval of their own.")))

        # --- sender (who signs the letters): a Japanese and an English profile
        from loyaldesk.core.letters.sender import load_profiles
        from loyaldesk.ui.settings.sender_page import SenderPage

        self.sender_page = SenderPage(load_profiles(services.db))
        self.sender_fields = self.sender_page.fields  # {'ja': {...}, 'en': {...}}
        self.date_style = self.sender_page.date_style
        sender = self.sender_page

        self.tabs = QTabWidget()
        self.tabs.addTab(rhythm, self.tr("Contact rhythm"))
        self.tabs.addTab(tiers, self.tr("Tiers"))
        self.tabs.addTab(sender, self.tr("Sender"))
        self.tabs.addTab(general, self.tr("General"))
        from loyaldesk.ui.security.tab import SecurityTab

        self.security = SecurityTab(services.db.path)
        self.security.change_requested.connect(self._on_security_change_requested)
        self.tabs.insertTab(self.tabs.count() - 1, self.security, self.tr("Security"))  # General stays last
        self.protection_change = None  # a ProtectionChange for the application to carry out after OK

        self.error = QLabel()
        theme.style(self.error, "color: $error;")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_ok_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def showEvent(self, event) -> None:
        from loyaldesk.ui import access

        access.prepare(self)  # Tab leaves the address boxes and the lists
        super().showEvent(event)

    def _on_security_change_requested(self, change) -> None:
        """Save the other settings and close: the file is closed, changed and reopened after that."""
        self.protection_change = change
        self._on_ok_clicked()
        if self.result() != QDialog.DialogCode.Accepted:
            self.protection_change = None

    def _wanted(self) -> dict[str, object]:
        wanted: dict[str, object] = {
            "default_cadence_days": self.cadence.value(),
            "backup_keep_last": self.keep_last.value(),
            "backup_keep_monthly": self.keep_monthly.value(),
            "vip_share": self.vip_share.value() / 100,
            "candidate_share": self.candidate_share.value() / 100,
            "new_client_days": self.new_client_days.value(),
            "dormant_days": self.dormant_days.value(),
            "referral_request_days": self.referral_days.value(),
            "daily_capacity": self.daily_capacity.value(),
        }
        for tier, box in self.intervals.items():
            wanted[f"tier_interval_{tier}"] = box.value()
        return wanted

    def _on_ok_clicked(self) -> None:
        if not self._save_currency():
            return
        settings = self.services.practice_settings()
        wanted = self._wanted()
        if any(getattr(settings, name) != value for name, value in wanted.items()):
            for name, value in wanted.items():
                setattr(settings, name, value)
            try:
                self.services.save_practice_settings(settings)
            except LoyalDeskError as exc:
                self.error.setText(exc.message)
                self.error.show()
                return
        if not self._save_sender():
            return
        language = self.language.currentData()
        if language != self.prefs.language:
            self.prefs.language = language
            self.prefs.save()
            self.language_changed = True
        scheme = self.color_scheme.currentData()
        if scheme != self.prefs.color_scheme:
            self.prefs.color_scheme = scheme
            self.prefs.save()
            from PySide6.QtWidgets import QApplication

            theme.apply_scheme(QApplication.instance(), scheme)  # at once, no restart
        self.accept()

    def _save_currency(self) -> bool:
        """A new currency; on a practice with sessions only after the user agrees that amounts stay as they are."""
        code = self.currency.currentData()
        current = self.services.currency()
        if code == current:
            return True
        from loyaldesk.core import money, practice

        count = practice.session_count(self.services.db)
        if count:
            sample = practice.currency_sample_fee(self.services.db)
            text = self.tr(
                "This practice already records %5 sessions in %1. Their amounts are not converted: "
                "they are read in %2 from now on (%3 becomes %4).\n\nChange the currency to %2?")
            text = (text.replace("%5", f"{count:,}").replace("%1", current).replace("%2", code)
                    .replace("%3", money.format_amount(sample, current)).replace("%4", money.format_amount(sample, code)))
            answer = QMessageBox.question(self, self.tr("Change the currency"), text,
                                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                          QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                self.currency.setCurrentIndex(max(0, self.currency.findData(current)))
                return False
        try:
            self.services.set_currency(code, keep_amounts=True)
        except LoyalDeskError as exc:
            self.error.setText(exc.message)
            self.error.show()
            self.tabs.setCurrentIndex(self.tabs.count() - 1)  # General
            return False
        return True

    def _save_sender(self) -> bool:
        from loyaldesk.core.letters.sender import load_profiles

        profiles = self.sender_page.profiles()
        stored = load_profiles(self.services.db)
        if (profiles.ja, profiles.en) == (stored.ja.stripped(), stored.en.stripped()):
            return True
        try:
            self.services.save_sender_profiles(profiles)
        except LoyalDeskError as exc:
            self.error.setText(exc.message)
            self.error.show()
            self.tabs.setCurrentWidget(self.sender_page)
            return False
        return True
