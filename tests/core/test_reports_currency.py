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


@pytest.fixture
def euro_client(db):
    """A yen practice with one client abroad: two sessions in euros (one with its yen amount recorded)."""
    from loyaldesk.core.models import Session
    from loyaldesk.core.sessions import SessionRepository

    cid = add_client(db, "Hans Müller")
    add_session(db, cid, "2025-02-01", fee=30000)
    repo = SessionRepository(db)
    repo.add(Session(None, cid, "2025-03-01", fee=None, foreign_currency="eur", foreign_fee=8000))
    repo.add(Session(None, cid, "2025-04-01", fee=13000, foreign_currency="EUR", foreign_fee=8000))
    return cid


def test_a_foreign_session_is_left_out_of_totals_with_a_note(db, euro_client, tmp_path):
    import openpyxl
    from pypdf import PdfReader

    from loyaldesk.core.loyalty import compute_loyalty

    report = reports.build_report(db, 2025, today=TODAY)
    assert report.summary.revenue == 30000 + 13000  # the one with a yen amount counts
    assert report.summary.sessions == 3
    assert report.summary.not_included == {"EUR": 1}
    assert reports.report_dict(report)["summary"]["not_included"] == {"EUR": 1}
    assert report.summary.not_included_text("en") == "1 session in EUR is not included."
    assert report.summary.not_included_text("ja") == "EUR のセッション 1件は含まれていません。"
    assert compute_loyalty(db, TODAY).by_id()[euro_client].revenue_total == 43000

    wb = openpyxl.load_workbook(reports.write_report(report, tmp_path / "r.xlsx", lang="en"))
    assert "1 session in EUR is not included." in [r[0] for r in wb["Summary"].iter_rows(values_only=True)]
    text = "\n".join(p.extract_text() for p in PdfReader(reports.write_report(report, tmp_path / "r.pdf", lang="en")).pages)
    assert "1 session in EUR is not included." in text


def test_three_dollar_sessions_note(db):
    from loyaldesk.core.models import Session
    from loyaldesk.core.sessions import SessionRepository, not_included, not_included_text

    cid = add_client(db, "Abroad")
    for day in ("2025-03-01", "2025-04-01", "2025-05-01"):
        SessionRepository(db).add(Session(None, cid, day, fee=None, foreign_currency="USD", foreign_fee=15000))
    assert not_included_text(not_included(db)) == "3 sessions in USD are not included."
    assert reports.build_report(db, 2025, today=TODAY).summary.revenue == 0


def test_a_session_in_the_practice_currency_is_an_ordinary_one(db):
    from loyaldesk.core.errors import ValidationError
    from loyaldesk.core.models import Session
    from loyaldesk.core.sessions import SessionRepository

    cid = add_client(db, "Yamada")
    repo = SessionRepository(db)
    s = repo.add(Session(None, cid, "2025-03-01", fee=None, foreign_currency="JPY", foreign_fee=5000))
    assert (s.fee, s.foreign_currency, s.foreign_fee) == (5000, None, None)
    assert repo.get(s.id).fee == 5000
    with pytest.raises(ValidationError):
        repo.add(Session(None, cid, "2025-03-01", fee=None, foreign_currency="XYZ", foreign_fee=5000))
    with pytest.raises(ValidationError):
        repo.add(Session(None, cid, "2025-03-01", fee=None, foreign_currency="USD", foreign_fee=None))
    with pytest.raises(ValidationError):
        repo.add(Session(None, cid, "2025-03-01", fee=None))
