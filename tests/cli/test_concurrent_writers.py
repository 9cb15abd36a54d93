"""Read-then-write commands run twice at once decide inside their write transaction (BEGIN IMMEDIATE):
two tier refreshes of the same file in two processes leave exactly what one refresh leaves (one
history row per client and day, no refresh lost or doubled)."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys

AS_OF = "2026-11-23"


def _stored(db):
    conn = sqlite3.connect(db)
    try:
        return {
            "client_tiers": conn.execute("SELECT client_id, tier, score, rank, computed_on FROM client_tiers "
                                         "ORDER BY client_id").fetchall(),
            "tier_history": conn.execute("SELECT client_id, date, from_tier, to_tier FROM tier_history "
                                         "ORDER BY client_id, date, id").fetchall(),
            "refresh": conn.execute("SELECT as_of, fingerprint FROM tier_refresh").fetchall(),
        }
    finally:
        conn.close()


def _tiers(db):
    return subprocess.Popen([sys.executable, "-m", "loyaldesk", "tiers", "--db", str(db), "--as-of", AS_OF, "--json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_two_tier_refreshes_at_once_leave_what_one_leaves(tmp_path):
    template = tmp_path / "template.db"
    subprocess.run([sys.executable, "-m", "loyaldesk", "demo", "--db", str(template), "--clients", "150", "--seed", "9"],
                   check=True, capture_output=True)
    conn = sqlite3.connect(template)  # the stored tiers are stale: both commands refresh them
    conn.execute("DELETE FROM tier_refresh")
    conn.commit()
    conn.close()
    single = shutil.copy(template, tmp_path / "single.db")
    proc = _tiers(single)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    expected = _stored(single)
    assert expected["refresh"] and expected["tier_history"]
    for attempt in range(3):
        db = shutil.copy(template, tmp_path / f"both{attempt}.db")
        procs = [_tiers(db) for _ in range(2)]
        outputs = [p.communicate(timeout=180) for p in procs]
        assert [p.returncode for p in procs] == [0, 0], [e for _, e in outputs]
        assert outputs[0][0] == outputs[1][0] == out
        got = _stored(db)
        keys = [(c, d) for c, d, _, _ in got["tier_history"]]
        assert len(keys) == len(set(keys))  # one history row per client and day
        assert got == expected
