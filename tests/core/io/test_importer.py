"""Import planning and writing: add / merge / skip / error, one transaction, nothing half-done."""

from __future__ import annotations

import datetime as dt

import pytest

from loyaldesk.core.io import importer
from loyaldesk.core.io.records import ClientRecord, RowProblem, SessionRecord
from tests.conftest import add_client, add_session


def rec(row, name, **kw):
    return ClientRecord(row=row, name=name, **kw)


def test_new_clients_are_added_with_tags_and_roles(db):
    plan = importer.plan_client_import(db, [
        rec(2, "山田 太郎", name_kana="やまだ たろう", email="taro@example.jp", tags=["経営者", "アンバサダー"]),
        rec(3, "Emily Carter", email="emily@example.com", tags=["Ambassador"]),
    ])
    assert plan.counts == {"add": 2, "merge": 0, "skip": 0, "error": 0}
    result = importer.apply_client_import(db, plan)
    assert (result.added, result.written) == (2, True)
    tags = dict(db.query("SELECT name, category FROM tags WHERE name IN ('経営者', 'アンバサダー', 'Ambassador')", plain=True))
    assert tags == {"経営者": "segment", "アンバサダー": "role", "Ambassador": "role"}
    assert db.scalar("SELECT COUNT(*) FROM client_tags") == 3


def test_duplicate_by_email_merges_without_overwriting(db):
    cid = add_client(db, "佐藤 花子", email="hanako@example.jp", company="株式会社みらい")
    plan = importer.plan_client_import(db, [
        rec(2, "佐藤 花子", email="HANAKO@example.jp", company="別会社", phone="090-1111-2222"),
    ])
    item = plan.items[0]
    assert item.action == "merge" and item.target_id == cid
    assert item.fills == {"phone": "090-1111-2222"}
    assert any(p.column == "company" and "株式会社みらい" in p.reason for p in item.problems)
    importer.apply_client_import(db, plan)
    row = db.query_one("SELECT company, phone FROM clients WHERE id = ?", (cid,))
    assert (row["company"], row["phone"]) == ("株式会社みらい", "090-1111-2222")
    assert db.scalar("SELECT COUNT(*) FROM clients") == 1


def test_duplicate_by_name_and_reading_or_phone(db):
    a = add_client(db, "山田 太郎", name_kana="ヤマダ タロウ")
    b = add_client(db, "鈴木 一郎", phone="03-1234-5678")
    add_client(db, "田中 実", name_kana="たなか みのる")
    plan = importer.plan_client_import(db, [
        rec(2, "山田　太郎", name_kana="やまだ たろう"),        # full-width space, hiragana reading
        rec(3, "鈴木 一郎", phone="０３－１２３４－５６７８"),   # full-width phone
        rec(4, "田中 実", name_kana="たなか まこと"),          # same name, different reading: another person
    ])
    assert [(i.action, i.target_id) for i in plan.items] == [("merge", a), ("merge", b), ("add", None)]


def test_duplicates_within_the_file_merge_into_the_first_row(db):
    plan = importer.plan_client_import(db, [
        rec(2, "Ann Lee", email="ann@example.com"),
        rec(3, "Ann Lee", email="ann@example.com", phone="555-0100"),
    ])
    assert [i.action for i in plan.items] == ["add", "merge"]
    assert "row 2" in plan.items[1].problems[0].reason
    importer.apply_client_import(db, plan)
    assert db.query("SELECT name, phone FROM clients", plain=True) == [("Ann Lee", "555-0100")]


def test_skip_policy(db):
    add_client(db, "Ann Lee", email="ann@example.com")
    plan = importer.plan_client_import(db, [rec(2, "Ann Lee", email="ann@example.com", phone="1")], duplicates="skip")
    assert plan.counts["skip"] == 1
    result = importer.apply_client_import(db, plan)
    assert not result.written and db.scalar("SELECT phone FROM clients") == ""


def test_near_match_is_a_warning_not_a_merge(db):
    add_client(db, "渡辺 健太郎")
    plan = importer.plan_client_import(db, [rec(2, "渡邊 健太郎")])
    item = plan.items[0]
    assert item.action == "add"
    assert any(p.severity == "warning" and "渡辺 健太郎" in p.reason for p in item.problems)


