"""Export to CSV / Excel / .zip archive, and the archive's import (round trip, refusals, damage)."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loyaldesk.core.migrations import TRIGGER_TABLES
from loyaldesk.core import demo
from loyaldesk.core.db import open_database
from loyaldesk.core.errors import LoyalDeskError
from loyaldesk.core.i18n import set_language
from loyaldesk.core.io import csv_cells, export
from loyaldesk.core.migrations import LATEST_VERSION
from tests.conftest import add_client, add_session, add_touchpoint

BOM = b"\xef\xbb\xbf"
TRICKY_NAME = '山田 "タロウ", 太郎\n🎉'


# --- helpers ------------------------------------------------------------------------------
def dump(db) -> dict[str, list[tuple]]:
    """Every user table, every row, every value with its type (1 and 1.0 and '1' differ; NULL and '' differ)."""
    result = {}
    tables = db.query("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'", plain=True)
    # not the full-text index (a virtual table and its shadow tables: their layout depends on how rows came in)
    virtual = [name for name, sql in tables if sql.upper().startswith("CREATE VIRTUAL TABLE")]
    for name, sql in tables:
        if name in virtual or any(name.startswith(v + "_") for v in virtual):
            continue
        if "WITHOUT ROWID" in sql.upper():
            pk = [r[1] for r in sorted(db.query(f'PRAGMA table_info("{name}")', plain=True), key=lambda r: r[5]) if r[5]]
            order = ", ".join(f'"{c}"' for c in pk)
        else:
            order = "rowid"
        rows = db.query(f'SELECT * FROM "{name}" ORDER BY {order}', plain=True)
        result[name] = [tuple((type(v).__name__, v) for v in row) for row in rows]
    return result


def read_csv(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def rewrite_zip(src: Path, dst: Path, replace: dict[str, bytes] | None = None, drop: tuple[str, ...] = ()) -> None:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename in drop:
                continue
            data = (replace or {}).get(info.filename)
            zout.writestr(info.filename, zin.read(info.filename) if data is None else data)


def manifest_of(path: Path) -> dict:
    with zipfile.ZipFile(path) as zf:
        return json.loads(zf.read("manifest.json"))


def member(path: Path, name: str) -> bytes:
    with zipfile.ZipFile(path) as zf:
        return zf.read(name)


def rewrite_table(src: Path, dst: Path, table: str, lines: list[dict], columns: list[str] | None = None) -> None:
    """Replace one table's rows and keep the manifest consistent (a well-formed archive with other data)."""
    data = b"".join(json.dumps(row, ensure_ascii=False).encode() + b"\n" for row in lines)
    manifest = manifest_of(src)
    info = manifest["tables"][table]
    info.update(rows=len(lines), sha256=hashlib.sha256(data).hexdigest())
    if columns is not None:
        info["columns"] = columns
    rewrite_zip(src, dst, {f"{table}.jsonl": data, "manifest.json": json.dumps(manifest).encode()})


def jsonl_rows(path: Path, table: str) -> list[dict]:
    return [json.loads(line) for line in member(path, f"{table}.jsonl").splitlines()]


@pytest.fixture
def fresh(tmp_path):
    """A new, empty database (five built-in roles, no clients) to import into."""
    database = open_database(tmp_path / "target.db")
    yield database
    database.close()


@pytest.fixture
def practice(tmp_path):
    """A realistic practice (Japanese built-in roles) with some settings."""
    set_language("ja")
    try:
        database = open_database(tmp_path / "practice.db")
    finally:
        set_language("en")
    demo.generate(database, clients=80, seed=1, as_of=dt.date(2026, 11, 23))
    with database.transaction() as conn:
        conn.execute("INSERT INTO settings (key, value) VALUES ('default_cadence_days', '60'), ('currency', '\"JPY\"')")
    yield database
    database.close()


def assert_refused(fresh, archive: Path, key: str) -> LoyalDeskError:
    before = dump(fresh)
    with pytest.raises(LoyalDeskError) as info:
        export.import_zip(fresh, archive)
    assert info.value.key == key, info.value.message
    assert dump(fresh) == before
    assert fresh.scalar("SELECT COUNT(*) FROM clients") == 0
    assert not fresh.conn.in_transaction
    return info.value


