"""Scores, tiers, status, contact rhythm by tier and tier history, at their boundaries (fixed dates)."""

from __future__ import annotations

import datetime as dt

import pytest

from loyaldesk.core import errors, loyalty, practice
from loyaldesk.core.clients import ClientRepository
from loyaldesk.core.i18n import set_language
from loyaldesk.core.loyalty import compute_loyalty, refresh_tiers, tier_history, tiers_stale
from tests.conftest import AS_OF, add_client, add_session, add_touchpoint


def ago(days: int, as_of: dt.date = AS_OF) -> str:
    return (as_of - dt.timedelta(days=days)).isoformat()


def sessions(db, client_id: int, days_ago: list[int], fee: int = 10_000, as_of: dt.date = AS_OF) -> None:
    """Sessions on the given days before the as-of date, in one transaction."""
    with db.transaction() as conn:
        conn.executemany("INSERT INTO sessions (client_id, date, fee) VALUES (?, ?, ?)",
                         [(client_id, ago(d, as_of), fee) for d in days_ago])


def client(db, name: str, days_ago: list[int], fee: int = 10_000, **extra) -> int:
    cid = add_client(db, name, created="2015-01-01", **extra)
    if days_ago:
        sessions(db, cid, days_ago, fee)
    return cid


def tiers_of(report) -> dict[str, str]:
    return {c.name: c.tier for c in report.clients}


def ladder(db, count: int, prefix: str = "c") -> list[int]:
    """`count` clients with strictly decreasing strength: client k has count+1-k sessions,
    the first 400 days ago for everybody (same tenure), the others every 10 days up to 10 days ago."""
    ids = []
    for k in range(1, count + 1):
        n = count + 1 - k
        ids.append(client(db, f"{prefix}{k}", [400] + [10 * j for j in range(1, n)]))
    return ids


# --- the worked example of docs/loyalty.md -------------------------------------------------------
def worked_example(db) -> dict[str, int]:
    return {
        # 60 monthly sessions over five years, the latest 12 days ago
        "Aoki": client(db, "Aoki", [12 + 30 * j for j in range(60)], fee=30_000),
        # one large sale long ago
        "Ito": client(db, "Ito", [(AS_OF - dt.date(2022, 3, 10)).days], fee=2_400_000),
        # new this past year and growing
        "Ueda": client(db, "Ueda", [5 + 30 * j for j in range(10)] + [400, 430, 460, 490], fee=50_000),
        # now and then for three years
        "Endo": client(db, "Endo", [150, 400, 500, 800, 900, 1000], fee=50_000),
        # came for two years, then stopped
        "Ota": client(db, "Ota", [500, 550, 600, 650, 700, 750, 800, 850], fee=50_000),
    }


def test_worked_example_of_the_documentation(db):
    worked_example(db)
    report = compute_loyalty(db, AS_OF)
    rows = {c.name: c for c in report.clients}
    figures = {name: (c.revenue_total, c.sessions_total, c.active_years, c.revenue_12m, c.frequency_12m, c.recency_days)
               for name, c in rows.items()}
    assert figures == {
        "Aoki": (1_800_000, 60, 5, 360_000, 12, 12),
        "Ito": (2_400_000, 1, 1, 0, 0, 1719),
        "Ueda": (700_000, 14, 2, 500_000, 10, 5),
        "Endo": (300_000, 6, 3, 50_000, 1, 150),
        "Ota": (400_000, 8, 2, 0, 0, 500),
    }
    assert {n: c.score for n, c in rows.items()} == {
        "Aoki": 0.875, "Ueda": 0.65, "Endo": 0.375, "Ito": 0.25, "Ota": 0.2375}
    assert [(c.name, c.rank, c.tier, c.status) for c in report.clients] == [
        ("Aoki", 1, "vip", "active"),
        ("Ueda", 2, "candidate", "active"),
        ("Endo", 3, "regular", "overdue"),
        ("Ito", 4, "regular", "dormant"),
        ("Ota", 5, "regular", "dormant"),
    ]
    assert rows["Aoki"].tenure_days == 1782 and rows["Aoki"].interval_days == 30
    s = report.summary
    assert s.tiers == {"vip": 1, "candidate": 1, "regular": 3, "new": 0, "prospect": 0}
    assert (s.revenue_total, s.vip_revenue_total) == (5_600_000, 1_800_000)
    assert s.vip_revenue_share == pytest.approx(1_800_000 / 5_600_000)
    assert s.vip_revenue_share_12m == pytest.approx(360_000 / 910_000)
    # Pareto: by lifetime revenue Ito (2.4M), Aoki (1.8M), Ueda, Ota, Endo
    expected = [(0, 0), (0.2, 2.4 / 5.6), (0.4, 4.2 / 5.6), (0.6, 4.9 / 5.6), (0.8, 5.3 / 5.6), (1, 1)]
    assert [p[0] for p in s.pareto] == pytest.approx([e[0] for e in expected])
    assert [p[1] for p in s.pareto] == pytest.approx([e[1] for e in expected])


