"""Benchmark of the read commands as whole processes: clients, tiers, suggest (and today).

    .venv/bin/python benchmarks/bench_cli.py [--runs 5] [--commands clients,tiers,suggest,today] [--rebuild]
        [--code DIR] [--out FILE] [--size small|large]

Each command is timed as the user runs it, a fresh process from start to exit:
`loyaldesk CMD --db X --as-of 2025-06-30 --json` on a copy of the 10,000-client database of
bench_clients.py (benchmarks/data/bench-small.db, built once and reused; --size large: the 100,000-client,
1,000,000-session one, bench-large.db, its rows written directly), its output captured.
Baseline in the same run: a python process (`python -c`) that opens the same file with sqlite3,
runs one hand-written SQL query computing what the command starts from and prints its rows as
JSON (see BASELINES; suggest and today also against the facts alone, for context); ours and
the baselines alternate, median of --runs after one warm-up each.

- cold-ish: a fresh copy whose stored tiers are the previous day's, so the command refreshes
  them as of the date (the OS file cache is warm: "cold" is the data, not the disk);
- warm: the same command again on a copy where it already ran: the tiers are stored for that
  date and nothing changed since.

On the new day `clients` refreshes every client's tier before it lists them; the list's baseline
only reads the stored tiers. So the cold-ish phases of `clients` are also timed against the baseline
that gives the same answer: the tiers query, then the list query (two processes, one figure:
"tiers + list (same answer)"), and checked: our new day's tiers are the tiers query's.

Checked in the same run (exit 1 on a mismatch): the warm output is byte-identical to the cold
one; the clients list has the baseline's clients with the same tier, status and figures; the
tiers have the baseline's scores (to 1e-9), ranks, tiers and figures; every suggestion (and
every client of a batch) is for a client the baseline lists as contactable, with its tier.
Timings are never asserted: a missed target prints MISSED. Figures go to
benchmarks/results-cli.json (--out: elsewhere); --code DIR runs another source tree's commands.
"""

from __future__ import annotations

import argparse
import datetime as dt
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
RESULTS_FILE = HERE / "results-cli.json"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import bench_clients  # noqa: E402  (the databases, their generator and the clients list's baseline SQL)

AS_OF = bench_clients.AS_OF
SIZE = "small"  # 10,000 clients / 200,000 sessions / 100,000 touchpoints
RUNS = 5
WARMUP = 1
RATIO_TARGET = 2.0  # issue 12: at most 2x the python process running the raw SQL
COMMANDS = ("clients", "tiers", "suggest", "today")
CODE = ROOT  # the source tree the children run (--code: an older version, to compare)


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


# =========================================================================================
# The baselines: one raw SQL query each, run by a bare python process that prints JSON
# =========================================================================================
# The clients list: every active client with its figures, tier (as stored), interval, overdue
# days and status: bench_clients' table query (checked there against list_rows).
CLIENTS_SQL = bench_clients.BASELINE_TABLE_SQL

