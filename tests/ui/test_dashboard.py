"""The dashboard as the consultant uses it: whom to contact today, one-click actions, figures."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu

from loyaldesk.ui.dashboard.model import Column
from tests.conftest import AS_OF, add_client, add_session


@pytest.fixture
def dashboard(qtbot, services):
    from loyaldesk.ui.dashboard.screen import DashboardScreen

    w = DashboardScreen(services)
    qtbot.addWidget(w)
    w.resize(1200, 800)
    return w


def load(qtbot, dashboard):
    with qtbot.waitSignal(dashboard.loaded, timeout=20000):
        dashboard.reload()


def rows(dashboard):
    m = dashboard.model
    return [(m.index(r, Column.ACTION).data(), m.index(r, Column.CLIENT).data(), m.index(r, Column.REASON).data())
            for r in range(m.rowCount())]


def select(dashboard, row):
    dashboard.table.setFocus()
    dashboard.table.selectRow(row)


@pytest.fixture
def first_timer(db):
    """A client whose first session was two days ago: a thank-you letter is due."""
    cid = add_client(db, "山田 太郎", created="2026-11-01")
    add_session(db, cid, (AS_OF - dt.timedelta(days=2)).isoformat(), topic="資金計画")
    return cid


def test_thank_you_after_a_first_session_with_its_reason_in_full(qtbot, dashboard, first_timer):
    dashboard.show()
    load(qtbot, dashboard)
    shown = rows(dashboard)
    assert ("Thank-you letter", "山田 太郎") in [(a, c) for a, c, _r in shown]
    row = next(i for i, (a, _c, _r) in enumerate(shown) if a == "Thank-you letter")
    select(dashboard, row)
    # the whole reason beside the list, without hovering
    reason = dashboard.today.detail_reason.text()
    assert reason.startswith("First session 2026-11-21 (個別相談: 資金計画) · no contact since · thank them by 2026-11-24")
    assert dashboard.today.detail_reason.isVisible()
    assert dashboard.today.title.text() == "Today, 2026-11-23"


def accept_done_dialog(qtbot, dashboard, channel=None, note=""):
    dialog = dashboard.done_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    if channel:
        dialog.channel.setCurrentIndex(dialog.channel.findData(channel))
    if note:
        dialog.note.setText(note)
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)  # Enter confirms


def test_done_asks_how_logs_it_and_can_be_undone(qtbot, dashboard, db, first_timer, services):
    dashboard.show()
    load(qtbot, dashboard)
    row = next(i for i, (a, _c, _r) in enumerate(rows(dashboard)) if a == "Thank-you letter")
    select(dashboard, row)
    qtbot.keyClick(dashboard.table, Qt.Key.Key_D)
    assert dashboard.done_dialog.channel.currentData() == "letter"  # preselected from the suggestion
    with qtbot.waitSignal(dashboard.loaded, timeout=20000):  # the reload that follows the change
        accept_done_dialog(qtbot, dashboard, channel="call", note="電話でお礼")
    assert db.query("SELECT channel, date, note FROM touchpoints WHERE client_id = ?", (first_timer,),
                    plain=True) == [("call", AS_OF.isoformat(), "Thank-you call: 電話でお礼")]
    assert "Thank-you letter" not in [a for a, _c, _r in rows(dashboard)]
    banner = dashboard.today.banner_label.text()
    assert dashboard.today.banner.isVisible() and banner == "Logged: Call with 山田 太郎 (Thank-you letter)."
    assert dashboard.today.progress_label.text() == "1 of 1 done"
    # Undo in the confirmation: the contact is gone, the action is back
    with qtbot.waitSignal(dashboard.loaded, timeout=20000):
        qtbot.mouseClick(dashboard.today.undo_button, Qt.MouseButton.LeftButton)
    assert db.scalar("SELECT COUNT(*) FROM touchpoints") == 0
    assert "Thank-you letter" in [a for a, _c, _r in rows(dashboard)]
    # and Edit > Redo records it again
    with qtbot.waitSignal(dashboard.loaded, timeout=20000):
        services.undo_stack.redo()
    assert db.scalar("SELECT COUNT(*) FROM touchpoints WHERE channel = 'call'") == 1


def test_dismiss_and_snooze_persist_and_undo(qtbot, dashboard, db, first_timer, services):
    dashboard.show()
    load(qtbot, dashboard)
    kinds = [s.kind for s in dashboard.suggestions]
    assert "thank_you" in kinds
    thank_you = next(s for s in dashboard.suggestions if s.kind == "thank_you")
    dashboard.act(thank_you, "snooze", snooze_until=AS_OF + dt.timedelta(days=7))
    assert dashboard.today.banner_label.text() == "Snoozed until 2026-11-30: Thank-you letter · 山田 太郎"
    load(qtbot, dashboard)
    assert "thank_you" not in [s.kind for s in dashboard.suggestions]
    assert db.scalar("SELECT COUNT(*) FROM touchpoints") == 0  # snoozing is not a contact
    assert services.undo_stack.undoText() == "Snooze: Thank-you letter · 山田 太郎"
    services.undo_stack.undo()  # Ctrl+Z
    load(qtbot, dashboard)
    assert "thank_you" in [s.kind for s in dashboard.suggestions]
    services.undo_stack.redo()
    services.set_as_of(AS_OF + dt.timedelta(days=8))  # after the snooze it is back
    load(qtbot, dashboard)
    back = [s for s in dashboard.suggestions if s.kind == "thank_you"]
    assert back
    row = dashboard.suggestions.index(back[0])
    select(dashboard, row)
    qtbot.keyClick(dashboard.table, Qt.Key.Key_Delete)  # Delete dismisses
    load(qtbot, dashboard)
    assert "thank_you" not in [s.kind for s in dashboard.suggestions]
    assert db.scalar("SELECT decision FROM suggestion_decisions ORDER BY id DESC LIMIT 1") == "dismissed"


def test_open_goes_to_the_client(qtbot, services, db, first_timer):
    from loyaldesk.settings import Preferences
    from loyaldesk.ui.main_window import MainWindow

    window = MainWindow(services, Preferences.load())
    qtbot.addWidget(window)
    window.show()
    assert window.stack.currentWidget() is window.dashboard  # the app opens on Today
    qtbot.waitUntil(lambda: window.dashboard.model.rowCount() > 0, timeout=20000)
    row = next(i for i, s in enumerate(window.dashboard.suggestions) if s.client_id == first_timer)
    select(window.dashboard, row)
    qtbot.keyClick(window.dashboard.table, Qt.Key.Key_Return)  # Enter opens
    assert window.stack.currentWidget() is window.clients_screen
    assert window.clients_screen.current_client().id == first_timer


def test_a_day_worked_from_the_keyboard(qtbot, services, db):
    """The sample practice in December: a plan of 8, the group mailings, the backlog; the day is
    worked through with keys only, and the plan stays in its order."""
    from loyaldesk.core import demo
    from loyaldesk.settings import Preferences
    from loyaldesk.ui.main_window import MainWindow

    day = dt.date(2026, 12, 5)
    demo.generate(db, clients=120, seed=5, as_of=day)
    services.set_as_of(day)
    window = MainWindow(services, Preferences())
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    dash = window.dashboard
    qtbot.waitUntil(lambda: dash.plan is not None, timeout=30000)
    today = dash.today
    assert dash.model.rowCount() == 8 and today.view_buttons["today"].text() == "Today (8)"
    first_order = [s.key for s in dash.suggestions]
    assert re.fullmatch(r"\d+ more · at 8 a day, caught up by 2026-12-\d\d", today.backlog_label.text())
    titles = [today.batches.item(i).text() for i in range(today.batches.count())]
    assert any(t.startswith("New Year cards for 2027: ") and t.endswith("· post by 2026-12-25") for t in titles)
    # D, Enter on the dialog: done; twice
    for _ in range(2):
        select(dash, 0)
        qtbot.keyClick(dash.table, Qt.Key.Key_D)
        with qtbot.waitSignal(dash.loaded, timeout=30000):
            accept_done_dialog(qtbot, dash)
    assert [s.key for s in dash.suggestions] == first_order[2:]  # the rest kept its order
    assert today.progress_label.text() == "2 of 8 done"
    # S opens the snooze choices
    select(dash, 0)
    qtbot.keyClick(dash.table, Qt.Key.Key_S)
    menu = next(w for w in window.findChildren(QMenu) if w.isVisible())
    assert menu.actions()[0].text() == "Tomorrow (2026-12-06)"
    menu.close()
    # Tab reaches the buttons of the selected action
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    dash.table.setFocus()
    qtbot.keyClick(dash.table, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is today.buttons["done"], timeout=5000)
    # the backlog in the same order, and a group mailing opens its tool with the clients chosen
    qtbot.mouseClick(today.backlog_button, Qt.MouseButton.LeftButton)
    assert today.view == "backlog" and dash.model.rowCount() == len(dash.plan.backlog)
    cards = next(i for i, t in enumerate(titles) if t.startswith("New Year cards"))
    today.batches.setCurrentRow(cards)
    today.batches.setFocus()
    qtbot.keyClick(today.batches, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.addresses_screen
    assert window.addresses_screen.season_combo.currentData() == ("new_year", 2027)


def test_figures_and_referrals(qtbot, dashboard, db):
    hub = add_client(db, "紹介 上手")
    for n in range(2):
        friend = add_client(db, f"友人 {n}", referred_by=hub)
        add_session(db, friend, "2026-03-01", fee=20000)
    add_session(db, hub, "2021-05-01", fee=50000)
    add_session(db, hub, "2026-11-10", fee=50000)
    dashboard.show()
    load(qtbot, dashboard)
    assert dashboard.cards["new"].value.text() == "2"  # the two friends started this year
    assert dashboard.cards["contacts"].value.text() == "1"  # the session on 2026-11-10
    # when the card's line wraps, it wraps between the parts: none of them is split (a word joiner
    # between the characters of a part, a no-break space before its count)
    detail = dashboard.cards["vip"].detail.text()
    assert re.fullmatch(r"Candidates\u00a0\d+ · Regular\u00a0\d+ · New\u00a0\d+", detail.replace("\u2060", ""))
    assert detail.split(" · ")[2].startswith("N\u2060e\u2060w\u2060\u00a0")
    top = dashboard.referrals.topLevelItem(0)
    assert top.text(0) == "★ 紹介 上手" and top.text(2) == "2"
    assert [top.child(i).text(0) for i in range(top.childCount())] == ["友人 0", "友人 1"]
    chart = dashboard.revenue_view.chart()
    assert chart.series()[0].barSets()[0].at(23) == pytest.approx(50.0)  # ¥50,000 in ¥ thousands


def test_nothing_due_says_so(qtbot, dashboard, db):
    add_client(db, "Quiet", do_not_contact=1)
    dashboard.show()
    load(qtbot, dashboard)
    assert dashboard.empty_label.isVisible() and not dashboard.table.isVisible()
    assert dashboard.empty_label.text() == "Nothing is due today. Well done."


def test_who_rose_and_who_slipped(qtbot, dashboard, db):
    from loyaldesk.core import loyalty

    cid = add_client(db, "成長 一郎")
    add_session(db, cid, "2026-08-01", fee=30000)
    add_session(db, cid, "2026-11-01", fee=30000)
    loyalty.refresh_tiers(db, dt.date(2026, 10, 1))  # first session 61 days before: new
    loyalty.refresh_tiers(db, AS_OF)  # 114 days: ranked, and alone at the top: VIP
    dashboard.show()
    load(qtbot, dashboard)
    item = dashboard.movements.topLevelItem(0)
    assert (item.text(0), item.text(1), item.text(2)) == ("2026-11-23", "成長 一郎", "New ↑ VIP")


def test_revenue_chart_says_which_foreign_sessions_it_leaves_out(qtbot, dashboard, db):
    cid = add_client(db, "Abroad Client")
    add_session(db, cid, "2026-10-01", fee=30000)
    with db.transaction() as conn:
        conn.execute("INSERT INTO sessions (client_id, date, fee, foreign_currency, foreign_fee) "
                     "VALUES (?, '2026-11-02', NULL, 'USD', 15000)", (cid,))
    dashboard.show()
    load(qtbot, dashboard)
    title = dashboard.revenue_view.chart().title()
    assert "1 session in USD is not included." in title
    assert dashboard.figures.not_included == {"USD": 1}
