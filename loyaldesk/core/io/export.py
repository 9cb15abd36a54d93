"""Taking data out: CSV and Excel for people, a .zip archive that imports again with nothing lost.

- `export_csv`: one table (clients, sessions or touchpoints) as UTF-8 CSV with a BOM, so that
  Excel opens Japanese text correctly. Headers are the database column names; clients get
  `tags` and `roles` columns, sessions and touchpoints a `client_name` column (for people).
- `export_xlsx`: the same tables as Excel sheets (header bold and frozen, dates as real
  Excel dates, fees as numbers in the currency's units: 1234.56 dollars, 30000 yen).
- `export_zip` / `import_zip`: the whole practice. The archive holds, for every table of the
  database that holds user data (found in sqlite_master, so tables added by later migrations
  are included), `<table>.jsonl` (one JSON object per row: exact values and types, NULL kept
  apart from the empty string) and `<table>.csv` (the same rows for people), plus
  `manifest.json` (format, versions, row counts and the SHA-256 of every .jsonl). The
  importer reads only the .jsonl files.

Every file is written to a temporary file in the process's own folder (loyaldesk.core.scratch) and
moved into place when it is complete: the target path never holds a half-written file, and a killed
export leaves nothing next to it. An import happens in one
transaction: any problem leaves the database exactly as it was.
"""

from __future__ import annotations

import base64
import csv
import datetime as dt
import errno
import hashlib
import io
import json
import logging
import os
import sqlite3
import unicodedata
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from loyaldesk.core import dbapi, errors
from loyaldesk.core.db import Database, translate_sqlite_error
from loyaldesk.core.i18n import CATALOG, t
from loyaldesk.core.io import csv_cells
from loyaldesk.core.migrations import LATEST_VERSION, TRIGGER_TABLES

log = logging.getLogger(__name__)
CATALOG.update({
    "export.unknown_what": {
        "en": "Cannot export {what}: choose clients, sessions or touchpoints{all}.",
        "ja": "{what} は書き出せません。clients / sessions / touchpoints{all} から選んでください。",
    },
    "export.write_failed": {
        "en": "Could not write {path}: {detail}",
        "ja": "{path} を書き込めませんでした: {detail}",
    },
    "export.disk_full": {
        "en": "The disk is full; {path} was not written. Free some space and try again.",
        "ja": "ディスクの空き容量がないため、{path} を書き込めませんでした。空き容量を確保してから、もう一度お試しください。",
    },
    "export.file_not_found": {"en": "File not found: {path}", "ja": "ファイルが見つかりません: {path}"},
    "export.target_not_empty": {
        "en": "{path} already holds {count} clients. A LoyalDesk archive can only be imported into an empty "
        "database: create a new one (loyaldesk init --db NEW.db) and import the archive there. Nothing was changed.",
        "ja": "{path} にはすでに顧客 {count}名の記録があります。LoyalDesk のアーカイブは空のデータベースにのみ取り込めます。"
        "新しいデータベースを作成して（loyaldesk init --db 新しいファイル.db）、そこに取り込んでください。何も変更していません。",
    },
    "export.archive_invalid": {
        "en": "{name} is not a readable LoyalDesk archive ({detail}). Nothing was imported.",
        "ja": "{name} は読み取れる LoyalDesk のアーカイブではありません（{detail}）。何も取り込んでいません。",
    },
    "export.archive_not_loyaldesk": {
        "en": "{name} is a .zip file but not a LoyalDesk archive (no valid manifest.json). Nothing was imported.",
        "ja": "{name} は .zip ファイルですが、LoyalDesk のアーカイブではありません（manifest.json がないか不正です）。何も取り込んでいません。",
    },
    "export.archive_newer_format": {
        "en": "{name} was made by a newer version of LoyalDesk (archive format {found}, this version reads up to "
        "{known}). Please update LoyalDesk. Nothing was imported.",
        "ja": "{name} は新しいバージョンの LoyalDesk で作成されています（アーカイブ形式 {found}、このバージョンは {known} まで）。"
        "LoyalDesk を更新してください。何も取り込んでいません。",
    },
    "export.archive_newer_schema": {
        "en": "{name} was made by a newer version of LoyalDesk (schema {found}, this version knows up to {known}). "
        "Please update LoyalDesk. Nothing was imported.",
        "ja": "{name} は新しいバージョンの LoyalDesk で作成されています（スキーマ {found}、このバージョンは {known} まで）。"
        "LoyalDesk を更新してください。何も取り込んでいません。",
    },
    "export.archive_checksum": {
        "en": "{name} is damaged or was changed after it was made: {file} does not match its checksum. "
        "Nothing was imported.",
        "ja": "{name} は壊れているか、作成後に変更されています（{file} のチェックサムが一致しません）。何も取り込んでいません。",
    },
    "export.archive_unknown_table": {
        "en": "{name} holds a table this version of LoyalDesk does not know: {table}. Nothing was imported.",
        "ja": "{name} には、このバージョンの LoyalDesk が知らない表があります: {table}。何も取り込んでいません。",
    },
    "export.archive_unknown_column": {
        "en": "{name}: the table {table} has columns this version of LoyalDesk does not know: {columns}. "
        "Nothing was imported.",
        "ja": "{name}: 表 {table} に、このバージョンの LoyalDesk が知らない列があります: {columns}。何も取り込んでいません。",
    },
    "export.archive_bad_row": {
        "en": "{name}: {file} line {line} cannot be read ({detail}). Nothing was imported.",
        "ja": "{name}: {file} の {line}行目を読み取れません（{detail}）。何も取り込んでいません。",
    },
    "export.archive_rejected": {
        "en": "{name}: the rows of {table} could not be saved ({detail}). Nothing was imported.",
        "ja": "{name}: 表 {table} の行を保存できませんでした（{detail}）。何も取り込んでいません。",
    },
    "export.archive_bad_template": {
        "en": "{name}: the letter template {template} cannot be used: {detail} Nothing was imported.",
        "ja": "{name}: 手紙のテンプレート {template} は使用できません: {detail} 何も取り込んでいません。",
    },
    "export.archive_broken_links": {
        "en": "{name}: {count} rows of {table} refer to records that are not in the archive. Nothing was imported.",
        "ja": "{name}: 表 {table} の {count}行が、アーカイブにないレコードを参照しています。何も取り込んでいません。",
    },
})