# The tiers: every non-archived client's figures recounted from the sessions, the score from six
# PERCENT_RANK windows, RANK() and the tier from the rank (docs/loyalty.md), in the report's order.
TIERS_CTE = """
WITH s AS (
    SELECT client_id, COUNT(*) AS n, COALESCE(SUM(fee), 0) AS revenue, MIN(date) AS first_date,
           MAX(date) AS last_date,
           SUM(date >= :year_start) AS n12, COALESCE(SUM(CASE WHEN date >= :year_start THEN fee END), 0) AS revenue12,
           COUNT(DISTINCT substr(date, 1, 4)) AS years
    FROM sessions WHERE date <= :as_of GROUP BY client_id
), tp AS (
    SELECT client_id, MAX(date) AS last_date FROM touchpoints WHERE date <= :as_of GROUP BY client_id
), figures AS (
    SELECT c.id, COALESCE(s.n, 0) AS sessions_total, COALESCE(s.revenue, 0) AS revenue_total,
           COALESCE(s.n12, 0) AS frequency_12m, COALESCE(s.revenue12, 0) AS revenue_12m,
           COALESCE(s.years, 0) AS active_years, s.first_date,
           NULLIF(MAX(COALESCE(s.last_date, ''), COALESCE(tp.last_date, '')), '') AS last_contact,
           CAST(julianday(:as_of) - julianday(s.first_date) AS INTEGER) AS tenure_days
    FROM clients c LEFT JOIN s ON s.client_id = c.id LEFT JOIN tp ON tp.client_id = c.id
    WHERE COALESCE(c.archived, 0) = 0
), population AS (
    -- the ranked clients are one partition (the other rows get no score, rank or ranked tier)
    SELECT *, CAST(julianday(:as_of) - julianday(last_contact) AS INTEGER) AS recency_days,
           first_date IS NOT NULL AND tenure_days >= :new_days AS ranked
    FROM figures
), scored AS (
    SELECT *, ROUND(0.25 * PERCENT_RANK() OVER (PARTITION BY ranked ORDER BY revenue_total)
                    + 0.20 * PERCENT_RANK() OVER (PARTITION BY ranked ORDER BY sessions_total)
                    + 0.20 * PERCENT_RANK() OVER (PARTITION BY ranked ORDER BY active_years)
                    + 0.15 * PERCENT_RANK() OVER (PARTITION BY ranked ORDER BY revenue_12m)
                    + 0.10 * PERCENT_RANK() OVER (PARTITION BY ranked ORDER BY frequency_12m)
                    + 0.10 * PERCENT_RANK() OVER (PARTITION BY ranked ORDER BY recency_days DESC), 6) AS ranked_score
    FROM population
), tiered AS (
    SELECT *, CASE WHEN ranked THEN ranked_score END AS score,
           CASE WHEN ranked THEN RANK() OVER (PARTITION BY ranked ORDER BY ranked_score DESC) END AS rank,
           CASE WHEN first_date IS NULL THEN 'prospect' WHEN NOT ranked THEN 'new'
                WHEN (RANK() OVER (PARTITION BY ranked ORDER BY ranked_score DESC) - 1) * 10000
                     < :vip_bp * COUNT(*) OVER (PARTITION BY ranked) THEN 'vip'
                WHEN (RANK() OVER (PARTITION BY ranked ORDER BY ranked_score DESC) - 1) * 10000
                     < :top_bp * COUNT(*) OVER (PARTITION BY ranked) THEN 'candidate'
                ELSE 'regular' END AS tier
    FROM scored
)
"""
TIERS_SQL = TIERS_CTE + """
SELECT t.id, c.name, c.name_kana, tier, score, rank, recency_days, frequency_12m, sessions_total, revenue_12m,
       revenue_total, tenure_days, active_years, first_date, last_contact, COALESCE(c.do_not_contact, 0) AS dnc
FROM tiered t JOIN clients c ON c.id = t.id
ORDER BY CASE tier WHEN 'vip' THEN 0 WHEN 'candidate' THEN 1 WHEN 'regular' THEN 2 WHEN 'new' THEN 3 ELSE 4 END,
         score DESC, revenue_total DESC, first_date DESC, t.id
"""

# The next actions (and the daily plan). The rules start from each contactable client's tier,
# score and status and the facts of its history (loyaldesk.core.suggestions): the tiers query
# above with the facts, for the contactable clients: first and last session, last contact,
# birthday, the first session's kind and topic when it is recent (a thank-you) and the last
# topic (a follow-up).
SUGGEST_SQL = TIERS_CTE + """
SELECT t.id, c.name, t.tier, t.score, t.rank, t.recency_days, t.sessions_total, t.revenue_total, t.first_date,
       t.last_contact, c.birthday, c.referred_by,
       (SELECT MAX(date) FROM sessions WHERE client_id = t.id AND date <= :as_of) AS last_session,
       CASE WHEN t.first_date >= :thank_from THEN
           (SELECT COALESCE(kind, '') || char(31) || COALESCE(topic, '') FROM sessions
             WHERE client_id = t.id AND date = t.first_date ORDER BY id LIMIT 1) END AS first_what,
       (SELECT topic FROM sessions WHERE client_id = t.id AND date <= :as_of AND topic <> ''
         ORDER BY date DESC LIMIT 1) AS last_topic
FROM tiered t JOIN clients c ON c.id = t.id
WHERE COALESCE(c.do_not_contact, 0) = 0
"""

