"""Greeting-card history (年賀状, 寒中見舞い, 暑中見舞い...) per client, and who gets a card this season.

A row of `greetings` is (client, year, season, kind): kind `sent`, `received` or `mourning`.
`year` is the year of the card: (client, 2027, new_year, mourning) means "no New Year card for
2027" (the 喪中 notice received in late 2026).

"To send this season" (`to_send`): the clients who are not archived, minus do_not_contact,
minus those already sent this card, minus — for new_year — those in mourning (they get a
winter greeting, 寒中見舞い, proposed instead). The `winter` list is the clients in mourning
for that year's New Year. Clients without a postal address are left out with their reason.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field

from loyaldesk.core import dates
from loyaldesk.core.db import Database
from loyaldesk.core.errors import NotFoundError, ValidationError
from loyaldesk.core.i18n import CATALOG, t
from loyaldesk.core.letters.compose import Skipped, load_recipients, select_clients
from loyaldesk.core.migrations import GREETING_KINDS, GREETING_SEASONS

SEASONS = GREETING_SEASONS
KINDS = GREETING_KINDS
SEND_SEASONS = ("new_year", "winter", "summer", "year_end")  # the seasons with a "to send" list

CATALOG.update({
    "greeting.season.new_year": {"en": "New Year card", "ja": "年賀状"},
    "greeting.season.winter": {"en": "Winter greeting", "ja": "寒中見舞い"},
    "greeting.season.summer": {"en": "Summer greeting", "ja": "暑中見舞い"},
    "greeting.season.year_end": {"en": "Year-end greeting", "ja": "年末のご挨拶"},
    "greeting.season.other": {"en": "Other card", "ja": "その他の挨拶状"},
    "greeting.kind.sent": {"en": "sent", "ja": "送付"},
    "greeting.kind.received": {"en": "received", "ja": "受取"},
    "greeting.kind.mourning": {"en": "in mourning (喪中)", "ja": "喪中"},
    "greeting.touchpoint_note": {"en": "{season} {year}", "ja": "{year}年の{season}"},
    "greeting.season_invalid": {"en": "Unknown season: {value} (new_year, winter, summer, year_end, other).",
                                "ja": "季節 {value} はありません（new_year, winter, summer, year_end, other）。"},
    "greeting.kind_invalid": {"en": "Unknown kind of greeting record: {value} (sent, received, mourning).",
                              "ja": "記録の種類 {value} はありません（sent, received, mourning）。"},
    "greeting.year_invalid": {"en": "The year must be a number between 1900 and 2999 (got {value}).",
                              "ja": "年は 1900〜2999 の数字で指定してください（指定値: {value}）。"},
    "letters.skip.mourning": {"en": "in mourning (no New Year card)", "ja": "喪中（年賀状は送りません）"},
    "letters.skip.already_sent": {"en": "card already sent", "ja": "送付済み"},
})


@dataclass(slots=True)
class Greeting:
    id: int
    client_id: int
    year: int
    season: str
    kind: str
    date: dt.date | None = None

    @property
    def season_text(self) -> str:
        return season_label(self.season)

    @property
    def kind_text(self) -> str:
        return t(f"greeting.kind.{self.kind}")


@dataclass(slots=True)
class SendList:
    """The clients who get this season's card, in reading order, and who was left out and why."""

    season: str
    year: int
    client_ids: list[int] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def season_label(season: str, lang: str | None = None) -> str:
    return t(f"greeting.season.{season}", lang) if season in SEASONS else season


def _check(season: str, kind: str | None, year: object) -> int:
    if season not in SEASONS:
        raise ValidationError("greeting.season_invalid", field="season", value=season)
    if kind is not None and kind not in KINDS:
        raise ValidationError("greeting.kind_invalid", field="kind", value=kind)
    try:
        number = int(str(year).strip())
    except ValueError:
        raise ValidationError("greeting.year_invalid", field="year", value=year) from None
    if not 1900 <= number <= 2999:
        raise ValidationError("greeting.year_invalid", field="year", value=year)
    return number


# =========================================================================================
# History
# =========================================================================================
def client_greetings(db: Database, client_id: int) -> list[Greeting]:
    """A client's history: newest year first, then by season (new_year, winter, summer, year_end, other)."""
    order = " ".join(f"WHEN '{s}' THEN {i}" for i, s in enumerate(SEASONS))
    rows = db.query(
        f"SELECT id, client_id, year, season, kind, date FROM greetings WHERE client_id = ? "
        f"ORDER BY year DESC, CASE season {order} END, "
        f"CASE kind WHEN 'sent' THEN 0 WHEN 'received' THEN 1 ELSE 2 END", (client_id,), plain=True)
    return [Greeting(r[0], r[1], r[2], r[3], r[4], dates.parse_date(r[5]) if r[5] else None) for r in rows]