# --- scoring ---------------------------------------------------------------------------------------
def test_steady_five_year_client_outranks_one_large_old_sale(db):
    big = client(db, "One big sale", [4 * 365 + 100], fee=5_000_000)
    steady = client(db, "Steady", [20 + 30 * j for j in range(60)], fee=15_000)  # 900,000 over five years
    for k in range(8):  # ordinary clients: a few sessions in the last two years
        client(db, f"ordinary{k}", [40 + 60 * j for j in range(2 + k % 4)], fee=20_000 + 5_000 * k)
    report = compute_loyalty(db, AS_OF)
    rows = report.by_id()
    assert rows[big].revenue_total > rows[steady].revenue_total  # the largest revenue of all...
    assert rows[big].revenue_total == max(c.revenue_total for c in report.clients)
    assert rows[steady].score > rows[big].score  # ...does not make the better client
    assert rows[steady].rank == 1 and rows[steady].tier == "vip"
    assert rows[big].tier == "regular"
    # five years of monthly sessions touch six calendar years; the old sale one
    assert rows[steady].active_years == len({(AS_OF - dt.timedelta(days=20 + 30 * j)).year for j in range(60)}) == 6
    assert rows[big].active_years == 1


def test_ties_at_the_vip_cut_are_inside(db):
    ids = ladder(db, 10)
    report = compute_loyalty(db, AS_OF)
    assert [report.by_id()[i].tier for i in ids] == ["vip"] * 2 + ["candidate"] * 2 + ["regular"] * 6
    # the third client becomes exactly as good as the second (the last one inside the 20 % cut)
    with db.transaction() as conn:
        conn.execute("DELETE FROM sessions WHERE client_id = ?", (ids[2],))
        conn.execute("INSERT INTO sessions (client_id, date, fee) SELECT ?, date, fee FROM sessions WHERE client_id = ?",
                     (ids[2], ids[1]))
    report = compute_loyalty(db, AS_OF)
    rows = report.by_id()
    assert rows[ids[1]].score == rows[ids[2]].score and rows[ids[1]].rank == rows[ids[2]].rank == 2
    assert [rows[i].tier for i in ids] == ["vip"] * 3 + ["candidate"] + ["regular"] * 6
    assert report.summary.tiers["vip"] == 3  # 30 % of ten: the tie is inside, not cut arbitrarily


def test_tie_at_the_candidate_cut_is_inside(db):
    ids = ladder(db, 10)
    with db.transaction() as conn:  # the fifth becomes as good as the fourth (the last candidate)
        conn.execute("DELETE FROM sessions WHERE client_id = ?", (ids[4],))
        conn.execute("INSERT INTO sessions (client_id, date, fee) SELECT ?, date, fee FROM sessions WHERE client_id = ?",
                     (ids[4], ids[3]))
    rows = compute_loyalty(db, AS_OF).by_id()
    assert [rows[i].tier for i in ids] == ["vip"] * 2 + ["candidate"] * 3 + ["regular"] * 5


def test_shares_come_from_the_settings_with_exact_cuts(db):
    ids = ladder(db, 10)
    cfg = practice.PracticeSettings(vip_share=0.1, candidate_share=0.2)  # 0.1 + 0.2 is not exactly 0.3 in floats
    rows = compute_loyalty(db, AS_OF, cfg).by_id()
    assert [rows[i].tier for i in ids] == ["vip"] + ["candidate"] * 2 + ["regular"] * 7
    cfg = practice.PracticeSettings(vip_share=0.3, candidate_share=0.0)
    rows = compute_loyalty(db, AS_OF, cfg).by_id()
    assert [rows[i].tier for i in ids] == ["vip"] * 3 + ["regular"] * 7


