"""Full-text search of every conversation (loyaldesk.core.search): FTS5 trigram index kept by triggers."""

from __future__ import annotations

import datetime as dt

import pytest

from loyaldesk.core import cipher, events, search
from loyaldesk.core.db import open_database
from loyaldesk.core.migrations import LATEST_VERSION
from tests.conftest import add_client, add_session, add_touchpoint


def _found(db, query, **kw):
    return [(h.client_name, h.source, h.date.isoformat() if h.date else None, h.plain_snippet)
            for h in search.search(db, query, **kw)]


@pytest.fixture
def practice(db):
    yamada = add_client(db, name="山田 太郎", notes="長男への相続と事業承継について心配している", phone="03-1234-5678")
    smith = add_client(db, name="John Smith", notes="Prefers morning calls", phone="(212) 555-0100")
    sato = add_client(db, name="佐藤 花子", notes="")
    add_session(db, yamada, "2025-03-14", topic="事業承継の計画")
    add_session(db, sato, "2026-02-02", topic="相続税の試算")
    add_session(db, smith, "2026-05-20", topic="Estate planning review")
    add_touchpoint(db, smith, "2026-06-01", channel="email", note="Sent the estate checklist")
    add_touchpoint(db, sato, "2025-12-24", channel="call", note="お歳暮のお礼。相続の件で来月ご来所")
    rnd = events.create_round(db, "新サービス", on=dt.date(2026, 4, 10))
    events.record_feedback(db, rnd.id, yamada, note="承継の事例集がほしいとのこと")
    return {"yamada": yamada, "smith": smith, "sato": sato, "round": rnd.id}


def test_a_new_practice_has_the_trigram_index(db):
    assert search.index_ready(db)
    sql = db.scalar("SELECT sql FROM sqlite_master WHERE name = 'sessions_fts'")
    assert "fts5" in sql.lower() and "trigram" in sql
    assert db.schema_version == LATEST_VERSION


def test_japanese_words_inside_sentences_are_found_newest_first(db, practice):
    assert _found(db, "相続") == [  # two characters: LIKE
        ("佐藤 花子", "session", "2026-02-02", "相続税の試算"),
        ("山田 太郎", "client", "2026-01-01", "長男への相続と事業承継について心配している"),
        ("佐藤 花子", "touchpoint", "2025-12-24", "お歳暮のお礼。相続の件で来月ご来所"),
    ]
    assert _found(db, "事業承継") == [  # four characters: the index
        ("山田 太郎", "client", "2026-01-01", "長男への相続と事業承継について心配している"),
        ("山田 太郎", "session", "2025-03-14", "事業承継の計画"),
    ]
    hits = search.search(db, "事業承継")
    assert hits[1].snippet == search.HIT_START + "事業承継" + search.HIT_END + "の計画"
    assert hits[1].entry_id == db.scalar("SELECT id FROM sessions WHERE topic = '事業承継の計画'")


def test_feedback_and_a_two_character_query(db, practice):
    assert ("山田 太郎", "feedback", "2026-04-10", "承継の事例集がほしいとのこと") in _found(db, "承継")
    assert [h.entry_id for h in search.search(db, "事例集") if h.source == "feedback"] == [practice["round"]]


def test_one_character_query(db, practice):
    found = _found(db, "税")
    assert found == [("佐藤 花子", "session", "2026-02-02", "相続税の試算")]
    assert search.search(db, "税")[0].snippet == "相続" + search.HIT_START + "税" + search.HIT_END + "の試算"


def test_english_is_found_whatever_the_case_and_all_terms_are_needed(db, practice):
    assert _found(db, "ESTATE") == [
        ("John Smith", "touchpoint", "2026-06-01", "Sent the estate checklist"),
        ("John Smith", "session", "2026-05-20", "Estate planning review"),
    ]
    assert _found(db, "estate checklist") == [("John Smith", "touchpoint", "2026-06-01", "Sent the estate checklist")]
    assert _found(db, '"planning review"') == [("John Smith", "session", "2026-05-20", "Estate planning review")]
    assert _found(db, "estate nowhere") == []
    assert _found(db, 'AND OR "') == []  # FTS5 syntax in the text is searched for, never an error
    assert _found(db, "   ") == []


