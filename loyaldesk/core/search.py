"""Full-text search of every conversation: client notes, session topics and notes, contact notes
and event feedback, plus the clients' phone numbers in any formatting.

The index is SQLite FTS5 with the trigram tokenizer (Japanese has no spaces between words: any
run of three characters or more is found inside a longer text). One external-content FTS table
per source table (``clients_fts``, ``sessions_fts``, ``touchpoints_fts``,
``feedback_participants_fts``), created and first filled with sqlite-utils' ``enable_fts`` (the
migration of a new file writes the same statement without importing it) and kept current by
triggers (``<table>_ai``, ``_ad``, ``_au``: see _create_triggers). Rows without text are not
indexed; imports index the rows they add together at the end (deferred_index). The index holds no copy of the text: snippets are cut from the rows.

A new or small practice gets the index in its schema migration. A large one upgraded from an
older version gets it once, from ``build_index`` in the background (the app, with progress) or
from the first ``loyaldesk search``; until then ``search`` scans the tables with LIKE (the same
results, slower). Queries with a term of one or two characters always use LIKE: a trigram index
cannot look them up.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from loyaldesk.core import dates
from loyaldesk.core.i18n import CATALOG

CATALOG.update({
    "search.building": {"en": "Building the search index (once): {percent} %",
                        "ja": "検索用の索引を作成しています（初回のみ）: {percent} %"},
    "search.without_index": {
        "en": "The search index is not built yet (it is built by the app, or by this command on a writable file): "
              "searching without it, which takes longer.",
        "ja": "検索用の索引がまだありません（アプリ、または書き込みできるファイルではこのコマンドが作成します）。"
              "索引なしで検索するため、時間がかかります。"},
    "search.none": {"en": "Nothing found for “{query}”.", "ja": "「{query}」に一致するものはありません。"},
    "search.count": {"en": "{count} found.", "ja": "{count}件見つかりました。"},
    "search.source.client": {"en": "client note", "ja": "顧客メモ"},
    "search.source.session": {"en": "session", "ja": "セッション"},
    "search.source.touchpoint": {"en": "contact", "ja": "連絡"},
    "search.source.feedback": {"en": "feedback", "ja": "ご意見"},
    "search.header.date": {"en": "Date", "ja": "日付"},
    "search.header.client": {"en": "Client", "ja": "顧客"},
    "search.header.source": {"en": "Found in", "ja": "種類"},
    "search.header.snippet": {"en": "Text", "ja": "内容"},
    "search.empty_query": {"en": "Give a text to search for.", "ja": "検索する文字を指定してください。"},
})

# (table, indexed columns, source name in results)
SOURCES: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("clients", ("notes",), "client"),
    ("sessions", ("topic", "notes"), "session"),
    ("touchpoints", ("note",), "touchpoint"),
    ("feedback_participants", ("note",), "feedback"),
)
SOURCE_NAMES = tuple(s[2] for s in SOURCES)
TOKENIZER = "trigram"
FTS_TABLES = tuple(f"{table}_fts" for table, _, _ in SOURCES)

# A file whose source tables hold at most this many rows gets its index inside the migration
# (about a second at most); a larger one gets it in the background (build_index).
BUILD_IN_MIGRATION_ROWS = 50_000
_BATCH = 20_000  # rows per INSERT while building: progress and cancel between batches

# Snippet markers: the matched text lies between HIT_START and HIT_END (control characters that
# never occur in stored text: imports remove them).
HIT_START = "\x02"
HIT_END = "\x03"
_CONTEXT = 24  # characters of the snippet on either side of the match


@dataclass(frozen=True)
class SearchHit:
    client_id: int
    client_name: str
    source: str  # "client" | "session" | "touchpoint" | "feedback"
    date: dt.date | None
    snippet: str  # the text around the match; the matched part between HIT_START and HIT_END
    entry_id: int | None  # the session's or touchpoint's id, the feedback round's id; None for a client

    @property
    def plain_snippet(self) -> str:
        return plain(self.snippet)

    def as_json(self) -> dict:
        """The pinned shape of `loyaldesk search --json`."""
        return {"client_id": self.client_id, "client_name": self.client_name, "source": self.source,
                "date": self.date.isoformat() if self.date else None, "snippet": self.plain_snippet}


def plain(snippet: str) -> str:
    return snippet.replace(HIT_START, "").replace(HIT_END, "")


def marked(snippet: str, start: str, end: str) -> str:
    return snippet.replace(HIT_START, start).replace(HIT_END, end)


# --- the index ---------------------------------------------------------------------------------
def _fts_table_sql(table: str, columns) -> str:
    """The statement sqlite-utils' enable_fts writes (the same table whichever way it is made)."""
    cols = ", ".join(f'"{c}"' for c in columns)
    return (f'CREATE VIRTUAL TABLE "{table}_fts" USING FTS5 (\n    {cols},\n    tokenize=\'{TOKENIZER}\',\n'
            f'    content="{table}"\n)')


