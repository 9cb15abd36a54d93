"""Backups: online copies of an open database, rotation, listing, and a restore that loses nothing."""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
import stat
import sys
from pathlib import Path

import pytest

from loyaldesk import paths
from loyaldesk.core import backup, errors, practice
from loyaldesk.core.db import open_database
from loyaldesk.core.migrations import LATEST_VERSION
from tests.conftest import add_client

NAME = re.compile(r"^test-\d{8}-\d{6}-(open|import|migration|restore|manual)(-\d+)?\.db$")


def names(db_path) -> list[str]:
    conn = sqlite3.connect(f"{Path(db_path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM clients ORDER BY id")]
    finally:
        conn.close()


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


# --- creating -------------------------------------------------------------------------------
def test_backup_of_open_wal_database_holds_the_latest_committed_rows(db):
    add_client(db, "A")
    add_client(db, "B")
    assert db.scalar("PRAGMA journal_mode") == "wal"
    assert Path(f"{db.path}-wal").stat().st_size > 0  # the rows are still in the WAL
    other = sqlite3.connect(db.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO clients (name) VALUES ('uncommitted')")
    try:
        from_path = backup.create_backup(db.path, "manual")  # a connection of its own
        from_db = backup.create_backup(db, "manual")  # the open connection itself
    finally:
        other.execute("ROLLBACK")
        other.close()
    for made in (from_path, from_db):
        assert names(made) == ["A", "B"]
        conn = sqlite3.connect(made)
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one self-contained file
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()
    assert not any(name.endswith(("-wal", "-shm", ".tmp")) for name in files_in(from_path.parent))
    assert db.scalar("SELECT COUNT(*) FROM clients") == 2  # the live database is untouched and usable
    add_client(db, "C")


def test_backup_folder_is_per_database_and_under_the_backup_dir(tmp_path):
    one = backup.backup_folder(tmp_path / "a" / "practice.db")
    two = backup.backup_folder(tmp_path / "b" / "practice.db")
    assert one != two
    assert one.parent == two.parent == paths.backup_dir()
    assert re.fullmatch(r"practice-[0-9a-f]{8}", one.name)
    assert backup.backup_folder(tmp_path / "a" / ".." / "a" / "practice.db") == one


def test_backup_name_and_private_mode(db):
    add_client(db, "A")
    made = backup.create_backup(db, "import")
    assert made.parent == backup.backup_folder(db.path)
    assert NAME.match(made.name) and made.name.endswith("-import.db")
    created, reason, _n = backup.parse_backup_name(made.name)
    assert reason == "import" and abs((dt.datetime.now() - created).total_seconds()) < 60
    if sys.platform != "win32":
        assert stat.S_IMODE(os.stat(made).st_mode) == 0o600
    again = [backup.create_backup(db, "manual") for _ in range(3)]
    assert len({p.name for p in again}) == 3  # same second: a counter keeps the names apart
    with pytest.raises(ValueError):
        backup.create_backup(db, "whenever")


def test_a_taken_name_gets_a_counter(tmp_path):
    now = dt.datetime(2026, 5, 4, 3, 2, 1)
    first = backup._free_name(tmp_path, "test", "open", now)
    assert first.name == "test-20260504-030201-open.db"
    first.touch()
    second = backup._free_name(tmp_path, "test", "open", now)
    assert second.name == "test-20260504-030201-open-2.db"
    second.touch()
    assert backup._free_name(tmp_path, "test", "open", now).name == "test-20260504-030201-open-3.db"
    assert backup.parse_backup_name(second.name) == (now, "open", 2)


def test_out_writes_exactly_there_and_never_over_the_database(db, tmp_path):
    add_client(db, "A")
    out = tmp_path / "elsewhere" / "copy.sqlite"
    out.parent.mkdir()
    assert backup.create_backup(db.path, "manual", out=out) == out
    assert names(out) == ["A"]
    assert not backup.backup_folder(db.path).exists()  # --out does not touch the backup folder
    with pytest.raises(errors.LoyalDeskError) as info:
        backup.create_backup(db.path, "manual", out=db.path)
    assert "the database itself" in info.value.message
    with pytest.raises(errors.LoyalDeskError):
        backup.create_backup(db.path, "manual", out=tmp_path / "missing" / "x.db")
    assert db.scalar("SELECT COUNT(*) FROM clients") == 1


def test_missing_or_foreign_source_is_refused(tmp_path):
    with pytest.raises(errors.DatabaseNotFoundError):
        backup.create_backup(tmp_path / "missing.db", "manual")
    assert not (tmp_path / "missing.db").exists()
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    with pytest.raises(errors.DatabaseError) as info:
        backup.create_backup(other, "manual")
    assert "another program" in info.value.message


def test_unwritable_folder_is_a_clear_error_and_leaves_nothing(db, tmp_path, monkeypatch):
    add_client(db, "A")
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(errors.LoyalDeskError) as info:
        backup.create_backup(db, "manual", folder=blocker / "backups")
    assert isinstance(info.value, backup.BackupFolderError)
    assert "cannot be written" in info.value.message

    folder = tmp_path / "backups"
    folder.mkdir()

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    from loyaldesk.core import scratch

    monkeypatch.setattr(scratch.HeldTemp, "__init__", denied)  # the temporary backup cannot be created
    with pytest.raises(backup.BackupFolderError):
        backup.create_backup(db, "manual", folder=folder)
    assert files_in(folder) == []
    assert db.scalar("SELECT COUNT(*) FROM clients") == 1


def test_full_disk_leaves_no_partial_file(db, tmp_path, monkeypatch):
    for i in range(50):
        add_client(db, f"client {i}")
    folder = tmp_path / "backups"
    (folder / "keep").mkdir(parents=True)

    def fills_the_disk(src, dest, progress):
        src.backup(dest, pages=1, progress=lambda status, remaining, total: None)  # something written
        assert Path(dest.execute("PRAGMA database_list").fetchone()[2]).stat().st_size > 0
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(backup, "_run_backup", fills_the_disk)
    with pytest.raises(errors.DiskFullError) as info:
        backup.create_backup(db, "manual", folder=folder)
    assert "disk is full" in info.value.message and "Nothing was changed" in info.value.message
    assert files_in(folder) == ["keep"]

    def no_space(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.undo()
    monkeypatch.setattr(backup.os, "replace", no_space)
    with pytest.raises(backup.BackupDiskFullError):
        backup.create_backup(db, "manual", folder=folder)
    assert files_in(folder) == ["keep"]
    assert db.scalar("SELECT COUNT(*) FROM clients") == 50


def test_progress_is_reported_and_can_abort(db, tmp_path):
    for i in range(20):
        add_client(db, f"client {i}")
    seen = []
    made = backup.create_backup(db, "manual", progress=seen.append)
    assert seen and seen[-1] == 1.0 and made.exists()

    class Stop(Exception):
        pass

    def stop(_fraction):
        raise Stop()

    folder = tmp_path / "aborted"
    with pytest.raises(Stop):
        backup.create_backup(db, "manual", folder=folder, progress=stop)
    assert files_in(folder) == []


def test_backup_on_open_skips_an_empty_database(db):
    assert backup.backup_on_open(db) is None
    assert backup.list_backups(db.path) == []
    add_client(db, "A")
    made = backup.backup_on_open(db)
    assert made is not None and made.name.endswith("-open.db")


# --- rotation -------------------------------------------------------------------------------
def fake_backups(folder: Path, stamps: list[dt.datetime], reason="open") -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for stamp in stamps:
        path = folder / f"test-{stamp:%Y%m%d-%H%M%S}-{reason}.db"
        path.write_bytes(b"")
        made.append(path)
    return made


def test_rotation_keeps_the_last_n_and_one_per_month(tmp_path):
    folder = tmp_path / "backups"
    now = dt.datetime(2026, 11, 23, 12, 0, 0)
    stamps = [dt.datetime(2025, 1, 1, 9, 0) + dt.timedelta(days=3 * i) for i in range(230)]
    stamps = [s for s in stamps if s <= now]
    made = fake_backups(folder, stamps)
    (folder / "notes.txt").write_text("not a backup")
    deleted = backup.rotate(folder, keep_last=10, keep_monthly=12, now=now)

    newest_first = sorted(stamps, reverse=True)
    expected = set(newest_first[:10])
    months = set()
    for i in range(12):
        index = 2026 * 12 + 10 - i
        months.add((index // 12, index % 12 + 1))
    for month in months:
        in_month = [s for s in newest_first if (s.year, s.month) == month]
        if in_month:
            expected.add(in_month[0])
    kept = {backup.parse_backup_name(p.name)[0] for p in folder.glob("*.db")}
    assert kept == expected
    assert len(kept) == 10 + 10  # the last ten (30 days) already hold the newest of October and November
    assert len(deleted) == len(made) - len(kept)
    assert (folder / "notes.txt").exists()
    # nothing older than twelve months survives
    assert min(kept) >= dt.datetime(2025, 12, 1)


def test_rotation_respects_protect_and_zero_months(tmp_path):
    folder = tmp_path / "backups"
    now = dt.datetime(2026, 11, 23)
    made = fake_backups(folder, [dt.datetime(2026, 1, d) for d in range(1, 8)])
    backup.rotate(folder, keep_last=2, keep_monthly=0, protect=[made[0]], now=now)
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in (made[0], made[5], made[6]))


def test_create_backup_rotates_with_the_practice_settings_and_keeps_the_new_one(db):
    add_client(db, "A")
    practice.save(db, practice.PracticeSettings(backup_keep_last=3, backup_keep_monthly=0))
    folder = backup.backup_folder(db.path)
    # Backups dated in the future would all rank before the new one: it is kept all the same.
    future = fake_backups(folder, [dt.datetime(2099, 1, d) for d in range(1, 6)])
    made = backup.create_backup(db, "manual")
    remaining = set(folder.iterdir())
    assert made in remaining
    assert remaining == {made, *future[-3:]}
    for path in future:
        path.unlink(missing_ok=True)
    for _ in range(5):
        backup.create_backup(db, "manual")
    assert len(list(folder.iterdir())) == 3


def test_backup_settings_are_validated():
    practice.PracticeSettings(backup_keep_last=1, backup_keep_monthly=0).validate()
    for bad in (dict(backup_keep_last=0), dict(backup_keep_last=5000), dict(backup_keep_monthly=-1),
                dict(backup_keep_last=True), dict(backup_keep_monthly="12")):
        with pytest.raises(errors.ValidationError) as info:
            practice.PracticeSettings(**bad).validate()
        assert info.value.field in ("backup_keep_last", "backup_keep_monthly")
        assert "backup" in info.value.message


def test_settings_round_trip(db):
    practice.save(db, practice.PracticeSettings(backup_keep_last=4, backup_keep_monthly=24))
    loaded = practice.load(db)
    assert (loaded.backup_keep_last, loaded.backup_keep_monthly) == (4, 24)


# --- listing --------------------------------------------------------------------------------
def test_list_backups_newest_first_with_client_counts(db):
    add_client(db, "A")
    add_client(db, "B")
    first = backup.create_backup(db, "open")
    add_client(db, "C")
    second = backup.create_backup(db, "import")
    junk = backup.backup_folder(db.path) / "test-20200101-000000-manual.db"
    junk.write_bytes(b"garbage, not sqlite" * 100)
    listed = backup.list_backups(db.path)
    assert [b.path for b in listed] == [second, first, junk]
    assert [b.clients for b in listed] == [3, 2, None]
    assert [b.reason for b in listed] == ["import", "open", "manual"]
    assert listed[0].schema_version == LATEST_VERSION and listed[2].schema_version is None
    assert listed[0].size_bytes == second.stat().st_size > 0
    assert listed[2].created == dt.datetime(2020, 1, 1)
    assert not any(p.name.endswith(("-wal", "-shm")) for p in junk.parent.iterdir())  # listing writes nothing


def test_list_backups_of_a_database_without_backups(tmp_path):
    assert backup.list_backups(tmp_path / "never.db") == []


def test_migration_backup_goes_to_the_database_folder(tmp_path, monkeypatch):
    from loyaldesk.core import db as dbmod
    from loyaldesk.core import migrations

    path = tmp_path / "test.db"
    with open_database(path) as db:
        add_client(db, "A")
    extra = migrations.Migration(LATEST_VERSION + 1, "test column",
                                 lambda conn: conn.execute("ALTER TABLE clients ADD COLUMN extra TEXT DEFAULT ''"))
    monkeypatch.setattr(dbmod, "MIGRATIONS", migrations.MIGRATIONS + (extra,))
    monkeypatch.setattr(dbmod, "LATEST_VERSION", LATEST_VERSION + 1)
    open_database(path).close()
    listed = backup.list_backups(path)
    assert len(listed) == 1
    assert listed[0].reason == "migration" and listed[0].clients == 1
    assert listed[0].schema_version == LATEST_VERSION
    assert listed[0].path.name.startswith(f"test-schema{LATEST_VERSION}-")


# --- restoring ------------------------------------------------------------------------------
def table_dump(path) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return [tuple(r) for r in conn.execute("SELECT * FROM clients ORDER BY id")]
    finally:
        conn.close()


def test_restore_backs_up_the_current_state_first(tmp_path):
    path = tmp_path / "test.db"
    with open_database(path) as db:
        add_client(db, "A")
        add_client(db, "B")
        saved = backup.create_backup(db, "manual")
        add_client(db, "C after the backup")
        with db.transaction() as conn:
            conn.execute("UPDATE clients SET name = 'A renamed' WHERE name = 'A'")
    safety = backup.restore_backup(path, saved)
    assert safety is not None and safety.name.endswith("-restore.db")
    assert safety.parent == backup.backup_folder(path)
    assert names(safety) == ["A renamed", "B", "C after the backup"]  # nothing is lost
    assert table_dump(path) == table_dump(saved)
    assert saved.exists()
    with open_database(path) as db:
        assert [r["name"] for r in db.query("SELECT name FROM clients ORDER BY id")] == ["A", "B"]
        assert db.scalar("PRAGMA journal_mode") == "wal"
        assert db.scalar("PRAGMA integrity_check") == "ok"
        add_client(db, "D")  # writable as before
    reasons = [b.reason for b in backup.list_backups(path)]
    assert sorted(reasons) == ["manual", "restore"]


def test_restore_into_a_missing_database(tmp_path):
    path = tmp_path / "test.db"
    with open_database(path) as db:
        add_client(db, "A")
        saved = backup.create_backup(db, "manual")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    assert backup.restore_backup(path, saved) is None
    assert names(path) == ["A"]


def _live_state(path: Path) -> tuple:
    return (table_dump(path), files_in(backup.backup_folder(path)))


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty", "foreign", "missing"])
def test_a_damaged_backup_is_refused_and_the_database_untouched(tmp_path, damage):
    path = tmp_path / "test.db"
    with open_database(path) as db:
        add_client(db, "A")
        for i in range(200):
            add_client(db, f"filler {i}", notes="x" * 200)
        good = backup.create_backup(db, "manual")
    bad = tmp_path / "bad.db"
    if damage == "garbage":
        bad.write_bytes(b"this is not a database" * 500)
    elif damage == "truncated":
        bad.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    elif damage == "empty":
        sqlite3.connect(bad).close()
    elif damage == "foreign":
        conn = sqlite3.connect(bad)
        conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY)")
        conn.commit()
        conn.close()
    before = _live_state(path)
    with pytest.raises(backup.InvalidBackupError) as info:
        backup.restore_backup(path, bad)
    assert "not changed" in info.value.message or "not found" in info.value.message
    assert _live_state(path) == before  # and no safety backup either: nothing happened


def test_a_backup_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "test.db"
    with open_database(path) as db:
        add_client(db, "A")
        newer = backup.create_backup(db, "manual")
        add_client(db, "B")
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 3}")
    conn.commit()
    conn.close()
    before = _live_state(path)
    with pytest.raises(backup.NewerBackupError) as info:
        backup.restore_backup(path, newer)
    assert "newer version of LoyalDesk" in info.value.message
    assert isinstance(info.value, errors.NewerDatabaseError)
    assert _live_state(path) == before
    assert names(path) == ["A", "B"]


def test_restoring_the_database_onto_itself_is_refused(tmp_path):
    path = tmp_path / "test.db"
    with open_database(path) as db:
        add_client(db, "A")
    with pytest.raises(errors.LoyalDeskError) as info:
        backup.restore_backup(path, path)
    assert "the database itself" in info.value.message
    assert names(path) == ["A"]


def test_a_damaged_live_database_is_copied_aside_before_the_restore(tmp_path):
    path = tmp_path / "test.db"
    with open_database(path) as db:
        add_client(db, "A")
        saved = backup.create_backup(db, "manual")
    damaged = b"scribbled over" * 1000
    path.write_bytes(damaged)
    safety = backup.restore_backup(path, saved)
    assert safety.read_bytes() == damaged
    assert names(path) == ["A"]


def test_restore_into_a_read_only_database_says_so(tmp_path, monkeypatch):
    path = tmp_path / "test.db"
    with open_database(path) as db:
        add_client(db, "A")
        saved = backup.create_backup(db, "manual")
        add_client(db, "B")
    real_access = os.access
    monkeypatch.setattr(backup.os, "access", lambda p, mode: False if mode == os.W_OK else real_access(p, mode))
    with pytest.raises(errors.ReadOnlyDatabaseError):
        backup.restore_backup(path, saved)
    monkeypatch.undo()
    assert names(path) == ["A", "B"]


def test_restore_while_the_database_is_open_elsewhere_is_refused(tmp_path):
    path = tmp_path / "test.db"
    db = open_database(path)
    try:
        add_client(db, "A")
        saved = backup.create_backup(db, "manual")
        add_client(db, "B")
        with pytest.raises(errors.DatabaseLockedError) as info:
            backup.restore_backup(path, saved)
        assert "in use by another program" in info.value.message
        assert db.scalar("SELECT COUNT(*) FROM clients") == 2
        add_client(db, "C")  # still writable: nothing was changed
    finally:
        db.close()
    assert names(path) == ["A", "B", "C"]
