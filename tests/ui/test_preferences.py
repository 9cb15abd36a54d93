"""Preferences: what the consultant sets is what the practice keeps."""

from __future__ import annotations

from loyaldesk.core import practice
from loyaldesk.settings import Preferences


def test_interval_and_backup_retention_are_saved_in_the_database(qtbot, services, db):
    from loyaldesk.ui.settings.dialog import PreferencesDialog

    dialog = PreferencesDialog(services, Preferences.load())
    qtbot.addWidget(dialog)
    assert (dialog.cadence.value(), dialog.keep_last.value(), dialog.keep_monthly.value()) == (90, 10, 12)
    dialog.cadence.setValue(60)
    dialog.keep_last.setValue(5)
    dialog.keep_monthly.setValue(24)
    dialog._on_ok_clicked()
    assert dialog.result() == dialog.DialogCode.Accepted
    stored = practice.load(db)
    assert (stored.default_cadence_days, stored.backup_keep_last, stored.backup_keep_monthly) == (60, 5, 24)


def test_language_choice_is_remembered_for_next_start(qtbot, services):
    from loyaldesk.ui.settings.dialog import PreferencesDialog

    dialog = PreferencesDialog(services, Preferences.load())
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("ja"))
    dialog._on_ok_clicked()
    assert dialog.language_changed
    assert Preferences.load().language == "ja"


def test_tier_shares_and_intervals_are_saved(qtbot, services, db):
    from loyaldesk.ui.settings.dialog import PreferencesDialog

    dialog = PreferencesDialog(services, Preferences.load())
    qtbot.addWidget(dialog)
    assert dialog.vip_share.value() == 20 and dialog.intervals["vip"].value() == 30
    dialog.vip_share.setValue(15)
    dialog.intervals["vip"].setValue(21)
    dialog.dormant_days.setValue(500)
    dialog._on_ok_clicked()
    stored = practice.load(db)
    assert (stored.vip_share, stored.tier_interval_vip, stored.dormant_days) == (0.15, 21, 500)


def test_impossible_shares_are_explained_and_nothing_is_saved(qtbot, services, db):
    from loyaldesk.ui.settings.dialog import PreferencesDialog

    dialog = PreferencesDialog(services, Preferences.load())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.vip_share.setValue(60)
    dialog.candidate_share.setValue(50)
    dialog._on_ok_clicked()
    assert dialog.error.isVisible() and "100 %" in dialog.error.text()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert practice.load(db).vip_share == 0.20


def test_daily_capacity_is_saved_and_bounded(qtbot, services, db):
    from loyaldesk.ui.settings.dialog import PreferencesDialog

    dialog = PreferencesDialog(services, Preferences.load())
    qtbot.addWidget(dialog)
    assert dialog.daily_capacity.value() == 8
    assert (dialog.daily_capacity.minimum(), dialog.daily_capacity.maximum()) == (1, 50)
    dialog.daily_capacity.setValue(12)
    dialog._on_ok_clicked()
    assert practice.load(db).daily_capacity == 12
