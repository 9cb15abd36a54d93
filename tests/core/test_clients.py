import datetime as dt

import pytest

from loyaldesk.core import errors, practice
from loyaldesk.core.clients import ClientRepository
from loyaldesk.core.models import Client, Session, Touchpoint
from loyaldesk.core.sessions import SessionRepository, TouchpointRepository
from loyaldesk.core.tags import TagRepository
from tests.conftest import AS_OF, add_client, add_session, add_touchpoint


def row_for(db, client_id, as_of=AS_OF):
    return next(r for r in ClientRepository(db).list_rows(as_of) if r.id == client_id)


def days_before(n):
    return (AS_OF - dt.timedelta(days=n)).isoformat()


def test_last_contact_is_latest_session_or_touchpoint(db):
    cid = add_client(db, created="2020-01-01")
    add_session(db, cid, "2026-03-01", fee=30000)
    add_session(db, cid, "2026-06-01", fee=20000)
    add_touchpoint(db, cid, "2026-05-01")
    r = row_for(db, cid)
    assert r.last_contact == dt.date(2026, 6, 1)
    assert r.sessions == 2 and r.revenue == 50000
    assert r.first_session == dt.date(2026, 3, 1)
    add_touchpoint(db, cid, "2026-08-15", "letter")
    assert row_for(db, cid).last_contact == dt.date(2026, 8, 15)


def test_overdue_boundary_exactly_at_interval_is_not_overdue(db):
    cid = add_client(db, created="2020-01-01")
    add_touchpoint(db, cid, days_before(90))
    r = row_for(db, cid)
    assert r.days_since_contact == 90 and r.cadence_days == 90
    assert not r.overdue and r.overdue_days == 0


def test_overdue_one_day_past_interval(db):
    cid = add_client(db, created="2020-01-01")
    add_session(db, cid, days_before(91))
    r = row_for(db, cid)
    assert r.overdue and r.overdue_days == 1


def test_never_contacted_counts_from_created_at(db):
    fresh = add_client(db, "New", created=days_before(10))
    old = add_client(db, "Old", created=days_before(200) + "T09:30:00")
    assert row_for(db, fresh).last_contact is None
    assert row_for(db, fresh).days_since_contact == 10 and not row_for(db, fresh).overdue
    assert row_for(db, old).days_since_contact == 200 and row_for(db, old).overdue_days == 110


def test_client_cadence_overrides_default(db):
    cid = add_client(db, created="2020-01-01", cadence_days=30)
    add_touchpoint(db, cid, days_before(31))
    r = row_for(db, cid)
    assert r.cadence_days == 30 and r.overdue_days == 1


def test_default_cadence_from_practice_settings(db):
    cid = add_client(db, created="2020-01-01")
    add_touchpoint(db, cid, days_before(70))
    assert not row_for(db, cid).overdue
    practice.save(db, practice.PracticeSettings(default_cadence_days=60))
    r = row_for(db, cid)
    assert r.cadence_days == 60 and r.overdue_days == 10


def test_do_not_contact_and_archived_never_overdue(db):
    dnc = add_client(db, "DNC", created="2020-01-01", do_not_contact=1)
    arch = add_client(db, "Arch", created="2020-01-01", archived=1)
    assert not row_for(db, dnc).overdue
    repo = ClientRepository(db)
    assert arch not in {r.id for r in repo.list_rows(AS_OF)}
    archived_rows = repo.list_rows(AS_OF, archived=True)
    assert [r.id for r in archived_rows] == [arch] and not archived_rows[0].overdue


def test_as_of_ignores_later_history(db):
    cid = add_client(db, created="2020-01-01")
    add_session(db, cid, "2025-01-10", fee=10000)
    add_session(db, cid, "2026-11-01", fee=50000)
    r = row_for(db, cid, as_of=dt.date(2025, 6, 1))
    assert r.last_contact == dt.date(2025, 1, 10) and r.sessions == 1 and r.revenue == 10000
    assert r.days_since_contact == (dt.date(2025, 6, 1) - dt.date(2025, 1, 10)).days


def test_tags_and_roles_listed(db):
    cid = add_client(db)
    tags = TagRepository(db)
    role = tags.get_or_create("アンバサダー", "role")
    seg = tags.get_or_create("経営者")
    tags.assign(cid, role.id, dt.date(2026, 4, 1))
    tags.assign(cid, seg.id)
    r = row_for(db, cid)
    assert set(r.tags) == {"アンバサダー", "経営者"} and r.role_tags == ("アンバサダー",)
    stats = ClientRepository(db).stats(cid)
    assert {ct.tag.name: ct.since for ct in stats.tags}["アンバサダー"] == dt.date(2026, 4, 1)
    tags.unassign(cid, role.id)
    assert row_for(db, cid).role_tags == ()


def test_create_validates_input(db):
    repo = ClientRepository(db)
    with pytest.raises(errors.ValidationError) as info:
        repo.create(Client(None, "   "))
    assert info.value.field == "name"
    with pytest.raises(errors.ValidationError) as info:
        repo.create(Client(None, "A", email="not-an-email"))
    assert info.value.field == "email"
    with pytest.raises(errors.ValidationError):
        repo.create(Client(None, "A", cadence_days=0))
    with pytest.raises(errors.ValidationError) as info:
        repo.create(Client(None, "A", birthday="2023-02-30"))
    assert "2023-02-30" in info.value.message
    assert repo.count() == 0


