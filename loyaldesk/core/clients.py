"""The clients repository: SQL in, dataclasses out."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from loyaldesk.core import dates, errors, loyalty, practice
from loyaldesk.core.db import Database
from loyaldesk.core.models import (
    Client,
    ClientAddress,
    ClientRow,
    ClientStats,
    ClientTag,
    ContactValue,
    Tag,
    TimelineEntry,
)
from loyaldesk.core.sessions import not_included

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

_COLUMNS = (
    "id, name, name_kana, honorific, company, title, email, phone, postal_code, address1, address2, "
    "birthday, referred_by, source, cadence_days, notes, do_not_contact, archived, created_at, country"
)

# The clients list in one query. The sessions' figures come from session_stats (one row per
# client, kept by triggers; a recount only for clients with sessions after the as-of date), the
# last touchpoint from one pass over the covering index (client_id, date); the contact rules of
# loyalty.py are computed in SQL:
#   last contact = latest session or touchpoint on or before the as-of date;
#   days since   = from last contact, else from created_at (never negative);
#   tier         = 'prospect' without a session, 'new' while the first session is fewer than
#                  new_client_days old, else the ranked tier stored by loyalty.refresh_tiers
#                  (client_tiers), NULL when not computed yet; NULL for archived clients;
#   interval     = cadence_days, else the tier's interval, else the practice default;
#   overdue days = days since - interval when positive, for clients neither do-not-contact nor archived;
#   status       = dormant > at_risk > overdue > active (loyalty.status_sql).
# Tags are fetched only for the rows returned, as "<category><US><name>" items.
_LIST_SQL = """
WITH s AS (
    -- the maintained per-client figures (session_stats) when every session is on or before the
    -- as-of date; recounted from the sessions for a client with sessions after it
    SELECT client_id, sessions AS n, revenue, first_date, last_date
    FROM session_stats WHERE last_date < :day_after {only_client}
    UNION ALL
    SELECT s.client_id, COUNT(*), COALESCE(SUM(s.fee), 0), MIN(s.date), MAX(s.date)
    FROM session_stats t CROSS JOIN sessions s ON s.client_id = t.client_id AND s.date < :day_after
    WHERE t.last_date >= :day_after AND t.first_date < :day_after {only_client_t}
    GROUP BY s.client_id
), tp AS (
    SELECT client_id, MAX(date) AS last_date FROM touchpoints WHERE date < :day_after {only_client}
    GROUP BY client_id
), base AS (
    SELECT c.id, c.name, c.name_kana, c.company, c.email, c.phone, c.notes, c.do_not_contact, c.archived,
           c.created_at, c.cadence_days,
           COALESCE(s.n, 0) AS n, COALESCE(s.revenue, 0) AS revenue, s.first_date,
           CASE WHEN tp.last_date IS NULL OR s.last_date >= tp.last_date THEN s.last_date
                ELSE tp.last_date END AS last_contact,
           CASE WHEN COALESCE(c.archived, 0) = 1 THEN NULL
                WHEN s.first_date IS NULL THEN 'prospect'
                WHEN substr(s.first_date, 1, 10) > :new_since THEN 'new'
                WHEN ct.tier IN ('vip', 'candidate', 'regular') THEN ct.tier END AS tier,
           ct.tier AS stored_tier, ct.score AS stored_score
    FROM clients c LEFT JOIN s ON s.client_id = c.id LEFT JOIN tp ON tp.client_id = c.id
         LEFT JOIN client_tiers ct ON ct.client_id = c.id
    WHERE {where}
), d AS (
    SELECT *, {interval} AS interval,
           MAX(0, CAST(julianday(:as_of) - julianday(substr(COALESCE(last_contact, created_at), 1, 10))
                          AS INTEGER)) AS days
    FROM base
), o AS (
    SELECT *, CASE WHEN COALESCE(do_not_contact, 0) = 0 AND COALESCE(archived, 0) = 0 AND days > interval
                   THEN days - interval ELSE 0 END AS overdue_days
    FROM d
)
SELECT id, name, name_kana, company, email, phone, notes, do_not_contact, archived, created_at, interval,
       n, revenue, first_date, last_contact, days, overdue_days,
       (SELECT group_concat(t.category || char(31) || t.name, char(30))
          FROM client_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.client_id = o.id) AS tag_items,
       tier, {status} AS status, CASE WHEN tier = stored_tier THEN stored_score END AS score,
       (SELECT group_concat(cc.value, ' ') FROM client_contacts cc WHERE cc.client_id = o.id) AS more_contacts
