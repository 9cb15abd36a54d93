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


def test_a_session_in_euros_in_a_yen_practice(qtbot, services, db):
    from loyaldesk.core import reports
    from loyaldesk.ui.clients.screen import ClientsScreen

    screen = ClientsScreen(services)
    qtbot.addWidget(screen)
    cid = add_client(db, "Hans Müller")
    add_session(db, cid, "2026-02-01", fee=30000)
    dialog = SessionDialog(services, services.clients.get(cid), parent=screen)
    qtbot.addWidget(dialog)
    assert not dialog.practice_fee.isVisibleTo(dialog)
    dialog.currency.setCurrentIndex(dialog.currency.findData("EUR"))
    assert dialog.fee.sign.text() == "€" and dialog.practice_fee.isVisibleTo(dialog)
    dialog.date.setDate(QDate(2026, 3, 1))
    dialog.fee.setText("80.00")
    _save(dialog)
    assert dialog.result() == 1
    row = db.query_one("SELECT fee, foreign_currency, foreign_fee FROM sessions WHERE foreign_currency IS NOT NULL")
    assert (row["fee"], row["foreign_currency"], row["foreign_fee"]) == (None, "EUR", 8000)

    screen.reload()
    screen.select_client(cid)
    timeline = screen.detail.timeline_model
    assert timeline.data(timeline.index(0, 3)) == "EUR\xa080.00"
    assert "no amount in JPY" in timeline.data(timeline.index(0, 1), 3)  # the tooltip says why
    m = screen.model
    assert m.data(m.index(m.row_of(cid), Column.REVENUE)) == "¥30,000"  # the euros are not in it
    info = screen.detail.findChildren(type(screen.detail.name_label))
    assert any("1 session in EUR is not included." in w.text() for w in info)

    report = reports.build_report(db, 2026, today=services.as_of())
    assert report.summary.revenue == 30000 and report.summary.not_included == {"EUR": 1}

    # the amount in yen becomes known: the session counts from then on
    session = services.sessions.get(db.scalar("SELECT id FROM sessions WHERE foreign_currency = 'EUR'"))
    edit = SessionDialog(services, services.clients.get(cid), session, parent=screen)
    qtbot.addWidget(edit)
    assert edit.currency.currentData() == "EUR" and edit.fee.text() == "80.00" and edit.practice_fee.text() == ""
    edit.practice_fee.setText("13,000")
    _save(edit)
    screen.reload()
    assert m.data(m.index(m.row_of(cid), Column.REVENUE)) == "¥43,000"
    assert timeline.data(timeline.index(0, 3)) == "EUR\xa080.00 (¥13,000)"


def test_reports_screen_says_what_is_not_included(qtbot, services, db):
    from loyaldesk.core.models import Session
    from loyaldesk.ui.reports.screen import ReportsScreen

    cid = add_client(db, "Hans Müller")
    add_session(db, cid, "2025-02-01", fee=30000)
    for day in ("2025-03-01", "2025-04-01", "2025-05-01"):
        services.sessions.add(Session(None, cid, day, fee=None, foreign_currency="USD", foreign_fee=15000))
    w = ReportsScreen(services)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.loaded, timeout=20000):
        w.show()
    assert w.year_combo.currentText() == "2025" and w.cards["revenue"].value.text() == "¥30,000"
    assert w.not_included_label.isVisible()
    assert w.not_included_label.text() == "3 sessions in USD are not included."
