"""The sample practice: realistic proportions, deterministic, one all-or-nothing write."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from loyaldesk.core import demo
from loyaldesk.core.clients import ClientRepository
from loyaldesk.core.db import open_database
from loyaldesk.core.migrations import BUILTIN_ROLES, CHANNELS

AS_OF = dt.date(2024, 6, 15)
HIRAGANA_READING = re.compile(r"^[\u3041-\u309f]+ [\u3041-\u309f]+$")
KATAKANA_READING = re.compile(r"^[\u30a0-\u30ff]+ [\u30a0-\u30ff]+$")
JAPANESE_NAME = re.compile(r"^[\u3041-\u309f\u4e00-\u9fff々]+ [\u3041-\u309f\u4e00-\u9fff々]+$")
ENGLISH_NAME = re.compile(r"^[A-Z][a-z]+ [A-Z][a-z]+$")


@pytest.fixture
def sample(db):
    summary = demo.generate(db, clients=120, seed=42, as_of=AS_OF)
    return db, summary


def _counts(db) -> tuple[int, int, int]:
    return (
        db.scalar("SELECT COUNT(*) FROM clients"),
        db.scalar("SELECT COUNT(*) FROM sessions"),
        db.scalar("SELECT COUNT(*) FROM touchpoints"),
    )


def _dump(db) -> dict[str, list[tuple]]:
    return {
        "clients": [tuple(r) for r in db.query("SELECT * FROM clients ORDER BY id")],
        "sessions": [tuple(r) for r in db.query("SELECT * FROM sessions ORDER BY id")],
        "touchpoints": [tuple(r) for r in db.query("SELECT * FROM touchpoints ORDER BY id")],
        "tags": [
            tuple(r)
            for r in db.query(
                "SELECT ct.client_id, t.name, ct.since FROM client_tags ct JOIN tags t ON t.id = ct.tag_id "
                "ORDER BY ct.client_id, t.name"
            )
        ],
    }


def _top_share(db) -> float:
    revenue = sorted(
        (r[0] for r in db.query(
            "SELECT COALESCE(SUM(s.fee), 0) FROM clients c LEFT JOIN sessions s ON s.client_id = c.id GROUP BY c.id"
        )),
        reverse=True,
    )
    top = revenue[: max(1, round(len(revenue) * 0.2))]
    return sum(top) / sum(revenue)


def _is_empty(db) -> bool:
    return (
        _counts(db) == (0, 0, 0)
        and db.scalar("SELECT COUNT(*) FROM client_tags") == 0
        and db.scalar("SELECT COUNT(*) FROM tags WHERE builtin_key IS NULL") == 0
    )


# --- counts and determinism -----------------------------------------------------------------
def test_summary_matches_the_database(sample):
    db, summary = sample
    assert (summary.clients, summary.sessions, summary.touchpoints) == _counts(db)
    assert summary.clients == 120
    assert summary.sessions > summary.clients  # many sessions per loyal client
    assert summary.touchpoints > 0


def test_same_seed_gives_the_same_data(tmp_path):
    dumps = []
    for name in ("a.db", "b.db"):
        with open_database(tmp_path / name) as db:
            demo.generate(db, clients=150, seed=7, as_of=AS_OF)
            dumps.append(_dump(db))
    assert dumps[0] == dumps[1]


def test_another_seed_gives_other_data(tmp_path):
    dumps = []
    for name, seed in (("a.db", 1), ("b.db", 2)):
        with open_database(tmp_path / name) as db:
            demo.generate(db, clients=50, seed=seed, as_of=AS_OF)
            dumps.append(_dump(db))
    assert dumps[0]["clients"] != dumps[1]["clients"]


def test_no_seed_and_default_date_work(db):
    summary = demo.generate(db, clients=20)
    assert summary.clients == 20
    today = dt.date.today().isoformat()
    assert db.scalar("SELECT MAX(date) FROM sessions") <= today
    assert db.scalar("SELECT MAX(date) FROM touchpoints") <= today


def test_zero_clients(db):
    assert demo.generate(db, clients=0, seed=1, as_of=AS_OF) == demo.DemoSummary(0, 0, 0)
    assert _counts(db) == (0, 0, 0)


def test_negative_count_is_refused(db):
    with pytest.raises(ValueError):
        demo.generate(db, clients=-1, seed=1, as_of=AS_OF)


# --- realism --------------------------------------------------------------------------------
@pytest.mark.parametrize("clients, seed", [(120, 42), (120, 3), (1000, 11)])
def test_top_fifth_of_clients_bring_most_of_the_revenue(db, clients, seed):
    demo.generate(db, clients=clients, seed=seed, as_of=AS_OF)
    assert 0.65 <= _top_share(db) <= 0.90


def test_japanese_and_english_names_with_readings(tmp_path):
    with open_database(tmp_path / "names.db") as db:
        demo.generate(db, clients=400, seed=5, as_of=AS_OF)
        rows = db.query("SELECT name, name_kana, honorific, email FROM clients")
    japanese = [r for r in rows if JAPANESE_NAME.match(r["name"])]
    english = [r for r in rows if ENGLISH_NAME.match(r["name"])]
    assert len(japanese) + len(english) == len(rows)
    assert 0.65 <= len(japanese) / len(rows) <= 0.85
    assert all(HIRAGANA_READING.match(r["name_kana"]) for r in japanese)
    assert all(r["honorific"] == "様" for r in japanese)
    # English names carry a katakana reading so they sort by reading in a Japanese list
    assert all(KATAKANA_READING.match(r["name_kana"]) for r in english)
    emails = [r["email"] for r in rows if r["email"]]
    assert len(emails) > 0.8 * len(rows)
    assert len(set(emails)) == len(emails)
    assert all(re.match(r"^[a-z0-9._]+@example\.[a-z.]+$", e) for e in emails)


def test_sample_has_organisations_prospects_and_new_clients(tmp_path):
    with open_database(tmp_path / "mix.db") as db:
        demo.generate(db, clients=1000, seed=9, as_of=AS_OF)
        n = 1000
        companies = db.scalar("SELECT COUNT(*) FROM clients WHERE company <> ''")
        prospects = db.scalar("SELECT COUNT(*) FROM clients WHERE id NOT IN (SELECT client_id FROM sessions)")
        recent = (AS_OF - dt.timedelta(days=90)).isoformat()
        new = db.scalar("SELECT COUNT(*) FROM (SELECT client_id FROM sessions GROUP BY client_id HAVING MIN(date) > ?)",
                        (recent,))
        one_to_three = db.scalar("SELECT COUNT(*) FROM (SELECT client_id FROM sessions GROUP BY client_id "
                                 "HAVING COUNT(*) <= 3)")
        archived = db.scalar("SELECT SUM(archived) FROM clients")
        do_not_contact = db.scalar("SELECT SUM(do_not_contact) FROM clients")
        cadence = db.scalar("SELECT COUNT(*) FROM clients WHERE cadence_days IS NOT NULL")
        kinds = {r[0] for r in db.query("SELECT DISTINCT kind FROM sessions")}
        first = db.scalar("SELECT MIN(date) FROM sessions")
    assert 0.2 * n < companies < 0.8 * n
    assert 0.02 * n <= prospects <= 0.10 * n
    assert new >= 0.03 * n
    assert one_to_three >= 0.4 * n
    assert 0.01 * n <= archived <= 0.06 * n
    assert 0.005 * n <= do_not_contact <= 0.04 * n
    assert 0 < cadence < 0.2 * n
    assert {"個別相談", "顧問", "Consultation"} <= kinds
    assert kinds <= {"個別相談", "ワークショップ", "顧問", "セミナー", "Consultation", "Workshop", "Retainer", "Seminar"}
    # about five years of history
    assert dt.date.fromisoformat(first) <= AS_OF - dt.timedelta(days=4 * 365)


def test_some_clients_are_overdue_and_some_are_not(sample):
    db, _ = sample
    rows = ClientRepository(db).list_rows(as_of=AS_OF)
    overdue = sum(1 for r in rows if r.overdue)
    assert 0 < overdue < len(rows)
    assert 0.15 <= overdue / len(rows) <= 0.5


@pytest.mark.parametrize("as_of", [dt.date(2024, 3, 1), dt.date(2024, 8, 31), dt.date(2024, 12, 20)])
def test_overdue_share_is_realistic_all_year(tmp_path, as_of):
    with open_database(tmp_path / "overdue.db") as db:
        demo.generate(db, clients=600, seed=4, as_of=as_of)
        rows = ClientRepository(db).list_rows(as_of=as_of)
    share = sum(1 for r in rows if r.overdue) / len(rows)
    assert 0.15 <= share <= 0.45


def test_role_and_segment_tags(sample):
    db, _ = sample
    per_role = dict(db.query(
        "SELECT t.builtin_key, COUNT(ct.client_id) FROM tags t LEFT JOIN client_tags ct ON ct.tag_id = t.id "
        "WHERE t.builtin_key IS NOT NULL GROUP BY t.builtin_key"
    ))
    assert set(per_role) == set(BUILTIN_ROLES)
    assert all(count >= 1 for count in per_role.values()), per_role
    # roles go to clients who keep coming: several sessions each
    role_holders = db.query(
        "SELECT ct.client_id, (SELECT COUNT(*) FROM sessions s WHERE s.client_id = ct.client_id) AS n "
        "FROM client_tags ct JOIN tags t ON t.id = ct.tag_id WHERE t.category = 'role'"
    )
    assert all(r["n"] >= 5 for r in role_holders)
    segments = db.scalar(
        "SELECT COUNT(DISTINCT t.id) FROM client_tags ct JOIN tags t ON t.id = ct.tag_id WHERE t.category = 'segment'"
    )
    assert segments >= 3
    assert db.scalar("SELECT COUNT(*) FROM client_tags WHERE since IS NULL") == 0


def test_tags_follow_the_language_of_the_database(tmp_path):
    from loyaldesk.core.i18n import set_language

    set_language("ja")  # the conftest resets it to English after the test
    with open_database(tmp_path / "ja.db") as db:
        demo.generate(db, clients=120, seed=42, as_of=AS_OF)
        names = {r[0] for r in db.query("SELECT name FROM tags WHERE builtin_key IS NULL")}
        roles = db.scalar("SELECT COUNT(DISTINCT ct.tag_id) FROM client_tags ct JOIN tags t ON t.id = ct.tag_id "
                          "WHERE t.builtin_key IS NOT NULL")
    assert {"経営者", "士業", "スタートアップ", "ニュースレター"} == names
    assert roles == len(BUILTIN_ROLES)


def test_referrers_are_existing_earlier_clients(sample):
    db, _ = sample
    rows = db.query(
        "SELECT c.id, c.created_at, r.id AS ref_id, r.created_at AS ref_created FROM clients c "
        "LEFT JOIN clients r ON r.id = c.referred_by WHERE c.referred_by IS NOT NULL"
    )
    assert rows, "some clients were referred"
    for r in rows:
        assert r["ref_id"] is not None
        assert r["ref_id"] < r["id"]
        assert r["ref_created"] <= r["created_at"]
    assert len(rows) <= 0.3 * 120


def test_no_date_after_as_of(sample):
    db, _ = sample
    limit = AS_OF.isoformat()
    assert db.scalar("SELECT MAX(date) FROM sessions") <= limit
    assert db.scalar("SELECT MAX(date) FROM touchpoints") <= limit
    assert db.scalar("SELECT MAX(substr(created_at, 1, 10)) FROM clients") <= limit
    assert db.scalar("SELECT MAX(since) FROM client_tags") <= limit
    assert db.scalar("SELECT MAX(birthday) FROM clients") < limit
    for column in ("MIN(date) FROM sessions", "MIN(date) FROM touchpoints"):
        assert dt.date.fromisoformat(db.scalar(f"SELECT {column}")) >= AS_OF - dt.timedelta(days=demo.HISTORY_DAYS)


def test_sessions_are_well_formed(sample):
    db, _ = sample
    assert db.scalar("SELECT COUNT(*) FROM sessions WHERE typeof(fee) <> 'integer' OR fee < 0") == 0
    assert db.scalar("SELECT COUNT(*) FROM sessions WHERE fee % 1000 <> 0") == 0
    assert db.scalar("SELECT MAX(fee) FROM sessions") <= 150_000
    assert db.scalar("SELECT COUNT(*) FROM sessions WHERE duration_minutes NOT BETWEEN 30 AND 180") == 0
    assert db.scalar("SELECT COUNT(*) FROM sessions WHERE topic = ''") == 0
    assert db.scalar("SELECT COUNT(*) FROM sessions WHERE fee = 0") > 0  # free first consultations
    assert db.scalar("SELECT COUNT(*) FROM sessions WHERE notes <> ''") > 0
    # no session before the client was added
    assert db.scalar(
        "SELECT COUNT(*) FROM sessions s JOIN clients c ON c.id = s.client_id "
        "WHERE s.date < substr(c.created_at, 1, 10)"
    ) == 0


def test_touchpoints_use_known_channels_and_favor_loyal_clients(sample):
    db, _ = sample
    channels = {r[0] for r in db.query("SELECT DISTINCT channel FROM touchpoints")}
    assert channels <= set(CHANNELS)
    assert len(channels) >= 6
    assert db.scalar("SELECT COUNT(*) FROM touchpoints WHERE note = ''") == 0
    per_client = db.query(
        "SELECT c.id, (SELECT COALESCE(SUM(fee), 0) FROM sessions s WHERE s.client_id = c.id) AS revenue, "
        "(SELECT COUNT(*) FROM touchpoints t WHERE t.client_id = c.id) AS n FROM clients c ORDER BY revenue DESC"
    )
    fifth = len(per_client) // 5
    top = sum(r["n"] for r in per_client[:fifth]) / fifth
    rest = sum(r["n"] for r in per_client[fifth:]) / (len(per_client) - fifth)
    assert top > 3 * rest
    # the consultant logs no contact with clients who asked not to be contacted
    assert db.scalar(
        "SELECT COUNT(*) FROM touchpoints t JOIN clients c ON c.id = t.client_id WHERE c.do_not_contact = 1"
    ) == 0


# --- replacing, cancelling, progress ----------------------------------------------------------
def test_replace_replaces_everything_but_builtin_tags(db):
    demo.generate(db, clients=80, seed=1, as_of=AS_OF)
    with db.transaction() as conn:
        conn.execute("INSERT INTO tags (name, category) VALUES ('my own tag', 'segment')")
    builtin_before = [tuple(r) for r in db.query("SELECT * FROM tags WHERE builtin_key IS NOT NULL ORDER BY id")]

    summary = demo.generate(db, clients=30, seed=2, as_of=AS_OF, replace=True)

    assert (summary.clients, summary.sessions, summary.touchpoints) == _counts(db)
    assert summary.clients == 30
    assert db.scalar("SELECT MIN(id) FROM clients") == 1  # a fresh set, not appended
    assert db.scalar("SELECT COUNT(*) FROM tags WHERE name = 'my own tag'") == 0
    builtin_after = [tuple(r) for r in db.query("SELECT * FROM tags WHERE builtin_key IS NOT NULL ORDER BY id")]
    assert builtin_after == builtin_before
    assert db.scalar("SELECT COUNT(*) FROM client_tags ct LEFT JOIN clients c ON c.id = ct.client_id "
                     "WHERE c.id IS NULL") == 0


def test_without_replace_the_sample_is_added(db):
    first = demo.generate(db, clients=20, seed=1, as_of=AS_OF)
    second = demo.generate(db, clients=10, seed=2, as_of=AS_OF)
    assert _counts(db) == (30, first.sessions + second.sessions, first.touchpoints + second.touchpoints)
    assert db.scalar("PRAGMA foreign_key_check") is None


def test_cancelled_at_once_writes_nothing(db):
    with pytest.raises(demo.Cancelled):
        demo.generate(db, clients=100, seed=1, as_of=AS_OF, is_cancelled=lambda: True)
    assert _is_empty(db)


@pytest.mark.parametrize("after", [1, 2, 3, 4])
def test_cancelled_midway_rolls_back(db, after, monkeypatch):
    monkeypatch.setattr(demo, "_CHUNK", 50)
    calls = []

    def is_cancelled():
        calls.append(1)
        return len(calls) > after

    with pytest.raises(demo.Cancelled):
        demo.generate(db, clients=400, seed=1, as_of=AS_OF, is_cancelled=is_cancelled)
    assert _is_empty(db)
    assert not db.conn.in_transaction


def test_cancelled_replace_keeps_the_old_data(db):
    demo.generate(db, clients=40, seed=1, as_of=AS_OF)
    before = _dump(db)
    with pytest.raises(demo.Cancelled):
        demo.generate(db, clients=40, seed=2, as_of=AS_OF, replace=True,
                      is_cancelled=iter([False, False, True]).__next__)
    assert _dump(db) == before


def test_progress_is_reported_from_zero_to_one(db, monkeypatch):
    monkeypatch.setattr(demo, "_CHUNK", 25)
    seen: list[float] = []
    demo.generate(db, clients=200, seed=1, as_of=AS_OF, progress=seen.append)
    assert seen[0] == 0.0
    assert seen[-1] == 1.0
    assert seen == sorted(seen)
    assert len(seen) >= 8


def _schema(db) -> list[tuple]:
    return [tuple(r) for r in db.query("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name")]


def test_large_load_rebuilds_the_indexes_and_restores_settings(db, monkeypatch):
    monkeypatch.setattr(demo, "_REBUILD_INDEXES_FROM", 10)
    schema = _schema(db)
    cache_size = db.scalar("PRAGMA cache_size")
    demo.generate(db, clients=100, seed=1, as_of=AS_OF)
    assert _schema(db) == schema
    assert db.scalar("PRAGMA cache_size") == cache_size
    assert db.scalar("PRAGMA ignore_check_constraints") == 0
    assert db.scalar("PRAGMA integrity_check") == "ok"
    # the covering index is in place again: the list query can use it
    plan = " ".join(r[3] for r in db.query("EXPLAIN QUERY PLAN SELECT MAX(date) FROM sessions WHERE client_id = 1"))
    assert "idx_sessions_client_date" in plan


def test_cancelled_large_load_keeps_the_indexes(db, monkeypatch):
    monkeypatch.setattr(demo, "_REBUILD_INDEXES_FROM", 10)
    schema = _schema(db)
    with pytest.raises(demo.Cancelled):
        demo.generate(db, clients=100, seed=1, as_of=AS_OF, is_cancelled=iter([False, False, False, True]).__next__)
    assert _schema(db) == schema
    assert _is_empty(db)
    assert db.scalar("PRAGMA ignore_check_constraints") == 0


# --- the community ------------------------------------------------------------------------------
def _community_dump(db) -> dict[str, list[tuple]]:
    dump = {table: [tuple(r) for r in db.query(f"SELECT * FROM {table} ORDER BY 1, 2")]
            for table in ("event_invitations", "event_helpers", "recognitions", "role_history",
                          "feedback_participants")}
    dump["events"] = [tuple(r) for r in db.query(  # created_at is the clock's
        "SELECT id, title, kind, starts_at, place, online, capacity, fee, notes, early_wave_on, general_wave_on "
        "FROM events ORDER BY id")]
    return dump


def test_sample_has_a_community_with_attendance_as_contact(sample):
    from loyaldesk.core import events

    db, _ = sample
    summaries = events.list_events(db)
    past = [s for s in summaries if s.event.day < AS_OF]
    upcoming = [s for s in summaries if s.event.day > AS_OF]
    assert len(past) == 7 and len(upcoming) == 2
    for s in summaries:  # every sample event fits an invitation: titles in both languages, the end, a deadline
        e = s.event
        assert e.title_ja and e.title_en and e.title in (e.title_ja, e.title_en)
        assert e.ends_at > e.starts_at and e.reply_by < e.day and e.capacity
        assert e.place and e.place_en  # the venue as Japanese and English letters write it
    assert {s.event.fee for s in summaries} >= {0, 5000}
    assert {s.event.kind for s in past} == {"seminar", "study_session", "mixer", "results_meeting"}
    for s in past:
        assert s.event.early_wave_on and s.event.general_wave_on and s.attended > 0 and s.helpers <= 2
    for s in upcoming:  # the early wave went out; nobody has come yet
        assert s.event.early_wave_on <= AS_OF and s.event.general_wave_on is None and s.attended == 0
        assert {i.wave for i in events.invitations(db, s.event.id)} == {"early"}
    # every attendance is an 'event' touchpoint on the event's day, logged by the core
    rows = db.query("SELECT i.client_id, t.client_id, t.channel, t.date, substr(e.starts_at, 1, 10) "
                    "FROM event_invitations i JOIN events e ON e.id = i.event_id "
                    "LEFT JOIN touchpoints t ON t.id = i.touchpoint_id WHERE i.attended = 1", plain=True)
    assert len(rows) == sum(s.attended for s in past)
    assert all(r[0] == r[1] and r[2] == "event" and r[3] == r[4] for r in rows)
    # nobody invited who must not be written to; nobody seated beyond the capacity without a waiting list
    assert db.scalar("SELECT COUNT(*) FROM event_invitations i JOIN clients c ON c.id = i.client_id "
                     "WHERE c.do_not_contact = 1 OR c.archived = 1") == 0
    # helpers held the committee role; awards at the results meetings and for a half-year
    assert all(h.client_id in {cid for cid, _ in events.committee_members(db)}
               for s in past for h in events.helpers(db, s.event.id))
    awards = events.recognitions(db)
    assert any(r.event_id for r in awards) and any(r.period and r.event_id is None for r in awards)
    assert db.scalar("SELECT COUNT(*) FROM role_history WHERE until IS NULL") == db.scalar(
        "SELECT COUNT(*) FROM client_tags ct JOIN tags t ON t.id = ct.tag_id WHERE t.category = 'role'")
    assert db.scalar("SELECT COUNT(*) FROM role_history WHERE until IS NOT NULL") >= 1
    (round_,) = events.feedback_rounds(db)
    assert round_.invited >= round_.took_part >= 1


def test_same_seed_gives_the_same_community(tmp_path):
    dumps = []
    for name in ("a.db", "b.db"):
        with open_database(tmp_path / name) as db:
            demo.generate(db, clients=150, seed=11, as_of=AS_OF)
            dumps.append(_community_dump(db))
    assert dumps[0] == dumps[1] and dumps[0]["event_invitations"]


def test_replace_removes_the_old_community(db):
    demo.generate(db, clients=80, seed=1, as_of=AS_OF)
    demo.generate(db, clients=80, seed=2, as_of=AS_OF, replace=True)
    assert db.scalar("SELECT COUNT(*) FROM events") == 9
    assert db.scalar("SELECT COUNT(*) FROM feedback_rounds") == 1


def test_the_sample_practice_signs_its_letters_but_keeps_a_stored_profile(tmp_path):
    from loyaldesk.core.i18n import set_language
    from loyaldesk.core.letters.sender import SenderProfile, load_profiles, load_sender, save_sender

    set_language("ja")
    try:
        with open_database(tmp_path / "ja.db") as db:
            demo.generate(db, clients=10, seed=1, as_of=AS_OF)
            sender = load_sender(db)
            assert (sender.name, sender.business, sender.postal_code) == ("高橋 恵子", "高橋経営相談室", "1500041")
            english = load_sender(db, "en")  # both profiles: the English clients' letters take this one
            assert (english.name, english.phone) == ("Keiko Takahashi", "+81 3 1234 5678")
            assert sender.name_kana == "タカハシ ケイコ" and sender.phone == "03-1234-5678"
    finally:
        set_language("en")
    with open_database(tmp_path / "mine.db") as db:
        save_sender(db, SenderProfile(name="Mine"))
        demo.generate(db, clients=10, seed=1, as_of=AS_OF)
        assert load_sender(db, "en") == SenderProfile(name="Mine") and not load_profiles(db).ja.filled