def test_new_versus_regular_exactly_at_90_days(db):
    ids = ladder(db, 10)
    at_90 = client(db, "first session 90 days ago", [90])
    at_89 = client(db, "first session 89 days ago", [89, 10, 5, 1], fee=100_000)
    report = compute_loyalty(db, AS_OF)
    rows = report.by_id()
    assert rows[at_89].tier == "new" and rows[at_89].score is None and rows[at_89].rank is None
    assert rows[at_89].tenure_days == 89 and rows[at_89].interval_days == 14
    assert rows[at_90].tier == "regular" and rows[at_90].score is not None and rows[at_90].tenure_days == 90
    # the new client is not part of the population: 11 ranked clients, 20 % -> ranks 1..3 (2.2)
    assert report.summary.scored == 11 and report.summary.tiers["new"] == 1
    assert [rows[i].tier for i in ids[:3]] == ["vip"] * 3
    # the strong new client did not push anybody out of the top 20 %
    assert all(c.rank is None or c.rank <= 11 for c in report.clients)
    # the period is a setting; 0 means no "new" tier at all
    rows = compute_loyalty(db, AS_OF, practice.PracticeSettings(new_client_days=0)).by_id()
    assert rows[at_89].tier != "new" and rows[at_89].score is not None


def test_archived_and_clients_without_sessions(db):
    ladder(db, 5)
    prospect = client(db, "No session yet", [])
    archived = client(db, "Archived big client", [30, 60, 90, 400, 800], fee=1_000_000, archived=1)
    later = client(db, "Session booked after the as-of date", [-10])
    report = compute_loyalty(db, AS_OF)
    rows = report.by_id()
    assert archived not in rows
    assert rows[prospect].tier == "prospect" and rows[prospect].score is None
    assert rows[prospect].sessions_total == 0 and rows[prospect].tenure_days is None
    assert rows[later].tier == "prospect"  # nothing on or before the as-of date
    assert report.summary.scored == 5 and report.summary.clients == 7
    assert report.summary.tiers == {"vip": 1, "candidate": 1, "regular": 3, "new": 0, "prospect": 2}
    assert report.summary.revenue_total == sum(c.revenue_total for c in report.clients if c.tier != "prospect")


def test_active_years_are_calendar_years_with_a_session_on_or_before_the_as_of_date(db):
    as_of = dt.date(2026, 3, 10)
    cid = add_client(db, "years", created="2015-01-01")
    for day in ("2022-12-31", "2023-01-01", "2023-06-01", "2026-01-05", "2026-03-10", "2026-03-11", "2027-02-01"):
        add_session(db, cid, day, fee=1000)
    c = compute_loyalty(db, as_of).by_id()[cid]
    # 2022, 2023 and 2026; the sessions booked after the as-of date do not count
    assert (c.active_years, c.sessions_total, c.revenue_total) == (3, 5, 5_000)
    assert c.first_session == dt.date(2022, 12, 31) and c.frequency_12m == 2
    # a later as-of date sees every session (the maintained figures, not a recount)
    c = compute_loyalty(db, dt.date(2027, 3, 1)).by_id()[cid]
    assert (c.active_years, c.sessions_total, c.frequency_12m) == (4, 7, 3)
    # before the first session the client is a prospect
    assert compute_loyalty(db, dt.date(2022, 12, 30)).by_id()[cid].tier == "prospect"


def test_frequency_and_revenue_over_the_last_365_days(db):
    cid = client(db, "edges", [0, 364, 365, -1], fee=1_000)
    touch = add_client(db, "touch", created="2015-01-01")
    sessions(db, touch, [200])
    add_touchpoint(db, touch, ago(3))
    rows = compute_loyalty(db, AS_OF).by_id()
    c = rows[cid]
    assert (c.frequency_12m, c.revenue_12m, c.sessions_total, c.revenue_total) == (2, 2_000, 3, 3_000)
    assert c.active_years == 2 and c.recency_days == 0
    assert rows[touch].recency_days == 3 and rows[touch].last_contact == AS_OF - dt.timedelta(days=3)


def test_no_revenue_at_all_gives_zero_shares(db):
    client(db, "free", [100, 200], fee=0)
    s = compute_loyalty(db, AS_OF).summary
    assert (s.vip_revenue_share, s.vip_revenue_share_12m, s.pareto) == (0.0, 0.0, [])
    assert s.tiers["vip"] == 1  # a single ranked client is the top 20 %


