"""A practice in a read-only folder, a read-only file or on a read-only disk opens for reading (the
lists, the loyalty figures, the report and the export work) and every write is refused with the reason;
nothing in the folder changes. Real read-only folders: tests/read_only_fs.py."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from loyaldesk.core import cipher, demo, errors
from loyaldesk.core.clients import ClientRepository
from loyaldesk.core.db import open_database
from loyaldesk.core.i18n import set_language
from loyaldesk.core.loyalty import compute_loyalty, refresh_tiers
from loyaldesk.core.models import Client
from tests.conftest import AS_OF, add_client, add_session
from tests.read_only_fs import listing, read_only, read_only_disk


def practice(folder, name="practice.db"):
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    with open_database(path) as db:
        kept = add_client(db, "Kept Client")
        add_session(db, kept, "2026-03-01", fee=50000)
        add_client(db, "佐藤 花子")
    return path


def test_read_only_folder_opens_for_reading_and_refuses_writes_with_the_reason(tmp_path):
    folder = tmp_path / "shared"
    path = practice(folder)
    before = listing(folder)
    with read_only(folder):
        with open_database(path, create=False) as db:
            assert db.read_only and db.read_only_reason == "folder"
            assert sorted(r.name for r in ClientRepository(db).list_rows()) == ["Kept Client", "佐藤 花子"]
            assert {c.name for c in compute_loyalty(db, AS_OF).clients} == {"Kept Client", "佐藤 花子"}
            with pytest.raises(errors.ReadOnlyDatabaseError) as info:
                ClientRepository(db).create(Client(None, "New"))
            assert str(folder) in info.value.message and "read-only" in info.value.message
            assert "Nothing was changed" in info.value.message
            with pytest.raises(errors.ReadOnlyDatabaseError):
                refresh_tiers(db, AS_OF)
        set_language("ja")
        with open_database(path, create=False) as db:
            with pytest.raises(errors.ReadOnlyDatabaseError) as info:
                ClientRepository(db).create(Client(None, "New"))
            assert "読み取り専用" in info.value.message and "フォルダ" in info.value.message
    assert listing(folder) == before  # no -wal, no -shm, the file unchanged


def test_read_only_file_in_a_writable_folder(tmp_path):
    path = practice(tmp_path / "p")
    with read_only(path):
        with open_database(path, create=False) as db:
            assert db.read_only and db.read_only_reason == "file"
            assert db.scalar("SELECT COUNT(*) FROM clients") == 2
            with pytest.raises(errors.ReadOnlyDatabaseError) as info:
                ClientRepository(db).create(Client(None, "New"))
            assert "read-only" in info.value.message
    with open_database(path, create=False) as db:
        assert db.scalar("SELECT COUNT(*) FROM clients") == 2


def test_read_only_disk(tmp_path):
    source = practice(tmp_path / "src")
    with read_only_disk(tmp_path / "disk", {"practice.db": source}) as disk:
        with open_database(disk / "practice.db", create=False) as db:
            assert db.read_only and db.read_only_reason == "disk"
            assert db.scalar("SELECT COUNT(*) FROM clients") == 2
            with pytest.raises(errors.ReadOnlyDatabaseError) as info:
                ClientRepository(db).create(Client(None, "New"))
            assert "read-only disk" in info.value.message


def test_a_practice_that_needs_an_upgrade_is_refused_with_the_reason(tmp_path, monkeypatch):
    """A read-only folder cannot take the schema upgrade: refused with the reason, the file untouched."""
    folder = tmp_path / "old"
    path = practice(folder)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 12")
    conn.close()
    before = listing(folder)
    with read_only(folder):
        with pytest.raises(errors.ReadOnlyDatabaseError) as info:
            open_database(path, create=False)
        assert str(folder) in info.value.message
    assert listing(folder) == before


def test_changes_still_in_the_wal_are_not_silently_skipped(tmp_path):
    """A copy of the file with its -wal but no -shm: read-only, sqlite could only read it as immutable,
    which would not see the changes in the -wal: refused with what to do."""
    source = practice(tmp_path / "src")
    writer = sqlite3.connect(source, isolation_level=None)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("INSERT INTO clients (name) VALUES ('Only in the WAL')")
    folder = tmp_path / "copy"
    folder.mkdir()
    shutil.copy2(source, folder / "practice.db")
    shutil.copy2(source.with_name("practice.db-wal"), folder / "practice.db-wal")
    writer.close()
    with read_only(folder):
        with pytest.raises(errors.ReadOnlyDatabaseError) as info:
            open_database(folder / "practice.db", create=False)
        assert "practice.db-wal" in info.value.message


def test_protected_practice_in_a_read_only_folder(tmp_path, monkeypatch):
    monkeypatch.setattr(cipher, "KDF_ITERATIONS", 1000)
    cipher.forget_all()
    folder = tmp_path / "vault"
    folder.mkdir()
    path = folder / "practice.db"
    with open_database(path) as db:
        demo.generate(db, clients=12, seed=5)
        count = db.scalar("SELECT COUNT(*) FROM clients")
    cipher.protect(path, "a long enough passphrase", keep_plain=False)
    cipher.forget_all()
    cipher.remember("a long enough passphrase")
    before = listing(folder)
    try:
        with read_only(folder):
            with open_database(path, create=False) as db:
                assert db.read_only
                assert db.scalar("SELECT COUNT(*) FROM clients") == count
                with pytest.raises(errors.ReadOnlyDatabaseError):
                    ClientRepository(db).create(Client(None, "New"))
    finally:
        cipher.forget_all()
    assert listing(folder) == before