def test_triggers_keep_the_index_current(db, practice):
    with db.transaction() as conn:
        conn.execute("INSERT INTO sessions (client_id, date, topic, notes) VALUES (?, '2026-07-01', '遺言書の作成', "
                     "'公正証書遺言をすすめた')", (practice["sato"],))
    assert _found(db, "公正証書") == [("佐藤 花子", "session", "2026-07-01", "遺言書の作成 公正証書遺言をすすめた")]
    with db.transaction() as conn:
        conn.execute("UPDATE sessions SET notes = '自筆証書で進める' WHERE topic = '遺言書の作成'")
        conn.execute("UPDATE clients SET notes = 'Prefers afternoon calls' WHERE id = ?", (practice["smith"],))
        conn.execute("UPDATE touchpoints SET note = 'Sent the tax checklist' WHERE client_id = ?", (practice["smith"],))
    assert _found(db, "公正証書") == []
    assert [f[3] for f in _found(db, "自筆証書")] == ["遺言書の作成 自筆証書で進める"]
    assert _found(db, "morning") == []
    assert [f[3] for f in _found(db, "afternoon")] == ["Prefers afternoon calls"]
    assert [f[1] for f in _found(db, "estate")] == ["session"]
    with db.transaction() as conn:
        conn.execute("DELETE FROM sessions WHERE topic = 'Estate planning review'")
    assert _found(db, "estate") == []
    with db.transaction() as conn:  # a client deleted: its notes, sessions, contacts and feedback go too
        conn.execute("DELETE FROM clients WHERE id = ?", (practice["yamada"],))
    assert _found(db, "承継") == []
    for table in search.FTS_TABLES:  # the index's own structure (rows without text are not in it)
        db.conn.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 0)")
    assert db.scalar("PRAGMA integrity_check") == "ok"


def test_only_rows_with_text_are_indexed_and_other_changes_leave_the_index_alone(db, practice):
    def indexed(table):
        return db.scalar(f"SELECT COUNT(*) FROM {table}_docsize")

    before = indexed("clients_fts")
    assert before == 2  # 佐藤 has no notes
    with db.transaction() as conn:
        conn.execute("INSERT INTO clients (name, notes) VALUES ('No Notes', '')")
        conn.execute("UPDATE clients SET archived = 1, company = 'X' WHERE id = ?", (practice["smith"],))
    assert indexed("clients_fts") == before
    with db.transaction() as conn:
        conn.execute("UPDATE clients SET notes = '新しいメモ' WHERE name = 'No Notes'")
    assert indexed("clients_fts") == before + 1 and [f[0] for f in _found(db, "新しいメモ")] == ["No Notes"]
    with db.transaction() as conn:
        conn.execute("UPDATE clients SET notes = '' WHERE name = 'No Notes'")
    assert indexed("clients_fts") == before and _found(db, "新しいメモ") == []
    assert [f[0] for f in _found(db, "morning")] == ["John Smith"]  # archived: still found


@pytest.mark.parametrize("query", ["03-1234-5678", "0312345678", "+81 3 1234 5678", "+81-3-1234-5678",
                                   "０３－１２３４－５６７８", "1234-5678"])
def test_phone_numbers_in_any_formatting(db, practice, query):
    assert _found(db, query) == [("山田 太郎", "client", "2026-01-01", "03-1234-5678")]


def test_a_client_s_other_phones_are_found(db, practice):
    with db.transaction() as conn:
        conn.execute("INSERT INTO client_contacts (client_id, kind, label, value) VALUES (?, 'phone', 'mobile', ?)",
                     (practice["sato"], "+81 90-1111-2222"))
    assert _found(db, "090 1111 2222") == [("佐藤 花子", "client", "2026-01-01", "+81 90-1111-2222")]
    assert _found(db, "212-555-0100") == [("John Smith", "client", "2026-01-01", "(212) 555-0100")]
    assert _found(db, "+1 212 555 0100") == [("John Smith", "client", "2026-01-01", "(212) 555-0100")]
    assert search.phone_digits("2025") == "2025" and search.phone_digits("12") is None
    assert search.phone_digits("相続") is None


def test_limit_keeps_the_newest(db, practice):
    assert [h.date.isoformat() for h in search.search(db, "相続", limit=2)] == ["2026-02-02", "2026-01-01"]