def test_create_update_archive_delete(db):
    repo = ClientRepository(db)
    c = repo.create(Client(None, "\u3000佐藤 花子 ", name_kana="さとう はなこ", email="hanako@example.jp", birthday="1980/4/1"))
    assert c.name == "佐藤 花子" and c.birthday == dt.date(1980, 4, 1)
    c.company = "株式会社みらい"
    assert repo.update(c).company == "株式会社みらい"
    SessionRepository(db).add(Session(None, c.id, dt.date(2026, 1, 5), "個別相談", 60, 30000, "資金計画"))
    TouchpointRepository(db).add(Touchpoint(None, c.id, dt.date(2026, 1, 8), "letter", "お礼状"))
    referred = repo.create(Client(None, "紹介 次郎", referred_by=c.id))
    repo.set_archived(c.id, True)
    assert repo.count() == 1 and repo.count(include_archived=True) == 2
    stats = repo.stats(c.id)
    assert (stats.sessions, stats.touchpoints, stats.revenue, stats.referred_clients) == (1, 1, 30000, 1)
    repo.delete(c.id)
    assert db.scalar("SELECT COUNT(*) FROM sessions") == 0
    assert db.scalar("SELECT COUNT(*) FROM touchpoints") == 0
    assert repo.get(referred.id).referred_by is None


def test_referrer_must_exist_and_not_be_self(db):
    repo = ClientRepository(db)
    a = repo.create(Client(None, "A"))
    with pytest.raises(errors.NotFoundError):
        repo.create(Client(None, "B", referred_by=9999))
    a.referred_by = a.id
    with pytest.raises(errors.ValidationError):
        repo.update(a)


def test_timeline_newest_first_with_topics(db):
    cid = add_client(db)
    add_session(db, cid, "2026-01-10", topic="新規事業の資金計画")
    add_touchpoint(db, cid, "2026-02-01", "letter", "お礼状")
    add_session(db, cid, "2026-03-10", topic="採用計画")
    timeline = ClientRepository(db).timeline(cid)
    assert [(e.date.isoformat(), e.kind, e.text) for e in timeline] == [
        ("2026-03-10", "session", "採用計画"),
        ("2026-02-01", "touchpoint", "お礼状"),
        ("2026-01-10", "session", "新規事業の資金計画"),
    ]


def test_session_and_touchpoint_validation(db):
    cid = add_client(db)
    sessions = SessionRepository(db)
    with pytest.raises(errors.ValidationError):
        sessions.add(Session(None, cid, "2026-13-01"))
    with pytest.raises(errors.ValidationError):
        sessions.add(Session(None, cid, dt.date(2026, 1, 1), fee=-1))
    with pytest.raises(errors.NotFoundError):
        sessions.add(Session(None, 999, dt.date(2026, 1, 1)))
    with pytest.raises(errors.ValidationError):
        TouchpointRepository(db).add(Touchpoint(None, cid, dt.date(2026, 1, 1), "pigeon"))
    assert db.scalar("SELECT COUNT(*) FROM sessions") == 0


def test_aggregates_use_indexes(db):
    """The list query reads sessions through the covering index, never a full table scan."""
    plan = " ".join(
        r["detail"] for r in db.query(
            "EXPLAIN QUERY PLAN SELECT client_id, COUNT(*), SUM(fee), MAX(date) FROM sessions "
            "WHERE date < '2027-01-01' GROUP BY client_id")
    )
    assert "idx_sessions_client_date" in plan


def test_overdue_only_in_sql_matches_the_full_list(db):
    from loyaldesk.core import demo

    demo.generate(db, clients=300, seed=9, as_of=AS_OF)
    repo = ClientRepository(db)
    full = repo.list_rows(AS_OF)
    overdue = repo.list_rows(AS_OF, overdue_only=True)
    assert overdue and len(overdue) < len(full)
    assert sorted(r.id for r in overdue) == sorted(r.id for r in full if r.overdue)
    one = full[0]
    assert repo.row(one.id, AS_OF) == one
    with pytest.raises(errors.NotFoundError):
        repo.row(999999, AS_OF)


def test_figures_from_the_maintained_history_equal_a_recount_at_any_date(db):
    past = add_client(db, "past", created="2020-01-01")
    both = add_client(db, "both", created="2020-01-01")
    later = add_client(db, "later", created="2020-01-01")
    for day, fee in (("2024-03-01", 10000), ("2025-05-05", 20000)):
        add_session(db, past, day, fee=fee)
        add_session(db, both, day, fee=fee)
    add_session(db, both, "2026-12-24", fee=70000)  # booked after the as-of date
    add_session(db, later, "2026-12-24", fee=70000)
    for as_of in (dt.date(2024, 2, 1), dt.date(2024, 3, 1), dt.date(2025, 6, 1), AS_OF, dt.date(2027, 1, 1)):
        rows = {r.id: r for r in ClientRepository(db).list_rows(as_of)}
        for cid in (past, both, later):
            n, revenue, first, last = db.query(
                "SELECT COUNT(*), COALESCE(SUM(fee), 0), MIN(date), MAX(date) FROM sessions "
                "WHERE client_id = ? AND date <= ?", (cid, as_of.isoformat()), plain=True)[0]
            r = rows[cid]
            assert (r.sessions, r.revenue) == (n, revenue), (cid, as_of)
            assert r.first_session == (dt.date.fromisoformat(first) if first else None)
            assert r.last_contact == (dt.date.fromisoformat(last) if last else None)
            assert (r.tier == "prospect") == (n == 0)