# Context: the facts alone, without the tiers (bench_suggestions' baseline).
FACTS_SQL = """
SELECT c.id,
       (SELECT MIN(date) FROM sessions WHERE client_id = c.id AND date <= :as_of) AS first_session,
       (SELECT MAX(date) FROM sessions WHERE client_id = c.id AND date <= :as_of) AS last_session,
       (SELECT COUNT(*) FROM sessions WHERE client_id = c.id AND date <= :as_of) AS sessions,
       (SELECT TOTAL(fee) FROM sessions WHERE client_id = c.id AND date <= :as_of) AS revenue,
       (SELECT MAX(date) FROM touchpoints WHERE client_id = c.id AND date <= :as_of) AS last_contact
FROM clients c WHERE COALESCE(c.archived, 0) = 0 AND COALESCE(c.do_not_contact, 0) = 0
"""

# Per command: (label, query) of the baseline the target applies to, then context baselines.
BASELINES = {
    "clients": [("clients with figures", CLIENTS_SQL)],
    "tiers": [("tiers from scratch", TIERS_SQL)],
    "suggest": [("tiers and facts", SUGGEST_SQL), ("facts only", FACTS_SQL)],
    "today": [("tiers and facts", SUGGEST_SQL), ("facts only", FACTS_SQL)],
}

# On a new day (the cold-ish phases) `clients` refreshes the stored tiers before it lists; the list's
# baseline only reads the previous day's, so 481 of the large database's clients come out with
# another tier. The baseline that gives the same answer computes the day's tiers first: the tiers
# query, then the list, one process after the other, timed as one figure (both JSON outputs printed).
NEW_DAY_BASELINES = {
    "clients": [("tiers + list (same answer)", [("tiers", TIERS_SQL), ("clients", CLIENTS_SQL)])],
}

# The baseline process: open the file, run the query, print the rows as one JSON array of objects.
BASELINE_CHILD = """
import json, sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
cursor = conn.execute(sys.argv[2], json.loads(sys.argv[3]))
names = [d[0] for d in cursor.description]
sys.stdout.write(json.dumps([dict(zip(names, row)) for row in cursor.fetchall()], ensure_ascii=False))
sys.stdout.write("\\n")
"""


# =========================================================================================
# Running the processes
# =========================================================================================
class ChildFailed(Exception):
    pass


def _env(home: Path) -> dict:
    env = dict(os.environ)
    env["LOYALDESK_HOME"] = str(home)  # the log file goes there, never to the user's folders
    env["LOYALDESK_LANG"] = "en"
    env.pop("LOYALDESK_DB", None)
    # an installed app runs from compiled bytecode: let the warm-up write it (__pycache__, git-ignored)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = str(CODE) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


def _loyaldesk() -> list[str]:
    """The installed console script next to this interpreter (what a user runs), else -m loyaldesk."""
    script = Path(sys.executable).parent / "loyaldesk"
    return [str(script)] if script.exists() else [sys.executable, "-m", "loyaldesk"]


def _timed(cmd: list[str], env: dict) -> tuple[float, bytes]:
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, env=env, cwd=CODE, capture_output=True, timeout=600)
    elapsed = time.perf_counter() - t0
    if proc.returncode != 0:
        raise ChildFailed(f"{cmd[:6]!r} exited {proc.returncode}\n{proc.stderr.decode(errors='replace')}")
    return elapsed, proc.stdout


