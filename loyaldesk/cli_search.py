"""`loyaldesk search`: every conversation searched in full text (loyaldesk.core.search)."""

from __future__ import annotations

import argparse
import sys

from loyaldesk.core import errors
from loyaldesk.core.i18n import t


def add_parser(add) -> None:
    p = add("search", "search every conversation: client notes, session topics and notes, contact notes, "
                      "event feedback, and phone numbers in any formatting (newest first)")
    p.add_argument("query", metavar="TEXT", help="what to look for (several words: all of them)")
    p.add_argument("--json", action="store_true",
                   help='print one JSON array of {"client_id", "client_name", "source", "date", "snippet"}')
    p.add_argument("--limit", type=int, default=None, metavar="N", help="at most N results (default: all)")


def _ensure_index(db) -> None:
    """Build the index once when the file has none yet (a large file upgraded from an older version),
    with progress on stderr; a read-only file, or one another program is writing, is searched without it."""
    from loyaldesk.core import search

    if search.index_ready(db):
        return
    if db.read_only:
        print("loyaldesk: " + t("search.without_index"), file=sys.stderr)
        return
    shown = [-1]

    def progress(fraction: float) -> None:
        percent = int(fraction * 100)
        if percent // 10 != shown[0] // 10 or percent == 100:
            shown[0] = percent
            print(t("search.building", percent=percent), file=sys.stderr, flush=True)

    try:
        search.build_index(db, progress)
    except errors.DatabaseLockedError:
        print("loyaldesk: " + t("search.without_index"), file=sys.stderr)


def cmd_search(args: argparse.Namespace, db_path) -> int:
    from loyaldesk.core import search
    from loyaldesk.core.db import open_database

    if not search.terms_of(args.query):
        raise errors.ValidationError("search.empty_query")
    with open_database(db_path, create=False) as db:
        _ensure_index(db)
        hits = search.search(db, args.query, limit=args.limit if args.limit and args.limit > 0 else None)
    if args.json:
        from loyaldesk.cli import _print_json

        _print_json([hit.as_json() for hit in hits])
        return 0
    if not hits:
        print(t("search.none", query=args.query))
        return 0
    from loyaldesk.cli import _print_grid

    bold = sys.stdout.isatty()
    rows = [[h.date.isoformat() if h.date else "", h.client_name, t(f"search.source.{h.source}"),
             search.marked(h.snippet, "\x1b[1m" if bold else "[", "\x1b[0m" if bold else "]")] for h in hits]
    _print_grid([t(f"search.header.{k}") for k in ("date", "client", "source", "snippet")], rows, numeric=set())
    print(t("search.count", count=len(hits)))
    return 0
