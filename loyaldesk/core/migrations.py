"""Numbered schema migrations, applied in order when a database is opened.

PRAGMA user_version holds the number of the last migration applied. Each migration runs
in its own transaction together with the user_version bump, so a failed migration
leaves the database exactly as it was. Never edit a released migration: add a new one.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from loyaldesk.core.i18n import current_language, t

APPLICATION_ID = 0x4C594C44  # "LYLD": marks the file as a LoyalDesk database

BUILTIN_ROLES = ("event_committee", "sns_admin", "community_host", "study_group_host", "ambassador")

# Tables the database's triggers fill from other tables: never exported or imported as data.
TRIGGER_TABLES = ("session_stats", "client_phone_digits")

CHANNELS = ("letter", "email", "call", "meeting", "sns", "event", "gift", "card", "other")


@dataclass(frozen=True)
class Migration:
    number: int
    title: str
    apply: Callable[[sqlite3.Connection], None]


def _run_script(conn: sqlite3.Connection, script: str) -> None:
    """Run several statements inside the caller's transaction (executescript would commit it)."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            conn.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete SQL statement in migration: {statement!r}")


def _m001_initial(conn: sqlite3.Connection) -> None:
    channel_list = ", ".join(f"'{c}'" for c in CHANNELS)
    _run_script(
        conn,
        f"""
        CREATE TABLE clients (
            id             INTEGER PRIMARY KEY,
            name           TEXT NOT NULL,
            name_kana      TEXT DEFAULT '',
            honorific      TEXT DEFAULT '',
            company        TEXT DEFAULT '',
            title          TEXT DEFAULT '',
            email          TEXT DEFAULT '',
            phone          TEXT DEFAULT '',
            postal_code    TEXT DEFAULT '',
            address1       TEXT DEFAULT '',
            address2       TEXT DEFAULT '',
            birthday       TEXT DEFAULT NULL,
            referred_by    INTEGER DEFAULT NULL REFERENCES clients(id) ON DELETE SET NULL,
            source         TEXT DEFAULT '',
            cadence_days   INTEGER DEFAULT NULL CHECK (cadence_days IS NULL OR cadence_days > 0),
            notes          TEXT DEFAULT '',
            do_not_contact INTEGER DEFAULT 0 CHECK (do_not_contact IN (0, 1)),
            archived       INTEGER DEFAULT 0 CHECK (archived IN (0, 1)),
            created_at     TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')),
            updated_at     TEXT DEFAULT NULL
        );
        CREATE INDEX idx_clients_archived ON clients(archived);
        CREATE INDEX idx_clients_referred_by ON clients(referred_by);

        CREATE TABLE sessions (
            id               INTEGER PRIMARY KEY,
            client_id        INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
            date             TEXT NOT NULL,
            kind             TEXT DEFAULT '',
            duration_minutes INTEGER DEFAULT NULL,
            fee              INTEGER DEFAULT 0,
            topic            TEXT DEFAULT '',
            notes            TEXT DEFAULT ''
        );
        -- covering index: last session, count and revenue per client without touching the table
        CREATE INDEX idx_sessions_client_date ON sessions(client_id, date, fee);
        CREATE INDEX idx_sessions_date ON sessions(date);

        CREATE TABLE touchpoints (
            id        INTEGER PRIMARY KEY,
            client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
            date      TEXT NOT NULL,
            channel   TEXT NOT NULL DEFAULT 'other' CHECK (channel IN ({channel_list})),
            note      TEXT DEFAULT ''
        );
        CREATE INDEX idx_touchpoints_client_date ON touchpoints(client_id, date);
        CREATE INDEX idx_touchpoints_date ON touchpoints(date);

        CREATE TABLE tags (
            id          INTEGER PRIMARY KEY,
            name        TEXT NOT NULL UNIQUE,
            category    TEXT NOT NULL DEFAULT 'segment' CHECK (category IN ('role', 'segment')),
            builtin_key TEXT DEFAULT NULL
        );

        CREATE TABLE client_tags (
            client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
            tag_id    INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
            since     TEXT DEFAULT (date('now', 'localtime')),
            PRIMARY KEY (client_id, tag_id)
        ) WITHOUT ROWID;
        CREATE INDEX idx_client_tags_tag ON client_tags(tag_id);

        CREATE TABLE settings (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        """
    )
    lang = current_language()
    conn.executemany(
        "INSERT INTO tags (name, category, builtin_key) VALUES (?, 'role', ?)",
        [(t(f"role.{key}", lang), key) for key in BUILTIN_ROLES],
    )