def save_greeting(db: Database, client_id: int, year: int | str, season: str, kind: str,
                  date: dt.date | str | None = None, greeting_id: int | None = None) -> int:
    """Add a record (or change the one with `greeting_id`); the same (year, season, kind) twice is one record."""
    number = _check(season, kind, year)
    day = dates.parse_date(date, field="date") if date not in (None, "") else None
    if db.scalar("SELECT 1 FROM clients WHERE id = ?", (client_id,)) is None:
        raise NotFoundError(id=client_id)
    text = day.isoformat() if day else None
    with db.transaction() as conn:
        if greeting_id is not None:
            conn.execute("DELETE FROM greetings WHERE client_id = ? AND year = ? AND season = ? AND kind = ? "
                         "AND id <> ?",
                         (client_id, number, season, kind, greeting_id))
            conn.execute("UPDATE greetings SET year = ?, season = ?, kind = ?, date = ? WHERE id = ? AND client_id = ?",
                         (number, season, kind, text, greeting_id, client_id))
            return greeting_id
        conn.execute(
            "INSERT INTO greetings (client_id, year, season, kind, date) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT(client_id, year, season, kind) DO UPDATE SET date = COALESCE(excluded.date, date)",
            (client_id, number, season, kind, text))
        return conn.execute("SELECT id FROM greetings WHERE client_id = ? AND year = ? AND season = ? AND kind = ?",
                            (client_id, number, season, kind)).fetchone()[0]


def delete_greeting(db: Database, greeting_id: int) -> None:
    with db.transaction() as conn:
        conn.execute("DELETE FROM greetings WHERE id = ?", (greeting_id,))


def in_mourning(db: Database, year: int) -> set[int]:
    """The clients with a mourning mark for the New Year of `year`."""
    return {r[0] for r in db.query("SELECT client_id FROM greetings WHERE year = ? AND season = 'new_year' "
                                   "AND kind = 'mourning'", (year,), plain=True)}


# =========================================================================================
# This season
# =========================================================================================
def to_send(db: Database, season: str, year: int | str, *, tier: str | None = None, tag: str | None = None,
            as_of: dt.date | None = None, need_address: bool = True) -> SendList:
    """Who gets this season's card (see the module docstring), filterable by tier and tag."""
    number = _check(season, None, year)
    if tier or tag:
        ids = select_clients(db, tier=tier, tag=tag, as_of=as_of)
    else:
        ids = [r[0] for r in db.query("SELECT id FROM clients ORDER BY COALESCE(NULLIF(name_kana, ''), name), id",
                                      plain=True)]
    mourning = in_mourning(db, number)
    sent = {r[0] for r in db.query("SELECT client_id FROM greetings WHERE year = ? AND season = ? AND kind = 'sent'",
                                   (number, season), plain=True)}
    recipients = load_recipients(db, ids, as_of or dates.today())
    result = SendList(season, number)
    for cid in ids:
        r = recipients.get(cid)
        if r is None or r.archived:
            continue  # not an active client
        if season == "winter" and cid not in mourning:
            continue  # the winter list is the clients in mourning
        reason = ("do_not_contact" if r.do_not_contact
                  else "mourning" if season == "new_year" and cid in mourning
                  else "already_sent" if cid in sent
                  else "no_address" if need_address and not r.has_address else None)
        if reason:
            result.skipped.append(Skipped(cid, r.name, reason))
        else:
            result.client_ids.append(cid)
    return result


def record_cards_sent(db: Database, client_ids: Sequence[int], season: str, year: int | str,
                      on: dt.date | None = None) -> int:
    """After printing: each card recorded as sent (greetings) and as a touchpoint with channel card, and the
    season-greeting suggestion of that cycle marked done; in one transaction (the document pipeline's record,
    loyaldesk.core.documents.pipeline). Unknown clients are skipped. Returns the count."""
    from loyaldesk.core.documents import pipeline
    from loyaldesk.core.documents.kinds import KINDS

    number = _check(season, "sent", year)
    ids = list(dict.fromkeys(client_ids))
    with db.transaction() as conn:  # which clients exist, decided under the write lock that records them
        known = {r[0] for r in conn.execute("SELECT id FROM clients WHERE id IN (SELECT value FROM json_each(?))",
                                            (json.dumps(ids),))}
        items = [pipeline.Item(cid, "") for cid in ids if cid in known]
        batch = pipeline.Batch(pipeline.Request("postcard", [i.client_id for i in items], season=season, year=number),
                               KINDS["postcard"], items=items)
        return pipeline.record(db, batch, on=on or dates.today()).count


def current_season(day: dt.date) -> tuple[str, int]:
    """The season (and year) a card printed on `day` is for: winter from 8 January to the end of February
    (寒中見舞い), summer from June to August (暑中見舞い), else the coming New Year (年賀状)."""
    if day.month >= 11:
        return "new_year", day.year + 1
    if day.month == 1 and day.day <= 7:
        return "new_year", day.year
    if day.month in (1, 2):
        return "winter", day.year
    if day.month in (6, 7, 8):
        return "summer", day.year
    return "new_year", day.year + 1
