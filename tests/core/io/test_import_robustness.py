"""Whatever file arrives, the import never crashes and never leaves half of itself behind.

Malformed CSV and vCard files (hypothesis), a locked database, a read-only file and a full
disk: each gives a clear typed error or a clean result, and the database holds either
everything the import wrote or nothing of it.
"""

from __future__ import annotations

import os
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loyaldesk.core import errors
from loyaldesk.core.db import open_database
from loyaldesk.core.io import files, importer
from tests.conftest import add_client

HEADERS = ["氏名", "フリガナ", "メールアドレス", "電話番号", "郵便番号", "誕生日", "タグ", "Notes"]
cell = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["", "令和5年4月1日", "R5.2.30", "2023/13/01", "０３－１２３４", "〒150-0001", "a@b",
                     "x@example.jp", "髙橋 ①子", '"', "\r\n", ",,,", "\x00", "\ufeff"]),
)
rows = st.lists(st.lists(cell, min_size=0, max_size=len(HEADERS) + 2), max_size=12)

fuzz = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _csv_bytes(table, encoding):
    import csv
    import io

    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(HEADERS)
    for row in table:
        writer.writerow(row)
    return buf.getvalue().encode(encoding, errors="replace")


def _snapshot(db):
    return (db.scalar("SELECT COUNT(*) FROM clients"), db.scalar("SELECT COUNT(*) FROM client_tags"))


def _import(db, path, on_error):
    """The whole path a user takes; returns the result, or the typed error it raised."""
    try:
        if files.file_format(path) == "vcard":
            records = files.read_vcard_records(path)
        else:
            records = files.client_records(files.load_table(db, path, "clients"))
        plan = importer.plan_client_import(db, records)
        return plan, importer.apply_client_import(db, plan, on_error=on_error)
    except errors.LoyalDeskError as exc:
        assert exc.message and "Traceback" not in exc.message
        return None, exc


@fuzz
@given(table=rows, encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp932"]),
       on_error=st.sampled_from(["abort", "skip"]))
def test_malformed_csv_never_crashes_nor_half_writes(tmp_path_factory, table, encoding, on_error):
    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / "clients.csv"
    path.write_bytes(_csv_bytes(table, encoding))
    with open_database(folder / "t.db") as db:
        add_client(db, "既存 顧客", email="x@example.jp")
        before = _snapshot(db)
        plan, outcome = _import(db, path, on_error)
        after = _snapshot(db)
        assert db.scalar("PRAGMA integrity_check") == "ok"
        if plan is None or not outcome.written:
            assert after == before  # nothing at all
        else:
            assert after[0] == before[0] + outcome.added  # exactly what the plan said
            if on_error == "abort":
                assert plan.count(importer.ERROR) == 0


@fuzz
@given(data=st.binary(max_size=400))
def test_random_bytes_as_a_csv_file(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("bytes")
    path = folder / "garbage.csv"
    path.write_bytes(data)
    with open_database(folder / "t.db") as db:
        plan, outcome = _import(db, path, "skip")
        if plan is None or not outcome.written:
            assert db.scalar("SELECT COUNT(*) FROM clients") == 0


card_line = st.one_of(
    st.sampled_from(["BEGIN:VCARD", "END:VCARD", "VERSION:3.0", "VERSION:4.0", "FN:山田 太郎", "N:山田;太郎;;;",
                     "EMAIL;TYPE=INTERNET:taro@example.jp", "BDAY:19900315", "BDAY:1990-02-30", "BDAY:--0315",
                     "X-PHONETIC-LAST-NAME:ヤマダ", "CATEGORIES:経営者,アンバサダー", "NOTE:long\\nnote",
                     " folded continuation", "TEL;TYPE=CELL:090-1234-5678", "ADR;TYPE=HOME:;;渋谷1-2-3;渋谷区;東京都;150-0002;",
                     "FN;CHARSET=SHIFT_JIS;ENCODING=QUOTED-PRINTABLE:=8E=52=93=63", "PHOTO;ENCODING=b:!!!", ":", ";;;"]),
    st.text(max_size=30),
)


@fuzz
@given(lines=st.lists(card_line, max_size=25))
def test_malformed_vcard_never_crashes_nor_half_writes(tmp_path_factory, lines):
    folder = tmp_path_factory.mktemp("vcf")
    path = folder / "contacts.vcf"
    path.write_text("\r\n".join(["BEGIN:VCARD", *lines, "END:VCARD"]), encoding="utf-8", errors="replace")
    with open_database(folder / "t.db") as db:
        plan, outcome = _import(db, path, "abort")
        assert db.scalar("PRAGMA integrity_check") == "ok"
        count = db.scalar("SELECT COUNT(*) FROM clients")
        if plan is None or not outcome.written:
            assert count == 0
        else:
            assert count == outcome.added


GOOD = "氏名,メールアドレス\n山田 太郎,taro@example.jp\n佐藤 花子,hanako@example.jp\n"


def _plan(db, tmp_path):
    path = tmp_path / "c.csv"
    path.write_text(GOOD, encoding="utf-8")
    return importer.plan_client_import(db, files.client_records(files.load_table(db, path, "clients")))


def test_locked_database_says_so_and_writes_nothing(db, tmp_path):
    plan = _plan(db, tmp_path)
    other = sqlite3.connect(db.path, timeout=0)
    other.execute("BEGIN EXCLUSIVE")
    try:
        db.conn.execute("PRAGMA busy_timeout = 50")
        with pytest.raises(errors.DatabaseLockedError) as info:
            importer.apply_client_import(db, plan)
        assert "another program" in info.value.message
    finally:
        other.rollback()
        other.close()
    assert db.scalar("SELECT COUNT(*) FROM clients") == 0


def test_full_disk_says_so_and_keeps_what_was_there(db, tmp_path):
    add_client(db, "既存 顧客")
    path = tmp_path / "many.csv"
    path.write_text("氏名,メモ\n" + "".join(f"顧客{n},{'メモ' * 200}\n" for n in range(400)), encoding="utf-8")
    plan = importer.plan_client_import(db, files.client_records(files.load_table(db, path, "clients")))
    # SQLite reports a full disk when the file cannot grow: cap it just above its current size
    pages = db.scalar("PRAGMA page_count")
    db.conn.execute(f"PRAGMA max_page_count = {pages + 2}")
    with pytest.raises(errors.DiskFullError) as info:
        importer.apply_client_import(db, plan)
    assert "disk" in info.value.message.lower()
    assert [r[0] for r in db.query("SELECT name FROM clients", plain=True)] == ["既存 顧客"]
    assert db.scalar("PRAGMA integrity_check") == "ok"


def test_read_only_database_explains_and_writes_nothing(tmp_path, monkeypatch):
    from loyaldesk.core import db as dbmod

    path = tmp_path / "ro.db"
    with open_database(path) as db:
        add_client(db, "kept")
    real_access = os.access
    monkeypatch.setattr(dbmod.os, "access", lambda p, mode: False if mode == os.W_OK else real_access(p, mode))
    with open_database(path) as db:
        plan = _plan(db, tmp_path)
        with pytest.raises(errors.ReadOnlyDatabaseError) as info:
            importer.apply_client_import(db, plan)
        assert "read-only" in info.value.message
        assert db.scalar("SELECT COUNT(*) FROM clients") == 1


def test_newer_database_is_refused_before_anything(tmp_path):
    path = tmp_path / "newer.db"
    with open_database(path):
        pass
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 999")
    conn.commit()
    conn.close()
    with pytest.raises(errors.NewerDatabaseError) as info:
        open_database(path)
    assert "newer" in info.value.message