def test_empty_database(db):
    report = compute_loyalty(db, AS_OF)
    assert report.clients == [] and report.summary.scored == 0 and report.summary.tiers["vip"] == 0


# --- status ------------------------------------------------------------------------------------------
def test_status_precedence(db):
    cfg = practice.PracticeSettings(vip_share=1.0, candidate_share=0.0)  # every ranked client is vip
    on_time = client(db, "vip at the interval", [30, 400])
    late = client(db, "vip one day late", [31, 400])
    at_365 = client(db, "vip 365 days", [365, 400])
    at_366 = client(db, "vip 366 days", [366, 400])
    dnc = client(db, "do not contact", [200, 400], do_not_contact=1)
    dnc_old = client(db, "do not contact, long ago", [500, 600], do_not_contact=1)
    never = add_client(db, "prospect added long ago", created=ago(400))
    rows = compute_loyalty(db, AS_OF, cfg).by_id()
    status = {cid: rows[cid].status for cid in rows}
    assert status[on_time] == "active" and rows[on_time].overdue_days == 0
    assert status[late] == "at_risk" and rows[late].overdue_days == 1
    assert status[at_365] == "at_risk"  # not yet dormant
    assert status[at_366] == "dormant"  # dormant wins over at risk
    assert status[dnc] == "active" and rows[dnc].overdue_days == 0  # never overdue nor at risk
    assert status[dnc_old] == "dormant"  # but the relationship has lapsed
    assert status[never] == "dormant" and rows[never].recency_days is None  # counted from created_at
    # a regular client who is late is overdue, not at risk
    cfg = practice.PracticeSettings(vip_share=0.01, candidate_share=0.0)
    rows = compute_loyalty(db, AS_OF, cfg).by_id()
    assert rows[late].tier == "regular" and rows[late].interval_days == 90
    assert rows[at_365].status == "overdue"
    assert practice.PracticeSettings().dormant_days == 365
    rows = compute_loyalty(db, AS_OF, practice.PracticeSettings(dormant_days=500)).by_id()
    assert rows[at_366].status != "dormant" and rows[dnc_old].status == "active"


# --- stored tiers, the clients list and the contact interval ------------------------------------------
def list_row(db, cid, as_of=AS_OF):
    return ClientRepository(db).row(cid, as_of)


def test_effective_interval_per_tier_and_cadence_override(db):
    ids = ladder(db, 10)
    own = client(db, "own cadence", [10 * j for j in range(1, 12)] + [400], cadence_days=10)
    new = client(db, "new", [50])
    prospect = add_client(db, "prospect", created="2015-01-01")
    refresh_tiers(db, AS_OF)
    assert list_row(db, own).tier == "vip" and list_row(db, own).cadence_days == 10  # the client's own wins
    assert [(list_row(db, i).tier, list_row(db, i).cadence_days) for i in (ids[0], ids[2], ids[9])] == [
        ("vip", 30), ("candidate", 45), ("regular", 90)]
    assert (list_row(db, new).tier, list_row(db, new).cadence_days) == ("new", 14)
    assert (list_row(db, prospect).tier, list_row(db, prospect).cadence_days) == ("prospect", 90)
    # the new client, last seen 50 days ago, is overdue by 36 days; the list says so
    assert list_row(db, new).overdue_days == 36 and list_row(db, new).status == "overdue"
    # intervals are settings
    practice.save(db, practice.PracticeSettings(tier_interval_vip=7, default_cadence_days=60, tier_interval_new=60))
    assert list_row(db, ids[0]).cadence_days == 7
    assert list_row(db, prospect).cadence_days == 60 and list_row(db, new).cadence_days == 60
    assert list_row(db, new).overdue_days == 0


def test_vip_overdue_boundary_in_the_list(db):
    ladder(db, 4)
    vip = client(db, "vip", [30] + [40 + 10 * j for j in range(20)] + [700])
    refresh_tiers(db, AS_OF)
    r = list_row(db, vip)
    assert (r.tier, r.days_since_contact, r.cadence_days, r.overdue_days, r.status) == ("vip", 30, 30, 0, "active")
    day_after = AS_OF + dt.timedelta(days=1)
    r = list_row(db, vip, day_after)  # stored tier, one day later: at risk
    assert (r.tier, r.overdue_days, r.status) == ("vip", 1, "at_risk")
    overdue = ClientRepository(db).list_rows(day_after, overdue_only=True)
    assert vip in {x.id for x in overdue}


