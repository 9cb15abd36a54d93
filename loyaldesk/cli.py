"""The command line. Thin: parses arguments, calls the core, prints.

`loyaldesk` with no command starts the app. Commands that need neither Qt nor pandas
never import them, so they start fast. A user error prints one line and exits 1.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import sys
from pathlib import Path

from loyaldesk import __version__, cli_protect
from loyaldesk.core import errors
from loyaldesk.core.i18n import choose_language, set_language, t

EXIT_OK = 0
EXIT_USER_ERROR = 1
EXIT_USAGE = 2
EXIT_BUG = 3

log = logging.getLogger("loyaldesk")


def _as_of(value: str | None) -> dt.date | None:
    """The --as-of date; an impossible date is a user error (one line, exit 1)."""
    if value is None:
        return None
    from loyaldesk.core.dates import parse_date

    day = parse_date(value, field="as_of")
    if day is None:
        raise errors.ValidationError("date.invalid", field="as_of", value=value)
    return day


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="loyaldesk",
        description="LoyalDesk: clients, sessions and the contact rhythm of a consulting practice.",
    )
    parser.add_argument("--version", action="version", version=f"LoyalDesk {__version__}")
    parser.add_argument("--lang", choices=("en", "ja"), help="user-interface language (default: system locale)")
    parser.add_argument("--db", metavar="PATH", help="database file (default: LOYALDESK_DB or the user data folder)")
    parser.add_argument("--skip-check", action="store_true",
                        help="do not check the file for damage first (it is checked once after each change)")
    cli_protect.add_arguments(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="database file")
        p.add_argument("--lang", choices=("en", "ja"), default=argparse.SUPPRESS, help="language")
        p.add_argument("--skip-check", action="store_true", default=argparse.SUPPRESS,
                       help="do not check the file for damage first")
        return p

    gui = add("gui", "start the desktop app (the default)")
    gui.add_argument("--exit-when-shown", action="store_true", help=argparse.SUPPRESS)

    init = add("init", "create or upgrade a database (idempotent)")
    init.add_argument("--currency", metavar="CODE",
                      help="the practice's currency, an ISO 4217 code such as JPY, USD, EUR, GBP (default JPY); "
                           "refused on a file that already records sessions in another currency")

    demo = add("demo", "write a realistic sample practice into a database")
    demo.add_argument("--clients", type=int, default=120, metavar="N", help="number of clients (default 120)")
    demo.add_argument("--seed", type=int, default=None, metavar="S", help="random seed for a repeatable sample")
    demo.add_argument("--force", action="store_true", help="replace the data of a non-empty database")
    demo.add_argument("--currency", metavar="CODE", help="the sample practice's currency (default JPY)")

    clients = add("clients", "list clients with their last contact and overdue status")
    clients.add_argument("--overdue", action="store_true", help="only clients whose contact is overdue")
    clients.add_argument("--as-of", metavar="YYYY-MM-DD", help="compute as of this date (default today)")
    clients.add_argument("--json", action="store_true", help="print one JSON array")

    tiers = add("tiers", "compute loyalty tiers (vip, candidate, regular, new, prospect), scores and the 80/20 view")
    tiers.add_argument("--as-of", metavar="YYYY-MM-DD", help="compute as of this date (default today)")
    tiers.add_argument("--json", action="store_true", help='print one JSON object {"summary": ..., "clients": [...]}')

    suggest = add("suggest", "next actions: whom to contact, how and why (open suggestions, most urgent first)")
    suggest.add_argument("--as-of", metavar="YYYY-MM-DD", help="compute as of this date (default today)")
    suggest.add_argument("--json", action="store_true", help="print one JSON array")

    today = add("today", "the daily plan: today's personal contacts (at most the daily capacity), group mailings, "
                "and the backlog with the day it is worked off")
    today.add_argument("--as-of", metavar="YYYY-MM-DD", help="the plan of this date (default today)")
    today.add_argument("--capacity", type=int, metavar="N",
                       help="personal contacts a day, 1-50, for this run (default: the practice's daily capacity)")
    today.add_argument("--json", action="store_true",
                       help='print one JSON object {"date", "capacity", "plan", "batches", "backlog"}')

    imp = add("import", "import clients (CSV, TSV, Excel, vCard), sessions (a sales ledger, or a calendar .ics) "
              "or an archive (.zip)")
    imp.add_argument("file", metavar="FILE", help="the file to import (.csv .tsv .txt .xlsx .vcf .zip, or a calendar "
                     ".ics: its events become sessions)")
    imp.add_argument("--kind", choices=("clients", "sessions"), default="clients", help="what the rows are (default clients)")
    imp.add_argument("--dry-run", action="store_true", help="check and report; write nothing")
    imp.add_argument("--on-error", choices=("skip", "abort"), default="abort",
                     help="rows with errors: skip them, or import nothing (default abort)")
    imp.add_argument("--duplicates", choices=("merge", "skip"), default="merge",
                     help="a client already known: fill its empty fields (merge, default) or skip the row")
    imp.add_argument("--create-clients", action="store_true",
                     help="sessions import: create the clients that are not found")
    imp.add_argument("--sheet", metavar="NAME|N", help="the sheet of a workbook to read, by name or number (default: "
                     "the first sheet with data)")
    imp.add_argument("--header-row", type=int, metavar="N",
                     help="the row holding the column names, as the spreadsheet numbers it (default: found)")
    imp.add_argument("--map", metavar="COLUMN=FIELD,...",
                     help='columns to fields, e.g. "取引先名=company,開始日=date"; FIELD "-" leaves a column out')
    imp.add_argument("--mapping", metavar="NAME", help="use a column mapping saved by name in the import dialog")
    from loyaldesk import cli_calendar

    cli_calendar.add_import_arguments(imp)  # --from --to --all-day --me --time-zone

    exp = add("export", "export clients, sessions and contacts as CSV, Excel, vCard or a full archive (.zip)")
    exp.add_argument("--out", required=True, metavar="FILE", help="output file: .csv .xlsx .vcf or .zip")
    exp.add_argument("--what", choices=("clients", "sessions", "touchpoints", "all"), default=None,
                     help="what to export (default: clients for .csv/.vcf, all for .xlsx/.zip)")
    exp.add_argument("--plain", action="store_true",
                     help="a .zip of a passphrase-protected practice: write it unencrypted (default: AES-256 "
                     "with the practice's passphrase)")

    bak = add("backup", "back the database up now (into the backups folder, or --out FILE)")
    bak.add_argument("--out", metavar="FILE", default=None, help="write the backup exactly to this file")

    res = add("restore", "replace the database with a backup; the current state is backed up first")
    res.add_argument("file", metavar="FILE", help="the backup file to restore")

    rep = add("report", "the annual client report for a year (with the year before): .xlsx, .pdf, .csv or JSON")
    rep.add_argument("--year", required=True, type=int, metavar="YYYY", help="the calendar year to report on")
    rep_out = rep.add_mutually_exclusive_group()
    rep_out.add_argument("--out", metavar="FILE", help="output file: .xlsx, .pdf or .csv (the per-client table)")
    rep_out.add_argument("--json", action="store_true", help='print one JSON object {"summary", "clients", "revenue_by_month"}')

    add("templates", "list the letter templates: keys with their languages")

    letters = sub.add_parser("letters", help="write personalized letters as one PDF (one letter per page or more)",
                             description="Write personalized letters as one A4 PDF. Without --lang, each letter is in "
                             "Japanese if the client's name, company or address is written in Japanese, else in the "
                             "user-interface language. Archived, do-not-contact and address-less clients are skipped.")
    letters.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="database file")
    letters.add_argument("--template", required=True, metavar="KEY", help="template key (see `loyaldesk templates`)")
    who = letters.add_mutually_exclusive_group(required=True)
    who.add_argument("--clients", metavar="1,2,3", help="client ids, separated by commas")
    who.add_argument("--tier", choices=("vip", "candidate", "regular", "new", "prospect"), help="every client of a tier")
    who.add_argument("--overdue", action="store_true", help="every client whose contact is overdue")
    who.add_argument("--tag", metavar="NAME", help="every client with this tag or role")
    letters.add_argument("--out", metavar="FILE.pdf", help="the PDF to write (needed unless --eml-dir is given)")
    letters.add_argument("--eml-dir", metavar="DIR",
                         help="also (or instead) write one e-mail draft (.eml) per recipient who has an e-mail "
                              "address into DIR (any mail program opens them); prints who has none")
    letters.add_argument("--lang", dest="letter_lang", choices=("ja", "en"), default=None,
                         help="letter language for everyone (default: per client)")
    letters.add_argument("--as-of", metavar="YYYY-MM-DD", help="the letters' date (default today)")
    letters.add_argument("--log-touchpoints", action="store_true",
                         help="log a letter touchpoint for every recipient and mark the suggestions answered done")

    from loyaldesk import cli_addresses

    cli_addresses.add_parsers(sub)  # postcards, envelopes, labels

    ev = add("events", "list the events with the number invited, replying yes and attending")
    ev.add_argument("--json", action="store_true", help="print a JSON list of the events")
    ev.add_argument("--as-of", metavar="YYYY-MM-DD",
                    help="count attendance of the events held on or before this day (default today)")

    inv = sub.add_parser("invite", help="invite a wave of clients to an event (and write their letters)",
                         description="Build a wave's invitation list and record the invitations: the early wave "
                         "is the VIP clients (with --candidates also the candidate clients), the general wave every "
                         "client not invited yet. Archived and do-not-contact clients are never invited.")
    inv.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="database file")
    inv.add_argument("--event", required=True, type=int, metavar="ID", help="the event (see `loyaldesk events`)")
    inv.add_argument("--wave", required=True, choices=("early", "general"), help="which wave")
    inv.add_argument("--candidates", action="store_true", help="early wave: candidate clients too")
    inv.add_argument("--tag", metavar="NAME", help="only the clients with this tag or role")
    inv.add_argument("--out", metavar="FILE.pdf", help="write the invitation letters to this PDF")
    inv.add_argument("--lang", dest="letter_lang", choices=("ja", "en"), default=None,
                     help="letter language for everyone (default: per client)")
    inv.add_argument("--as-of", metavar="YYYY-MM-DD", help="the invitations' and letters' date (default today)")
    inv.add_argument("--dry-run", action="store_true", help="list who would be invited; record nothing")
    inv.add_argument("--log-touchpoints", action="store_true",
                     help="with --out: record the invitations written as sent and log a letter touchpoint per "
                          "recipient (without it they are recorded as invited, not yet sent, and no contact is "
                          "logged)")

    add("self-test", "start the app offscreen on sample data, open every screen, exit 0 if all is well")
    cli_protect.add_parsers(sub, add)  # encrypt, decrypt, rekey
    from loyaldesk import cli_search

    cli_search.add_parser(add)  # search
    for command in sub.choices.values():
        cli_protect.add_arguments(command)  # --passphrase-file after any command too
    return parser


def _db_path(args: argparse.Namespace) -> Path:
    from loyaldesk import paths

    return paths.resolve_db_path(getattr(args, "db", None))


def cmd_init(args: argparse.Namespace) -> int:
    from loyaldesk.core.db import open_database

    path = _db_path(args)
    if not path.parent.exists() and getattr(args, "db", None) is None and not os.environ.get("LOYALDESK_DB"):
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    currency = None
    if getattr(args, "currency", None):
        from loyaldesk.core import money, practice

        currency = money.normalize_currency(args.currency)  # a bad code creates no file
    with open_database(path) as db:
        if currency:
            practice.set_currency(db, currency)
        print(t("cli.init_done", path=path, version=db.schema_version))
        if currency:
            print(t("cli.init_currency", currency=money.currency_label(currency)))
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from loyaldesk.core import demo
    from loyaldesk.core.db import open_database

    if not 1 <= args.clients <= 1_000_000:
        raise errors.ValidationError("cli.clients_invalid")
    path = _db_path(args)
    if not path.parent.exists() and getattr(args, "db", None) is None and not os.environ.get("LOYALDESK_DB"):
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    with open_database(path) as db:
        existing = int(db.scalar("SELECT COUNT(*) FROM clients"))
        if existing and not args.force:
            raise errors.DatabaseError("db.not_empty", path=path, count=existing)
        if existing:  # --force replaces a practice: never while a window shows it, never without a way back
            from loyaldesk.core import backup, in_use

            in_use.ensure_not_held(path)
            saved = backup.create_backup(db, "replace")
            print(t("cli.demo_backed_up", count=existing, backup=saved))
        currency = None
        if getattr(args, "currency", None):
            from loyaldesk.core import money

            currency = money.normalize_currency(args.currency)
        summary = demo.generate(db, clients=args.clients, seed=args.seed, replace=args.force, currency=currency)
        print(t("cli.demo_done", path=path, clients=summary.clients, sessions=summary.sessions,
                touchpoints=summary.touchpoints))
    return EXIT_OK


def cmd_clients(args: argparse.Namespace) -> int:
    from loyaldesk.core.clients import ClientRepository
    from loyaldesk.core.db import open_database

    as_of = _as_of(args.as_of)
    with open_database(_db_path(args), create=False) as db:
        if not db.read_only:  # the tiers as of that date give the contact intervals
            from loyaldesk.core.loyalty import refresh_tiers, tiers_stale

            if tiers_stale(db, as_of):  # else the stored ones are those a refresh would write
                refresh_tiers(db, as_of, report=False)
        rows = ClientRepository(db).list_rows(as_of=as_of, overdue_only=args.overdue)
        from loyaldesk.core import practice

        currency = practice.currency(db)
    if args.overdue:
        rows.sort(key=lambda r: -r.overdue_days)  # the most overdue first
    if args.json:
        payload = [
            {
                "id": r.id,
                "name": r.name,
                "name_kana": r.name_kana,
                "company": r.company,
                "email": r.email,
                "tags": list(r.tags),
                "roles": list(r.role_tags),
                "last_contact": r.last_contact.isoformat() if r.last_contact else None,
                "days_since_contact": r.days_since_contact,
                "cadence_days": r.cadence_days,
                "overdue_days": r.overdue_days,
                "overdue": r.overdue,
                "sessions": r.sessions,
                "revenue": r.revenue,
                "currency": currency,  # revenue in its minor units (cents for USD)
                "first_session": r.first_session.isoformat() if r.first_session else None,
                "do_not_contact": r.do_not_contact,
                "tier": r.tier,
                "status": r.status,
            }
            for r in rows
        ]
        _print_json(payload)
        return EXIT_OK
    _print_table(rows, currency)
    return EXIT_OK


def _print_json(payload) -> None:
    """JSON on stdout, one record per line: a list item by item, an object key by key with its
    lists item by item, written as it goes. Each record goes through the C encoder (json's
    indent= falls back to the pure-Python one: 7 s instead of 1 s for 100,000 clients)."""
    encode = json.JSONEncoder(ensure_ascii=False).encode
    write = sys.stdout.write

    def items(values: list, pad: str) -> None:
        if not values:
            write("[]")
            return
        write("[\n")
        for i, value in enumerate(values):
            write(("," if i else "") + ("\n" if i else "") + pad + encode(value))
        write("\n" + pad[:-1] + "]")

    if isinstance(payload, list):
        items(payload, " ")
    elif isinstance(payload, dict):
        write("{")
        for i, (key, value) in enumerate(payload.items()):
            write(("," if i else "") + "\n " + encode(key) + ": ")
            if isinstance(value, list):
                items(value, "  ")
            else:
                write(encode(value))
        write("\n}")
    else:
        write(encode(payload))
    write("\n")


def _print_table(rows, currency: str) -> None:
    from loyaldesk.core.money import format_number, symbol_of

    ja = t("client.name_required").startswith("顧客")
    headers = (["ID", "氏名", "最終連絡", "経過日数", "間隔", "超過", "回数", f"売上（{symbol_of(currency)}）"] if ja else
               ["ID", "Name", "Last contact", "Days", "Interval", "Overdue", "Sessions", f"Revenue ({symbol_of(currency)})"])
    table = [
        [str(r.id), r.name, r.last_contact.isoformat() if r.last_contact else "-",
         "" if r.days_since_contact is None else str(r.days_since_contact), str(r.cadence_days),
         f"+{r.overdue_days}" if r.overdue else "", str(r.sessions), format_number(r.revenue, currency)]
        for r in rows
    ]
    _print_grid(headers, table, numeric={0, 3, 4, 5, 6, 7})


def _print_grid(headers: list[str], table: list[list[str]], numeric: set[int]) -> None:
    """Columns padded to their display width (East Asian wide characters count twice)."""
    import unicodedata

    def width(text: str) -> int:
        return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)

    def pad(text: str, size: int, right: bool = False) -> str:
        fill = " " * max(0, size - width(text))
        return fill + text if right else text + fill

    widths = [max([width(h)] + [width(row[i]) for row in table]) for i, h in enumerate(headers)]
    print("  ".join(pad(h, widths[i], i in numeric) for i, h in enumerate(headers)))
    for row in table:
        print("  ".join(pad(c, widths[i], i in numeric) for i, c in enumerate(row)))


def _loyalty_report(db, as_of: dt.date | None):
    """The loyalty report as of the date, the stored tiers brought up to date first: refreshed only
    when something they are computed from changed (loyalty.tiers_stale), else read with the stored
    scores and ranks, writing nothing (and only read on a read-only file)."""
    from loyaldesk.core import dates, loyalty

    as_of = as_of or dates.today()
    if db.read_only or not loyalty.tiers_stale(db, as_of):
        return loyalty.compute_loyalty(db, as_of, use_stored=True)
    return loyalty.refresh_tiers(db, as_of).report


def cmd_tiers(args: argparse.Namespace) -> int:
    from loyaldesk.core import loyalty
    from loyaldesk.core.db import open_database

    as_of = _as_of(args.as_of)
    with open_database(_db_path(args), create=False) as db:
        report = _loyalty_report(db, as_of)
    if args.json:
        _print_json({"summary": loyalty.summary_dict(report),
                     "clients": [loyalty.client_dict(c) for c in report.clients]})
        return EXIT_OK
    from loyaldesk.core.money import format_number

    currency = report.settings.currency
    ja = _is_ja()
    headers = (["ID", "氏名", "ランク", "状態", "スコア", "順位", "経過日数", "12か月回数", "回数", "12か月売上", "累計売上",
                "継続日数"] if ja else
               ["ID", "Name", "Tier", "Status", "Score", "Rank", "Recency", "12m", "Sessions", "Revenue 12m", "Revenue",
                "Tenure"])
    table = [
        [str(c.id), c.name, loyalty.tier_label(c.tier), loyalty.status_label(c.status),
         "" if c.score is None else f"{c.score:.3f}", "" if c.rank is None else str(c.rank),
         "-" if c.recency_days is None else str(c.recency_days), str(c.frequency_12m), str(c.sessions_total),
         format_number(c.revenue_12m, currency), format_number(c.revenue_total, currency),
         "" if c.tenure_days is None else str(c.tenure_days)]
        for c in report.clients
    ]
    _print_grid(headers, table, numeric={0, 4, 5, 6, 7, 8, 9, 10, 11})
    print(loyalty.summary_line(report.summary))
    return EXIT_OK


def cmd_suggest(args: argparse.Namespace) -> int:
    from loyaldesk.core import suggestions
    from loyaldesk.core.db import open_database

    as_of = _as_of(args.as_of)
    with open_database(_db_path(args), create=False) as db:
        report = _loyalty_report(db, as_of)  # refreshed tiers: tier history dates the first day at vip
        items = suggestions.open_suggestions(db, report.as_of, report=report)
    if args.json:
        _print_json([suggestions.suggestion_dict(s) for s in items])
        return EXIT_OK
    day = report.as_of.isoformat()
    if not items:
        print(t("suggestion.none", as_of=day))
        return EXIT_OK
    headers = [t(f"suggestion.header.{h}") for h in ("due", "priority", "kind", "client", "reason")]
    table = [[s.due.isoformat(), str(s.priority), s.label, s.client_name, s.reason] for s in items]
    _print_grid(headers, table, numeric={1})
    print(t("suggestion.summary", as_of=day, count=len(items), due=sum(s.is_due(report.as_of) for s in items)))
    return EXIT_OK


def cmd_today(args: argparse.Namespace) -> int:
    from loyaldesk.core import today
    from loyaldesk.core.db import open_database

    as_of = _as_of(args.as_of)
    if args.capacity is not None and not 1 <= args.capacity <= 50:
        raise errors.ValidationError("today.capacity_invalid", field="capacity")
    with open_database(_db_path(args), create=False) as db:
        report = _loyalty_report(db, as_of)
        plan = today.daily_plan(db, report=report, capacity=args.capacity)
    if args.json:
        _print_json(today.plan_dict(plan))
        return EXIT_OK
    day = plan.date.isoformat()
    print(t("today.title", date=day, count=plan.planned_today, capacity=plan.capacity))
    if plan.over_capacity:
        print(t("today.over_capacity", capacity=plan.capacity, count=len(plan.plan)))
    if plan.done_today:
        print(t("today.done_today", count=plan.done_today))
    if plan.plan:
        headers = [t(f"suggestion.header.{h}") for h in ("due", "kind", "client", "reason")]
        _print_grid(headers, [[s.due.isoformat(), s.label, s.client_name, s.reason] for s in plan.plan], numeric=set())
    elif not plan.done_today:
        print(t("today.nothing"))
    if plan.batches:
        print()
        print(t("today.batches"))
        for batch in plan.batches:
            print(f"  {batch.title}")
    print()
    if plan.backlog:
        print(t("today.backlog", count=len(plan.backlog), capacity=plan.capacity, date=plan.caught_up_by.isoformat()))
    else:
        print(t("today.backlog_none"))
    return EXIT_OK


EXIT_IMPORT_PARTIAL = 3  # some rows had errors and were skipped
EXIT_IMPORT_NOTHING = 2  # nothing was written


def cmd_import(args: argparse.Namespace) -> int:
    from loyaldesk.core.db import open_database
    from loyaldesk.core.io import files, importer

    path = Path(args.file).expanduser()
    if path.suffix.lower() == ".ics":  # a calendar: its events are sessions (--kind sessions implied)
        from loyaldesk import cli_calendar

        return cli_calendar.cmd_import(args, _db_path(args), backup=_backup_before, on_busy=_say_busy)
    fmt = files.file_format(path)
    with open_database(_db_path(args)) as db:
        db.on_busy = _say_busy
        if fmt == "archive":
            return _import_archive(db, path, args)
        if fmt == "vcard":
            if args.kind == "sessions":
                raise errors.LoyalDeskError("import.vcard_sessions")
            records = files.read_vcard_records(path, db)
        else:
            loaded = files.load_table(db, path, args.kind, sheet=args.sheet, header_row=args.header_row,
                                      map_option=args.map, mapping_name=args.mapping)
            _print_mapping(loaded, args)
            files.check_required(loaded, args.kind)
            records = files.session_records(loaded) if args.kind == "sessions" else files.client_records(loaded)
        if args.kind == "sessions":
            plan = importer.plan_session_import(db, records, create_clients=args.create_clients)
        else:
            plan = importer.plan_client_import(db, records, duplicates=args.duplicates)
        counts = plan.counts
        will_write = (counts["add"] + counts["merge"]) > 0 and not (counts["error"] and args.on_error == "abort")
        result = None
        if will_write and not args.dry_run:
            _backup_before(db, "import")
            if args.kind == "sessions":
                result = importer.apply_session_import(db, plan, on_error=args.on_error)
            else:
                result = importer.apply_client_import(db, plan, on_error=args.on_error)
            counts = plan.counts  # decided again under the write lock if another writer came first
    _print_import_report(plan, args, written=bool(result and result.written))
    if not records:
        return EXIT_IMPORT_NOTHING
    if counts["error"]:
        return EXIT_IMPORT_PARTIAL if will_write else EXIT_IMPORT_NOTHING
    return EXIT_OK


def _print_mapping(loaded, args: argparse.Namespace) -> None:
    """The sheet and column mapping (first, on --dry-run); the columns left out because unsure, always."""
    from loyaldesk.core.io.mapping import column_letter

    table = loaded.table
    ja = _is_ja()
    out = sys.stdout if args.dry_run else sys.stderr
    if args.dry_run:
        if table.sheets and len(table.sheets) > 1:
            others = ", ".join(f"{n} ({table.sheet_rows.get(n, 0)})" for n in table.sheets if n != table.sheet)
            print((f"シート「{table.sheet}」を読み込みます（ほかのシート: {others}; --sheet で選べます）" if ja else
                   f"sheet “{table.sheet}” (other sheets: {others}; choose with --sheet)"), file=out)
        print((f"見出し行: {table.header_row}" if ja else f"header row: {table.header_row}"), file=out)
        for i, header in enumerate(loaded.headers):
            target = loaded.mapping.get(i)
            label = header or column_letter(i)
            shown = target or ("（取り込まない）" if ja else "(not imported)")
            print(f"  {column_letter(i)} {label} -> {shown}", file=out)
    elif table.sheets and len(table.sheets) > 1 and not args.sheet:
        print((f"シート「{table.sheet}」を読み込みました（ほかのシートは --sheet で選べます: "
               f"{', '.join(n for n in table.sheets if n != table.sheet)}）" if ja else
               f"read sheet “{table.sheet}” (choose another with --sheet: "
               f"{', '.join(n for n in table.sheets if n != table.sheet)})"), file=out)
    try:
        from loyaldesk.core.io import files

        files.check_required(loaded, args.kind)
        complete = True
    except errors.LoyalDeskError:
        complete = False  # the error that follows names every column
    if not args.dry_run and complete:  # the columns with values that are not imported, named once
        from loyaldesk.core.io.mapping import is_known_header

        candidates = [i for i, h in enumerate(loaded.headers)
                      if i not in loaded.mapping and i not in loaded.doubts and not (h and is_known_header(h))]
        filled: set[int] = set()
        if candidates:  # one pass over the rows (a large file's are read from the file)
            for _, cells in table.rows:
                filled.update(i for i in candidates if i not in filled and i < len(cells) and cells[i].strip())
                if len(filled) == len(candidates):
                    break
        left = [h or column_letter(i) for i, h in enumerate(loaded.headers) if i in filled]
        if left:
            print((f"取り込まない列（--map で指定できます）: {', '.join(left)}" if ja else
                   f"columns not imported (map them with --map): {', '.join(left)}"), file=out)
    for i, target in sorted(loaded.doubts.items()):
        header = loaded.headers[i]
        if ja:
            print(f"列「{header}」は取り込みません（{target} かもしれませんが確かではありません。"
                  f"取り込むには --map \"{header}={target}\"）", file=out)
        else:
            print(f"column “{header}” not imported: it may be {target} but that is not sure "
                  f"(to import it: --map \"{header}={target}\")", file=out)


def _say_busy() -> None:
    """Another LoyalDesk is writing to the practice: the write waits for it, and says so."""
    print("別の LoyalDesk が書き込み中です。終わるのを待っています…" if _is_ja()
          else "busy, waiting… (another LoyalDesk is writing to this practice)", file=sys.stderr, flush=True)


def _backup_before(db, reason: str) -> None:
    """A backup before a bulk write; a failing backup stops the write (nothing is lost)."""
    from loyaldesk.core import backup

    backup.create_backup(db, reason)


def _print_import_report(plan, args, written: bool) -> None:
    counts = plan.counts
    ja = _is_ja()
    if ja:
        head = (f"追加 {counts['add']} 件、統合 {counts['merge']} 件、スキップ {counts['skip']} 件、"
                f"エラー {counts['error']} 件")
        tail = "（確認のみ: 何も書き込んでいません）" if args.dry_run else ("" if written else "（何も書き込んでいません）")
    else:
        head = (f"added {counts['add']}, merged {counts['merge']}, skipped {counts['skip']}, "
                f"errors {counts['error']}")
        tail = " (dry run: nothing written)" if args.dry_run else ("" if written else " (nothing written)")
    print(head + tail)
    for problem in plan.problems():
        print(f"row {problem.row}: {problem.column}: {problem.reason}")


def _import_archive(db, path: Path, args: argparse.Namespace) -> int:
    from loyaldesk.core.io.export import import_zip

    if args.dry_run:
        print("dry run: an archive is imported whole or not at all; nothing written")
        return EXIT_OK
    _backup_before(db, "import")
    counts = import_zip(db, path)
    print(", ".join(f"{table} {n}" for table, n in counts.items()))
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from loyaldesk.core.db import open_database
    from loyaldesk.core.io import export

    out = Path(args.out).expanduser()
    suffix = out.suffix.lower()
    if suffix not in (".csv", ".xlsx", ".vcf", ".zip"):
        raise errors.LoyalDeskError("export.unknown_format", name=out.name)
    if not out.parent.is_dir():
        raise errors.DatabaseError("db.dir_not_found", path=out.parent)
    what = args.what or ("clients" if suffix in (".csv", ".vcf") else "all")
    with open_database(_db_path(args), create=False) as db:
        if suffix == ".csv":
            if what == "all":
                raise errors.LoyalDeskError("export.csv_all")
            export.export_csv(db, out, what)
        elif suffix == ".xlsx":
            warnings: list[str] = []
            export.export_xlsx(db, out, what, warnings=warnings)
            for line in warnings:  # a text longer than an Excel cell holds (the CSV and .zip keep it whole)
                print(line, file=sys.stderr)
        elif suffix == ".zip":
            export.export_zip(db, out, plain=args.plain)
        else:
            export.export_vcf(db, out)
    print(out)
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    from loyaldesk.core import reports
    from loyaldesk.core.db import open_database

    reports.check_year(args.year)
    if not args.json and not args.out:
        raise errors.LoyalDeskError("report.out_or_json")
    out = reports.check_output(args.out) if args.out else None
    with open_database(_db_path(args), create=False) as db:
        report = reports.build_report(db, args.year)
    if args.json:
        json.dump(reports.report_dict(report), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return EXIT_OK
    warnings: list[str] = []
    reports.write_report(report, out, warnings=warnings)
    for line in warnings:  # a text longer than an Excel cell holds
        print(line, file=sys.stderr)
    print(out)
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    from loyaldesk.core import backup
    from loyaldesk.core.db import open_database

    with open_database(_db_path(args), create=False) as db:
        written = backup.create_backup(db, "manual", out=args.out)
    print(t("backup.created", path=written))
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from loyaldesk.core import backup

    from loyaldesk.core import in_use

    path = _db_path(args)
    source = Path(args.file).expanduser()
    in_use.ensure_not_held(path)  # the practice a window shows is never swapped under it
    safety = backup.restore_backup(path, source)
    if safety is None:
        print(t("backup.restored_no_safety", backup=source, path=path))
    else:
        print(t("backup.restored", backup=source, path=path, safety=safety))
    return EXIT_OK


def _is_ja() -> bool:
    from loyaldesk.core.i18n import current_language

    return current_language() == "ja"


def cmd_templates(args: argparse.Namespace) -> int:
    from loyaldesk.core.db import open_database
    from loyaldesk.core.letters.templates import list_templates

    with open_database(_db_path(args), create=False) as db:
        items = list_templates(db)
    _print_grid(["key", "lang", "name"], [[x.key, x.lang, x.name] for x in items], numeric=set())
    return EXIT_OK


def cmd_letters(args: argparse.Namespace) -> int:
    from loyaldesk.core.db import open_database
    from loyaldesk.core.documents import pipeline
    from loyaldesk.core.letters import compose, sending

    as_of = _as_of(args.as_of)
    if args.out is None and args.eml_dir is None:
        raise errors.ValidationError("letters.out_missing", field="out")
    out = Path(args.out) if args.out else None
    if out is not None and (out.suffix.lower() != ".pdf" or not out.parent.is_dir()):
        raise errors.ValidationError("letters.out_invalid", field="out", path=out)
    if args.eml_dir is not None and (Path(args.eml_dir).exists() and not Path(args.eml_dir).is_dir()
                                     or not Path(args.eml_dir).parent.is_dir()):
        raise errors.ValidationError("letters.eml_dir_invalid", field="eml_dir", path=args.eml_dir)
    with open_database(_db_path(args), create=False) as db:
        ids = compose.parse_client_ids(args.clients) if args.clients is not None else None
        if not db.read_only:  # current tiers: --tier, --overdue and the VIP design follow them
            _loyalty_report(db, as_of)
        chosen = compose.select_clients(db, client_ids=ids, tier=args.tier, overdue=args.overdue, tag=args.tag,
                                        as_of=as_of)
        answered = sending.answered_suggestions(db, args.template, chosen, as_of) if args.log_touchpoints else {}
        request = pipeline.Request("letter", chosen, template=args.template, lang=args.letter_lang, as_of=as_of,
                                   suggestions=answered)
        written = 0
        batch = None
        if out is not None:
            batch = pipeline.prepare(db, request)
            for warning in batch.warnings:  # e.g. Japanese letters with only an English sender profile
                print(t("cli.warning", text=warning), file=sys.stderr)
            if batch.items:
                pages = pipeline.write(batch, out)
                print(t("letters.written", count=len(batch.items), path=out, pages=pages[-1] if pages else 0))
                if args.log_touchpoints:
                    rec = pipeline.record(db, batch, on=as_of)
                    print(t("letters.logged", count=rec.count))
                written += len(batch.items)
            else:
                print(t("letters.none_written"))
            for s in batch.skipped:
                print(t("letters.skipped_line", id=s.client_id, name=s.name, reason=s.reason_text))
        if args.eml_dir is not None:
            request.need = None  # a draft needs an e-mail address, not a postal one
            mail = pipeline.prepare(db, request)
            if out is None:
                for s in mail.skipped:
                    print(t("letters.skipped_line", id=s.client_id, name=s.name, reason=s.reason_text))
            if mail.items:
                if out is None:
                    for warning in mail.warnings:
                        print(t("cli.warning", text=warning), file=sys.stderr)
                done, missing = pipeline.write_drafts(mail, args.eml_dir)
                print(t("documents.drafts_written", count=len(done.paths), path=args.eml_dir))
                for item in missing:
                    print(t("documents.no_email_line", id=item.client_id, name=item.name))
                if args.log_touchpoints and done.client_ids:
                    on_paper = {i.client_id for i in batch.items} if batch is not None else set()
                    emailed = [c for c in done.client_ids if c not in on_paper]
                    if emailed:
                        rec = pipeline.record(db, mail, on=as_of, channel="email", client_ids=emailed)
                        print(t("letters.logged_email", count=rec.count))
                written += len(done.paths)
            elif out is None:
                print(t("letters.none_written"))
    return EXIT_OK if written else EXIT_USER_ERROR


def cmd_events(args: argparse.Namespace) -> int:
    from loyaldesk.core import events
    from loyaldesk.core.db import open_database

    with open_database(_db_path(args), create=False) as db:
        items = events.list_events(db, _as_of(args.as_of))
    if args.json:
        _print_json([events.event_dict(s) for s in items])
        return EXIT_OK
    _print_grid(["id", "date", "kind", "title", "capacity", "invited", "yes", "attended"],
                [[str(s.event.id), s.event.starts_at.strftime("%Y-%m-%d %H:%M") if s.event.starts_at else "",
                  events.kind_label(s.event.kind), s.event.title, "" if s.event.capacity is None else str(s.event.capacity),
                  str(s.invited), str(s.yes), str(s.attended)] for s in items], numeric={0, 4, 5, 6, 7})
    return EXIT_OK


def cmd_invite(args: argparse.Namespace) -> int:
    from loyaldesk.core import events
    from loyaldesk.core.db import open_database
    from loyaldesk.core.documents import pipeline
    from loyaldesk.core.letters import sending  # noqa: F401 (the letters.* messages)

    as_of = _as_of(args.as_of)
    out = Path(args.out) if args.out else None
    if out is not None and (out.suffix.lower() != ".pdf" or not out.parent.is_dir()):
        raise errors.ValidationError("letters.out_invalid", field="out", path=out)
    if args.log_touchpoints and out is None:
        raise errors.ValidationError("cli.invite_log_needs_out", field="out")
    with open_database(_db_path(args), create=False) as db:
        event = events.get_event(db, args.event)
        tag_id = None
        if args.tag:
            tag_id = db.scalar("SELECT id FROM tags WHERE name = ?", (args.tag.strip(),))
            if tag_id is None:
                raise errors.ValidationError("letters.tag_unknown", field="tag", value=args.tag)
        if not db.read_only:  # the early wave follows the current tiers
            _loyalty_report(db, as_of)
        ids = events.wave_candidates(db, event.id, args.wave, include_candidates=args.candidates, tag_id=tag_id,
                                     as_of=as_of)
        names = dict(db.query("SELECT id, name FROM clients WHERE id IN (SELECT value FROM json_each(?))",
                              (json.dumps(ids),), plain=True))
        for cid in ids:
            print(f"{cid}\t{names.get(cid, '')}")
        wave = events.wave_label(args.wave)
        if args.dry_run:
            print(t("cli.invite_dry_run", count=len(ids), title=event.title, wave=wave))
            return EXIT_OK
        if not ids:
            print(t("cli.invite_nobody", title=event.title, wave=wave))
            return EXIT_OK
        batch = None
        if out is not None:
            batch = pipeline.prepare(db, pipeline.Request("invitation", ids, lang=args.letter_lang, as_of=as_of,
                                                          event_id=event.id, wave=args.wave))
            for warning in batch.warnings:  # no sender profile or event title in a letter's language
                print(t("cli.warning", text=warning), file=sys.stderr)
            pages = pipeline.write(batch, out) if batch.items else []
        events.invite(db, event.id, ids, args.wave, on=as_of)
        print(t("cli.invite_done", count=len(ids), title=event.title, wave=wave))
        if batch is None:
            return EXIT_OK
        if batch.items:
            print(t("letters.written", count=len(batch.items), path=out, pages=pages[-1] if pages else 0))
            if args.log_touchpoints:
                rec = pipeline.record(db, batch, on=as_of)
                print(t("letters.logged", count=rec.count))
        else:
            print(t("letters.none_written"))
        for s in batch.skipped:
            print(t("letters.skipped_line", id=s.client_id, name=s.name, reason=s.reason_text))
    return EXIT_OK if batch.items else EXIT_USER_ERROR


def cmd_gui(args: argparse.Namespace) -> int:
    from loyaldesk.ui.app import run_app

    return run_app(_db_path(args), lang=getattr(args, "lang", None), exit_when_shown=getattr(args, "exit_when_shown", False))


def cmd_self_test(args: argparse.Namespace) -> int:
    from loyaldesk.ui.self_test import run_self_test

    return run_self_test(lang=getattr(args, "lang", None))


COMMANDS = {
    "gui": cmd_gui,
    "init": cmd_init,
    "demo": cmd_demo,
    "clients": cmd_clients,
    "tiers": cmd_tiers,
    "suggest": cmd_suggest,
    "today": cmd_today,
    "import": cmd_import,
    "export": cmd_export,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "report": cmd_report,
    "self-test": cmd_self_test,
    "templates": cmd_templates,
    "letters": cmd_letters,
    "postcards": lambda args: _address_command("postcards", args),
    "envelopes": lambda args: _address_command("envelopes", args),
    "labels": lambda args: _address_command("labels", args),
    "events": cmd_events,
    "invite": cmd_invite,
    "encrypt": lambda args: cli_protect.cmd_encrypt(args, _db_path(args)),
    "decrypt": lambda args: cli_protect.cmd_decrypt(args, _db_path(args)),
    "rekey": lambda args: cli_protect.cmd_rekey(args, _db_path(args)),
    "search": lambda args: _search_command(args),
}


def _search_command(args: argparse.Namespace) -> int:
    from loyaldesk import cli_search

    return cli_search.cmd_search(args, _db_path(args))


def _address_command(name: str, args: argparse.Namespace) -> int:
    from loyaldesk import cli_addresses

    return cli_addresses.COMMANDS[name](args)


def _owner_only(path: Path, mode: int) -> None:
    """Folders and files with client data readable by their owner only (0700 / 0600 on POSIX)."""
    try:
        if os.name == "posix" and (path.stat().st_mode & 0o777) != mode:
            os.chmod(path, mode)
    except OSError:
        pass


def _setup_logging(command: str) -> Path | None:
    """Log to the log file; bugs go there with their traceback."""
    from loyaldesk import paths

    try:
        folder = paths.log_dir()
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        _owner_only(folder, 0o700)
        logfile = folder / "loyaldesk.log"
        os.close(os.open(logfile, os.O_CREAT | os.O_APPEND | os.O_WRONLY, 0o600))  # the log is the user's only
        _owner_only(logfile, 0o600)
        handler = logging.FileHandler(logfile, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO if command in ("gui", "self-test") else logging.WARNING)
    return logfile


def _os_error_message(exc: OSError) -> str | None:
    """The user's words for an OSError they can cause (a full disk, no permission, a read-only or missing
    folder); None for others (a bug)."""
    import errno

    where = exc.filename or ""
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return t("cli.os_disk_full")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return t("cli.os_no_permission", path=where)
    if exc.errno == errno.EROFS:
        return t("cli.os_read_only", path=where)
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return t("cli.os_not_found", path=where)
    return None


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    command = args.command or "gui"
    set_language(choose_language(getattr(args, "lang", None)))
    logfile = _setup_logging(command)
    from loyaldesk.core.scratch import use_private_temp

    use_private_temp()  # temporary files with client data in the app's own folder (0700), never /tmp
    from loyaldesk.core.db import set_upgrade_reporter

    set_upgrade_reporter(lambda line: print(f"loyaldesk: {line}", file=sys.stderr))  # e.g. a template over the limits
    if command not in ("gui", "init", "demo", "self-test") and not getattr(args, "skip_check", False):
        from loyaldesk.core.db import set_integrity_check

        set_integrity_check(True)  # a damaged file is reported before anything is read or written
    try:
        cli_protect.load(args)  # a protected file's passphrase, for this run only
        return COMMANDS[command](args)
    except errors.LoyalDeskError as exc:
        print(f"loyaldesk: {exc.message}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except OSError as exc:  # the disk, the folder, the permissions: the user's to fix, said in their language
        message = _os_error_message(exc)
        if message is None:
            log.exception("unexpected error in %s", command)
            message = t("cli.unexpected", detail=f"{type(exc).__name__}: {exc}", log=logfile or "-")
        print("loyaldesk: " + message, file=sys.stderr)
        return EXIT_USER_ERROR if message else EXIT_BUG
    except Exception as exc:  # a bug: one line for the user, the traceback in the log
        log.exception("unexpected error in %s", command)
        print("loyaldesk: " + t("cli.unexpected", detail=f"{type(exc).__name__}: {exc}", log=logfile or "-"),
              file=sys.stderr)
        return EXIT_BUG


if __name__ == "__main__":
    sys.exit(main())