def test_a_large_file_gets_its_index_in_the_background_and_is_searched_meanwhile(tmp_path, monkeypatch):
    """An older practice above the size limit: the upgrade leaves the index out, LIKE answers the same,
    build_index makes it in one transaction with progress."""
    path = tmp_path / "old.db"
    with open_database(path) as db:
        a = add_client(db, name="Old Client", notes="")
        for n in range(30):
            add_session(db, a, f"2024-01-{n + 1:02d}", topic=f"相続の相談 {n}")
        with db.transaction() as conn:  # as the previous version left it
            for table in search.FTS_TABLES:
                conn.execute(f"DROP TABLE {table}")
            for table, _, _ in search.SOURCES:
                for suffix in ("_ai", "_ad", "_au"):
                    conn.execute(f"DROP TRIGGER {table}{suffix}")
            conn.execute(f"PRAGMA user_version = {LATEST_VERSION - 1}")
    monkeypatch.setattr(search, "BUILD_IN_MIGRATION_ROWS", 10)
    with open_database(path) as db:
        assert db.schema_version == LATEST_VERSION and not search.index_ready(db)
        before = _found(db, "相続の相談")
        assert len(before) == 30 and before[0][2] == "2024-01-30"
        monkeypatch.setattr(search, "_BATCH", 7)
        seen = []
        assert search.build_index(db, seen.append) is True
        assert search.index_ready(db) and seen == sorted(seen) and seen[-1] == 1.0 and len(seen) > 4
        assert _found(db, "相続の相談") == before
        assert search.build_index(db) is False
        add_session(db, a, "2024-02-01", topic="相続の相談 new")
        assert len(_found(db, "相続の相談")) == 31


def test_a_cancelled_build_leaves_no_index(db, monkeypatch):
    with db.transaction() as conn:
        for table in search.FTS_TABLES:
            conn.execute(f"DROP TABLE {table}")
        for table, _, _ in search.SOURCES:
            for suffix in ("_ai", "_ad", "_au"):
                conn.execute(f"DROP TRIGGER {table}{suffix}")
    a = add_client(db, name="A", notes="相続の話")

    def stop(_fraction):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        search.build_index(db, stop)
    assert not search.index_ready(db)
    assert [f[0] for f in _found(db, "相続の話")] == ["A"] and a


def test_a_protected_practice_is_searched_and_indexed_the_same(tmp_path, monkeypatch):
    monkeypatch.setattr(cipher, "KDF_ITERATIONS", 1000)
    path = tmp_path / "secret.db"
    with open_database(path) as db:
        a = add_client(db, name="山田 太郎", notes="事業承継の悩み")
        b = add_client(db, name="B")
        rnd = events.create_round(db, "新サービス", on=dt.date(2026, 4, 10))
        events.record_feedback(db, rnd.id, b, note="first")
        events.record_feedback(db, rnd.id, a, note="承継の事例集")
        with db.transaction() as conn:  # a gap in feedback_participants' rowids
            conn.execute("DELETE FROM clients WHERE id = ?", (b,))
    cipher.protect(path, "correct horse battery", keep_plain=False)
    cipher.forget_all()
    cipher.remember("correct horse battery")
    try:
        with open_database(path, create=False) as db:
            assert cipher.is_cipher_connection(db.conn) and search.index_ready(db)
            assert _found(db, "事業承継") == [("山田 太郎", "client", "2026-01-01", "事業承継の悩み")]
            assert _found(db, "事例集") == [("山田 太郎", "feedback", "2026-04-10", "承継の事例集")]
            add_session(db, a, "2026-05-01", topic="事業承継の続き")
            assert [f[1] for f in _found(db, "事業承継")] == ["session", "client"]
    finally:
        cipher.forget_all()


def test_many_matches_take_the_newest_through_the_date_index(db, monkeypatch):
    """With more matches than search._MANY_MATCHES the newest are found by walking the date index: the same
    rows as sorting every match."""
    a = add_client(db, name="A")
    for n in range(40):
        add_session(db, a, f"2025-{n % 12 + 1:02d}-{n % 28 + 1:02d}", topic=f"価格改定の相談 {n}")
        add_touchpoint(db, a, f"2024-{n % 12 + 1:02d}-{n % 28 + 1:02d}", note=f"価格改定の電話 {n}")
    sorted_all = [(h.source, h.entry_id, h.date) for h in search.search(db, "価格改定", limit=15)]
    monkeypatch.setattr(search, "_MANY_MATCHES", 5)
    monkeypatch.setattr(search, "_WALK_ROWS", 0)  # the walk keeps the rows in the match set
    walked = [(h.source, h.entry_id, h.date) for h in search.search(db, "価格改定", limit=15)]
    assert walked == sorted_all and len(walked) == 15
    monkeypatch.setattr(search, "_WALK_ROWS", 1000)  # dense matches: the walk tests the texts
    assert [(h.source, h.entry_id, h.date) for h in search.search(db, "価格改定", limit=15)] == sorted_all
    assert [d for _, _, d in walked] == sorted((d for _, _, d in walked), reverse=True)
    assert {s for s, _, _ in walked} == {"session"}  # every session is newer than every contact


