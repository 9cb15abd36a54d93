"""Benchmark of a passphrase-protected practice (SQLCipher) against the same practice in a plain file.

    .venv/bin/python benchmarks/bench_encryption.py [--rebuild] [--runs 5]

The data is bench_clients.py's small database (10,000 clients / 200,000 sessions / 100,000
touchpoints, built once in benchmarks/data/ and reused). It is copied twice into a temporary
folder: one copy stays plain, the other is protected with loyaldesk.core.cipher.protect (the real
KDF: PBKDF2-HMAC-SHA512, 256,000 iterations). The plain copy is the baseline, measured in the same
run, alternating with the protected one, median of RUNS after one warm-up, gc.collect() before
each run:

- clients list: ClientRepository.list_rows(as_of), every client (what the Clients screen loads);
- overdue list: the same with overdue_only=True;
- tiers: loyalty.compute_loyalty(as_of), the scores and tiers of every client, computed (not read
  from client_tiers), what the dashboard and `loyaldesk tiers` work from;
- open: open_database() of a file whose passphrase is known but whose key is not derived yet
  (what the app and every command do once per start), and open with the key already derived
  (what a background worker does); the plain open is the baseline;
- the same list and tiers on the plain file opened with SQLCipher's own SQLite and no key (a
  second baseline: SQLCipher bundles a newer SQLite than Python's, which is faster by itself; the
  ratio to it is the cost of the encryption alone);
- the command line, as a user runs it: `loyaldesk tiers --json` and `loyaldesk clients --json`
  in a fresh process (start-up, key derivation and all), for reference.

Checked in the same run (exit 1 on a mismatch): both files give the same rows. Timings are never
asserted: a missed target prints MISSED. Figures go to benchmarks/results-encryption.json.
Targets (issue 17): list and tiers at most 1.3x the plain file; the open under 1 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS_FILE = HERE / "results-encryption.json"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import bench_clients  # noqa: E402  (the database and its generator)

AS_OF = bench_clients.AS_OF
RATIO_TARGET = 1.3
OPEN_TARGET_S = 1.0
PASSPHRASE = "benchmark passphrase of some length"
RUNS = 5
WARMUP = 1
CLI_RUNS = 3


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def _medians(fns, runs: int, warmup: int = WARMUP):
    """Run the functions in turn; (medians, raw times, last results), warm-up runs dropped."""
    times: list[list[float]] = [[] for _ in fns]
    last: list = [None] * len(fns)
    for i in range(warmup + runs):
        for side, fn in enumerate(fns):
            last[side] = None
            gc.collect()
            t0 = time.perf_counter()
            result = fn()
            elapsed = time.perf_counter() - t0
            last[side] = result
            del result
            if i >= warmup:
                times[side].append(elapsed)
    return [statistics.median(t) for t in times], times, last


def _plain_on_cipher_sqlite(path: Path):
    """The plain file opened with SQLCipher's driver and no key: SQLCipher's (newer) SQLite, no encryption.

    Set up as open_database sets up a connection; it separates the cost of the encryption from the
    difference between SQLCipher's SQLite and Python's."""
    from loyaldesk.core import cipher
    from loyaldesk.core.db import Database

    drv = cipher.driver()
    conn = drv.connect(str(path), isolation_level=None, timeout=5.0)
    conn.row_factory = drv.Row
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")
    conn.execute("PRAGMA journal_mode = WAL").fetchone()
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA temp_store = MEMORY")
    return Database(conn, path)


def _row(name: str, ours: float, base: float, target: str, passed: bool, **extra) -> dict:
    return {"name": name, "encrypted_s": ours, "plain_s": base, "ratio": ours / base if base else None,
            "target": target, "pass": passed, **extra}


def bench_in_process(plain: Path, encrypted: Path, runs: int) -> tuple[list[dict], bool]:
    from loyaldesk.core import cipher, loyalty
    from loyaldesk.core.clients import ClientRepository
    from loyaldesk.core.db import open_database

    results: list[dict] = []
    ok = True

    # --- open -------------------------------------------------------------------------------------
    log("open: the key derived on the first open of a run, then reused ...")
    first, cached, base = [], [], []
    for _ in range(runs):
        cipher.forget_all()
        cipher.remember(PASSPHRASE)
        t0 = time.perf_counter()
        open_database(encrypted, create=False).close()
        first.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        open_database(encrypted, create=False).close()
        cached.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        open_database(plain, create=False).close()
        base.append(time.perf_counter() - t0)
    m_first, m_cached, m_base = (statistics.median(x) for x in (first, cached, base))
    results.append(_row("open (key derived)", m_first, m_base, f"< {OPEN_TARGET_S} s", m_first < OPEN_TARGET_S,
                        runs_encrypted_s=first))
    results.append(_row("open (key known)", m_cached, m_base, "-", True, runs_encrypted_s=cached))
    log(f"open: {m_first * 1000:.0f} ms with the key derivation, {m_cached * 1000:.1f} ms after; "
        f"plain {m_base * 1000:.1f} ms")

    enc_db = open_database(encrypted, create=False)
    plain_db = open_database(plain, create=False)
    same_sqlite_db = _plain_on_cipher_sqlite(plain)
    cases = [
        ("clients list", lambda db: ClientRepository(db).list_rows(AS_OF),
         lambda rows: {r.id: (r.name, r.last_contact, r.overdue_days, r.sessions, r.revenue, r.tier) for r in rows}),
        ("overdue list", lambda db: ClientRepository(db).list_rows(AS_OF, overdue_only=True),
         lambda rows: {r.id: (r.name, r.overdue_days) for r in rows}),
        ("tiers", lambda db: loyalty.compute_loyalty(db, AS_OF),
         lambda report: {c.id: (c.tier, None if c.score is None else round(c.score, 9)) for c in report.clients}),
    ]
    for name, fn, key in cases:
        log(f"{name} ({WARMUP} warm-up + {runs} runs each) ...")
        (m_enc, m_plain, m_same), (raw_enc, raw_plain, raw_same), (enc_result, plain_result, same_result) = _medians(
            [lambda: fn(enc_db), lambda: fn(plain_db), lambda: fn(same_sqlite_db)], runs)
        same = key(enc_result) == key(plain_result) == key(same_result)
        if not same:
            print(f"\n!!! {name}: the protected file gives other rows than the plain one")
        ok &= same
        ratio = m_enc / m_plain
        results.append(_row(name, m_enc, m_plain, f"ratio <= {RATIO_TARGET}", ratio <= RATIO_TARGET,
                            rows=len(key(enc_result)), runs_encrypted_s=raw_enc, runs_plain_s=raw_plain,
                            plain_same_sqlite_s=m_same, ratio_same_sqlite=m_enc / m_same,
                            runs_plain_same_sqlite_s=raw_same))
        log(f"{name}: {len(key(enc_result)):,} rows; encrypted {m_enc * 1000:.0f} ms, plain {m_plain * 1000:.0f} ms "
            f"({ratio:.2f}x); plain on SQLCipher's SQLite {m_same * 1000:.0f} ms ({m_enc / m_same:.2f}x)")
    enc_db.close()
    plain_db.close()
    same_sqlite_db.close()
    return results, ok


def bench_cli(plain: Path, encrypted: Path, home: Path, runs: int) -> tuple[list[dict], bool]:
    env = {**os.environ, "LOYALDESK_HOME": str(home), "LOYALDESK_LANG": "en"}
    env.pop("LOYALDESK_PASSPHRASE", None)
    results = []
    ok = True
    for command in (["tiers", "--json", "--as-of", AS_OF.isoformat()],
                    ["clients", "--json", "--as-of", AS_OF.isoformat()]):
        label = "loyaldesk " + command[0]
        log(f"{label} in a fresh process ({runs} runs each) ...")
        t_enc, t_plain = [], []
        outputs = {}
        for _ in range(runs):
            for path, store, extra in ((encrypted, t_enc, {"LOYALDESK_PASSPHRASE": PASSPHRASE}), (plain, t_plain, {})):
                t0 = time.perf_counter()
                proc = subprocess.run([sys.executable, "-m", "loyaldesk", *command, "--db", str(path)],
                                      capture_output=True, text=True, env={**env, **extra}, timeout=600)
                store.append(time.perf_counter() - t0)
                if proc.returncode != 0:
                    print(f"\n!!! {label} on {path.name} failed: {proc.stderr.strip()}")
                    ok = False
                outputs[path] = proc.stdout
        if outputs.get(encrypted) != outputs.get(plain):
            print(f"\n!!! {label}: the protected file printed something else than the plain one")
            ok = False
        m_enc, m_plain = statistics.median(t_enc), statistics.median(t_plain)
        results.append(_row(label + " (process)", m_enc, m_plain, "-", True, runs_encrypted_s=t_enc,
                            runs_plain_s=t_plain))
        log(f"{label}: encrypted {m_enc:.2f} s, plain {m_plain:.2f} s (start-up and key derivation included)")
    return results, ok


def print_table(results: list[dict]) -> None:
    print()
    print(f"{'measure':<28} {'encrypted':>11} {'plain':>10} {'ratio':>7}  {'same SQLite':>11} {'ratio':>7}  target")
    for r in results:
        ratio = f"{r['ratio']:.2f}x" if r["ratio"] is not None else "-"
        same = f"{r['plain_same_sqlite_s'] * 1000:>9.0f}ms" if "plain_same_sqlite_s" in r else f"{'-':>11}"
        same_ratio = f"{r['ratio_same_sqlite']:.2f}x" if "ratio_same_sqlite" in r else "-"
        status = "" if r["target"] == "-" else ("ok" if r["pass"] else "MISSED")
        print(f"{r['name']:<28} {r['encrypted_s'] * 1000:>9.0f}ms {r['plain_s'] * 1000:>8.0f}ms {ratio:>7}  "
              f"{same} {same_ratio:>7}  {r['target']} {status}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rebuild", action="store_true", help="regenerate the 10,000-client database")
    parser.add_argument("--runs", type=int, default=RUNS, help=f"timed runs per measure (default {RUNS})")
    args = parser.parse_args(argv)

    tmp_root = Path(tempfile.mkdtemp(prefix="loyaldesk-bench-enc-"))
    os.environ["LOYALDESK_HOME"] = str(tmp_root / "home")
    from loyaldesk.core import cipher

    started = dt.datetime.now().isoformat(timespec="seconds")
    load_before = os.getloadavg() if hasattr(os, "getloadavg") else None
    try:
        info = bench_clients.ensure_database("small", args.rebuild)
        source = bench_clients.db_path("small")
        plain, encrypted = tmp_root / "plain.db", tmp_root / "encrypted.db"
        shutil.copyfile(source, plain)
        shutil.copyfile(source, encrypted)
        t0 = time.perf_counter()
        cipher.protect(encrypted, PASSPHRASE, keep_plain=False)
        protect_s = time.perf_counter() - t0
        log(f"protected a copy of {source.name} ({encrypted.stat().st_size / 1e6:.0f} MB) in {protect_s:.1f} s")
        results, ok = bench_in_process(plain, encrypted, args.runs)
        cli_results, cli_ok = bench_cli(plain, encrypted, tmp_root / "home", CLI_RUNS)
        results += cli_results
        ok &= cli_ok
    finally:
        shutil.rmtree(tmp_root, ignore_errors=True)
    print_table(results)
    load_after = os.getloadavg() if hasattr(os, "getloadavg") else None
    print(f"\nload average before {load_before}, after {load_after}")
    driver = cipher.driver()
    conn = driver.connect(":memory:")
    version = conn.execute("PRAGMA cipher_version").fetchone()[0]
    conn.close()
    RESULTS_FILE.write_text(json.dumps({
        "started": started, "machine": platform.platform(), "python": platform.python_version(),
        "cpus": os.cpu_count(), "load_before": load_before, "load_after": load_after,
        "sqlcipher": version, "data": {k: info.get(k) for k in ("clients", "sessions", "touchpoints")},
        "protect_s": protect_s, "results": results,
    }, indent=1) + "\n")
    print(f"written to {RESULTS_FILE.relative_to(ROOT)}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
