"""session_stats: the per-client session figures the triggers keep, always equal to a recount."""

from __future__ import annotations

import datetime as dt
import sqlite3

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loyaldesk.core import migrations
from loyaldesk.core.db import open_database

RECOUNT = """
SELECT s.client_id, COUNT(*), COALESCE(SUM(s.fee), 0), MIN(s.date), MAX(s.date), COUNT(DISTINCT substr(s.date, 1, 4))
FROM sessions s GROUP BY s.client_id ORDER BY s.client_id
"""


def stats(db) -> list[tuple]:
    return db.query("SELECT client_id, sessions, revenue, first_date, last_date, active_years FROM session_stats "
                    "ORDER BY client_id", plain=True)


def recount(db) -> list[tuple]:
    return db.query(RECOUNT, plain=True)


dates = st.dates(min_value=dt.date(2019, 1, 1), max_value=dt.date(2027, 12, 31)).map(dt.date.isoformat)
fees = st.one_of(st.none(), st.integers(min_value=0, max_value=2_000_000))
operations = st.lists(
    st.one_of(
        st.tuples(st.just("add"), st.integers(1, 4), dates, fees),
        st.tuples(st.just("delete"), st.integers(0, 30)),
        st.tuples(st.just("move"), st.integers(0, 30), st.integers(1, 4), dates),
        st.tuples(st.just("fee"), st.integers(0, 30), fees),
        st.tuples(st.just("delete_client"), st.integers(1, 4)),
        st.tuples(st.just("delete_day"), dates),
    ),
    max_size=40,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(operations)
def test_every_change_of_sessions_keeps_the_figures_equal_to_a_recount(tmp_path_factory, ops):
    db = open_database(tmp_path_factory.mktemp("stats") / "s.db")
    try:
        with db.transaction() as conn:
            conn.executemany("INSERT INTO clients (id, name) VALUES (?, ?)", [(i, f"c{i}") for i in range(1, 5)])
        for op in ops:
            ids = [r[0] for r in db.query("SELECT id FROM sessions ORDER BY id", plain=True)]
            # the session a delete, move or fee change applies to: the n-th, counting round
            pick = ids[op[1] % len(ids)] if ids and op[0] in ("delete", "move", "fee") else None
            with db.transaction() as conn:
                if op[0] == "add" and db.scalar("SELECT COUNT(*) FROM clients WHERE id = ?", (op[1],)):
                    conn.execute("INSERT INTO sessions (client_id, date, fee) VALUES (?, ?, ?)", op[1:])
                elif op[0] == "delete" and pick:
                    conn.execute("DELETE FROM sessions WHERE id = ?", (pick,))
                elif op[0] == "move" and pick and db.scalar("SELECT COUNT(*) FROM clients WHERE id = ?", (op[2],)):
                    conn.execute("UPDATE sessions SET client_id = ?, date = ? WHERE id = ?", (op[2], op[3], pick))
                elif op[0] == "fee" and pick:
                    conn.execute("UPDATE sessions SET fee = ? WHERE id = ?", (op[2], pick))
                elif op[0] == "delete_client":
                    conn.execute("DELETE FROM clients WHERE id = ?", (op[1],))  # its sessions go with it
                elif op[0] == "delete_day":
                    conn.execute("DELETE FROM sessions WHERE date = ?", (op[1],))
            assert stats(db) == recount(db)
    finally:
        db.close()


def test_a_database_of_the_previous_schema_gets_its_figures_when_upgraded(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("BEGIN")
    for migration in migrations.MIGRATIONS:
        if migration.number < 7:
            migration.apply(conn)
    conn.execute("PRAGMA user_version = 6")
    conn.execute(f"PRAGMA application_id = {migrations.APPLICATION_ID}")
    conn.executemany("INSERT INTO clients (id, name) VALUES (?, ?)", [(1, "A"), (2, "B"), (3, "C")])
    conn.executemany("INSERT INTO sessions (client_id, date, fee) VALUES (?, ?, ?)",
                     [(1, "2023-12-31", 1000), (1, "2024-01-02", None), (1, "2025-05-05", 3000), (2, "2026-01-01", 500)])
    conn.execute("COMMIT")
    conn.close()

    with open_database(path, backup_dir=tmp_path / "backups") as db:
        assert db.schema_version == migrations.LATEST_VERSION
        assert stats(db) == recount(db) == [(1, 3, 4000, "2023-12-31", "2025-05-05", 3),
                                            (2, 1, 500, "2026-01-01", "2026-01-01", 1)]
        with db.transaction() as c:
            c.execute("INSERT INTO sessions (client_id, date, fee) VALUES (3, '2026-02-02', 800)")
        assert stats(db)[-1] == (3, 1, 800, "2026-02-02", "2026-02-02", 1)
