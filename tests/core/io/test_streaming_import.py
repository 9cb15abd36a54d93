"""A large CSV or vCard file is streamed: its rows are read from the file as they are planned and read
again to write, never held whole. What it decides and writes is exactly what reading the file whole
decides and writes: the same files are imported both ways (the streaming threshold lowered to 0) into
copies of the same practice and compared."""

from __future__ import annotations

import csv
import shutil
import sqlite3

import pytest

from loyaldesk.core.db import open_database
from loyaldesk.core.io import files, importer, tabular, vcard
from tests.conftest import add_client, add_session

CLIENT_ROWS = [
    ["氏名", "フリガナ", "メールアドレス", "電話番号", "会社名", "郵便番号", "住所", "生年月日", "タグ", "備考"],
    ["山田 太郎", "やまだ たろう", "taro@example.jp", "090-1111-2222", "", "150-0001", "東京都渋谷区神宮前1-2-3",
     "1980-04-01", "経営者", "初回"],
    ["佐藤 花子", "さとう はなこ", "hanako@example.jp", "03-1234-5678", "株式会社さくら", "", "", "", "", ""],
    # the same person as row 2 by e-mail: fills the company, the phone differs (kept as one more)
    ["山田 太郎", "", "TARO@example.jp", "080-9999-0000", "山田商店", "", "", "", "ニュースレター", "二回目"],
    # the same person as row 3 by name and reading: a different birthday is a conflict
    ["佐藤　花子", "サトウ ハナコ", "", "", "", "", "", "1990-01-02", "", "メモ"],
    # an existing client by e-mail (the practice has kept@example.jp)
    ["Kept Client", "", "kept@example.jp", "", "Kept Inc.", "", "", "", "", "from the file"],
    # an existing client by name and phone
    ["鈴木 一郎", "", "", "045-000-1111", "", "", "", "", "", ""],
    # a row with an error (an impossible e-mail is a warning; no name at all is an error)
    ["", "", "", "", "", "", "", "", "", "no name"],
    # a near-match of an existing client
    ["Kept Clients", "", "other@example.org", "", "", "", "", "", "", ""],
    # the same name as row 3 but another reading and no phone: a different person
    ["佐藤 花子", "さとう はるこ", "haruko@example.jp", "", "", "", "", "", "", ""],
    # the same person as row 10 by e-mail, which the first merge into row 3 does not have
    ["佐藤 花子", "", "haruko@example.jp", "", "", "", "", "1985-05-05", "", ""],
    *[[f"顧客 {i}", f"こきゃく {i}", f"c{i}@example.jp", f"090-0000-{i:04d}", "", "", "", "", "", ""]
      for i in range(40)],
]


def _write_csv(path, rows, encoding="utf-8"):
    with open(path, "w", encoding=encoding, newline="") as fh:
        csv.writer(fh).writerows(rows)


def _practice(path):
    with open_database(path) as db:
        add_client(db, "Kept Client", email="kept@example.jp", company="")
        ichiro = add_client(db, "鈴木 一郎", phone="045-000-1111")
        add_session(db, ichiro, "2026-02-01", fee=30000, topic="相談")
    return path


def _dump(path):
    """Every row the imports wrote, without the time of writing (created_at, updated_at, a tag's since)."""
    conn = sqlite3.connect(path)
    try:
        dump = {table: conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
                for table in ("client_contacts", "client_addresses", "tags", "sessions")}
        dump["clients"] = conn.execute(
            "SELECT id, name, name_kana, honorific, company, title, email, phone, postal_code, address1, address2, "
            "birthday, source, notes, country FROM clients ORDER BY id").fetchall()
        dump["client_tags"] = conn.execute("SELECT client_id, tag_id FROM client_tags ORDER BY 1, 2").fetchall()
        return dump
    finally:
        conn.close()


def _plan_view(plan):
    return ([(i.action, i.target_id, i.target_row, dict(i.fills)) if hasattr(i, "fills")
             else (i.action, i.client_id, i.create_client) for i in plan.items],
            [(p.row, p.column, p.reason, p.severity) for p in plan.problems()], plan.counts)


