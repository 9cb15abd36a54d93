"""NUL and other control characters are removed from imported text, with a warning naming row and column."""

from __future__ import annotations

import datetime as dt

from loyaldesk.core.io import files, importer
from loyaldesk.core.io.vcard import parse_vcards


def _import(db, path, kind="clients"):
    loaded = files.load_table(db, path, kind)
    records = files.session_records(loaded) if kind == "sessions" else files.client_records(loaded)
    plan = (importer.plan_session_import(db, records) if kind == "sessions"
            else importer.plan_client_import(db, records))
    result = (importer.apply_session_import(db, plan) if kind == "sessions"
              else importer.apply_client_import(db, plan))
    return plan, result


def test_csv_control_characters_are_stripped_with_a_warning(db, tmp_path):
    path = tmp_path / "clients.csv"
    path.write_bytes(
        "氏名,会社名,メールアドレス,メモ,使わない列\r\n"
        "Bo\x00b,Acme\x07 Inc\x1b,bob@example.com,\"line one\tcol\r\nline\x00 two\",x\x00y\r\n"
        "山田 太郎,,taro@example.jp,普通のメモ,\r\n".encode("utf-8")
        + "".join(f"顧客 {i},,c{i}@example.jp,,\r\n" for i in range(40)).encode("utf-8"))
    plan, result = _import(db, path)
    assert result.added == 42
    rows = db.query("SELECT name, company, notes FROM clients ORDER BY id", plain=True)
    assert rows[0] == ("Bob", "Acme Inc", "line one\tcol\nline two")  # tab and line break kept in the notes
    assert rows[1][0] == "山田 太郎"
    warnings = [(p.row, p.column, p.reason, p.severity) for p in plan.problems()]
    assert warnings == [
        (2, "氏名", "1 control character(s) such as NUL removed from the value", "warning"),
        (2, "会社名", "2 control character(s) such as NUL removed from the value", "warning"),
        (2, "メモ", "1 control character(s) such as NUL removed from the value", "warning"),
    ]  # the column left out of the import is cleaned without a word
    assert db.scalar("SELECT COUNT(*) FROM clients WHERE instr(name || company || notes, char(0)) > 0") == 0


def test_session_rows_are_cleaned_too(db, tmp_path):
    from tests.conftest import add_client

    add_client(db, "Emily Carter", email="emily@example.com")
    path = tmp_path / "sessions.csv"
    path.write_bytes(b"date,client_email,fee,topic\r\n2026-02-01,emily@example.com,10000,Plan\x00ning\x7f\r\n")
    plan, result = _import(db, path, "sessions")
    assert result.added == 1
    assert db.scalar("SELECT topic FROM sessions") == "Planning"
    assert [(p.row, p.column) for p in plan.problems()] == [(2, "topic")]
    assert db.scalar("SELECT date FROM sessions") == dt.date(2026, 2, 1).isoformat()


def test_vcard_control_characters_are_stripped_with_a_warning():
    card = ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bo\x00b Smith\r\nN:Smith;Bob;;;\r\nEMAIL:bob@example.com\r\n"
            "NOTE:first\x01 note\r\nEND:VCARD\r\n")
    [rec] = parse_vcards(card.encode("utf-8"))
    assert rec.name == "Bob Smith"
    assert "\x01" not in rec.notes and "first note" in rec.notes
    assert [(p.column, p.reason) for p in rec.problems] == [
        ("FN", "1 control character(s) such as NUL removed from the value"),
        ("NOTE", "1 control character(s) such as NUL removed from the value")]
    assert not rec.has_errors


def test_an_xlsx_cell_over_one_megabyte_is_an_error_of_its_row(db, tmp_path):
    import zipfile

    import openpyxl

    plain = tmp_path / "plain.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["氏名", "メールアドレス", "メモ"])
    wb.active.append(["山田 太郎", "taro@example.jp", "LONG-NOTE"])
    wb.active.append(["佐藤 花子", "hanako@example.jp", "短いメモ"])
    wb.save(plain)
    path = tmp_path / "clients.xlsx"  # Excel stops at 32,767 characters a cell; a crafted file need not
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            dst.writestr(info, data.replace(b"LONG-NOTE", b"z" * 1_200_000))
    loaded = files.load_table(db, path, "clients")
    records = files.client_records(loaded)
    assert records[0].has_errors and not records[1].has_errors
    [problem] = records[0].problems
    assert (problem.row, problem.column) == (2, "メモ")
    assert "1,200,000 characters" in problem.reason
    result = importer.apply_client_import(db, importer.plan_client_import(db, records), on_error="skip")
    assert result.added == 1
    assert db.query("SELECT name, notes FROM clients", plain=True) == [("佐藤 花子", "短いメモ")]
