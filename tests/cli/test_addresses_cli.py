"""`loyaldesk postcards`, `envelopes` and `labels` as people and scripts use them."""

from __future__ import annotations

import sqlite3

import pytest
from pypdf import PdfReader

from tests.cli.test_cli import one_line_error, run


@pytest.fixture
def practice_db(tmp_path):
    db = tmp_path / "p.db"
    run("init", "--db", str(db))
    conn = sqlite3.connect(db)
    conn.executemany(
        "INSERT INTO clients (id, name, name_kana, honorific, postal_code, address1, do_not_contact, archived, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '2020-01-01')",
        [(1, "山田 太郎", "やまだ", "様", "1500001", "東京都渋谷区神宮前1-1-1", 0, 0),
         (2, "伊藤 蓮", "いとう", "様", "2110004", "神奈川県川崎市中原区2-3", 0, 0),
         (3, "連絡 不要", "れんらく", "", "", "東京都", 1, 0), (4, "古い 顧客", "ふるい", "", "", "東京都", 0, 1),
         (5, "住所 なし", "じゅうしょ", "", "", "", 0, 0), (6, "Emily Carter", "carter", "Ms", "", "12 High Street", 0, 0)])
    conn.execute("INSERT INTO greetings (client_id, year, season, kind) VALUES (2, 2027, 'new_year', 'mourning')")
    conn.commit()
    conn.close()
    return db


def test_postcards_for_clients_one_page_each_with_skipped(practice_db, tmp_path):
    out = tmp_path / "cards.pdf"
    proc = run("postcards", "--db", str(practice_db), "--clients", "1,3,4,5,6", "--out", str(out))
    assert "Wrote 2 addresses" in proc.stdout
    assert "連絡 不要 (id 3): do not contact" in proc.stdout and "古い 顧客 (id 4): archived" in proc.stdout
    assert "住所 なし (id 5): no postal address" in proc.stdout
    reader = PdfReader(str(out))
    assert [(round(float(p.mediabox.width) * 25.4 / 72, 1), round(float(p.mediabox.height) * 25.4 / 72, 1))
            for p in reader.pages] == [(100.0, 148.0)] * 2
    assert "山" in reader.pages[0].extract_text() and "Emily Carter" in reader.pages[1].extract_text()


def test_postcards_for_the_new_year_leave_out_mourning_and_record_sent(practice_db, tmp_path):
    out = tmp_path / "ny.pdf"
    proc = run("postcards", "--db", str(practice_db), "--season", "new_year", "--year", "2027", "--out", str(out),
               "--numerals", "fullwidth", "--as-of", "2026-12-20", "--record-sent")
    assert "Wrote 2 addresses" in proc.stdout and "Recorded 2 cards as sent" in proc.stdout
    assert "伊藤 蓮 (id 2): in mourning (no New Year card)" in proc.stdout
    assert len(PdfReader(str(out)).pages) == 2
    conn = sqlite3.connect(practice_db)
    assert conn.execute("SELECT client_id, kind, date FROM greetings WHERE season = 'new_year' AND year = 2027 "
                        "ORDER BY client_id").fetchall() == [(1, "sent", "2026-12-20"), (2, "mourning", None),
                                                             (6, "sent", "2026-12-20")]
    assert conn.execute("SELECT COUNT(*) FROM touchpoints WHERE channel = 'card'").fetchone()[0] == 2
    # the winter list: the client in mourning
    proc = run("postcards", "--db", str(practice_db), "--season", "winter", "--year", "2027", "--out", str(out))
    assert "Wrote 1 addresses" in proc.stdout


def test_envelopes_and_labels(practice_db, tmp_path):
    out = tmp_path / "env.pdf"
    run("envelopes", "--db", str(practice_db), "--clients", "1,2", "--out", str(out))
    assert len(PdfReader(str(out)).pages) == 4  # front and back each
    run("envelopes", "--db", str(practice_db), "--clients", "6", "--out", str(out), "--layout", "dl")
    page = PdfReader(str(out)).pages[0]
    assert round(float(page.mediabox.width) * 25.4 / 72) == 220
    out = tmp_path / "labels.pdf"
    proc = run("labels", "--db", str(practice_db), "--clients", "1,2,6", "--out", str(out), "--layout", "l7160",
               "--start", "20")
    assert "Wrote 3 addresses" in proc.stdout and "(2 pages)" in proc.stdout


def test_user_errors_are_one_line_with_exit_1(practice_db, tmp_path):
    out = str(tmp_path / "x.pdf")
    for args, words in (
        (("postcards", "--clients", "1", "--out", str(tmp_path / "x.txt")), "must be a .pdf"),
        (("postcards", "--season", "new_year", "--out", out), "--year"),
        (("labels", "--clients", "1", "--start", "13", "--out", out), "between 1 and 12"),
        (("postcards", "--clients", "a,b", "--out", out), "client ids"),
    ):
        proc = run(*args[:1], "--db", str(practice_db), *args[1:], check_ok=False)
        line = one_line_error(proc)
        assert proc.returncode == 1 and words in line, line
    proc = run("postcards", "--db", str(practice_db), "--clients", "3,4", "--out", out, check_ok=False)
    assert proc.returncode == 1 and "Nothing was written" in proc.stdout


def test_address_commands_do_not_import_qt(practice_db, tmp_path):
    import subprocess
    import sys

    code = ("import sys; from loyaldesk.cli import main; "
            f"rc = main(['postcards', '--db', {str(practice_db)!r}, '--clients', '1', '--out', "
            f"{str(tmp_path / 'q.pdf')!r}]); "
            "assert rc == 0; assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt imported'")
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, timeout=120)
