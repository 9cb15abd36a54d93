"""Import speed: 100,000 client rows from a CP932 CSV (target: under 10 s).

Baseline in the same run: the same file parsed with the csv module and inserted with one
executemany, without any checking, normalization or duplicate detection.

    .venv/bin/python benchmarks/bench_import.py [--rows N]
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from loyaldesk.core.db import open_database  # noqa: E402
from loyaldesk.core.demo import _JA_FAMILY, _JA_GIVEN  # noqa: E402
from loyaldesk.core.io import files, importer  # noqa: E402

HEADER = ["氏名", "フリガナ", "会社名", "メールアドレス", "電話番号", "郵便番号", "住所", "生年月日", "タグ", "備考"]


def make_csv(path: Path, rows: int) -> None:
    rng = random.Random(7)
    with open(path, "w", encoding="cp932", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(HEADER)
        for i in range(rows):
            fam, giv = rng.choice(_JA_FAMILY), rng.choice(_JA_GIVEN)
            w.writerow([
                # a serial number keeps every person distinct, so all rows are added (the most work)
                f"{fam[0]}　{giv[0]}{i}", f"{fam[1]} {giv[1]}{i}", rng.choice(["株式会社さくら", "", "山田商店"]),
                f"{fam[2]}.{giv[2]}{i}@example.jp", f"０９０－{i % 10000:04d}－{rng.randrange(10000):04d}",
                f"{rng.randrange(100, 999)}{rng.randrange(10000):04d}", "東京都渋谷区神宮前1-2-3",
                f"{rng.randrange(1950, 2000)}/{rng.randrange(1, 13)}/{rng.randrange(1, 29)}",
                rng.choice(["経営者", "", "経営者、ニュースレター"]), "",
            ])


def ours(csv_path: Path, db_path: Path) -> tuple[float, float, int]:
    start, cpu = time.perf_counter(), time.process_time()
    with open_database(db_path) as db:
        loaded = files.load_table(db, csv_path, "clients")
        records = files.client_records(loaded)
        plan = importer.plan_client_import(db, records)
        result = importer.apply_client_import(db, plan, on_error="skip")
    return time.perf_counter() - start, time.process_time() - cpu, result.added


def baseline(csv_path: Path, db_path: Path) -> tuple[float, float, int]:
    if db_path.exists():
        db_path.unlink()
    open_database(db_path).close()
    start, cpu = time.perf_counter(), time.process_time()
    with open(csv_path, encoding="cp932", newline="") as fh:
        reader = csv.reader(fh)
        next(reader)
        rows = [(r[0], r[1], r[2], r[3], r[4], r[5], r[6]) for r in reader]
    conn = sqlite3.connect(db_path)
    with conn:
        conn.executemany("INSERT INTO clients (name, name_kana, company, email, phone, postal_code, address1) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    conn.close()
    return time.perf_counter() - start, time.process_time() - cpu, len(rows)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    load_before = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        src = tmp / "clients.csv"
        make_csv(src, args.rows)
        # the baseline before and after ours, the faster kept: a machine shared with other work
        # slows one run or the other, not the work itself
        b1 = baseline(src, tmp / "baseline.db")
        o_time, o_cpu, o_rows = ours(src, tmp / "ours.db")
        b2 = baseline(src, tmp / "baseline.db")
        b_time, b_cpu, b_rows = min(b1, b2)
    print(f"import of {args.rows:,} client rows (CP932 CSV, empty database)")
    print(f"  LoyalDesk import (read, normalize, plan, write): {o_time:6.2f} s  (CPU {o_cpu:5.2f} s; {o_rows:,} added)")
    print(f"  baseline (csv module + one executemany):         {b_time:6.2f} s  (CPU {b_cpu:5.2f} s; {b_rows:,} rows)")
    print(f"  ratio {o_time / b_time:.1f}x (CPU {o_cpu / b_cpu:.1f}x); target under 10 s: "
          f"{'ok' if o_time < 10 else 'MISSED'}")
    import json
    import platform

    result = {"generated_at": time.strftime("%Y-%m-%dT%H:%M:%S"), "rows": args.rows,
              "machine": {"platform": platform.platform(), "cpus": os.cpu_count(), "python": platform.python_version(),
                          "loadavg_before": [round(x, 2) for x in load_before]},
              "loyaldesk_seconds": round(o_time, 2), "loyaldesk_cpu_seconds": round(o_cpu, 2), "added": o_rows,
              "baseline_seconds": round(b_time, 2), "baseline_cpu_seconds": round(b_cpu, 2),
              "ratio": round(o_time / b_time, 2), "cpu_ratio": round(o_cpu / b_cpu, 2), "target_seconds": 10}
    (Path(__file__).resolve().parent / "results-import.json").write_text(json.dumps(result, indent=1) + "\n")
    return 0 if o_time < 10 else 1


if __name__ == "__main__":
    sys.exit(main())