EXPORTABLE = ("clients", "sessions", "touchpoints")
XLSX_ALL = ("clients", "sessions", "touchpoints", "tags")

ARCHIVE_FORMAT = "loyaldesk-archive"
ARCHIVE_FORMAT_VERSION = 1
MANIFEST = "manifest.json"

# Tables in this order first (for people reading the archive and for inserting parents first);
# any other table follows, parents before children.
_PREFERRED_ORDER = ("clients", "sessions", "touchpoints", "tags", "client_tags", "settings")

_XLSX_MAX_ROWS = 1_048_576  # Excel's limit, header included; longer tables continue on "<name>_2"
_XLSX_MAX_TEXT = 32_767  # Excel's limit for the text of one cell
CATALOG.update({
    "export.xlsx_cut": {
        "en": "{sheet} row {row} ({who}), column {column}: {length:,} characters, more than an Excel cell holds "
              "({limit:,}): the Excel file has the first {limit:,}; the whole text is in the CSV and .zip exports.",
        "ja": "{sheet} の {row}行目（{who}）、列 {column}: {length:,}文字あり、Excel のセルに入る {limit:,}文字を超えて"
              "います。Excel ファイルには最初の {limit:,}文字だけが入っています。全文は CSV と .zip の書き出しにあります。",
    },
    "export.xlsx_cut_more": {
        "en": "… and {count:,} more cells cut the same way.",
        "ja": "…ほかに {count:,}個のセルが同じように途中までになっています。",
    },
})
_XLSX_WIDTH_SAMPLE = 1000  # rows looked at to size the columns
_DATE_FORMAT = "yyyy-mm-dd"
_DATETIME_FORMAT = "yyyy-mm-dd hh:mm:ss"
_MONEY_FORMAT = "#,##0"
_MONEY_COLUMNS = frozenset({"fee", "amount", "price", "revenue"})
_DATE_COLUMNS = frozenset({"date", "birthday", "since"})

_CHUNK = 2000  # rows per executemany and per progress report
_BLOB_KEY = "$base64"

Progress = Callable[[float], None] | None


# --- helpers ---------------------------------------------------------------------------------
def _q(name: str) -> str:
    """An SQL identifier, quoted."""
    return '"' + name.replace('"', '""') + '"'


def _report(progress: Progress, fraction: float) -> None:
    if progress is not None:
        progress(min(1.0, max(0.0, fraction)))


def _write_error(exc: OSError, path: Path) -> errors.LoyalDeskError:
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return errors.LoyalDeskError("export.disk_full", path=path)
    return errors.LoyalDeskError("export.write_failed", path=path, detail=exc.strerror or str(exc))


@contextmanager
def _atomic_target(path: Path) -> Iterator[Path]:
    """A temporary file, moved onto `path` only when the block succeeds.

    The file is written in the process's own temporary folder (loyaldesk.core.scratch), never next to
    the target: a killed export leaves nothing there, and the next start removes what it left.
    """
    from loyaldesk.core import scratch

    path = Path(path).expanduser()
    if not path.parent.is_dir():
        raise errors.DatabaseError("db.dir_not_found", path=path.parent)
    try:
        tmp = scratch.partial_file(path)
    except OSError as exc:
        raise _write_error(exc, path) from exc
    try:
        yield tmp
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        scratch.move_into_place(tmp, path)
    except BaseException as exc:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:  # pragma: no cover - nothing more we can do
            pass
        if isinstance(exc, OSError):
            raise _write_error(exc, path) from exc
        raise


@contextmanager
def _snapshot(db: Database) -> Iterator[None]:
    """Read every table from one consistent state of the file (a read transaction)."""
    if db.conn.in_transaction:
        yield
        return
    try:
        db.conn.execute("BEGIN")
    except dbapi.Error as exc:
        raise translate_sqlite_error(exc, db.path) from exc
    try:
        yield
    finally:
        try:
            db.conn.execute("ROLLBACK")  # nothing was written: ending the read is all it does
        except dbapi.Error:  # pragma: no cover
            pass


