"""The services a window works with: the open database, its repositories, and one change signal.

Every mutation goes through here: it writes through a repository and then emits
`data_changed` with what changed, and each screen decides whether to reload.
Screens never reach into each other.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from loyaldesk.core import dates, practice
from loyaldesk.core.clients import ClientRepository
from loyaldesk.core.db import Database
from loyaldesk.core.models import Client, Session, Tag, Touchpoint
from loyaldesk.core.sessions import SessionRepository, TouchpointRepository
from loyaldesk.core.tags import TagRepository


@dataclass(frozen=True)
class DataChange:
    """What a mutation changed: table names and the clients concerned (empty = unknown/all)."""

    tables: frozenset[str]
    client_ids: frozenset[int] = field(default_factory=frozenset)

    def touches(self, *tables: str) -> bool:
        return bool(self.tables.intersection(tables))


class AppServices(QObject):
    data_changed = Signal(object)  # DataChange
    failed = Signal(object)  # an exception raised by an undo/redo step

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.clients = ClientRepository(db)
        self.sessions = SessionRepository(db)
        self.touchpoints = TouchpointRepository(db)
        self.tags = TagRepository(db)
        self.undo_stack = QUndoStack(self)
        self._as_of: dt.date | None = None

    # --- reading -----------------------------------------------------------------------
    def as_of(self) -> dt.date:
        return self._as_of or dates.today()

    def set_as_of(self, day: dt.date | None) -> None:
        """Pin "today" (used by tests and demonstrations)."""
        self._as_of = day

    def practice_settings(self) -> practice.PracticeSettings:
        return practice.load(self.db)

    # --- writing -----------------------------------------------------------------------
    def _emit(self, *tables: str, client_ids: tuple[int, ...] = ()) -> None:
        self.data_changed.emit(DataChange(frozenset(tables), frozenset(client_ids)))

    def save_client(self, client: Client) -> Client:
        saved = self.clients.update(client) if client.id is not None else self.clients.create(client)
        self._emit("clients", client_ids=(saved.id,))
        return saved

    def add_session(self, session: Session) -> Session:
        saved = self.sessions.add(session) if session.id is None else self.sessions.update(session)
        self._emit("sessions", client_ids=(saved.client_id,))
        return saved

    def delete_session(self, session_id: int, client_id: int) -> None:
        self.sessions.delete(session_id)
        self._emit("sessions", client_ids=(client_id,))

    def add_touchpoint(self, tp: Touchpoint) -> Touchpoint:
        saved = self.touchpoints.add(tp) if tp.id is None else self.touchpoints.update(tp)
        self._emit("touchpoints", client_ids=(saved.client_id,))
        return saved

    def delete_touchpoint(self, tp_id: int, client_id: int) -> None:
        self.touchpoints.delete(tp_id)
        self._emit("touchpoints", client_ids=(client_id,))

    def assign_tag(self, client_id: int, name: str, category: str, since: dt.date | None) -> Tag:
        tag = self.tags.get_or_create(name, category)
        self.tags.assign(client_id, tag.id, since)
        self._emit("client_tags", "tags", client_ids=(client_id,))
        return tag

    def unassign_tag(self, client_id: int, tag_id: int) -> None:
        self.tags.unassign(client_id, tag_id)
        self._emit("client_tags", client_ids=(client_id,))

    def archive_client(self, client_id: int, archived: bool, name: str) -> None:
        """Archive (or restore) a client; undoable from Edit > Undo."""
        self._set_archived(client_id, archived)  # raises before anything is pushed
        self.undo_stack.push(_ArchiveCommand(self, client_id, archived, name))

    def _set_archived(self, client_id: int, archived: bool) -> None:
        self.clients.set_archived(client_id, archived)
        self._emit("clients", client_ids=(client_id,))

    def delete_client(self, client_id: int) -> None:
        self.clients.delete(client_id)
        self.undo_stack.clear()  # earlier archive steps may name this client
        self._emit("clients", "sessions", "touchpoints", "client_tags", client_ids=(client_id,))

    def save_practice_settings(self, settings: practice.PracticeSettings) -> None:
        practice.save(self.db, settings)
        self._emit("settings")

    def reload_all(self) -> None:
        self.undo_stack.clear()
        self._emit("clients", "sessions", "touchpoints", "tags", "client_tags", "settings")


class _ArchiveCommand(QUndoCommand):
    def __init__(self, services: AppServices, client_id: int, archived: bool, name: str) -> None:
        if archived:
            text = QCoreApplication.translate("AppServices", "Archive %1")
        else:
            text = QCoreApplication.translate("AppServices", "Restore %1")
        super().__init__(text.replace("%1", name))
        self._services = services
        self._client_id = client_id
        self._archived = archived
        self._done = True  # the first redo() happens in archive_client, before the push

    def _apply(self, archived: bool) -> None:
        try:
            self._services._set_archived(self._client_id, archived)
        except Exception as exc:  # shown by the window; the stack stays consistent with the data
            self.setObsolete(True)
            self._services.failed.emit(exc)

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._apply(self._archived)

    def undo(self) -> None:
        self._apply(not self._archived)