# --- CSV ----------------------------------------------------------------------------------
def test_exportable_tables():
    assert export.EXPORTABLE == ("clients", "sessions", "touchpoints")


def test_csv_has_bom_and_japanese_text_survives(db, tmp_path):
    cid = add_client(db, name=TRICKY_NAME, name_kana="やまだ たろう", notes="メモ, \"引用\"\r\n二行目", email="")
    other = add_client(db, name="Emily Clark", birthday="1980-02-29", cadence_days=30)
    with db.transaction() as conn:
        conn.execute("INSERT INTO tags (name, category) VALUES ('経営者', 'segment')")
        conn.execute("INSERT INTO client_tags (client_id, tag_id, since) VALUES (?, 1, '2025-01-01'), "
                     "(?, 6, '2025-02-01'), (?, 2, '2025-03-01')", (cid, cid, cid))
    out = tmp_path / "clients.csv"
    assert export.export_csv(db, out) == 2
    raw = out.read_bytes()
    assert raw.startswith(BOM)
    assert not raw.startswith(BOM + BOM)
    rows = read_csv(out)
    columns = [r[1] for r in db.query("PRAGMA table_info(clients)", plain=True)]
    assert rows[0] == columns + ["tags", "roles"] + list(export.MORE_VALUE_COLUMNS)
    first = dict(zip(rows[0], rows[1]))
    assert first["id"] == str(cid)
    assert first["name"] == TRICKY_NAME
    assert first["notes"] == "メモ, \"引用\"\r\n二行目"
    assert first["birthday"] == ""  # NULL
    assert first["do_not_contact"] == "0"
    assert first["created_at"] == "2026-01-01"
    assert first["tags"] == "Event committee, SNS admin, 経営者"  # roles first, then segments
    assert first["roles"] == "Event committee, SNS admin"
    second = dict(zip(rows[0], rows[2]))
    assert second["id"] == str(other) and second["birthday"] == "1980-02-29" and second["cadence_days"] == "30"
    assert second["tags"] == "" and second["roles"] == ""
    assert len(rows) == 3


def test_csv_sessions_and_touchpoints_have_client_name(db, tmp_path):
    cid = add_client(db, name="佐藤 花子")
    add_session(db, cid, "2026-03-01", fee=12000, topic="価格改定の相談")
    add_touchpoint(db, cid, "2026-03-05", channel="letter", note="お礼状")
    out = tmp_path / "sessions.csv"
    export.export_csv(db, out, "sessions")
    rows = read_csv(out)
    assert rows[0] == ["id", "client_id", "client_name", "date", "kind", "duration_minutes", "fee", "topic", "notes",
                       "foreign_currency", "foreign_fee", "calendar_uid", "calendar_recurrence_id"]
    assert rows[1] == ["1", str(cid), "佐藤 花子", "2026-03-01", "個別相談", "60", "12000", "価格改定の相談", "", "", "",
                       "", ""]
    out = tmp_path / "touchpoints.csv"
    export.export_csv(db, out, "touchpoints")
    rows = read_csv(out)
    assert rows == [["id", "client_id", "client_name", "date", "channel", "note"],
                    ["1", str(cid), "佐藤 花子", "2026-03-05", "letter", "お礼状"]]
    assert out.read_bytes().startswith(BOM)


def test_csv_of_an_empty_table_is_just_the_header(db, tmp_path):
    out = tmp_path / "s.csv"
    assert export.export_csv(db, out, "sessions") == 0
    assert len(read_csv(out)) == 1


def test_csv_unknown_what(db, tmp_path):
    with pytest.raises(LoyalDeskError) as info:
        export.export_csv(db, tmp_path / "x.csv", "all")
    assert info.value.key == "export.unknown_what"
    assert not (tmp_path / "x.csv").exists()