TIERS = ("vip", "candidate", "regular", "new", "prospect")

SUGGESTION_DECISIONS = ("done", "snoozed", "dismissed")


def _m002_loyalty(conn: sqlite3.Connection) -> None:
    """Tiers (the latest computation and every change) and the consultant's decisions on next actions."""
    tier_list = ", ".join(f"'{t}'" for t in TIERS)
    decision_list = ", ".join(f"'{d}'" for d in SUGGESTION_DECISIONS)
    _run_script(
        conn,
        f"""
        -- The tiers of the latest refresh (loyaldesk.core.loyalty.refresh_tiers): one row per
        -- non-archived client. A cache of derived values: the clients list reads the interval from it.
        CREATE TABLE client_tiers (
            client_id   INTEGER PRIMARY KEY REFERENCES clients(id) ON DELETE CASCADE,
            tier        TEXT NOT NULL DEFAULT 'prospect' CHECK (tier IN ({tier_list})),
            score       REAL DEFAULT NULL CHECK (score IS NULL OR (score >= 0 AND score <= 1)),
            rank        INTEGER DEFAULT NULL,
            computed_on TEXT NOT NULL DEFAULT (date('now', 'localtime'))
        );

        -- Every tier change, oldest first per client: who rose and who slipped.
        CREATE TABLE tier_history (
            id        INTEGER PRIMARY KEY,
            client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
            date      TEXT NOT NULL DEFAULT (date('now', 'localtime')),
            from_tier TEXT DEFAULT NULL CHECK (from_tier IS NULL OR from_tier IN ({tier_list})),
            to_tier   TEXT NOT NULL CHECK (to_tier IN ({tier_list}))
        );
        -- the latest entry of one client (refresh), a client's history (detail), recent changes (dashboard)
        CREATE INDEX idx_tier_history_client_date ON tier_history(client_id, date);
        CREATE INDEX idx_tier_history_date ON tier_history(date);

        -- When the tiers were last computed and from which data (loyalty.tiers_stale). One row.
        CREATE TABLE tier_refresh (
            id           INTEGER PRIMARY KEY CHECK (id = 1),
            as_of        TEXT NOT NULL DEFAULT '',
            fingerprint  TEXT NOT NULL DEFAULT '',
            refreshed_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'))
        );

        -- Next actions handled by the consultant: a suggestion done, snoozed or dismissed.
        -- cycle names the occurrence of a recurring kind (e.g. '2026' for a yearly greeting) so
        -- that a handled suggestion comes back only in its next cycle.
        CREATE TABLE suggestion_decisions (
            id           INTEGER PRIMARY KEY,
            client_id    INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
            kind         TEXT NOT NULL,
            cycle        TEXT NOT NULL DEFAULT '',
            decision     TEXT NOT NULL DEFAULT 'done' CHECK (decision IN ({decision_list})),
            decided_on   TEXT NOT NULL DEFAULT (date('now', 'localtime')),
            snooze_until TEXT DEFAULT NULL,
            note         TEXT DEFAULT ''
        );
        CREATE INDEX idx_suggestion_decisions_client_kind ON suggestion_decisions(client_id, kind, cycle);
        CREATE INDEX idx_suggestion_decisions_kind ON suggestion_decisions(kind, decided_on);
        """
    )


LETTER_DESIGNS = ("auto", "standard", "vip")


