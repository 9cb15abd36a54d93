"""import / export / backup / restore as scripts call them: real processes, exit codes, printed lines."""

from __future__ import annotations

import csv
import sqlite3

import pytest

from tests.cli.test_cli import one_line_error, run

GOOD = "氏名,フリガナ,メールアドレス,電話番号\n山田　太郎,ヤマダ タロウ,taro@example.jp,０３－１２３４－５６７８\n佐藤 花子,サトウ ハナコ,hanako@example.jp,\n"
ONE_BAD = GOOD + ",タカハシ イチコ,not-an-email,\n"  # no name, no usable e-mail: cannot become a client


def query(db, sql):
    conn = sqlite3.connect(db)
    try:
        with conn:
            return conn.execute(sql).fetchall()
    finally:
        conn.close()  # an open connection would be "another program" to restore


def count(db, table="clients"):
    return query(db, f"SELECT COUNT(*) FROM {table}")[0][0]


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "practice.db"
    run("init", "--db", str(path))
    return path


def write(path, text, encoding="cp932"):
    path.write_bytes(text.encode(encoding))
    return path


def test_import_all_rows_exit_0_and_counts(db, tmp_path):
    proc = run("import", "--db", str(db), str(write(tmp_path / "顧客.csv", GOOD)))
    assert proc.stdout.splitlines()[0] == "added 2, merged 0, skipped 0, errors 0"
    assert count(db) == 2
    assert query(db, "SELECT phone FROM clients WHERE name = '山田 太郎'") == [("03-1234-5678",)]


def test_import_with_errors_aborts_by_default_exit_2(db, tmp_path):
    proc = run("import", "--db", str(db), str(write(tmp_path / "x.csv", ONE_BAD)), check_ok=False)
    assert proc.returncode == 2
    lines = proc.stdout.splitlines()
    assert lines[0] == "added 2, merged 0, skipped 0, errors 1 (nothing written)"
    assert lines[1].startswith("row 4: メールアドレス: ") and "not-an-email" in lines[1]
    assert lines[2].startswith("row 4: 氏名: ")
    assert count(db) == 0


def test_a_bad_email_is_a_warning_and_the_row_is_imported(db, tmp_path):
    text = GOOD + "髙橋 ①子,タカハシ イチコ,x@hot mail.com,090-1111-2222\n"
    proc = run("import", "--db", str(db), str(write(tmp_path / "x.csv", text)))
    lines = proc.stdout.splitlines()
    assert lines[0] == "added 3, merged 0, skipped 0, errors 0"
    assert lines[1].startswith("row 4: メールアドレス: ") and "x@hot mail.com" in lines[1]
    assert query(db, "SELECT email, phone FROM clients WHERE name = '髙橋 ①子'") == [("", "090-1111-2222")]


def test_import_skip_errors_exit_3(db, tmp_path):
    proc = run("import", "--db", str(db), str(write(tmp_path / "x.csv", ONE_BAD)), "--on-error", "skip",
               check_ok=False)
    assert proc.returncode == 3
    assert count(db) == 2


def test_dry_run_writes_nothing(db, tmp_path):
    proc = run("import", "--db", str(db), str(write(tmp_path / "x.csv", GOOD)), "--dry-run")
    assert "dry run" in proc.stdout
    assert count(db) == 0


def test_import_again_merges_instead_of_duplicating(db, tmp_path):
    path = write(tmp_path / "x.csv", GOOD)
    run("import", "--db", str(db), str(path))
    proc = run("import", "--db", str(db), str(path))
    assert proc.stdout.splitlines()[0].startswith("added 0, merged 2")
    assert count(db) == 2


def test_sessions_import_yen_amounts(db, tmp_path):
    run("import", "--db", str(db), str(write(tmp_path / "c.csv", GOOD)))
    ledger = "日付,メールアドレス,金額,種別,内容\n2026/4/1,taro@example.jp,\"¥30,000\",個別相談,資金計画\n2026/5/1,taro@example.jp,\"30,000円\",個別相談,\n"
    proc = run("import", "--db", str(db), "--kind", "sessions", str(write(tmp_path / "ledger.csv", ledger, "utf-8")))
    assert proc.returncode == 0
    assert query(db, "SELECT SUM(fee), COUNT(*) FROM sessions") == [(60000, 2)]
    # in a CP932 file the yen sign is the full-width ￥
    cp932 = "日付,メールアドレス,金額\n2026/6/1,hanako@example.jp,\"￥12,000\"\n"
    run("import", "--db", str(db), "--kind", "sessions", str(write(tmp_path / "l2.csv", cp932)))
    assert query(db, "SELECT fee FROM sessions WHERE date = '2026-06-01'") == [(12000,)]


def test_import_takes_a_backup_first(db, tmp_path):
    from loyaldesk.core import backup

    run("import", "--db", str(db), str(write(tmp_path / "x.csv", GOOD)))
    run("import", "--db", str(db), str(write(tmp_path / "y.csv", GOOD.replace("taro@", "taro2@"))))
    reasons = [b.reason for b in backup.list_backups(db)]
    assert "import" in reasons