def test_csv_failure_leaves_no_half_written_file(db, tmp_path, monkeypatch):
    with db.transaction() as conn:
        conn.executemany("INSERT INTO clients (name) VALUES (?)", [(f"Bulk {i}",) for i in range(5000)])
    out = tmp_path / "clients.csv"
    out.write_bytes(b"previous export")
    calls = {"n": 0}
    original = export._csv_cell

    def failing(value):
        calls["n"] += 1
        if calls["n"] > 50_000:
            raise RuntimeError("boom")
        return original(value)

    monkeypatch.setattr(export, "_csv_cell", failing)
    with pytest.raises(RuntimeError):
        export.export_csv(db, out)
    assert out.read_bytes() == b"previous export"
    assert sorted(p.name for p in tmp_path.iterdir() if "clients" in p.name) == ["clients.csv"]


def test_csv_into_missing_folder(db, tmp_path):
    with pytest.raises(LoyalDeskError) as info:
        export.export_csv(db, tmp_path / "nope" / "c.csv")
    assert info.value.key == "db.dir_not_found"


def test_csv_progress_reaches_one(db, tmp_path):
    demo.generate(db, clients=30, seed=2)
    seen = []
    export.export_csv(db, tmp_path / "s.csv", "sessions", progress=seen.append)
    assert seen[0] == 0.0 and seen[-1] == 1.0 and seen == sorted(seen)


# --- Excel --------------------------------------------------------------------------------
def test_xlsx_all(db, tmp_path):
    from openpyxl import load_workbook

    demo.generate(db, clients=40, seed=3, as_of=dt.date(2026, 11, 23))
    cid = add_client(db, name="=HYPERLINK(\"http://x\")", notes="ok\x01bad", created="2026-01-02T10:20:30")
    add_session(db, cid, "2026-02-03", fee=1234567)
    out = tmp_path / "all.xlsx"
    counts = export.export_xlsx(db, out, "all")
    assert counts == {t: db.scalar(f"SELECT COUNT(*) FROM {t}") for t in ("clients", "sessions", "touchpoints", "tags")}

    wb = load_workbook(out)
    assert wb.sheetnames == ["clients", "sessions", "touchpoints", "tags"]
    for name in wb.sheetnames:
        ws = wb[name]
        assert ws.freeze_panes == "A2"
        assert all(cell.font.b for cell in ws[1])
        assert ws.max_row == counts[name] + 1

    ws = wb["clients"]
    headers = [c.value for c in ws[1]]
    assert headers == [r[1] for r in db.query("PRAGMA table_info(clients)", plain=True)] + ["tags", "roles"] + list(
        export.MORE_VALUE_COLUMNS)
    assert ws.column_dimensions["B"].width >= 10  # names are wider than the default
    col = {h: i for i, h in enumerate(headers)}
    last = list(ws.iter_rows(min_row=ws.max_row, values_only=False))[0]
    assert last[col["name"]].value == "=HYPERLINK(\"http://x\")"
    assert last[col["name"]].data_type == "s"  # text, never a formula
    assert last[col["notes"]].value == "okbad"  # characters Excel cannot hold are dropped
    created = last[col["created_at"]]
    assert created.is_date and created.value == dt.datetime(2026, 1, 2, 10, 20, 30)
    birthdays = [r[col["birthday"]] for r in ws.iter_rows(min_row=2) if r[col["birthday"]].value is not None]
    assert birthdays and all(c.is_date and c.number_format == "yyyy-mm-dd" for c in birthdays)
    assert isinstance(last[col["id"]].value, int)

    ws = wb["sessions"]
    headers = [c.value for c in ws[1]]
    assert headers[:3] == ["id", "client_id", "client_name"]
    col = {h: i for i, h in enumerate(headers)}
    last = list(ws.iter_rows(min_row=ws.max_row))[0]
    fee = last[col["fee"]]
    assert fee.value == 1234567 and isinstance(fee.value, int)
    assert fee.number_format == "#,##0"
    date = last[col["date"]]
    assert date.is_date and date.value == dt.datetime(2026, 2, 3)
    assert date.number_format == "yyyy-mm-dd"

    ws = wb["touchpoints"]
    assert [c.value for c in ws[1]] == ["id", "client_id", "client_name", "date", "channel", "note"]
    assert ws.cell(row=2, column=4).is_date
    assert [c.value for c in wb["tags"][1]] == ["id", "name", "category", "builtin_key"]


