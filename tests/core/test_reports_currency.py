"""The annual report of a practice in dollars: cents stored, dollars and cents shown."""

from __future__ import annotations

import csv
import datetime as dt

import pytest

from loyaldesk.core import practice, reports
from tests.conftest import add_client, add_session

TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def usd(db):
    practice.set_currency(db, "USD")
    a = add_client(db, "Ann Baker")
    b = add_client(db, "Ben Cole")
    add_session(db, a, "2025-03-01", fee=123456)  # $1,234.56
    add_session(db, a, "2025-04-01", fee=675)  # $6.75
    add_session(db, b, "2025-05-01", fee=15000)  # $150.00
    add_session(db, b, "2024-05-01", fee=9999)  # $99.99 the year before
    return db


def test_totals_in_cents(usd):
    report = reports.build_report(usd, 2025, today=TODAY)
    assert report.summary.revenue == 123456 + 675 + 15000
    assert report.summary.revenue_prev == 9999
    data = reports.report_dict(report)
    assert data["summary"]["currency"] == "USD" and data["summary"]["revenue"] == 139131


def test_xlsx_holds_dollars_with_a_dollar_format(usd, tmp_path):
    import openpyxl

    path = reports.write_report(reports.build_report(usd, 2025, today=TODAY), tmp_path / "r.xlsx", lang="en")
    wb = openpyxl.load_workbook(path)
    ws = wb["Clients"]
    headers = [c.value for c in ws[1]]
    rows = {r[1]: dict(zip(headers, r)) for r in ws.iter_rows(min_row=2, values_only=True)}
    assert rows["Ann Baker"]["Revenue"] == pytest.approx(1241.31)
    assert rows["Ben Cole"]["Change"] == pytest.approx(50.01)
    cell = ws.cell(row=2, column=headers.index("Revenue") + 1)
    assert cell.number_format == '"$"#,##0.00;"−$"#,##0.00'
    summary = {r[0]: (r[1], r[2]) for r in wb["Summary"].iter_rows(min_row=2, values_only=True)}
    assert summary["Revenue"] == (pytest.approx(1391.31), pytest.approx(99.99))
    assert summary["Sessions"] == (3, 1)  # counts stay counts
    months = list(wb["By month"].iter_rows(min_row=2, values_only=True))
    assert months[-1][1] == pytest.approx(1391.31)


def test_csv_plain_dollars(usd, tmp_path):
    path = reports.write_report(reports.build_report(usd, 2025, today=TODAY), tmp_path / "r.csv", lang="en")
    rows = list(csv.DictReader(path.open(encoding="utf-8-sig")))
    ann = next(r for r in rows if r["Name"] == "Ann Baker")
    assert ann["Revenue"] == "1241.31" and ann["Revenue prev. year"] == "0.00"


def test_pdf_writes_dollars(usd, tmp_path):
    from pypdf import PdfReader

    path = reports.write_report(reports.build_report(usd, 2025, today=TODAY), tmp_path / "r.pdf", lang="en")
    text = "\n".join(p.extract_text() for p in PdfReader(path).pages)
    assert "$1,391.31" in text and "$99.99" in text
    assert "¥" not in text
    assert "Revenue by month ($)" in text  # under $10,000: the axis counts whole dollars


def test_yen_report_unchanged(db, tmp_path):
    from pypdf import PdfReader

    c = add_client(db, "山田 太郎")
    add_session(db, c, "2025-03-01", fee=30000)
    report = reports.build_report(db, 2025, today=TODAY)
    assert report.summary.revenue == 30000 and report.summary.currency == "JPY"
    text = "\n".join(p.extract_text() for p in PdfReader(
        reports.write_report(report, tmp_path / "r.pdf", lang="ja")).pages)
    assert "¥30,000" in text and "万円" in text