def _m003_letters(conn: sqlite3.Connection) -> None:
    """Letter templates, seeded with the default set (resources/letters/templates.toml)."""
    design_list = ", ".join(f"'{d}'" for d in LETTER_DESIGNS)
    _run_script(
        conn,
        f"""
        -- Direct-mail templates (loyaldesk.core.letters): one per key and language.
        CREATE TABLE letter_templates (
            id         INTEGER PRIMARY KEY,
            key        TEXT NOT NULL,
            lang       TEXT NOT NULL DEFAULT 'ja' CHECK (lang IN ('ja', 'en')),
            name       TEXT NOT NULL DEFAULT '',
            subject    TEXT NOT NULL DEFAULT '',
            body       TEXT NOT NULL DEFAULT '',
            design     TEXT NOT NULL DEFAULT 'auto' CHECK (design IN ({design_list})),
            builtin    INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
            updated_at TEXT DEFAULT NULL,
            UNIQUE (key, lang)
        );
        """
    )
    from loyaldesk.core.letters.templates import seed_defaults

    seed_defaults(conn)


GREETING_SEASONS = ("new_year", "winter", "summer", "year_end", "other")
GREETING_KINDS = ("sent", "received", "mourning")


def _m004_greetings(conn: sqlite3.Connection) -> None:
    """Greeting-card history: cards sent and received and mourning notices, per client, year and season."""
    season_list = ", ".join(f"'{s}'" for s in GREETING_SEASONS)
    kind_list = ", ".join(f"'{k}'" for k in GREETING_KINDS)
    _run_script(
        conn,
        f"""
        -- Season cards (loyaldesk.core.greetings): (client, 2027, new_year, mourning) = no New Year card for 2027.
        CREATE TABLE greetings (
            id        INTEGER PRIMARY KEY,
            client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
            year      INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2999),
            season    TEXT NOT NULL CHECK (season IN ({season_list})),
            kind      TEXT NOT NULL CHECK (kind IN ({kind_list})),
            date      TEXT DEFAULT NULL,
            UNIQUE (client_id, year, season, kind)
        );
        CREATE INDEX idx_greetings_year_season ON greetings(year, season, kind);
        """
    )

EVENT_KINDS = ("seminar", "study_session", "mixer", "results_meeting", "other")


def _m005_events(conn: sqlite3.Connection) -> None:
    """Community: events, invitations and attendance, helpers, recognition, role history, feedback rounds."""
    kind_list = ", ".join(f"'{k}'" for k in EVENT_KINDS)
    _run_script(
        conn,
        f"""
        -- Seminars, study sessions, mixers, results meetings (loyaldesk.core.events).
        CREATE TABLE events (
            id           INTEGER PRIMARY KEY,
            title        TEXT NOT NULL DEFAULT '',
            kind         TEXT NOT NULL DEFAULT 'seminar' CHECK (kind IN ({kind_list})),
            starts_at    TEXT NOT NULL DEFAULT '',
            place        TEXT NOT NULL DEFAULT '',
            online       INTEGER NOT NULL DEFAULT 0 CHECK (online IN (0, 1)),
            capacity     INTEGER DEFAULT NULL CHECK (capacity IS NULL OR capacity >= 0),
            fee          INTEGER NOT NULL DEFAULT 0,
            notes        TEXT NOT NULL DEFAULT '',
            early_wave_on   TEXT DEFAULT NULL,
            general_wave_on TEXT DEFAULT NULL,
            created_at   TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'))
        );
        CREATE INDEX idx_events_starts_at ON events(starts_at);

        -- One row per invitee: the wave, the reply, attendance (with the touchpoint it logged).
        CREATE TABLE event_invitations (
            event_id      INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            client_id     INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
            wave          TEXT NOT NULL DEFAULT 'general' CHECK (wave IN ('early', 'general')),
            invited_on    TEXT NOT NULL DEFAULT (date('now', 'localtime')),
            reply         TEXT DEFAULT NULL CHECK (reply IS NULL OR reply IN ('yes', 'no')),
            replied_at    TEXT DEFAULT NULL,
            attended      INTEGER NOT NULL DEFAULT 0 CHECK (attended IN (0, 1)),
            touchpoint_id INTEGER DEFAULT NULL REFERENCES touchpoints(id) ON DELETE SET NULL,
            seat_note     TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (event_id, client_id)
        );
        CREATE INDEX idx_event_invitations_client ON event_invitations(client_id);

        -- Event-committee helpers assigned to an event.
        CREATE TABLE event_helpers (
            event_id  INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
            task      TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (event_id, client_id)
        );

        -- Awards: for an event or a period, with a note.
        CREATE TABLE recognitions (
            id        INTEGER PRIMARY KEY,
            client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
            date      TEXT NOT NULL DEFAULT (date('now', 'localtime')),
            title     TEXT NOT NULL DEFAULT '',
            event_id  INTEGER DEFAULT NULL REFERENCES events(id) ON DELETE SET NULL,
            period    TEXT NOT NULL DEFAULT '',
            note      TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX idx_recognitions_client ON recognitions(client_id, date);

        -- Roles over time: client_tags keeps the current roles; every spell is here, until NULL = current.
        CREATE TABLE role_history (
            id        INTEGER PRIMARY KEY,
            client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
            tag_id    INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
            since     TEXT DEFAULT NULL,
            until     TEXT DEFAULT NULL
        );
        CREATE INDEX idx_role_history_client ON role_history(client_id, tag_id);

        -- Co-creation: a feedback round on a new service, and who took part.
        CREATE TABLE feedback_rounds (
            id      INTEGER PRIMARY KEY,
            title   TEXT NOT NULL DEFAULT '',
            date    TEXT NOT NULL DEFAULT (date('now', 'localtime')),
            notes   TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE feedback_participants (
            round_id   INTEGER NOT NULL REFERENCES feedback_rounds(id) ON DELETE CASCADE,
            client_id  INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
            invited_on TEXT NOT NULL DEFAULT (date('now', 'localtime')),
            took_part  INTEGER NOT NULL DEFAULT 0 CHECK (took_part IN (0, 1)),
            note       TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (round_id, client_id)
        );
        CREATE INDEX idx_feedback_participants_client ON feedback_participants(client_id);

        INSERT INTO role_history (client_id, tag_id, since)
            SELECT ct.client_id, ct.tag_id, ct.since FROM client_tags ct JOIN tags t ON t.id = ct.tag_id
            WHERE t.category = 'role';
        """
    )
    from loyaldesk.core.letters.templates import seed_defaults

    seed_defaults(conn)  # the new event_invitation template



