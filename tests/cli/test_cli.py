"""The command line as scripts use it: real processes, exit codes, one-line errors."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys

import pytest

from loyaldesk.core.migrations import LATEST_VERSION


def run(*args, env_extra=None, check_ok=True):
    env = dict(os.environ)
    env.update(env_extra or {})
    proc = subprocess.run([sys.executable, "-m", "loyaldesk", *args], capture_output=True, text=True,
                          env=env, timeout=120)
    if check_ok:
        assert proc.returncode == 0, proc.stderr
    return proc


def one_line_error(proc):
    assert proc.returncode != 0
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    return lines[0]


def test_init_is_idempotent(tmp_path):
    db = tmp_path / "practice.db"
    first = run("init", "--db", str(db))
    assert "schema" in first.stdout
    run("init", "--db", str(db))
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    assert conn.execute("SELECT COUNT(*) FROM tags WHERE category='role'").fetchone()[0] == 5


def test_demo_then_clients_json(tmp_path):
    db = tmp_path / "demo.db"
    out = run("demo", "--db", str(db), "--clients", "40", "--seed", "5").stdout
    assert "40 clients" in out
    rows = json.loads(run("clients", "--db", str(db), "--json", "--as-of", "2026-11-23").stdout)
    assert 30 <= len(rows) <= 40  # archived clients are excluded
    keys = {"id", "name", "last_contact", "days_since_contact", "cadence_days", "overdue_days", "overdue",
            "sessions", "revenue"}
    for r in rows:
        assert keys <= set(r)
        assert r["overdue"] == (r["overdue_days"] > 0)
        assert isinstance(r["sessions"], int) and isinstance(r["revenue"], int)
        if r["overdue"]:
            assert r["days_since_contact"] - r["cadence_days"] == r["overdue_days"]
    overdue = json.loads(run("clients", "--db", str(db), "--json", "--overdue", "--as-of", "2026-11-23").stdout)
    assert overdue and all(r["overdue"] for r in overdue)
    assert {r["id"] for r in overdue} == {r["id"] for r in rows if r["overdue"]}


def test_demo_refuses_non_empty_database_without_force(tmp_path):
    db = tmp_path / "d.db"
    run("demo", "--db", str(db), "--clients", "10", "--seed", "1")
    line = one_line_error(run("demo", "--db", str(db), "--clients", "10", check_ok=False))
    assert "--force" in line
    run("demo", "--db", str(db), "--clients", "12", "--seed", "2", "--force")
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT COUNT(*) FROM clients").fetchone()[0] == 12


def test_clients_overdue_exact_boundary(tmp_path):
    db = tmp_path / "b.db"
    run("init", "--db", str(db))
    conn = sqlite3.connect(db)
    conn.executemany("INSERT INTO clients (id, name, created_at, cadence_days, do_not_contact) VALUES (?, ?, ?, ?, ?)",
                     [(1, "at", "2020-01-01", None, 0), (2, "past", "2020-01-01", None, 0),
                      (3, "never", "2026-08-24", None, 0), (4, "dnc", "2020-01-01", None, 1),
                      (5, "own", "2020-01-01", 10, 0)])
    conn.executemany("INSERT INTO touchpoints (client_id, date, channel) VALUES (?, ?, 'call')",
                     [(1, "2026-08-25"), (2, "2026-08-24"), (5, "2026-11-12")])
    conn.commit()
    conn.close()
    rows = {r["name"]: r for r in json.loads(run("clients", "--db", str(db), "--json", "--as-of", "2026-11-23").stdout)}
    assert (rows["at"]["days_since_contact"], rows["at"]["overdue"], rows["at"]["overdue_days"]) == (90, False, 0)
    assert (rows["past"]["days_since_contact"], rows["past"]["overdue_days"]) == (91, 1)
    assert rows["never"]["last_contact"] is None and rows["never"]["days_since_contact"] == 91
    assert rows["never"]["overdue_days"] == 1
    assert rows["dnc"]["overdue"] is False
    assert (rows["own"]["cadence_days"], rows["own"]["overdue_days"]) == (10, 1)
    text = run("clients", "--db", str(db), "--overdue", "--as-of", "2026-11-23").stdout
    assert "past" in text and "own" in text and "dnc" not in text


@pytest.mark.parametrize("args, expected", [
    (("clients", "--db", "{tmp}/missing.db"), "not found"),
    (("clients", "--db", "{tmp}/b.db", "--as-of", "2026-02-30"), "Not a valid date"),
])
def test_user_errors_are_one_line(tmp_path, args, expected):
    run("init", "--db", str(tmp_path / "b.db"))
    proc = run(*[a.format(tmp=tmp_path) for a in args], check_ok=False)
    assert expected in one_line_error(proc)
    assert not (tmp_path / "missing.db").exists()


def test_newer_database_refused(tmp_path):
    db = tmp_path / "n.db"
    run("init", "--db", str(db))
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.close()
    line = one_line_error(run("clients", "--db", str(db), check_ok=False))
    assert "newer version of LoyalDesk" in line
    line = one_line_error(run("init", "--db", str(db), check_ok=False))
    assert "newer version" in line


def test_errors_in_japanese(tmp_path):
    proc = run("clients", "--db", str(tmp_path / "nai.db"), env_extra={"LOYALDESK_LANG": "ja"}, check_ok=False)
    assert "データベースファイルが見つかりません" in one_line_error(proc)
    proc = run("--lang", "ja", "clients", "--db", str(tmp_path / "nai.db"), check_ok=False)
    assert "見つかりません" in one_line_error(proc)


def test_loyaldesk_db_environment_variable(tmp_path):
    db = tmp_path / "env.db"
    run("init", env_extra={"LOYALDESK_DB": str(db)})
    assert db.exists()
    assert json.loads(run("clients", "--json", env_extra={"LOYALDESK_DB": str(db)}).stdout) == []


def test_fast_commands_do_not_import_qt_or_pandas(tmp_path):
    db = tmp_path / "q.db"
    code = (
        "import sys; from loyaldesk.cli import main; "
        f"assert main(['init', '--db', {str(db)!r}]) == 0; "
        f"assert main(['clients', '--db', {str(db)!r}, '--json']) == 0; "
        f"assert main(['suggest', '--db', {str(db)!r}, '--json']) == 0; "
        "heavy = [m for m in ('PySide6', 'pandas', 'reportlab', 'sqlite_utils') if m in sys.modules]; "
        "assert not heavy, heavy"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr


def test_self_test_passes(tmp_path):
    proc = run("self-test", env_extra={"QT_QPA_PLATFORM": "offscreen"}, check_ok=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "self-test passed" in proc.stdout


def test_gui_without_display_says_so(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    proc = subprocess.run([sys.executable, "-m", "loyaldesk", "--db", str(tmp_path / "x.db")],
                          capture_output=True, text=True, env=env, timeout=60)
    if sys.platform.startswith("linux"):
        line = one_line_error(proc)
        assert "no display" in line
        assert "xvfb-run" in line and "QT_QPA_PLATFORM=offscreen" in line  # how to run it all the same


def test_json_output_is_one_record_per_line_and_parses_back(capsys):
    from loyaldesk.cli import _print_json

    payloads = [
        [],
        [{"id": 1, "name": "山田 太郎", "ok": True}, {"id": 2, "name": "Emily \"E\" Carter", "ok": None}],
        {"summary": {"tiers": {"vip": 1}, "pareto": [[0, 0], [1, 1]]}, "clients": [{"id": 1}, {"id": 2}], "none": []},
        {},
        "text",
    ]
    for payload in payloads:
        _print_json(payload)
        out = capsys.readouterr().out
        assert json.loads(out) == payload
        if payload == payloads[1]:
            assert out.splitlines()[1] == ' {"id": 1, "name": "山田 太郎", "ok": true},'  # readable, not escaped
        if payload == payloads[2]:
            assert out.splitlines()[3] == '  {"id": 1},'