def _fill(conn, table: str, columns, report: Callable[[int], None]) -> None:
    """The first fill of a table's index, in batches of rows (progress and cancel between them)."""
    cols = ", ".join(f'"{c}"' for c in columns)
    top = conn.execute(f'SELECT COALESCE(MAX(rowid), 0) FROM "{table}"').fetchone()[0]
    start = 0
    while start < top:
        conn.execute(f'INSERT INTO "{table}_fts" (rowid, {cols}) SELECT rowid, {cols} FROM "{table}" '
                     f"WHERE rowid > ? AND rowid <= ? AND {_said('', columns)}", (start, start + _BATCH))
        start += _BATCH
        report(min(start, top))


def _enable_fts(conn, table: str, columns, report: Callable[[int], None]) -> None:
    """sqlite-utils' Table.enable_fts inside the caller's transaction: its executescript would COMMIT
    first (Python's sqlite3 does), so the statements run one by one; its first fill goes in batches."""
    import sqlite_utils
    from sqlite_utils.db import Table

    class InTransaction(sqlite_utils.Database):
        def executescript(self, sql: str):
            statement = ""
            for line in sql.splitlines(keepends=True):
                statement += line
                if sqlite3.complete_statement(statement):
                    self.conn.execute(statement)
                    statement = ""
            if statement.strip():
                self.conn.execute(statement)

    class Indexed(Table):
        def populate_fts(self, cols):
            _fill(self.db.conn, self.name, cols, report)
            return self

    Indexed(InTransaction(conn, recursive_triggers=False), table).enable_fts(
        list(columns), tokenize=TOKENIZER, replace=True)


def _said(row: str, columns) -> str:
    """SQL: the row holds text in one of the columns (rows without any are not in the index)."""
    prefix = f"{row}." if row else ""
    return "(" + " OR ".join(f"COALESCE({prefix}\"{c}\", '') <> ''" for c in columns) + ")"


def _create_triggers(conn, table: str, columns, upto: int | None = None) -> None:
    """The triggers that keep a table's index current. Not sqlite-utils' own (create_triggers=True): those
    index every row, also those with no text, and index a row again at every change of any column; an
    import of 100,000 clients, most without notes, took three times as long. These index only rows with
    text, and follow only changes of the indexed columns (and of the id). With `upto` (deferred_index),
    they keep only the rows up to that rowid current: the rows after it are indexed at the end."""
    cols = ", ".join(f'"{c}"' for c in columns)
    new = ", ".join(f'new."{c}"' for c in columns)
    old = ", ".join(f'old."{c}"' for c in columns)
    fts = f'"{table}_fts"'
    watched = cols + (', "id"' if any(r[1] == "id" and r[5] for r in conn.execute(f'PRAGMA table_info("{table}")'))
                      else "")
    said_new, said_old = _said("new", columns), _said("old", columns)
    if upto is not None:
        said_new = f"new.rowid <= {int(upto)} AND {said_new}"
        said_old = f"old.rowid <= {int(upto)} AND {said_old}"
    for statement in (
        f'DROP TRIGGER IF EXISTS "{table}_ai"',
        f'DROP TRIGGER IF EXISTS "{table}_ad"',
        f'DROP TRIGGER IF EXISTS "{table}_au"',
        f'CREATE TRIGGER "{table}_ai" AFTER INSERT ON "{table}" WHEN {said_new} BEGIN '
        f"INSERT INTO {fts} (rowid, {cols}) VALUES (new.rowid, {new}); END",
        f'CREATE TRIGGER "{table}_ad" AFTER DELETE ON "{table}" WHEN {said_old} BEGIN '
        f"INSERT INTO {fts} ({fts}, rowid, {cols}) VALUES ('delete', old.rowid, {old}); END",
        f'CREATE TRIGGER "{table}_au" AFTER UPDATE OF {watched} ON "{table}" BEGIN '
        f"INSERT INTO {fts} ({fts}, rowid, {cols}) SELECT 'delete', old.rowid, {old} WHERE {said_old}; "
        f"INSERT INTO {fts} (rowid, {cols}) SELECT new.rowid, {new} WHERE {said_new}; END",
    ):
        conn.execute(statement)


