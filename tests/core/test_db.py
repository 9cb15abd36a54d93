import datetime as dt
import os
import sqlite3
import stat
import sys

import pytest

from loyaldesk.core import errors
from loyaldesk.core.db import open_database
from loyaldesk.core.migrations import APPLICATION_ID, LATEST_VERSION


def table_columns(db, table):
    return [r["name"] for r in db.query(f"PRAGMA table_info({table})")]


def test_fresh_database_has_documented_schema(tmp_path):
    with open_database(tmp_path / "new.db") as db:
        assert db.schema_version == LATEST_VERSION
        assert table_columns(db, "clients")[:19] == [
            "id", "name", "name_kana", "honorific", "company", "title", "email", "phone", "postal_code",
            "address1", "address2", "birthday", "referred_by", "source", "cadence_days", "notes",
            "do_not_contact", "archived", "created_at",
        ]
        assert table_columns(db, "sessions") == ["id", "client_id", "date", "kind", "duration_minutes", "fee", "topic", "notes",
                                                 "foreign_currency", "foreign_fee", "calendar_uid",
                                                 "calendar_recurrence_id"]
        assert table_columns(db, "touchpoints") == ["id", "client_id", "date", "channel", "note"]
        assert table_columns(db, "tags")[:3] == ["id", "name", "category"]
        assert table_columns(db, "client_tags") == ["client_id", "tag_id", "since"]
        assert db.scalar("PRAGMA foreign_keys") == 1
        assert db.scalar("PRAGMA journal_mode") == "wal"
        assert db.scalar("PRAGMA application_id") == APPLICATION_ID


def test_builtin_roles_in_the_ui_language(tmp_path):
    from loyaldesk.core.i18n import set_language

    with open_database(tmp_path / "en.db") as db:
        names = {r["builtin_key"]: r["name"] for r in db.query("SELECT * FROM tags WHERE category = 'role'")}
    assert names["event_committee"] == "Event committee"
    assert set(names) == {"event_committee", "sns_admin", "community_host", "study_group_host", "ambassador"}
    set_language("ja")
    with open_database(tmp_path / "ja.db") as db:
        names = {r["builtin_key"]: r["name"] for r in db.query("SELECT * FROM tags WHERE category = 'role'")}
    assert names["event_committee"] == "イベント実行委員"
    assert names["ambassador"] == "アンバサダー"


def test_opening_twice_is_idempotent(tmp_path):
    path = tmp_path / "x.db"
    with open_database(path) as db:
        with db.transaction() as conn:
            conn.execute("INSERT INTO clients (name) VALUES ('A')")
    with open_database(path) as db:
        assert db.schema_version == LATEST_VERSION
        assert db.scalar("SELECT COUNT(*) FROM clients") == 1
        assert db.scalar("SELECT COUNT(*) FROM tags WHERE category = 'role'") == 5


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_new_file_is_private(tmp_path):
    path = tmp_path / "private.db"
    open_database(path).close()
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_newer_database_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "newer.db"
    open_database(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 5}")
    conn.execute("INSERT INTO clients (name) VALUES ('kept')")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(errors.NewerDatabaseError) as info:
        open_database(path)
    assert "newer version of LoyalDesk" in info.value.message
    assert path.read_bytes() == before


def test_missing_file_without_create(tmp_path):
    with pytest.raises(errors.DatabaseNotFoundError) as info:
        open_database(tmp_path / "missing.db", create=False)
    assert "not found" in info.value.message
    assert not (tmp_path / "missing.db").exists()


def test_not_a_database(tmp_path):
    path = tmp_path / "clients.csv"
    path.write_text("name,email\nA,a@example.com\n" * 200)
    with pytest.raises(errors.NotADatabaseError):
        open_database(path)
    assert path.read_text().startswith("name,email")


