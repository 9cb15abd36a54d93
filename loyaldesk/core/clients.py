"""The clients repository: SQL in, dataclasses out."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict

from loyaldesk.core import dates, errors, practice
from loyaldesk.core.db import Database
from loyaldesk.core.loyalty import contact_status, effective_cadence
from loyaldesk.core.models import Client, ClientRow, ClientStats, ClientTag, Tag, TimelineEntry

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

_COLUMNS = (
    "id, name, name_kana, honorific, company, title, email, phone, postal_code, address1, address2, "
    "birthday, referred_by, source, cadence_days, notes, do_not_contact, archived, created_at"
)

# Per-client aggregates over sessions and touchpoints up to the as-of date. The covering
# indexes on (client_id, date[, fee]) let SQLite do this without reading the tables.
_LIST_SQL = """
WITH s AS (
    SELECT client_id, COUNT(*) AS n, COALESCE(SUM(fee), 0) AS revenue,
           MIN(date) AS first_date, MAX(date) AS last_date
    FROM sessions WHERE date < :day_after GROUP BY client_id
), tp AS (
    SELECT client_id, MAX(date) AS last_date
    FROM touchpoints WHERE date < :day_after GROUP BY client_id
)
SELECT c.id, c.name, c.name_kana, c.company, c.email, c.phone, c.notes, c.cadence_days,
       c.do_not_contact, c.archived, c.created_at,
       COALESCE(s.n, 0) AS n, COALESCE(s.revenue, 0) AS revenue, s.first_date,
       CASE WHEN tp.last_date IS NULL OR s.last_date >= tp.last_date THEN s.last_date
            ELSE tp.last_date END AS last_contact
FROM clients c
LEFT JOIN s ON s.client_id = c.id
LEFT JOIN tp ON tp.client_id = c.id
WHERE {where}
"""


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
    )


class ClientRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    # --- single clients ----------------------------------------------------------------
    def get(self, client_id: int) -> Client:
        row = self.db.query_one(f"SELECT {_COLUMNS} FROM clients WHERE id = ?", (client_id,))
        if row is None:
            raise errors.NotFoundError(id=client_id)
        return _row_to_client(row)

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
            tags=tags,
        )

    def timeline(self, client_id: int) -> list[TimelineEntry]:
        rows = self.db.query(
            """
            SELECT 'session' AS kind, id, date, kind AS label, topic AS text, notes, fee, duration_minutes
            FROM sessions WHERE client_id = :id
            UNION ALL
            SELECT 'touchpoint', id, date, channel, note, '', NULL, NULL
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
                              r["fee"], r["duration_minutes"])
            )
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
        default_cadence_days: int | None = None,
    ) -> list[ClientRow]:
        """The clients list with last contact, days since, interval, overdue, sessions and revenue.

        archived=False lists the active clients, archived=True only the archived ones.
        """
        as_of = as_of or dates.today()
        if default_cadence_days is None:
            default_cadence_days = practice.load(self.db).default_cadence_days
        where = "COALESCE(c.archived, 0) = 1" if archived else "COALESCE(c.archived, 0) = 0"
        rows = self.db.query(_LIST_SQL.format(where=where), {"day_after": (as_of + dt.timedelta(days=1)).isoformat()})
        tags = self._tags_by_client()
        result: list[ClientRow] = []
        from_db = dates.from_db
        for r in rows:
            last = from_db(r["last_contact"])
            created = from_db(r["created_at"])
            dnc = bool(r["do_not_contact"])
            is_archived = bool(r["archived"])
            status = contact_status(
                last, created, effective_cadence(r["cadence_days"], default_cadence_days), as_of,
                do_not_contact=dnc, archived=is_archived,
            )
            all_tags, roles = tags.get(r["id"], ((), ()))
            result.append(
                ClientRow(
                    id=r["id"],
                    name=r["name"] or "",
                    name_kana=r["name_kana"] or "",
                    company=r["company"] or "",
                    email=r["email"] or "",
                    phone=r["phone"] or "",
                    notes=r["notes"] or "",
                    tags=all_tags,
                    role_tags=roles,
                    last_contact=last,
                    days_since_contact=status.days_since_contact,
                    cadence_days=status.cadence_days,
                    overdue_days=status.overdue_days,
                    sessions=r["n"],
                    revenue=r["revenue"],
                    first_session=from_db(r["first_date"]),
                    created_at=created,
                    do_not_contact=dnc,
                    archived=is_archived,
                )
            )
        return result

    def _tags_by_client(self) -> dict[int, tuple[tuple[str, ...], tuple[str, ...]]]:
        grouped: dict[int, list[tuple[str, str]]] = defaultdict(list)
        for client_id, name, category in self.db.query(
            "SELECT ct.client_id, t.name, t.category FROM client_tags ct JOIN tags t ON t.id = ct.tag_id "
            "ORDER BY t.category, t.name"
        ):
            grouped[client_id].append((name, category))
        return {
            cid: (tuple(n for n, _ in items), tuple(n for n, c in items if c == "role"))
            for cid, items in grouped.items()
        }
