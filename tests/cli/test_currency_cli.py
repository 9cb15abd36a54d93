"""The practice currency on the command line: `init --currency` and the JSON outputs' currency code."""

from __future__ import annotations

import json
import sqlite3

from tests.cli.test_cli import one_line_error, run


def _currency(path) -> str | None:
    row = sqlite3.connect(path).execute("SELECT value FROM settings WHERE key = 'currency'").fetchone()
    return json.loads(row[0]) if row else None


def test_init_sets_the_currency_of_a_new_file(tmp_path):
    db = tmp_path / "usd.db"
    out = run("init", "--db", str(db), "--currency", "usd").stdout
    assert "USD" in out
    assert _currency(db) == "USD"
    run("init", "--db", str(db))  # init without --currency leaves it alone
    assert _currency(db) == "USD"


def test_init_without_currency_keeps_yen(tmp_path):
    db = tmp_path / "jpy.db"
    run("init", "--db", str(db))
    assert _currency(db) in (None, "JPY")


def test_an_unknown_code_is_refused_and_creates_no_file(tmp_path):
    db = tmp_path / "bad.db"
    line = one_line_error(run("init", "--db", str(db), "--currency", "XYZ", check_ok=False))
    assert "XYZ" in line and "ISO 4217" in line
    assert not db.exists()


def test_init_on_a_file_with_sessions_refuses_another_currency(tmp_path):
    db = tmp_path / "demo.db"
    run("demo", "--db", str(db), "--clients", "5", "--seed", "3")
    sessions = sqlite3.connect(db).execute("SELECT COUNT(*), SUM(fee) FROM sessions").fetchone()
    proc = run("init", "--db", str(db), "--currency", "EUR", check_ok=False)
    line = one_line_error(proc)
    assert proc.returncode == 1
    assert "JPY" in line and "EUR" in line and "not converted" in line
    assert _currency(db) in (None, "JPY")
    assert sqlite3.connect(db).execute("SELECT COUNT(*), SUM(fee) FROM sessions").fetchone() == sessions
    run("init", "--db", str(db), "--currency", "JPY")  # the same currency is fine
    ja = run("init", "--db", str(db), "--currency", "USD", check_ok=False, env_extra={"LOYALDESK_LANG": "ja"})
    assert "換算されません" in one_line_error(ja)


def test_init_sets_the_currency_of_an_existing_file_without_sessions(tmp_path):
    db = tmp_path / "empty.db"
    run("init", "--db", str(db))
    run("init", "--db", str(db), "--currency", "GBP")
    assert _currency(db) == "GBP"


def test_demo_in_dollars(tmp_path):
    db = tmp_path / "usd-demo.db"
    run("demo", "--db", str(db), "--clients", "8", "--seed", "5", "--currency", "USD")
    assert _currency(db) == "USD"
    fees = [f for (f,) in sqlite3.connect(db).execute("SELECT fee FROM sessions WHERE fee > 0")]
    assert fees and all(f % 500 == 0 for f in fees)  # round dollar amounts, in cents
    assert 2_000 <= sorted(fees)[len(fees) // 2] <= 100_000  # a typical session costs $20 to $1,000


def test_json_outputs_name_the_currency_and_keep_minor_units(tmp_path):
    db = tmp_path / "usd.db"
    run("demo", "--db", str(db), "--clients", "6", "--seed", "7", "--currency", "USD")
    revenue = dict(sqlite3.connect(db).execute("SELECT client_id, SUM(fee) FROM sessions GROUP BY client_id"))
    rows = json.loads(run("clients", "--db", str(db), "--json").stdout)
    assert rows and all(r["currency"] == "USD" for r in rows)
    assert all(r["revenue"] == revenue.get(r["id"], 0) for r in rows)  # cents, as stored
    tiers = json.loads(run("tiers", "--db", str(db), "--json").stdout)
    assert tiers["summary"]["currency"] == "USD" and isinstance(tiers["summary"]["revenue_total"], int)
    report = json.loads(run("report", "--db", str(db), "--year", "2025", "--json").stdout)
    assert report["summary"]["currency"] == "USD" and report["summary"]["not_included"] == {}
    table = run("clients", "--db", str(db)).stdout
    assert "Revenue ($)" in table.splitlines()[0]
