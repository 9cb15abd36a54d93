"""`loyaldesk import --db PATH FILE.ics`: sessions from a calendar export (loyaldesk.core.io.calendar).

The .ics extension selects it (--kind sessions is implied). Prints the counts, then one line per event that
no client (or several) matched: `event N: no client matched "…"`. Exit codes as for the other imports:
0 all done, 3 written but some events unmatched, 2 nothing written (no events, or only unmatched ones).
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from pathlib import Path

from loyaldesk.core import errors
from loyaldesk.core.i18n import t

EXIT_OK = 0
EXIT_IMPORT_NOTHING = 2
EXIT_IMPORT_PARTIAL = 3


def add_import_arguments(imp: argparse.ArgumentParser) -> None:
    """The options of `import` that only a calendar (.ics) takes."""
    group = imp.add_argument_group("calendar (.ics)")
    group.add_argument("--from", dest="cal_from", metavar="DATE",
                       help="first day of the events to import (default: 5 years before today)")
    group.add_argument("--to", dest="cal_to", metavar="DATE", help="last day of the events to import (default: today)")
    group.add_argument("--all-day", dest="cal_all_day", action="store_true",
                       help="import all-day events too (skipped by default)")
    group.add_argument("--me", dest="cal_me", metavar="EMAIL", action="append", default=[],
                       help="your own e-mail in the calendar (events you declined are skipped; never a client); "
                       "may be given more than once")
    group.add_argument("--time-zone", dest="cal_zone", metavar="ZONE",
                       help="the practice's time zone, e.g. Asia/Tokyo (default: the one set for the practice, "
                       "else this computer's)")


def _day(value: str | None, field: str) -> dt.date | None:
    if value is None:
        return None
    from loyaldesk.core.dates import parse_date

    day = parse_date(value, field=field)
    if day is None:
        raise errors.ValidationError("date.invalid", field=field, value=value)
    return day


def _client_names(db_path: Path, ids: set[int]) -> dict[int, str]:
    from loyaldesk.core.db import open_database

    if not ids:
        return {}
    with open_database(db_path, create=False) as db:
        marks = ", ".join("?" for _ in ids)
        return dict(db.query(f"SELECT id, name FROM clients WHERE id IN ({marks})", tuple(ids), plain=True))


def cmd_import(args: argparse.Namespace, db_path: Path, *, backup: Callable, on_busy: Callable) -> int:
    from loyaldesk.core.db import open_database
    from loyaldesk.core.io import calendar

    path = Path(args.file).expanduser()
    start, end = _day(args.cal_from, "from"), _day(args.cal_to, "to")
    with open_database(db_path) as db:
        db.on_busy = on_busy
        zone = calendar.practice_zone(db, args.cal_zone)
        source = calendar.read_calendar(path, start=start, end=end, zone=zone)
        plan = calendar.plan_calendar_import(db, source, keep_all_day=args.cal_all_day, me=args.cal_me)
        counts = plan.counts
        result = None
        if (counts["add"] + counts["update"] + counts["upcoming"]) and not args.dry_run:
            backup(db, "import")
            result = calendar.apply_calendar_import(db, plan)
            counts = plan.counts  # decided again under the write lock if another writer came first
    line = t("calendar.cli.summary", start=plan.start.isoformat(), end=plan.end.isoformat(), **counts)
    if args.dry_run:
        line += " " + t("calendar.cli.dry_run")
    elif not (result and result.written):
        line += " " + t("calendar.cli.nothing_written")
    print(line)
    for item in plan.items:
        event = item.event
        summary = event.summary or t("calendar.no_title")
        if item.action == calendar.UNMATCHED and not item.candidates:
            print(t("calendar.cli.unmatched", n=event.number, summary=summary, date=event.when))
        elif item.action == calendar.UNMATCHED:
            print(t("calendar.cli.several", n=event.number, count=len(item.candidates), summary=summary,
                    date=event.when, names=item.reason.partition(": ")[2]))
    if args.dry_run:  # the whole preview: every event with its date, fate, client and title
        names = _client_names(db_path, {i.client_id for i in plan.items if i.client_id})
        for item in plan.items:
            event = item.event
            client = f"{names.get(item.client_id, '')} #{item.client_id}" if item.client_id else "-"
            title = item.topic if item.topic and item.action in (calendar.ADD, calendar.UPCOMING) else event.summary
            detail = f" ({item.reason})" if item.reason else ""
            print(f"  {event.number:>4}  {event.when:<16}  {item.action:<9}  {client}  {title}{detail}")
    if not plan.items:
        return EXIT_IMPORT_NOTHING
    if counts["unmatched"]:
        return EXIT_IMPORT_PARTIAL if result and result.written else EXIT_IMPORT_NOTHING
    return EXIT_OK