def _m006_joint_names(conn: sqlite3.Connection) -> None:
    """Joint names (連名) printed with a client's address, each with its own honorific."""
    _run_script(
        conn,
        """
        -- Second addressees on postcards, envelopes and labels (loyaldesk.core.addresses), in order.
        CREATE TABLE joint_names (
            id        INTEGER PRIMARY KEY,
            client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
            position  INTEGER NOT NULL DEFAULT 0,
            name      TEXT NOT NULL CHECK (length(trim(name)) > 0),
            honorific TEXT NOT NULL DEFAULT '様'
        );
        CREATE INDEX idx_joint_names_client ON joint_names(client_id, position);
        """
    )


# The figures of one client's sessions, recomputed from its sessions (a look-up in the
# (client_id, date, fee) index) whenever one of them is changed or deleted.
def _session_stats_refresh(client: str) -> str:
    return f"""
        DELETE FROM session_stats WHERE client_id = {client};
        INSERT INTO session_stats (client_id, sessions, revenue, first_date, last_date, active_years)
            SELECT {client}, COUNT(*), COALESCE(SUM(fee), 0), MIN(date), MAX(date), COUNT(DISTINCT substr(date, 1, 4))
            FROM sessions WHERE client_id = {client}
            HAVING COUNT(*) > 0 AND EXISTS (SELECT 1 FROM clients WHERE id = {client});"""


