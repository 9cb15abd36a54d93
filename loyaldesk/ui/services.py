"""The services a window works with: the open database, its repositories, and one change signal.

Every mutation goes through here: it writes through a repository and then emits
`data_changed` with what changed, and each screen decides whether to reload.
Screens never reach into each other.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from loyaldesk.core import dates, practice
from loyaldesk.core.clients import ClientRepository
from loyaldesk.core.db import Database
from loyaldesk.core.errors import LoyalDeskError
from loyaldesk.core.models import Client, Session, Tag, Touchpoint
from loyaldesk.core.sessions import SessionRepository, TouchpointRepository
from loyaldesk.core.tags import TagRepository
from loyaldesk.ui.writes import WriteControls


@dataclass(frozen=True)
class DataChange:
    """What a mutation changed: table names and the clients concerned (empty = unknown/all)."""

    tables: frozenset[str]
    client_ids: frozenset[int] = field(default_factory=frozenset)

    def touches(self, *tables: str) -> bool:
        return bool(self.tables.intersection(tables))


log = logging.getLogger(__name__)

# Changes after which the tiers (and so the contact intervals) may be different.
TIER_INPUTS = ("clients", "sessions", "touchpoints", "settings")


class AppServices(QObject):
    data_changed = Signal(object)  # DataChange
    failed = Signal(object)  # an exception raised by an undo/redo step
    tiers_refreshing = Signal(bool)  # a background tier refresh started (True) or ended (False)
    notice = Signal(str, bool)  # a short message for the status bar; True when Edit > Undo takes it back

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.clients = ClientRepository(db)
        self.sessions = SessionRepository(db)
        self.touchpoints = TouchpointRepository(db)
        self.tags = TagRepository(db)
        self.undo_stack = QUndoStack(self)
        # Screens hand their write controls to this: disabled with the reason when read-only.
        self.writes = WriteControls(db.read_only, self.read_only_reason(), self)
        self._as_of: dt.date | None = None
        self._currency: str | None = None  # the practice's, cached (see currency())
        self._tier_timer = QTimer(self)
        self._tier_timer.setSingleShot(True)
        self._tier_timer.setInterval(400)  # a burst of edits makes one refresh
        self._tier_timer.timeout.connect(self._on_tier_timer_timeout)
        self._tier_op = None
        self._tier_again = False
        self._auto_tiers = False
        self._closed = False
        # The app may stay open past midnight: "today" moves on, and with it days since contact,
        # overdue clients, next actions and the tiers. Checked once a minute.
        self._day = dates.today()
        self._day_timer = QTimer(self)
        self._day_timer.setInterval(60_000)
        self._day_timer.timeout.connect(self.check_day)

    @property
    def read_only(self) -> bool:
        return self.db.read_only

    def read_only_reason(self) -> str:
        """Why nothing can be saved, in the user's language ("" when the practice is writable)."""
        if not self.db.read_only:
            return ""
        from loyaldesk.core.db import read_only_error

        return read_only_error(self.db.path, self.db.read_only_reason).message

    # --- tiers ---------------------------------------------------------------------------
    def enable_tier_refresh(self) -> None:
        """Keep the stored tiers current: now, and again after every change that affects them.

        The refresh runs in a worker with its own connection (it takes about a second at
        100,000 clients) and emits data_changed("client_tiers") when it wrote something.
        """
        if not self._auto_tiers:
            self._auto_tiers = True
            self.data_changed.connect(self._on_data_changed_for_tiers)
            self._day_timer.start()
        self.schedule_tier_refresh()

    def check_day(self) -> bool:
        """When the date has changed since the last check (and "today" is not pinned), tell every
        screen that what depends on the date changed (they reload; the tiers refresh). True then."""
        today = dates.today()
        if today == self._day or self._as_of is not None or self._closed:
            return False
        self._day = today
        self._emit(*TIER_INPUTS)
        return True

    def schedule_tier_refresh(self) -> None:
        if not self.db.read_only and not self._closed:
            self._tier_timer.start()

    def shutdown(self) -> None:
        """Before the database closes: no more background refreshes, and none reported."""
        from PySide6.QtCore import QThreadPool

        self._closed = True
        self._tier_timer.stop()
        self._day_timer.stop()
        if self._tier_op is not None:
            self._tier_op.cancel()
        # Work still queued is dropped (nobody will look at its result); work already running
        # holds a connection of its own: let it finish before the file is closed, replaced by a
        # restore or switched for another (a refresh takes about a second at most).
        from loyaldesk.ui.ops import cancel_all

        cancel_all()  # long queries are interrupted; writes roll back
        pool = QThreadPool.globalInstance()
        pool.clear()
        pool.waitForDone(30000)

    def _on_data_changed_for_tiers(self, change: DataChange) -> None:
        if change.touches(*TIER_INPUTS):
            self.schedule_tier_refresh()

    def _on_tier_timer_timeout(self) -> None:
        from loyaldesk.core import loyalty
        from loyaldesk.core.db import open_database
        from loyaldesk.ui.ops import run_quietly

        if self._tier_op is not None:  # one at a time; the latest change is picked up after it
            self._tier_again = True
            return
        path, as_of = self.db.path, self.as_of()

        def work(progress):
            with open_database(path, create=False) as own:
                progress.on_cancel(own.conn.interrupt)
                if not loyalty.tiers_stale(own, as_of):
                    return None
                return loyalty.refresh_tiers(own, as_of, report=False)

        self._tier_again = False
        self.tiers_refreshing.emit(True)
        op = run_quietly(self, work)
        op.finished.connect(self._on_tier_refresh_finished)
        op.failed.connect(self._on_tier_refresh_failed)
        op.cancelled.connect(self._on_tier_refresh_ended)
        self._tier_op = op

    def _on_tier_refresh_finished(self, result) -> None:
        self._on_tier_refresh_ended()
        if result is not None and not self._closed:
            self._emit("client_tiers")

    def _on_tier_refresh_failed(self, exc) -> None:
        # The stored tiers stay as they were (the list still works); the next change retries.
        log.warning("tier refresh failed: %s", exc)
        self._on_tier_refresh_ended()

    def _on_tier_refresh_ended(self) -> None:
        self._tier_op = None
        self.tiers_refreshing.emit(False)
        if self._tier_again:
            self.schedule_tier_refresh()

    @property
    def tier_refresh_running(self) -> bool:
        return self._tier_op is not None or self._tier_timer.isActive()

    # --- reading -----------------------------------------------------------------------
    def as_of(self) -> dt.date:
        return self._as_of or dates.today()

    def set_as_of(self, day: dt.date | None) -> None:
        """Pin "today" (used by tests and demonstrations)."""
        self._as_of = day

    def practice_settings(self) -> practice.PracticeSettings:
        return practice.load(self.db)

    def currency(self) -> str:
        """The practice's currency (ISO code), read once and again after a settings change."""
        if self._currency is None:
            self._currency = practice.currency(self.db)
        return self._currency

    # --- writing -----------------------------------------------------------------------
    def _emit(self, *tables: str, client_ids: tuple[int, ...] = ()) -> None:
        self.data_changed.emit(DataChange(frozenset(tables), frozenset(client_ids)))

    def notify(self, text: str, undoable: bool = False) -> None:
        """Say in the status bar what was just done (with Undo when `undoable`)."""
        self.notice.emit(text, undoable)

    def _client_name(self, client_id: int) -> str:
        try:
            return self.clients.get(client_id).name
        except LoyalDeskError:
            return ""

    def save_client(self, client: Client) -> Client:
        new = client.id is None
        saved = self.clients.update(client) if not new else self.clients.create(client)
        self._emit("clients", client_ids=(saved.id,))
        text = (QCoreApplication.translate("AppServices", "Client added: %1") if new else QCoreApplication.translate("AppServices", "Client saved: %1")).replace("%1", saved.name)
        self.notify(text)
        return saved

    def add_session(self, session: Session) -> Session:
        new = session.id is None
        saved = self.sessions.add(session) if new else self.sessions.update(session)
        self._emit("sessions", client_ids=(saved.client_id,))
        text = QCoreApplication.translate("AppServices", "Session logged: %1, %2") if new else QCoreApplication.translate("AppServices", "Session saved: %1, %2")
        self.notify(text.replace("%1", self._client_name(saved.client_id)).replace("%2", saved.date.isoformat()))
        return saved

    def delete_session(self, session_id: int, client_id: int) -> None:
        self.sessions.delete(session_id)
        self._emit("sessions", client_ids=(client_id,))
        self.notify(QCoreApplication.translate("AppServices", "Session deleted: %1").replace("%1", self._client_name(client_id)))

    def add_touchpoint(self, tp: Touchpoint) -> Touchpoint:
        new = tp.id is None
        saved = self.touchpoints.add(tp) if new else self.touchpoints.update(tp)
        self._emit("touchpoints", client_ids=(saved.client_id,))
        text = QCoreApplication.translate("AppServices", "Contact logged: %1, %2") if new else QCoreApplication.translate("AppServices", "Contact saved: %1, %2")
        self.notify(text.replace("%1", self._client_name(saved.client_id)).replace("%2", saved.date.isoformat()))
        return saved

    def delete_touchpoint(self, tp_id: int, client_id: int) -> None:
        self.touchpoints.delete(tp_id)
        self._emit("touchpoints", client_ids=(client_id,))
        self.notify(QCoreApplication.translate("AppServices", "Contact deleted: %1").replace("%1", self._client_name(client_id)))

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
        self.notify((QCoreApplication.translate("AppServices", "Archived: %1") if archived else QCoreApplication.translate("AppServices", "Restored: %1")).replace("%1", name), True)

    def _set_archived(self, client_id: int, archived: bool) -> None:
        self.clients.set_archived(client_id, archived)
        self._emit("clients", client_ids=(client_id,))

    def delete_client(self, client_id: int) -> None:
        self.clients.delete(client_id)
        self.undo_stack.clear()  # earlier archive steps may name this client
        self._emit("clients", "sessions", "touchpoints", "client_tags", client_ids=(client_id,))
        self.notify(QCoreApplication.translate("AppServices", "Client deleted permanently."))

    def save_practice_settings(self, settings: practice.PracticeSettings) -> None:
        practice.save(self.db, settings)
        self._currency = None
        self._emit("settings")

    def set_currency(self, code: str, *, keep_amounts: bool = False) -> None:
        """Change the practice's currency (amounts are not converted: see practice.set_currency)."""
        practice.set_currency(self.db, code, keep_amounts=keep_amounts)
        self._currency = None
        self._emit("settings", "sessions")

    def act_on_suggestion(self, suggestion, decision: str, *, snooze_until: dt.date | None = None,
                          channel: str | None = None, note: str = "", on: dt.date | None = None):
        """Done (logs the touchpoint), snoozed or dismissed; undoable from Edit > Undo. The dashboard
        and the client refresh."""
        from loyaldesk.core import suggestions

        options = {"on": on or self.as_of(), "snooze_until": snooze_until, "channel": channel, "note": note}
        result = suggestions.act(self.db, suggestion, decision, **options)  # raises before anything is pushed
        self._emit_decision(decision, suggestion.client_id)
        command = _DecisionCommand(self, suggestion, decision, options, result)
        self.undo_stack.push(command)
        self.notify(command.text(), True)
        return result

    def _emit_decision(self, decision: str, client_id: int) -> None:
        tables = ("suggestion_decisions", "touchpoints") if decision == "done" else ("suggestion_decisions",)
        self._emit(*tables, client_ids=(client_id,))

    def record_documents_sent(self, batch, *, channel: str | None = None, client_ids: list[int] | None = None):
        """"Record as sent" for a batch of the document pipeline (dated as_of): a touchpoint per recipient,
        the suggestions answered done, season cards in greetings, invitations marked sent. Undoable."""
        from loyaldesk.core.documents import pipeline

        rec = pipeline.record(self.db, batch, on=self.as_of(), channel=channel, client_ids=client_ids)
        self._emit_sent(rec)
        command = _SendCommand(self, batch, channel, client_ids, rec)
        self.undo_stack.push(command)
        self.notify(command.text(), True)
        return rec

    def _emit_sent(self, rec) -> None:
        self._emit("touchpoints", "suggestion_decisions", "greetings", "event_invitations", "events",
                   client_ids=tuple(rec.client_ids))

    def save_letter_template(self, template):
        from loyaldesk.core.letters import templates

        saved = templates.save_template(self.db, template)
        self._emit("letter_templates")
        return saved

    def reset_letter_template(self, key: str, lang: str):
        from loyaldesk.core.letters import templates

        saved = templates.reset_template(self.db, key, lang)
        self._emit("letter_templates")
        return saved

    def save_sender_profile(self, profile) -> None:
        from loyaldesk.core.letters import sender

        sender.save_sender(self.db, profile)
        self._emit("settings")

    def save_sender_profiles(self, profiles) -> None:
        """Both sender profiles (Japanese and English) and the date style, in one transaction."""
        from loyaldesk.core.letters import sender

        sender.save_profiles(self.db, profiles)
        self._emit("settings")

    # --- addresses and season cards (loyaldesk.core.addresses, loyaldesk.core.greetings) --------
    def save_address_options(self, options) -> None:
        from loyaldesk.core.addresses import compose

        compose.save_options(self.db, options)
        self._emit("settings")

    def save_greeting(self, client_id: int, year: int, season: str, kind: str, date=None,
                      greeting_id: int | None = None) -> int:
        from loyaldesk.core import greetings

        saved = greetings.save_greeting(self.db, client_id, year, season, kind, date, greeting_id=greeting_id)
        self._emit("greetings", client_ids=(client_id,))
        return saved

    def delete_greeting(self, greeting_id: int, client_id: int) -> None:
        from loyaldesk.core import greetings

        greetings.delete_greeting(self.db, greeting_id)
        self._emit("greetings", client_ids=(client_id,))

    def save_joint_names(self, client_id: int, text: str) -> None:
        """The joint names (連名) printed with the client's address: '花子 様、健太 くん'."""
        from loyaldesk.core.addresses import compose

        compose.save_joint_names(self.db, client_id, compose.parse_joint_names(text))
        self._emit("joint_names", client_ids=(client_id,))

    # --- community (loyaldesk.core.events) ------------------------------------------------
    def save_event(self, event):
        from loyaldesk.core import events

        saved = events.save_event(self.db, event)
        self._emit("events", "touchpoints")  # attendance touchpoints follow the event's day and title
        return saved

    def delete_event(self, event_id: int) -> None:
        from loyaldesk.core import events

        events.delete_event(self.db, event_id)
        self._emit("events", "event_invitations", "recognitions")

    def invite_to_event(self, event_id: int, client_ids: list[int], wave: str) -> int:
        from loyaldesk.core import events

        added = events.invite(self.db, event_id, client_ids, wave, on=self.as_of())
        self._emit("event_invitations", client_ids=tuple(client_ids))
        return added

    def set_event_reply(self, event_id: int, client_id: int, reply: str | None) -> None:
        from loyaldesk.core import events

        events.set_reply(self.db, event_id, client_id, reply)
        self._emit("event_invitations", client_ids=(client_id,))

    def set_event_attended(self, event_id: int, client_id: int, attended: bool, *, early: bool = False) -> None:
        """Attendance logs (or removes) the client's 'event' touchpoint: it counts as contact. Before the
        event's day it raises ValidationError event.attendance_early unless early (the user confirmed)."""
        from loyaldesk.core import events

        events.set_attended(self.db, event_id, client_id, attended, as_of=self.as_of(), early=early)
        self._emit("event_invitations", "touchpoints", client_ids=(client_id,))

    def set_event_seat_note(self, event_id: int, client_id: int, note: str) -> None:
        from loyaldesk.core import events

        events.set_seat_note(self.db, event_id, client_id, note)
        self._emit("event_invitations", client_ids=(client_id,))

    def assign_event_helper(self, event_id: int, client_id: int, task: str = "") -> None:
        from loyaldesk.core import events

        events.assign_helper(self.db, event_id, client_id, task)
        self._emit("event_helpers", client_ids=(client_id,))

    def remove_event_helper(self, event_id: int, client_id: int) -> None:
        from loyaldesk.core import events

        events.remove_helper(self.db, event_id, client_id)
        self._emit("event_helpers", client_ids=(client_id,))

    def award_recognition(self, client_id: int, title: str, *, event_id: int | None = None, period: str = "",
                          note: str = "", on: dt.date | None = None):
        from loyaldesk.core import events

        saved = events.award(self.db, client_id, title, on or self.as_of(), event_id=event_id, period=period,
                             note=note)
        self._emit("recognitions", client_ids=(client_id,))
        return saved

    def create_feedback_round(self, title: str, notes: str = ""):
        from loyaldesk.core import events

        saved = events.create_round(self.db, title, self.as_of(), notes)
        self._emit("feedback_rounds")
        return saved

    def invite_to_feedback_round(self, round_id: int, client_ids: list[int]) -> int:
        from loyaldesk.core import events

        added = events.invite_to_round(self.db, round_id, client_ids, self.as_of())
        self._emit("feedback_rounds", "feedback_participants", client_ids=tuple(client_ids))
        return added

    def record_feedback(self, round_id: int, client_id: int, took_part: bool, note: str) -> None:
        from loyaldesk.core import events

        events.record_feedback(self.db, round_id, client_id, took_part, note)
        self._emit("feedback_rounds", "feedback_participants", client_ids=(client_id,))

    def reload_all(self) -> None:
        self.undo_stack.clear()
        self._currency = None
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