def _run(db_path, source, kind, streamed, monkeypatch, **options):
    with monkeypatch.context() as m:
        if streamed:
            m.setattr(tabular, "STREAM_FROM", 0)
            m.setattr(importer, "KEEP_RECORDS", 0)  # every plain row shares one item: its record is read again
        with open_database(db_path) as db:
            loaded = files.load_table(db, source, kind)
            if kind == "clients":
                records = files.client_records(loaded)
                assert isinstance(records, list) != streamed
                plan = importer.plan_client_import(db, records, **options)
                view = _plan_view(plan)
                result = importer.apply_client_import(db, plan, on_error="skip")
            else:
                records = files.session_records(loaded)
                plan = importer.plan_session_import(db, records, **options)
                view = _plan_view(plan)
                result = importer.apply_session_import(db, plan, on_error="skip")
            if streamed:
                assert isinstance(loaded.table.rows, tabular.TextRows)
                assert len(records) == len(loaded.table.rows) == len(plan.items)
    return view, (result.added, result.merged, result.skipped, result.errors)


@pytest.mark.parametrize("duplicates", [importer.MERGE, importer.SKIP])
@pytest.mark.parametrize("encoding", ["utf-8", "cp932", "utf-8-sig"])
def test_a_streamed_client_file_is_planned_and_written_as_a_file_read_whole(tmp_path, monkeypatch, duplicates,
                                                                              encoding):
    source = tmp_path / "clients.csv"
    _write_csv(source, CLIENT_ROWS, encoding)
    whole, streamed = _practice(tmp_path / "whole.db"), tmp_path / "streamed.db"
    shutil.copy(whole, streamed)
    expected = _run(whole, source, "clients", False, monkeypatch, duplicates=duplicates)
    got = _run(streamed, source, "clients", True, monkeypatch, duplicates=duplicates)
    assert got == expected
    assert _dump(streamed) == _dump(whole)
    counts = expected[0][2]
    assert counts["merge" if duplicates == importer.MERGE else "skip"] >= 5 and counts["error"] == 1


def test_a_streamed_client_file_written_after_another_writer_is_planned_again(tmp_path, monkeypatch):
    """Planned, then another import of the same file commits first: the write plans again from the file
    (read a third time) and merges into what the other one added."""
    source = tmp_path / "clients.csv"
    _write_csv(source, CLIENT_ROWS)
    path = _practice(tmp_path / "p.db")
    monkeypatch.setattr(tabular, "STREAM_FROM", 0)
    monkeypatch.setattr(importer, "KEEP_RECORDS", 0)
    with open_database(path) as db, open_database(path) as other:
        plan = importer.plan_client_import(db, files.client_records(files.load_table(db, source, "clients")))
        first = importer.plan_client_import(other, files.client_records(files.load_table(other, source, "clients")))
        assert importer.apply_client_import(other, first, on_error="skip").added == plan.counts["add"]
        result = importer.apply_client_import(db, plan, on_error="skip")
        assert result.added == 0 and result.merged == plan.counts["add"] + plan.counts["merge"]
        assert db.scalar("SELECT COUNT(*) FROM clients WHERE email = 'c7@example.jp'") == 1


SESSION_ROWS = [
    ["日付", "顧客名", "メールアドレス", "金額", "内容"],
    ["2026-03-01", "鈴木 一郎", "", "30000", "相談"],
    ["2026-02-01", "鈴木 一郎", "", "30000", "相談"],  # already recorded
    ["2026-03-01", "鈴木 一郎", "", "30000", "相談"],  # the same as row 2 of this file
    ["2026-03-02", "新規 さん", "new@example.jp", "12000", "初回"],
    ["2026-03-03", "新規 さん", "new@example.jp", "12000", "二回目"],
    ["2026-03-04", "Nobody", "", "5000", ""],
    ["not a date", "鈴木 一郎", "", "1000", ""],
    *[["2026-04-01", "Kept Client", "", str(1000 + i), f"回 {i}"] for i in range(30)],
]


