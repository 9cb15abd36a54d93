"""The command line on a passphrase-protected practice: no, wrong and right passphrase for every command."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest

from loyaldesk import cli
from loyaldesk.core import cipher, demo
from loyaldesk.core.db import open_database

PASSPHRASE = "correct horse battery"
NEW_PASSPHRASE = "another long passphrase"
NEEDED = ("loyaldesk: this practice file is protected by a passphrase: set LOYALDESK_PASSPHRASE or use "
          "--passphrase-file")
WRONG = "loyaldesk: wrong passphrase"


@pytest.fixture(autouse=True)
def _no_keys(monkeypatch):
    monkeypatch.delenv("LOYALDESK_PASSPHRASE", raising=False)
    monkeypatch.delenv("LOYALDESK_NEW_PASSPHRASE", raising=False)
    cipher.forget_all()
    yield
    cipher.forget_all()


@pytest.fixture
def fast_kdf(monkeypatch):
    monkeypatch.setattr(cipher, "KDF_ITERATIONS", 1000)


@pytest.fixture
def protected(tmp_path, fast_kdf):
    path = tmp_path / "practice.db"
    with open_database(path) as db:
        demo.generate(db, clients=20, seed=7)
    cipher.protect(path, PASSPHRASE, keep_plain=False)
    cipher.forget_all()
    return path


def run(capsys, *args, env=None, monkeypatch=None):
    """One in-process run, as a fresh process would be: no passphrase known beforehand."""
    cipher.forget_all()
    for name, value in (env or {}).items():
        monkeypatch.setenv(name, value)
    try:
        code = cli.main(list(args))
    finally:
        for name in env or {}:
            monkeypatch.delenv(name, raising=False)
    out, err = capsys.readouterr()
    return code, out, err


def _commands(path, tmp_path):
    backup_file = tmp_path / "b.db"
    csv = tmp_path / "in.csv"
    csv.write_text("name,email\nOkada Shin,shin@example.com\n", encoding="utf-8")
    return {
        "init": ["init", "--db", str(path)],
        "clients": ["clients", "--db", str(path)],
        "tiers": ["tiers", "--db", str(path), "--json"],
        "suggest": ["suggest", "--db", str(path)],
        "today": ["today", "--db", str(path)],
        "events": ["events", "--db", str(path)],
        "templates": ["templates", "--db", str(path)],
        "report": ["report", "--db", str(path), "--year", "2026", "--json"],
        "export csv": ["export", "--db", str(path), "--out", str(tmp_path / "out.csv")],
        "export zip": ["export", "--db", str(path), "--out", str(tmp_path / "out.zip")],
        "import": ["import", str(csv), "--db", str(path), "--dry-run"],
        "backup": ["backup", "--db", str(path), "--out", str(backup_file)],
        "letters": ["letters", "--db", str(path), "--template", "follow_up", "--overdue",
                    "--out", str(tmp_path / "letters.pdf")],
        "decrypt": ["decrypt", "--db", str(path), "--out", str(tmp_path / "plain.db")],
        "invite": ["invite", "--db", str(path), "--event", "1", "--wave", "early", "--dry-run"],
        "postcards": ["postcards", "--db", str(path), "--tier", "regular", "--out", str(tmp_path / "cards.pdf")],
        "restore": ["restore", str(_backup_of(path, tmp_path)), "--db", str(path)],
        "demo": ["demo", "--db", str(path), "--clients", "5", "--force"],
    }


def _backup_of(path, tmp_path):
    """A backup of the protected file, made with its passphrase (and then forgotten)."""
    from loyaldesk.core import backup

    target = tmp_path / "saved.db"
    if not target.exists():
        cipher.remember(PASSPHRASE)
        backup.create_backup(path, "manual", out=target)
        cipher.forget_all()
    return target


@pytest.mark.parametrize("name", ["init", "clients", "tiers", "suggest", "today", "events", "templates", "report",
                                  "export csv", "export zip", "import", "backup", "letters", "decrypt",
                                  "invite", "postcards", "restore", "demo"])
def test_every_command_with_no_wrong_and_right_passphrase(name, protected, tmp_path, capsys, monkeypatch):
    args = _commands(protected, tmp_path)[name]
    code, out, err = run(capsys, *args)
    assert (code, err.strip()) == (1, NEEDED)
    assert out == ""
    code, out, err = run(capsys, *args, env={"LOYALDESK_PASSPHRASE": "not the passphrase"}, monkeypatch=monkeypatch)
    assert (code, err.strip()) == (1, WRONG)
    code, out, err = run(capsys, *args, env={"LOYALDESK_PASSPHRASE": PASSPHRASE}, monkeypatch=monkeypatch)
    assert code == 0, err
    assert "Traceback" not in err
    assert cipher.is_encrypted(protected)


def test_passphrase_file_first_line(protected, tmp_path, capsys):
    good = tmp_path / "pass.txt"
    good.write_text(PASSPHRASE + "\nsomething else\n", encoding="utf-8")
    code, out, err = run(capsys, "--passphrase-file", str(good), "clients", "--db", str(protected))
    assert code == 0, err
    code, out, err = run(capsys, "clients", "--db", str(protected), "--passphrase-file", str(good))
    assert code == 0, err
    bad = tmp_path / "bad.txt"
    bad.write_text("nope nope nope\n", encoding="utf-8")
    assert run(capsys, "clients", "--db", str(protected), "--passphrase-file", str(bad))[2].strip() == WRONG
    code, out, err = run(capsys, "clients", "--db", str(protected), "--passphrase-file", str(tmp_path / "none"))
    assert code == 1 and err.startswith("loyaldesk: Cannot read the passphrase file") and len(err.splitlines()) == 1


def test_encrypt_rekey_decrypt_on_the_command_line(tmp_path, fast_kdf, capsys, monkeypatch):
    path = tmp_path / "p.db"
    with open_database(path) as db:
        demo.generate(db, clients=15, seed=2)
    conn = sqlite3.connect(path)
    before = conn.execute("SELECT id, name, email FROM clients ORDER BY id").fetchall()
    conn.close()

    code, out, err = run(capsys, "encrypt", "--db", str(path))  # no passphrase, no terminal
    assert (code, err.strip()) == (1, NEEDED)
    assert not cipher.is_encrypted(path)
    env = {"LOYALDESK_PASSPHRASE": PASSPHRASE}
    code, out, err = run(capsys, "encrypt", "--db", str(path), env=env, monkeypatch=monkeypatch)
    assert code == 0, err
    assert "protected by a passphrase" in out and "original was removed" in out
    assert cipher.is_encrypted(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.db"]  # no plain copy left behind
    code, out, err = run(capsys, "encrypt", "--db", str(path), env=env, monkeypatch=monkeypatch)
    assert code == 1 and "already protected" in err

    code, out, err = run(capsys, "rekey", "--db", str(path), env=env, monkeypatch=monkeypatch)
    assert code == 1 and "LOYALDESK_NEW_PASSPHRASE" in err  # no new passphrase, no terminal
    code, out, err = run(capsys, "rekey", "--db", str(path),
                         env={"LOYALDESK_PASSPHRASE": "wrong one here", "LOYALDESK_NEW_PASSPHRASE": NEW_PASSPHRASE},
                         monkeypatch=monkeypatch)
    assert (code, err.strip()) == (1, WRONG)
    code, out, err = run(capsys, "rekey", "--db", str(path),
                         env={**env, "LOYALDESK_NEW_PASSPHRASE": NEW_PASSPHRASE}, monkeypatch=monkeypatch)
    assert code == 0, err
    assert run(capsys, "clients", "--db", str(path), env=env, monkeypatch=monkeypatch)[2].strip() == WRONG

    plain = tmp_path / "plain.db"
    code, out, err = run(capsys, "decrypt", "--db", str(path), "--out", str(plain),
                         env={"LOYALDESK_PASSPHRASE": NEW_PASSPHRASE}, monkeypatch=monkeypatch)
    assert code == 0, err
    assert cipher.is_encrypted(path)
    conn = sqlite3.connect(plain)
    assert conn.execute("SELECT id, name, email FROM clients ORDER BY id").fetchall() == before
    conn.close()


def test_export_plain_flag(protected, tmp_path, capsys, monkeypatch):
    import zipfile

    env = {"LOYALDESK_PASSPHRASE": PASSPHRASE}
    out = tmp_path / "open.zip"
    code, _out, err = run(capsys, "export", "--db", str(protected), "--out", str(out), "--plain", env=env,
                          monkeypatch=monkeypatch)
    assert code == 0, err
    with zipfile.ZipFile(out) as zf:
        assert not any(info.flag_bits & 0x1 for info in zf.infolist())
        assert zf.read("clients.jsonl")


def test_a_real_process_prints_one_line(tmp_path):
    """The real KDF, a real process: one line and exit 1 without or with a wrong passphrase."""
    path = tmp_path / "p.db"
    with open_database(path) as db:
        demo.generate(db, clients=5, seed=1)
    cipher.protect(path, PASSPHRASE, keep_plain=False)
    env = {k: v for k, v in os.environ.items() if not k.startswith("LOYALDESK_PASSPHRASE")}
    for extra, expected in (({}, NEEDED), ({"LOYALDESK_PASSPHRASE": "wrong wrong"}, WRONG)):
        proc = subprocess.run([sys.executable, "-m", "loyaldesk", "clients", "--db", str(path)],
                              capture_output=True, text=True, env={**env, **extra}, timeout=120)
        assert proc.returncode == 1
        assert proc.stderr.strip().splitlines() == [expected]
    proc = subprocess.run([sys.executable, "-m", "loyaldesk", "clients", "--db", str(path), "--json"],
                          capture_output=True, text=True, env={**env, "LOYALDESK_PASSPHRASE": PASSPHRASE}, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.lstrip().startswith("[")
