"""The address commands of the command line: postcards, envelopes, labels (no Qt, no pandas at import).

    loyaldesk postcards --db PATH (--clients 1,2 | --tier vip | --season new_year --year 2027) --out FILE.pdf
        [--side address|message|both] [--template KEY] [--orientation horizontal|vertical]
    loyaldesk envelopes --db PATH (--clients ... | --tier ...) --out FILE.pdf [--layout naga3|dl|no10]
    loyaldesk labels --db PATH (--clients ... | --tier ...) --out FILE.pdf [--layout NAME] [--start N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from loyaldesk.core import errors
from loyaldesk.core.i18n import t

TIER_CHOICES = ("vip", "candidate", "regular", "new", "prospect")


def _offset(text: str) -> tuple[float, float]:
    try:
        x, y = (float(v) for v in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError("give the offset as X,Y in mm, e.g. 0.5,-1") from None
    return x, y


def add_parsers(sub) -> None:
    """Add the three commands to the main parser's subparsers."""
    from loyaldesk.core.addresses.layouts import ENVELOPE_LAYOUTS, LABEL_LAYOUTS

    def common(p: argparse.ArgumentParser, seasons: bool) -> None:
        p.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="database file")
        who = p.add_mutually_exclusive_group(required=True)
        who.add_argument("--clients", metavar="1,2,3", help="client ids, separated by commas")
        who.add_argument("--tier", choices=TIER_CHOICES, help="every client of a tier")
        if seasons:
            who.add_argument("--season", choices=("new_year", "summer", "winter", "year_end"),
                             help="this season's 'to send' list (needs --year): active clients minus do-not-contact, "
                                  "archived, cards already sent and, for new_year, clients in mourning")
            p.add_argument("--year", type=int, metavar="YYYY", help="the year of the cards (with --season)")
        p.add_argument("--out", required=True, metavar="FILE.pdf", help="the PDF to write")
        p.add_argument("--as-of", metavar="YYYY-MM-DD", help="the date (default today)")
        p.add_argument("--proof", action="store_true", default=None,
                       help="draw the postal-code boxes and edges (to print on blank paper)")
        p.add_argument("--offset", type=_offset, metavar="X,Y",
                       help="calibration offset in mm (x right, y down), default: the saved option")

    post = sub.add_parser("postcards", help="postcard address sides (はがき宛名面) as a PDF, one per page",
                          description="Postcard address sides, 100 x 148 mm, one per page: vertical Japanese "
                                      "addresses, postal codes in the boxes. Archived, do-not-contact and "
                                      "address-less clients are skipped (printed with the reason).")
    common(post, seasons=True)
    post.add_argument("--numerals", choices=("kanji", "fullwidth"), help="numbers in addresses (default: saved option)")
    post.add_argument("--hyphen", choices=("stroke", "no"), help="between numbers: a vertical stroke or の")
    post.add_argument("--side", choices=("address", "message", "both"), default="address",
                      help="address: the address side, one page per card (default); message: the message side "
                           "(はがき文面) from a template, one page per card; both: two pages per card, the address "
                           "side then its message side, for double-sided printing")
    post.add_argument("--template", metavar="KEY",
                      help="the message side's template (see `loyaldesk templates`); default: the postcard "
                           "template of the season (postcard.new_year, postcard.winter, postcard.summer, "
                           "postcard.year_end)")
    post.add_argument("--orientation", choices=("horizontal", "vertical"),
                      help="the message side: horizontal (横書き) or vertical (縦書き, Japanese cards); "
                           "default: the saved option")
    post.add_argument("--record-sent", action="store_true",
                      help="record the cards as sent (greetings and a card touchpoint); with --season, for that "
                           "season and year, else the current season")

    env = sub.add_parser("envelopes", help="envelope addresses as a PDF (長形3号 vertical, or DL / #10)",
                         description="Envelopes: naga3 (長形3号 120 x 235 mm, vertical, the sender on the back) or "
                                     "dl / no10 (horizontal, for English addresses).")
    common(env, seasons=False)
    env.add_argument("--layout", choices=tuple(ENVELOPE_LAYOUTS), default="naga3", help="envelope size (default naga3)")
    env.add_argument("--numerals", choices=("kanji", "fullwidth"), help="numbers in vertical addresses")
    env.add_argument("--sender", choices=("back", "bottom_left"), help="naga3: the sender on the back or bottom left")

    lab = sub.add_parser("labels", help="address labels on a label sheet as a PDF",
                         description="Address labels, row by row from the start position: " + ", ".join(
                             f"{k} ({v.title})" for k, v in LABEL_LAYOUTS.items()) + ".")
    common(lab, seasons=False)
    lab.add_argument("--layout", choices=tuple(LABEL_LAYOUTS), default="a4-12", help="label sheet (default a4-12)")
    lab.add_argument("--start", type=int, default=1, metavar="N",
                     help="the first free label on the sheet (1 = top left, row by row)")


