"""Sessions exported to CSV and Excel carry their amounts as people read them (1234.56 dollars, 30000 yen),
and import back into a practice of the same currency with the same amounts in minor units."""

from __future__ import annotations

import csv

import pytest

from loyaldesk.core import practice
from loyaldesk.core.io import export, files, importer
from tests.conftest import add_client, add_session


@pytest.mark.parametrize("currency, fee, shown", [("USD", 123456, "1234.56"), ("JPY", 30000, "30000"),
                                                   ("USD", 100, "1.00")])
@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_sessions_round_trip_in_the_practice_currency(db, tmp_path, currency, fee, shown, suffix):
    from loyaldesk.core.db import open_database

    practice.set_currency(db, currency, keep_amounts=True)
    cid = add_client(db, "Emily Carter", email="emily@example.com")
    add_session(db, cid, "2026-03-02", fee=fee)
    out = tmp_path / f"sessions{suffix}"
    if suffix == ".csv":
        export.export_csv(db, out, "sessions")
        with open(out, encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh))
        assert rows[0]["fee"] == shown
    else:
        export.export_xlsx(db, out, "sessions")
        from openpyxl import load_workbook

        ws = load_workbook(out).worksheets[0]
        header = [c.value for c in ws[1]]
        cell = ws.cell(row=2, column=header.index("fee") + 1)
        assert float(cell.value) == float(shown)
        assert cell.number_format == ("#,##0.00" if currency == "USD" else "#,##0")
    fresh = open_database(tmp_path / "fresh.db")
    try:
        practice.set_currency(fresh, currency, keep_amounts=True)
        add_client(fresh, "Emily Carter", email="emily@example.com")
        loaded = files.load_table(fresh, out, "sessions")
        plan = importer.plan_session_import(fresh, files.session_records(loaded))
        importer.apply_session_import(fresh, plan, on_error="abort")
        assert fresh.query("SELECT date, fee FROM sessions", plain=True) == [("2026-03-02", fee)]
    finally:
        fresh.close()