def test_deferred_index_indexes_the_rows_added_at_the_end_and_keeps_the_others_current(db, practice):
    with db.transaction() as conn:
        with search.deferred_index(conn):
            conn.executemany("INSERT INTO sessions (client_id, date, topic, notes) VALUES (?, ?, ?, '')",
                             [(practice["sato"], f"2026-08-{d:02d}", f"遺言の相談 {d}") for d in range(1, 11)])
            assert _found(db, "遺言の相談") == []  # not yet
            conn.execute("UPDATE sessions SET topic = '遺言の相談（変更）' WHERE date = '2026-08-01'")
            conn.execute("DELETE FROM sessions WHERE date = '2026-08-02'")
            conn.execute("UPDATE clients SET notes = 'Prefers phone calls' WHERE id = ?", (practice["smith"],))
            conn.execute("DELETE FROM touchpoints WHERE client_id = ?", (practice["smith"],))
        assert "WHEN new.rowid" not in db.scalar("SELECT sql FROM sqlite_master WHERE name = 'sessions_ai'")
    found = _found(db, "遺言の相談")
    assert len(found) == 9 and found[-1][3] == "遺言の相談（変更）"
    assert _found(db, "morning") == [] and [f[0] for f in _found(db, "phone calls")] == ["John Smith"]
    assert _found(db, "checklist") == []
    for table in search.FTS_TABLES:
        db.conn.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 0)")
    add_session(db, practice["sato"], "2026-09-01", topic="遺言の相談 after")  # the usual triggers again
    assert len(_found(db, "遺言の相談")) == 10


def test_deferred_index_rolled_back_with_its_transaction(db, practice):
    with pytest.raises(RuntimeError):
        with db.transaction() as conn, search.deferred_index(conn):
            conn.execute("INSERT INTO sessions (client_id, date, topic) VALUES (?, '2026-08-01', '遺言の相談')",
                         (practice["sato"],))
            raise RuntimeError("the import failed")
    assert _found(db, "遺言の相談") == []
    assert "WHEN new.rowid" not in db.scalar("SELECT sql FROM sqlite_master WHERE name = 'sessions_ai'")
    add_session(db, practice["sato"], "2026-09-01", topic="遺言の相談")
    assert len(_found(db, "遺言の相談")) == 1


def test_the_migration_makes_the_same_index_as_sqlite_utils(db, tmp_path):
    """A new file's index is made without importing sqlite-utils (it loads pandas); the background build
    uses sqlite-utils' enable_fts: the same tables either way."""
    light = {r[0]: r[1] for r in db.query("SELECT name, sql FROM sqlite_master WHERE name LIKE '%_fts%' "
                                          "OR name LIKE '%\\_a_' ESCAPE '\\'", plain=True)}
    with db.transaction() as conn:
        for table in search.FTS_TABLES:
            conn.execute(f"DROP TABLE {table}")
    assert search.build_index(db)
    built = {r[0]: r[1] for r in db.query("SELECT name, sql FROM sqlite_master WHERE name LIKE '%_fts%' "
                                          "OR name LIKE '%\\_a_' ESCAPE '\\'", plain=True)}
    assert built == light and "sessions_fts" in built and "sessions_au" in built


def test_matching_clients_are_every_client_with_a_match(db, practice):
    assert search.matching_clients(db, "相続") == {practice["yamada"], practice["sato"]}  # LIKE
    assert search.matching_clients(db, "事業承継") == {practice["yamada"]}  # the index
    assert search.matching_clients(db, "estate") == {practice["smith"]}
    assert search.matching_clients(db, "+81 3 1234 5678") == {practice["yamada"]}
    assert search.matching_clients(db, "nothing at all") == set()
    hits = search.search(db, "相続", limit=1)
    assert {h.client_id for h in hits} < search.matching_clients(db, "相続")  # the newest match only