def test_missing_file_is_one_line(db, tmp_path):
    line = one_line_error(run("import", "--db", str(db), str(tmp_path / "nope.csv"), check_ok=False))
    assert "nope.csv" in line


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".vcf", ".zip"])
def test_export_every_format(db, tmp_path, suffix):
    run("import", "--db", str(db), str(write(tmp_path / "x.csv", GOOD)))
    out = tmp_path / f"out{suffix}"
    proc = run("export", "--db", str(db), "--out", str(out))
    assert proc.stdout.strip() == str(out)
    data = out.read_bytes()
    if suffix == ".csv":
        assert data.startswith(b"\xef\xbb\xbf")
        rows = list(csv.reader(data.decode("utf-8-sig").splitlines()))
        assert "山田 太郎" in {r[rows[0].index("name")] for r in rows[1:]}
    elif suffix == ".vcf":
        text = data.decode("utf-8")
        assert text.count("BEGIN:VCARD") == 2 and "FN:山田 太郎" in text
    else:
        assert data[:2] == b"PK"


def test_export_unknown_suffix_is_one_line(db, tmp_path):
    line = one_line_error(run("export", "--db", str(db), "--out", str(tmp_path / "x.pdf"), check_ok=False))
    assert "x.pdf" in line


def test_backup_then_restore(db, tmp_path):
    run("import", "--db", str(db), str(write(tmp_path / "x.csv", GOOD)))
    saved = tmp_path / "saved.db"
    proc = run("backup", "--db", str(db), "--out", str(saved))
    assert str(saved) in proc.stdout
    query(db, "DELETE FROM clients")
    assert count(db) == 0
    proc = run("restore", "--db", str(db), str(saved))
    assert "Restored" in proc.stdout and "saved as" in proc.stdout
    assert count(db) == 2
    assert query(db, "PRAGMA integrity_check") == [("ok",)]


def test_backup_into_the_backups_folder(db, tmp_path):
    from loyaldesk.core import backup

    proc = run("backup", "--db", str(db))
    listed = backup.list_backups(db)
    assert [b.reason for b in listed] == ["manual"]
    assert str(listed[0].path) in proc.stdout


def test_restore_of_a_damaged_file_changes_nothing(db, tmp_path):
    run("import", "--db", str(db), str(write(tmp_path / "x.csv", GOOD)))
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database" * 100)
    line = one_line_error(run("restore", "--db", str(db), str(junk), check_ok=False))
    assert "junk.db" in line
    assert count(db) == 2


def test_restore_message_in_japanese(db, tmp_path):
    saved = tmp_path / "saved.db"
    run("backup", "--db", str(db), "--out", str(saved))
    proc = run("--lang", "ja", "restore", "--db", str(db), str(saved))
    assert "復元しました" in proc.stdout


def test_dry_run_prints_the_mapping_first_and_map_option(db, tmp_path):
    path = write(tmp_path / "crm.csv", "顧客コード,契約者,住所\nC001,山田 太郎,東京都渋谷区神宮前1-2-3\nC002,佐藤 花子,\n")
    proc = run("import", "--db", str(db), str(path), check_ok=False)
    assert proc.returncode == 1 and count(db) == 0
    assert "顧客コード" in proc.stderr and "契約者" in proc.stderr and "--map" in proc.stderr
    assert proc.stderr.count("\n") == 1  # one error, not one per row
    proc = run("import", "--db", str(db), str(path), "--map", "契約者=name", "--dry-run")
    lines = proc.stdout.splitlines()
    assert lines[:5] == ["header row: 1", "  A 顧客コード -> (not imported)", "  B 契約者 -> name",
                         "  C 住所 -> address1", "added 2, merged 0, skipped 0, errors 0 (dry run: nothing written)"]
    proc = run("import", "--db", str(db), str(path), "--map", "契約者=name")
    assert proc.stderr.splitlines() == ["columns not imported (map them with --map): 顧客コード"]
    assert query(db, "SELECT name, address1 FROM clients ORDER BY id") == [("山田 太郎", "東京都渋谷区神宮前1-2-3"),
                                                                           ("佐藤 花子", "")]


def test_sheet_and_header_row_options(db, tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.title = "表紙"
    wb.active["A1"] = "顧客一覧"
    ws = wb.create_sheet("2024")
    ws.append(["氏名", "メール"])
    ws.append(["山田 太郎", "taro@example.jp"])
    ws = wb.create_sheet("2025")
    ws.append(["作成: 2025/01/05", None])
    ws.append(["氏名", "メール"])
    ws.append(["佐藤 花子", "hanako@example.jp"])
    path = tmp_path / "顧客.xlsx"
    wb.save(path)
    proc = run("import", "--db", str(db), str(path), "--sheet", "2025", "--header-row", "2", "--dry-run")
    assert proc.stdout.splitlines()[0].startswith("sheet “2025” (other sheets: 表紙 (0), 2024 (1)")
    proc = run("import", "--db", str(db), str(path))
    assert "2025" in proc.stderr  # says which sheet was read and that others exist
    run("import", "--db", str(db), str(path), "--sheet", "3")
    assert sorted(r[0] for r in query(db, "SELECT name FROM clients")) == ["佐藤 花子", "山田 太郎"]
    proc = run("import", "--db", str(db), str(path), "--sheet", "2030", check_ok=False)
    assert proc.returncode == 1 and "2030" in proc.stderr and "2024" in proc.stderr
