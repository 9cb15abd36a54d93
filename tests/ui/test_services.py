"""AppServices: the change signal, and "today" moving on while the app stays open."""

from __future__ import annotations

import datetime as dt

from loyaldesk.core import dates, loyalty
from tests.conftest import add_client, add_session


def test_past_midnight_every_screen_hears_of_it_and_the_tiers_follow(qtbot, db, monkeypatch):
    from loyaldesk.ui.services import TIER_INPUTS, AppServices

    day = dt.date(2026, 11, 23)
    monkeypatch.setattr(dates, "today", lambda: day)
    services = AppServices(db)  # "today" not pinned: the clock's date
    cid = add_client(db, "Steady", created="2025-01-01")
    add_session(db, cid, "2026-01-10")
    loyalty.refresh_tiers(db, day)
    changes = []
    services.data_changed.connect(lambda change: changes.append(change))
    services.enable_tier_refresh()
    try:
        assert services.check_day() is False and changes == []  # same day: nothing
        day = dt.date(2026, 11, 24)
        assert loyalty.tiers_stale(db, day)
        assert services.check_day() is True
        assert changes and changes[0].tables == frozenset(TIER_INPUTS)
        assert services.check_day() is False  # once per new day
        # the refresh that follows stores the tiers as of the new day
        qtbot.waitUntil(lambda: not loyalty.tiers_stale(db, day), timeout=10_000)
        assert db.scalar("SELECT as_of FROM tier_refresh") == "2026-11-24"
    finally:
        services.shutdown()


def test_a_pinned_today_does_not_move(qtbot, services, monkeypatch):
    monkeypatch.setattr(dates, "today", lambda: dt.date(2030, 1, 1))
    assert services.check_day() is False
