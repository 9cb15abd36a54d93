"""The dashboard's figures, checked against hand-counted data."""

from __future__ import annotations

import datetime as dt

from loyaldesk.core.dashboard import contacts_between, dashboard_figures, new_clients_in_year, referrers, revenue_by_month
from tests.conftest import add_client, add_session

AS_OF = dt.date(2026, 11, 23)


def touch(db, client_id, date, channel="letter"):
    with db.transaction() as conn:
        conn.execute("INSERT INTO touchpoints (client_id, date, channel, note) VALUES (?, ?, ?, '')",
                     (client_id, date, channel))


def test_revenue_by_month_covers_24_months_with_zeros(db):
    a = add_client(db, "A")
    add_session(db, a, "2024-12-01", fee=1000)  # first month of the window
    add_session(db, a, "2024-11-30", fee=9999)  # just before it
    add_session(db, a, "2026-11-23", fee=3000)
    add_session(db, a, "2026-11-24", fee=7777)  # after the as-of date: not yet
    months = revenue_by_month(db, AS_OF)
    assert len(months) == 24
    assert months[0] == ("2024-12", 1000) and months[-1] == ("2026-11", 3000)
    assert sum(v for _, v in months) == 4000


def test_contacts_this_month_and_last(db):
    a = add_client(db, "A")
    add_session(db, a, "2026-11-01")
    touch(db, a, "2026-11-23")
    touch(db, a, "2026-10-31")
    touch(db, a, "2026-10-01")
    add_session(db, a, "2026-09-30")
    assert contacts_between(db, dt.date(2026, 11, 1), AS_OF) == 2
    assert contacts_between(db, dt.date(2026, 10, 1), dt.date(2026, 10, 31)) == 2


def test_new_clients_this_year_by_first_session(db):
    old, new, prospect = add_client(db, "Old"), add_client(db, "New"), add_client(db, "Prospect")
    add_session(db, old, "2025-12-31")
    add_session(db, old, "2026-03-01")
    add_session(db, new, "2026-01-01")
    assert prospect
    assert new_clients_in_year(db, AS_OF) == 1


def test_referrers_and_ambassadors(db):
    hub = add_client(db, "Hub")
    one = add_client(db, "One")
    add_client(db, "R1", referred_by=hub)
    add_client(db, "R2", referred_by=hub)
    add_client(db, "R3", referred_by=one)
    role = add_client(db, "Role holder")
    add_client(db, "R4", referred_by=role)
    with db.transaction() as conn:
        tag = conn.execute("SELECT id FROM tags WHERE builtin_key = 'ambassador'").fetchone()[0]
        conn.execute("INSERT INTO client_tags (client_id, tag_id) VALUES (?, ?)", (role, tag))
    refs = referrers(db)
    assert [(r.name, r.count, r.ambassador) for r in refs] == [
        ("Hub", 2, True), ("One", 1, False), ("Role holder", 1, True)]
    assert [name for _, name in refs[0].referred] == ["R1", "R2"]


def test_figures_come_with_the_loyalty_summary(db):
    from loyaldesk.core.loyalty import compute_loyalty

    a = add_client(db, "A")
    add_session(db, a, "2026-11-02", fee=5000)
    report = compute_loyalty(db, AS_OF)
    figures = dashboard_figures(db, report)
    assert figures.as_of == AS_OF
    assert figures.tiers["new"] == 1
    assert figures.revenue_by_month[-1] == ("2026-11", 5000)
    assert figures.contacts_this_month == 1 and figures.new_clients_this_year == 1