def test_xlsx_one_table(db, tmp_path):
    from openpyxl import load_workbook

    cid = add_client(db, name="山田 太郎")
    add_session(db, cid, "2026-05-01", fee=0)
    out = tmp_path / "s.xlsx"
    assert export.export_xlsx(db, out, "sessions") == {"sessions": 1}
    wb = load_workbook(out)
    assert wb.sheetnames == ["sessions"]
    assert wb["sessions"]["C2"].value == "山田 太郎"
    with pytest.raises(LoyalDeskError):
        export.export_xlsx(db, tmp_path / "x.xlsx", "nonsense")


def test_xlsx_unparsable_date_stays_text(db, tmp_path):
    from openpyxl import load_workbook

    add_client(db, name="A", birthday="昭和55年", created="0999-01-01")
    out = tmp_path / "c.xlsx"
    export.export_xlsx(db, out)
    ws = load_workbook(out)["clients"]
    headers = [c.value for c in ws[1]]
    assert ws.cell(row=2, column=headers.index("birthday") + 1).value == "昭和55年"
    assert ws.cell(row=2, column=headers.index("created_at") + 1).value == "0999-01-01"


def test_xlsx_long_table_continues_on_a_second_sheet(db, tmp_path, monkeypatch):
    from openpyxl import load_workbook

    cid = add_client(db, name="A")
    for day in range(1, 8):
        add_session(db, cid, f"2026-01-0{day}", fee=day)
    monkeypatch.setattr(export, "_XLSX_MAX_ROWS", 4)  # header + 3 rows per sheet
    out = tmp_path / "s.xlsx"
    assert export.export_xlsx(db, out, "sessions") == {"sessions": 7}
    wb = load_workbook(out)
    assert wb.sheetnames == ["sessions", "sessions_2", "sessions_3"]
    fees = [row[6] for name in wb.sheetnames for row in wb[name].iter_rows(min_row=2, values_only=True)]
    assert fees == list(range(1, 8))
    assert all(wb[name].freeze_panes == "A2" and wb[name]["A1"].value == "id" for name in wb.sheetnames)


# --- the archive: round trip ------------------------------------------------------------------
def test_zip_round_trip(practice, fresh, tmp_path):
    archive = tmp_path / "practice.zip"
    counts = export.export_zip(practice, archive)
    source = dump(practice)
    # every table but those the triggers fill (the import rebuilds them: compared below)
    assert counts == {t: len(rows) for t, rows in source.items() if t not in TRIGGER_TABLES}
    assert "session_stats" in source and "session_stats" not in counts
    assert counts["clients"] == 80 and counts["sessions"] > 0 and counts["client_tags"] > 0

    assert fresh.query("SELECT name FROM tags WHERE id = 1", plain=True)[0][0] == "Event committee"
    fresh.conn.execute("INSERT INTO settings (key, value) VALUES ('default_cadence_days', '30')")
    seen = []
    imported = export.import_zip(fresh, archive, progress=seen.append)
    assert imported == counts
    assert dump(fresh) == source
    from loyaldesk.core import search

    for query in ("相談", "review", "事業"):  # the full-text index rebuilt by the import's triggers
        assert search.search(fresh, query) == search.search(practice, query)
    assert fresh.query("SELECT name FROM tags WHERE id = 1", plain=True)[0][0] == "イベント実行委員"  # the archive's
    assert seen[0] == 0.0 and seen[-1] == 1.0 and seen == sorted(seen)
    assert fresh.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert fresh.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_zip_contents_and_manifest(practice, tmp_path):
    from loyaldesk import __version__

    archive = tmp_path / "practice.zip"
    export.export_zip(practice, archive)
    with zipfile.ZipFile(archive) as zf:
        names = set(zf.namelist())
    tables = ["clients", "sessions", "touchpoints", "tags", "client_tags", "settings",
              # schema 2 (loyalty): every table is in the archive, so tier history and decisions travel too
              "client_tiers", "letter_templates",  # schema 3: the edited letter templates travel too
              "suggestion_decisions", "tier_history", "tier_refresh"]
    tables += ["events", "event_invitations", "event_helpers", "recognitions", "role_history",  # schema 5
               "feedback_rounds", "feedback_participants"]
    tables += ["greetings", "joint_names"]  # schema 4 and 6: season cards, joint names (連名)
    tables += ["day_plan_items"]  # schema 9: the daily plans
    tables += ["client_contacts", "client_addresses"]  # schema 12: several e-mails, phones and addresses
    tables += ["calendar_upcoming"]  # schema 16: the next sessions booked in the calendar
    assert names == {"manifest.json"} | {f"{t}.jsonl" for t in tables} | {f"{t}.csv" for t in tables}
    manifest = manifest_of(archive)
    assert manifest["format"] == "loyaldesk-archive"
    assert manifest["format_version"] == 1
    assert manifest["app_version"] == __version__
    assert manifest["schema_version"] == practice.schema_version == LATEST_VERSION
    assert dt.datetime.fromisoformat(manifest["created_at"])
    assert sorted(manifest["tables"]) == sorted(tables)  # parents before children (user_tables), ...
    assert list(manifest["tables"])[:6] == tables[:6]  # ... the core tables first
    for table, info in manifest["tables"].items():
        data = member(archive, f"{table}.jsonl")
        assert info["sha256"] == hashlib.sha256(data).hexdigest()
        assert info["rows"] == practice.scalar(f"SELECT COUNT(*) FROM {table}") == data.count(b"\n")
    # the CSV copies are for people: BOM, header, Japanese text
    clients_csv = member(archive, "clients.csv")
    assert clients_csv.startswith(BOM)
    rows = list(csv.reader(io.StringIO(clients_csv.decode("utf-8-sig"), newline="")))
    assert rows[0] == manifest["tables"]["clients"]["columns"]
    assert len(rows) == 81
    assert member(archive, "tags.csv").decode("utf-8-sig").count("イベント実行委員") == 1
    # NULL and empty text are apart in the .jsonl
    first = jsonl_rows(archive, "clients")[0]
    assert first["updated_at"] is None and first["title"] == ""


