"""From a file on disk to records: the format comes from the file, the column mapping from its headers.

A mapping the user chose for a file layout is remembered in the database (settings table,
key "import_mapping:<signature of the headers>") and found again for the next file with
the same headers.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from loyaldesk.core.db import Database
from loyaldesk.core.errors import LoyalDeskError
from loyaldesk.core.i18n import CATALOG, t
from loyaldesk.core.io.records import ClientRecord, SessionRecord

CATALOG.update({
    "import.unknown_format": {
        "en": "{name}: unknown file type (use .csv, .tsv, .txt, .xlsx, .vcf or .zip).",
        "ja": "{name}: 対応していないファイル形式です（.csv .tsv .txt .xlsx .vcf .zip に対応）。",
    },
    "import.file_not_found": {"en": "File not found: {path}", "ja": "ファイルが見つかりません: {path}"},
    "import.map_syntax": {
        "en": "--map: “{part}” is not COLUMN=FIELD (for example --map \"取引先名=company,開始日=date\").",
        "ja": "--map: 「{part}」は 列名=項目 の形ではありません（例: --map \"取引先名=company,開始日=date\"）。",
    },
    "import.map_no_column": {
        "en": "--map: there is no column “{column}”; the columns are: {columns}.",
        "ja": "--map: 列「{column}」がありません。列: {columns}",
    },
    "import.map_no_field": {
        "en": "--map: “{field}” is not a field; the fields are: {fields}.",
        "ja": "--map: 「{field}」という項目はありません。項目: {fields}",
    },
    "import.mapping_not_found": {
        "en": "No saved mapping “{name}”; saved mappings: {names}.",
        "ja": "保存された対応付け「{name}」がありません。保存済み: {names}",
    },
    "import.none": {"en": "(none)", "ja": "（なし）"},
    "import.required_clients": {
        "en": "{name}: no column holds the clients' names (nor a company or an e-mail). The columns found are: "
        "{columns}. Say which one it is, for example --map \"{example}=name\".",
        "ja": "{name}: 顧客の氏名（または会社名・メールアドレス）の列が見つかりません。見つかった列: {columns}。"
        "どの列かを指定してください（例: --map \"{example}=name\"）。",
    },
    "import.required_sessions": {
        "en": "{name}: no column holds the {missing}. The columns found are: {columns}. Say which one it is, "
        "for example --map \"{example}={field}\".",
        "ja": "{name}: {missing}の列が見つかりません。見つかった列: {columns}。どの列かを指定してください"
        "（例: --map \"{example}={field}\"）。",
    },
    "import.missing_date": {"en": "date", "ja": "日付"},
    "import.missing_client": {"en": "client (a name or an e-mail)", "ja": "顧客（氏名またはメールアドレス）"},
    "import.vcard_sessions": {
        "en": "A vCard file holds contacts, not sessions.",
        "ja": "vCard ファイルには連絡先しか含まれていません（セッションは取り込めません）。",
    },
})

TABLE_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".xlsm")


def file_format(path: Path) -> str:
    """'table', 'vcard' or 'archive', from the extension and the first bytes."""
    suffix = path.suffix.lower()
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096)
    except FileNotFoundError as exc:
        raise LoyalDeskError("import.file_not_found", path=path) from exc
    except OSError as exc:
        raise LoyalDeskError("db.error", detail=exc.strerror or str(exc)) from exc
    if suffix == ".vcf" or b"BEGIN:VCARD" in head.upper():
        return "vcard"
    if suffix == ".zip" and b"manifest.json" in _zip_names(path):
        return "archive"
    if suffix in TABLE_SUFFIXES or head.startswith(b"PK"):
        return "table"
    raise LoyalDeskError("import.unknown_format", name=path.name)


def _zip_names(path: Path) -> bytes:
    import zipfile

    try:
        with zipfile.ZipFile(path) as zf:
            return "\n".join(zf.namelist()).encode()
    except (zipfile.BadZipFile, OSError):
        return b""


@dataclass
class LoadedFile:
    path: Path
    format: str  # 'table' or 'vcard'
    headers: list[str] = field(default_factory=list)
    mapping: dict[int, str] = field(default_factory=dict)
    encoding: str = ""
    table: object | None = None
    doubts: dict[int, str] = field(default_factory=dict)  # columns that look like a field: not mapped, asked
    currency: str = "JPY"  # the practice's: amounts without a currency of their own are read in it


CLIENT_NAME_FIELDS = ("name", "family_name", "given_name", "file_as", "company", "email")


def parse_map_option(text: str, headers: list[str], kind: str) -> dict[int, str]:
    """--map "取引先名=company,開始日=date" -> {column index: field}; a field '-' leaves the column out.

    A column is named by its header (compared without case, width and spacing) or its 1-based number."""
    from loyaldesk.core.io.mapping import normalize_header
    from loyaldesk.core.io.records import CLIENT_FIELDS, SESSION_FIELDS

    fields = CLIENT_FIELDS if kind == "clients" else SESSION_FIELDS
    keys = [normalize_header(h) for h in headers]
    result: dict[int, str] = {}
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        column, eq, target = part.rpartition("=")
        column, target = column.strip(), target.strip()
        if not eq or not column:
            raise LoyalDeskError("import.map_syntax", part=part)
        key = normalize_header(column)
        index = next((i for i, h in enumerate(headers) if h == column), None)
        if index is None and key:
            index = next((i for i, k in enumerate(keys) if k == key), None)
        if index is None and column.isdigit() and 1 <= int(column) <= len(headers):
            index = int(column) - 1
        if index is None:
            raise LoyalDeskError("import.map_no_column", column=column, columns=", ".join(h for h in headers if h))
        if target in ("-", ""):
            result[index] = ""
            continue
        if target not in fields:
            raise LoyalDeskError("import.map_no_field", field=target, fields=", ".join(fields))
        result[index] = target
    return result


def load_table(db: Database | None, path: Path, kind: str, *, sheet: str | int | None = None,
               header_row: int | None = None, map_option: str | None = None,
               mapping_name: str | None = None) -> LoadedFile:
    """Read a CSV/TSV/xlsx file and find its column mapping: a saved mapping chosen by name, else the
    one remembered for these headers, else guessed; then --map's pairs on top."""
    from loyaldesk.core.io import mapping as mapping_mod
    from loyaldesk.core.io.tabular import read_table

    table = read_table(path, sheet=sheet, header_row=header_row)
    doubts: dict[int, str] = {}
    if mapping_name:
        if db is None:
            raise LoyalDeskError("import.mapping_not_found", name=mapping_name, names=t("import.none"))
        guessed = load_named_mapping(db, mapping_name, table.headers, kind)
    else:
        remembered = load_mapping(db, table.headers, kind) if db is not None else None
        if remembered is not None:
            guessed = remembered
        elif kind == "sessions":
            guessed = mapping_mod.guess_session_mapping(table.headers, doubts)
        else:
            guessed = mapping_mod.guess_client_mapping(table.headers, doubts)
    guessed = dict(guessed)
    if map_option:
        for index, target in parse_map_option(map_option, table.headers, kind).items():
            doubts.pop(index, None)
            if target:
                guessed[index] = target
            else:
                guessed.pop(index, None)
    from loyaldesk.core import practice

    return LoadedFile(path, "table", list(table.headers), guessed, table.encoding, table, doubts,
                      practice.currency(db) if db is not None else LoadedFile.currency)