def _table_exists(conn, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone() is not None


def source_rows(conn) -> int:
    """How many rows the index covers (by their highest rowids: no count of a large table)."""
    total = 0
    for table, _, _ in SOURCES:
        if _table_exists(conn, table):
            total += conn.execute(f'SELECT COALESCE(MAX(rowid), 0) FROM "{table}"').fetchone()[0]
    return int(total)


def index_ready(db_or_conn) -> bool:
    """True when the full-text index exists (and is therefore complete: it is built in one transaction)."""
    conn = getattr(db_or_conn, "conn", db_or_conn)
    names = {r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ({})".format(
            ", ".join("?" * len(FTS_TABLES))), FTS_TABLES)}
    return names == set(FTS_TABLES)


def create_index(conn, progress: Callable[[float], None] | None = None, *, light: bool = False) -> None:
    """Create the FTS tables, fill them from the rows already there and add the triggers that keep
    them current. Runs inside the caller's transaction (all of it or nothing). `progress` receives
    the fraction done between batches; it may raise to stop (the caller rolls back).

    The tables are made by sqlite-utils' enable_fts; with `light` (the schema migration of a new or
    small file) by the same statement without importing sqlite-utils, which loads pandas: commands
    that create a file stay quick to start."""
    total = max(1, source_rows(conn))
    done = 0
    for table, columns, _ in SOURCES:
        if not _table_exists(conn, table):
            continue

        def report(rows: int, base: int = done) -> None:
            if progress is not None:
                progress((base + rows) / total)

        if light:
            conn.execute(_fts_table_sql(table, columns))
            _fill(conn, table, columns, report)
        else:
            _enable_fts(conn, table, columns, report)
        _create_triggers(conn, table, columns)
        done += conn.execute(f'SELECT COALESCE(MAX(rowid), 0) FROM "{table}"').fetchone()[0]
        if progress is not None:
            progress(done / total)


@contextmanager
def deferred_index(conn) -> Iterator[None]:
    """Many rows written in one transaction (an import): the rows added meanwhile are indexed at the end,
    in one statement, instead of one by one. Inside the caller's transaction (a rollback undoes all of it).

    FTS5 writes its pending index data out at every statement that changes it from a trigger, so rows
    written one statement each (executemany) cost about ten times as much to index as the same rows
    indexed together. The rows already there stay current throughout (updates and deletions). The phone
    digits (client_phone_digits) of the clients and contacts added are written together at the end too
    (a trigger per row made an import of 100,000 clients' phones four times as slow to write)."""
    fts = index_ready(conn)
    phones = _table_exists(conn, PHONE_TABLE) and _table_exists(conn, "client_contacts")
    marks = {}
    if fts:
        for table, columns, _ in SOURCES:
            marks[table] = conn.execute(f'SELECT COALESCE(MAX(rowid), 0) FROM "{table}"').fetchone()[0]
            _create_triggers(conn, table, columns, upto=marks[table])
    if phones:
        upto = tuple(conn.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}").fetchone()[0]
                     for table in ("clients", "client_contacts"))
        _phone_triggers(conn, upto)
    try:
        yield
    finally:
        if fts:
            for table, columns, _ in SOURCES:
                cols = ", ".join(f'"{c}"' for c in columns)
                conn.execute(f'INSERT INTO "{table}_fts" (rowid, {cols}) SELECT rowid, {cols} FROM "{table}" '
                             f"WHERE rowid > ? AND {_said('', columns)}", (marks[table],))
                _create_triggers(conn, table, columns)
        if phones:
            _fill_phones(conn, *upto)
            _phone_triggers(conn)