def _has_option(name: str, option: str, env: dict) -> bool:
    proc = subprocess.run([*_loyaldesk(), name, "--help"], env=env, cwd=CODE, capture_output=True, timeout=120)
    return option in proc.stdout.decode(errors="replace")


def _has_command(name: str, env: dict) -> bool:
    proc = subprocess.run([*_loyaldesk(), name, "--help"], env=env, cwd=CODE, capture_output=True, timeout=120)
    return proc.returncode == 0


# Run by the code under test (an older version may not open a newer schema): upgrades the copy,
# stores the tiers as of the day before and prints the practice settings the baselines need.
PREPARE_CHILD = """
import datetime as dt, json, sys
import loyaldesk
from loyaldesk.core import loyalty, practice
from loyaldesk.core.db import open_database
with open_database(sys.argv[1], create=False, backup_dir=sys.argv[2]) as db:
    loyalty.refresh_tiers(db, dt.date.fromisoformat(sys.argv[3]), report=False)
    cfg = practice.load(db)
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
print(json.dumps({"code": loyaldesk.__file__, "default_cadence": cfg.default_cadence_days,
                  "new_days": cfg.new_client_days, "iv_vip": cfg.tier_interval_vip,
                  "iv_candidate": cfg.tier_interval_candidate, "iv_regular": cfg.tier_interval_regular,
                  "iv_new": cfg.tier_interval_new, "dormant_days": cfg.dormant_days,
                  "vip_bp": practice.share_basis_points(cfg.vip_share),
                  "candidate_bp": practice.share_basis_points(cfg.candidate_share)}))
"""


def prepare_template(tmp: Path) -> tuple[Path, dict]:
    """A copy of the benchmark database (schema upgraded once) whose stored tiers are the previous day's."""
    template = tmp / "template.db"
    shutil.copy(bench_clients.db_path(SIZE), template)
    _, out = _timed([sys.executable, "-c", PREPARE_CHILD, str(template), str(tmp),
                     (AS_OF - dt.timedelta(days=1)).isoformat()], _env(tmp / "home"))
    cfg = json.loads(out)
    log(f"the commands run {Path(cfg.pop('code')).parent}")
    day = {"as_of": AS_OF.isoformat()}
    params = {
        "clients": {**day, **{k: cfg[k] for k in ("default_cadence", "new_days", "iv_vip", "iv_candidate",
                                                  "iv_regular", "iv_new", "dormant_days")}},
        "tiers": {**day, "year_start": (AS_OF - dt.timedelta(days=364)).isoformat(), "new_days": cfg["new_days"],
                  "vip_bp": cfg["vip_bp"], "top_bp": cfg["vip_bp"] + cfg["candidate_bp"]},
    }
    # the facts of a recent first session: within the thank-you's 13 days (suggestions.THANK_YOU_LAST_DAY)
    thank_from = (AS_OF - dt.timedelta(days=13)).isoformat()
    params["suggest"] = params["today"] = {**params["tiers"], "thank_from": thank_from}
    return template, params