def test_list_matches_the_computation_after_a_refresh(db):
    from loyaldesk.core import demo

    demo.generate(db, clients=300, seed=11, as_of=AS_OF)
    report = refresh_tiers(db, AS_OF).report
    rows = {r.id: r for r in ClientRepository(db).list_rows(AS_OF)}
    assert set(rows) == {c.id for c in report.clients}
    for c in report.clients:
        r = rows[c.id]
        assert (r.tier, r.status, r.cadence_days, r.overdue_days, r.days_since_contact, r.score) == (
            c.tier, c.status, c.interval_days, c.overdue_days, c.days_since_contact, c.score), c
    assert {c.tier for c in report.clients} == set(loyalty.TIERS)
    assert {c.status for c in report.clients} == set(loyalty.STATUSES)
    overdue = ClientRepository(db).list_rows(AS_OF, overdue_only=True)
    assert sorted(r.id for r in overdue) == sorted(c.id for c in report.clients if c.overdue)


def test_list_before_any_refresh_and_live_new_and_prospect(db):
    ranked = client(db, "ranked", [100, 400])
    newer = client(db, "newer", [20])
    r = list_row(db, ranked)
    assert (r.tier, r.score, r.cadence_days) == (None, None, 90)  # not computed yet: the practice default
    assert (list_row(db, newer).tier, list_row(db, newer).cadence_days) == ("new", 14)  # known from the data
    refresh_tiers(db, AS_OF)
    assert list_row(db, ranked).tier == "vip" and list_row(db, ranked).score is not None
    # 100 days later the new client has a history to judge, but the ranking is not computed yet
    later = AS_OF + dt.timedelta(days=100)
    assert (list_row(db, newer, later).tier, list_row(db, newer, later).cadence_days) == (None, 90)
    # archived clients have no tier and are never overdue
    ClientRepository(db).set_archived(ranked, True)
    r = list_row(db, ranked, later)
    assert (r.tier, r.overdue_days, r.status) == (None, 0, "active")
    r = list_row(db, ranked, AS_OF + dt.timedelta(days=400))
    assert r.status == "dormant" and r.overdue_days == 0


# --- refresh and history ---------------------------------------------------------------------------
def history_rows(db):
    return [tuple(r) for r in db.query(
        "SELECT c.name, h.date, h.from_tier, h.to_tier FROM tier_history h JOIN clients c ON c.id = h.client_id "
        "ORDER BY h.id", plain=True)]


def test_tier_history_records_changes_once(db):
    ids = ladder(db, 5)
    prospect = add_client(db, "prospect", created="2015-01-01")
    first = refresh_tiers(db, AS_OF)
    assert first.changes == 6 and first.stored == 6
    assert history_rows(db) == [
        ("c1", AS_OF.isoformat(), None, "vip"), ("c2", AS_OF.isoformat(), None, "candidate"),
        ("c3", AS_OF.isoformat(), None, "regular"), ("c4", AS_OF.isoformat(), None, "regular"),
        ("c5", AS_OF.isoformat(), None, "regular"), ("prospect", AS_OF.isoformat(), None, "prospect")]
    # nothing changed: nothing recorded, on the same day or a later one
    assert refresh_tiers(db, AS_OF).changes == 0
    assert refresh_tiers(db, AS_OF + dt.timedelta(days=1)).changes == 0
    assert len(history_rows(db)) == 6
    # c5 comes every week for a while and rises to the top; c1 slips to candidate
    later = AS_OF + dt.timedelta(days=30)
    sessions(db, ids[4], [7 * j for j in range(40)], fee=50_000, as_of=later)
    result = refresh_tiers(db, later)
    assert result.report.by_id()[ids[4]].tier == "vip"
    new_rows = history_rows(db)[6:]
    assert ("c5", later.isoformat(), "regular", "vip") in new_rows
    assert ("c1", later.isoformat(), "vip", "candidate") in new_rows
    assert result.changes == len(new_rows)
    changes = tier_history(db, client_id=ids[4])
    assert [(c.from_tier, c.to_tier, c.rose) for c in changes] == [("regular", "vip", True), (None, "regular", True)]
    assert not [c for c in tier_history(db, since=later) if c.client_id == ids[0]][0].rose
    # the prospect's first session: prospect -> new
    sessions(db, prospect, [0], as_of=later)
    refresh_tiers(db, later)
    assert history_rows(db)[-1] == ("prospect", later.isoformat(), "prospect", "new")


