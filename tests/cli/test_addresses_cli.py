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


def test_postcards_both_sides_two_pages_per_client_address_first(practice_db, tmp_path):
    out = tmp_path / "both.pdf"
    proc = run("postcards", "--db", str(practice_db), "--clients", "1,6", "--out", str(out), "--side", "both",
               "--as-of", "2026-12-01")
    assert "Wrote 2 postcards (address and message sides)" in proc.stdout and "(4 pages)" in proc.stdout
    pages = PdfReader(str(out)).pages
    assert [(round(float(p.mediabox.width) * 25.4 / 72, 1), round(float(p.mediabox.height) * 25.4 / 72, 1))
            for p in pages] == [(100.0, 148.0)] * 4
    texts = [p.extract_text() for p in pages]
    # 山田: the address side, then the New Year message; Emily Carter: the same in English
    assert "山" in texts[0] and "謹賀新年" not in texts[0]
    assert "謹賀新年" in texts[1] and "2027年　元旦" in texts[1]
    assert "Emily Carter" in texts[2] and "Happy New Year" not in texts[2]
    assert "Happy New Year 2027" in texts[3] and "Dear Ms. Emily Carter," in texts[3]


def test_postcards_message_side_with_a_template_and_vertical_writing(practice_db, tmp_path):
    out = tmp_path / "summer.pdf"
    proc = run("postcards", "--db", str(practice_db), "--clients", "1", "--out", str(out), "--side", "message",
               "--template", "postcard.summer", "--orientation", "vertical", "--as-of", "2026-07-10")
    assert "Wrote 1 postcards (message side)" in proc.stdout
    found = []
    PdfReader(str(out)).pages[0].extract_text(
        visitor_text=lambda text, cm, tm, font, size: text.strip() and found.append((text.strip(), tm[4])))
    chars = "".join(t for t, _x in found)
    assert "暑中お見舞い申し上げます" in chars and "二〇二六年" in chars  # one cell per character, kanji numerals
    x_of = {t: x for t, x in reversed(found)}
    assert x_of["暑"] > x_of["厳"] > x_of["盛"]  # heading, text, date line: right to left
    # the season chooses the template when none is given: the winter list gets the 寒中見舞い
    proc = run("postcards", "--db", str(practice_db), "--season", "winter", "--year", "2027", "--out", str(out),
               "--side", "message", "--as-of", "2027-01-15")
    assert "寒中お見舞い申し上げます" in PdfReader(str(out)).pages[0].extract_text()


def test_postcards_message_side_errors(practice_db, tmp_path):
    out = str(tmp_path / "x.pdf")
    proc = run("postcards", "--db", str(practice_db), "--clients", "1", "--out", out, "--side", "message",
               "--template", "no_such", check_ok=False)
    assert proc.returncode == 1 and "Unknown letter template: no_such" in one_line_error(proc)
    proc = run("postcards", "--db", str(practice_db), "--clients", "1", "--out", out, "--side", "sideways",
               check_ok=False)
    assert proc.returncode == 2  # argparse: not a choice