def _m007_session_stats(conn: sqlite3.Connection) -> None:
    """Per-client session figures kept up to date by triggers (the loyalty computation reads them)."""
    _run_script(
        conn,
        f"""
        -- One row per client with at least one session: what the loyalty tiers need from the whole
        -- history, so that computing them does not read every session (loyaldesk.core.loyalty).
        -- Maintained by the triggers below; never written by the application.
        CREATE TABLE session_stats (
            client_id    INTEGER PRIMARY KEY,
            sessions     INTEGER NOT NULL,
            revenue      INTEGER NOT NULL,
            first_date   TEXT NOT NULL,
            last_date    TEXT NOT NULL,
            active_years INTEGER NOT NULL  -- distinct calendar years with a session
        );
        INSERT INTO session_stats (client_id, sessions, revenue, first_date, last_date, active_years)
            SELECT s.client_id, COUNT(*), COALESCE(SUM(s.fee), 0), MIN(s.date), MAX(s.date),
                   COUNT(DISTINCT substr(s.date, 1, 4))
            FROM sessions s WHERE s.client_id IN (SELECT id FROM clients) GROUP BY s.client_id;
        -- a new session adds to its client's row (the common case, and imports: no recount); a
        -- year is new when no other session of the client has the same first four characters
        CREATE TRIGGER session_stats_insert AFTER INSERT ON sessions
        WHEN EXISTS (SELECT 1 FROM clients WHERE id = NEW.client_id) BEGIN
            INSERT INTO session_stats (client_id, sessions, revenue, first_date, last_date, active_years)
            VALUES (NEW.client_id, 1, COALESCE(NEW.fee, 0), NEW.date, NEW.date, 1)
            ON CONFLICT(client_id) DO UPDATE SET
                sessions = sessions + 1,
                revenue = revenue + COALESCE(NEW.fee, 0),
                first_date = MIN(first_date, NEW.date),
                last_date = MAX(last_date, NEW.date),
                active_years = active_years + NOT EXISTS (
                    SELECT 1 FROM sessions
                    WHERE client_id = NEW.client_id AND id <> NEW.id
                      AND date >= substr(NEW.date, 1, 4) AND date <= substr(NEW.date, 1, 4) || char(1114111)
                      AND substr(date, 1, 4) = substr(NEW.date, 1, 4));
        END;
        CREATE TRIGGER session_stats_delete AFTER DELETE ON sessions BEGIN
            {_session_stats_refresh("OLD.client_id")}
        END;
        CREATE TRIGGER session_stats_update AFTER UPDATE OF client_id, date, fee ON sessions BEGIN
            {_session_stats_refresh("OLD.client_id")}
            {_session_stats_refresh("NEW.client_id")}
        END;
        CREATE TRIGGER session_stats_client_delete AFTER DELETE ON clients BEGIN
            DELETE FROM session_stats WHERE client_id = OLD.id;
        END;
        """
    )


def _m008_postcard_templates(conn: sqlite3.Connection) -> None:
    """The postcard message templates (the message side of season cards), editable like the letters;
    built-in templates never edited (updated_at NULL) take the current default text (the
    recognition letter now names the award)."""
    from loyaldesk.core.letters.templates import default_templates, seed_defaults

    conn.executemany(
        "UPDATE letter_templates SET name = ?, subject = ?, body = ?, design = ? "
        "WHERE key = ? AND lang = ? AND builtin = 1 AND updated_at IS NULL",
        [(x.name, x.subject, x.body, x.design, x.key, x.lang) for x in default_templates()],
    )
    seed_defaults(conn)


def _m009_day_plans(conn: sqlite3.Connection) -> None:
    """The daily plan (loyaldesk.core.today): which next actions were planned for a day, in order,
    so that acting on one does not reshuffle the rest and tomorrow's plan never repeats today's."""
    _run_script(
        conn,
        """
        CREATE TABLE IF NOT EXISTS day_plan_items (
            day       TEXT NOT NULL,     -- ISO date of the plan
            position  INTEGER NOT NULL,  -- 1 = first in the day's plan
            client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
            kind      TEXT NOT NULL,     -- the suggestion's kind
            cycle     TEXT NOT NULL,     -- the suggestion's cycle (suggestion_decisions.cycle)
            PRIMARY KEY (day, client_id, kind, cycle)
        );
        CREATE INDEX IF NOT EXISTS idx_day_plan_items_client ON day_plan_items (client_id);
        """,
    )