def _fresh_copy(template: Path, target: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copy(template, target)
    return target


def bench_command(name: str, template: Path, params: dict, tmp: Path, runs: int) -> tuple[list[dict], dict]:
    """Cold-ish and warm runs of one command, each alternating with its baseline process."""
    env = _env(tmp / "home")
    ours = [*_loyaldesk(), name, "--as-of", AS_OF.isoformat(), "--json", "--db"]
    def child(sql: str, query_params: dict) -> list[str]:
        return [sys.executable, "-c", BASELINE_CHILD, "DB", sql, json.dumps(query_params)]

    # each baseline: (label, processes run one after the other and timed together)
    bases = [(label, [child(sql, params[name])]) for label, sql in BASELINES[name]]
    new_day_bases = [(label, [child(sql, params[key]) for key, sql in steps])
                     for label, steps in NEW_DAY_BASELINES.get(name, [])]
    outputs: dict[str, bytes] = {}
    results = []
    phases = [("cold-ish", [], True), ("warm", [], True)]
    if _has_option(name, "--skip-check", env):  # context: the cold run without the damage check
        phases.append(("cold-ish, --skip-check", ["--skip-check"], False))
    for phase, extra, with_target in phases:
        log(f"{name} --json, {phase} ({WARMUP} warm-up + {runs} runs each) ...")
        db = tmp / f"{name}-{phase.split(',')[0]}.db"
        if phase == "warm":  # the command ran once on this copy: the tiers are stored for the date
            _fresh_copy(template, db)
            _timed([*ours, str(db)], env)
        phase_bases = (bases if with_target else bases[:1]) + (new_day_bases if phase.startswith("cold-ish") else [])
        t_ours: list[float] = []
        t_base: list[list[float]] = [[] for _ in phase_bases]
        t_parts: list[list[list[float]]] = [[[] for _ in cmds] for _, cmds in phase_bases]
        for i in range(WARMUP + runs):
            if phase.startswith("cold-ish"):
                _fresh_copy(template, db)  # not timed
            elapsed, out = _timed([*ours, str(db), *extra], env)
            if i >= WARMUP:
                t_ours.append(elapsed)
            for k, (label, cmds) in enumerate(phase_bases):
                t0 = time.perf_counter()
                parts = []
                for cmd in cmds:
                    part_elapsed, base_out = _timed([str(db) if a == "DB" else a for a in cmd], env)
                    parts.append(part_elapsed)
                    if len(cmds) > 1 and cmd is cmds[0]:
                        outputs[f"baseline-new-day-{phase}"] = base_out  # the day's tiers, checked
                base_elapsed = time.perf_counter() - t0
                if i >= WARMUP:
                    t_base[k].append(base_elapsed)
                    for j, part in enumerate(parts):
                        t_parts[k][j].append(part)
                if k == 0:
                    outputs[f"baseline-{phase}"] = base_out
        outputs[phase] = out
        m_ours = statistics.median(t_ours)
        for k, (label, cmds) in enumerate(phase_bases):
            m_base = statistics.median(t_base[k])
            ratio = m_ours / m_base
            targeted = with_target and (k == 0 or len(cmds) > 1)  # the list, and the same answer on a new day
            results.append({
                "name": f"{name} --json", "phase": phase, "baseline": label, "ours_s": m_ours, "baseline_s": m_base,
                "ratio": ratio, "target": f"ratio <= {RATIO_TARGET}" if targeted else "(context)",
                "pass": ratio <= RATIO_TARGET if targeted else True, "output_bytes": len(out),
                "runs_ours_s": t_ours, "runs_baseline_s": t_base[k],
            })
            if len(cmds) > 1:
                steps = [key for key, _ in NEW_DAY_BASELINES[name][0][1]]
                results[-1]["baseline_parts_s"] = {key: statistics.median(t) for key, t in zip(steps, t_parts[k])}
                results[-1]["runs_baseline_parts_s"] = dict(zip(steps, t_parts[k]))
            log(f"  ours {m_ours * 1000:.0f} ms, baseline ({label}) {m_base * 1000:.0f} ms: {ratio:.2f}x")
    return results, outputs


# =========================================================================================
# Checks
# =========================================================================================
def _mismatch(label: str, detail: str) -> bool:
    print(f"\n!!! MISMATCH in {label}: {detail}", flush=True)
    return False


def check(name: str, outputs: dict) -> bool:
    ok = True
    for phase in outputs:
        if not phase.startswith("baseline") and outputs[phase] != outputs["cold-ish"]:
            ok = _mismatch(f"{name} --json", f"the output of the {phase} run differs from the cold-ish run's")
    ours = json.loads(outputs["warm"])
    base = json.loads(outputs["baseline-warm"])
    if name == "clients":
        keys = ("last_contact", "days_since_contact", "cadence_days", "overdue_days", "sessions", "revenue",
                "first_session", "tier", "status")
        mine = {r["id"]: tuple(r[k] for k in keys) for r in ours}
        theirs = {r["id"]: (r["last_contact"], r["days"], r["interval"], r["overdue_days"], r["n"], r["revenue"],
                            r["first_date"], r["tier"], r["status"]) for r in base}
        if mine != theirs:
            diff = sorted(set(mine) ^ set(theirs)) or [k for k in mine if mine[k] != theirs[k]]
            ok = _mismatch("clients --json", f"{len(diff)} clients differ from the baseline, e.g. {diff[:5]}")
        if "baseline-new-day-cold-ish" in outputs:  # on the new day: the day's tiers, as the tiers query has them
            day_tiers = {r["id"]: r["tier"] for r in json.loads(outputs["baseline-new-day-cold-ish"])}
            new_day = {r["id"]: r["tier"] for r in json.loads(outputs["cold-ish"])}
            other = [cid for cid, tier in new_day.items() if cid in day_tiers and day_tiers[cid] != tier]
            if other:
                ok = _mismatch("clients --json (new day)", f"{len(other)} clients with another tier than the "
                                                           f"tiers query's, e.g. {other[:5]}")
    elif name == "tiers":
        clients = ours["clients"]
        if [c["id"] for c in clients] != [r["id"] for r in base]:
            ok = _mismatch("tiers --json", "not the baseline's clients in the baseline's order")
        theirs = {r["id"]: r for r in base}
        figures = ("tier", "rank", "sessions_total", "revenue_total", "frequency_12m", "revenue_12m", "active_years",
                   "tenure_days", "recency_days", "last_contact")

        def differs(c: dict) -> bool:
            r = theirs.get(c["id"])
            if r is None:
                return True
            if any(c[k] != r[k] for k in figures) or c["first_session"] != r["first_date"]:
                return True
            if c["score"] is None or r["score"] is None:
                return c["score"] is not r["score"]
            return abs(c["score"] - r["score"]) > 1e-9

        diff = [c["id"] for c in clients if differs(c)]
        if diff:
            ok = _mismatch("tiers --json", f"{len(diff)} clients with other figures than the baseline's, "
                                           f"e.g. {diff[:5]}")
    else:
        items = ours["plan"] + ours["backlog"]["items"] if name == "today" else ours
        ids = {s["client_id"] for s in items}
        if name == "today":
            ids |= {cid for batch in ours["batches"] for cid in batch["client_ids"]}
        tiers = {r["id"]: r["tier"] for r in base}
        strangers = sorted(ids - set(tiers))
        if strangers:
            ok = _mismatch(f"{name} --json", f"suggestions for archived or do-not-contact clients: {strangers[:5]}")
        other_tier = sorted({s["client_id"] for s in items
                             if s["client_id"] in tiers and s["tier"] != tiers[s["client_id"]]})
        if other_tier:
            ok = _mismatch(f"{name} --json", f"suggestions naming another tier than the baseline's: {other_tier[:5]}")
    return ok


# =========================================================================================
# Report
# =========================================================================================
def print_table(results: list[dict]) -> None:
    headers = ("Command", "Phase", "Ours", "Baseline query", "Baseline", "Ratio", "Target", "Result")
    table = [(r["name"], r["phase"], f"{r['ours_s'] * 1000:,.0f} ms", r["baseline"],
              f"{r['baseline_s'] * 1000:,.0f} ms", f"{r['ratio']:.2f}x", r["target"],
              "-" if r["target"].startswith("(") else "ok" if r["pass"] else "MISSED")
             for r in results]
    widths = [max(len(h), *(len(row[i]) for row in table)) for i, h in enumerate(headers)]
    right = {2, 4, 5}

    def line(cells):
        return "  ".join(c.rjust(widths[i]) if i in right else c.ljust(widths[i]) for i, c in enumerate(cells))

    print()
    print(line(headers))
    print("  ".join("-" * w for w in widths))
    for row in table:
        print(line(row))
    print()


def main(argv: list[str] | None = None) -> int:
    global CODE, SIZE
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=RUNS, help=f"timed runs per measurement (default {RUNS})")
    parser.add_argument("--commands", default=",".join(COMMANDS),
                        help="comma-separated, from clients, tiers, suggest, today (default: all that exist)")
    parser.add_argument("--rebuild", action="store_true", help="regenerate the benchmark database")
    parser.add_argument("--code", metavar="DIR", type=Path, default=None,
                        help="run the commands of another source tree (e.g. an older version from `git archive`), "
                             "to measure before and after a change; default: this one")
    parser.add_argument("--out", metavar="FILE", type=Path, default=None,
                        help="where to write the figures (default benchmarks/results-cli.json, "
                             "results-cli-large.json for --size large)")
    parser.add_argument("--size", choices=("small", "large"), default=SIZE,
                        help="small: 10,000 clients / 200,000 sessions (default); large: 100,000 / 1,000,000")
    args = parser.parse_args(argv)
    SIZE = args.size
    if args.out is None:
        args.out = RESULTS_FILE if SIZE == "small" else HERE / f"results-cli-{SIZE}.json"
    if args.code is not None:
        CODE = args.code.resolve()
    wanted = [c.strip() for c in args.commands.split(",") if c.strip()]
    unknown = [c for c in wanted if c not in COMMANDS]
    if unknown or not wanted or args.runs < 1:
        parser.error(f"unknown command(s) {unknown}; choose from {', '.join(COMMANDS)}")

    started = time.perf_counter()
    load_before = os.getloadavg()
    tmp = Path(tempfile.mkdtemp(prefix="loyaldesk-bench-cli-"))
    os.environ["LOYALDESK_HOME"] = str(tmp / "in-process")
    os.environ.pop("LOYALDESK_DB", None)
    results: list[dict] = []
    ok = True
    try:
        database = bench_clients.ensure_database(SIZE, args.rebuild)
        template, params = prepare_template(tmp)
        commands = []
        for name in wanted:
            if _has_command(name, _env(tmp / "home")):
                commands.append(name)
            else:
                log(f"`loyaldesk {name}` does not exist (yet): skipped")
        for name in commands:
            command_results, outputs = bench_command(name, template, params, tmp, args.runs)
            results.extend(command_results)
            ok &= check(name, outputs)
    except ChildFailed as exc:
        print(f"\n!!! a child process failed: {exc}", flush=True)
        ok = False
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    total = time.perf_counter() - started
    if results:
        print_table(results)
    print(f"load average before / after: {load_before[0]:.2f} / {os.getloadavg()[0]:.2f} "
          f"on {os.cpu_count()} CPUs (other work on the machine skews the figures)")
    payload = {
        "generated_at": dt.datetime.now().isoformat(timespec="seconds"),
        "total_seconds": round(total, 1),
        "as_of": AS_OF.isoformat(),
        "code": str(CODE),
        "runs": f"median of {args.runs} after {WARMUP} warm-up, ours and the baseline alternately",
        "machine": {
            "platform": platform.platform(), "cpus": os.cpu_count(), "python": platform.python_version(),
            "sqlite": sqlite3.sqlite_version,
            "loadavg_before": [round(x, 2) for x in load_before],
            "loadavg_after": [round(x, 2) for x in os.getloadavg()],
        },
        "database": {"size": SIZE, **database} if results else None,
        "results": results,
        "all_checks_passed": ok,
    }
    args.out.write_text(json.dumps(payload, indent=1, ensure_ascii=False))
    log(f"wrote {args.out}; total {total:.0f} s")
    if not ok:
        print("!!! FAILED: see the mismatch / failure above", flush=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
