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
from loyaldesk.core.i18n import CATALOG
from loyaldesk.core.io.records import ClientRecord, SessionRecord

CATALOG.update({
    "import.unknown_format": {
        "en": "{name}: unknown file type (use .csv, .tsv, .txt, .xlsx, .vcf or .zip).",
        "ja": "{name}: 対応していないファイル形式です（.csv .tsv .txt .xlsx .vcf .zip に対応）。",
    },
    "import.file_not_found": {"en": "File not found: {path}", "ja": "ファイルが見つかりません: {path}"},
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


def load_table(db: Database | None, path: Path, kind: str) -> LoadedFile:
    """Read a CSV/TSV/xlsx file and find its column mapping (remembered, else guessed)."""
    from loyaldesk.core.io import mapping as mapping_mod
    from loyaldesk.core.io.tabular import read_table

    table = read_table(path)
    remembered = load_mapping(db, table.headers, kind) if db is not None else None
    if remembered is not None:
        guessed = remembered
    elif kind == "sessions":
        guessed = mapping_mod.guess_session_mapping(table.headers)
    else:
        guessed = mapping_mod.guess_client_mapping(table.headers)
    return LoadedFile(path, "table", list(table.headers), dict(guessed), table.encoding, table)


def client_records(loaded: LoadedFile) -> list[ClientRecord]:
    from loyaldesk.core.io import mapping as mapping_mod

    return mapping_mod.client_records(loaded.table, loaded.mapping)


def session_records(loaded: LoadedFile) -> list[SessionRecord]:
    from loyaldesk.core.io import mapping as mapping_mod

    return mapping_mod.session_records(loaded.table, loaded.mapping)


def read_vcard_records(path: Path) -> list[ClientRecord]:
    from loyaldesk.core.io.vcard import parse_vcards

    return parse_vcards(path.read_bytes())


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
