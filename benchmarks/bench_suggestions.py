"""Benchmark of the next actions (loyaldesk.core.suggestions) on the sample practice.

    .venv/bin/python benchmarks/bench_suggestions.py [--clients 10000] [--rebuild] [--runs 5]

The database is the sample practice `loyaldesk demo --clients N --seed S` writes (built with
loyaldesk.core.demo.generate and a fixed as-of date, so runs compare), kept in
benchmarks/data/ and reused while its generator inputs match. Measured in-process, median of
RUNS after one warm-up, gc.collect() before each run, ours and the baseline alternately, on
two dates: an ordinary day and a day in December (New Year cards and year-end greetings for
every active client: the heaviest month).

- open_suggestions: the whole computation (compute_loyalty + the facts + the rules).
- compute_loyalty alone, and the rules alone (open_suggestions with the report given).
- baseline: one hand-written aggregate query over the same tables: per contactable client,
  first and last session, session count and revenue, last touchpoint; fetchall() into tuples.
- `loyaldesk suggest --json` end to end (a child process on a copy of the database: it also
  refreshes the stored tiers), median of 3 after one warm-up.

Checked against raw SQL in the same run (exit 1 on a mismatch): every suggested client is
contactable (not archived, not do-not-contact); the birthday suggestions are exactly the
contactable clients whose birthday falls within the next 14 days. Timings are never asserted:
a missed target prints MISSED. Figures go to benchmarks/results-suggestions.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DATA_DIR = HERE / "data"
RESULTS_FILE = HERE / "results-suggestions.json"
sys.path.insert(0, str(ROOT))

GENERATOR = "loyaldesk.core.demo"
SEED = 20261123
DEMO_AS_OF = dt.date(2026, 11, 23)  # the sample's five years of history end here
DATES = {"ordinary day": dt.date(2026, 11, 23), "December": dt.date(2026, 12, 1)}
WARMUP = 1
CLI_RUNS = 3
TARGET_S = 2.0  # open_suggestions at 10,000 clients: well under 2 s
BASELINE_SQL = """
SELECT c.id,
       (SELECT MIN(date) FROM sessions WHERE client_id = c.id AND date <= :as_of),
       (SELECT MAX(date) FROM sessions WHERE client_id = c.id AND date <= :as_of),
       (SELECT COUNT(*) FROM sessions WHERE client_id = c.id AND date <= :as_of),
       (SELECT TOTAL(fee) FROM sessions WHERE client_id = c.id AND date <= :as_of),
       (SELECT MAX(date) FROM touchpoints WHERE client_id = c.id AND date <= :as_of)
