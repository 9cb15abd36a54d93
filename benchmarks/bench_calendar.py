"""Calendar import speed: five years of a busy practice's calendar (.ics) into a practice of 3,000 clients.

The file is written as Google Calendar exports it (VTIMEZONE, TZID times, attendees with mailto:, folded lines,
CRLF): single events (half of them with the client as attendee, half with the client's name and 様 in the title
only) and weekly series with an EXDATE each. LoyalDesk's import is timed whole: read and expand (icalendar,
recurring-ical-events), match every event to a client, plan, write in one transaction.

Baseline in the same run: icalendar parses the same file and the events' start, title and description are
inserted with one executemany, with no expansion of repeating events, no matching and no checks.

    .venv/bin/python benchmarks/bench_calendar.py [--clients N] [--events N] [--series N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from loyaldesk.core.db import open_database  # noqa: E402
from loyaldesk.core.demo import _JA_FAMILY, _JA_GIVEN  # noqa: E402
from loyaldesk.core.io import calendar  # noqa: E402
from tests.core.io import calendars  # noqa: E402

TODAY = dt.date(2026, 12, 1)
TOKYO = ZoneInfo("Asia/Tokyo")


def make_practice(path: Path, clients: int) -> list[tuple[str, str]]:
    people = [(f"{f[0]} {g[0]}", f"{f[1]} {g[1]}", f"{f[2]}.{g[2]}@example.jp") for f in _JA_FAMILY for g in _JA_GIVEN]
    people = people[:clients]
    with open_database(path) as db, db.transaction() as conn:
        conn.executemany("INSERT INTO clients (name, name_kana, email) VALUES (?, ?, ?)", people)
    return [(name, email) for name, _, email in people]


def make_calendar(path: Path, people: list[tuple[str, str]], events: int, series: int) -> None:
    rng = random.Random(11)
    lines = ["BEGIN:VCALENDAR", "PRODID:-//Google Inc//Google Calendar 70.9054//EN", "VERSION:2.0",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH", f"X-WR-CALNAME:{calendars.OWNER}", *calendars.TOKYO_VTIMEZONE]
    first = TODAY - dt.timedelta(days=5 * 365)
    for i in range(events):
        name, email = rng.choice(people)
        day = first + dt.timedelta(days=rng.randrange(5 * 365))
        hour = rng.randrange(9, 18)
        start, end = f"{day:%Y%m%d}T{hour:02d}0000", f"{day:%Y%m%d}T{hour:02d}5000"
        extra = ([f"ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN={name};X-NUM-GUESTS=0:"
                  f"mailto:{email}"] if i % 2 else [])
        title = f"{name.replace(' ', '')}様 {rng.choice(['定例面談', '事業承継の相談', '資金計画', 'フォローアップ'])}"
        lines += calendars.event(f"e{i}@google.com", start, end, title, *extra,
                                 "DESCRIPTION:前回の宿題の確認。料金 ¥30\\,000")
    for i in range(series):
        name, email = rng.choice(people)
        day = first + dt.timedelta(days=rng.randrange(3 * 365))
        lines += calendars.event(f"s{i}@google.com", f"{day:%Y%m%d}T100000", f"{day:%Y%m%d}T110000",
                                 f"{name.replace(' ', '')}さん 週次コーチング", "RRULE:FREQ=WEEKLY;COUNT=52",
                                 f"EXDATE;TZID=Asia/Tokyo:{day + dt.timedelta(days=14):%Y%m%d}T100000",
                                 f"ATTENDEE;CN={name}:mailto:{email}")
    calendars.write(path, lines + ["END:VCALENDAR"])


def ours(ics: Path, db_path: Path) -> tuple[float, float, calendar.CalendarResult, dict]:
    start, cpu = time.perf_counter(), time.process_time()
    with open_database(db_path) as db:
        source = calendar.read_calendar(ics, zone=TOKYO, today=TODAY)
        plan = calendar.plan_calendar_import(db, source, now=dt.datetime.combine(TODAY, dt.time()))
        result = calendar.apply_calendar_import(db, plan)
    return time.perf_counter() - start, time.process_time() - cpu, result, plan.counts


def baseline(ics: Path, db_path: Path) -> tuple[float, float, int]:
    import icalendar

    start, cpu = time.perf_counter(), time.process_time()
    cal = icalendar.Calendar.from_ical(ics.read_bytes())
    rows = [(1, e.get("DTSTART").dt.date().isoformat(), str(e.get("SUMMARY")), str(e.get("DESCRIPTION") or ""))
            for e in cal.walk("VEVENT")]
    conn = sqlite3.connect(db_path)
    with conn:
        conn.executemany("INSERT INTO sessions (client_id, date, topic, notes) VALUES (?, ?, ?, ?)", rows)
    conn.close()
    return time.perf_counter() - start, time.process_time() - cpu, len(rows)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=3000)
    parser.add_argument("--events", type=int, default=10_000, help="single events over five years")
    parser.add_argument("--series", type=int, default=60, help="weekly series of 52 occurrences")
    args = parser.parse_args()
    load_before = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        people = make_practice(tmp / "template.db", args.clients)
        ics = tmp / "calendar.ics"
        make_calendar(ics, people, args.events, args.series)
        size = ics.stat().st_size
        for name in ("ours.db", "base1.db", "base2.db"):
            (tmp / name).write_bytes((tmp / "template.db").read_bytes())
        b1 = baseline(ics, tmp / "base1.db")
        o_time, o_cpu, result, counts = ours(ics, tmp / "ours.db")
        b2 = baseline(ics, tmp / "base2.db")
        b_time, b_cpu, b_rows = min(b1, b2)
        start = time.perf_counter()
        with open_database(tmp / "ours.db") as db:  # the same file again: nothing to add
            source = calendar.read_calendar(ics, zone=TOKYO, today=TODAY)
            again = calendar.plan_calendar_import(db, source, now=dt.datetime.combine(TODAY, dt.time())).counts
        again_time = time.perf_counter() - start
    print(f"calendar import: {args.events:,} events + {args.series} weekly series ({size / 2**20:.1f} MB .ics), "
          f"{len(people):,} clients")
    print(f"  LoyalDesk (read, expand, match, plan, write): {o_time:6.2f} s  (CPU {o_cpu:5.2f} s; "
          f"{result.added:,} sessions added, {counts['unmatched']:,} unmatched, {counts['skip']:,} skipped)")
    print(f"  baseline (icalendar parse + one executemany): {b_time:6.2f} s  (CPU {b_cpu:5.2f} s; {b_rows:,} rows)")
    print(f"  ratio {o_time / b_time:.1f}x (CPU {o_cpu / b_cpu:.1f}x)")
    print(f"  the same file again (read and plan only): {again_time:6.2f} s; add {again['add']}, "
          f"skip {again['skip']:,}")
    figures = {"generated_at": time.strftime("%Y-%m-%dT%H:%M:%S"), "clients": len(people), "events": args.events,
               "series": args.series, "ics_bytes": size,
               "machine": {"platform": platform.platform(), "cpus": os.cpu_count(),
                           "python": platform.python_version(), "loadavg_before": [round(x, 2) for x in load_before]},
               "loyaldesk_seconds": round(o_time, 2), "loyaldesk_cpu_seconds": round(o_cpu, 2),
               "added": result.added, "unmatched": counts["unmatched"],
               "baseline_seconds": round(b_time, 2), "baseline_cpu_seconds": round(b_cpu, 2),
               "ratio": round(o_time / b_time, 2), "cpu_ratio": round(o_cpu / b_cpu, 2),
               "reimport_plan_seconds": round(again_time, 2)}
    (Path(__file__).resolve().parent / "results-calendar.json").write_text(json.dumps(figures, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
