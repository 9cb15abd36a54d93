"""The dashboard as the consultant uses it: whom to contact today, one-click actions, figures."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QStyleOptionViewItem

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


def click_button(qtbot, dashboard, row, action):
    """Click the painted button of a row, as the user does."""
    index = dashboard.model.index(row, Column.BUTTONS)
    option = QStyleOptionViewItem()
    option.rect = dashboard.table.visualRect(index)
    option.fontMetrics = dashboard.table.fontMetrics()
    rect = next(r for a, r, _t in dashboard.delegate.button_rects(option) if a == action)
    qtbot.mouseClick(dashboard.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


@pytest.fixture
def first_timer(db):
    """A client whose first session was two days ago: a thank-you letter is due."""
    cid = add_client(db, "山田 太郎", created="2026-11-01")
    add_session(db, cid, (AS_OF - dt.timedelta(days=2)).isoformat(), topic="資金計画")
    return cid


def test_thank_you_after_a_first_session_with_its_reason(qtbot, dashboard, first_timer):
    dashboard.show()
    load(qtbot, dashboard)
    shown = rows(dashboard)
    assert ("Thank-you letter", "山田 太郎") in [(a, c) for a, c, _r in shown]
    reason = next(r for a, c, r in shown if a == "Thank-you letter")
    assert "2026-11-21" in reason


def test_done_logs_a_touchpoint_and_the_suggestion_does_not_come_back(qtbot, dashboard, db, first_timer):
    dashboard.show()
    load(qtbot, dashboard)
    row = next(i for i, (a, _c, _r) in enumerate(rows(dashboard)) if a == "Thank-you letter")
    with qtbot.waitSignal(dashboard.loaded, timeout=20000):  # the reload that follows the change
        click_button(qtbot, dashboard, row, "done")
    assert db.query("SELECT channel, date FROM touchpoints WHERE client_id = ?", (first_timer,), plain=True) == [
        ("letter", AS_OF.isoformat())]
    assert "Thank-you letter" not in [a for a, _c, _r in rows(dashboard)]
    load(qtbot, dashboard)
    assert "Thank-you letter" not in [a for a, _c, _r in rows(dashboard)]


def test_dismiss_and_snooze_persist(qtbot, dashboard, db, first_timer, services):
    dashboard.show()
    load(qtbot, dashboard)
    kinds = [s.kind for s in dashboard.suggestions]
    assert "thank_you" in kinds
    thank_you = next(s for s in dashboard.suggestions if s.kind == "thank_you")
    dashboard.act(thank_you, "snooze", snooze_until=AS_OF + dt.timedelta(days=7))
    load(qtbot, dashboard)
    assert "thank_you" not in [s.kind for s in dashboard.suggestions]
    assert db.scalar("SELECT COUNT(*) FROM touchpoints") == 0  # snoozing is not a contact
    services.set_as_of(AS_OF + dt.timedelta(days=8))  # after the snooze it is back
    load(qtbot, dashboard)
    back = [s for s in dashboard.suggestions if s.kind == "thank_you"]
    assert back
    dashboard.act(back[0], "dismiss")
    load(qtbot, dashboard)
    assert "thank_you" not in [s.kind for s in dashboard.suggestions]


def test_open_goes_to_the_client(qtbot, services, db, first_timer):
    from loyaldesk.settings import Preferences
    from loyaldesk.ui.main_window import MainWindow

    window = MainWindow(services, Preferences.load())
    qtbot.addWidget(window)
    window.show()
    assert window.stack.currentWidget() is window.dashboard  # the app opens on the dashboard
    qtbot.waitUntil(lambda: window.dashboard.model.rowCount() > 0, timeout=20000)
    row = next(i for i, s in enumerate(window.dashboard.suggestions) if s.client_id == first_timer)
    click_button(qtbot, window.dashboard, row, "open")
    assert window.stack.currentWidget() is window.clients_screen
    assert window.clients_screen.current_client().id == first_timer


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
    assert re.fullmatch(r"Candidates\u00a0\d+ · regular\u00a0\d+ · new\u00a0\d+", detail.replace("\u2060", ""))
    assert detail.split(" · ")[2].startswith("n\u2060e\u2060w\u2060\u00a0")
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