def test_same_day_changes_keep_one_net_entry(db):
    ids = ladder(db, 5)
    refresh_tiers(db, AS_OF)
    later = AS_OF + dt.timedelta(days=10)
    with db.transaction() as conn:
        conn.executemany("INSERT INTO sessions (client_id, date, fee) VALUES (?, ?, 100000)",
                         [(ids[4], ago(d, later)) for d in range(0, 60, 2)])
    refresh_tiers(db, later)
    assert history_rows(db)[-1][0] == "c5" or ("c5", later.isoformat(), "regular", "vip") in history_rows(db)
    count = len(history_rows(db))
    # an undo the same day: the day's entry of c5 goes, nothing else is added
    with db.transaction() as conn:
        conn.execute("DELETE FROM sessions WHERE client_id = ? AND fee = 100000", (ids[4],))
    result = refresh_tiers(db, later)
    assert [r for r in history_rows(db) if r[1] == later.isoformat()] == []
    assert len(history_rows(db)) < count and result.changes >= 1
    assert [r for r in history_rows(db) if r[0] == "c5"] == [("c5", AS_OF.isoformat(), None, "regular")]


def test_refresh_as_of_an_earlier_date_does_not_rewrite_history(db):
    ids = ladder(db, 5)
    refresh_tiers(db, AS_OF)
    before = history_rows(db)
    earlier = AS_OF - dt.timedelta(days=300)
    result = refresh_tiers(db, earlier)  # e.g. `loyaldesk clients --as-of` a past date
    assert history_rows(db) == before
    # ...but the list uses the tiers of that date
    assert db.scalar("SELECT as_of FROM tier_refresh") == earlier.isoformat()
    changed = db.query("SELECT computed_on FROM client_tiers WHERE client_id = ?", (ids[0],), plain=True)
    assert changed == [(earlier.isoformat(),)]  # its score is not what it was 300 days later
    assert list_row(db, ids[0], earlier).tier == result.report.by_id()[ids[0]].tier


def test_archived_clients_leave_the_stored_tiers_without_history(db):
    ids = ladder(db, 5)
    refresh_tiers(db, AS_OF)
    ClientRepository(db).set_archived(ids[2], True)
    result = refresh_tiers(db, AS_OF)
    assert ids[2] not in {r[0] for r in db.query("SELECT client_id FROM client_tiers", plain=True)}
    assert result.stored == 4
    assert all(r[0] != "c3" or r[2] is None for r in history_rows(db))  # only its first assignment
    ClientRepository(db).set_archived(ids[2], False)
    refresh_tiers(db, AS_OF + dt.timedelta(days=1))
    assert [r for r in history_rows(db) if r[0] == "c3"] == [("c3", AS_OF.isoformat(), None, "regular")]


def test_refresh_is_one_transaction(db, monkeypatch):
    ladder(db, 5)
    refresh_tiers(db, AS_OF)
    before = (history_rows(db), db.query("SELECT * FROM client_tiers ORDER BY client_id", plain=True))
    sessions(db, 5, [0] * 50, fee=90_000)

    def boom(*_args, **_kwargs):
        raise RuntimeError("disk went away")

    monkeypatch.setattr(loyalty, "_fingerprint", boom)
    with pytest.raises(RuntimeError):
        refresh_tiers(db, AS_OF + dt.timedelta(days=3))
    after = (history_rows(db), db.query("SELECT * FROM client_tiers ORDER BY client_id", plain=True))
    assert after == before
    assert db.scalar("SELECT COUNT(*) FROM temp.sqlite_master WHERE name LIKE '\\_%' ESCAPE '\\'") == 0


def test_deleting_a_client_deletes_its_tiers_and_history(db):
    ids = ladder(db, 3)
    refresh_tiers(db, AS_OF)
    ClientRepository(db).delete(ids[0])
    assert db.scalar("SELECT COUNT(*) FROM client_tiers WHERE client_id = ?", (ids[0],)) == 0
    assert db.scalar("SELECT COUNT(*) FROM tier_history WHERE client_id = ?", (ids[0],)) == 0