def check_required(loaded: LoadedFile, kind: str) -> None:
    """One error naming the columns found when no column holds what every row needs."""
    fields = set(loaded.mapping.values())
    columns = ", ".join(f"“{h}”" for h in loaded.headers if h) or t("import.none")
    example = next((h for h in loaded.headers if h), "A")
    if kind == "clients":
        if not fields & set(CLIENT_NAME_FIELDS):
            raise LoyalDeskError("import.required_clients", name=loaded.path.name, columns=columns, example=example)
        return
    if "date" not in fields:
        raise LoyalDeskError("import.required_sessions", name=loaded.path.name, columns=columns, example=example,
                             missing=t("import.missing_date"), field="date")
    if not fields & {"client_email", "client_name"}:
        raise LoyalDeskError("import.required_sessions", name=loaded.path.name, columns=columns, example=example,
                             missing=t("import.missing_client"), field="client_name")


class Records:
    """The records of a large file, made again from the file each time they are gone through (the
    importer goes through them to plan and again to write): a large file is never held in memory whole.
    len() is the number of records."""

    def __init__(self, make, count: int) -> None:
        self._make = make
        self._count = count

    def __iter__(self):
        return iter(self._make())

    def __len__(self) -> int:
        return self._count


def client_records(loaded: LoadedFile) -> list[ClientRecord] | Records:
    from loyaldesk.core.io import mapping as mapping_mod
    from loyaldesk.core.io.postal import home_country_for

    table, mapping, home = loaded.table, loaded.mapping, home_country_for(loaded.currency)
    if isinstance(table.rows, list):
        return mapping_mod.client_records(table, mapping, home)
    return Records(lambda: mapping_mod.iter_client_records(table, mapping, home), len(table.rows))