def test_zip_export_is_atomic(practice, tmp_path, monkeypatch):
    archive = tmp_path / "practice.zip"
    archive.write_bytes(b"old")

    def boom(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export, "_write_csv", boom)
    with pytest.raises(LoyalDeskError) as info:
        export.export_zip(practice, archive)
    assert info.value.key == "export.disk_full"
    assert archive.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_zip_includes_tables_added_later_with_exact_values(tmp_path):
    """A table a later migration (or another tool) adds is found in sqlite_master and kept, types and all."""
    ddl = "CREATE TABLE extra (id INTEGER PRIMARY KEY, data BLOB, ratio REAL, label TEXT, anything)"
    src = open_database(tmp_path / "src.db")
    dst = open_database(tmp_path / "dst.db")
    try:
        cid = add_client(src, name="A")
        with src.transaction() as conn:
            conn.execute(ddl)
            conn.executemany("INSERT INTO extra VALUES (?, ?, ?, ?, ?)", [
                (1, b"\x00\xff\n", 1.5, "", None),
                (5, None, float("inf"), None, "text"),
                (7, b"", 0.1 + 0.2, "改行\n", 3),
                (9, None, -0.0, "x", 2.5),
            ])
            conn.execute("UPDATE clients SET referred_by = ? WHERE id = ?", (cid, cid))
        with dst.transaction() as conn:
            conn.execute(ddl)
        archive = tmp_path / "a.zip"
        counts = export.export_zip(src, archive)
        assert counts["extra"] == 4
        assert export.import_zip(dst, archive)["extra"] == 4
        assert dump(dst) == dump(src)

        other = open_database(tmp_path / "other.db")  # no such table there
        try:
            err = assert_refused(other, archive, "export.archive_unknown_table")
            assert "extra" in err.message
        finally:
            other.close()
    finally:
        src.close()
        dst.close()