def build_index(db, progress: Callable[[float], None] | None = None) -> bool:
    """Build the index of a practice that has none yet, in one write transaction (another writer
    waits meanwhile; readers do not). Returns False when it was already there."""
    if index_ready(db):
        return False
    with db.transaction() as conn:
        if index_ready(conn):  # built by another process while this one waited for the lock
            return False
        create_index(conn, progress)
    return True


# --- phone numbers -----------------------------------------------------------------------------
_PHONE_QUERY = re.compile(r"^\+?[\d\s\-().]+$")
_PHONE_SEPARATORS = (" ", "-", "(", ")", ".", "+", "/")
# country calling codes of the countries a practice uses (a number written with "+CC" is compared by
# its national digits); the trunk prefix "0" (Japan, UK, ...) or "1" (North America) is dropped too
_COUNTRY_CODES = ("81", "1", "44", "33", "49", "61", "64", "65", "82", "86", "852", "886")


def phone_digits(query: str) -> str | None:
    """The digits to look for when the query is a phone number (03-1234-5678, 0312345678,
    +81 3 1234 5678 all give 312345678), else None. At least four digits."""
    text = unicodedata.normalize("NFKC", query).strip()
    for dash in "‐‑‒–—―−ー":
        text = text.replace(dash, "-")
    if not _PHONE_QUERY.match(text):
        return None
    digits = re.sub(r"\D", "", text)
    if len(digits) < 4:
        return None
    if text.startswith("+"):
        for code in sorted(_COUNTRY_CODES, key=len, reverse=True):
            if digits.startswith(code) and len(digits) - len(code) >= 6:
                digits = digits[len(code):]
                break
    return digits.lstrip("0") or digits


def _phone_sql(column: str) -> str:
    """The column with separators removed, in SQL (digits only, full-width forms aside)."""
    expr = column
    for sep in _PHONE_SEPARATORS + ("‐", "−", "ー", "\u3000"):
        expr = f"replace({expr}, '{sep}', '')"
    return expr


PHONE_TABLE = "client_phone_digits"
# what a phone number is written with besides its digits (half- and full-width), removed in SQL
_PHONE_MARKS = _PHONE_SEPARATORS + ("‐", "‑", "‒", "–", "—", "―", "−", "ー", "\u3000", "－", "（", "）", "．", "＋",
                                    "／", "　")


# (written, replacement) pairs: marks removed, full-width digits made ASCII; applied in steps of at most
# _STEP nested replace() calls (SQLite's parser refuses about thirty in one expression)
_DIGIT_PAIRS = tuple((mark, "") for mark in dict.fromkeys(_PHONE_MARKS)) + tuple(
    (chr(0xFF10 + digit), str(digit)) for digit in range(10))
_STEP = 12


def _digits_steps(column: str) -> list[str]:
    """SQL: the phone number's digits as ASCII (separators removed, full-width digits made half-width), as
    expressions to apply one after the other (the first to `column`, each next one to the `digits` column).
    Written by triggers without any function of the app's: other tools writing the file keep it right."""
    steps = []
    for start in range(0, len(_DIGIT_PAIRS), _STEP):
        expr = column if not steps else "digits"
        for written, replacement in _DIGIT_PAIRS[start:start + _STEP]:
            expr = f"replace({expr}, '{written}', '{replacement}')"
        steps.append(expr)
    return steps


def create_phone_index(conn) -> None:
    """The phone numbers of every client (the main one, key -client id, and each other one, key
    client_contacts.id) with their digits only, kept by triggers on clients and client_contacts: a
    search for a number reads this narrow table instead of removing the separators of every client's
    phone at every search. Inside the caller's transaction; fills it from the rows already there."""
    t = PHONE_TABLE
    conn.execute(f"""CREATE TABLE IF NOT EXISTS {t} (
            key       INTEGER PRIMARY KEY,  -- minus clients.id for the main phone, else client_contacts.id
            client_id INTEGER NOT NULL,
            phone     TEXT NOT NULL,        -- as written
            digits    TEXT NOT NULL         -- the digits only (0312345678)
        )""")
    conn.execute(f"CREATE INDEX IF NOT EXISTS idx_{t}_client ON {t}(client_id)")
    conn.execute(f"DELETE FROM {t}")
    _fill_phones(conn, 0, 0)
    _phone_triggers(conn)


