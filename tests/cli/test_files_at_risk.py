"""What a file can do to the practice, from the command line: an empty file is not a practice, a damaged
file is reported with the backup to restore, `demo --force` and `restore` never destroy without a way
back nor under an open window, and what the app writes is readable by its owner only."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys

import pytest

from tests.cli.test_cli import one_line_error, run


def test_an_empty_file_is_not_turned_into_a_practice(tmp_path):
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    for command in (["clients", "--json"], ["tiers"], ["suggest"], ["today"], ["export", "--out", str(tmp_path / "x.csv")]):
        proc = run(command[0], "--db", str(empty), *command[1:], check_ok=False)
        assert proc.returncode == 1
        assert "not a LoyalDesk practice" in one_line_error(proc)
        assert empty.stat().st_size == 0  # untouched
    run("init", "--db", str(empty))  # as the message says
    assert json.loads(run("clients", "--db", str(empty), "--json").stdout) == []


def _damage(path):
    """Overwrite a page in the middle of the file (the clients table's data), as a bad disk sector would."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'sessions'").fetchone()[0]
    conn.close()
    with open(path, "r+b") as fh:
        fh.seek((root - 1) * page_size)  # the page header and its cell pointers
        fh.write(b"\xde\xad\xbe\xef" * 16)


def test_a_damaged_file_is_reported_with_the_backup_to_restore(tmp_path):
    db = tmp_path / "practice.db"
    run("demo", "--db", str(db), "--clients", "30", "--seed", "2")
    backup = run("backup", "--db", str(db)).stdout
    assert run("clients", "--db", str(db)).returncode == 0  # checked and remembered as good
    _damage(db)
    before = db.read_bytes()
    proc = run("tiers", "--db", str(db), check_ok=False)
    message = one_line_error(proc)
    assert proc.returncode == 1 and "is damaged" in message and "nothing was written" in message
    assert "loyaldesk restore --db" in message and "-manual.db" in message
    assert db.read_bytes() == before  # nothing written to it
    assert backup


def test_demo_force_backs_the_practice_up_and_refuses_while_a_window_holds_it(tmp_path):
    db = tmp_path / "real.db"
    run("demo", "--db", str(db), "--clients", "25", "--seed", "4")
    env = dict(os.environ)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time\nfrom loyaldesk.core import in_use\n"
         f"h = in_use.hold({str(db)!r})\nprint('held' if h else 'free', flush=True)\ntime.sleep(60)"],
        stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert holder.stdout.readline().strip() == "held"
        proc = run("demo", "--db", str(db), "--clients", "5", "--force", check_ok=False)
        assert "open in a LoyalDesk window" in one_line_error(proc)
        assert json.loads(run("clients", "--db", str(db), "--json").stdout).__len__() == 25
        proc = run("restore", "--db", str(db), str(db), check_ok=False)
        assert "open in a LoyalDesk window" in one_line_error(proc)
    finally:
        holder.kill()
        holder.wait()
    out = run("demo", "--db", str(db), "--clients", "5", "--force").stdout
    assert "The 25 clients it held were backed up first: " in out
    saved = out.split("backed up first: ", 1)[1].splitlines()[0].strip()
    conn = sqlite3.connect(saved)
    assert conn.execute("SELECT COUNT(*) FROM clients").fetchone()[0] == 25
    conn.close()


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_log_and_data_folders_are_the_owners_only(tmp_path):
    db = tmp_path / "p.db"
    run("demo", "--db", str(db), "--clients", "5")
    run("clients", "--db", str(db))
    home = os.environ["LOYALDESK_HOME"]
    logs = os.path.join(home, "logs")
    assert os.stat(logs).st_mode & 0o777 == 0o700
    assert os.stat(os.path.join(logs, "loyaldesk.log")).st_mode & 0o777 == 0o600


def test_a_full_disk_is_one_line_in_the_users_language(tmp_path):
    """letters writing into a full disk (a failing write, simulated): one line, exit 1, no traceback."""
    db = tmp_path / "p.db"
    run("demo", "--db", str(db), "--clients", "10", "--seed", "3")
    script = (
        "import errno, sys, builtins\n"
        "from loyaldesk import cli\n"
        "real = builtins.open\n"
        "def full(path, mode='r', *a, **k):\n"
        "    if 'w' in mode and str(path).endswith(('.pdf', '.part', '.tmp')):\n"
        "        raise OSError(errno.ENOSPC, 'No space left on device', str(path))\n"
        "    return real(path, mode, *a, **k)\n"
        "builtins.open = full\n"
        f"sys.exit(cli.main(['letters', '--db', {str(db)!r}, '--template', 'thank_you', '--tier', 'vip', "
        f"'--out', {str(tmp_path / 'out.pdf')!r}] + sys.argv[1:]))\n")
    for lang, text in (("en", "The disk is full: nothing was changed."), ("ja", "ディスクの空き容量がありません。")):
        proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                              env=dict(os.environ, LOYALDESK_LANG=lang), timeout=120)
        assert proc.returncode == 1, proc.stderr
        assert text in one_line_error(proc)


def test_temporary_files_stay_in_the_apps_own_folder_and_a_killed_run_leaves_none(tmp_path):
    code = ("import os, sys, tempfile, time\nfrom loyaldesk.core.scratch import use_private_temp\n"
            "use_private_temp()\nfd, name = tempfile.mkstemp(suffix='.xlsx')\nos.write(fd, b'client data')\n"
            "print(name, flush=True)\ntime.sleep(60)")
    killed = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    left = killed.stdout.readline().strip()
    home = os.environ["LOYALDESK_HOME"]
    assert left.startswith(os.path.join(home, "data", "tmp"))  # not the system's /tmp
    if os.name == "posix":
        assert os.stat(os.path.dirname(left)).st_mode & 0o777 == 0o700
        assert os.stat(os.path.join(home, "data")).st_mode & 0o777 == 0o700
    killed.kill()
    killed.wait()
    assert os.path.exists(left)  # a SIGKILL leaves it behind...
    run("templates", "--db", str(tmp_path / "none.db"), check_ok=False)  # ...until the next start
    assert not os.path.exists(left) and not os.path.exists(os.path.dirname(left))


def test_a_commands_own_writes_do_not_make_the_next_command_check_again(tmp_path):
    import hashlib

    from loyaldesk.core.db import _file_state

    db = tmp_path / "p.db"
    run("demo", "--db", str(db), "--clients", "10", "--seed", "1")
    run("tiers", "--db", str(db), "--as-of", "2026-12-05")  # checked, then writes the tiers of that day
    run("tiers", "--db", str(db), "--as-of", "2026-12-06")  # and of the next: its own write
    record = json.loads(open(os.path.join(os.environ["LOYALDESK_HOME"], "data", "checked.json")).read())
    key = hashlib.sha256(str(db.resolve()).encode("utf-8")).hexdigest()[:32]
    assert record[key] == _file_state(db)  # the file as the last command left it counts as checked