def test_older_archive_imports_into_newer_schema(practice, fresh, tmp_path):
    """Columns the archive lacks keep their default."""
    archive = tmp_path / "a.zip"
    export.export_zip(practice, archive)
    rows = jsonl_rows(archive, "clients")
    columns = [c for c in manifest_of(archive)["tables"]["clients"]["columns"] if c not in ("updated_at", "archived")]
    for row in rows:
        del row["updated_at"], row["archived"]
    older = tmp_path / "older.zip"
    rewrite_table(archive, older, "clients", rows, columns)
    assert export.import_zip(fresh, older)["clients"] == 80
    assert fresh.scalar("SELECT COUNT(*) FROM clients WHERE archived = 0 AND updated_at IS NULL") == 80
    assert fresh.scalar("SELECT COUNT(*) FROM sessions") == practice.scalar("SELECT COUNT(*) FROM sessions")


# --- the archive: refusals -----------------------------------------------------------------------
def test_import_into_non_empty_database_is_refused(practice, tmp_path):
    archive = tmp_path / "a.zip"
    export.export_zip(practice, archive)
    before = dump(practice)
    with pytest.raises(LoyalDeskError) as info:
        export.import_zip(practice, archive)
    assert info.value.key == "export.target_not_empty"
    assert "80" in info.value.message and str(practice.path) in info.value.message
    assert dump(practice) == before


def test_import_into_database_with_one_client_is_refused(practice, fresh, tmp_path):
    archive = tmp_path / "a.zip"
    export.export_zip(practice, archive)
    add_client(fresh, name="既存の顧客")
    before = dump(fresh)
    with pytest.raises(LoyalDeskError) as info:
        export.import_zip(fresh, archive)
    assert info.value.key == "export.target_not_empty"
    assert dump(fresh) == before


def test_refusal_message_in_japanese(practice, tmp_path):
    archive = tmp_path / "a.zip"
    export.export_zip(practice, archive)
    set_language("ja")
    with pytest.raises(LoyalDeskError) as info:
        export.import_zip(practice, archive)
    assert "空のデータベース" in info.value.message


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty"])
def test_corrupted_zip(practice, fresh, tmp_path, damage):
    archive = tmp_path / "a.zip"
    export.export_zip(practice, archive)
    data = archive.read_bytes()
    bad = tmp_path / "bad.zip"
    bad.write_bytes({"garbage": b"this is not a zip file at all" * 10, "truncated": data[: len(data) // 2],
                     "empty": b""}[damage])
    err = assert_refused(fresh, bad, "export.archive_invalid")
    assert "bad.zip" in err.message


def test_damaged_member_data(practice, fresh, tmp_path):
    """Flip bytes inside the compressed data: CRC or decompression fails; reported, nothing imported."""
    archive = tmp_path / "a.zip"
    export.export_zip(practice, archive)
    data = bytearray(archive.read_bytes())
    with zipfile.ZipFile(archive) as zf:
        info = zf.getinfo("sessions.jsonl")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra) + 20
    for i in range(start, start + 200):
        data[i] ^= 0x5A
    bad = tmp_path / "bad.zip"
    bad.write_bytes(bytes(data))
    err = assert_refused(fresh, bad, "export.archive_invalid")
    assert "bad.zip" in err.message


def test_tampered_jsonl_fails_checksum(practice, fresh, tmp_path):
    archive = tmp_path / "a.zip"
    export.export_zip(practice, archive)
    data = member(archive, "clients.jsonl")
    first = json.loads(data.splitlines()[0])
    tampered = data.replace(json.dumps(first["name"], ensure_ascii=False).encode(), b'"Mallory"', 1)
    assert tampered != data
    bad = tmp_path / "tampered.zip"
    rewrite_zip(archive, bad, {"clients.jsonl": tampered})
    err = assert_refused(fresh, bad, "export.archive_checksum")
    assert "clients.jsonl" in err.message


def test_missing_jsonl(practice, fresh, tmp_path):
    archive = tmp_path / "a.zip"
    export.export_zip(practice, archive)
    bad = tmp_path / "bad.zip"
    rewrite_zip(archive, bad, drop=("touchpoints.jsonl",))
    assert_refused(fresh, bad, "export.archive_invalid")


