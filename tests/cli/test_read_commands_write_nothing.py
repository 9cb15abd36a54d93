"""clients, tiers and suggest refresh the stored tiers only when something changed since they were
computed: a second run on an unchanged file writes nothing and prints the same bytes; after an
edit, the next run refreshes and prints what a file refreshed from scratch prints."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys

import pytest

from tests.cli.test_cli import run
from tests.cli.test_tiers import AS_OF, small  # noqa: F401 (the fixture)

SENTINEL = "2000-01-01T00:00:00"
READ_COMMANDS = ("clients", "tiers", "suggest")


def stored(db) -> dict:
    """What a tier refresh writes: the refresh row, every stored tier, the whole tier history."""
    conn = sqlite3.connect(db)
    try:
        return {
            "refresh": conn.execute("SELECT as_of, fingerprint, refreshed_at FROM tier_refresh").fetchall(),
            "client_tiers": conn.execute("SELECT client_id, tier, score, rank, computed_on FROM client_tiers "
                                         "ORDER BY client_id").fetchall(),
            "tier_history": conn.execute("SELECT * FROM tier_history ORDER BY id").fetchall(),
        }
    finally:
        conn.close()


def mark_refresh(db) -> None:
    """An old time on the refresh row: a refresh (even one that changes no tier) overwrites it."""
    conn = sqlite3.connect(db)
    conn.execute("UPDATE tier_refresh SET refreshed_at = ?", (SENTINEL,))
    conn.commit()
    conn.close()


@pytest.mark.parametrize("command", READ_COMMANDS)
def test_a_second_run_on_an_unchanged_file_writes_nothing(small, command):  # noqa: F811
    args = (command, "--db", str(small), "--as-of", AS_OF, "--json")
    first = run(*args).stdout
    mark_refresh(small)
    before = stored(small)
    assert before["refresh"][0][0] == AS_OF and before["client_tiers"] and before["tier_history"]
    watcher = sqlite3.connect(small)  # PRAGMA data_version changes when another connection commits
    version = watcher.execute("PRAGMA data_version").fetchone()[0]
    second = run(*args).stdout
    assert watcher.execute("PRAGMA data_version").fetchone()[0] == version
    watcher.close()
    assert stored(small) == before  # refreshed_at still the old time: no refresh ran
    assert second == first


@pytest.mark.parametrize("command", READ_COMMANDS)
def test_after_an_edit_the_next_run_refreshes(small, tmp_path, command):  # noqa: F811
    args = (command, "--as-of", AS_OF, "--json")
    first = run(*args, "--db", str(small)).stdout
    mark_refresh(small)
    # only the day of one session changes, within its year: c2's first session, 400 days ago,
    # moves into the last 12 months (every count, total, first and last date of the practice stay)
    conn = sqlite3.connect(small)
    assert conn.execute("UPDATE sessions SET date = '2025-12-01' WHERE client_id = 2 AND date = '2025-10-19'"
                        ).rowcount == 1
    conn.commit()
    conn.close()
    after_edit = run(*args, "--db", str(small)).stdout
    assert stored(small)["refresh"][0][2] != SENTINEL  # refreshed
    if command != "suggest":  # c2's first session and figures are in the output
        assert after_edit != first
    # a copy whose stored tiers are emptied: computed from scratch
    scratch = tmp_path / "scratch.db"
    shutil.copy(small, scratch)
    conn = sqlite3.connect(scratch)
    conn.execute("DELETE FROM tier_refresh")
    conn.execute("DELETE FROM client_tiers")
    conn.commit()
    conn.close()
    assert run(*args, "--db", str(scratch)).stdout == after_edit


HEAVY = ("PySide6", "pandas", "reportlab", "jinja2", "openpyxl", "sqlite_utils")


def test_read_commands_import_only_what_they_need(small):  # noqa: F811
    # cold: the tiers are refreshed (ranked in plain Python at this size); warm: the stored
    # scores and ranks are read. Neither needs numpy, Qt, pandas or the letters' libraries.
    code = (
        "import sys; from loyaldesk.cli import main; "
        f"assert main([sys.argv[1], '--db', {str(small)!r}, '--as-of', {AS_OF!r}, '--json']) == 0; "
        f"heavy = [m for m in {HEAVY + ('numpy',)!r} if m in sys.modules]; "
        "assert heavy == [], heavy"
    )
    for command in ("clients", "tiers", "suggest", "today"):
        for phase in ("cold", "warm"):
            if phase == "cold":  # the stored tiers are stale
                conn = sqlite3.connect(small)
                conn.execute("DELETE FROM tier_refresh")
                conn.commit()
                conn.close()
            proc = subprocess.run([sys.executable, "-c", code, command, phase], capture_output=True, text=True,
                                  timeout=60)
            assert proc.returncode == 0, (command, phase, proc.stderr[-2000:])