class _DecisionCommand(QUndoCommand):
    """Done, Snooze or Dismiss on a next action: undo removes the decision and the contact it
    logged (the action is open again, in its place in the day's plan); redo records it again."""

    def __init__(self, services: AppServices, suggestion, decision: str, options: dict, result) -> None:
        from loyaldesk.ui import labels

        what = labels.suggestion_label(suggestion.kind, suggestion.template)
        text = {
            "done": QCoreApplication.translate("AppServices", "Done: %1 · %2"),
            "snoozed": QCoreApplication.translate("AppServices", "Snooze: %1 · %2"),
            "dismissed": QCoreApplication.translate("AppServices", "Dismiss: %1 · %2"),
        }[decision]
        super().__init__(text.replace("%1", what).replace("%2", suggestion.client_name))
        self._services = services
        self._suggestion = suggestion
        self._decision = decision
        self._options = options
        self._result = result
        self._done = True  # the first redo() happens in act_on_suggestion, before the push

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        from loyaldesk.core import suggestions

        try:
            self._result = suggestions.act(self._services.db, self._suggestion, self._decision, **self._options)
        except Exception as exc:  # shown by the window; the stack stays consistent with the data
            self.setObsolete(True)
            self._services.failed.emit(exc)
            return
        self._services._emit_decision(self._decision, self._suggestion.client_id)

    def undo(self) -> None:
        from loyaldesk.core import suggestions

        try:
            suggestions.undo_act(self._services.db, self._result)
        except Exception as exc:
            self.setObsolete(True)
            self._services.failed.emit(exc)
            return
        self._services._emit_decision(self._decision, self._suggestion.client_id)