def session_records(loaded: LoadedFile) -> list[SessionRecord] | Records:
    from loyaldesk.core.io import mapping as mapping_mod

    table, mapping, currency = loaded.table, loaded.mapping, loaded.currency
    if isinstance(table.rows, list):
        return mapping_mod.session_records(table, mapping, currency)
    return Records(lambda: mapping_mod.iter_session_records(table, mapping, currency), len(table.rows))


def read_vcard_records(path: Path, db: Database | None = None) -> list[ClientRecord] | Records:
    """The cards of a .vcf file, cleaned the same way as table rows (kana width, e-mails, phones, postal
    codes; an address without a country is in the practice's, known from db). A file larger than
    tabular.STREAM_FROM is read card by card each time the records are gone through."""
    import os

    from loyaldesk.core import practice
    from loyaldesk.core.io import tabular, vcard
    from loyaldesk.core.io.postal import home_country_for

    home = home_country_for(practice.currency(db)) if db is not None else "JP"
    try:
        large = os.path.getsize(path) > tabular.STREAM_FROM
    except OSError as exc:
        raise LoyalDeskError("import.file_not_found", path=path) from exc
    if not large:
        return vcard.parse_vcards(path.read_bytes(), home)
    count = vcard.count_vcards(path)
    if not count:  # what parse_vcards says of a file without cards
        from loyaldesk.core.io.records import RowProblem

        return [ClientRecord(row=1, problems=[RowProblem(1, "BEGIN", t("import.vcard_no_cards"))])]
    return Records(lambda: vcard.iter_vcard_file(path, home), count)


def _mapping_key(headers: list[str], kind: str) -> str:
    from loyaldesk.core.io.mapping import mapping_signature

    return f"import_mapping:{kind}:{mapping_signature(headers)}"


def load_mapping(db: Database, headers: list[str], kind: str) -> dict[int, str] | None:
    value = db.scalar("SELECT value FROM settings WHERE key = ?", (_mapping_key(headers, kind),))
    if not value:
        return None
    try:
        stored = json.loads(value)
    except ValueError:
        return None
    by_header = {h: i for i, h in enumerate(headers)}
    result = {}
    for header, target in stored.items():
        if header in by_header and isinstance(target, str):
            result[by_header[header]] = target
    return result


def save_mapping(db: Database, headers: list[str], mapping: dict[int, str], kind: str) -> None:
    """Remember the user's mapping for files with these headers."""
    stored = {headers[i]: target for i, target in mapping.items() if 0 <= i < len(headers) and target}
    with db.transaction() as conn:
        conn.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (_mapping_key(headers, kind), json.dumps(stored, ensure_ascii=False)),
        )


def _named_key(name: str, kind: str) -> str:
    return f"import_mapping_named:{kind}:{name.strip()}"


def saved_mapping_names(db: Database, kind: str) -> list[str]:
    prefix = f"import_mapping_named:{kind}:"
    rows = db.query("SELECT key FROM settings WHERE key LIKE ? ORDER BY key", (prefix + "%",), plain=True)
    return [key[len(prefix):] for (key,) in rows]


def save_named_mapping(db: Database, name: str, headers: list[str], mapping: dict[int, str], kind: str) -> None:
    """Keep the mapping under a name, usable for files with other headers (import --mapping NAME)."""
    stored = {headers[i]: target for i, target in mapping.items() if 0 <= i < len(headers) and target}
    with db.transaction() as conn:
        conn.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (_named_key(name, kind), json.dumps(stored, ensure_ascii=False)),
        )


def load_named_mapping(db: Database, name: str, headers: list[str], kind: str) -> dict[int, str]:
    """A saved mapping applied to these headers (matched by their normalized text)."""
    from loyaldesk.core.io.mapping import normalize_header

    value = db.scalar("SELECT value FROM settings WHERE key = ?", (_named_key(name, kind),))
    if not value:
        names = ", ".join(saved_mapping_names(db, kind)) or t("import.none")
        raise LoyalDeskError("import.mapping_not_found", name=name, names=names)
    try:
        stored = json.loads(value)
    except ValueError:
        stored = {}
    by_key = {normalize_header(h): target for h, target in stored.items() if isinstance(target, str)}
    return {i: by_key[normalize_header(h)] for i, h in enumerate(headers) if normalize_header(h) in by_key}