def _as_of(value: str | None) -> dt.date | None:
    from loyaldesk.core import dates

    return dates.parse_date(value, field="as_of") if value else None


def _run(args: argparse.Namespace, kind: str) -> int:
    from loyaldesk.cli import _db_path
    from loyaldesk.core import dates, greetings
    from loyaldesk.core.addresses import compose, message, pdf
    from loyaldesk.core.db import open_database
    from loyaldesk.core.documents import pipeline
    from loyaldesk.core.letters import compose as letters

    as_of = _as_of(args.as_of)
    out = Path(args.out)
    if out.suffix.lower() != ".pdf" or not out.parent.is_dir():
        raise errors.ValidationError("addresses.out_invalid", field="out", path=out)
    season = getattr(args, "season", None)
    if season and not getattr(args, "year", None):
        raise errors.ValidationError("addresses.season_needs_year", field="year")
    layout = getattr(args, "layout", None)
    start = getattr(args, "start", 1)
    pdf.check_layout(kind, layout, start)
    with open_database(_db_path(args), create=False) as db:
        options = compose.load_options(db)
        for name in ("numerals", "hyphen", "sender", "proof"):
            if getattr(args, name, None) is not None:
                setattr(options, name, getattr(args, name))
        if getattr(args, "orientation", None) is not None:
            options.message_orientation = args.orientation
        if args.offset is not None:
            options.offset_x_mm, options.offset_y_mm = args.offset
        options.validate()
        skipped = []
        if season:
            send = greetings.to_send(db, season, args.year, as_of=as_of)
            chosen, skipped = send.client_ids, list(send.skipped)
        else:
            ids = letters.parse_client_ids(args.clients) if args.clients is not None else None
            chosen = letters.select_clients(db, client_ids=ids, tier=args.tier, as_of=as_of)
        side = getattr(args, "side", "address")
        card_season, year = (season, args.year) if season else greetings.current_season(as_of or dates.today())
        request = pipeline.Request(
            {"postcard": "postcard" if side == "address" else "postcard_message"}.get(kind, kind), chosen,
            template=getattr(args, "template", None) or (
                message.template_for_season(card_season) if kind == "postcard" and side != "address" else None),
            as_of=as_of, skipped=skipped, options=options, layout=layout, start=start, side=side,
            season=card_season, year=year)
        batch = pipeline.prepare(db, request)
        for warning in batch.warnings:  # e.g. Japanese cards with only an English sender profile
            print(t("cli.warning", text=warning), file=sys.stderr)
        if batch.items:
            pages = pipeline.write(batch, out)
            total = pages[-1] + (1 if kind == "envelope" and (layout or "naga3") == "naga3"
                                 and options.sender == "back" else 0) + (1 if side == "both" else 0)
            if side == "address":
                print(t("addresses.written", count=len(batch.items), path=out, pages=total))
            else:
                print(t("addresses.cards_written", count=len(batch.items), path=out, pages=total,
                        side=t(f"addresses.side.{side}")))
            if kind == "postcard" and args.record_sent:
                rec = pipeline.record(db, batch, on=as_of)
                print(t("addresses.cards_logged", count=rec.count))
        else:
            print(t("addresses.none_written"))
        for s in batch.skipped:
            print(t("addresses.skipped_line", id=s.client_id, name=s.name, reason=s.reason_text))
    return 0 if batch.items else 1


def cmd_postcards(args: argparse.Namespace) -> int:
    return _run(args, "postcard")


def cmd_envelopes(args: argparse.Namespace) -> int:
    return _run(args, "envelope")


def cmd_labels(args: argparse.Namespace) -> int:
    return _run(args, "labels")


COMMANDS = {"postcards": cmd_postcards, "envelopes": cmd_envelopes, "labels": cmd_labels}
