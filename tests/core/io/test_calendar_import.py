"""Sessions from a calendar export (.ics): Google Calendar, Outlook and Apple Calendar shapes."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from loyaldesk.core import suggestions
from loyaldesk.core.clients import ClientRepository
from loyaldesk.core.errors import LoyalDeskError
from loyaldesk.core.i18n import set_language
from loyaldesk.core.io import calendar
from tests.conftest import add_client, add_session
from tests.core.io import calendars

TOKYO = ZoneInfo("Asia/Tokyo")
TODAY = dt.date(2026, 12, 1)
NOW = dt.datetime(2026, 12, 1, 9, 0)


@pytest.fixture
def clients(db):
    ids = {
        "yamada": add_client(db, "山田 太郎", name_kana="ヤマダ タロウ", email="taro.yamada@example.co.jp"),
        "suzuki": add_client(db, "鈴木 花子", name_kana="すずき はなこ", email="hanako@suzuki.example"),
        "smith": add_client(db, "John Smith", email="john@smith.example"),
        "brown": add_client(db, "Emily Brown", email="emily@brown.example"),
    }
    with db.transaction() as conn:  # a second e-mail of 鈴木 (the one her company's calendar uses)
        conn.execute("INSERT INTO client_contacts (client_id, kind, label, value) VALUES (?, 'email', 'work', ?)",
                     (ids["suzuki"], "h.suzuki@work.example.com"))
    return ids


def _plan(db, path, **options):
    source = calendar.read_calendar(path, zone=TOKYO, today=TODAY, start=options.pop("start", None),
                                    end=options.pop("end", None))
    return calendar.plan_calendar_import(db, source, now=options.pop("now", NOW), **options)


def _import(db, path, **options):
    plan = _plan(db, path, **options)
    return plan, calendar.apply_calendar_import(db, plan)


def _sessions(db):
    return [tuple(r) for r in db.query(
        "SELECT client_id, date, duration_minutes, kind, fee, topic, foreign_currency, foreign_fee FROM sessions "
        "ORDER BY date, id")]


def test_google_export_recurring_with_exceptions_utc_times_cancelled_declined(db, clients, tmp_path):
    path = calendars.write(tmp_path / "google.ics", calendars.google())
    plan, result = _import(db, path)
    y, s = clients["yamada"], clients["suzuki"]
    assert _sessions(db) == [
        # 2026-01-12 taken out by EXDATE; 2026-01-19 moved to the 20th at 15:00 for 90 minutes
        (y, "2026-01-05", 60, "consultation", 30000, "定例ミーティング", None, None),
        (y, "2026-01-20", 90, "consultation", 0, "定例ミーティング(振替)", None, None),
        (y, "2026-01-26", 60, "consultation", 30000, "定例ミーティング", None, None),
        # 15:30 UTC on the 10th is 00:30 on the 11th in Tokyo
        (s, "2026-03-11", 60, "consultation", 0, "相続の相談", None, None),
    ]
    reasons = {i.event.summary: (i.action, i.reason) for i in plan.items if i.action != calendar.ADD}
    assert reasons == {
        "鈴木花子さん フォローアップ": ("skip", "cancelled"),
        "山田様 懇親会": ("skip", "declined by you"),  # the owner (X-WR-CALNAME) declined it
        "田中様 初回面談": ("unmatched", "no client matched"),
    }
    assert (result.added, result.skipped, result.unmatched) == (4, 2, 1)
    notes = db.scalar("SELECT notes FROM sessions WHERE date = '2026-03-11'")
    assert notes.startswith("オンライン（Zoom）。相続の件") and notes.endswith("七十五オクテットを超える行を書いています。")
    assert "料金: ¥30,000（税込）" in db.scalar("SELECT notes FROM sessions WHERE date = '2026-01-05'")


def test_outlook_export_windows_zones_all_day_and_free(db, clients, tmp_path):
    path = calendars.write(tmp_path / "outlook.ics", calendars.outlook())
    calendar.save_kind_map(db, calendar.KindMap("consultation", [("セミナー", "seminar follow-up")]))
    plan, _ = _import(db, path)
    assert _sessions(db) == [
        # matched by the second e-mail of 鈴木 (client_contacts); the kind from the keyword map
        (clients["suzuki"], "2026-03-05", 90, "seminar follow-up", 30000, "経営戦略セミナー個別フォロー", None, None),
        # 20:00 in New York (daylight time from 8 March) is 09:00 the next day in Tokyo; $150 in a yen practice
        # is a session in dollars, not converted
        (clients["smith"], "2026-03-11", 60, "consultation", None, "Coaching call", "USD", 15000),
    ]
    skipped = {i.event.summary: i.reason for i in plan.items if i.action == calendar.SKIP}
    assert skipped == {"鈴木花子様 合宿研修": "all-day event", "鈴木花子様 仮押さえ": "marked free (not busy)"}


def test_all_day_events_kept_on_request(db, clients, tmp_path):
    path = calendars.write(tmp_path / "outlook.ics", calendars.outlook())
    _import(db, path, keep_all_day=True)
    row = db.query_one("SELECT client_id, duration_minutes, topic FROM sessions WHERE date = '2026-03-20'")
    assert tuple(row) == (clients["suzuki"], None, "合宿研修")


def test_apple_export_monthly_series_moved_occurrence_declined_by_client(db, clients, tmp_path):
    path = calendars.write(tmp_path / "apple.ics", calendars.apple())
    plan, _ = _import(db, path)
    b = clients["brown"]
    assert _sessions(db) == [
        (b, "2026-02-10", 60, "consultation", None, "monthly review", "USD", 15000),
        (b, "2026-04-15", 60, "consultation", 0, "monthly review (moved)", None, None),
        (b, "2026-05-12", 60, "consultation", None, "monthly review", "USD", 15000),
    ]
    declined = [i for i in plan.items if i.event.summary == "Strategy session"]
    assert [(i.action, i.reason) for i in declined] == [("skip", "declined by the client")]


def test_fee_in_the_practice_currency_when_it_is_dollars(db, clients, tmp_path):
    from loyaldesk.core import practice

    practice.set_currency(db, "USD")
    path = calendars.write(tmp_path / "apple.ics", calendars.apple())
    _import(db, path)
    assert [r[4] for r in _sessions(db)] == [15000, 0, 15000]  # $150.00 in cents
    assert {r[6] for r in _sessions(db)} == {None}


def test_reimport_is_idempotent_and_a_newer_export_moves_and_adds(db, clients, tmp_path):
    path = calendars.write(tmp_path / "google.ics", calendars.google())
    _import(db, path)
    before = _sessions(db)
    plan, result = _import(db, path)
    assert _sessions(db) == before
    assert (result.added, result.updated) == (0, 0)
    assert {i.action for i in plan.items if i.event.summary.startswith("山田様 定例")} == {"skip"}
    assert any(i.reason.startswith("already imported (session #") for i in plan.items)

    # the newer export: the 26 January occurrence moved to the 27th (an override), one new event
    moved = ["BEGIN:VEVENT", "DTSTART;TZID=Asia/Tokyo:20260127T110000", "DTEND;TZID=Asia/Tokyo:20260127T120000",
             "DTSTAMP:20261202T000000Z", "UID:7kq2c1v1h3r8l0ms1p5o0q8j2a@google.com",
             "RECURRENCE-ID;TZID=Asia/Tokyo:20260126T100000", "SUMMARY:山田様 定例ミーティング", "END:VEVENT"]
    new = calendars.event("new001@google.com", "20260510T100000", "20260510T113000", "鈴木花子さま 決算前の確認")
    newer = calendars.write(tmp_path / "google2.ics", calendars.google([moved, new]))
    plan, result = _import(db, newer)
    assert (result.added, result.updated) == (1, 1)
    after = _sessions(db)
    assert len(after) == len(before) + 1
    assert (clients["yamada"], "2026-01-27", 60, "consultation", 30000, "定例ミーティング", None, None) in after
    assert not any(r[1] == "2026-01-26" for r in after)
    assert (clients["suzuki"], "2026-05-10", 90, "consultation", 0, "決算前の確認", None, None) in after
    updated = [i for i in plan.items if i.action == calendar.UPDATE]
    assert [i.reason for i in updated] == ["moved from 2026-01-26"]
    # and once more: nothing changes
    _import(db, newer)
    assert _sessions(db) == after


def test_a_session_edited_by_the_user_keeps_the_edits_when_imported_again(db, clients, tmp_path):
    path = calendars.write(tmp_path / "google.ics", calendars.google())
    _import(db, path)
    with db.transaction() as conn:
        conn.execute("UPDATE sessions SET topic = '事業承継 第1回', fee = 33000 WHERE date = '2026-01-05'")
    _import(db, path)
    row = db.query_one("SELECT topic, fee FROM sessions WHERE date = '2026-01-05'")
    assert tuple(row) == ("事業承継 第1回", 33000)


@pytest.mark.parametrize("summary", [
    "山田太郎様 面談", "山田 太郎 様 面談", "山田太郎さん 面談", "山田太郎さま 面談", "面談（山田太郎）",
    "ヤマダタロウ様 面談", "やまだ たろう さん 面談", "山田様 面談", "ﾔﾏﾀﾞ ﾀﾛｳ様 面談",
])
def test_japanese_name_or_reading_in_the_summary(db, clients, tmp_path, summary):
    path = calendars.write(tmp_path / "c.ics", calendars.google([]) [:-1] + calendars.event(
        "x1@example", "20260601T100000", "20260601T110000", summary) + ["END:VCALENDAR"])
    plan = _plan(db, path)
    item = next(i for i in plan.items if i.event.uid == "x1@example")
    assert (item.action, item.client_id, item.topic) == ("add", clients["yamada"], "面談")


@pytest.mark.parametrize("summary,topic", [
    ("Session with John Smith", "Session"),
    ("Mr. John Smith - strategy review", "strategy review"),
    ("john smith: strategy review", "strategy review"),
    ("Strategy review (Mr Smith)", "Strategy review"),
])
def test_english_names_with_or_without_honorifics(db, clients, tmp_path, summary, topic):
    path = calendars.write(tmp_path / "c.ics", ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//EN"]
                           + calendars.event("e1@example", "20260601T100000", "20260601T110000", summary)
                           + ["END:VCALENDAR"])
    (item,) = _plan(db, path).items
    assert (item.action, item.client_id, item.topic) == ("add", clients["smith"], topic)


def test_no_client_or_several_clients_are_unmatched_and_can_be_assigned(db, clients, tmp_path):
    twin = add_client(db, "山田 太郎", email="another.taro@example.jp")  # same name, another person
    ann = add_client(db, "Ann Lee")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//EN"]
    lines += calendars.event("u1", "20260601T100000", "20260601T110000", "山田太郎様 面談")
    lines += calendars.event("u2", "20260602T100000", "20260602T110000", "Annual review")  # not "Ann"
    lines += calendars.event("u3", "20260603T100000", "20260603T110000", "面談", "ATTENDEE;CN=Taro:mailto:another.taro@example.jp")
    path = calendars.write(tmp_path / "c.ics", lines + ["END:VCALENDAR"])
    plan = _plan(db, path)
    by_uid = {i.event.uid: i for i in plan.items}
    assert by_uid["u1"].action == "unmatched"
    assert sorted(by_uid["u1"].candidates) == sorted([clients["yamada"], twin])
    assert by_uid["u1"].reason.startswith("2 clients matched: 山田 太郎 #")
    assert (by_uid["u2"].action, by_uid["u2"].reason) == ("unmatched", "no client matched")
    assert ann not in by_uid["u2"].candidates
    assert (by_uid["u3"].action, by_uid["u3"].client_id) == ("add", twin)  # the e-mail tells them apart
    # the user assigns u1 to the first 山田 and leaves u2 out
    plan.assign(by_uid["u1"], clients["yamada"])
    result = calendar.apply_calendar_import(db, plan)
    assert (result.added, result.unmatched) == (2, 1)
    assert db.scalar("SELECT client_id FROM sessions WHERE calendar_uid = 'u1'") == clients["yamada"]
    # the assignment is remembered through the UID: imported again, u1 is already imported
    plan = _plan(db, path)
    assert {i.event.uid: i.action for i in plan.items} == {"u1": "skip", "u2": "unmatched", "u3": "skip"}


def test_the_organiser_is_not_the_client(db, clients, tmp_path):
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//EN"]
    lines += calendars.event("o1", "20260601T100000", "20260601T110000", "打ち合わせ",
                             "ORGANIZER;CN=John:mailto:john@smith.example",
                             "ATTENDEE;CN=John;PARTSTAT=ACCEPTED:mailto:john@smith.example",
                             "ATTENDEE;CN=Emily;PARTSTAT=NEEDS-ACTION:mailto:emily@brown.example")
    path = calendars.write(tmp_path / "c.ics", lines + ["END:VCALENDAR"])
    (item,) = _plan(db, path).items
    assert (item.action, item.client_id) == ("add", clients["brown"])


def test_future_events_are_next_sessions_and_quiet_the_reconnect(db, clients, tmp_path):
    smith = clients["smith"]
    add_session(db, smith, "2026-03-01", topic="Kick-off")  # long ago: overdue for a reconnect
    before = {s.client_id for s in suggestions.open_suggestions(db, TODAY) if s.kind == "reconnect"}
    assert smith in before
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//EN"]
    lines += calendars.event("f1", "20261210T140000", "20261210T150000", "John Smith follow-up")
    lines += calendars.event("f2", "20270115T140000", "20270115T150000", "John Smith follow-up")
    path = calendars.write(tmp_path / "c.ics", lines + ["END:VCALENDAR"])
    plan, result = _import(db, path)
    assert [i.action for i in plan.items] == ["upcoming", "upcoming"]
    assert result.upcoming == 2 and result.added == 0
    assert db.scalar("SELECT COUNT(*) FROM sessions WHERE client_id = ?", (smith,)) == 1  # not a session
    booked = calendar.next_session(db, smith, TODAY)
    assert (booked.starts_at, booked.summary) == (dt.datetime(2026, 12, 10, 14, 0), "follow-up")
    stats = ClientRepository(db).stats(smith)
    assert stats.next_session == (dt.datetime(2026, 12, 10, 14, 0), "follow-up")
    after = {s.client_id for s in suggestions.open_suggestions(db, TODAY) if s.kind == "reconnect"}
    assert smith not in after and after == before - {smith}
    # once the booked day has passed without a newer booking, the reconnect comes back
    later = {s.client_id for s in suggestions.open_suggestions(db, dt.date(2027, 2, 1)) if s.kind == "reconnect"}
    assert smith in later


def test_a_future_event_moved_or_cancelled_in_a_newer_export_replaces_the_next_session(db, clients, tmp_path):
    head = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//EN"]
    first = calendars.write(tmp_path / "a.ics", head + calendars.event(
        "f1", "20261210T140000", "20261210T150000", "John Smith follow-up") + ["END:VCALENDAR"])
    _import(db, first)
    moved = calendars.write(tmp_path / "b.ics", head + calendars.event(
        "f1", "20261217T100000", "20261217T110000", "John Smith follow-up") + ["END:VCALENDAR"])
    _import(db, moved)
    assert calendar.next_session(db, clients["smith"], TODAY).starts_at == dt.datetime(2026, 12, 17, 10, 0)
    cancelled = calendars.write(tmp_path / "c.ics", head + calendars.event(
        "f1", "20261217T100000", "20261217T110000", "John Smith follow-up", "STATUS:CANCELLED") + ["END:VCALENDAR"])
    _import(db, cancelled)
    assert calendar.next_session(db, clients["smith"], TODAY) is None


def test_period_from_to(db, clients, tmp_path):
    path = calendars.write(tmp_path / "google.ics", calendars.google())
    plan = _plan(db, path, start=dt.date(2026, 1, 10), end=dt.date(2026, 1, 31))
    assert [i.event.date.isoformat() for i in plan.items] == ["2026-01-20", "2026-01-26"]


def test_practice_time_zone_from_settings(db):
    import json

    assert calendar.practice_zone(db) is None  # this computer's
    with db.transaction() as conn:
        conn.execute("INSERT INTO settings (key, value) VALUES ('time_zone', ?)", (json.dumps("America/New_York"),))
    assert calendar.practice_zone(db) == ZoneInfo("America/New_York")
    with pytest.raises(LoyalDeskError, match="Unknown time zone “Mars/Olympus”"):
        calendar.practice_zone(db, "Mars/Olympus")


@pytest.mark.parametrize("content,expected", [
    (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART:2026XX01\r\nUID:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
     "not a calendar LoyalDesk can read"),
    (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART:20260101T100000\r\n", "not a calendar LoyalDesk can read"),
    (b"name,email\r\nTaro,taro@example.jp\r\n", "not an iCalendar file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "not an iCalendar file"),
])
def test_a_broken_file_is_one_clear_line_and_nothing_is_written(db, clients, tmp_path, content, expected):
    path = tmp_path / "broken.ics"
    path.write_bytes(content)
    with pytest.raises(LoyalDeskError) as info:
        calendar.read_calendar(path, zone=TOKYO, today=TODAY)
    assert expected in info.value.message and "\n" not in info.value.message
    assert info.value.message.endswith("Nothing was imported.")
    assert db.scalar("SELECT COUNT(*) FROM sessions") == 0


def test_broken_file_message_in_japanese(tmp_path):
    path = tmp_path / "broken.ics"
    path.write_bytes(b"hello")
    set_language("ja")
    with pytest.raises(LoyalDeskError, match="iCalendar ファイルではありません.*何も取り込んでいません。"):
        calendar.read_calendar(path)


def test_a_huge_file_is_refused_before_it_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(calendar, "CALENDAR_FILE_LIMIT", 1024)
    path = calendars.write(tmp_path / "google.ics", calendars.google())
    with pytest.raises(LoyalDeskError, match=r"google.ics is \d+(\.\d)? KB; LoyalDesk reads calendar files up to 1 KB"):
        calendar.read_calendar(path, zone=TOKYO, today=TODAY)


def test_an_endless_repeating_event_stops_at_the_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(calendar, "CALENDAR_OCCURRENCE_LIMIT", 1000)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//EN",
             *calendars.event("bomb", "20220101T000000", "20220101T000100", "x", "RRULE:FREQ=MINUTELY"),
             "END:VCALENDAR"]
    path = calendars.write(tmp_path / "bomb.ics", lines)
    with pytest.raises(LoyalDeskError, match="more than 1,000 events"):
        calendar.read_calendar(path, zone=TOKYO, today=TODAY)


def test_an_over_long_description_skips_that_event_only(db, clients, tmp_path, monkeypatch):
    monkeypatch.setattr(calendar, "FIELD_LIMIT", 100)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//EN"]
    lines += calendars.event("l1", "20260601T100000", "20260601T110000", "John Smith", "DESCRIPTION:" + "x" * 150)
    lines += calendars.event("l2", "20260602T100000", "20260602T110000", "John Smith")
    path = calendars.write(tmp_path / "c.ics", lines + ["END:VCALENDAR"])
    plan = _plan(db, path)
    assert [(i.action, i.reason) for i in plan.items] == [
        ("skip", "a field has 150 characters; at most 100: not imported"), ("add", "")]


def test_kind_map_text_round_trip(db):
    kinds = calendar.KindMap.from_text("セミナー = seminar\n\nbad line\nCoaching=coaching\n", default="相談")
    assert kinds.keywords == [("セミナー", "seminar"), ("Coaching", "coaching")]
    assert kinds.kind_for("Group coaching call") == "coaching"
    assert kinds.kind_for("ｾﾐﾅｰ 個別") == "seminar"  # half-width katakana matches too
    assert kinds.kind_for("面談") == "相談"
    calendar.save_kind_map(db, kinds)
    assert calendar.load_kind_map(db) == kinds
    assert calendar.load_kind_map(db).to_text() == "セミナー = seminar\nCoaching = coaching"


@pytest.mark.parametrize("text,expected", [
    ("料金 ¥30,000（税込）", (30000, "JPY")),
    ("30,000円 お振込済み", (30000, "JPY")),
    ("fee $150 paid", (15000, "USD")),
    ("USD 1,250.50", (125050, "USD")),
    ("会議室 3F、参加者 4 名", None),
    ("", None),
])
def test_fee_from_description(text, expected):
    assert calendar.fee_from_description(text, "JPY") == expected


def test_two_imports_of_the_same_file_at_once_never_duplicate(db, clients, tmp_path):
    from loyaldesk.core.db import open_database

    path = calendars.write(tmp_path / "google.ics", calendars.google())
    other = open_database(db.path)  # another window or process with the same practice open
    try:
        mine, theirs = _plan(db, path), _plan(other, path)
        assert calendar.apply_calendar_import(db, mine).added == 4
        result = calendar.apply_calendar_import(other, theirs)  # planned again under the write lock
        assert (result.added, result.skipped) == (0, 6)
    finally:
        other.close()
    assert db.scalar("SELECT COUNT(*) FROM sessions") == 4


def test_an_endless_rule_is_counted_not_expanded(tmp_path, monkeypatch):
    import recurring_ical_events

    expanded = []
    real = recurring_ical_events.of
    monkeypatch.setattr(recurring_ical_events, "of", lambda *a, **k: expanded.append(1) or real(*a, **k))
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//EN",
             *calendars.event("bomb", "20220101T000000", "20220101T000001", "x", "RRULE:FREQ=SECONDLY"),
             "END:VCALENDAR"]
    with pytest.raises(LoyalDeskError, match="more than 50,000 events from 2021-12-01"):
        calendar.read_calendar(calendars.write(tmp_path / "bomb.ics", lines), zone=TOKYO, today=TODAY)
    assert expanded == []  # refused before any expansion


@pytest.mark.parametrize("shape", ["bom", "lf"])
def test_a_byte_order_mark_or_plain_line_feeds_are_read_too(db, clients, tmp_path, shape):
    raw = calendars.ics(calendars.apple())
    raw = b"\xef\xbb\xbf" + raw if shape == "bom" else raw.replace(b"\r\n", b"\n")
    path = tmp_path / "apple.ics"
    path.write_bytes(raw)
    assert [i.action for i in _plan(db, path).items] == ["add", "add", "add", "skip"]


def test_imported_sessions_are_found_by_the_search(db, clients, tmp_path):
    from loyaldesk.core import search

    path = calendars.write(tmp_path / "google.ics", calendars.google())
    _import(db, path)
    found = [(h.client_id, h.source, h.date.isoformat()) for h in search.search(db, "定例ミーティング")]
    assert found == [(clients["yamada"], "session", "2026-01-26"), (clients["yamada"], "session", "2026-01-20"),
                     (clients["yamada"], "session", "2026-01-05")]
    assert [(h.client_id, h.date.isoformat()) for h in search.search(db, "相続の件")] == [
        (clients["suzuki"], "2026-03-11")]  # in the notes, from the event's description
    assert db.scalar("SELECT COUNT(*) FROM sessions_fts WHERE sessions_fts MATCH '\"定例ミーティング\"'") == 3
    assert "WHEN new.rowid" not in db.scalar("SELECT sql FROM sqlite_master WHERE name = 'sessions_ai'")
    for table in search.FTS_TABLES:
        db.conn.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 0)")