FROM clients c WHERE COALESCE(c.archived, 0) = 0 AND COALESCE(c.do_not_contact, 0) = 0
"""


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def db_path(clients: int) -> Path:
    return DATA_DIR / f"suggest-{clients}.db"


def ensure_database(clients: int, rebuild: bool) -> dict:
    """The sample practice of `clients` clients; reused if it was built with the same inputs."""
    from loyaldesk.core import demo
    from loyaldesk.core.db import open_database

    path = db_path(clients)
    meta_path = path.with_suffix(".json")
    wanted = {"generator": GENERATOR, "seed": SEED, "as_of": DEMO_AS_OF.isoformat(), "clients": clients}
    if not rebuild and path.exists() and meta_path.exists():
        try:
            meta = json.loads(meta_path.read_text())
            if {k: meta.get(k) for k in wanted} == wanted:
                return meta | {"reused": True}
        except ValueError:
            pass
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), meta_path):
        p.unlink(missing_ok=True)
    log(f"building the sample practice of {clients:,} clients ...")
    t0 = time.perf_counter()
    with open_database(path) as db:
        summary = demo.generate(db, clients=clients, seed=SEED, as_of=DEMO_AS_OF)
    meta = wanted | {"sessions": summary.sessions, "touchpoints": summary.touchpoints,
                     "build_seconds": round(time.perf_counter() - t0, 2)}
    meta_path.write_text(json.dumps(meta, indent=1))
    return meta | {"reused": False}


def _median_pair(ours, base, runs: int):
    """Ours and the baseline alternately; medians, every run, and the last results."""
    times: dict[str, list[float]] = {"ours": [], "base": []}
    last: dict[str, object] = {"ours": None, "base": None}
    for i in range(WARMUP + runs):
        for which, fn in (("ours", ours), ("base", base)):
            last[which] = None  # the previous result is released before the timer starts
            gc.collect()
            start = time.perf_counter()
            value = fn()
            elapsed = time.perf_counter() - start
            if i >= WARMUP:
                times[which].append(elapsed)
            last[which] = value
            del value
    return (statistics.median(times["ours"]), statistics.median(times["base"]), times["ours"], times["base"],
            last["ours"], last["base"])


def _check(label: str, db, as_of: dt.date, found) -> bool:
    """Suggested clients are contactable; birthdays are exactly those of raw SQL."""
    from loyaldesk.core.suggestions import _next_on_or_after

    ok = True
    contactable = {r[0] for r in db.query(
        "SELECT id FROM clients WHERE COALESCE(archived, 0) = 0 AND COALESCE(do_not_contact, 0) = 0", plain=True)}
    stray = {s.client_id for s in found} - contactable
    if stray:
        print(f"!!! {label}: suggestions for {len(stray)} clients who are archived or do-not-contact")
        ok = False
    expected = set()
    for cid, born in db.query("SELECT id, birthday FROM clients WHERE birthday IS NOT NULL AND birthday <> '' "
                              "AND COALESCE(archived, 0) = 0 AND COALESCE(do_not_contact, 0) = 0", plain=True):
        born = dt.date.fromisoformat(born[:10])
        if (_next_on_or_after(born.month, born.day, as_of) - as_of).days <= 14:
            expected.add(cid)
    got = {s.client_id for s in found if s.kind == "birthday"}
    if got != expected:
        print(f"!!! {label}: birthdays differ: {len(got - expected)} extra, {len(expected - got)} missing")
        ok = False
    return ok


def bench(clients: int, runs: int) -> tuple[list[dict], bool]:
    from loyaldesk.core import practice
    from loyaldesk.core.db import open_database
    from loyaldesk.core.loyalty import compute_loyalty
    from loyaldesk.core.suggestions import open_suggestions

    results: list[dict] = []
    ok = True
    db = open_database(db_path(clients), create=False)
    settings = practice.load(db)
    base_conn = sqlite3.connect(db_path(clients))
    try:
        for label, as_of in DATES.items():
            params = {"as_of": as_of.isoformat()}

            def base():
                return base_conn.execute(BASELINE_SQL, params).fetchall()

            def whole():
                return open_suggestions(db, as_of, settings=settings)

            log(f"{label} ({as_of}): open_suggestions vs baseline ({WARMUP} warm-up + {runs} runs each) ...")
            m_ours, m_base, r_ours, r_base, found, rows = _median_pair(whole, base, runs)
            ok &= _check(label, db, as_of, found)
            due = sum(s.is_due(as_of) for s in found)
            kinds: dict[str, int] = {}
            for s in found:
                kinds[s.kind] = kinds.get(s.kind, 0) + 1
            results.append({
                "name": "open_suggestions", "date": label, "as_of": as_of.isoformat(), "suggestions": len(found),
                "due": due, "kinds": kinds, "baseline_rows": len(rows), "ours_s": m_ours, "baseline_s": m_base,
                "ratio": m_ours / m_base, "target": f"< {TARGET_S} s", "pass": m_ours < TARGET_S,
                "runs_ours_s": r_ours, "runs_baseline_s": r_base,
            })
            log(f"  {len(found):,} suggestions ({due:,} due); ours {m_ours * 1000:.0f} ms, "
                f"baseline {m_base * 1000:.0f} ms")
            del found, rows

            report = compute_loyalty(db, as_of, settings)

            def loyalty_only():
                return compute_loyalty(db, as_of, settings)

            def rules_only():
                return open_suggestions(db, as_of, report=report)

            log(f"{label}: compute_loyalty alone and the rules alone ...")
            m_loy, m_base2, r_loy, _, _, _ = _median_pair(loyalty_only, base, runs)
            m_rules, m_base3, r_rules, _, _, _ = _median_pair(rules_only, base, runs)
            results.append({"name": "compute_loyalty (part)", "date": label, "as_of": as_of.isoformat(),
                            "ours_s": m_loy, "baseline_s": m_base2, "ratio": m_loy / m_base2,
                            "target": "(context)", "pass": True, "runs_ours_s": r_loy})
            results.append({"name": "rules without loyalty (part)", "date": label, "as_of": as_of.isoformat(),
                            "ours_s": m_rules, "baseline_s": m_base3, "ratio": m_rules / m_base3,
                            "target": "(context)", "pass": True, "runs_ours_s": r_rules})
            log(f"  compute_loyalty {m_loy * 1000:.0f} ms; rules {m_rules * 1000:.0f} ms")
    finally:
        base_conn.close()
        db.close()
    return results, ok


def bench_cli(clients: int) -> dict:
    """`loyaldesk suggest --json` as a child process, on a copy: the warm-up run refreshes the stored
    tiers, the timed runs find them up to date (benchmarks/bench_cli.py times both cases)."""
    label, as_of = next(iter(DATES.items()))
    with tempfile.TemporaryDirectory(prefix="loyaldesk-bench-suggest-") as tmp:
        copy = Path(tmp) / "copy.db"
        shutil.copy(db_path(clients), copy)
        env = dict(os.environ, LOYALDESK_HOME=str(Path(tmp) / "home"), LOYALDESK_LANG="en")
        env.pop("LOYALDESK_DB", None)
        env["PYTHONPATH"] = str(ROOT) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
        cmd = [sys.executable, "-m", "loyaldesk", "suggest", "--db", str(copy), "--as-of", as_of.isoformat(), "--json"]
        base_cmd = [sys.executable, "-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
                    "print(len(c.execute(sys.argv[2], {'as_of': sys.argv[3]}).fetchall()))",
                    str(copy), BASELINE_SQL, as_of.isoformat()]
        log(f"`loyaldesk suggest --json` on a copy (1 warm-up + {CLI_RUNS} runs) ...")
        t_ours, t_base = [], []
        count = 0
        for i in range(1 + CLI_RUNS):
            start = time.perf_counter()
            proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
            elapsed = time.perf_counter() - start
            if proc.returncode != 0:
                raise SystemExit(f"suggest failed: {proc.stderr}")
            count = len(json.loads(proc.stdout))
            start = time.perf_counter()
            subprocess.run(base_cmd, env=env, capture_output=True, text=True, timeout=600, check=True)
            base_elapsed = time.perf_counter() - start
            if i:
                t_ours.append(elapsed)
                t_base.append(base_elapsed)
    m_ours, m_base = statistics.median(t_ours), statistics.median(t_base)
    log(f"  {count:,} suggestions; ours {m_ours:.2f} s, baseline child {m_base:.2f} s")
    return {"name": "suggest --json (CLI, tiers up to date)", "date": label, "as_of": as_of.isoformat(),
            "suggestions": count, "ours_s": m_ours, "baseline_s": m_base, "ratio": m_ours / m_base,
            "target": "(context)", "pass": True, "runs_ours_s": t_ours, "runs_baseline_s": t_base}


def print_table(results: list[dict]) -> None:
    headers = ("Measurement", "Date", "Suggestions", "Ours", "Baseline", "Ratio", "Target", "Result")

    def ms(v):
        return "-" if v is None else f"{v * 1000:,.0f} ms"

    table = [(r["name"], r["date"], f"{r['suggestions']:,}" if "suggestions" in r else "", ms(r["ours_s"]),
              ms(r.get("baseline_s")), f"{r['ratio']:.1f}x", r["target"],
              "-" if r["target"].startswith("(") else ("ok" if r["pass"] else "MISSED")) for r in results]
    widths = [max(len(h), *(len(row[i]) for row in table)) for i, h in enumerate(headers)]
    right = {2, 3, 4, 5}

    def line(cells):
        return "  ".join(c.rjust(widths[i]) if i in right else c.ljust(widths[i]) for i, c in enumerate(cells))

    print()
    print(line(headers))
    print("  ".join("-" * w for w in widths))
    for row in table:
        print(line(row))
    print()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=10_000, help="clients in the sample practice (default 10000)")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per measurement (median reported)")
    parser.add_argument("--rebuild", action="store_true", help="regenerate the database even if it exists")
    parser.add_argument("--no-cli", action="store_true", help="skip the end-to-end command-line measurement")
    args = parser.parse_args(argv)

    home = tempfile.mkdtemp(prefix="loyaldesk-bench-home-")
    os.environ["LOYALDESK_HOME"] = home  # never the user's folders
    os.environ["LOYALDESK_LANG"] = "en"
    os.environ.pop("LOYALDESK_DB", None)
    from loyaldesk.core.i18n import set_language

    set_language("en")
    started = time.perf_counter()
    load_before = os.getloadavg()
    try:
        database = ensure_database(args.clients, args.rebuild)
        results, ok = bench(args.clients, args.runs)
        if not args.no_cli:
            results.append(bench_cli(args.clients))
    finally:
        shutil.rmtree(home, ignore_errors=True)
    print_table(results)
    load_after = os.getloadavg()
    print(f"load average before / after: {load_before[0]:.2f} / {load_after[0]:.2f} on {os.cpu_count()} CPUs "
          "(other work on the machine skews the figures)")
    RESULTS_FILE.write_text(json.dumps({
        "generated_at": dt.datetime.now().isoformat(timespec="seconds"),
        "total_seconds": round(time.perf_counter() - started, 1),
        "runs": f"median of {args.runs} after {WARMUP} warm-up; CLI median of {CLI_RUNS} after 1 warm-up",
        "machine": {"platform": platform.platform(), "cpus": os.cpu_count(), "python": platform.python_version(),
                    "sqlite": sqlite3.sqlite_version, "loadavg_before": [round(x, 2) for x in load_before],
                    "loadavg_after": [round(x, 2) for x in load_after]},
        "database": database,
        "results": results,
        "all_checks_pass": ok,
    }, indent=1, ensure_ascii=False))
    log(f"wrote {RESULTS_FILE.relative_to(ROOT)}")
    if not ok:
        print("!!! FAILED: see the mismatch above", flush=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
