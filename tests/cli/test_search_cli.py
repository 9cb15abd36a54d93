"""`loyaldesk search`: the pinned JSON contract, newest first, and a file without its index yet."""

from __future__ import annotations

import json

from loyaldesk.core import search
from loyaldesk.core.db import open_database
from loyaldesk.core.migrations import LATEST_VERSION
from tests.cli.test_cli import one_line_error, run
from tests.conftest import add_client, add_session, add_touchpoint


def _practice(path):
    with open_database(path) as db:
        a = add_client(db, name="山田 太郎", notes="相続の相談が中心", phone="03-1234-5678")
        b = add_client(db, name="Jane Doe", notes="")
        add_session(db, a, "2025-04-01", topic="相続税の試算")
        add_touchpoint(db, a, "2026-03-03", note="相続登記の件で電話")
        add_session(db, b, "2026-01-15", topic="Succession plan")
    return path


def test_json_contract_newest_first(tmp_path):
    path = _practice(tmp_path / "p.db")
    proc = run("search", "--db", str(path), "相続", "--json")
    rows = json.loads(proc.stdout)
    assert [(r["source"], r["date"]) for r in rows] == [
        ("touchpoint", "2026-03-03"), ("client", "2026-01-01"), ("session", "2025-04-01")]
    assert rows[0] == {"client_id": 1, "client_name": "山田 太郎", "source": "touchpoint", "date": "2026-03-03",
                       "snippet": "相続登記の件で電話"}
    assert rows[2] == {"client_id": 1, "client_name": "山田 太郎", "source": "session", "date": "2025-04-01",
                       "snippet": "相続税の試算"}
    assert json.loads(run("search", "--db", str(path), "succession", "--json").stdout) == [
        {"client_id": 2, "client_name": "Jane Doe", "source": "session", "date": "2026-01-15",
         "snippet": "Succession plan"}]
    assert json.loads(run("search", "--db", str(path), "+81 3-1234-5678", "--json").stdout)[0]["client_id"] == 1
    assert json.loads(run("search", "--db", str(path), "nothing like it", "--json").stdout) == []


def test_text_output_in_japanese(tmp_path):
    path = _practice(tmp_path / "p.db")
    proc = run("--lang", "ja", "search", "--db", str(path), "相続登記")
    lines = proc.stdout.splitlines()
    assert lines[0].split() == ["日付", "顧客", "種類", "内容"]
    assert "2026-03-03" in lines[1] and "連絡" in lines[1] and "[相続登記]の件で電話" in lines[1]
    assert lines[-1] == "1件見つかりました。"
    assert run("--lang", "ja", "search", "--db", str(path), "該当なし").stdout.strip() == "「該当なし」に一致するものはありません。"
    one_line_error(run("search", "--db", str(path), "  ", check_ok=False))
    one_line_error(run("search", "--db", str(tmp_path / "missing.db"), "x", check_ok=False))


def test_a_file_without_its_index_gets_it_once(tmp_path):
    path = _practice(tmp_path / "p.db")
    with open_database(path) as db, db.transaction() as conn:  # as a large file upgraded by the app is left
        for table in search.FTS_TABLES:
            conn.execute(f"DROP TABLE {table}")
        for table, _, _ in search.SOURCES:
            for suffix in ("_ai", "_ad", "_au"):
                conn.execute(f"DROP TRIGGER {table}{suffix}")
    proc = run("search", "--db", str(path), "相続登記", "--json")
    assert "Building the search index (once): 100 %" in proc.stderr
    assert [r["source"] for r in json.loads(proc.stdout)] == ["touchpoint"]
    with open_database(path, create=False) as db:
        assert search.index_ready(db) and db.schema_version == LATEST_VERSION
    assert run("search", "--db", str(path), "相続登記", "--json").stderr == ""


def test_json_every_source_and_the_limit(tmp_path):
    import datetime as dt

    from loyaldesk.core import events

    path = _practice(tmp_path / "p.db")
    with open_database(path) as db:
        rnd = events.create_round(db, "相続セミナー", on=dt.date(2026, 5, 20))
        events.record_feedback(db, rnd.id, 2, note="Wants the IT checklist for the estate")
        add_session(db, 2, "2026-06-01", topic="IT導入の検討")
    rows = json.loads(run("search", "--db", str(path), "it", "--json").stdout)  # two Latin characters: LIKE
    assert [(r["client_name"], r["source"], r["date"], r["snippet"]) for r in rows] == [
        ("Jane Doe", "session", "2026-06-01", "IT導入の検討"),
        ("Jane Doe", "feedback", "2026-05-20", "Wants the IT checklist for the estat…"),  # 24 characters after
    ]
    assert all(list(r) == ["client_id", "client_name", "source", "date", "snippet"] for r in rows)
    rows = json.loads(run("search", "--db", str(path), "checklist", "--json").stdout)  # the index
    assert rows == [{"client_id": 2, "client_name": "Jane Doe", "source": "feedback", "date": "2026-05-20",
                     "snippet": "Wants the IT checklist for the estate"}]  # from the start
    every = json.loads(run("search", "--db", str(path), "相続", "--json").stdout)
    assert [r["date"] for r in every] == sorted((r["date"] for r in every), reverse=True)
    newest = json.loads(run("search", "--db", str(path), "相続", "--json", "--limit", "2").stdout)
    assert newest == every[:2]