def test_phone_digits_are_kept_current_by_triggers(db, practice):
    def phones():
        return sorted(tuple(r) for r in db.query(f"SELECT client_id, phone, digits FROM {search.PHONE_TABLE}",
                                                  plain=True))

    y, s, j = practice["yamada"], practice["sato"], practice["smith"]
    assert phones() == [(y, "03-1234-5678", "0312345678"), (j, "(212) 555-0100", "2125550100")]
    with db.transaction() as conn:  # written by another tool: full-width digits and marks, a second phone
        conn.execute("UPDATE clients SET phone = '０６（６１２３）４５６７' WHERE id = ?", (s,))
        conn.execute("INSERT INTO client_contacts (client_id, kind, label, value) VALUES (?, 'phone', 'mobile', ?)",
                     (y, "+81 90-1111-2222"))
        conn.execute("INSERT INTO client_contacts (client_id, kind, label, value) VALUES (?, 'email', '', ?)",
                     (y, "taro@example.jp"))
        conn.execute("UPDATE clients SET phone = '' WHERE id = ?", (j,))
    assert phones() == [(y, "+81 90-1111-2222", "819011112222"), (y, "03-1234-5678", "0312345678"),
                        (s, "０６（６１２３）４５６７", "0661234567")]
    assert _found(db, "06-6123-4567") == [("佐藤 花子", "client", "2026-01-01", "０６（６１２３）４５６７")]
    assert _found(db, "212-555-0100") == []
    with db.transaction() as conn:
        conn.execute("UPDATE client_contacts SET value = '090-3333-4444' WHERE kind = 'phone'")
    assert _found(db, "+81 90 3333 4444") == [("山田 太郎", "client", "2026-01-01", "090-3333-4444")]
    assert _found(db, "090-1111-2222") == []
    with db.transaction() as conn:
        conn.execute("DELETE FROM clients WHERE id = ?", (y,))  # its other phones go with it
    assert phones() == [(s, "０６（６１２３）４５６７", "0661234567")]


def test_the_phone_digits_of_an_older_file_are_filled_by_the_migration(db, practice):
    with db.transaction() as conn:
        conn.execute("INSERT INTO client_contacts (client_id, kind, label, value) VALUES (?, 'phone', 'work', ?)",
                     (practice["sato"], "045-222-3333"))
        conn.execute(f"DELETE FROM {search.PHONE_TABLE}")  # as a file of schema 16 has none
        search.create_phone_index(conn)
    assert [h.client_name for h in search.search(db, "0452223333")] == ["佐藤 花子"]
    assert [h.client_name for h in search.search(db, "03 1234 5678")] == ["山田 太郎"]


def test_deferred_index_writes_the_phone_digits_of_the_rows_added_at_the_end(db, practice):
    def phones():
        return sorted(tuple(r) for r in db.query(f"SELECT client_id, digits FROM {search.PHONE_TABLE}", plain=True))

    y, s, j = practice["yamada"], practice["sato"], practice["smith"]
    with db.transaction() as conn:
        conn.execute("INSERT INTO client_contacts (client_id, kind, label, value) VALUES (?, 'phone', '', '045-1')",
                     (s,))
    with db.transaction() as conn, search.deferred_index(conn):
        conn.executemany("INSERT INTO clients (name, phone) VALUES (?, ?)",
                         [("新規 一郎", "０９０－１２３４－０００１"), ("新規 二郎", ""), ("New Three", "+1 (415) 555-0003")])
        new = conn.execute("SELECT id FROM clients WHERE name = '新規 一郎'").fetchone()[0]
        conn.execute("INSERT INTO client_contacts (client_id, kind, label, value) VALUES (?, 'phone', '', ?)",
                     (new, "080-9999-0002"))
        conn.execute("INSERT INTO client_contacts (client_id, kind, label, value) VALUES (?, 'phone', '', ?)",
                     (y, "06-7777-0004"))
        assert len(phones()) == 3  # the new ones not yet
        conn.execute("UPDATE clients SET phone = '03-0000-1111' WHERE id = ?", (y,))  # one already there: at once
        conn.execute("UPDATE clients SET phone = '090-1234-0009' WHERE id = ?", (new,))
        conn.execute("DELETE FROM client_contacts WHERE value = '045-1'")
        assert (y, "0300001111") in phones() and (s, "0451") not in phones()
    three = db.scalar("SELECT id FROM clients WHERE name = 'New Three'")
    assert phones() == sorted([(y, "0300001111"), (y, "0677770004"), (j, "2125550100"), (new, "09012340009"),
                               (new, "08099990002"), (three, "14155550003")])
    assert [h.client_name for h in search.search(db, "090-1234-0009")] == ["新規 一郎"]
    sql = db.scalar("SELECT sql FROM sqlite_master WHERE name = 'clients_phone_ai'")
    assert "new.id <=" not in sql  # the usual triggers again
    with pytest.raises(RuntimeError):
        with db.transaction() as conn, search.deferred_index(conn):
            conn.execute("INSERT INTO clients (name, phone) VALUES ('Gone', '03-5555-5555')")
            raise RuntimeError("the import failed")
    assert search.search(db, "03-5555-5555") == [] and len(phones()) == 6
    add_client(db, name="After", phone="03-5555-6666")
    assert [h.client_name for h in search.search(db, "0355556666")] == ["After"]
