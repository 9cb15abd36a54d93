"""Shared fixtures. Nothing here touches the user's real folders: LOYALDESK_HOME is a temp dir."""

from __future__ import annotations

import datetime as dt
import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("LOYALDESK_HOME", str(home))
    monkeypatch.delenv("LOYALDESK_DB", raising=False)
    monkeypatch.setenv("LOYALDESK_LANG", "en")
    from loyaldesk.core.i18n import set_language

    set_language("en")
    yield home
    set_language("en")


@pytest.fixture
def db(tmp_path):
    from loyaldesk.core.db import open_database

    database = open_database(tmp_path / "test.db")
    yield database
    database.close()


AS_OF = dt.date(2026, 11, 23)


@pytest.fixture
def as_of():
    return AS_OF


def add_client(db, name="山田 太郎", created="2026-01-01", **extra):
    """Insert a client with only the documented columns, as another tool would."""
    cols = {"name": name, "created_at": created} | extra
    keys = ", ".join(cols)
    marks = ", ".join("?" for _ in cols)
    with db.transaction() as conn:
        cur = conn.execute(f"INSERT INTO clients ({keys}) VALUES ({marks})", tuple(cols.values()))
    return cur.lastrowid


def add_session(db, client_id, date, fee=10000, topic="", kind="個別相談"):
    with db.transaction() as conn:
        conn.execute(
            "INSERT INTO sessions (client_id, date, kind, duration_minutes, fee, topic, notes) VALUES (?, ?, ?, 60, ?, ?, '')",
            (client_id, date, kind, fee, topic),
        )


def add_touchpoint(db, client_id, date, channel="call", note=""):
    with db.transaction() as conn:
        conn.execute("INSERT INTO touchpoints (client_id, date, channel, note) VALUES (?, ?, ?, ?)",
                     (client_id, date, channel, note))
