"""`loyaldesk suggest` as scripts and people use it: the JSON contract, the table, one-line errors."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest

from tests.cli.test_cli import one_line_error, run

AS_OF = "2026-11-23"


def ago(days: int) -> str:
    return (dt.date.fromisoformat(AS_OF) - dt.timedelta(days=days)).isoformat()


@pytest.fixture
def practice_db(tmp_path):
    """A loyal client overdue since long, a new client two days after the first session, a birthday,
    a do-not-contact client with everything, and an archived one."""
    db = tmp_path / "p.db"
    run("init", "--db", str(db))
    conn = sqlite3.connect(db)
    conn.executemany("INSERT INTO clients (id, name, created_at, birthday, do_not_contact, archived) "
                     "VALUES (?, ?, '2020-01-01', ?, ?, ?)",
                     [(1, "山田 太郎", None, 0, 0), (2, "Emily Carter", None, 0, 0), (3, "佐藤 花子", "1980-11-30", 0, 0),
                      (4, "dnc", "1980-11-25", 1, 0), (5, "archived", "1980-11-25", 0, 1)])
    conn.executemany("INSERT INTO sessions (client_id, date, fee, topic) VALUES (?, ?, 30000, ?)",
                     [(1, ago(400), ""), (1, ago(82), "新規事業の資金計画"), (2, ago(2), "Pricing"),
                      (4, ago(2), "x"), (5, ago(2), "y")])
    conn.commit()
    conn.close()
    return db


def test_suggest_json_contract(practice_db):
    out = json.loads(run("suggest", "--db", str(practice_db), "--as-of", AS_OF, "--json").stdout)
    assert isinstance(out, list) and out
    for item in out:
        assert {"client_id", "kind", "reason", "due", "priority"} <= set(item)
        assert isinstance(item["client_id"], int) and isinstance(item["priority"], int)
        assert dt.date.fromisoformat(item["due"]).isoformat() == item["due"]
    assert {item["client_id"] for item in out} == {1, 2, 3}  # never the do-not-contact or archived client
    keys = [(-item["priority"], item["due"]) for item in out]
    assert keys == sorted(keys)
    by = {(item["client_id"], item["kind"]): item for item in out}
    thanks = by[(2, "thank_you")]
    assert thanks["due"] == "2026-11-24" and thanks["channel"] == "letter" and thanks["priority"] == 90
    assert thanks["reason"].startswith("First session 2026-11-21 (Pricing) · no contact since")
    reconnect = by[(1, "reconnect")]
    assert reconnect["reason"] == ("VIP · last contact 2026-09-02, 82 days ago · interval 30 days · "
                                   "last topic: 新規事業の資金計画")
    assert by[(3, "birthday")]["due"] == "2026-11-30"  # future-due suggestions are listed with their date
    assert out[0]["kind"] == "thank_you"


def test_suggest_table_in_english_and_japanese(practice_db):
    lines = run("suggest", "--db", str(practice_db), "--as-of", AS_OF).stdout.strip().splitlines()
    assert lines[0].split() == ["Due", "Priority", "Action", "Client", "Reason"]
    assert lines[1].split()[:4] == ["2026-11-24", "90", "Thank-you", "Emily"]
    assert any("Reconnect" in line and "山田 太郎" in line and "last topic: 新規事業の資金計画" in line for line in lines)
    assert lines[-1].startswith(f"As of {AS_OF}: ") and "due today or earlier" in lines[-1]
    ja = run("--lang", "ja", "suggest", "--db", str(practice_db), "--as-of", AS_OF).stdout.strip().splitlines()
    assert ja[0].split() == ["期限", "優先度", "提案", "顧客", "理由"]
    assert any("ご無沙汰の連絡" in line and "ロイヤル・最終連絡 2026-09-02（82日前）・連絡間隔 30日" in line for line in ja)
    assert any("誕生日" in line and "（あと7日）" in line for line in ja)
    assert ja[-1].startswith(f"{AS_OF} 時点の提案")


def test_suggest_on_an_empty_database(tmp_path):
    db = tmp_path / "e.db"
    run("init", "--db", str(db))
    assert run("suggest", "--db", str(db), "--as-of", AS_OF).stdout.strip() == f"No suggestions as of {AS_OF}."
    assert json.loads(run("suggest", "--db", str(db), "--json").stdout) == []


@pytest.mark.parametrize("args, expected", [
    (("--as-of", "2026-02-30"), "Not a valid date: 2026-02-30"),
    (("--as-of", "tomorrow"), "Not a valid date"),
])
def test_suggest_rejects_impossible_dates_in_one_line(practice_db, args, expected):
    assert expected in one_line_error(run("suggest", "--db", str(practice_db), *args, check_ok=False))


def test_suggest_missing_database_is_one_line_and_not_created(tmp_path):
    missing = tmp_path / "missing.db"
    assert "not found" in one_line_error(run("suggest", "--db", str(missing), check_ok=False))
    assert not missing.exists()