def _fill_phones(conn, clients_after: int, contacts_after: int) -> None:
    """The phones of the clients after that id and of the contacts after that id, in three statements."""
    t = PHONE_TABLE
    main, other = _digits_steps("phone"), _digits_steps("value")
    conn.execute(f"INSERT INTO {t} (key, client_id, phone, digits) SELECT -id, id, phone, {main[0]} "
                 f"FROM clients WHERE id > ? AND COALESCE(phone, '') <> ''", (clients_after,))
    conn.execute(f"INSERT INTO {t} (key, client_id, phone, digits) SELECT id, client_id, value, {other[0]} "
                 f"FROM client_contacts WHERE id > ? AND kind = 'phone'", (contacts_after,))
    for step in main[1:]:
        conn.execute(f"UPDATE {t} SET digits = {step} WHERE (key < ? OR key > ?) AND digits GLOB '*[^0-9]*'",
                     (-clients_after, contacts_after))


def _phone_triggers(conn, upto: tuple[int, int] | None = None) -> None:
    """The triggers that keep client_phone_digits current. With `upto` (clients' and contacts' highest id,
    deferred_index), only the rows up to those ids: the rows after them are added at the end."""
    t = PHONE_TABLE
    new_phone, new_value = _digits_steps("new.phone")[0], _digits_steps("new.value")[0]
    then = "".join(f"UPDATE {t} SET digits = {step} WHERE key = KEY AND digits GLOB '*[^0-9]*'; "
                   for step in _digits_steps("digits")[1:])
    client_new = client_old = contact_new = contact_old = "1"
    if upto is not None:
        client_new, client_old = f"new.id <= {int(upto[0])}", f"old.id <= {int(upto[0])}"
        contact_new, contact_old = f"new.id <= {int(upto[1])}", f"old.id <= {int(upto[1])}"
    statements = [f"DROP TRIGGER IF EXISTS {name}" for name in (
        "clients_phone_ai", "clients_phone_au", "clients_phone_ad",
        "client_contacts_phone_ai", "client_contacts_phone_au", "client_contacts_phone_ad")]
    statements += [
        f"""CREATE TRIGGER clients_phone_ai AFTER INSERT ON clients
            WHEN {client_new} AND COALESCE(new.phone, '') <> '' BEGIN
            INSERT INTO {t} (key, client_id, phone, digits) VALUES (-new.id, new.id, new.phone, {new_phone});
            {then.replace("KEY", "-new.id")}
            END""",
        f"""CREATE TRIGGER clients_phone_au AFTER UPDATE OF phone, id ON clients WHEN {client_old} BEGIN
            DELETE FROM {t} WHERE key = -old.id;
            UPDATE {t} SET client_id = new.id WHERE client_id = old.id AND new.id <> old.id;
            INSERT INTO {t} (key, client_id, phone, digits) SELECT -new.id, new.id, new.phone, {new_phone}
                WHERE {client_new} AND COALESCE(new.phone, '') <> '';
            {then.replace("KEY", "-new.id")}
            END""",
        f"""CREATE TRIGGER clients_phone_ad AFTER DELETE ON clients WHEN {client_old} BEGIN
            DELETE FROM {t} WHERE client_id = old.id;
            END""",
        f"""CREATE TRIGGER client_contacts_phone_ai AFTER INSERT ON client_contacts
            WHEN {contact_new} AND new.kind = 'phone' BEGIN
            INSERT INTO {t} (key, client_id, phone, digits) VALUES (new.id, new.client_id, new.value, {new_value});
            {then.replace("KEY", "new.id")}
            END""",
        f"""CREATE TRIGGER client_contacts_phone_au AFTER UPDATE OF kind, value, client_id, id ON client_contacts
            WHEN {contact_old} BEGIN
            DELETE FROM {t} WHERE key = old.id;
            INSERT INTO {t} (key, client_id, phone, digits) SELECT new.id, new.client_id, new.value, {new_value}
                WHERE {contact_new} AND new.kind = 'phone';
            {then.replace("KEY", "new.id")}
            END""",
        f"""CREATE TRIGGER client_contacts_phone_ad AFTER DELETE ON client_contacts WHEN {contact_old} BEGIN
            DELETE FROM {t} WHERE key = old.id;
            END""",
    ]
    for statement in statements:
        conn.execute(statement)