def _m010_tier_input_edits(conn: sqlite3.Connection) -> None:
    """Editing or deleting a session, contact or client marks the stored tiers stale.

    The stored tiers are computed from these rows (loyaldesk.core.loyalty). A new row changes the
    counts and newest ids of the refresh's fingerprint; an edit or a deletion may not (a session
    moved to another day, a contact moved to another client), so these triggers clear the
    fingerprint and the next check finds the tiers stale (loyalty.tiers_stale).
    """
    edits = {"sessions": ("client_id", "date", "fee"), "touchpoints": ("client_id", "date"),
             "clients": ("id", "archived")}
    clear = "UPDATE tier_refresh SET fingerprint = '' WHERE id = 1 AND fingerprint <> '';"
    for table, columns in edits.items():
        changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in columns)
        conn.execute(f"CREATE TRIGGER IF NOT EXISTS tier_inputs_{table}_update "
                     f"AFTER UPDATE OF {', '.join(columns)} ON {table} WHEN {changed} BEGIN {clear} END")
        conn.execute(f"CREATE TRIGGER IF NOT EXISTS tier_inputs_{table}_delete "
                     f"AFTER DELETE ON {table} BEGIN {clear} END")


def _m011_session_currency(conn: sqlite3.Connection) -> None:
    """A session in another currency than the practice's (a client abroad): its own currency and
    amount; sessions.fee holds the amount in the practice's currency when the user records one,
    else NULL (the session is left out of revenue totals). No amount is converted."""
    have = {row[1] for row in conn.execute("PRAGMA table_info(sessions)")}  # (re-run on a file marked older)
    if "foreign_currency" not in have:
        conn.execute("ALTER TABLE sessions ADD COLUMN foreign_currency TEXT DEFAULT NULL CHECK (foreign_currency IS NULL "
                     "OR (length(foreign_currency) = 3 AND foreign_currency = upper(foreign_currency)))")
    if "foreign_fee" not in have:
        conn.execute("ALTER TABLE sessions ADD COLUMN foreign_fee INTEGER DEFAULT NULL "
                     "CHECK (foreign_fee IS NULL OR foreign_fee >= 0)")


CONTACT_LABELS = ("", "mobile", "work", "home", "fax", "other")


def _m_client_contacts(conn: sqlite3.Connection) -> None:
    """Every e-mail, phone and address of a client kept: the main ones stay on clients (used for mail,
    calls and letters), the others with their labels in client_contacts and client_addresses; a
    country per address (clients.country for the main one; '' = the practice's country)."""
    labels = ", ".join(f"'{x}'" for x in CONTACT_LABELS)
    if "country" not in {row[1] for row in conn.execute("PRAGMA table_info(clients)")}:
        conn.execute("ALTER TABLE clients ADD COLUMN country TEXT DEFAULT ''")
    _run_script(
        conn,
        f"""
        -- the e-mails and phones of a client beyond clients.email and clients.phone, in order
        CREATE TABLE IF NOT EXISTS client_contacts (
            id        INTEGER PRIMARY KEY,
            client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
            kind      TEXT NOT NULL CHECK (kind IN ('email', 'phone')),
            label     TEXT NOT NULL DEFAULT '' CHECK (label IN ({labels})),
            value     TEXT NOT NULL CHECK (length(trim(value)) > 0),
            position  INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX IF NOT EXISTS idx_client_contacts_client ON client_contacts(client_id, kind, position);
        -- the postal addresses of a client beyond the one on clients (a home and a work address ...)
        CREATE TABLE IF NOT EXISTS client_addresses (
            id          INTEGER PRIMARY KEY,
            client_id   INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
            label       TEXT NOT NULL DEFAULT '' CHECK (label IN ({labels})),
            postal_code TEXT NOT NULL DEFAULT '',
            address1    TEXT NOT NULL DEFAULT '',
            address2    TEXT NOT NULL DEFAULT '',
            country     TEXT NOT NULL DEFAULT '',
            position    INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX IF NOT EXISTS idx_client_addresses_client ON client_addresses(client_id, position);
        """,
    )


