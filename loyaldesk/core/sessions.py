"""Sessions (paid work with a client) and touchpoints (any other contact): repositories."""

from __future__ import annotations

import datetime as dt

from loyaldesk.core import dates, errors, money
from loyaldesk.core.db import Database
from loyaldesk.core.i18n import t
from loyaldesk.core.migrations import CHANNELS
from loyaldesk.core.models import Session, Touchpoint


def _ensure_client(db: Database, client_id: int) -> None:
    if db.scalar("SELECT 1 FROM clients WHERE id = ?", (client_id,)) is None:
        raise errors.NotFoundError(id=client_id)


def _amount(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def practice_currency(db: Database) -> str:
    from loyaldesk.core import practice

    return practice.currency(db)


def not_included(db: Database, *, start: dt.date | None = None, end: dt.date | None = None,
                 client_id: int | None = None) -> dict[str, int]:
    """Sessions in another currency with no amount recorded in the practice's, by currency
    ({"USD": 3}): left out of revenue totals. Dates: start <= date < end."""
    sql = "SELECT foreign_currency, COUNT(*) FROM sessions WHERE foreign_currency IS NOT NULL AND fee IS NULL"
    params: list[object] = []
    if start is not None:
        sql += " AND date >= ?"
        params.append(start.isoformat())
    if end is not None:
        sql += " AND date < ?"
        params.append(end.isoformat())
    if client_id is not None:
        sql += " AND client_id = ?"
        params.append(client_id)
    return {code: int(n) for code, n in db.query(sql + " GROUP BY foreign_currency ORDER BY foreign_currency",
                                                 tuple(params), plain=True)}


def not_included_text(counts: dict[str, int], lang: str | None = None) -> str:
    """"3 sessions in USD are not included" (one sentence per currency), or '' when none."""
    return " ".join(t("money.not_included" if n != 1 else "money.not_included_one", lang, count=f"{n:,}", currency=code)
                    for code, n in sorted(counts.items()))


def _require_date(value: object, field: str) -> dt.date:
    day = dates.parse_date(value, field=field)  # type: ignore[arg-type]
    if day is None:
        raise errors.ValidationError("date.invalid", field=field, value="")
    return day


class SessionRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def _validate(self, s: Session) -> Session:
        s.date = _require_date(s.date, "date")
        s.kind = (s.kind or "").strip()
        s.topic = (s.topic or "").strip()
        s.notes = (s.notes or "").strip()
        if s.foreign_currency is not None:
            s.foreign_currency = money.normalize_currency(s.foreign_currency)
            if s.foreign_currency == practice_currency(self.db):  # the practice's own: an ordinary session
                s.fee, s.foreign_currency, s.foreign_fee = s.foreign_fee, None, None
        if s.foreign_currency is not None:
            if not _amount(s.foreign_fee):
                raise errors.ValidationError("session.fee_invalid", field="fee")
            if s.fee is not None and not _amount(s.fee):  # None: no amount in the practice's currency
                raise errors.ValidationError("session.fee_invalid", field="practice_fee")
        else:
            s.foreign_fee = None
            if not _amount(s.fee):
                raise errors.ValidationError("session.fee_invalid", field="fee")
        if s.duration_minutes is not None and (not isinstance(s.duration_minutes, int) or not 0 <= s.duration_minutes <= 1440):
            raise errors.ValidationError("session.duration_invalid", field="duration_minutes")
        _ensure_client(self.db, s.client_id)
        return s

    def _values(self, s: Session) -> dict:
        return {
            "client_id": s.client_id,
            "date": s.date.isoformat(),
            "kind": s.kind,
            "duration_minutes": s.duration_minutes,
            "fee": s.fee,
            "topic": s.topic,
            "notes": s.notes,
            "foreign_currency": s.foreign_currency,
            "foreign_fee": s.foreign_fee,
        }

    def add(self, session: Session) -> Session:
        self._validate(session)
        values = self._values(session)
        with self.db.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO sessions (client_id, date, kind, duration_minutes, fee, topic, notes, foreign_currency, "
                "foreign_fee) VALUES (:client_id, :date, :kind, :duration_minutes, :fee, :topic, :notes, "
                ":foreign_currency, :foreign_fee)",
                values,
            )
        session.id = cur.lastrowid
        return session

    def update(self, session: Session) -> Session:
        self._validate(session)
        values = self._values(session) | {"id": session.id}
        with self.db.transaction() as conn:
            cur = conn.execute(
                "UPDATE sessions SET client_id = :client_id, date = :date, kind = :kind, "
                "duration_minutes = :duration_minutes, fee = :fee, topic = :topic, notes = :notes, "
                "foreign_currency = :foreign_currency, foreign_fee = :foreign_fee WHERE id = :id",
                values,
            )
            if cur.rowcount == 0:
                raise errors.NotFoundError(id=session.id)
        return session

    def get(self, session_id: int) -> Session:
        r = self.db.query_one(
            "SELECT id, client_id, date, kind, duration_minutes, fee, topic, notes, foreign_currency, foreign_fee "
            "FROM sessions WHERE id = ?",
            (session_id,),
        )
        if r is None:
            raise errors.NotFoundError(id=session_id)
        foreign = r["foreign_currency"]
        return Session(r["id"], r["client_id"], dates.from_db(r["date"]), r["kind"] or "", r["duration_minutes"],
                       r["fee"] if foreign else (r["fee"] or 0), r["topic"] or "", r["notes"] or "",
                       foreign, r["foreign_fee"] if foreign else None)

    def delete(self, session_id: int) -> None:
        with self.db.transaction() as conn:
            conn.execute("DELETE FROM sessions WHERE id = ?", (session_id,))

    def kinds(self) -> list[str]:
        """Session kinds already used, most used first (for the kind picker)."""
        return [r[0] for r in self.db.query(
            "SELECT kind FROM sessions WHERE kind <> '' GROUP BY kind ORDER BY COUNT(*) DESC LIMIT 30")]


class TouchpointRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def _validate(self, tp: Touchpoint) -> Touchpoint:
        tp.date = _require_date(tp.date, "date")
        if tp.channel not in CHANNELS:
            raise errors.ValidationError("touchpoint.channel_invalid", field="channel", value=tp.channel)
        tp.note = (tp.note or "").strip()
        _ensure_client(self.db, tp.client_id)
        return tp

    def add(self, tp: Touchpoint) -> Touchpoint:
        self._validate(tp)
        with self.db.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO touchpoints (client_id, date, channel, note) VALUES (?, ?, ?, ?)",
                (tp.client_id, tp.date.isoformat(), tp.channel, tp.note),
            )
        tp.id = cur.lastrowid
        return tp

    def update(self, tp: Touchpoint) -> Touchpoint:
        self._validate(tp)
        with self.db.transaction() as conn:
            cur = conn.execute(
                "UPDATE touchpoints SET client_id = ?, date = ?, channel = ?, note = ? WHERE id = ?",
                (tp.client_id, tp.date.isoformat(), tp.channel, tp.note, tp.id),
            )
            if cur.rowcount == 0:
                raise errors.NotFoundError(id=tp.id)
        return tp

    def get(self, tp_id: int) -> Touchpoint:
        r = self.db.query_one("SELECT id, client_id, date, channel, note FROM touchpoints WHERE id = ?", (tp_id,))
        if r is None:
            raise errors.NotFoundError(id=tp_id)
        return Touchpoint(r["id"], r["client_id"], dates.from_db(r["date"]), r["channel"], r["note"] or "")

    def delete(self, tp_id: int) -> None:
        with self.db.transaction() as conn:
            conn.execute("DELETE FROM touchpoints WHERE id = ?", (tp_id,))