def phone_matches(stored: str, digits: str) -> bool:
    """Does a phone number as stored contain the digits (see phone_digits)? For lists held in memory."""
    return bool(stored) and digits in re.sub(r"\D", "", unicodedata.normalize("NFKC", stored))


# --- searching ---------------------------------------------------------------------------------
def terms_of(query: str) -> list[str]:
    """The terms of a query: words separated by spaces (full-width ones too); a term in double quotes
    may hold spaces."""
    text = unicodedata.normalize("NFKC", query).strip()
    found = re.findall(r'"([^"]+)"|(\S+)', text)
    return [quoted or word for quoted, word in found if (quoted or word).strip()]


def _fts_query(terms: list[str]) -> str:
    # every term as a phrase (no FTS5 syntax from the user's text), all of them required
    return " ".join('"' + term.replace('"', '""') + '"' for term in terms)


def _escape_like(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _like_snippet(text: str, terms: list[str]) -> str:
    """The text around the first term found, the term marked."""
    flat = re.sub(r"\s", " ", text)  # one character for one: the positions stay
    folded = flat.lower()
    best = None
    for term in terms:
        at = folded.find(term.lower())
        if at >= 0 and (best is None or at < best[0]):
            best = (at, len(term))
    if best is None:
        return flat[: 2 * _CONTEXT].strip()
    start, end = best[0], best[0] + best[1]
    lo, hi = max(0, start - _CONTEXT), min(len(flat), end + _CONTEXT)
    before, after = flat[lo:start].lstrip(), flat[end:hi].rstrip()
    return (("…" if lo else "") + before + HIT_START + flat[start:end] + HIT_END + after
            + ("…" if hi < len(flat) and after else ""))


# For each source: the date of an entry, its table, the joins to its client, its rowid and its id.
_DATES = {
    "client": "substr(COALESCE(c.updated_at, c.created_at), 1, 10)",
    "session": "s.date",
    "touchpoint": "s.date",
    "feedback": "r.date",
}
_MAIN = {"client": "clients c", "session": "sessions s", "touchpoint": "touchpoints s",
         "feedback": "feedback_participants s"}
_JOINS = {
    "client": "",
    "session": "JOIN clients c ON c.id = s.client_id",
    "touchpoint": "JOIN clients c ON c.id = s.client_id",
    "feedback": "JOIN clients c ON c.id = s.client_id JOIN feedback_rounds r ON r.id = s.round_id",
}
_ROWID = {"client": "c.rowid", "session": "s.rowid", "touchpoint": "s.rowid", "feedback": "s.rowid"}
_ENTRY = {"client": "NULL", "session": "s.id", "touchpoint": "s.id", "feedback": "s.round_id"}


def _text_sql(columns: tuple[str, ...], source: str) -> str:
    alias = "c" if source == "client" else "s"
    return " || char(10) || ".join(f"COALESCE({alias}.{c}, '')" for c in columns)


# How the newest `limit` matches of a sessions or contacts query are found. A probe reads the first
# _MANY_MATCHES + 1 matches (in rowid order, which is about the order rows were written): fewer, and they
# are sorted by date; more, and the table's date index is walked from the newest row (stops after
# `limit`), testing each row's text directly when the matches are dense enough that `limit` of them lie
# within _WALK_ROWS rows (estimated from the probe), else keeping the rows in the match set.
_MANY_MATCHES = 2000
_WALK_ROWS = 20000
_DATE_INDEX = {"session": "idx_sessions_date", "touchpoint": "idx_touchpoints_date"}


def _fts_rows(db, table: str, columns: tuple[str, ...], source: str, q: str, terms: list[str],
              limit: int | None) -> list[tuple]:
    """(entry id, client id, client name, date, rowid) of the matches through the index, newest first."""
    fts = f"{table}_fts"
    lim = "" if limit is None else f"LIMIT {int(limit)}"
    select = f"SELECT {_ENTRY[source]}, c.id, c.name, {_DATES[source]} AS day, {_ROWID[source]} "
    probe = None
    if limit is not None and source in _DATE_INDEX:
        probe = db.query_one(f"SELECT COUNT(*), MAX(rowid) FROM (SELECT rowid FROM {fts} WHERE {fts} MATCH :q "
                             f"LIMIT {_MANY_MATCHES + 1})", {"q": q})
    if probe is not None and probe[0] > _MANY_MATCHES:
        walk = f"FROM {_MAIN[source]} INDEXED BY {_DATE_INDEX[source]} {_JOINS[source]} WHERE"
        newest = f"ORDER BY s.date DESC, s.rowid DESC {lim}"
        rows_per_match = probe[1] / probe[0]
        if limit * rows_per_match <= _WALK_ROWS:
            text = _text_sql(columns, source)
            conditions = " AND ".join(f"({text}) LIKE ? ESCAPE '\\'" for _ in terms)
            return db.query(f"{select} {walk} {conditions} {newest}", [_escape_like(t) for t in terms], plain=True)
        return db.query(f"{select} {walk} s.rowid IN (SELECT rowid FROM {fts} WHERE {fts} MATCH :q) {newest}",
                        {"q": q}, plain=True)
    return db.query(f"{select} FROM {fts} f JOIN {_MAIN[source]} ON {_ROWID[source]} = f.rowid {_JOINS[source]} "
                    f"WHERE {fts} MATCH :q ORDER BY day DESC, {_ROWID[source]} DESC {lim}", {"q": q}, plain=True)


def _like_rows(db, columns: tuple[str, ...], source: str, terms: list[str], limit: int | None) -> list[tuple]:
    """The same as _fts_rows, by scanning the texts (a term of one or two characters, or no index yet)."""
    text = _text_sql(columns, source)
    conditions = " AND ".join(f"({text}) LIKE ? ESCAPE '\\'" for _ in terms)
    lim = "" if limit is None else f"LIMIT {int(limit)}"
    return db.query(
        f"SELECT {_ENTRY[source]}, c.id, c.name, {_DATES[source]} AS day, {_ROWID[source]} "
        f"FROM {_MAIN[source]} {_JOINS[source]} WHERE {conditions} ORDER BY day DESC, {_ROWID[source]} DESC {lim}",
        [_escape_like(t) for t in terms], plain=True)


def _snippets(db, source: str, columns: tuple[str, ...], rowids: list[int], terms: list[str]) -> dict[int, str]:
    """The snippets of the rows shown, cut from their text around the first term (the trigram index
    matches the same substrings whatever the case; faster than FTS5's snippet() on every match)."""
    found: dict[int, str] = {}
    for start in range(0, len(rowids), 500):
        chunk = ", ".join(str(int(r)) for r in rowids[start:start + 500])
        for rid, body in db.query(f"SELECT {_ROWID[source]}, {_text_sql(columns, source)} FROM {_MAIN[source]} "
                                  f"WHERE {_ROWID[source]} IN ({chunk})", plain=True):
            found[rid] = _like_snippet(body or "", terms)
    return found


def _phone_rows(db, digits: str, limit: int | None, *, digits_table: bool = True) -> list[tuple]:
    """Clients with a phone (the main one or another) holding the digits: a scan of the phones' digits
    (client_phone_digits, kept by triggers), then the clients of the numbers found. Without the table
    (a file opened read-only before its upgrade; `digits_table=False`: the benchmark's baseline), the
    separators are removed from every phone at every search."""
    lim = "" if limit is None else f"LIMIT {int(limit)}"
    if digits_table and _table_exists(db.conn, PHONE_TABLE):
        rows = db.query(
            f"""SELECT c.id, c.name, substr(COALESCE(c.updated_at, c.created_at), 1, 10) AS day, p.phone
                FROM {PHONE_TABLE} p JOIN clients c ON c.id = p.client_id
                WHERE instr(p.digits, :d) > 0 ORDER BY day DESC, p.key {lim}""",
            {"d": digits}, plain=True)
    else:  # a file opened read-only before its upgrade: the separators removed at every search, where the
        # last two digits occur as written (never split by a separator in any country's way of writing numbers)
        like, tail = _escape_like(digits), digits[-2:]
        contacts = _table_exists(db.conn, "client_contacts")
        rows = db.query(
            f"""SELECT c.id, c.name, substr(COALESCE(c.updated_at, c.created_at), 1, 10) AS day, c.phone AS phone
                FROM clients c WHERE instr(c.phone, :t) > 0 AND {_phone_sql("c.phone")} LIKE :d ESCAPE '\\'
                """ + (f"""UNION ALL
                SELECT c.id, c.name, substr(COALESCE(c.updated_at, c.created_at), 1, 10), cc.value
                FROM client_contacts cc JOIN clients c ON c.id = cc.client_id
                WHERE cc.kind = 'phone' AND instr(cc.value, :t) > 0 AND {_phone_sql("cc.value")} LIKE :d ESCAPE '\\'
                """ if contacts else "") + f"ORDER BY day DESC {lim}",
            {"d": like, "t": tail}, plain=True)
    seen: set[int] = set()
    result = []
    for cid, name, day, phone in rows:
        if cid in seen or not phone_matches(phone, digits):
            continue
        seen.add(cid)
        result.append((None, cid, name, day, None, HIT_START + phone + HIT_END))
    return result


def search(db, query: str, *, limit: int | None = None, sources: tuple[str, ...] = SOURCE_NAMES) -> list[SearchHit]:
    """Every match of the query, newest first (at most `limit`): each term of the query must occur in
    the same note, topic and notes of a session, contact note or feedback. A query that is a phone
    number also finds the clients with that number in any formatting."""
    terms = terms_of(query)
    if not terms:
        return []
    digits = phone_digits(query)
    if digits:  # a phone number is one phrase as typed (in a note), not "+81", "3", "1234" ...
        terms = [" ".join(terms)]
    use_index = all(len(term) >= 3 for term in terms) and index_ready(db)
    q = _fts_query(terms)
    found: list[tuple] = []  # (source, entry id, client id, name, date, rowid, snippet or None)
    for table, columns, source in SOURCES:
        if source not in sources:
            continue
        rows = (_fts_rows(db, table, columns, source, q, terms, limit) if use_index
                else _like_rows(db, columns, source, terms, limit))
        found.extend((source, *row, None) for row in rows)
    if digits and "client" in sources:
        have = {row[2] for row in found if row[0] == "client"}
        found.extend(("client", *row) for row in _phone_rows(db, digits, limit) if row[1] not in have)
    found.sort(key=lambda row: row[4] or "", reverse=True)  # newest first; stable: each source's order kept
    if limit is not None:
        del found[limit:]
    snippets = {source: _snippets(db, source, columns, [row[5] for row in found if row[0] == source and row[6] is None],
                                  terms) for _, columns, source in SOURCES}
    day = dates.cached_parser()
    return [SearchHit(cid, name or "", source, day(d[:10] if d else None),
                      snippet if snippet is not None else snippets[source].get(rid, ""), entry)
            for source, entry, cid, name, d, rid, snippet in found]


def matching_clients(db, query: str) -> set[int]:
    """The ids of every client with a match (all of them, however many: search() gives the newest
    matches with their snippets)."""
    terms = terms_of(query)
    if not terms:
        return set()
    digits = phone_digits(query)
    if digits:
        terms = [" ".join(terms)]
    use_index = all(len(term) >= 3 for term in terms) and index_ready(db)
    q = _fts_query(terms)
    ids: set[int] = set()
    for table, columns, source in SOURCES:
        client = "c.id" if source == "client" else "s.client_id"
        if use_index:
            rows = db.query(f"SELECT DISTINCT {client} FROM {_MAIN[source]} WHERE {_ROWID[source]} IN "
                            f"(SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH :q)", {"q": q}, plain=True)
        else:
            text = _text_sql(columns, source)
            conditions = " AND ".join(f"({text}) LIKE ? ESCAPE '\\'" for _ in terms)
            rows = db.query(f"SELECT DISTINCT {client} FROM {_MAIN[source]} WHERE {conditions}",
                            [_escape_like(t) for t in terms], plain=True)
        ids.update(r[0] for r in rows)
    if digits:
        ids.update(row[1] for row in _phone_rows(db, digits, None))
    return ids


def best_hit_per_client(hits: list[SearchHit]) -> dict[int, SearchHit]:
    """The newest hit of each client (the Clients screen shows one snippet under each name)."""
    best: dict[int, SearchHit] = {}
    for hit in hits:  # newest first
        best.setdefault(hit.client_id, hit)
    return best
