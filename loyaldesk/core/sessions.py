"""Sessions (paid work with a client) and touchpoints (any other contact): repositories."""

from __future__ import annotations

import datetime as dt

from loyaldesk.core import dates, errors
from loyaldesk.core.db import Database
from loyaldesk.core.migrations import CHANNELS
from loyaldesk.core.models import Session, Touchpoint


def _ensure_client(db: Database, client_id: int) -> None:
    if db.scalar("SELECT 1 FROM clients WHERE id = ?", (client_id,)) is None:
        raise errors.NotFoundError(id=client_id)


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
        if not isinstance(s.fee, int) or isinstance(s.fee, bool) or s.fee < 0:
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
        }

    def add(self, session: Session) -> Session:
        self._validate(session)
        values = self._values(session)
        with self.db.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO sessions (client_id, date, kind, duration_minutes, fee, topic, notes) "
                "VALUES (:client_id, :date, :kind, :duration_minutes, :fee, :topic, :notes)",
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
                "duration_minutes = :duration_minutes, fee = :fee, topic = :topic, notes = :notes WHERE id = :id",
                values,
            )
            if cur.rowcount == 0:
                raise errors.NotFoundError(id=session.id)
        return session

    def get(self, session_id: int) -> Session:
        r = self.db.query_one(
            "SELECT id, client_id, date, kind, duration_minutes, fee, topic, notes FROM sessions WHERE id = ?",
            (session_id,),
        )
        if r is None:
            raise errors.NotFoundError(id=session_id)
        return Session(r["id"], r["client_id"], dates.from_db(r["date"]), r["kind"] or "", r["duration_minutes"],
                       r["fee"] or 0, r["topic"] or "", r["notes"] or "")

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
