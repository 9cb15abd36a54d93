"""`loyaldesk import --db PATH FILE.ics` as a script calls it: real processes, exit codes, printed lines."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from tests.cli.test_cli import one_line_error, run
from tests.core.io import calendars

PERIOD = ("--from", "2026-01-01", "--to", "2026-06-30", "--time-zone", "Asia/Tokyo")


def query(db, sql, params=()):
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "practice.db"
    run("init", "--db", str(path))
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("INSERT INTO clients (name, name_kana, email) VALUES ('山田 太郎', 'ヤマダ タロウ', "
                     "'taro.yamada@example.co.jp')")
        conn.execute("INSERT INTO clients (name, name_kana) VALUES ('鈴木 花子', 'スズキ ハナコ')")
    conn.close()
    return path


def test_import_ics_prints_counts_and_unmatched_events_then_is_idempotent(db, tmp_path):
    ics = calendars.write(tmp_path / "basic.ics", calendars.google())
    proc = run("import", "--db", str(db), str(ics), *PERIOD, check_ok=False)
    assert proc.returncode == 3, proc.stderr  # written, but one event is left for the user
    lines = proc.stdout.splitlines()
    assert lines[0] == "calendar 2026-01-01 to 2026-06-30: add 4, update 0, skip 2, unmatched 1, next sessions 0"
    assert lines[1:] == ['event 7: no client matched "田中様 初回面談"']
    rows = query(db, "SELECT date, topic, fee FROM sessions ORDER BY date")
    assert rows == [("2026-01-05", "定例ミーティング", 30000), ("2026-01-20", "定例ミーティング(振替)", 0),
                    ("2026-01-26", "定例ミーティング", 30000), ("2026-03-11", "相続の相談", 0)]
    again = run("import", "--db", str(db), str(ics), *PERIOD, check_ok=False)
    assert again.stdout.splitlines()[0] == ("calendar 2026-01-01 to 2026-06-30: add 0, update 0, skip 6, "
                                            "unmatched 1, next sessions 0 (nothing written)")
    assert again.returncode == 2
    assert query(db, "SELECT COUNT(*) FROM sessions") == [(4,)]


def test_dry_run_writes_nothing(db, tmp_path):
    ics = calendars.write(tmp_path / "basic.ics", calendars.google())
    proc = run("import", "--db", str(db), str(ics), *PERIOD, "--dry-run", check_ok=False)
    lines = proc.stdout.splitlines()
    assert lines[0].endswith("(dry run: nothing written)")
    assert lines[1] == 'event 7: no client matched "田中様 初回面談"'
    # the whole preview: every event with its date, fate, client and title
    assert lines[2] == "     1  2026-01-05 10:00  add        山田 太郎 #1  定例ミーティング"
    assert lines[6] == "     5  2026-04-02 13:00  skip       -  鈴木花子さん フォローアップ (cancelled)"
    assert lines[8] == "     7  2026-04-20 10:00  unmatched  -  田中様 初回面談 (no client matched)"
    assert query(db, "SELECT COUNT(*) FROM sessions") == [(0,)]


def test_several_clients_matched_are_named(db, tmp_path):
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("INSERT INTO clients (name) VALUES ('鈴木 花子')")  # a second 鈴木 花子
    conn.close()
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//EN",
             *calendars.event("s1", "20260301T100000", "20260301T110000", "鈴木花子様 面談"), "END:VCALENDAR"]
    proc = run("import", "--db", str(db), str(calendars.write(tmp_path / "x.ics", lines)), *PERIOD, check_ok=False)
    assert proc.returncode == 2
    assert proc.stdout.splitlines()[1] == 'event 1: 2 clients matched "鈴木花子様 面談": 鈴木 花子 #2, 鈴木 花子 #3'


def test_a_future_event_is_the_next_session_not_a_session(db, tmp_path):
    soon = dt.date.today() + dt.timedelta(days=10)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//EN",
             *calendars.event("n1", soon.strftime("%Y%m%dT140000"), soon.strftime("%Y%m%dT150000"), "鈴木花子様 面談"),
             "END:VCALENDAR"]
    proc = run("import", "--db", str(db), str(calendars.write(tmp_path / "x.ics", lines)), "--time-zone", "Asia/Tokyo")
    assert proc.stdout.splitlines()[0].endswith("add 0, update 0, skip 0, unmatched 0, next sessions 1")
    assert query(db, "SELECT COUNT(*) FROM sessions") == [(0,)]
    assert query(db, "SELECT client_id, starts_at, summary FROM calendar_upcoming") == [
        (2, soon.isoformat() + "T14:00", "面談")]


def test_all_day_flag_and_owner_option(db, tmp_path):
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//EN",
             "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20260310", "DTEND;VALUE=DATE:20260311", "UID:a1",
             "SUMMARY:鈴木花子様 終日ワークショップ", "TRANSP:TRANSPARENT", "END:VEVENT",
             *calendars.event("d1", "20260312T100000", "20260312T110000", "山田太郎様 面談",
                              "ATTENDEE;CN=Me;PARTSTAT=DECLINED:mailto:me@office.example"),
             "END:VCALENDAR"]
    ics = calendars.write(tmp_path / "x.ics", lines)
    proc = run("import", "--db", str(db), str(ics), *PERIOD, "--me", "me@office.example")
    assert "add 0, update 0, skip 2" in proc.stdout
    proc = run("import", "--db", str(db), str(ics), *PERIOD, "--me", "me@office.example", "--all-day")
    assert "add 1, update 0, skip 1" in proc.stdout
    assert query(db, "SELECT date, duration_minutes, topic FROM sessions") == [("2026-03-10", None, "終日ワークショップ")]


@pytest.mark.parametrize("lang,expected", [
    ("en", "loyaldesk: broken.ics: not a calendar LoyalDesk can read (it ends before END:VCALENDAR: was it cut "
           "short?). Nothing was imported."),
    ("ja", "loyaldesk: broken.ics: 読み込めないカレンダーファイルです（END:VCALENDAR の前で終わっています。"
           "途中で切れていませんか）。何も取り込んでいません。"),
])
def test_a_broken_calendar_is_one_line_in_the_users_language(db, tmp_path, lang, expected):
    broken = tmp_path / "broken.ics"
    broken.write_bytes(calendars.ics(calendars.google())[:900])
    proc = run("--lang", lang, "import", "--db", str(db), str(broken), check_ok=False)
    assert proc.returncode == 1
    assert one_line_error(proc) == expected
    assert query(db, "SELECT COUNT(*) FROM sessions") == [(0,)]


def test_an_unknown_time_zone_is_a_user_error(db, tmp_path):
    ics = calendars.write(tmp_path / "basic.ics", calendars.google())
    proc = run("import", "--db", str(db), str(ics), "--time-zone", "Mars/Olympus", check_ok=False)
    assert one_line_error(proc).startswith("loyaldesk: Unknown time zone “Mars/Olympus”")