def test_errors_abort_writes_nothing_and_skip_writes_the_rest(db):
    bad = rec(3, "Broken")
    bad.problems.append(RowProblem(3, "誕生日", "Not a valid date: 2023-02-30"))
    records = [rec(2, "Good One"), bad, rec(4, "Good Two")]
    plan = importer.plan_client_import(db, records)
    assert plan.counts == {"add": 2, "merge": 0, "skip": 0, "error": 1}
    assert [str(p) for p in plan.problems()] == ["row 3: 誕生日: Not a valid date: 2023-02-30"]
    result = importer.apply_client_import(db, plan, on_error="abort")
    assert not result.written and db.scalar("SELECT COUNT(*) FROM clients") == 0
    result = importer.apply_client_import(db, plan, on_error="skip")
    assert result.added == 2 and result.errors == 1
    assert sorted(r[0] for r in db.query("SELECT name FROM clients", plain=True)) == ["Good One", "Good Two"]


def test_cancel_during_write_rolls_back(db):
    plan = importer.plan_client_import(db, [rec(i, f"Client {i}") for i in range(2, 1200)])
    calls = {"n": 0}

    def cancel_second_time():
        calls["n"] += 1
        return calls["n"] >= 2

    with pytest.raises(importer.ImportCancelled):
        importer.apply_client_import(db, plan, is_cancelled=cancel_second_time)
    assert db.scalar("SELECT COUNT(*) FROM clients") == 0


def test_sessions_match_by_email_then_name_and_skip_repeats(db):
    a = add_client(db, "山田 太郎", email="taro@example.jp")
    b = add_client(db, "Emily Carter")
    add_client(db, "同名 二人")
    add_client(db, "同名 二人")
    add_session(db, b, "2026-01-10", fee=30000, topic="")
    records = [
        SessionRecord(2, dt.date(2026, 2, 1), client_email="TARO@example.jp", fee=30000, topic="資金計画"),
        SessionRecord(3, dt.date(2026, 2, 2), client_name="EmilyCarter", fee=15000),
        SessionRecord(4, dt.date(2026, 1, 10), client_name="Emily Carter", fee=30000),  # already recorded
        SessionRecord(5, dt.date(2026, 2, 3), client_name="同名 二人", fee=1000),
        SessionRecord(6, dt.date(2026, 2, 4), client_name="Nobody Known", fee=1000),
    ]
    plan = importer.plan_session_import(db, records)
    assert [i.action for i in plan.items] == ["add", "add", "skip", "error", "error"]
    assert "2 clients" in plan.items[3].problems[0].reason
    result = importer.apply_session_import(db, plan, on_error="skip")
    assert result.added == 2
    assert db.scalar("SELECT SUM(fee) FROM sessions WHERE client_id = ?", (a,)) == 30000


def test_sessions_can_create_missing_clients_once(db):
    records = [
        SessionRecord(2, dt.date(2025, 5, 1), client_name="New Person", fee=10000),
        SessionRecord(3, dt.date(2025, 6, 1), client_name="New Person", fee=12000),
    ]
    plan = importer.plan_session_import(db, records, create_clients=True)
    result = importer.apply_session_import(db, plan)
    assert result.added == 2
    assert db.query("SELECT name, created_at FROM clients", plain=True) == [("New Person", "2025-05-01")]


def test_decisions_are_made_again_under_the_write_lock_when_another_writer_came_first(db):
    from loyaldesk.core.db import open_database

    records = [rec(2, "山田 太郎", email="taro@example.jp"), rec(3, "佐藤 花子", email="hanako@example.jp")]
    plan = importer.plan_client_import(db, records)
    assert [i.action for i in plan.items] == ["add", "add"]
    with open_database(db.path) as other:  # the same file imported meanwhile by another window or process
        importer.apply_client_import(other, importer.plan_client_import(other, records[:1]))
    result = importer.apply_client_import(db, plan)
    assert (result.added, result.merged) == (1, 1)
    assert [i.action for i in plan.items] == ["merge", "add"]  # the plan shows what was really done
    assert sorted(r[0] for r in db.query("SELECT email FROM clients", plain=True)) == [
        "hanako@example.jp", "taro@example.jp"]


def test_a_plan_made_on_another_connection_is_checked_again(db):
    from loyaldesk.core.db import open_database

    a = add_client(db, "山田 太郎", email="taro@example.jp")
    records = [SessionRecord(2, dt.date(2026, 2, 1), client_email="taro@example.jp", fee=30000, topic="資金計画")]
    with open_database(db.path) as planner:  # the dialog plans on one connection and writes on another
        plan = importer.plan_session_import(planner, records)
    add_session(db, a, "2026-02-01", fee=30000, topic="資金計画")  # recorded by hand in between
    result = importer.apply_session_import(db, plan)
    assert (result.added, result.skipped) == (0, 1)
    assert db.scalar("SELECT COUNT(*) FROM sessions") == 1