def _cursor(db: Database, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
    """A streaming cursor of plain tuples (large tables are never loaded whole)."""
    try:
        cursor = db.conn.cursor()
        cursor.row_factory = None
        return cursor.execute(sql, params)
    except dbapi.Error as exc:
        raise translate_sqlite_error(exc, db.path) from exc


def _fetch(cursor: sqlite3.Cursor, db: Database) -> Iterator[tuple]:
    try:
        while True:
            rows = cursor.fetchmany(_CHUNK)
            if not rows:
                return
            yield from rows
    except dbapi.Error as exc:
        raise translate_sqlite_error(exc, db.path) from exc


# --- the schema, as found in the file ---------------------------------------------------------
def _shadow_tables(db: Database) -> set[str]:
    """Tables that belong to a virtual table (full-text indexes...): rebuilt by SQLite, never copied."""
    shadow = {r[1] for r in db.query("PRAGMA table_list", plain=True) if r[0] == "main" and r[2] == "shadow"}
    # SQLite before 3.37 has no table_list (an unknown pragma returns nothing): recognise them by name.
    virtual = [r[0] for r in db.query(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND upper(sql) LIKE 'CREATE VIRTUAL TABLE%'", plain=True)]
    if virtual:
        names = [r[0] for r in db.query("SELECT name FROM sqlite_master WHERE type = 'table'", plain=True)]
        shadow |= {n for n in names for v in virtual if n.startswith(v + "_")}
    return shadow


def _parents(db: Database, table: str) -> set[str]:
    return {r[2] for r in db.query(f"PRAGMA foreign_key_list({_q(table)})", plain=True)} - {table}


def user_tables(db: Database) -> list[str]:
    """Every table holding user data (not SQLite's own, not virtual, not kept by triggers), parents first."""
    rows = db.query(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
        plain=True,
    )
    shadow = _shadow_tables(db)
    names = [name for name, sql in rows
             if name not in shadow and name not in TRIGGER_TABLES
             and not (sql or "").upper().startswith("CREATE VIRTUAL TABLE")]
    rank = {name: i for i, name in enumerate(_PREFERRED_ORDER)}
    pending = sorted(names, key=lambda n: (rank.get(n, len(rank)), n))
    parents = {n: _parents(db, n) & set(names) for n in names}
    ordered: list[str] = []
    while pending:
        ready = next((n for n in pending if parents[n] <= set(ordered)), pending[0])  # a cycle: keep the order
        ordered.append(ready)
        pending.remove(ready)
    return ordered


def table_columns(db: Database, table: str) -> list[str]:
    """The stored columns of a table, in order (generated and hidden columns left out)."""
    return [r[1] for r in db.query(f"PRAGMA table_xinfo({_q(table)})", plain=True) if r[6] == 0]


def _order_by(db: Database, table: str) -> str:
    try:
        db.conn.execute(f"SELECT _rowid_ FROM {_q(table)} LIMIT 0")
        return "_rowid_"
    except dbapi.OperationalError:  # WITHOUT ROWID: the primary key
        pk = sorted((r[5], r[1]) for r in db.query(f"PRAGMA table_info({_q(table)})", plain=True) if r[5])
        return ", ".join(_q(name) for _, name in pk) or "1"


# --- the tables for people (CSV, Excel) ---------------------------------------------------------
def _check_what(what: str, allowed: Sequence[str], with_all: bool) -> None:
    if what not in allowed:
        raise errors.LoyalDeskError("export.unknown_what", what=what, all=" / all" if with_all else "")


def _client_tags(db: Database) -> dict[int, tuple[str, str]]:
    """client id -> (all tag names, role names), each joined with ", "; roles first, then by name."""
    pairs: dict[int, list[tuple[str, str]]] = {}
    for client_id, category, name in db.query(
        "SELECT ct.client_id, t.category, t.name FROM client_tags ct JOIN tags t ON t.id = ct.tag_id", plain=True
    ):
        pairs.setdefault(client_id, []).append((category or "", name or ""))
    result = {}
    for client_id, items in pairs.items():
        items.sort()
        result[client_id] = (", ".join(n for _, n in items), ", ".join(n for c, n in items if c == "role"))
    return result


def _people_table(db: Database, what: str) -> tuple[list[str], int, Iterator[tuple]]:
    """(headers, number of rows, rows) of one table as CSV and Excel show it."""
    cols = table_columns(db, what)
    total = int(db.scalar(f"SELECT COUNT(*) FROM {_q(what)}") or 0)
    select = [f"x.{_q(c)}" for c in cols]
    headers = list(cols)
    join = ""
    if what in ("sessions", "touchpoints") and "client_id" in cols:
        at = cols.index("client_id") + 1
        select.insert(at, "c.name")
        headers.insert(at, "client_name")
        join = " LEFT JOIN clients c ON c.id = x.client_id"
    cursor = _cursor(db, f"SELECT {', '.join(select)} FROM {_q(what)} x{join} ORDER BY x._rowid_")
    rows = _fetch(cursor, db)
    if what == "sessions":  # amounts as people and the importer read them: 1234.56 dollars, 30000 yen
        rows = _sessions_in_major_units(db, headers, rows)
    if what == "clients":
        headers += ["tags", "roles"] + list(MORE_VALUE_COLUMNS)
        tags = _client_tags(db)
        more = _more_values(db)
        id_at = cols.index("id")
        none = ("", "")
        no_more = ("",) * len(MORE_VALUE_COLUMNS)
        rows = (row + tags.get(row[id_at], none) + more.get(row[id_at], no_more) for row in rows)
    return headers, total, rows


def _sessions_in_major_units(db: Database, headers: list[str], rows: Iterator[tuple]) -> Iterator[tuple]:
    """The fee in the practice's currency and a foreign fee in its own currency, in major units (Decimal):
    the column holds minor units (cents), which a re-import would read as dollars."""
    from loyaldesk.core import money, practice

    currency = practice.currency(db)
    fee_at = headers.index("fee") if "fee" in headers else None
    foreign_at = headers.index("foreign_fee") if "foreign_fee" in headers else None
    code_at = headers.index("foreign_currency") if "foreign_currency" in headers else None
    for row in rows:
        row = list(row)
        if fee_at is not None and isinstance(row[fee_at], int):
            row[fee_at] = money.to_major(row[fee_at], currency)
        if foreign_at is not None and code_at is not None and isinstance(row[foreign_at], int) and row[code_at]:
            try:
                row[foreign_at] = money.to_major(row[foreign_at], row[code_at])
            except (ValueError, LookupError):
                pass
        yield tuple(row)


# A client's other e-mails, phones and addresses in the clients table of CSV and Excel exports: the
# values of a kind in one cell joined by " ::: " (as Google Contacts writes several values), their
# labels in the cell beside. The import reads these columns back.
MORE_VALUE_COLUMNS = ("more_emails", "more_email_labels", "more_phones", "more_phone_labels", "more_address_labels",
                      "more_postal_codes", "more_addresses1", "more_addresses2", "more_countries")
MULTI_SEPARATOR = " ::: "


def _more_values(db: Database) -> dict[int, tuple[str, ...]]:
    contacts: dict[int, dict[str, list[tuple[str, str]]]] = {}
    for cid, kind, label, value in db.query(
            "SELECT client_id, kind, label, value FROM client_contacts ORDER BY client_id, kind, position, id",
            plain=True):
        contacts.setdefault(cid, {"email": [], "phone": []})[kind].append((label or "", value))
    addresses: dict[int, list[tuple[str, ...]]] = {}
    for cid, *values in db.query(
            "SELECT client_id, label, postal_code, address1, address2, country FROM client_addresses "
            "ORDER BY client_id, position, id", plain=True):
        addresses.setdefault(cid, []).append(tuple(v or "" for v in values))
    join = MULTI_SEPARATOR.join
    result: dict[int, tuple[str, ...]] = {}
    for cid in set(contacts) | set(addresses):
        c = contacts.get(cid, {"email": [], "phone": []})
        a = addresses.get(cid, [])
        result[cid] = (
            join(v for _, v in c["email"]), join(lbl for lbl, _ in c["email"]) if any(l for l, _ in c["email"]) else "",
            join(v for _, v in c["phone"]), join(lbl for lbl, _ in c["phone"]) if any(l for l, _ in c["phone"]) else "",
            *(join(x[i] for x in a) if any(x[i] for x in a) else "" for i in range(5)),
        )
    return result


def _csv_cell(value: Any) -> Any:
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, float):
        return repr(value)
    return csv_cells.protect(value)  # formula-safe; None -> empty field (the csv module does it)


def _write_csv(fh: io.TextIOBase, headers: Sequence[str], rows: Iterable[Sequence[Any]],
               on_row: Callable[[int], None] | None = None) -> int:
    writer = csv.writer(fh)  # Excel's dialect: CRLF, fields with commas, quotes or newlines quoted
    writer.writerow(headers)
    n = 0
    for row in rows:
        writer.writerow([_csv_cell(v) for v in row])
        n += 1
        if on_row is not None and n % _CHUNK == 0:
            on_row(n)
    return n


def export_csv(db: Database, path: str | os.PathLike, what: str = "clients", *, progress: Progress = None) -> int:
    """Write one table (clients, sessions or touchpoints) as UTF-8 CSV with a BOM; return the row count."""
    _check_what(what, EXPORTABLE, with_all=False)
    path = Path(path).expanduser()
    _report(progress, 0.0)
    with _snapshot(db):
        headers, total, rows = _people_table(db, what)
        with _atomic_target(path) as tmp:
            with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
                n = _write_csv(fh, headers, rows, lambda k: _report(progress, k / max(1, total)))
    _report(progress, 1.0)
    return n


# --- vCard ------------------------------------------------------------------------------------
def export_vcf(db: Database, path: str | os.PathLike, client_ids: Sequence[int] | None = None, *,
               progress: Progress = None) -> int:
    """Write clients as one .vcf (vCard 3.0, UTF-8); all active clients, or exactly `client_ids`.

    Returns the number of cards written. The file appears whole or not at all.
    """
    from loyaldesk.core.clients import ClientRepository
    from loyaldesk.core.io.vcard import export_vcards

    path = Path(path).expanduser()
    _report(progress, 0.0)
    repo = ClientRepository(db)
    with _snapshot(db):
        if client_ids is None:
            ids = [r[0] for r in db.query(
                "SELECT id FROM clients WHERE COALESCE(archived, 0) = 0 ORDER BY id", plain=True)]
        else:
            ids = list(dict.fromkeys(int(i) for i in client_ids))
        clients = []
        for k, cid in enumerate(ids):
            clients.append(repo.get(cid))
            if k % _CHUNK == 0:
                _report(progress, 0.8 * k / max(1, len(ids)))
        tags: dict[int, list[str]] = {}
        for cid, name in db.query(
                "SELECT ct.client_id, t.name FROM client_tags ct JOIN tags t ON t.id = ct.tag_id "
                "ORDER BY ct.client_id, t.name", plain=True):
            tags.setdefault(cid, []).append(name)
    text = export_vcards(clients, tags)
    with _atomic_target(path) as tmp:
        with open(tmp, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
    _report(progress, 1.0)
    return len(clients)


# --- Excel -----------------------------------------------------------------------------------
def _is_date_column(name: str) -> bool:
    return name in _DATE_COLUMNS or name.endswith(("_at", "_date", "_on"))


@lru_cache(maxsize=65536)  # dates repeat a lot
def _excel_date(value: str) -> dt.date | dt.datetime | None:
    """ISO text -> a date (or datetime) Excel can hold; None when it is anything else."""
    try:
        if len(value) == 10:
            result: dt.date = dt.date.fromisoformat(value)
        elif 16 <= len(value) <= 26 and value[10] in "T ":
            result = dt.datetime.fromisoformat(value)
            if result.tzinfo is not None:
                return None
        else:
            return None
    except ValueError:
        return None
    return result if result.year >= 1900 else None


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _typed_rows(rows: Iterator[tuple], date_cols: Sequence[int]) -> Iterator[tuple]:
    """ISO dates and times in the date columns as real dates (text that is not a date stays text)."""
    if not date_cols:
        yield from rows
        return
    excel_date = _excel_date
    for row in rows:
        changed = None
        for i in date_cols:
            value = row[i]
            if value.__class__ is str:
                date = excel_date(value)
                if date is not None:
                    if changed is None:
                        changed = list(row)
                    changed[i] = date
        yield row if changed is None else tuple(changed)


def _column_widths(headers: Sequence[str], sample: Sequence[tuple], date_cols: Sequence[int],
                   money_cols: Sequence[int]) -> list[float]:
    widths = [_display_width(h) + 3 for h in headers]  # bold text and the filter button
    for row in sample:
        for i, value in enumerate(row):
            if value is None:
                continue
            if isinstance(value, dt.datetime):
                w = 19
            elif isinstance(value, dt.date):
                w = 11
            elif i in money_cols and isinstance(value, (int, Decimal)):
                w = len(f"{value:,}")
            else:
                w = max((_display_width(part) for part in str(value).splitlines()), default=0)
            widths[i] = max(widths[i], w + 2)
    return [min(max(w, 6), 60) for w in widths]


def _describe(headers: Sequence[str]) -> Callable[[Sequence[Any]], str]:
    """What a row of a table is about, in a warning: the client (#id and name) it is or belongs to."""
    if "client_id" in headers:
        at, name_at = headers.index("client_id"), (headers.index("client_name") if "client_name" in headers else None)
    elif "id" in headers and "name" in headers:
        at, name_at = headers.index("id"), headers.index("name")
    else:
        return lambda row: ""

    def describe(row: Sequence[Any]) -> str:
        name = row[name_at] if name_at is not None and name_at < len(row) and row[name_at] else ""
        number = row[at] if at < len(row) else None
        return " ".join(x for x in (f"#{number}" if number is not None else "", str(name)[:80]) if x)

    return describe


def xlsx_cut_warnings(cut, limit: int = 20) -> list[str]:
    """The user's words for the cells an xlsx file has only the beginning of (XlsxWriter.cut)."""
    from loyaldesk.core.io.xlsx import MAX_TEXT

    lines = [t("export.xlsx_cut", sheet=c.sheet, row=c.row, who=c.who or "-", column=c.column, length=c.length,
               limit=MAX_TEXT) for c in cut[:limit]]
    if len(cut) > limit:
        lines.append(t("export.xlsx_cut_more", count=len(cut) - limit))
    return lines


def _write_sheets(book, name: str, headers: list[str], rows: Iterator[tuple],
                  on_rows: Callable[[int], None]) -> None:
    """One table as one sheet (continued on name_2, name_3... beyond Excel's row limit).

    Text is written as inline strings (never a formula: "=1+1" stays text), dates and times as
    Excel dates, amounts as numbers with the places they have (#,##0 / #,##0.00).
    """
    from itertools import chain, islice

    date_cols = [i for i, h in enumerate(headers) if _is_date_column(h)]
    money_cols = {i for i, h in enumerate(headers) if h in _MONEY_COLUMNS}
    formats = ["decimal" if i in money_cols else "text" for i in range(len(headers))]
    rows = _typed_rows(rows, date_cols)
    # Size the columns from the header and the first rows.
    sample = list(islice(rows, _XLSX_WIDTH_SAMPLE))
    widths = _column_widths(headers, sample, date_cols, money_cols)
    rows = chain(sample, rows)
    per_sheet = _XLSX_MAX_ROWS - 1
    sheet_no, done = 1, 0
    while True:
        def progress(n: int, base: int = done) -> None:
            on_rows(base + n)

        title = name if sheet_no == 1 else f"{name}_{sheet_no}"
        written = book.add_sheet(title, headers, formats, islice(rows, per_sheet), widths, on_rows=progress,
                                 describe=_describe(headers))
        done += written
        if written < per_sheet:
            break
        try:
            first = next(rows)
        except StopIteration:
            break
        rows = chain((first,), rows)
        sheet_no += 1
    on_rows(done)


def export_xlsx(db: Database, path: str | os.PathLike, what: str = "clients", *, progress: Progress = None,
                warnings: list[str] | None = None) -> dict[str, int]:
    """Write clients, sessions or touchpoints (or all of them plus tags, what='all') as an Excel workbook.

    A text longer than an Excel cell holds (32,767 characters: a long note) is written shortened, and
    `warnings` gets a line for it naming the sheet, row, client and column (the CSV and .zip keep it whole).

    One sheet per table, named after the table; header row bold and frozen, database column
    names as headers; a table longer than Excel's row limit continues on
    `<table>_2`. Returns the number of rows per table.

    The sheets are written straight as SpreadsheetML by loyaldesk.core.io.xlsx (streamed: memory
    stays flat for a million sessions), several times faster than openpyxl's write-only mode.
    """
    from loyaldesk.core.io.xlsx import XlsxWriter

    _check_what(what, EXPORTABLE + ("all",), with_all=True)
    tables = XLSX_ALL if what == "all" else (what,)
    path = Path(path).expanduser()
    counts: dict[str, int] = {}
    _report(progress, 0.0)
    with _snapshot(db):
        plans = [(t, *_people_table(db, t)) for t in tables]
        grand = max(1, sum(total for _, _, total, _ in plans))
        before = 0
        with _atomic_target(path) as tmp:
            with XlsxWriter(tmp, money_format=_MONEY_FORMAT) as book:
                for table, headers, total, rows in plans:
                    def on_rows(n: int, base: int = before) -> None:
                        _report(progress, 0.95 * (base + n) / grand)

                    _write_sheets(book, table, headers, rows, on_rows)
                    counts[table] = total
                    before += total
                cut = book.cut
    if cut:
        log.warning("%s: %d cells longer than an Excel cell holds were shortened", path.name, len(cut))
        if warnings is not None:
            warnings.extend(xlsx_cut_warnings(cut))
    _report(progress, 1.0)
    return counts


# --- the archive ---------------------------------------------------------------------------
def _json_value(value: Any) -> Any:
    if isinstance(value, bytes):
        return {_BLOB_KEY: base64.b64encode(value).decode("ascii")}
    return value


def _sql_value(value: Any) -> Any:
    if isinstance(value, dict):
        if set(value) != {_BLOB_KEY} or not isinstance(value[_BLOB_KEY], str):
            raise ValueError("unexpected object")
        return base64.b64decode(value[_BLOB_KEY].encode("ascii"), validate=True)
    if isinstance(value, list):
        raise ValueError("unexpected list")
    return value


def _member(zf: zipfile.ZipFile, name: str):
    """A new file in the archive, dated now, compressed, streamed (no size limit)."""
    info = getattr(zf, "zipinfo_cls", zipfile.ZipInfo)(name, date_time=dt.datetime.now().timetuple()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o600 << 16  # private data: owner only when unpacked
    return zf.open(info, "w", force_zip64=True)


def _archive_writer(path: Path, db: Database, plain: bool) -> zipfile.ZipFile:
    """A zip to write: AES-256 (WinZip AES, pyzipper) with the passphrase of a protected practice
    unless plain is asked for; a plain zip for a plain practice."""
    from loyaldesk.core import cipher

    if plain or not cipher.is_encrypted(db.path):
        return zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6)
    passphrase = cipher.passphrase_of(db.path)
    if passphrase is None:
        raise errors.PassphraseRequiredError(path=db.path)
    import pyzipper

    zf = pyzipper.AESZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6, encryption=pyzipper.WZ_AES)
    zf.setpassword(passphrase.encode("utf-8"))
    return zf


def open_archive(path: Path, passphrases: Sequence[str] | None = None) -> zipfile.ZipFile:
    """A zip to read; an encrypted one (AES or ZipCrypto) opened with one of the passphrases
    (default: those known to this run); PassphraseRequiredError or WrongPassphraseError if none."""
    zf = zipfile.ZipFile(path)
    locked = [info for info in zf.infolist() if info.flag_bits & 0x1]
    if not locked:
        return zf
    zf.close()
    import pyzipper

    from loyaldesk.core import cipher

    zf = pyzipper.AESZipFile(path)
    probe = next((i for i in locked if i.filename == MANIFEST), locked[0])
    tried = False
    for passphrase in cipher.known_passphrases() if passphrases is None else passphrases:
        tried = True
        zf.setpassword(passphrase.encode("utf-8"))
        try:
            with zf.open(probe.filename) as member:
                member.read(1)
        except RuntimeError:  # a wrong password
            continue
        return zf
    zf.close()
    raise (errors.WrongPassphraseError if tried else errors.PassphraseRequiredError)(path=path)


def export_zip(db: Database, path: str | os.PathLike, *, progress: Progress = None,
               plain: bool = False) -> dict[str, int]:
    """Write the whole practice as a LoyalDesk archive (.zip); return the number of rows per table.

    The archive of a passphrase-protected practice is encrypted (AES-256) with its passphrase
    unless plain is True."""
    from loyaldesk import __version__

    path = Path(path).expanduser()
    counts: dict[str, int] = {}
    _report(progress, 0.0)
    with _snapshot(db):
        tables = user_tables(db)
        totals = {t: int(db.scalar(f"SELECT COUNT(*) FROM {_q(t)}") or 0) for t in tables}
        grand = max(1, 2 * sum(totals.values()))
        done = 0
        manifest: dict[str, Any] = {
            "format": ARCHIVE_FORMAT,
            "format_version": ARCHIVE_FORMAT_VERSION,
            "app_version": __version__,
            "schema_version": db.schema_version,
            "created_at": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
            "tables": {},
        }
        with _atomic_target(path) as tmp:
            with _archive_writer(tmp, db, plain) as zf:
                for table in tables:
                    cols = table_columns(db, table)
                    select = f"SELECT {', '.join(_q(c) for c in cols)} FROM {_q(table)} ORDER BY {_order_by(db, table)}"
                    digest = hashlib.sha256()
                    n = 0
                    with _member(zf, f"{table}.jsonl") as member:
                        for row in _fetch(_cursor(db, select), db):
                            line = json.dumps({c: _json_value(v) for c, v in zip(cols, row)},
                                              ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"
                            digest.update(line)
                            member.write(line)
                            n += 1
                            if n % _CHUNK == 0:
                                _report(progress, 0.98 * (done + n) / grand)
                    done += n
                    with _member(zf, f"{table}.csv") as member:
                        with io.TextIOWrapper(member, encoding="utf-8-sig", newline="") as fh:
                            _write_csv(fh, cols, _fetch(_cursor(db, select), db),
                                       lambda k, base=done: _report(progress, 0.98 * (base + k) / grand))
                    done += n
                    counts[table] = n
                    manifest["tables"][table] = {
                        "rows": n,
                        "sha256": digest.hexdigest(),
                        "file": f"{table}.jsonl",
                        "columns": cols,
                    }
                with _member(zf, MANIFEST) as member:
                    member.write((json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    _report(progress, 1.0)
    return counts


class _Archive:
    """An opened archive whose manifest has been checked."""

    def __init__(self, zf: zipfile.ZipFile, name: str) -> None:
        self.zf = zf
        self.name = name
        self.manifest = self._manifest()
        self.tables: dict[str, dict[str, Any]] = self.manifest["tables"]

    def invalid(self, detail: str) -> errors.LoyalDeskError:
        return errors.LoyalDeskError("export.archive_invalid", name=self.name, detail=detail)

    def _manifest(self) -> dict[str, Any]:
        not_ours = errors.LoyalDeskError("export.archive_not_loyaldesk", name=self.name)
        try:
            raw = self.zf.read(MANIFEST)
        except KeyError as exc:
            raise not_ours from exc
        try:
            manifest = json.loads(raw.decode("utf-8"))
        except ValueError as exc:
            raise not_ours from exc
        if not isinstance(manifest, dict) or manifest.get("format") != ARCHIVE_FORMAT:
            raise not_ours
        version = manifest.get("format_version")
        if not isinstance(version, int) or version < 1:
            raise not_ours
        if version > ARCHIVE_FORMAT_VERSION:
            raise errors.LoyalDeskError("export.archive_newer_format", name=self.name, found=version,
                                        known=ARCHIVE_FORMAT_VERSION)
        schema = manifest.get("schema_version")
        if not isinstance(schema, int) or schema < 0:
            raise self.invalid("schema_version")
        if schema > LATEST_VERSION:
            raise errors.LoyalDeskError("export.archive_newer_schema", name=self.name, found=schema,
                                        known=LATEST_VERSION)
        tables = manifest.get("tables")
        if not isinstance(tables, dict) or "clients" not in tables:
            raise self.invalid("tables")
        for table, info in tables.items():
            if not (isinstance(info, dict) and isinstance(info.get("rows"), int) and info["rows"] >= 0
                    and isinstance(info.get("sha256"), str)):
                raise self.invalid(f"tables.{table}")
            info.setdefault("file", f"{table}.jsonl")
            cols = info.get("columns")
            if cols is not None and not (isinstance(cols, list) and all(isinstance(c, str) for c in cols)):
                raise self.invalid(f"tables.{table}.columns")
        return manifest

    def verify(self, on_rows: Callable[[int], None]) -> None:
        """Every .jsonl file is there, has the rows the manifest counts, and matches its checksum."""
        done = 0
        for table, info in self.tables.items():
            digest = hashlib.sha256()
            lines = 0
            try:
                with self.zf.open(info["file"]) as member:
                    while chunk := member.read(1 << 20):
                        digest.update(chunk)
                        lines += chunk.count(b"\n")
            except KeyError as exc:
                raise self.invalid(f"{info['file']} missing") from exc
            if digest.hexdigest() != info["sha256"].lower() or lines != info["rows"]:
                raise errors.LoyalDeskError("export.archive_checksum", name=self.name, file=info["file"])
            done += lines
            on_rows(done)

    def rows(self, table: str) -> Iterator[tuple[int, dict[str, Any]]]:
        """(line number, row) of one table."""
        from loyaldesk.core.io.limits import ARCHIVE_LINE_LIMIT, size_text

        file = self.tables[table]["file"]
        with self.zf.open(file) as member:
            number = 0
            while line := member.readline(ARCHIVE_LINE_LIMIT + 1):  # one row at a time, never more
                number += 1
                if len(line) > ARCHIVE_LINE_LIMIT:
                    raise errors.LoyalDeskError("export.archive_bad_row", name=self.name, file=file, line=number,
                                                detail=f"longer than {size_text(ARCHIVE_LINE_LIMIT)}")
                try:
                    row = json.loads(line)
                except ValueError as exc:
                    raise errors.LoyalDeskError("export.archive_bad_row", name=self.name, file=file, line=number,
                                                detail=str(exc)) from exc
                if not isinstance(row, dict):
                    raise errors.LoyalDeskError("export.archive_bad_row", name=self.name, file=file, line=number,
                                                detail="not an object")
                yield number, row


def import_zip(db: Database, path: str | os.PathLike, *, progress: Progress = None) -> dict[str, int]:
    """Import a LoyalDesk archive into a database without clients; return the rows per table.

    Ids are kept. Tags, client tags and settings of the target (the built-in roles of a new
    file) are replaced by the archive's. Everything happens in one transaction: on any problem
    the database is left as it was and a LoyalDeskError says what is wrong.
    """
    path = Path(path).expanduser()
    name = path.name
    _check_empty(db)
    _report(progress, 0.0)
    try:
        zf = open_archive(path)
    except FileNotFoundError as exc:
        raise errors.LoyalDeskError("export.file_not_found", path=path) from exc
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise errors.LoyalDeskError("export.archive_invalid", name=name,
                                    detail=getattr(exc, "strerror", None) or str(exc)) from exc
    try:
        with zf:
            from loyaldesk.core.io import limits

            limits.check_zip_members(zf.infolist(), name, limits.ARCHIVE_MEMBER_LIMIT)  # before decompressing
            return _import(db, _Archive(zf, name), progress)
    except errors.LoyalDeskError:
        raise
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, RuntimeError, NotImplementedError,
            ValueError) as exc:
        # damaged compressed data, bad CRC, an encrypted or unsupported member...
        raise errors.LoyalDeskError("export.archive_invalid", name=name,
                                    detail=getattr(exc, "strerror", None) or str(exc) or type(exc).__name__) from exc


def _check_empty(db: Database) -> None:
    count = int(db.scalar("SELECT COUNT(*) FROM clients") or 0)
    if count:
        raise errors.LoyalDeskError("export.target_not_empty", path=db.path, count=count)


def _import(db: Database, archive: _Archive, progress: Progress) -> dict[str, int]:
    name = archive.name
    known = user_tables(db)
    for table in archive.tables:
        if table not in known:
            raise errors.LoyalDeskError("export.archive_unknown_table", name=name, table=table)
    order = [t for t in known if t in archive.tables]  # parents before children, as the file says

    # The columns of each table: by name; the archive's must all exist here (those it lacks keep
    # their default, so an archive made by an older version imports into a newer schema).
    columns: dict[str, list[str]] = {}
    for table in order:
        cols = archive.tables[table].get("columns")
        if cols is None:  # no list in the manifest: the keys of the first row
            first = next(archive.rows(table), None)
            cols = list(first[1]) if first else []
        here = set(table_columns(db, table))
        unknown = [c for c in cols if c not in here]
        if unknown:
            raise errors.LoyalDeskError("export.archive_unknown_column", name=name, table=table,
                                        columns=", ".join(unknown))
        if len(set(cols)) != len(cols):
            raise archive.invalid(f"tables.{table}.columns")
        columns[table] = cols

    grand = max(1, sum(info["rows"] for info in archive.tables.values()))
    archive.verify(lambda n: _report(progress, 0.2 * n / grand))

    from loyaldesk.core.search import deferred_index

    counts: dict[str, int] = {}
    done = 0
    with db.transaction() as conn, deferred_index(conn):  # the rows' texts indexed together at the end
        _check_empty(db)  # again, now that the file is ours: nobody added clients meanwhile
        conn.execute("PRAGMA defer_foreign_keys = ON")  # rows may refer to rows further on; checked below
        for table in reversed(order):  # the new file's built-in roles, settings...: replaced
            conn.execute(f"DELETE FROM {_q(table)}")
        for table in order:
            cols = columns[table]
            file = archive.tables[table]["file"]
            sql = (f"INSERT INTO {_q(table)} ({', '.join(_q(c) for c in cols)}) "
                   f"VALUES ({', '.join('?' for _ in cols)})")
            n = 0
            batch: list[tuple] = []
            for number, row in archive.rows(table):
                try:
                    if len(row) != len(cols):
                        raise KeyError(sorted(set(row) ^ set(cols)))
                    batch.append(tuple(_sql_value(row[c]) for c in cols))
                except (KeyError, ValueError, TypeError) as exc:
                    raise errors.LoyalDeskError("export.archive_bad_row", name=name, file=file, line=number,
                                                detail=f"columns {exc}" if isinstance(exc, KeyError) else str(exc)
                                                ) from exc
                if len(batch) >= _CHUNK:
                    _insert(conn, sql, batch, name, table)
                    n += len(batch)
                    batch = []
                    _report(progress, 0.2 + 0.78 * (done + n) / grand)
            if cols and batch:
                _insert(conn, sql, batch, name, table)
                n += len(batch)
            elif not cols and batch:
                raise archive.invalid(f"{file}: rows without columns")
            done += n
            counts[table] = n
        for table in order:
            broken = conn.execute(f"PRAGMA foreign_key_check({_q(table)})").fetchall()
            if broken:
                raise errors.LoyalDeskError("export.archive_broken_links", name=name, table=table, count=len(broken))
        if "letter_templates" in order:  # a template in an archive passes the same checks and limits as on save
            from loyaldesk.core.letters.templates import check_template

            for key, lang, subject, body in conn.execute("SELECT key, lang, subject, body FROM letter_templates"):
                try:
                    check_template(subject or "", body or "", lang if lang in ("ja", "en") else "en")
                except errors.ValidationError as exc:
                    raise errors.LoyalDeskError("export.archive_bad_template", name=name, template=f"{key} ({lang})",
                                                detail=exc.message) from None
    _report(progress, 1.0)
    return counts


def _insert(conn: sqlite3.Connection, sql: str, batch: list[tuple], name: str, table: str) -> None:
    try:
        conn.executemany(sql, batch)
    except (*dbapi.IntegrityError, *dbapi.InterfaceError, *dbapi.ProgrammingError, OverflowError) as exc:
        raise errors.LoyalDeskError("export.archive_rejected", name=name, table=table, detail=str(exc)) from exc