def test_newer_schema_version_is_refused(practice, fresh, tmp_path):
    archive = tmp_path / "a.zip"
    export.export_zip(practice, archive)
    manifest = manifest_of(archive)
    manifest["schema_version"] = LATEST_VERSION + 1
    bad = tmp_path / "newer.zip"
    rewrite_zip(archive, bad, {"manifest.json": json.dumps(manifest).encode()})
    err = assert_refused(fresh, bad, "export.archive_newer_schema")
    assert str(LATEST_VERSION + 1) in err.message and "update" in err.message.lower()


def test_newer_archive_format_is_refused(practice, fresh, tmp_path):
    archive = tmp_path / "a.zip"
    export.export_zip(practice, archive)
    manifest = manifest_of(archive)
    manifest["format_version"] = 2
    bad = tmp_path / "newer.zip"
    rewrite_zip(archive, bad, {"manifest.json": json.dumps(manifest).encode()})
    assert_refused(fresh, bad, "export.archive_newer_format")


@pytest.mark.parametrize("manifest", [None, b"{not json", b'{"format": "something-else", "format_version": 1}', b"[]"])
def test_zip_that_is_not_an_archive(practice, fresh, tmp_path, manifest):
    archive = tmp_path / "a.zip"
    export.export_zip(practice, archive)
    bad = tmp_path / "other.zip"
    if manifest is None:
        rewrite_zip(archive, bad, drop=("manifest.json",))
    else:
        rewrite_zip(archive, bad, {"manifest.json": manifest})
    assert_refused(fresh, bad, "export.archive_not_loyaldesk")


def test_unknown_column_is_refused(practice, fresh, tmp_path):
    archive = tmp_path / "a.zip"
    export.export_zip(practice, archive)
    rows = jsonl_rows(archive, "clients")
    for row in rows:
        row["favourite_colour"] = "blue"
    columns = manifest_of(archive)["tables"]["clients"]["columns"] + ["favourite_colour"]
    bad = tmp_path / "bad.zip"
    rewrite_table(archive, bad, "clients", rows, columns)
    err = assert_refused(fresh, bad, "export.archive_unknown_column")
    assert "favourite_colour" in err.message


def test_rows_rejected_by_the_database_roll_everything_back(practice, fresh, tmp_path):
    """A consistent archive whose rows break a constraint: the deletes and inserts before it are undone."""
    archive = tmp_path / "a.zip"
    export.export_zip(practice, archive)
    rows = jsonl_rows(archive, "touchpoints")
    rows[-1]["channel"] = "telepathy"  # CHECK constraint
    bad = tmp_path / "bad.zip"
    rewrite_table(archive, bad, "touchpoints", rows)
    err = assert_refused(fresh, bad, "export.archive_rejected")
    assert "touchpoints" in err.message
    assert fresh.scalar("SELECT COUNT(*) FROM tags") == 5  # the built-in roles are back


def test_duplicate_ids_are_rejected(practice, fresh, tmp_path):
    archive = tmp_path / "a.zip"
    export.export_zip(practice, archive)
    rows = jsonl_rows(archive, "sessions")
    rows.append(dict(rows[0]))
    bad = tmp_path / "bad.zip"
    rewrite_table(archive, bad, "sessions", rows)
    assert_refused(fresh, bad, "export.archive_rejected")


def test_rows_referring_to_missing_records_are_refused(practice, fresh, tmp_path):
    archive = tmp_path / "a.zip"
    export.export_zip(practice, archive)
    rows = jsonl_rows(archive, "sessions")
    rows[3]["client_id"] = 99_999
    bad = tmp_path / "bad.zip"
    rewrite_table(archive, bad, "sessions", rows)
    err = assert_refused(fresh, bad, "export.archive_broken_links")
    assert "sessions" in err.message


def test_broken_line_is_refused(practice, fresh, tmp_path):
    archive = tmp_path / "a.zip"
    export.export_zip(practice, archive)
    data = member(archive, "tags.jsonl") + b"{broken\n"
    manifest = manifest_of(archive)
    manifest["tables"]["tags"].update(rows=manifest["tables"]["tags"]["rows"] + 1,
                                      sha256=hashlib.sha256(data).hexdigest())
    bad = tmp_path / "bad.zip"
    rewrite_zip(archive, bad, {"tags.jsonl": data, "manifest.json": json.dumps(manifest).encode()})
    err = assert_refused(fresh, bad, "export.archive_bad_row")
    assert "tags.jsonl" in err.message