def test_foreign_sqlite_file_is_not_changed(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    with pytest.raises(errors.DatabaseError) as info:
        open_database(path)
    assert "another program" in info.value.message


def test_locked_database_gives_clear_message(tmp_path):
    path = tmp_path / "locked.db"
    db = open_database(path)
    other = sqlite3.connect(path, timeout=0)
    other.execute("BEGIN EXCLUSIVE")
    try:
        db.conn.execute("PRAGMA busy_timeout = 50")
        from loyaldesk.core.clients import ClientRepository
        from loyaldesk.core.models import Client

        with pytest.raises(errors.DatabaseLockedError) as info:
            ClientRepository(db).create(Client(None, "Blocked"))
        assert "in use by another program" in info.value.message
    finally:
        other.rollback()
        other.close()
    assert db.scalar("SELECT COUNT(*) FROM clients") == 0
    db.close()


def test_read_only_database_opens_for_reading(tmp_path):
    from tests.read_only_fs import read_only

    path = tmp_path / "ro.db"
    with open_database(path) as db:
        with db.transaction() as conn:
            conn.execute("INSERT INTO clients (name) VALUES ('A')")
    with read_only(path), open_database(path) as db:
        assert db.read_only
        assert db.scalar("SELECT COUNT(*) FROM clients") == 1


def test_failed_transaction_leaves_nothing(db):
    with pytest.raises(RuntimeError):
        with db.transaction() as conn:
            conn.execute("INSERT INTO clients (name) VALUES ('half')")
            raise RuntimeError("boom")
    assert db.scalar("SELECT COUNT(*) FROM clients") == 0


def test_upgrade_backs_up_before_migrating(tmp_path, monkeypatch):
    """An older schema is copied aside before it is upgraded."""
    from loyaldesk.core import db as dbmod
    from loyaldesk.core import migrations

    path = tmp_path / "old.db"
    open_database(path).close()
    extra = migrations.Migration(LATEST_VERSION + 1, "test column",
                                 lambda conn: conn.execute("ALTER TABLE clients ADD COLUMN extra TEXT DEFAULT ''"))
    monkeypatch.setattr(dbmod, "MIGRATIONS", migrations.MIGRATIONS + (extra,))
    monkeypatch.setattr(dbmod, "LATEST_VERSION", LATEST_VERSION + 1)
    backups = tmp_path / "backups"
    with open_database(path, backup_dir=backups) as db:
        assert db.schema_version == LATEST_VERSION + 1
        assert "extra" in table_columns(db, "clients")
    saved = list(backups.glob("old-schema*.db"))
    assert len(saved) == 1
    conn = sqlite3.connect(saved[0])
    assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    conn.close()


def test_rows_with_only_documented_columns_are_valid(db):
    with db.transaction() as conn:
        conn.execute(
            "INSERT INTO clients (id, name, name_kana, honorific, company, title, email, phone, postal_code, address1,"
            " address2, birthday, referred_by, source, cadence_days, notes, do_not_contact, archived, created_at)"
            " VALUES (1, 'A', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, 0, '2026-01-01')")
        conn.execute("INSERT INTO sessions (id, client_id, date, kind, duration_minutes, fee, topic, notes) VALUES (1, 1, '2026-02-01', NULL, NULL, 5000, NULL, NULL)")
        conn.execute("INSERT INTO touchpoints (id, client_id, date, channel, note) VALUES (1, 1, '2026-03-01', 'letter', NULL)")
        conn.execute("INSERT INTO tags (id, name, category) VALUES (100, 'VIP候補', 'segment')")
        conn.execute("INSERT INTO client_tags (client_id, tag_id, since) VALUES (1, 100, '2026-03-01')")
    from loyaldesk.core.clients import ClientRepository

    rows = ClientRepository(db).list_rows()
    assert rows[0].name == "A" and rows[0].sessions == 1 and rows[0].tags == ("VIP候補",)


def test_foreign_keys_enforced(db):
    with pytest.raises(errors.DatabaseError):
        with db.transaction() as conn:
            conn.execute("INSERT INTO sessions (client_id, date) VALUES (999, '2026-01-01')")


def test_read_only_file_is_opened_read_only_and_writes_explain_why(tmp_path, monkeypatch):
    """A read-only file (simulated: the tests may run as root) opens for reading; a write says why."""
    from loyaldesk.core import db as dbmod
    from loyaldesk.core.clients import ClientRepository
    from loyaldesk.core.models import Client

    path = tmp_path / "ro.db"
    with open_database(path) as db:
        with db.transaction() as conn:
            conn.execute("INSERT INTO clients (name) VALUES ('kept')")
    real_access = os.access
    monkeypatch.setattr(dbmod.os, "access", lambda p, mode: False if mode == os.W_OK else real_access(p, mode))
    with open_database(path) as db:
        assert db.read_only
        assert [r.name for r in ClientRepository(db).list_rows()] == ["kept"]
        with pytest.raises(errors.ReadOnlyDatabaseError) as info:
            ClientRepository(db).create(Client(None, "new"))
        assert "read-only" in info.value.message


def test_schema_1_database_upgrades_to_the_loyalty_tables(tmp_path, monkeypatch):
    """A file written before the loyalty engine (schema 1) opens, is backed up and gains its tables."""
    from loyaldesk.core import db as dbmod
    from loyaldesk.core import migrations
    from loyaldesk.core.loyalty import refresh_tiers, tier_history

    path = tmp_path / "v1.db"
    monkeypatch.setattr(dbmod, "MIGRATIONS", migrations.MIGRATIONS[:1])
    monkeypatch.setattr(dbmod, "LATEST_VERSION", 1)
    with open_database(path) as db:
        assert db.schema_version == 1
        with db.transaction() as conn:
            conn.execute("INSERT INTO clients (id, name, created_at) VALUES (1, 'Kept', '2020-01-01')")
            conn.execute("INSERT INTO sessions (client_id, date, fee) VALUES (1, '2026-01-10', 30000)")
        assert "client_tiers" not in {r[0] for r in db.query("SELECT name FROM sqlite_master", plain=True)}
    monkeypatch.undo()
    backups = tmp_path / "backups"
    with open_database(path, backup_dir=backups) as db:
        assert db.schema_version == LATEST_VERSION >= 2
        assert table_columns(db, "client_tiers") == ["client_id", "tier", "score", "rank", "computed_on"]
        assert table_columns(db, "tier_history") == ["id", "client_id", "date", "from_tier", "to_tier"]
        assert table_columns(db, "suggestion_decisions") == [
            "id", "client_id", "kind", "cycle", "decision", "decided_on", "snooze_until", "note"]
        assert db.scalar("SELECT name FROM clients WHERE id = 1") == "Kept"
        refresh_tiers(db, dt.date(2026, 11, 23))
        assert [(c.name, c.from_tier, c.to_tier) for c in tier_history(db)] == [("Kept", None, "vip")]
        with pytest.raises(errors.DatabaseError):  # the decision must be one of the three
            with db.transaction() as conn:
                conn.execute("INSERT INTO suggestion_decisions (client_id, kind, decision) VALUES (1, 'thank_you', 'maybe')")
        with db.transaction() as conn:  # only the required columns: every other one has a default
            conn.execute("INSERT INTO suggestion_decisions (client_id, kind) VALUES (1, 'thank_you')")
        row = db.query_one("SELECT cycle, decision, decided_on, snooze_until, note FROM suggestion_decisions")
        assert (row["cycle"], row["decision"], row["snooze_until"], row["note"]) == ("", "done", None, "")
        assert dt.date.fromisoformat(row["decided_on"])
    assert len(list(backups.glob("v1-schema1-*.db"))) == 1