def _m_invitations_sent(conn: sqlite3.Connection) -> None:
    """An invitation is recorded first (invited), and sent only when its letter or e-mail is recorded as
    sent: event_invitations.sent_on. Invitations of a wave already dated on its event are taken as sent
    that day (they were recorded together before)."""
    if "sent_on" in {row[1] for row in conn.execute("PRAGMA table_info(event_invitations)")}:
        return  # (re-run on a file marked older)
    _run_script(
        conn,
        """
        ALTER TABLE event_invitations ADD COLUMN sent_on TEXT DEFAULT NULL;
        UPDATE event_invitations SET sent_on = (
            SELECT CASE event_invitations.wave WHEN 'early' THEN e.early_wave_on ELSE e.general_wave_on END
            FROM events e WHERE e.id = event_invitations.event_id);
        """,
    )


def _m_search_index(conn: sqlite3.Connection) -> None:
    """The full-text index of every conversation (loyaldesk.core.search): FTS5 tables with the trigram
    tokenizer over client notes, session topics and notes, contact notes and feedback, kept current
    by triggers. A file with more rows than search.BUILD_IN_MIGRATION_ROWS gets it afterwards, once,
    in the background (search.build_index): the upgrade itself stays quick."""
    from loyaldesk.core import search

    if search.index_ready(conn) or search.source_rows(conn) > search.BUILD_IN_MIGRATION_ROWS:
        return
    search.create_index(conn, light=True)  # (no sqlite-utils import: commands creating a file start quick)

_JAPANESE_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]")
_SENDER_FIELDS = ("name", "business", "postal_code", "address", "phone", "email", "website")


def _m_language_profiles(conn: sqlite3.Connection) -> None:
    """Sender profiles per language and invitations that fit their event.

    - The single sender profile of an older file (settings sender_name, sender_business, ...) becomes the
      Japanese profile (sender_ja_*) when its name, business or address holds Japanese script, else the
      English one (sender_en_*); the old keys go (sender_date_style stays, shared by both).
    - events: title_ja and title_en (the title in each language's letters; the present title goes to the
      language of its script), ends_at (the end time), reply_by (the reply deadline), reply_how_ja and
      reply_how_en (how to reply, as the letters say it), place_en (the venue as English letters write it).
    - The built-in invitation templates never edited take the current text (記 … 以上 with the weekday, fee,
      capacity and reply deadline).
    """
    keys = [f"sender_{n}" for n in _SENDER_FIELDS]
    stored = dict(conn.execute(f"SELECT key, value FROM settings WHERE key IN ({', '.join('?' for _ in keys)})",
                               keys).fetchall())
    if stored:
        import json

        def text(name: str) -> str:
            try:
                value = json.loads(stored.get(f"sender_{name}", '""'))
            except ValueError:
                return ""
            return value if isinstance(value, str) else ""

        lang = "ja" if any(_JAPANESE_SCRIPT.search(text(n)) for n in ("name", "business", "address")) else "en"
        conn.executemany("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING",
                         [(f"sender_{lang}_{n}", stored[f"sender_{n}"]) for n in _SENDER_FIELDS
                          if f"sender_{n}" in stored])
        conn.executemany("DELETE FROM settings WHERE key = ?", [(k,) for k in keys])
    have = {row[1] for row in conn.execute("PRAGMA table_info(events)")}
    for column, decl in (("title_ja", "TEXT NOT NULL DEFAULT ''"), ("title_en", "TEXT NOT NULL DEFAULT ''"),
                         ("ends_at", "TEXT DEFAULT NULL"), ("reply_by", "TEXT DEFAULT NULL"),
                         ("reply_how_ja", "TEXT NOT NULL DEFAULT ''"), ("reply_how_en", "TEXT NOT NULL DEFAULT ''"),
                         ("place_en", "TEXT NOT NULL DEFAULT ''")):
        if column not in have:
            conn.execute(f"ALTER TABLE events ADD COLUMN {column} {decl}")
    rows = conn.execute("SELECT id, title FROM events WHERE title_ja = '' AND title_en = ''").fetchall()
    conn.executemany("UPDATE events SET title_ja = ? WHERE id = ?",
                     [(title, i) for i, title in rows if _JAPANESE_SCRIPT.search(title or "")])
    conn.executemany("UPDATE events SET title_en = ? WHERE id = ?",
                     [(title, i) for i, title in rows if title and not _JAPANESE_SCRIPT.search(title)])
    from loyaldesk.core.letters.templates import default_templates

    conn.executemany(
        "UPDATE letter_templates SET name = ?, subject = ?, body = ?, design = ? "
        "WHERE key = ? AND lang = ? AND builtin = 1 AND updated_at IS NULL",
        [(x.name, x.subject, x.body, x.design, x.key, x.lang) for x in default_templates()
         if x.key in ("event_invitation", "vip_invitation")],
    )