def test_tiers_stale(db):
    ids = ladder(db, 5)
    assert tiers_stale(db, AS_OF)  # never computed
    refresh_tiers(db, AS_OF)
    assert not tiers_stale(db, AS_OF)
    assert tiers_stale(db, AS_OF + dt.timedelta(days=1))  # another day
    sessions(db, ids[3], [1])
    assert tiers_stale(db, AS_OF)  # new data
    refresh_tiers(db, AS_OF)
    with db.transaction() as conn:
        conn.execute("UPDATE sessions SET fee = fee + 1 WHERE id = 1")
    assert tiers_stale(db, AS_OF)  # a fee changed
    refresh_tiers(db, AS_OF)
    add_touchpoint(db, ids[4], ago(0))
    assert tiers_stale(db, AS_OF)
    refresh_tiers(db, AS_OF)
    ClientRepository(db).set_archived(ids[4], True)
    assert tiers_stale(db, AS_OF)
    refresh_tiers(db, AS_OF)
    practice.save(db, practice.PracticeSettings(vip_share=0.4))
    assert tiers_stale(db, AS_OF)
    refresh_tiers(db, AS_OF)
    practice.save(db, practice.PracticeSettings(vip_share=0.4, tier_interval_vip=20))  # intervals: not tiers
    assert not tiers_stale(db, AS_OF)


def test_refresh_on_a_read_only_database_says_why(tmp_path, monkeypatch):
    from loyaldesk.core import db as dbmod
    from loyaldesk.core.db import open_database
    import os

    path = tmp_path / "ro.db"
    with open_database(path) as db:
        client(db, "A", [10, 200])
    real_access = os.access
    monkeypatch.setattr(dbmod.os, "access", lambda p, mode: False if mode == os.W_OK else real_access(p, mode))
    with open_database(path) as db:
        assert compute_loyalty(db, AS_OF).clients[0].tier == "vip"  # reading works
        with pytest.raises(errors.ReadOnlyDatabaseError):
            refresh_tiers(db, AS_OF)


# --- settings ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("changes, field, english, japanese", [
    ({"vip_share": 0.0}, "vip_share", "VIP share", "ロイヤル顧客の割合"),
    ({"vip_share": 1.5}, "vip_share", "VIP share", "ロイヤル顧客の割合"),
    ({"candidate_share": -0.1}, "candidate_share", "candidate share", "ロイヤル候補の割合"),
    ({"vip_share": 0.6, "candidate_share": 0.5}, "candidate_share", "cannot exceed 100 %", "100 % 以下"),
    ({"new_client_days": -1}, "new_client_days", "counts as new", "新規顧客"),
    ({"dormant_days": 0}, "dormant_days", "dormant", "休眠"),
    ({"tier_interval_vip": 0}, "tier_interval_vip", "for VIP clients", "ロイヤルの連絡間隔"),
    ({"tier_interval_new": 4000}, "tier_interval_new", "for New clients", "新規の連絡間隔"),
    ({"tier_interval_regular": 1.5}, "tier_interval_regular", "whole number", "日数"),
])
def test_tier_settings_are_validated_in_both_languages(db, changes, field, english, japanese):
    cfg = practice.PracticeSettings(**changes)
    with pytest.raises(errors.ValidationError) as info:
        practice.save(db, cfg)
    assert info.value.field == field and english in info.value.message
    set_language("ja")
    with pytest.raises(errors.ValidationError) as info:
        cfg.validate()
    assert japanese in info.value.message
    assert db.scalar("SELECT COUNT(*) FROM settings") == 0  # nothing saved


