"""The practice's currency setting: stored with the practice, never converting amounts."""

import pytest

from loyaldesk.core import practice
from loyaldesk.core.errors import ValidationError
from tests.conftest import add_client, add_session


def test_default_is_yen(db):
    assert practice.currency(db) == "JPY"


def test_set_on_an_empty_practice(db):
    assert practice.set_currency(db, "eur") == "EUR"
    assert practice.currency(db) == "EUR"


def test_a_practice_with_sessions_keeps_its_amounts(db):
    cid = add_client(db)
    add_session(db, cid, "2026-03-01", fee=30000)
    with pytest.raises(ValidationError) as info:
        practice.set_currency(db, "USD")
    assert info.value.field == "currency" and "not converted" in info.value.message
    assert practice.currency(db) == "JPY"
    practice.set_currency(db, "USD", keep_amounts=True)  # the user was told and agreed
    assert practice.currency(db) == "USD"
    assert db.scalar("SELECT fee FROM sessions") == 30000  # now read as $300.00


def test_an_unknown_stored_code_falls_back_to_yen(db):
    with db.transaction() as conn:
        conn.execute("INSERT INTO settings (key, value) VALUES ('currency', '\"ZZZ\"')")
    assert practice.currency(db) == "JPY"
    settings = practice.load(db)
    settings.currency = "ABC"
    with pytest.raises(ValidationError):
        practice.save(db, settings)


def test_the_currency_migration_keeps_the_yen_of_an_older_file(tmp_path):
    import sqlite3

    from loyaldesk.core import migrations
    from loyaldesk.core.db import open_database

    path = tmp_path / "older.db"
    with open_database(path) as db:
        add_session(db, add_client(db), "2026-03-01", fee=30000)
    conn = sqlite3.connect(path)  # as schema 10 wrote it: no currency columns on sessions
    conn.execute("ALTER TABLE sessions DROP COLUMN foreign_fee")
    conn.execute("ALTER TABLE sessions DROP COLUMN foreign_currency")
    migrations._m011_session_currency(conn)
    migrations._m011_session_currency(conn)  # a second run changes nothing
    assert conn.execute("SELECT fee, foreign_currency, foreign_fee FROM sessions").fetchall() == [(30000, None, None)]
    conn.commit()
    conn.close()
