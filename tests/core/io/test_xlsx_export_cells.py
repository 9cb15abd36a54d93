"""The cells of an Excel export as Excel and openpyxl read them: empty text is an empty cell, line breaks
(CR LF) survive, dates with a time keep it, rows beyond one written chunk keep their order and values."""

from __future__ import annotations

import datetime as dt

from openpyxl import load_workbook

from loyaldesk.core.io import export
from tests.conftest import add_client, add_session


def test_cells_of_the_clients_sheet(db, tmp_path):
    add_client(db, name="Emily Carter", company="", notes="line one\r\nline two", created="2026-03-04 05:06:07")
    out = tmp_path / "c.xlsx"
    export.export_xlsx(db, out, "clients")
    ws = load_workbook(out)["clients"]
    headers = [c.value for c in ws[1]]
    row = {h: c for h, c in zip(headers, ws[2])}
    assert row["company"].value is None  # "" is an empty cell, as openpyxl writes it
    assert row["notes"].value == "line one\r\nline two"
    assert row["created_at"].value == dt.datetime(2026, 3, 4, 5, 6, 7)
    assert row["created_at"].number_format == "yyyy-mm-dd hh:mm:ss"
    assert row["name"].value == "Emily Carter" and row["name"].data_type == "s"


def test_several_thousand_sessions_in_order(db, tmp_path):
    cid = add_client(db, name="山田 太郎")
    days = [dt.date(2020, 1, 1) + dt.timedelta(days=k) for k in range(2500)]
    for k, day in enumerate(days):
        add_session(db, cid, day.isoformat(), fee=k)
    out = tmp_path / "s.xlsx"
    assert export.export_xlsx(db, out, "sessions") == {"sessions": 2500}
    rows = list(load_workbook(out)["sessions"].iter_rows(min_row=2, values_only=True))
    assert [r[2] for r in rows] == ["山田 太郎"] * 2500
    assert [r[3].date() for r in rows] == days
    assert [r[6] for r in rows] == list(range(2500))
