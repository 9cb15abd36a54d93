"""`loyaldesk tiers` and the tier fields of `loyaldesk clients`, as scripts use them."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import subprocess
import sys

import pytest

from tests.cli.test_cli import one_line_error, run

AS_OF = "2026-11-23"
CLIENT_KEYS = {"id", "name", "tier", "status", "score", "recency_days", "frequency_12m", "sessions_total",
               "revenue_12m", "revenue_total", "tenure_days"}


def ago(days: int) -> str:
    return (dt.date.fromisoformat(AS_OF) - dt.timedelta(days=days)).isoformat()


@pytest.fixture
def small(tmp_path):
    """Ten ranked clients of decreasing strength, a new one, a prospect and an archived one."""
    db = tmp_path / "small.db"
    run("init", "--db", str(db))
    conn = sqlite3.connect(db)
    for k in range(1, 11):
        conn.execute("INSERT INTO clients (id, name, created_at) VALUES (?, ?, '2015-01-01')", (k, f"c{k}"))
        days = [400] + [10 * j for j in range(1, 11 - k)]  # c1: 10 sessions ... c10: 1
        conn.executemany("INSERT INTO sessions (client_id, date, fee) VALUES (?, ?, 10000)", [(k, ago(d)) for d in days])
    conn.execute("INSERT INTO clients (id, name, created_at) VALUES (11, 'newcomer', '2026-08-01')")
    conn.execute("INSERT INTO sessions (client_id, date, fee) VALUES (11, ?, 50000)", (ago(20),))
    conn.execute("INSERT INTO clients (id, name, created_at) VALUES (12, 'prospect', '2026-11-01')")
    conn.execute("INSERT INTO clients (id, name, created_at, archived) VALUES (13, 'archived', '2015-01-01', 1)")
    conn.execute("INSERT INTO sessions (client_id, date, fee) VALUES (13, ?, 9000000)", (ago(30),))
    conn.commit()
    conn.close()
    return db


def test_tiers_json_contract(small):
    out = json.loads(run("tiers", "--db", str(small), "--as-of", AS_OF, "--json").stdout)
    assert set(out) == {"summary", "clients"}
    clients = {c["name"]: c for c in out["clients"]}
    assert set(clients) == {f"c{k}" for k in range(1, 11)} | {"newcomer", "prospect"}  # not the archived one
    for c in out["clients"]:
        assert CLIENT_KEYS <= set(c)
        assert isinstance(c["id"], int) and isinstance(c["revenue_total"], int)
    assert [clients[f"c{k}"]["tier"] for k in range(1, 11)] == ["vip"] * 2 + ["candidate"] * 2 + ["regular"] * 6
    assert clients["c1"]["score"] > clients["c2"]["score"] > clients["c10"]["score"] >= 0
    assert clients["c1"]["score"] <= 1
    assert clients["c1"]["sessions_total"] == 10 and clients["c1"]["revenue_total"] == 100000
    assert clients["c1"]["frequency_12m"] == 9 and clients["c1"]["revenue_12m"] == 90000
    assert clients["c1"]["recency_days"] == 10 and clients["c1"]["tenure_days"] == 400
    assert clients["newcomer"]["tier"] == "new" and clients["newcomer"]["score"] is None
    assert clients["newcomer"]["status"] == "overdue"  # 20 days since, interval 14 for new clients
    assert clients["prospect"]["tier"] == "prospect" and clients["prospect"]["sessions_total"] == 0
    s = out["summary"]
    assert s["tiers"] == {"vip": 2, "candidate": 2, "regular": 6, "new": 1, "prospect": 1}
    assert (s["vip"], s["candidate"], s["regular"], s["new"], s["prospect"]) == (2, 2, 6, 1, 1)
    # c1 and c2 brought 100,000 + 90,000 of the 550,000 the ten ranked clients brought
    assert s["vip_revenue_share"] == pytest.approx(190000 / 550000)
    assert 0 <= s["vip_revenue_share_12m"] <= 1
    assert s["pareto"][0] == [0, 0] and s["pareto"][-1] == [1, 1]


def test_tiers_table_and_summary_line(small):
    text = run("tiers", "--db", str(small), "--as-of", AS_OF).stdout
    lines = text.strip().splitlines()
    assert lines[0].split()[:4] == ["ID", "Name", "Tier", "Status"]
    assert lines[1].split()[:3] == ["1", "c1", "VIP"]
    assert lines[-1].startswith(f"As of {AS_OF}: VIP 2 · Candidate 2 · Regular 6 · New 1 · Prospect 1.")
    assert "34.5 % lifetime" in lines[-1]
    ja = run("--lang", "ja", "tiers", "--db", str(small), "--as-of", AS_OF).stdout.strip().splitlines()
    assert "ランク" in ja[0] and "ロイヤル" in ja[1]
    assert "ロイヤル 2・ロイヤル候補 2・一般 6・新規 1・見込み客 1" in ja[-1] and "累計 34.5 %" in ja[-1]


def test_clients_json_has_tier_status_and_the_tier_interval(small):
    rows = {r["name"]: r for r in json.loads(run("clients", "--db", str(small), "--as-of", AS_OF, "--json").stdout)}
    assert (rows["c1"]["tier"], rows["c1"]["status"], rows["c1"]["cadence_days"]) == ("vip", "active", 30)
    assert (rows["c3"]["tier"], rows["c3"]["cadence_days"]) == ("candidate", 45)
    assert (rows["c10"]["tier"], rows["c10"]["cadence_days"]) == ("regular", 90)
    # c10's only session was 400 days ago: dormant (more than 365 days) and overdue by 310
    assert (rows["c10"]["status"], rows["c10"]["overdue_days"]) == ("dormant", 310)
    assert (rows["newcomer"]["tier"], rows["newcomer"]["cadence_days"], rows["newcomer"]["overdue_days"]) == ("new", 14, 6)
    assert (rows["prospect"]["tier"], rows["prospect"]["cadence_days"]) == ("prospect", 90)
    overdue = json.loads(run("clients", "--db", str(small), "--as-of", AS_OF, "--json", "--overdue").stdout)
    assert {r["name"] for r in overdue} == {"newcomer", "c10"}


def test_clients_refreshes_tiers_as_of_its_date(small):
    run("clients", "--db", str(small), "--as-of", AS_OF, "--json")
    conn = sqlite3.connect(small)
    assert conn.execute("SELECT DISTINCT computed_on FROM client_tiers").fetchall() == [(AS_OF,)]
    assert conn.execute("SELECT COUNT(*) FROM tier_history").fetchone()[0] == 12
    conn.close()
    run("tiers", "--db", str(small), "--as-of", AS_OF)  # nothing changed: nothing recorded
    conn = sqlite3.connect(small)
    assert conn.execute("SELECT COUNT(*) FROM tier_history").fetchone()[0] == 12
    conn.close()


@pytest.mark.parametrize("args, expected", [
    (("tiers", "--db", "{tmp}/missing.db"), "not found"),
    (("tiers", "--db", "{tmp}/small.db", "--as-of", "2026-02-30"), "Not a valid date"),
    (("tiers", "--db", "{tmp}/small.db", "--as-of", "tomorrow"), "Not a valid date"),
])
def test_tiers_user_errors_are_one_line(small, tmp_path, args, expected):
    proc = run(*[a.format(tmp=tmp_path) for a in args], check_ok=False)
    assert proc.returncode == 1
    assert expected in one_line_error(proc)
    assert not (tmp_path / "missing.db").exists()


def test_tiers_on_an_empty_database(tmp_path):
    db = tmp_path / "empty.db"
    run("init", "--db", str(db))
    out = json.loads(run("tiers", "--db", str(db), "--json").stdout)
    assert out["clients"] == [] and out["summary"]["vip_revenue_share"] == 0
    assert "VIP 0" in run("tiers", "--db", str(db)).stdout


def test_tiers_does_not_import_qt_or_pandas(tmp_path):
    db = tmp_path / "q.db"
    code = (
        "import sys; from loyaldesk.cli import main; "
        f"assert main(['init', '--db', {str(db)!r}]) == 0; "
        f"assert main(['tiers', '--db', {str(db)!r}, '--json']) == 0; "
        "heavy = [m for m in ('PySide6', 'pandas', 'reportlab', 'sqlite_utils') if m in sys.modules]; "
        "assert not heavy, heavy"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
