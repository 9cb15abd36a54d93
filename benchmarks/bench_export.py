"""Benchmark of `loyaldesk export --out .xlsx` (every table: clients, sessions, touchpoints, tags).

    .venv/bin/python benchmarks/bench_export.py [--clients 10000] [--sessions 200000] [--runs 1]

The database is the one of benchmarks/bench_report.py (benchmarks/data/report-N.db, built there with
a fixed seed when missing): `--clients 100000 --sessions 1000000` is the practice of issue 20.

Measured in the same run, both as whole processes (interpreter start, imports, reading, writing),
median of RUNS, with the peak memory of each:
- ours: `loyaldesk export --db DB --out export.xlsx` (what=all);
- baseline: a python process reading the same four tables with plain SQL (sessions and touchpoints
  with the client's name, clients with their tags and roles) and writing them with openpyxl's
  write-only mode (`Workbook(write_only=True)`, `ws.append(row)`), without any formatting.

Checked in the same run (exit 1 on a mismatch): every sheet of both files holds the table's rows.
The target (ours within 2x the baseline) is never asserted: a miss prints MISSED. Figures go to
benchmarks/results-export.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import sqlite3
import statistics
import sys
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_report import ensure_db, timed_peak  # noqa: E402

RESULTS_FILE = HERE / "results-export.json"
TARGET_RATIO = 2.0
TABLES = ("clients", "sessions", "touchpoints", "tags")

BASELINE_SQL = {
    "clients": """SELECT c.*,
        (SELECT group_concat(t.name, ', ') FROM client_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.client_id = c.id),
        (SELECT group_concat(t.name, ', ') FROM client_tags ct JOIN tags t ON t.id = ct.tag_id
          WHERE ct.client_id = c.id AND t.category = 'role')
        FROM clients c ORDER BY c.id""",
    "sessions": "SELECT s.*, c.name FROM sessions s LEFT JOIN clients c ON c.id = s.client_id ORDER BY s.id",
    "touchpoints": "SELECT x.*, c.name FROM touchpoints x LEFT JOIN clients c ON c.id = x.client_id ORDER BY x.id",
    "tags": "SELECT * FROM tags ORDER BY id",
}


def baseline(db_path: Path, out: Path) -> dict[str, int]:
    from openpyxl import Workbook

    conn = sqlite3.connect(db_path)
    wb = Workbook(write_only=True)
    counts = {}
    for table in TABLES:
        ws = wb.create_sheet(table)
        cursor = conn.execute(BASELINE_SQL[table])
        ws.append([d[0] for d in cursor.description])
        n = 0
        for row in cursor:
            ws.append(row)
            n += 1
        counts[table] = n
    conn.close()
    wb.save(out)
    return counts


BASELINE_SCRIPT = f"""
import sys
sys.path.insert(0, {str(HERE)!r})
from bench_export import baseline
from pathlib import Path
baseline(Path(sys.argv[1]), Path(sys.argv[2]))
"""


def sheet_rows(path: Path) -> dict[str, int]:
    """Data rows per sheet (sheet name -> rows below the header), read by streaming the XML."""
    with zipfile.ZipFile(path) as zf:
        workbook = zf.read("xl/workbook.xml").decode("utf-8")
        names = re.findall(r'<sheet [^>]*name="([^"]+)"', workbook)
        members = sorted((n for n in zf.namelist() if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", n)),
                         key=lambda n: int(re.search(r"\d+", n).group()))
        counts = {}
        for name, member in zip(names, members):
            rows, tail = 0, b""
            with zf.open(member) as fh:
                while chunk := fh.read(1 << 20):
                    data = tail + chunk
                    rows += data.count(b"<row ") + data.count(b"<row>")
                    tail = data[-5:] if not data[-5:].startswith(b"<row") else b""
                    rows -= tail.count(b"<row ")
            counts[name] = rows - 1
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=10_000)
    parser.add_argument("--sessions", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()

    db_path = ensure_db(args.clients, args.sessions, False)
    tmp = Path(tempfile.mkdtemp(prefix="bench-export-"))
    out = tmp / "export.xlsx"
    base_out = tmp / "baseline.xlsx"
    env = dict(os.environ, LOYALDESK_HOME=str(tmp / "home"), LOYALDESK_LANG="en")

    conn = sqlite3.connect(db_path)
    expected = {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}
    conn.close()

    ours_cli = [sys.executable, "-m", "loyaldesk", "export", "--db", str(db_path), "--out", str(out)]
    base_cli = [sys.executable, "-c", BASELINE_SCRIPT, str(db_path), str(base_out)]
    ours, base = [], []
    for _ in range(args.runs):  # alternated, so that a busy moment of the machine weighs on both
        ours.append(timed_peak(ours_cli, env))
        base.append(timed_peak(base_cli, env))
    ours_s, ours_mb = statistics.median(r[0] for r in ours), max(r[1] for r in ours)
    base_s, base_mb = statistics.median(r[0] for r in base), max(r[1] for r in base)

    for name, path in (("ours", out), ("baseline", base_out)):
        found = sheet_rows(path)
        if found != expected:
            print(f"MISMATCH: {name} sheets {found}, tables {expected}")
            return 1

    ratio = ours_s / base_s
    results = {
        "date": dt.datetime.now().isoformat(timespec="seconds"),
        "machine": f"{platform.system()} {platform.machine()} Python {platform.python_version()}",
        "clients": args.clients, "sessions": args.sessions, "rows": expected, "runs": args.runs,
        "export_xlsx_process_s": round(ours_s, 2), "export_xlsx_peak_mb": round(ours_mb, 1),
        "baseline_openpyxl_write_only_s": round(base_s, 2), "baseline_peak_mb": round(base_mb, 1),
        "ratio": round(ratio, 2), "target_ratio": TARGET_RATIO,
        "export_bytes": out.stat().st_size, "baseline_bytes": base_out.stat().st_size,
    }
    previous = json.loads(RESULTS_FILE.read_text()) if RESULTS_FILE.exists() else {}
    previous[str(args.clients)] = results
    RESULTS_FILE.write_text(json.dumps(previous, indent=1) + "\n")
    verdict = "ok" if ratio <= TARGET_RATIO else "MISSED"
    print(f"{args.clients:,} clients, {args.sessions:,} sessions: " + ", ".join(f"{t} {n:,}" for t, n in expected.items()))
    print(f"  loyaldesk export --out .xlsx   {ours_s:7.2f} s, peak {ours_mb:5.0f} MB, {out.stat().st_size / 1e6:6.1f} MB file")
    print(f"  baseline openpyxl write-only   {base_s:7.2f} s, peak {base_mb:5.0f} MB, {base_out.stat().st_size / 1e6:6.1f} MB file")
    print(f"  ratio ours/baseline {ratio:.2f}x (target <= {TARGET_RATIO:.0f}x): {verdict}")
    for path in (out, base_out):
        path.unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
