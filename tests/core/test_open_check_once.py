"""The command line checks a practice file for damage once per change of the file: opening it
again without a change (a read command writes nothing) does not run PRAGMA quick_check again."""

from __future__ import annotations

import sqlite3

import pytest

from loyaldesk.core import db as dbmod
from loyaldesk.core.db import open_database


@pytest.fixture
def checking(monkeypatch):
    """open_database checks every file it opens, as on the command line."""
    monkeypatch.setattr(dbmod, "_check_on_open", True)


def quick_checks(path) -> int:
    """When the record of passed checks was last written (after each quick_check that ran)."""
    from loyaldesk import paths

    record = paths.data_dir() / "checked.json"
    return record.stat().st_mtime_ns if record.exists() else 0


@pytest.mark.usefixtures("checking")
def test_an_unchanged_file_is_not_checked_again(tmp_path):
    path = tmp_path / "practice.db"
    with open_database(path) as db:
        with db.transaction() as conn:
            conn.execute("INSERT INTO clients (name) VALUES ('Aoki')")
    with open_database(path, create=False):
        pass
    first = quick_checks(path)
    assert first
    for _ in range(3):  # each open creates an empty WAL with a new time: not a change
        with open_database(path, create=False) as db:
            assert db.scalar("SELECT COUNT(*) FROM clients") == 1
        assert quick_checks(path) == first
    # a change of the file: checked again
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO clients (name) VALUES ('Ito')")
    conn.commit()
    conn.close()
    with open_database(path, create=False):
        pass
    assert quick_checks(path) != first


def test_a_wal_holding_changes_is_part_of_the_state(tmp_path):
    path = tmp_path / "practice.db"
    with open_database(path):
        pass
    before = dbmod._file_state(path)
    reader = sqlite3.connect(path)
    reader.execute("PRAGMA user_version").fetchone()  # opens the (empty) WAL
    assert path.with_name("practice.db-wal").exists()
    assert dbmod._file_state(path) == before
    writer = sqlite3.connect(path)
    writer.execute("INSERT INTO clients (name) VALUES ('Aoki')")
    writer.commit()  # in the WAL while the reader keeps the file open
    assert dbmod._file_state(path) != before
    writer.close()
    reader.close()
