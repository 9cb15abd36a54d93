"""`loyaldesk report`: the JSON contract, the files, and one-line errors."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

import pytest

from tests.cli.test_cli import one_line_error, run

SUMMARY_KEYS = ["year", "currency", "revenue", "revenue_prev", "sessions", "active_clients", "new_clients", "retained_clients",
                "lost_clients", "retention_rate", "avg_revenue_per_client", "top20_revenue_share", "referrals",
                "touchpoints_by_channel", "not_included"]
CLIENT_KEYS = {"id", "name", "tier", "sessions", "revenue", "revenue_prev", "revenue_total", "first_session",
               "last_contact", "touchpoints", "referred_count"}


@pytest.fixture
def practice_db(tmp_path):
    db = tmp_path / "p.db"
    run("init", "--db", str(db))
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO clients (id, name, created_at) VALUES (1, '山田 太郎', '2023-01-01')")
    conn.execute("INSERT INTO clients (id, name, created_at, referred_by) VALUES (2, 'Sato', '2024-01-01', 1)")
    conn.execute("INSERT INTO clients (id, name, created_at) VALUES (3, 'Lost', '2023-01-01')")
    rows = [(1, "2023-06-01", 20000), (1, "2024-01-01", 10000), (1, "2024-12-31", 5000), (1, "2025-01-01", 7000),
            (2, "2024-05-05", 0), (3, "2023-02-02", 3000)]
    conn.executemany("INSERT INTO sessions (client_id, date, fee) VALUES (?, ?, ?)", rows)
    conn.execute("INSERT INTO touchpoints (client_id, date, channel) VALUES (1, '2024-03-03', 'card')")
    conn.commit()
    conn.close()
    return db


def test_json(practice_db):
    proc = run("report", "--db", str(practice_db), "--year", "2024", "--json")
    data = json.loads(proc.stdout)
    assert list(data["summary"]) == SUMMARY_KEYS
    s = data["summary"]
    assert (s["year"], s["revenue"], s["revenue_prev"], s["sessions"]) == (2024, 15000, 23000, 3)
    assert (s["active_clients"], s["new_clients"], s["retained_clients"], s["lost_clients"]) == (2, 1, 1, 1)
    assert s["retention_rate"] == 0.5 and s["referrals"] == 1
    assert s["avg_revenue_per_client"] == 7500
    assert s["top20_revenue_share"] == 1.0  # one client of two: 山田, all the revenue
    assert s["touchpoints_by_channel"]["card"] == 1
    clients = {c["name"]: c for c in data["clients"]}
    assert set(clients) == {"山田 太郎", "Sato", "Lost"}
    assert set(clients["山田 太郎"]) == CLIENT_KEYS
    assert clients["山田 太郎"]["revenue_total"] == 35000 and clients["山田 太郎"]["first_session"] == "2023-06-01"
    assert clients["山田 太郎"]["referred_count"] == 1 and clients["山田 太郎"]["last_contact"] == "2024-12-31"
    assert data["revenue_by_month"]["2024-01"] == 10000 and data["revenue_by_month"]["2024-02"] == 0


@pytest.mark.parametrize("suffix", [".xlsx", ".pdf", ".csv"])
def test_out_writes_the_file(practice_db, tmp_path, suffix):
    out = tmp_path / f"report{suffix}"
    proc = run("report", "--db", str(practice_db), "--year", "2024", "--out", str(out))
    assert proc.stdout.strip() == str(out)
    assert out.stat().st_size > 0
    if suffix == ".csv":
        assert out.read_bytes().startswith(b"\xef\xbb\xbf")


@pytest.mark.parametrize("args, fragment", [
    (["--year", "3000", "--json"], "3000"),
    (["--year", "1500", "--json"], "1500"),
    (["--year", "2024", "--out", "/nonexistent-folder/x.xlsx"], "nonexistent-folder"),
    (["--year", "2024", "--out", "report.docx"], "report.docx"),
    (["--year", "2024"], "--json"),
])
def test_user_errors_are_one_line(practice_db, args, fragment):
    proc = run("report", "--db", str(practice_db), *args, check_ok=False)
    assert proc.returncode == 1
    assert fragment in one_line_error(proc)


def test_missing_database(tmp_path):
    proc = run("report", "--db", str(tmp_path / "nope.db"), "--year", "2024", "--json", check_ok=False)
    assert proc.returncode == 1
    assert "nope.db" in one_line_error(proc)
    assert not (tmp_path / "nope.db").exists()


def test_unwritable_output(practice_db, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    proc = run("report", "--db", str(practice_db), "--year", "2024", "--out", str(blocker / "r.xlsx"), check_ok=False)
    assert proc.returncode == 1
    one_line_error(proc)


def test_japanese_error(practice_db):
    proc = run("--lang", "ja", "report", "--db", str(practice_db), "--year", "3000", "--json", check_ok=False)
    assert "レポート" in one_line_error(proc)


def test_report_does_not_import_qt(practice_db, tmp_path):
    code = ("import sys; from loyaldesk.cli import main; "
            f"rc = main(['report', '--db', {str(practice_db)!r}, '--year', '2024', '--out', {str(tmp_path / 'r.pdf')!r}]); "
            "assert rc == 0, rc; assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt imported'")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
