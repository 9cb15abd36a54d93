"""`loyaldesk templates` and `loyaldesk letters` as people and scripts use them."""

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
        "INSERT INTO clients (id, name, honorific, address1, do_not_contact, archived, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, '2020-01-01')",
        [(1, "山田 太郎", "様", "東京都渋谷区1-1", 0, 0), (2, "Emily Carter", "Ms", "12 High Street", 0, 0),
         (3, "連絡 不要", "", "東京都", 1, 0), (4, "古い 顧客", "", "東京都", 0, 1), (5, "住所 なし", "", "", 0, 0)])
    conn.execute("INSERT INTO tags (name) VALUES ('seminar')")
    conn.executemany("INSERT INTO client_tags (client_id, tag_id) SELECT ?, id FROM tags WHERE name = 'seminar'",
                     [(1,), (2,), (3,)])
    conn.executemany("INSERT INTO sessions (client_id, date, fee, topic) VALUES (?, ?, 30000, ?)",
                     [(1, "2026-03-01", "資金計画"), (2, "2026-04-08", "pricing")])
    conn.commit()
    conn.close()
    return db


def test_templates_lists_keys_with_languages(practice_db):
    out = run("templates", "--db", str(practice_db)).stdout
    assert "thank_you" in out and "season_greeting.winter_mourning" in out
    lines = [line.split() for line in out.splitlines()[1:]]
    assert ["thank_you", "ja"] == lines[0][:2] and ["thank_you", "en"] == lines[1][:2]


def test_letters_writes_and_reports_skipped(practice_db, tmp_path):
    out = tmp_path / "out.pdf"
    proc = run("letters", "--db", str(practice_db), "--template", "thank_you", "--clients", "1,2,3,4,5",
               "--out", str(out), "--as-of", "2026-04-10")
    assert "Wrote 2 letters" in proc.stdout
    assert "連絡 不要 (id 3): do not contact" in proc.stdout
    assert "古い 顧客 (id 4): archived" in proc.stdout
    assert "住所 なし (id 5): no postal address" in proc.stdout
    pages = [p.extract_text() for p in PdfReader(str(out)).pages]
    assert len(pages) == 2
    assert "山田 太郎 様" in pages[0] and "陽春の候" in pages[0]
    assert "Dear Ms. Emily Carter," in pages[1]
    assert "{{" not in "".join(pages)


def test_letters_by_tag_forced_language_and_touchpoints(practice_db, tmp_path):
    out = tmp_path / "tag.pdf"
    proc = run("letters", "--db", str(practice_db), "--template", "follow_up", "--tag", "seminar", "--lang", "en",
               "--out", str(out), "--as-of", "2026-04-10", "--log-touchpoints")
    assert "Wrote 2 letters" in proc.stdout and "Logged 2" in proc.stdout
    text = "".join(p.extract_text() for p in PdfReader(str(out)).pages)
    assert "Dear 山田 太郎," in text  # English letter for a Japanese client, as asked
    conn = sqlite3.connect(practice_db)
    rows = conn.execute("SELECT client_id, channel, date FROM touchpoints ORDER BY client_id").fetchall()
    assert rows == [(1, "letter", "2026-04-10"), (2, "letter", "2026-04-10")]


def test_letters_user_errors(practice_db, tmp_path):
    out = str(tmp_path / "x.pdf")
    line = one_line_error(run("letters", "--db", str(practice_db), "--template", "nope", "--clients", "1",
                              "--out", out, check_ok=False))
    assert "Unknown letter template: nope" in line
    proc = run("letters", "--db", str(practice_db), "--template", "thank_you", "--clients", "1,x", "--out", out,
               check_ok=False)
    assert proc.returncode == 1 and "--clients" in one_line_error(proc)
    proc = run("letters", "--db", str(practice_db), "--template", "thank_you", "--tag", "nobody", "--out", out,
               check_ok=False)
    assert proc.returncode == 1 and "nobody" in one_line_error(proc)
    proc = run("letters", "--db", str(practice_db), "--template", "thank_you", "--clients", "3,4", "--out", out,
               check_ok=False)
    assert proc.returncode == 1 and "No letter was written" in proc.stdout
    assert not (tmp_path / "x.pdf").exists()


def test_letters_eml_dir_writes_one_draft_per_e_mail_address_and_names_who_has_none(practice_db, tmp_path):
    import email
    import email.policy

    conn = sqlite3.connect(practice_db)
    conn.execute("UPDATE clients SET email = 'taro@example.jp' WHERE id = 1")
    conn.execute("UPDATE clients SET email = 'no-address@example.com' WHERE id = 5")
    conn.commit()
    conn.close()
    drafts = tmp_path / "drafts"
    proc = run("letters", "--db", str(practice_db), "--template", "thank_you", "--clients", "1,2,3,5",
               "--eml-dir", str(drafts), "--as-of", "2026-04-10")
    assert "Wrote 2 e-mail drafts" in proc.stdout
    assert "no e-mail address: Emily Carter (id 2)" in proc.stdout
    assert "連絡 不要 (id 3): do not contact" in proc.stdout
    files = sorted(drafts.glob("*.eml"))
    messages = {str(m["To"]): m for m in (email.message_from_bytes(f.read_bytes(), policy=email.policy.default)
                                          for f in files)}
    assert set(messages) == {"山田 太郎 <taro@example.jp>", "住所 なし <no-address@example.com>"}
    body = messages["山田 太郎 <taro@example.jp>"].get_body(("plain",)).get_content()
    assert "山田 太郎" in body and "{{" not in body and messages["山田 太郎 <taro@example.jp>"]["Subject"]
    conn = sqlite3.connect(practice_db)
    assert conn.execute("SELECT COUNT(*) FROM touchpoints").fetchone()[0] == 0  # drafts are not sent
    conn.close()
    proc = run("letters", "--db", str(practice_db), "--template", "thank_you", "--clients", "1",
               check_ok=False)
    assert proc.returncode == 1 and "--eml-dir" in one_line_error(proc)
    (tmp_path / "a-file").write_text("x")
    proc = run("letters", "--db", str(practice_db), "--template", "thank_you", "--clients", "1",
               "--eml-dir", str(tmp_path / "a-file"), check_ok=False)
    assert proc.returncode == 1 and "go into a folder" in one_line_error(proc)


def test_letters_on_paper_and_as_drafts_log_a_letter_or_an_e_mail_contact_each(practice_db, tmp_path):
    conn = sqlite3.connect(practice_db)
    conn.execute("UPDATE clients SET email = 'taro@example.jp' WHERE id = 1")  # on paper and by e-mail
    conn.execute("UPDATE clients SET email = 'nowhere@example.com' WHERE id = 5")  # no postal address
    conn.commit()
    conn.close()
    proc = run("letters", "--db", str(practice_db), "--template", "thank_you", "--clients", "1,2,5",
               "--out", str(tmp_path / "l.pdf"), "--eml-dir", str(tmp_path / "drafts"), "--as-of", "2026-04-10",
               "--log-touchpoints")
    assert "Wrote 2 letters" in proc.stdout and "Wrote 2 e-mail drafts" in proc.stdout
    assert "Logged 2 letter contacts." in proc.stdout and "Logged 1 e-mail contacts." in proc.stdout
    conn = sqlite3.connect(practice_db)
    rows = conn.execute("SELECT client_id, channel FROM touchpoints ORDER BY client_id").fetchall()
    conn.close()
    assert rows == [(1, "letter"), (2, "letter"), (5, "email")]  # one contact each