FROM o
{having}
""".format(
    only_client="{only_client}", only_client_t="{only_client_t}", where="{where}", having="{having}",
    interval=loyalty.interval_sql("tier", "cadence_days"),
    status=loyalty.status_sql("days", "overdue_days", "tier"),
)
_OVERDUE_FILTER = "WHERE overdue_days > 0"


@lru_cache(maxsize=4096)  # clients share a few combinations of tags: split each once
def _split_tags(items: str | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """"role<US>name<RS>segment<US>name" -> (all names, role names); roles first, then by name."""
    if not items:
        return (), ()
    pairs = sorted(tuple(item.split("\x1f", 1)) for item in items.split("\x1e"))
    return tuple(n for _, n in pairs), tuple(n for c, n in pairs if c == "role")


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def _row_to_client(row) -> Client:
    return Client(
        id=row["id"],
        name=row["name"] or "",
        name_kana=row["name_kana"] or "",
        honorific=row["honorific"] or "",
        company=row["company"] or "",
        title=row["title"] or "",
        email=row["email"] or "",
        phone=row["phone"] or "",
        postal_code=row["postal_code"] or "",
        address1=row["address1"] or "",
        address2=row["address2"] or "",
        birthday=dates.from_db(row["birthday"]),
        referred_by=row["referred_by"],
        source=row["source"] or "",
        cadence_days=row["cadence_days"],
        notes=row["notes"] or "",
        do_not_contact=bool(row["do_not_contact"]),
        archived=bool(row["archived"]),
        created_at=row["created_at"] or "",
        country=row["country"] or "",
    )


def load_more_values(db: Database, clients: list[Client]) -> None:
    """Fill more_emails, more_phones and more_addresses of the clients (client_contacts, client_addresses)."""
    by_id = {c.id: c for c in clients if c.id is not None}
    if not by_id:
        return
    for c in by_id.values():
        c.more_emails, c.more_phones, c.more_addresses = [], [], []
    ids = list(by_id)
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ", ".join("?" * len(chunk))
        for cid, kind, label, value in db.query(
                f"SELECT client_id, kind, label, value FROM client_contacts WHERE client_id IN ({marks}) "
                "ORDER BY client_id, kind, position, id", chunk, plain=True):
            target = by_id[cid].more_emails if kind == "email" else by_id[cid].more_phones
            target.append(ContactValue(label or "", value))
        for cid, label, postal, line1, line2, country in db.query(
                "SELECT client_id, label, postal_code, address1, address2, country FROM client_addresses "
                f"WHERE client_id IN ({marks}) ORDER BY client_id, position, id", chunk, plain=True):
            by_id[cid].more_addresses.append(ClientAddress(label or "", postal or "", line1 or "", line2 or "",
                                                           country or ""))


def write_more_values(conn, client_id: int, emails: list[ContactValue], phones: list[ContactValue],
                      addresses: list[ClientAddress], *, replace: bool = True) -> None:
    """Store a client's other e-mails, phones and addresses (in a transaction the caller holds).

    replace=False adds only the values the client does not have yet (an import merging into a client)."""
    if replace:
        conn.execute("DELETE FROM client_contacts WHERE client_id = ?", (client_id,))
        conn.execute("DELETE FROM client_addresses WHERE client_id = ?", (client_id,))
        known: set[tuple] = set()
        count = {"email": 0, "phone": 0, "address": 0}
    else:
        row = conn.execute("SELECT email, phone, postal_code, address1, address2 FROM clients WHERE id = ?",
                           (client_id,)).fetchone()
        known = {("email", (row[0] or "").lower()), ("phone", row[1] or ""), ("address", row[2] or "", row[3] or "",
                                                                               row[4] or "")}
        known |= {(k, v.lower() if k == "email" else v) for k, v in conn.execute(
            "SELECT kind, value FROM client_contacts WHERE client_id = ?", (client_id,))}
        known |= {("address", p, a, b) for p, a, b in conn.execute(
            "SELECT postal_code, address1, address2 FROM client_addresses WHERE client_id = ?", (client_id,))}
        count = {"email": 0, "phone": 0, "address": 0}
        for kind, n in conn.execute("SELECT kind, COUNT(*) FROM client_contacts WHERE client_id = ? GROUP BY kind",
                                    (client_id,)):
            count[kind] = n
        count["address"] = conn.execute("SELECT COUNT(*) FROM client_addresses WHERE client_id = ?",
                                        (client_id,)).fetchone()[0]
    for kind, values in (("email", emails), ("phone", phones)):
        for item in values:
            value = (item.value or "").strip()
            key = (kind, value.lower() if kind == "email" else value)
            if not value or key in known:
                continue
            known.add(key)
            conn.execute("INSERT INTO client_contacts (client_id, kind, label, value, position) VALUES (?, ?, ?, ?, ?)",
                         (client_id, kind, item.label or "", value, count[kind]))
            count[kind] += 1
    for a in addresses:
        key = ("address", a.postal_code or "", a.address1 or "", a.address2 or "")
        if key in known or not (a.postal_code or a.address1 or a.address2):
            continue
        known.add(key)
        conn.execute("INSERT INTO client_addresses (client_id, label, postal_code, address1, address2, country, position) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?)",
                     (client_id, a.label or "", a.postal_code or "", a.address1 or "", a.address2 or "",
                      a.country or "", count["address"]))
        count["address"] += 1


def _past_roles(db: Database, client_id: int) -> list[tuple[str, dt.date | None, dt.date | None]]:
    from loyaldesk.core.events import role_spells

    return [(s.label, s.since, s.until) for s in role_spells(db, client_id) if not s.current]


class ClientRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    # --- single clients ----------------------------------------------------------------
    def get(self, client_id: int) -> Client:
        row = self.db.query_one(f"SELECT {_COLUMNS} FROM clients WHERE id = ?", (client_id,))
        if row is None:
            raise errors.NotFoundError(id=client_id)
        client = _row_to_client(row)
        load_more_values(self.db, [client])
        return client

    def _validate(self, client: Client) -> Client:
        client.name = _text(client.name)
        if not client.name:
            raise errors.ValidationError("client.name_required", field="name")
        for attr in ("name_kana", "honorific", "company", "title", "email", "phone", "postal_code",
                     "address1", "address2", "source"):
            setattr(client, attr, _text(getattr(client, attr)))
        client.notes = (client.notes or "").strip()
        if client.email and not _EMAIL.match(client.email):
            raise errors.ValidationError("client.email_invalid", field="email", value=client.email)
        if client.cadence_days is not None:
            if not isinstance(client.cadence_days, int) or not 1 <= client.cadence_days <= 3650:
                raise errors.ValidationError("client.cadence_invalid", field="cadence_days")
        if not isinstance(client.birthday, (dt.date, type(None))):
            client.birthday = dates.parse_date(client.birthday, field="birthday")
        if client.referred_by is not None:
            if client.id is not None and client.referred_by == client.id:
                raise errors.ValidationError("client.referrer_self", field="referred_by")
            if self.db.scalar("SELECT 1 FROM clients WHERE id = ?", (client.referred_by,)) is None:
                raise errors.NotFoundError(id=client.referred_by)
        return client

    def _values(self, client: Client) -> dict:
        return {
            "name": client.name,
            "name_kana": client.name_kana,
            "honorific": client.honorific,
            "company": client.company,
            "title": client.title,
            "email": client.email,
            "phone": client.phone,
            "postal_code": client.postal_code,
            "address1": client.address1,
            "address2": client.address2,
            "birthday": dates.to_db(client.birthday),
            "referred_by": client.referred_by,
            "source": client.source,
            "cadence_days": client.cadence_days,
            "notes": client.notes,
            "do_not_contact": int(bool(client.do_not_contact)),
            "archived": int(bool(client.archived)),
            "country": (client.country or "").strip(),
        }

    def create(self, client: Client) -> Client:
        self._validate(client)
        values = self._values(client)
        cols = ", ".join(values)
        marks = ", ".join(f":{k}" for k in values)
        with self.db.transaction() as conn:
            cur = conn.execute(f"INSERT INTO clients ({cols}) VALUES ({marks})", values)
        return self.get(cur.lastrowid)

    def update(self, client: Client) -> Client:
        if client.id is None:
            raise errors.NotFoundError(id=None)
        self._validate(client)
        values = self._values(client)
        assignments = ", ".join(f"{k} = :{k}" for k in values)
        values["id"] = client.id
        with self.db.transaction() as conn:
            cur = conn.execute(
                f"UPDATE clients SET {assignments}, updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime') "
                "WHERE id = :id",
                values,
            )
            if cur.rowcount == 0:
                raise errors.NotFoundError(id=client.id)
        return self.get(client.id)

    def set_archived(self, client_id: int, archived: bool) -> None:
        with self.db.transaction() as conn:
            cur = conn.execute("UPDATE clients SET archived = ? WHERE id = ?", (int(archived), client_id))
            if cur.rowcount == 0:
                raise errors.NotFoundError(id=client_id)

    def delete(self, client_id: int) -> None:
        """Delete a client for good, with its sessions, contacts and tags (referrals are kept, unlinked)."""
        with self.db.transaction() as conn:
            cur = conn.execute("DELETE FROM clients WHERE id = ?", (client_id,))
            if cur.rowcount == 0:
                raise errors.NotFoundError(id=client_id)

    # --- aggregates --------------------------------------------------------------------
    def stats(self, client_id: int) -> ClientStats:
        row = self.db.query_one(
            """
            SELECT (SELECT COUNT(*) FROM sessions WHERE client_id = :id) AS sessions,
                   (SELECT COUNT(*) FROM touchpoints WHERE client_id = :id) AS touchpoints,
                   (SELECT COALESCE(SUM(fee), 0) FROM sessions WHERE client_id = :id) AS revenue,
                   (SELECT MIN(date) FROM sessions WHERE client_id = :id) AS first_session,
                   (SELECT MAX(d) FROM (SELECT MAX(date) AS d FROM sessions WHERE client_id = :id
                                        UNION ALL SELECT MAX(date) FROM touchpoints WHERE client_id = :id)) AS last_contact,
                   (SELECT COUNT(*) FROM clients WHERE referred_by = :id) AS referred
            """,
            {"id": client_id},
        )
        tags = [
            ClientTag(Tag(r["id"], r["name"], r["category"], r["builtin_key"]), dates.from_db(r["since"]))
            for r in self.db.query(
                "SELECT t.id, t.name, t.category, t.builtin_key, ct.since FROM client_tags ct "
                "JOIN tags t ON t.id = ct.tag_id WHERE ct.client_id = ? ORDER BY t.category, t.name",
                (client_id,),
            )
        ]
        return ClientStats(
            sessions=row["sessions"],
            touchpoints=row["touchpoints"],
            revenue=row["revenue"],
            first_session=dates.from_db(row["first_session"]),
            last_contact=dates.from_db(row["last_contact"]),
            referred_clients=row["referred"],
            not_included=not_included(self.db, client_id=client_id),
            tags=tags,
            past_roles=_past_roles(self.db, client_id),
            next_session=_next_session(self.db, client_id),
        )

    def timeline(self, client_id: int) -> list[TimelineEntry]:
        rows = self.db.query(
            """
            SELECT 'session' AS kind, id, date, kind AS label, topic AS text, notes, fee, duration_minutes,
                   foreign_currency, foreign_fee
            FROM sessions WHERE client_id = :id
            UNION ALL
            SELECT 'touchpoint', id, date, channel, note, '', NULL, NULL, NULL, NULL
            FROM touchpoints WHERE client_id = :id
            ORDER BY date DESC, kind ASC, id DESC
            """,
            {"id": client_id},
        )
        result = []
        for r in rows:
            day = dates.from_db(r["date"])
            if day is None:
                continue
            result.append(
                TimelineEntry(r["kind"], r["id"], day, r["label"] or "", r["text"] or "", r["notes"] or "",
                              r["fee"], r["duration_minutes"], r["foreign_currency"], r["foreign_fee"])
            )
        # community: recognitions, feedback rounds, roles given and ended (loyaldesk.core.events)
        from loyaldesk.core.events import timeline_rows

        community = [TimelineEntry(kind, rid, day, label, text) for kind, rid, day, label, text
                     in timeline_rows(self.db, client_id)]
        if community:
            result = sorted(result + community, key=lambda e: e.date, reverse=True)
        return result

    def choices(self) -> list[tuple[int, str, str]]:
        """(id, name, reading) of every client, for pickers such as "referred by"."""
        return [(r[0], r[1], r[2] or "") for r in self.db.query("SELECT id, name, name_kana FROM clients ORDER BY id")]

    def count(self, include_archived: bool = False) -> int:
        where = "" if include_archived else " WHERE COALESCE(archived, 0) = 0"
        return int(self.db.scalar(f"SELECT COUNT(*) FROM clients{where}"))

    def list_rows(
        self,
        as_of: dt.date | None = None,
        *,
        archived: bool = False,
        overdue_only: bool = False,
        client_id: int | None = None,
        default_cadence_days: int | None = None,
        settings: practice.PracticeSettings | None = None,
    ) -> list[ClientRow]:
        """The clients list with last contact, days since, interval, overdue, sessions, revenue, tier and status.

        archived=False lists the active clients, archived=True only the archived ones;
        overdue_only filters in SQL; client_id gives the row of one client (archived or not).
        The ranked tiers (vip, candidate, regular) are those stored by the latest
        loyalty.refresh_tiers; new and prospect follow the data as of `as_of`.
        settings defaults to the stored practice settings; default_cadence_days overrides its
        default_cadence_days.
        """
        as_of = as_of or dates.today()
        settings = settings or practice.load(self.db)
        params = loyalty.rule_params(settings, as_of)
        if default_cadence_days is not None:
            params["default_cadence"] = default_cadence_days
        only_client = ""
        if client_id is not None:
            where = "c.id = :client_id"
            only_client = "AND client_id = :client_id"
            params["client_id"] = client_id
        else:
            where = "COALESCE(c.archived, 0) = 1" if archived else "COALESCE(c.archived, 0) = 0"
        sql = _LIST_SQL.format(where=where, only_client=only_client, only_client_t=only_client.replace(
            "client_id", "t.client_id", 1), having=_OVERDUE_FILTER if overdue_only else "")
        rows = self.db.query(sql, params, plain=True)
        day = dates.cached_parser()  # five years hold ~1,800 distinct days: parse each once

        return [
            ClientRow(cid, name or "", kana or "", company or "", email or "", phone or "", notes or "",
                      *_split_tags(tag_items), day(last), days, interval, overdue, n, revenue, day(first),
                      day(created[:10] if created else None), bool(dnc), bool(arch), tier, status, score,
                      more or "")
            for (cid, name, kana, company, email, phone, notes, dnc, arch, created, interval, n, revenue, first,
                 last, days, overdue, tag_items, tier, status, score, more) in rows
        ]

    def row(self, client_id: int, as_of: dt.date | None = None) -> ClientRow:
        """The list row of one client: the same figures the list shows."""
        rows = self.list_rows(as_of, client_id=client_id)
        if not rows:
            raise errors.NotFoundError(id=client_id)
        return rows[0]


def _next_session(db: Database, client_id: int) -> tuple[dt.datetime, str] | None:
    from loyaldesk.core.io.calendar import next_session

    found = next_session(db, client_id, dates.today())
    return None if found is None else (found.starts_at, found.summary)
