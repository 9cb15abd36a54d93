"""Benchmark of the loyalty tiers: scores and tiers of every client, stored or not.

    .venv/bin/python benchmarks/bench_tiers.py [--sizes large] [--rebuild] [--runs 5]

The databases are those of bench_clients.py (benchmarks/data/, built once and reused):
small = 10,000 clients / 200,000 sessions / 100,000 touchpoints, large = 100,000 / 1,000,000 /
500,000, five years of history before the fixed as-of date 2025-06-30. Measured in-process on
one connection, median of RUNS after one warm-up, gc.collect() before each run, each of ours
alternating with the baseline:

- baseline: SELECT client_id, COUNT(*), SUM(fee), MIN(date), MAX(date) FROM sessions GROUP BY
  client_id, fetchall() into tuples (one pass over the same covering index);
- refresh_tiers(report=False) after an edit: a contact logged today for a random client, then
  compute and store the tiers of every client (client_tiers, tier_history, tier_refresh) in
  one transaction: what the app runs in the background after a change;
- refresh_tiers(report=False) on a new day: the same as of the next day (what the app runs
  when it opens on a new day, or past midnight);
- compute_loyalty: the same computation without storing, returning one ClientLoyalty (20 figures)
  per client and the summary: context (the tiers are the refresh; this adds 100,000 objects);
- refresh_tiers(report=True): both (what `loyaldesk tiers` runs);
- the first refresh of a database (every client gets its first tier-history entry), once;
- tiers_stale: the cheap check the app makes before refreshing.

Checked in the same run (exit 1 on a mismatch): the scores, ranks and tiers of every client
equal those of an independent formulation with the SQL window functions PERCENT_RANK and RANK
(also timed, for reference); client_tiers holds one row per non-archived client with the
computed tier. Timings are never asserted: a missed target prints MISSED. The figures are
written to the "tiers" section of benchmarks/results.json (other sections are kept).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import platform
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS_FILE = HERE / "results.json"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import bench_clients  # noqa: E402  (the databases and their generator)

AS_OF = bench_clients.AS_OF
TARGET_S = 2.0  # the tiers of all clients at 100,000 clients / 1,000,000 sessions
RUNS = 5
WARMUP = 1

BASELINE_SQL = "SELECT client_id, COUNT(*), SUM(fee), MIN(date), MAX(date) FROM sessions GROUP BY client_id"

# The same scores and tiers written the obvious way, with window functions: the reference the
# optimized computation must agree with, client by client.
REFERENCE_SQL = """
WITH s AS (
    SELECT client_id, COUNT(*) AS n, COALESCE(SUM(fee), 0) AS revenue, MIN(date) AS first_date,
           MAX(date) AS last_date,
           SUM(julianday(date) > julianday(:as_of) - 365) AS n12,
           COALESCE(SUM(CASE WHEN julianday(date) > julianday(:as_of) - 365 THEN fee END), 0) AS revenue12,
           COUNT(DISTINCT strftime('%Y', date)) AS years
    FROM sessions WHERE date <= :as_of GROUP BY client_id
), tp AS (
    SELECT client_id, MAX(date) AS last_date FROM touchpoints WHERE date <= :as_of GROUP BY client_id
), ranked_population AS (
    SELECT c.id, s.revenue, s.n, s.years, s.revenue12, s.n12,
           julianday(:as_of) - julianday(MAX(s.last_date, COALESCE(tp.last_date, ''))) AS recency
    FROM clients c JOIN s ON s.client_id = c.id LEFT JOIN tp ON tp.client_id = c.id
    WHERE COALESCE(c.archived, 0) = 0 AND julianday(:as_of) - julianday(s.first_date) >= :new_days
), scored AS (
    SELECT id, ROUND(0.25 * PERCENT_RANK() OVER (ORDER BY revenue) + 0.20 * PERCENT_RANK() OVER (ORDER BY n)
                     + 0.20 * PERCENT_RANK() OVER (ORDER BY years) + 0.15 * PERCENT_RANK() OVER (ORDER BY revenue12)
                     + 0.10 * PERCENT_RANK() OVER (ORDER BY n12)
                     + 0.10 * PERCENT_RANK() OVER (ORDER BY recency DESC), 6) AS score
    FROM ranked_population
)
SELECT id, score, RANK() OVER (ORDER BY score DESC) AS rnk, COUNT(*) OVER () AS population FROM scored
"""


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def _median_pair(ours, baseline, runs: int, warmup: int = WARMUP):
    """Ours and the baseline alternately; medians, every run, and the last result of ours."""
    t_ours, t_base = [], []
    last = None
    for i in range(warmup + runs):
        for fn, store in ((ours, t_ours), (baseline, t_base)):
            last = None if fn is ours else last
            gc.collect()
            t0 = time.perf_counter()
            result = fn()
            elapsed = time.perf_counter() - t0
            if fn is ours:
                last = result
            del result
            if i >= warmup:
                store.append(elapsed)
    return statistics.median(t_ours), statistics.median(t_base), t_ours, t_base, last


def _reference_tiers(db, settings) -> dict[int, tuple[float, int, str]]:
    from loyaldesk.core import practice

    vip_bp = practice.share_basis_points(settings.vip_share)
    top_bp = vip_bp + practice.share_basis_points(settings.candidate_share)
    rows = db.query(REFERENCE_SQL, {"as_of": AS_OF.isoformat(), "new_days": settings.new_client_days}, plain=True)
    result = {}
    for cid, score, rank, population in rows:
        above = (rank - 1) * 10_000
        tier = "vip" if above < vip_bp * population else "candidate" if above < top_bp * population else "regular"
        result[cid] = (score, rank, tier)
    return result


def _check(db, report, reference) -> bool:
    ours = {c.id: (c.score, c.rank, c.tier) for c in report.clients if c.score is not None}
    ok = True
    if set(ours) != set(reference):
        print(f"\n!!! MISMATCH: {len(ours):,} ranked clients, the reference ranks {len(reference):,}", flush=True)
        ok = False
    # Ranks and tiers must be equal; scores equal to 1e-9 (SQLite's ROUND(x, 6) and numpy's
    # round can differ in the last bit of the double, e.g. 0.6853629999999999 and 0.685363).
    diff = [cid for cid in ours if cid in reference
            and (ours[cid][1:] != reference[cid][1:] or abs(ours[cid][0] - reference[cid][0]) > 1e-9)]
    if diff:
        print(f"\n!!! MISMATCH: {len(diff):,} clients with another score, rank or tier, e.g.", flush=True)
        for cid in diff[:5]:
            print(f"!!!   id {cid}: ours {ours[cid]} != reference {reference[cid]}", flush=True)
        ok = False
    stored = dict(db.query("SELECT client_id, tier FROM client_tiers", plain=True))
    expected = {c.id: c.tier for c in report.clients}
    active = int(db.scalar("SELECT COUNT(*) FROM clients WHERE COALESCE(archived, 0) = 0"))
    if stored != expected or len(stored) != active:
        print(f"\n!!! MISMATCH: client_tiers holds {len(stored):,} rows for {active:,} clients", flush=True)
        ok = False
    return ok


def bench(size: str, runs: int) -> tuple[list[dict], dict, bool]:
    from loyaldesk.core import loyalty, practice
    from loyaldesk.core.db import open_database

    db = open_database(bench_clients.db_path(size), create=False)  # migrates an older file (backup first)
    settings = practice.load(db)
    rows = bench_clients.SIZES[size]["clients"]
    results: list[dict] = []

    def baseline():
        return db.query(BASELINE_SQL, plain=True)

    def entry(name, m_ours, m_base, raw_ours, raw_base, target=True):
        ratio = m_ours / m_base
        results.append({
            "name": name, "size": size, "rows": rows, "ours_s": m_ours, "baseline_s": m_base, "ratio": ratio,
            "target": f"< {TARGET_S} s" if target else "(context only)",
            "pass": m_ours < TARGET_S if target else True, "runs_ours_s": raw_ours, "runs_baseline_s": raw_base,
        })
        log(f"{size}: {name}: {m_ours * 1000:,.0f} ms, baseline {m_base * 1000:,.0f} ms ({ratio:.2f}x)")

    # --- the first refresh: every client gets its first tier (and history entry) -------------
    with db.transaction() as conn:
        conn.execute("DELETE FROM tier_history")
        conn.execute("DELETE FROM client_tiers")
        conn.execute("DELETE FROM tier_refresh")
    gc.collect()
    t0 = time.perf_counter()
    first = loyalty.refresh_tiers(db, AS_OF, report=False)
    t_first = time.perf_counter() - t0
    t0 = time.perf_counter()
    baseline()
    t_first_base = time.perf_counter() - t0
    results.append({"name": "first refresh_tiers (every history entry new)", "size": size, "rows": rows,
                    "ours_s": t_first, "baseline_s": t_first_base, "ratio": t_first / t_first_base,
                    "target": "(context only)", "pass": True, "history_rows": first.changes})
    log(f"{size}: first refresh: {t_first * 1000:,.0f} ms, {first.changes:,} history entries")

    # A refresh after an edit: one contact logged today for another client each time (the app
    # refreshes in the background after every change). A later last contact moves that client up
    # the recency ranking and every client in between down: thousands of scores change.
    rng = random.Random(7)
    client_ids = [r[0] for r in db.query("SELECT id FROM clients WHERE COALESCE(archived, 0) = 0", plain=True)]
    added: list[int] = []

    def after_an_edit():
        with db.transaction() as conn:
            added.append(conn.execute("INSERT INTO touchpoints (client_id, date, channel, note) "
                                      "VALUES (?, ?, 'call', 'bench')",
                                      (rng.choice(client_ids), AS_OF.isoformat())).lastrowid)
        return loyalty.refresh_tiers(db, AS_OF, report=False)

    log(f"{size}: refresh_tiers(report=False) after an edit ({WARMUP} warm-up + {runs} runs, alternating with "
        "the baseline) ...")
    m_ours, m_base, raw_ours, raw_base, refreshed = _median_pair(after_an_edit, baseline, runs)
    entry("refresh_tiers(report=False) after an edit", m_ours, m_base, raw_ours, raw_base)

    # The first refresh of a new day (what the app runs when it opens, or past midnight): days
    # since contact grow by one for everybody, sessions leave the 365-day window.
    days = iter(range(1, 1000))
    log(f"{size}: refresh_tiers(report=False) on a new day ...")
    m_ours, m_base, raw_ours, raw_base, _ = _median_pair(
        lambda: loyalty.refresh_tiers(db, AS_OF + dt.timedelta(days=next(days)), report=False), baseline, runs)
    entry("refresh_tiers(report=False) on a new day", m_ours, m_base, raw_ours, raw_base)
    refreshed = loyalty.refresh_tiers(db, AS_OF, report=False)  # back to the as-of date of the checks

    log(f"{size}: compute_loyalty ...")
    m_ours, m_base, raw_ours, raw_base, report = _median_pair(lambda: loyalty.compute_loyalty(db, AS_OF), baseline,
                                                              runs)
    # context: beyond the tiers, every figure of every client as one Python object each
    entry("compute_loyalty: every client as dataclasses", m_ours, m_base, raw_ours, raw_base, target=False)

    log(f"{size}: refresh_tiers(report=True) ...")
    m_ours, m_base, raw_ours, raw_base, _ = _median_pair(lambda: loyalty.refresh_tiers(db, AS_OF), baseline, runs)
    entry("refresh_tiers(report=True): store + dataclasses", m_ours, m_base, raw_ours, raw_base, target=False)

    m_ours, m_base, raw_ours, raw_base, _ = _median_pair(lambda: loyalty.tiers_stale(db, AS_OF), baseline, runs)
    entry("tiers_stale (check before refreshing)", m_ours, m_base, raw_ours, raw_base, target=False)

    log(f"{size}: the reference (window functions) ...")
    m_ref, m_base, raw_ref, raw_base, reference = _median_pair(lambda: _reference_tiers(db, settings), baseline,
                                                               max(1, runs // 2))
    entry("reference: the same scores with PERCENT_RANK/RANK windows", m_ref, m_base, raw_ref, raw_base,
          target=False)

    ok = _check(db, report, reference)
    if refreshed.summary.tiers != report.summary.tiers:
        print(f"\n!!! MISMATCH: refresh counts {refreshed.summary.tiers} != compute {report.summary.tiers}")
        ok = False
    s = report.summary
    figures = {"tiers": s.tiers, "statuses": s.statuses, "scored": s.scored,
               "vip_revenue_share": round(s.vip_revenue_share, 4),
               "vip_revenue_share_12m": round(s.vip_revenue_share_12m, 4)}
    log(f"{size}: {s.tiers}; vip revenue share {s.vip_revenue_share:.1%}; checks {'ok' if ok else 'FAILED'}")
    with db.transaction() as conn:  # leave the database as it was built
        conn.executemany("DELETE FROM touchpoints WHERE id = ?", [(i,) for i in added])
        conn.execute("DELETE FROM tier_history WHERE date > ?", (AS_OF.isoformat(),))
    db.close()
    return results, figures, ok


def print_table(results: list[dict]) -> None:
    headers = ("Measurement", "Size", "Ours", "Baseline", "Ratio", "Target", "Result")
    table = [(r["name"], r["size"], f"{r['ours_s'] * 1000:,.1f} ms", f"{r['baseline_s'] * 1000:,.0f} ms",
              f"{r['ratio']:.2f}x", r["target"], "-" if r["target"].startswith("(") else "ok" if r["pass"] else "MISSED")
             for r in results]
    widths = [max(len(h), *(len(row[i]) for row in table)) for i, h in enumerate(headers)]
    right = {2, 3, 4}
    print()
    print("  ".join(h.rjust(widths[i]) if i in right else h.ljust(widths[i]) for i, h in enumerate(headers)))
    print("  ".join("-" * w for w in widths))
    for row in table:
        print("  ".join(c.rjust(widths[i]) if i in right else c.ljust(widths[i]) for i, c in enumerate(row)))
    print()


def write_results(section: dict) -> None:
    """Put our section into results.json, keeping what the other benchmarks wrote there."""
    try:
        payload = json.loads(RESULTS_FILE.read_text())
        if not isinstance(payload, dict):
            payload = {}
    except (OSError, ValueError):
        payload = {}
    payload["tiers"] = section
    RESULTS_FILE.write_text(json.dumps(payload, indent=1, ensure_ascii=False))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="large", help="comma-separated: small, large (default large)")
    parser.add_argument("--rebuild", action="store_true", help="regenerate the databases even if they exist")
    parser.add_argument("--runs", type=int, default=RUNS, help=f"timed runs per measurement (default {RUNS})")
    args = parser.parse_args(argv)
    sizes = [s.strip() for s in args.sizes.split(",") if s.strip()]
    unknown = [s for s in sizes if s not in bench_clients.SIZES]
    if unknown or not sizes or args.runs < 1:
        parser.error(f"unknown size(s) {unknown}; choose from {', '.join(bench_clients.SIZES)}; runs >= 1")

    started = time.perf_counter()
    load_before = os.getloadavg()
    home = Path(tempfile.mkdtemp(prefix="loyaldesk-bench-tiers-"))
    os.environ["LOYALDESK_HOME"] = str(home)  # backups before a schema upgrade go here, not to the user's folder
    os.environ.pop("LOYALDESK_DB", None)
    results: list[dict] = []
    figures: dict = {}
    databases: dict = {}
    ok = True
    try:
        for size in sizes:
            databases[size] = bench_clients.ensure_database(size, args.rebuild)
            size_results, figures[size], size_ok = bench(size, args.runs)
            results.extend(size_results)
            ok &= size_ok
    finally:
        shutil.rmtree(home, ignore_errors=True)
    total = time.perf_counter() - started
    print_table(results)
    load_after = os.getloadavg()
    print(f"load average before / after: {load_before[0]:.2f} / {load_after[0]:.2f} on {os.cpu_count()} CPUs "
          "(other work on the machine skews the figures)")
    write_results({
        "generated_at": dt.datetime.now().isoformat(timespec="seconds"),
        "total_seconds": round(total, 1),
        "as_of": AS_OF.isoformat(),
        "runs": f"median of {args.runs} after {WARMUP} warm-up",
        "machine": {"platform": platform.platform(), "cpus": os.cpu_count(), "python": platform.python_version(),
                    "sqlite": sqlite3.sqlite_version, "loadavg_before": [round(x, 2) for x in load_before],
                    "loadavg_after": [round(x, 2) for x in load_after]},
        "databases": databases,
        "figures": figures,
        "results": results,
        "all_checks_ok": ok,
    })
    log(f"wrote the tiers section of {RESULTS_FILE.relative_to(ROOT)}; total {total:.0f} s")
    if not ok:
        print("!!! FAILED: see the mismatch above", flush=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
