"""The dashboard's figures: the practice at a glance, as of a date.

`dashboard_figures(db, report)` takes the LoyaltyReport the dashboard already computed
(loyaldesk.core.loyalty.compute_loyalty) and adds what the report does not hold, each in one
SQL query over the whole database:

- revenue by month over the last 24 months (sessions dated in each calendar month, up to the
  as-of date; months without a session are 0);
- contacts logged this month (1st of the month to the as-of date) and in the whole previous
  month: sessions and touchpoints both count as contact, as they do for the contact rhythm;
- new clients this year: clients (archived ones too) whose first session ever falls in the
  as-of date's year, on or before it;
- referrals: every client who referred someone (clients.referred_by), with the clients they
  referred; an ambassador is a client with the ambassador role or with two or more referrals.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from loyaldesk.core.db import Database
from loyaldesk.core.sessions import not_included

REVENUE_MONTHS = 24
AMBASSADOR_REFERRALS = 2  # referrals that make a client an ambassador, with or without the role


@dataclass(slots=True)
class Referrer:
    client_id: int
    name: str
    referred: list[tuple[int, str]]  # (client id, name), oldest first
    ambassador: bool  # the ambassador role, or AMBASSADOR_REFERRALS referrals or more
    tier: str = ""

    @property
    def count(self) -> int:
        return len(self.referred)


@dataclass(slots=True)
class DashboardFigures:
    as_of: dt.date
    tiers: dict[str, int]
    statuses: dict[str, int]
    vip_revenue_share: float  # lifetime, 0..1
    vip_revenue_share_12m: float
    pareto: list[tuple[float, float]]
    new_clients_this_year: int
    contacts_this_month: int
    contacts_last_month: int
    overdue: int = 0  # clients past their contact interval (the clients list's "overdue"), dormant ones included
    revenue_by_month: list[tuple[str, int]] = field(default_factory=list)  # ("YYYY-MM", yen), oldest first
    referrers: list[Referrer] = field(default_factory=list)  # most referrals first
    # sessions in another currency without an amount in the practice's, in the revenue chart's months:
    # left out of it ({"USD": 3}; sessions.not_included)
    not_included: dict[str, int] = field(default_factory=dict)


def _month_start(day: dt.date, back: int = 0) -> dt.date:
    index = day.year * 12 + day.month - 1 - back
    return dt.date(index // 12, index % 12 + 1, 1)


def revenue_by_month(db: Database, as_of: dt.date, months: int = REVENUE_MONTHS) -> list[tuple[str, int]]:
    first = _month_start(as_of, months - 1)
    rows = dict(db.query(
        "SELECT substr(date, 1, 7) AS month, COALESCE(SUM(fee), 0) FROM sessions "
        "WHERE date >= ? AND date <= ? GROUP BY month", (first.isoformat(), as_of.isoformat()), plain=True))
    out = []
    for back in range(months - 1, -1, -1):
        key = _month_start(as_of, back).strftime("%Y-%m")
        out.append((key, int(rows.get(key, 0) or 0)))
    return out


def contacts_between(db: Database, start: dt.date, end: dt.date) -> int:
    """Sessions and touchpoints dated from start to end, both included."""
    return int(db.scalar(
        "SELECT (SELECT COUNT(*) FROM sessions WHERE date BETWEEN :s AND :e) "
        "     + (SELECT COUNT(*) FROM touchpoints WHERE date BETWEEN :s AND :e)",
        {"s": start.isoformat(), "e": end.isoformat()}) or 0)


def new_clients_in_year(db: Database, as_of: dt.date) -> int:
    return int(db.scalar(
        "SELECT COUNT(*) FROM (SELECT client_id, MIN(date) AS first FROM sessions WHERE date <= :e "
        "GROUP BY client_id) WHERE first >= :s",
        {"s": dt.date(as_of.year, 1, 1).isoformat(), "e": as_of.isoformat()}) or 0)


def referrers(db: Database, tiers: dict[int, str] | None = None) -> list[Referrer]:
    rows = db.query(
        """
        SELECT r.id, r.name, c.id, c.name,
               EXISTS (SELECT 1 FROM client_tags ct JOIN tags t ON t.id = ct.tag_id
                       WHERE ct.client_id = r.id AND t.category = 'role'
                         AND (t.builtin_key = 'ambassador' OR lower(t.name) IN ('ambassador', 'アンバサダー')))
        FROM clients c JOIN clients r ON r.id = c.referred_by
        WHERE COALESCE(r.archived, 0) = 0
        ORDER BY r.id, COALESCE(c.created_at, ''), c.id
        """, plain=True)
    by_id: dict[int, Referrer] = {}
    for rid, rname, cid, cname, role in rows:
        ref = by_id.get(rid)
        if ref is None:
            ref = by_id[rid] = Referrer(rid, rname, [], bool(role), (tiers or {}).get(rid, ""))
        ref.referred.append((cid, cname))
    for ref in by_id.values():
        ref.ambassador = ref.ambassador or ref.count >= AMBASSADOR_REFERRALS
    return sorted(by_id.values(), key=lambda r: (-r.count, r.name))


def dashboard_figures(db: Database, report) -> DashboardFigures:
    """The figures for the dashboard, given the loyalty report computed as of the same date."""
    as_of = report.as_of
    summary = report.summary
    this_month = _month_start(as_of)
    last_month = _month_start(as_of, 1)
    return DashboardFigures(
        as_of=as_of,
        tiers=dict(summary.tiers),
        statuses=dict(summary.statuses),
        vip_revenue_share=summary.vip_revenue_share,
        vip_revenue_share_12m=summary.vip_revenue_share_12m,
        pareto=list(summary.pareto),
        new_clients_this_year=new_clients_in_year(db, as_of),
        contacts_this_month=contacts_between(db, this_month, as_of),
        contacts_last_month=contacts_between(db, last_month, this_month - dt.timedelta(days=1)),
        overdue=sum(1 for c in report.clients if c.overdue_days > 0),
        revenue_by_month=revenue_by_month(db, as_of),
        referrers=referrers(db, {c.id: c.tier for c in report.clients}),
        not_included=not_included(db, start=_month_start(as_of, REVENUE_MONTHS - 1), end=as_of + dt.timedelta(days=1)),
    )