@pytest.mark.parametrize("create_clients", [False, True])
def test_a_streamed_session_file_is_planned_and_written_as_a_file_read_whole(tmp_path, monkeypatch, create_clients):
    source = tmp_path / "sessions.csv"
    _write_csv(source, SESSION_ROWS)
    whole, streamed = _practice(tmp_path / "whole.db"), tmp_path / "streamed.db"
    shutil.copy(whole, streamed)
    expected = _run(whole, source, "sessions", False, monkeypatch, create_clients=create_clients)
    got = _run(streamed, source, "sessions", True, monkeypatch, create_clients=create_clients)
    assert got == expected
    assert _dump(streamed) == _dump(whole)
    assert expected[0][2]["skip"] == 2


def test_streamed_rows_are_read_from_the_file_not_kept(tmp_path, monkeypatch):
    """The table of a large file holds no rows: going through them reads the file again (a changed file
    shows its new rows), slices read only the first rows; plain added rows share one planned item."""
    source = tmp_path / "clients.csv"
    _write_csv(source, CLIENT_ROWS)
    monkeypatch.setattr(tabular, "STREAM_FROM", 0)
    monkeypatch.setattr(importer, "KEEP_RECORDS", 0)
    table = tabular.read_table(source)
    assert table.headers == CLIENT_ROWS[0] and len(table) == len(CLIENT_ROWS) - 1
    assert [cells[0] for _, cells in table.rows[:2]] == ["山田 太郎", "佐藤 花子"]
    assert table.rows[1][0] == 3  # the spreadsheet's row number
    with open(source, "a", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerow(["Late Row", "", "late@example.jp"] + [""] * 7)
    assert list(table.rows)[-1][1][0] == "Late Row"
    with open_database(tmp_path / "p.db") as db:
        plan = importer.plan_client_import(db, files.client_records(files.load_table(db, source, "clients")))
    plain = [i for i in plan.items if i.action == importer.ADD and not i.problems]
    assert len(plain) > 40 and len({id(i) for i in plain}) == 1


VCARDS = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:山田;太郎;;;\r\nFN:山田 太郎\r\nX-PHONETIC-LAST-NAME:やまだ\r\n"
    "EMAIL;TYPE=INTERNET:taro@example.jp\r\nTEL;TYPE=CELL:090-1111-2222\r\n"
    "ADR;TYPE=HOME:;;神宮前1-2-3;渋谷区;東京都;150-0001;Japan\r\nNOTE:長いメモ\r\n  続き\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8:Smith;Anne\r\nFN:Anne Smith\r\nEMAIL:anne@example.org\r\n"
    "BDAY:--12-24\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Unclosed Card\r\nEMAIL:open@example.org\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:鈴木 一郎\r\nTEL:045-000-1111\r\nEND:VCARD\r\n"
)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp932", "utf-16", "mixed"])
def test_a_streamed_vcard_file_gives_the_same_contacts(tmp_path, monkeypatch, encoding):
    path = tmp_path / "contacts.vcf"
    if encoding == "mixed":  # a phone's export: most lines Shift_JIS, one UTF-8
        data = VCARDS.encode("cp932") + "BEGIN:VCARD\r\nFN:髙橋 ①子\r\nEND:VCARD\r\n".encode("utf-8")
    else:
        data = VCARDS.encode(encoding)
    path.write_bytes(data)
    whole = files.read_vcard_records(path)
    monkeypatch.setattr(tabular, "STREAM_FROM", 0)
    streamed = files.read_vcard_records(path)
    assert isinstance(streamed, files.Records) and len(streamed) == len(whole) == (5 if encoding == "mixed" else 4)
    assert list(streamed) == whole
    assert list(streamed) == whole  # gone through again: read again from the file
    assert [r.name for r in whole][:2] == ["山田 太郎", "Anne Smith"]


def test_a_streamed_vcard_file_without_cards_says_so(tmp_path, monkeypatch):
    path = tmp_path / "notes.vcf"
    path.write_text("just some notes\n", encoding="utf-8")
    monkeypatch.setattr(tabular, "STREAM_FROM", 0)
    records = files.read_vcard_records(path)
    assert records == vcard.parse_vcards(path.read_bytes())
    assert records[0].problems[0].column == "BEGIN"
