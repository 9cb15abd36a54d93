"""A restore holds the practice from its safety backup to the end of the copy: another process that
writes in between waits and then writes into the restored practice. Before, a writer that opened,
wrote and closed between the safety backup and the copy lost its change (it was in neither)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap

from loyaldesk.core import backup
from loyaldesk.core.db import open_database
from tests.conftest import add_client

WRITER = textwrap.dedent("""
    import sys, time
    from loyaldesk.core.db import open_database
    from loyaldesk.core.errors import DatabaseLockedError
    print("ready", flush=True)
    sys.stdin.readline()  # go
    deadline = time.monotonic() + 120
    while True:  # "in use by another program": tried again, as a user would, until it is free
        try:
            with open_database(sys.argv[1]) as db:
                with db.transaction() as conn:
                    conn.execute("INSERT INTO clients (name, created_at) VALUES ('後から 書いた', '2026-11-30')")
            break
        except DatabaseLockedError:
            if time.monotonic() > deadline:
                raise
    print("written", flush=True)
""")


def _names(path):
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM clients")}
    finally:
        conn.close()


def test_a_write_during_a_restore_is_kept(tmp_path, monkeypatch):
    path = tmp_path / "practice.db"
    with open_database(path) as db:
        add_client(db, "山田 太郎")
    saved = backup.create_backup(path, folder=tmp_path / "saved", reason="manual")
    with open_database(path) as db:
        add_client(db, "佐藤 花子")  # after the backup: the restore takes it back

    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert writer.stdout.readline().strip() == "ready"
    copy_into_live = backup._copy_into_live
    finished_early = []

    def writer_comes_in_between(*args, **kwargs):
        """The safety backup is made; the other process writes now, before the copy."""
        writer.stdin.write("go\n")
        writer.stdin.flush()
        try:
            writer.wait(timeout=3)  # unprotected, its write is done by now
            finished_early.append(True)
        except subprocess.TimeoutExpired:  # it waits for the restore's lock
            pass
        return copy_into_live(*args, **kwargs)

    monkeypatch.setattr(backup, "_copy_into_live", writer_comes_in_between)
    safety = backup.restore_backup(path, saved, folder=tmp_path / "backups")
    out, err = writer.communicate(timeout=180)
    assert writer.returncode == 0, err
    assert "written" in out
    assert not finished_early, (out, err)  # it had to wait for the restore
    assert _names(safety) == {"山田 太郎", "佐藤 花子"}  # what was there before the restore
    assert _names(path) == {"山田 太郎", "後から 書いた"}  # the restored practice, then the late write
    with open_database(path) as db:  # a sound practice, back in WAL
        assert db.query("PRAGMA journal_mode")[0][0] == "wal"
        assert db.query("PRAGMA integrity_check")[0][0] == "ok"