def test_tier_settings_round_trip_and_bad_stored_values_keep_defaults(db):
    cfg = practice.PracticeSettings(vip_share=0.25, candidate_share=0.15, new_client_days=60, dormant_days=400,
                                    tier_interval_vip=21, tier_interval_candidate=35, tier_interval_regular=80,
                                    tier_interval_new=10)
    practice.save(db, cfg)
    assert practice.load(db) == cfg
    with db.transaction() as conn:  # written by another tool
        conn.executemany("UPDATE settings SET value = ? WHERE key = ?",
                         [("1", "vip_share"), ("0", "candidate_share"), ('"x"', "dormant_days"),
                          ("-3", "tier_interval_vip")])
    loaded = practice.load(db)
    assert (loaded.vip_share, loaded.candidate_share) == (1.0, 0.0)  # integers are fine for shares
    assert loaded.dormant_days == 365 and loaded.tier_interval_vip == 30  # unreadable, out of range: defaults
    assert loaded.tier_interval_candidate == 35
    assert loaded.tier_interval("vip") == 30 and loaded.tier_interval("prospect") == loaded.default_cadence_days
    with db.transaction() as conn:  # together more than 100 %: back to the defaults
        conn.executemany("UPDATE settings SET value = ? WHERE key = ?", [("0.9", "vip_share"), ("0.5", "candidate_share")])
    loaded = practice.load(db)
    assert (loaded.vip_share, loaded.candidate_share) == (0.2, 0.2)


# --- words ------------------------------------------------------------------------------------------
def test_labels_and_summary_line_in_both_languages(db):
    worked_example(db)
    summary = compute_loyalty(db, AS_OF).summary
    line = loyalty.summary_line(summary, "en")
    assert "VIP 1 · Candidate 1 · Regular 3 · New 0 · Prospect 0" in line and "32.1 %" in line and "39.6 %" in line
    line = loyalty.summary_line(summary, "ja")
    assert "ロイヤル 1・ロイヤル候補 1・一般 3・新規 0・見込み客 0" in line and "累計 32.1 %" in line
    assert loyalty.status_label("at_risk", "ja") == "要注意" and loyalty.tier_label("candidate", "en") == "Candidate"


def test_weights_add_up_to_one():
    assert sum(loyalty.WEIGHTS.values()) == pytest.approx(1.0)
    assert set(loyalty.WEIGHTS) == {"revenue_total", "sessions_total", "active_years", "revenue_12m",
                                    "frequency_12m", "recency"}


def test_refresh_without_report_stores_the_same_tiers_and_summary(db):
    from loyaldesk.core import demo

    demo.generate(db, clients=300, seed=12, as_of=AS_OF)
    full = compute_loyalty(db, AS_OF)
    fast = refresh_tiers(db, AS_OF, report=False)
    assert fast.report is None and fast.stored == len(full.clients)
    assert fast.summary == full.summary  # counts, revenue shares and Pareto curve, aggregated in SQL
    stored = dict(db.query("SELECT client_id, tier FROM client_tiers", plain=True))
    assert stored == {c.id: c.tier for c in full.clients}
    with_report = refresh_tiers(db, AS_OF)
    assert with_report.summary == with_report.report.summary == full.summary
    assert with_report.changes == 0  # the same tiers: nothing new in the history


def test_compute_writes_nothing_and_leaves_no_temporary_tables(db):
    ladder(db, 5)
    compute_loyalty(db, AS_OF)
    assert db.scalar("SELECT COUNT(*) FROM client_tiers") == 0 and db.scalar("SELECT COUNT(*) FROM tier_history") == 0
    assert db.scalar("SELECT COUNT(*) FROM temp.sqlite_master") == 0
    assert not db.conn.in_transaction


def test_a_refresh_writes_only_the_stored_tiers_that_changed(db):
    ids = ladder(db, 10)
    refresh_tiers(db, AS_OF)
    stored = db.query("SELECT * FROM client_tiers ORDER BY client_id", plain=True)
    next_day = AS_OF + dt.timedelta(days=1)
    # the next day, nothing new: every day since contact grows by one, the ranking is the same
    result = refresh_tiers(db, next_day)
    assert db.query("SELECT * FROM client_tiers ORDER BY client_id", plain=True) == stored
    assert result.stored == 10 and db.scalar("SELECT as_of FROM tier_refresh") == next_day.isoformat()
    # a contact today moves the last client up the recency ranking: its row and those it passes change
    add_touchpoint(db, ids[-1], next_day.isoformat())
    refresh_tiers(db, next_day)
    after = {r[0]: r for r in db.query("SELECT * FROM client_tiers", plain=True)}
    assert after[ids[-1]][2] > stored[-1][2] and after[ids[-1]][4] == next_day.isoformat()
    for before in stored:  # a row keeps the date of the refresh that last changed it
        now = after[before[0]]
        assert now[4] == (before[4] if now[1:4] == before[1:4] else next_day.isoformat())