def test_import_missing_file(fresh, tmp_path):
    with pytest.raises(LoyalDeskError) as info:
        export.import_zip(fresh, tmp_path / "nope.zip")
    assert info.value.key == "export.file_not_found"


# --- any text survives ------------------------------------------------------------------------
_SPECIAL = st.sampled_from(["", " ", ",", '"', '""', "a,b", 'say "hi"', "\n", "\r\n", "line1\nline2", "\t",
                            "🎉👨‍👩‍👧", "山田 太郎", "ｶﾀｶﾅ", "=1+2", "NULL", "null", "\x00", "\ufeff", "\u2028", "\\N"])
_TEXT = st.one_of(_SPECIAL, st.text(max_size=40), st.lists(_SPECIAL, max_size=4).map("".join))
_OPTIONAL = st.one_of(st.none(), _TEXT)
_TEXT_COLUMNS = ("name_kana", "honorific", "company", "title", "email", "phone", "postal_code", "address1",
                 "address2", "birthday", "source", "notes", "updated_at")
_CLIENT = st.fixed_dictionaries({"name": _TEXT, **{c: _OPTIONAL for c in _TEXT_COLUMNS}})


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(clients=st.lists(_CLIENT, min_size=1, max_size=5), note=_OPTIONAL)
def test_any_client_text_round_trips(clients, note):
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        src = open_database(folder / "src.db")
        dst = open_database(folder / "dst.db")
        try:
            with src.transaction() as conn:
                for values in clients:
                    conn.execute(f"INSERT INTO clients ({', '.join(values)}) VALUES ({', '.join('?' * len(values))})",
                                 tuple(values.values()))
                conn.execute("INSERT INTO touchpoints (client_id, date, note) VALUES (1, '2026-01-01', ?)", (note,))
            archive = folder / "a.zip"
            export.export_zip(src, archive)
            export.import_zip(dst, archive)
            assert dump(dst) == dump(src)

            # the CSV for people holds the same text (NULL shows as an empty field)
            out = folder / "clients.csv"
            export.export_csv(src, out)
            rows = read_csv(out)
            assert len(rows) == len(clients) + 1
            for values, row in zip(clients, rows[1:]):
                record = dict(zip(rows[0], row))
                for column, value in values.items():  # (a formula-like text carries the CSV guard: docs/import.md)
                    assert csv_cells.unprotect(record[column]) == ("" if value is None else value)
                    assert record[column] == csv_cells.protect("" if value is None else value)
        finally:
            src.close()
            dst.close()


def test_zip_import_indexes_every_imported_text_for_search(tmp_path, fresh):
    from loyaldesk.core import search

    src = open_database(tmp_path / "src.db")
    yamada = add_client(src, name="山田 太郎", notes="長男への事業承継を検討中")
    with src.transaction() as conn:
        conn.execute("INSERT INTO sessions (client_id, date, topic, notes) VALUES (?, '2026-03-14', '事業承継の計画', "
                     "'株価の試算を次回までに')", (yamada,))
    add_touchpoint(src, yamada, "2026-04-01", channel="email", note="Sent the succession checklist")
    archive = tmp_path / "src.zip"
    export.export_zip(src, archive)
    src.close()
    export.import_zip(fresh, archive)
    found = {(h.client_name, h.source, h.plain_snippet) for h in search.search(fresh, "事業承継")}
    assert found == {("山田 太郎", "client", "長男への事業承継を検討中"),
                     ("山田 太郎", "session", "事業承継の計画 株価の試算を次回までに")}
    assert [h.source for h in search.search(fresh, "succession checklist")] == ["touchpoint"]
    assert fresh.scalar("SELECT COUNT(*) FROM sessions_fts WHERE sessions_fts MATCH '\"株価の試算\"'") == 1
    # the rows were indexed together at the end: the usual triggers are back for what is saved next
    assert "WHEN new.rowid" not in fresh.scalar("SELECT sql FROM sqlite_master WHERE name = 'sessions_ai'")
    for table in search.FTS_TABLES:
        fresh.conn.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 0)")
