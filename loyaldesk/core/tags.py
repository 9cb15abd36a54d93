"""Tags: community roles (category 'role') and segments (anything else)."""

from __future__ import annotations

import datetime as dt

from loyaldesk.core import dates, errors
from loyaldesk.core.db import Database
from loyaldesk.core.models import Tag

CATEGORIES = ("role", "segment")


class TagRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def list(self) -> list[Tag]:
        """Every tag with the number of active clients carrying it; roles first."""
        rows = self.db.query(
            """
            SELECT t.id, t.name, t.category, t.builtin_key,
                   (SELECT COUNT(*) FROM client_tags ct JOIN clients c ON c.id = ct.client_id
                     WHERE ct.tag_id = t.id AND COALESCE(c.archived, 0) = 0) AS n
            FROM tags t ORDER BY t.category, t.name
            """
        )
        return [Tag(r["id"], r["name"], r["category"], r["builtin_key"], r["n"]) for r in rows]

    def get_or_create(self, name: str, category: str = "segment") -> Tag:
        name = (name or "").strip()
        if not name:
            raise errors.ValidationError("tag.name_required", field="name")
        if category not in CATEGORIES:
            raise errors.ValidationError("tag.category_invalid", field="category")
        row = self.db.query_one("SELECT id, name, category, builtin_key FROM tags WHERE name = ?", (name,))
        if row is not None:
            return Tag(row["id"], row["name"], row["category"], row["builtin_key"])
        with self.db.transaction() as conn:
            cur = conn.execute("INSERT INTO tags (name, category) VALUES (?, ?)", (name, category))
        return Tag(cur.lastrowid, name, category)

    def assign(self, client_id: int, tag_id: int, since: dt.date | None = None) -> None:
        since = since or dates.today()
        with self.db.transaction() as conn:
            conn.execute(
                "INSERT INTO client_tags (client_id, tag_id, since) VALUES (?, ?, ?) "
                "ON CONFLICT(client_id, tag_id) DO UPDATE SET since = excluded.since",
                (client_id, tag_id, since.isoformat()),
            )
            # roles over time: open a spell when the role is given (none is open yet)
            conn.execute(
                "INSERT INTO role_history (client_id, tag_id, since) SELECT ?, id, ? FROM tags "
                "WHERE id = ? AND category = 'role' AND NOT EXISTS (SELECT 1 FROM role_history "
                "WHERE client_id = ? AND tag_id = ? AND until IS NULL)",
                (client_id, since.isoformat(), tag_id, client_id, tag_id),
            )

    def unassign(self, client_id: int, tag_id: int, until: dt.date | None = None) -> None:
        """Remove a tag; for a role, its spell in role_history ends on `until` (today by default)."""
        until = until or dates.today()
        with self.db.transaction() as conn:
            conn.execute("DELETE FROM client_tags WHERE client_id = ? AND tag_id = ?", (client_id, tag_id))
            conn.execute("UPDATE role_history SET until = ? WHERE client_id = ? AND tag_id = ? AND until IS NULL",
                         (until.isoformat(), client_id, tag_id))

    def delete(self, tag_id: int) -> None:
        with self.db.transaction() as conn:
            conn.execute("DELETE FROM tags WHERE id = ?", (tag_id,))