class _SendCommand(QUndoCommand):
    """Record as sent: undo takes back the touchpoints, decisions, greetings and invitation states it wrote;
    redo records the same recipients again."""

    def __init__(self, services: AppServices, batch, channel: str | None, client_ids, rec) -> None:
        from loyaldesk.core.i18n import t

        what = t(batch.kind.label_key)
        super().__init__(QCoreApplication.translate("AppServices", "Record as sent: %1 (%2)")
                         .replace("%1", what).replace("%2", str(rec.count)))
        self._services = services
        self._batch = batch
        self._channel = channel
        self._client_ids = client_ids
        self._rec = rec
        self._done = True  # the first redo() happens in record_documents_sent, before the push

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        from loyaldesk.core.documents import pipeline

        try:
            self._rec = pipeline.record(self._services.db, self._batch, on=self._rec.day, channel=self._channel,
                                        client_ids=self._client_ids)
        except Exception as exc:  # shown by the window; the stack stays consistent with the data
            self.setObsolete(True)
            self._services.failed.emit(exc)
            return
        self._services._emit_sent(self._rec)

    def undo(self) -> None:
        from loyaldesk.core.documents import pipeline

        try:
            pipeline.undo(self._services.db, self._rec)
        except Exception as exc:
            self.setObsolete(True)
            self._services.failed.emit(exc)
            return
        self._services._emit_sent(self._rec)
