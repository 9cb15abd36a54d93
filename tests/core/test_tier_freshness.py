"""The stored tiers are stale exactly when something they are computed from changed (schema 10's
triggers catch the edits the fingerprint cannot see), and a report read with the stored scores
and ranks is the report computed from scratch."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

import pytest

from loyaldesk.core import loyalty
from loyaldesk.core.clients import ClientRepository
from loyaldesk.core.loyalty import compute_loyalty, refresh_tiers, tiers_stale
from tests.conftest import AS_OF, add_client, add_touchpoint


def ago(days: int) -> str:
    return (AS_OF - dt.timedelta(days=days)).isoformat()


@pytest.fixture
def ladder(db):
    """Eight ranked clients of decreasing strength (client k: 9 - k sessions) and a contact each."""
    ids = []
    with db.transaction() as conn:
        for k in range(1, 9):
            cid = conn.execute("INSERT INTO clients (name, created_at) VALUES (?, '2015-01-01')", (f"c{k}",)).lastrowid
            conn.executemany("INSERT INTO sessions (client_id, date, fee) VALUES (?, ?, 10000)",
                             [(cid, ago(d)) for d in [400] + [10 * j for j in range(1, 9 - k)]])
            ids.append(cid)
    for cid in ids:
        add_touchpoint(db, cid, ago(200))
    refresh_tiers(db, AS_OF)
    assert not tiers_stale(db, AS_OF)
    return ids


def first_session(db, client_id: int) -> int:
    return db.scalar("SELECT MIN(id) FROM sessions WHERE client_id = ?", (client_id,))


# Edits that keep every count, newest id, newest date and total the fingerprint sums up, yet
# change scores: only the triggers of schema 10 tell.
EDITS = {
    "a session moved to another day": lambda db, ids: (
        "UPDATE sessions SET date = ? WHERE id = ?", (ago(380), first_session(db, ids[7]))),
    "a session moved to another client": lambda db, ids: (
        "UPDATE sessions SET client_id = ? WHERE client_id = ? AND date = ?", (ids[6], ids[5], ago(20))),
    "a contact moved to another day": lambda db, ids: (
        "UPDATE touchpoints SET date = ? WHERE client_id = ?", (ago(210), ids[7])),
    "a contact moved to another client": lambda db, ids: (
        "UPDATE touchpoints SET client_id = ? WHERE client_id = ?", (ids[0], ids[7])),
}


@pytest.mark.parametrize("edit", EDITS)
def test_an_edit_the_fingerprint_cannot_see_makes_the_tiers_stale(db, ladder, edit):
    sql, params = EDITS[edit](db, ladder)
    fingerprint = loyalty._fingerprint(db, loyalty.practice.load(db))
    with db.transaction() as conn:
        conn.execute(sql, params)
    assert loyalty._fingerprint(db, loyalty.practice.load(db)) == fingerprint  # the sums did not move
    assert tiers_stale(db, AS_OF)
    refresh_tiers(db, AS_OF)
    assert not tiers_stale(db, AS_OF)


def test_deleting_and_archiving_make_the_tiers_stale_and_other_edits_do_not(db, ladder):
    with db.transaction() as conn:  # what the tiers are not computed from
        conn.execute("UPDATE clients SET name = 'C one', notes = 'prefers mornings', cadence_days = 20 WHERE id = ?",
                     (ladder[0],))
        conn.execute("UPDATE sessions SET topic = 'Pricing', date = date, fee = fee WHERE client_id = ?", (ladder[1],))
        conn.execute("UPDATE touchpoints SET note = 'called back' WHERE client_id = ?", (ladder[2],))
    assert not tiers_stale(db, AS_OF)
    for sql, params in (("DELETE FROM touchpoints WHERE client_id = ?", (ladder[3],)),
                        ("DELETE FROM sessions WHERE id = ?", (first_session(db, ladder[4]),)),
                        ("UPDATE clients SET archived = 1 WHERE id = ?", (ladder[5],)),
                        ("DELETE FROM clients WHERE id = ?", (ladder[6],))):
        with db.transaction() as conn:
            conn.execute(sql, params)
        assert tiers_stale(db, AS_OF), sql
        refresh_tiers(db, AS_OF)
        assert not tiers_stale(db, AS_OF)


def test_a_report_with_the_stored_scores_is_the_computed_report(db, ladder):
    add_client(db, "newcomer", created="2026-11-01")  # a prospect: no score, no rank
    refresh_tiers(db, AS_OF)
    computed = compute_loyalty(db, AS_OF)
    stored = compute_loyalty(db, AS_OF, use_stored=True)
    assert [dataclasses.astuple(c) for c in stored.clients] == [dataclasses.astuple(c) for c in computed.clients]
    assert stored.summary == computed.summary
    assert [c.tier for c in stored.clients[:8]] == ["vip"] * 2 + ["candidate"] * 2 + ["regular"] * 4


def test_stored_scores_are_not_used_once_the_data_changed(db, ladder):
    # a wrong score in client_tiers, as if the data had changed since the refresh: with the
    # tiers stale, the scores are computed again
    with db.transaction() as conn:
        conn.execute("UPDATE client_tiers SET score = 0.0, rank = 99 WHERE client_id = ?", (ladder[0],))
        conn.execute("UPDATE sessions SET date = ? WHERE id = ?", (ago(390), first_session(db, ladder[7])))
    assert tiers_stale(db, AS_OF)
    report = compute_loyalty(db, AS_OF, use_stored=True)
    assert report.by_id()[ladder[0]].rank == 1 and report.by_id()[ladder[0]].tier == "vip"
    assert [dataclasses.astuple(c) for c in report.clients] == [
        dataclasses.astuple(c) for c in compute_loyalty(db, AS_OF).clients]


def test_stored_scores_missing_for_a_client_are_computed(db, ladder):
    with db.transaction() as conn:
        conn.execute("DELETE FROM client_tiers WHERE client_id = ?", (ladder[2],))  # client_tiers is not an input
    assert not tiers_stale(db, AS_OF)
    report = compute_loyalty(db, AS_OF, use_stored=True)
    assert report.by_id()[ladder[2]].rank == 3
    assert [dataclasses.astuple(c) for c in report.clients] == [
        dataclasses.astuple(c) for c in compute_loyalty(db, AS_OF).clients]


def test_archiving_one_and_restoring_another_marks_the_tiers_stale(db, ladder):
    repo = ClientRepository(db)
    repo.set_archived(ladder[0], True)
    refresh_tiers(db, AS_OF)
    fingerprint = loyalty._fingerprint(db, loyalty.practice.load(db))
    repo.set_archived(ladder[1], True)
    repo.set_archived(ladder[0], False)  # as many archived clients as at the refresh
    assert loyalty._fingerprint(db, loyalty.practice.load(db)) == fingerprint
    assert tiers_stale(db, AS_OF)
    assert compute_loyalty(db, AS_OF, use_stored=True).by_id()[ladder[0]].tier == "vip"


@pytest.mark.parametrize("seed", range(12))
def test_plain_python_and_numpy_rank_to_the_same_floats(seed):
    # below NUMPY_FROM scored clients the ranks are computed without numpy: the same scores to
    # the last bit and the same ranks, ties included (few distinct values: many ties)
    rng = random.Random(seed)
    n = rng.choice([1, 2, 3, 7, 200, 2500])
    spread = rng.choice([3, 50, 10_000])
    rows = [(cid, rng.randrange(spread) * 5000, rng.randrange(1, spread + 1), rng.randrange(1, 7),
             rng.randrange(spread) * 1000, rng.randrange(spread), -rng.randrange(spread * 7))
            for cid in range(1, n + 1)]
    python, numpy = loyalty._score_rows_python(rows), loyalty._score_rows_numpy(rows)
    assert python == numpy
    assert [type(x) for x in python[1]] == [float] * n and [type(x) for x in python[2]] == [int] * n
    if n > 2:
        assert min(python[2]) == 1 and 0 <= min(python[1]) <= max(python[1]) <= 1