def _m_calendar(conn: sqlite3.Connection) -> None:
    """Sessions imported from a calendar (.ics) keep the event's UID and recurrence id, so importing the
    same or a newer export again adds only new events and moves the moved ones (loyaldesk.core.io.calendar);
    future events of a client are kept apart as its next sessions (calendar_upcoming)."""
    have = {row[1] for row in conn.execute("PRAGMA table_info(sessions)")}  # (re-run on a file marked older)
    if "calendar_uid" not in have:
        conn.execute("ALTER TABLE sessions ADD COLUMN calendar_uid TEXT DEFAULT NULL")
    if "calendar_recurrence_id" not in have:
        conn.execute("ALTER TABLE sessions ADD COLUMN calendar_recurrence_id TEXT DEFAULT NULL")
    _run_script(
        conn,
        """
        -- one session per calendar event (recurrence id '' for an event that does not repeat)
        CREATE UNIQUE INDEX IF NOT EXISTS idx_sessions_calendar ON sessions(calendar_uid, calendar_recurrence_id)
            WHERE calendar_uid IS NOT NULL;
        -- future events of clients from the last calendar import: "next session", not sessions
        CREATE TABLE IF NOT EXISTS calendar_upcoming (
            uid           TEXT NOT NULL,
            recurrence_id TEXT NOT NULL DEFAULT '',
            client_id     INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
            starts_at     TEXT NOT NULL,  -- ISO date and time in the practice's time zone
            date          TEXT NOT NULL,  -- ISO date (the day of starts_at)
            summary       TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (uid, recurrence_id)
        );
        CREATE INDEX IF NOT EXISTS idx_calendar_upcoming_client ON calendar_upcoming(client_id, date);
        """,
    )


def _m_phone_digits(conn: sqlite3.Connection) -> None:
    """Every phone number of a client (the main one and those in client_contacts) with its digits only,
    kept by triggers (loyaldesk.core.search.create_phone_index): a search for a number in any formatting
    reads this narrow table instead of removing the separators of every phone at every search."""
    from loyaldesk.core import search

    search.create_phone_index(conn)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "clients, sessions, touchpoints, tags, settings", _m001_initial),
    Migration(2, "client tiers, tier history, suggestion decisions", _m002_loyalty),
    Migration(3, "letter templates", _m003_letters),
    Migration(4, "greeting-card history", _m004_greetings),
    Migration(5, "events, invitations, recognition, role history, feedback rounds", _m005_events),
    Migration(6, "joint names (連名) on addresses", _m006_joint_names),
    Migration(7, "per-client session figures for the loyalty tiers", _m007_session_stats),
    Migration(8, "postcard message templates; unedited templates brought to the current text", _m008_postcard_templates),
    Migration(9, "the daily plan", _m009_day_plans),
    Migration(10, "edited or deleted sessions, contacts and clients mark the stored tiers stale",
              _m010_tier_input_edits),
    Migration(11, "sessions in another currency than the practice's", _m011_session_currency),
    Migration(12, "several e-mails, phones and addresses per client; a country per address", _m_client_contacts),
    Migration(13, "invitations recorded as sent apart from invited", _m_invitations_sent),
    Migration(14, "full-text search of notes, sessions, contacts and feedback", _m_search_index),
    Migration(15, "sender profiles per language; event titles per language, end time, reply deadline and how to "
                  "reply; unedited invitation templates brought to the current text", _m_language_profiles),
    Migration(16, "sessions from a calendar: event UID and recurrence id; upcoming calendar sessions", _m_calendar),
    Migration(17, "phone numbers of every client with their digits only, for the search", _m_phone_digits),
)

LATEST_VERSION = MIGRATIONS[-1].number
