"""The practice currency in the app: fee entry with cents, amounts shown in the currency, the choice
on the welcome page and in Preferences (asking before amounts are read in another currency)."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from loyaldesk.core import practice
from loyaldesk.settings import Preferences
from loyaldesk.ui.clients.dialogs import SessionDialog
from loyaldesk.ui.clients.model import Column
from tests.conftest import add_client, add_session


def _save(dialog):
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def test_dollar_fee_with_cents(qtbot, services, db):
    services.set_currency("USD")
    from loyaldesk.ui.clients.screen import ClientsScreen

    screen = ClientsScreen(services)
    qtbot.addWidget(screen)
    cid = add_client(db, "Emily Carter")
    client = services.clients.get(cid)
    dialog = SessionDialog(services, client, parent=screen)
    qtbot.addWidget(dialog)
    assert dialog.fee.sign.text() == "$" and dialog.fee.text() == "0.00"
    dialog.date.setDate(QDate(2026, 6, 1))
    dialog.fee.setText("$1,234.56")
    _save(dialog)
    assert dialog.result() == 1
    assert db.scalar("SELECT fee FROM sessions") == 123456
    screen.reload()
    m = screen.model
    assert m.data(m.index(m.row_of(cid), Column.REVENUE)) == "$1,234.56"
    screen.select_client(cid)
    timeline = screen.detail.timeline_model
    assert timeline.data(timeline.index(0, 3)) == "$1,234.56"


def test_a_fee_with_too_many_decimals_is_refused_next_to_the_field(qtbot, services, db):
    services.set_currency("USD")
    cid = add_client(db, "Emily Carter")
    dialog = SessionDialog(services, services.clients.get(cid))
    qtbot.addWidget(dialog)
    dialog.fee.setText("6.755")
    _save(dialog)
    assert dialog.result() == 0
    assert dialog.error_label.text() == "USD amounts have 2 decimal places at most: 6.755"
    assert db.scalar("SELECT COUNT(*) FROM sessions") == 0
    dialog.fee.setText("6.75")
    _save(dialog)
    assert db.scalar("SELECT fee FROM sessions") == 675


def test_yen_fee_as_before(qtbot, services, db):
    cid = add_client(db, "山田 太郎")
    dialog = SessionDialog(services, services.clients.get(cid))
    qtbot.addWidget(dialog)
    assert dialog.fee.sign.text() == "¥" and dialog.fee.text() == "0"
    dialog.fee.setText("30,000円")
    _save(dialog)
    assert db.scalar("SELECT fee FROM sessions") == 30000


def test_preferences_ask_before_reading_amounts_in_another_currency(qtbot, services, db, monkeypatch, message_boxes):
    from loyaldesk.ui.settings.dialog import PreferencesDialog

    add_session(db, add_client(db), "2026-03-01", fee=30000)
    dialog = PreferencesDialog(services, Preferences.load())
    qtbot.addWidget(dialog)
    dialog.currency.setCurrentIndex(dialog.currency.findData("USD"))
    dialog._on_ok_clicked()  # the test's message boxes answer No
    (kind, text), = message_boxes
    message_boxes.clear()
    assert kind == "question" and "not converted" in text and "¥30,000 becomes $300.00" in text
    assert practice.currency(db) == "JPY" and dialog.result() != dialog.DialogCode.Accepted
    assert dialog.currency.currentData() == "JPY"

    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    dialog.currency.setCurrentIndex(dialog.currency.findData("USD"))
    dialog._on_ok_clicked()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert practice.currency(db) == "USD" and services.currency() == "USD"
    assert db.scalar("SELECT fee FROM sessions") == 30000  # not converted


def test_preferences_on_an_empty_practice_do_not_ask(qtbot, services, db):
    from loyaldesk.ui.settings.dialog import PreferencesDialog

    dialog = PreferencesDialog(services, Preferences.load())
    qtbot.addWidget(dialog)
    dialog.currency.setCurrentIndex(dialog.currency.findData("EUR"))
    dialog._on_ok_clicked()
    assert practice.currency(db) == "EUR"


def test_welcome_page_sets_the_currency(qtbot, services, db):
    from loyaldesk.ui.main_window import MainWindow

    window = MainWindow(services, Preferences.load())
    qtbot.addWidget(window)
    welcome = window.welcome
    assert welcome.currency.currentData() == "JPY"
    index = welcome.currency.findData("GBP")
    welcome.currency.setCurrentIndex(index)
    welcome.currency.activated.emit(index)
    assert practice.currency(db) == "GBP"
