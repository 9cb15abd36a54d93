"""The annual report: figures checked against values computed in the test, and the files read back."""

from __future__ import annotations

import csv
import datetime as dt
import io
import math

import pytest

from loyaldesk.core import reports
from loyaldesk.core.errors import LoyalDeskError, ValidationError
from loyaldesk.core.loyalty import compute_loyalty
from tests.conftest import add_client, add_session, add_touchpoint

TODAY = dt.date(2026, 11, 23)
YEAR = 2025

# (name, archived, referred_by name, [(date, fee)])
CLIENTS = [
    ("青木 健", 0, None, [("2024-03-10", 50000), ("2025-01-01", 10000), ("2025-12-31", 20000), ("2026-01-01", 99999)]),
    ("馬場 花子", 1, "青木 健", [("2025-06-01", 40000)]),  # archived, new, referred
    ("Chiba", 0, None, [("2025-02-02", 0)]),  # zero-fee session: active and new
    ("Doi", 0, None, [("2024-12-31", 30000)]),  # lost
    ("Endo", 0, None, [("2024-05-05", 5000), ("2025-07-07", 100000)]),  # retained, the top client
    ("Fujii", 0, "青木 健", [("2023-01-01", 7000), ("2025-03-03", 15000)]),  # came back; referred but not new
    ("Goto", 0, "青木 健", []),  # prospect
    ("Hara", 0, None, [("2026-01-01", 8000)]),  # next January only: not in the report
    ("Ito", 0, None, [("2023-05-05", 9000)]),  # long gone: not in the report
]


def _in(date: str, year: int) -> bool:
    return date.startswith(f"{year}-")


def expected_figures(year: int) -> dict:
    """The definitions of the issue, applied by hand to CLIENTS."""
    active = {n for n, _a, _r, s in CLIENTS if any(_in(d, year) for d, _f in s)}
    active_prev = {n for n, _a, _r, s in CLIENTS if any(_in(d, year - 1) for d, _f in s)}
    first = {n: min(d for d, _f in s) for n, _a, _r, s in CLIENTS if s}
    new = {n for n in active if _in(first[n], year)}
    revenue = {n: sum(f for d, f in s if _in(d, year)) for n, _a, _r, s in CLIENTS}
    total = sum(revenue.values())
    top = sorted((revenue[n] for n in active), reverse=True)[:math.ceil(0.2 * len(active))]
    referred = {n for n, _a, r, _s in CLIENTS if r}
    return {
        "revenue": total,
        "revenue_prev": sum(f for _n, _a, _r, s in CLIENTS for d, f in s if _in(d, year - 1)),
        "sessions": sum(1 for _n, _a, _r, s in CLIENTS for d, _f in s if _in(d, year)),
        "active_clients": len(active),
        "new_clients": len(new),
        "retained_clients": len(active & active_prev),
        "lost_clients": len(active_prev - active),
        "retention_rate": len(active & active_prev) / len(active_prev),
        "avg_revenue_per_client": total / len(active),
        "top20_revenue_share": sum(top) / total,
        "referrals": len(new & referred),
        "names": active | active_prev,
        "lost": active_prev - active,
    }


@pytest.fixture
def practice(db):
    ids: dict[str, int] = {}
    for name, archived, referrer, sessions in CLIENTS:
        extra = {"referred_by": ids[referrer]} if referrer else {}
        ids[name] = add_client(db, name, created="2023-01-01", archived=archived, **extra)
        for date, fee in sessions:
            add_session(db, ids[name], date, fee=fee, kind="Workshop" if fee >= 40000 else "個別相談")
    a = ids["青木 健"]
    add_touchpoint(db, a, "2025-03-01", "letter")  # no session within 90 days after
    add_touchpoint(db, a, "2025-12-31", "email")  # session on 2026-01-01: within 90 days
    add_touchpoint(db, a, "2026-01-02", "call")  # next year: not counted
    add_touchpoint(db, ids["Doi"], "2025-05-01", "call")  # the lost client was called; no session
    with db.transaction() as conn:
        conn.execute("INSERT INTO suggestion_decisions (client_id, kind, decision, decided_on) VALUES (?, 'reconnect', 'done', '2025-06-20')",
                     (ids["Endo"],))
        conn.execute("INSERT INTO suggestion_decisions (client_id, kind, decision, decided_on) VALUES (?, 'follow_up', 'dismissed', '2025-06-20')",
                     (ids["Endo"],))
    return ids


def test_summary_matches_the_definitions(db, practice):
    report = reports.build_report(db, YEAR, today=TODAY)
    want = expected_figures(YEAR)
    s = report.summary
    assert s.revenue == want["revenue"] == 185000  # 2026-01-01 (99,999) excluded, 2025-01-01 and 2025-12-31 in
    assert s.revenue_prev == want["revenue_prev"] == 85000
    assert s.sessions == want["sessions"] == 6
    assert s.active_clients == want["active_clients"] == 5  # the archived client and the zero-fee one count
    assert s.new_clients == want["new_clients"] == 2
    assert s.retained_clients == want["retained_clients"] == 2
    assert s.lost_clients == want["lost_clients"] == 1
    assert s.retention_rate == pytest.approx(want["retention_rate"])
    assert s.avg_revenue_per_client == pytest.approx(want["avg_revenue_per_client"])
    assert s.top20_revenue_share == pytest.approx(want["top20_revenue_share"])  # one client of five: Endo
    assert s.referrals == want["referrals"] == 1  # Fujii was referred but is not new
    assert s.touchpoints_by_channel["letter"] == 1
    assert s.touchpoints_by_channel["email"] == 1
    assert s.touchpoints_by_channel["call"] == 1  # Doi's; the call of 2026-01-02 is next year


def test_client_rows(db, practice):
    report = reports.build_report(db, YEAR, today=TODAY)
    want = expected_figures(YEAR)
    rows = {c.name: c for c in report.clients}
    assert set(rows) == want["names"]
    assert [c.name for c in report.lost] == sorted(want["lost"])
    a = rows["青木 健"]
    assert (a.sessions, a.revenue, a.revenue_prev, a.change) == (2, 30000, 50000, -20000)
    assert a.revenue_total == 80000  # lifetime up to the end of the year
    assert a.first_session == dt.date(2024, 3, 10)
    assert a.last_contact == dt.date(2025, 12, 31)
    assert a.touchpoints == 2
    assert a.referred_count == 3
    assert rows["Doi"].last_contact == dt.date(2025, 5, 1)  # the call after the last session
    assert rows["馬場 花子"].tier is None and rows["馬場 花子"].archived
    tiers = compute_loyalty(db, dt.date(2025, 12, 31)).by_id()
    assert rows["Endo"].tier == tiers[practice["Endo"]].tier
    assert rows["Chiba"].status == "new" and rows["Fujii"].status == "returned" and rows["Doi"].status == "lost"
    assert report.clients[0].name == "Endo"  # highest revenue first
    assert dict(report.revenue_by_month)["2025-01"] == 10000
    assert dict(report.revenue_by_month)["2025-12"] == 20000
    assert len(report.revenue_by_month) == 12 and sum(v for _m, v in report.revenue_by_month) == 185000
    kinds = {k.kind: k for k in report.by_kind}
    assert kinds["Workshop"].revenue == 140000 and kinds["個別相談"].sessions == 4


def test_follow_ups_contacted_clients_and_sessions_within_90_days(db, practice):
    report = reports.build_report(db, YEAR, today=TODAY)
    rows = {f.key: (f.actions, f.clients, f.responded) for f in report.follow_ups}
    assert rows["touchpoint:letter"] == (1, 1, 0)
    assert rows["touchpoint:email"] == (1, 1, 1)  # the session of 2026-01-01 follows the e-mail of 2025-12-31
    assert rows["touchpoint:call"] == (1, 1, 0)
    assert rows["suggestion:reconnect"] == (1, 1, 1)
    assert "suggestion:follow_up" not in rows  # dismissed, not done
    assert report.follow_ups[-1].key == "baseline"


def test_follow_up_baseline_overdue_and_not_contacted(db):
    x = add_client(db, "X", created="2024-01-01", cadence_days=30)
    add_session(db, x, "2025-01-10")
    add_session(db, x, "2025-04-15")  # overdue on 03-01, back within 90 days
    y = add_client(db, "Y", created="2024-01-01", cadence_days=30)
    add_session(db, y, "2024-06-01")  # overdue all year, never back
    z = add_client(db, "Z", created="2024-01-01", cadence_days=30)
    add_session(db, z, "2025-01-05")
    add_touchpoint(db, z, "2025-02-20", "sns")  # contacted before being overdue
    add_session(db, z, "2025-03-10")  # overdue again from 05-01, no session after
    w = add_client(db, "W", created="2024-01-01", cadence_days=30, do_not_contact=1)
    add_session(db, w, "2024-06-01")  # never counted: do not contact
    v = add_client(db, "V", created="2024-01-01", cadence_days=30, archived=1)
    add_session(db, v, "2024-06-01")  # never counted: archived
    report = reports.build_report(db, YEAR, today=TODAY)
    base = report.baseline
    assert (base.clients, base.responded) == (3, 1)
    assert base.rate == pytest.approx(1 / 3)
    sns = next(f for f in report.follow_ups if f.key == "touchpoint:sns")
    assert (sns.clients, sns.responded) == (1, 1)


def test_current_year_is_up_to_today_and_other_years_are_refused(db, practice):
    report = reports.build_report(db, 2026, today=TODAY)
    assert report.partial and report.as_of == TODAY
    assert report.summary.revenue == 99999 + 8000
    assert report.summary.retention_rate == pytest.approx(1 / 5)  # of the five 2025 clients only 青木 came back
    add_session(db, practice["Chiba"], "2026-12-01", fee=5000)  # booked after today: not in the figures yet
    assert reports.build_report(db, 2026, today=TODAY).summary.revenue == 99999 + 8000
    with pytest.raises(ValidationError) as exc:
        reports.build_report(db, 2027, today=TODAY)
    assert "2027" in str(exc.value)
    with pytest.raises(ValidationError):
        reports.build_report(db, 1899, today=TODAY)


def test_empty_database_has_no_rates(db):
    report = reports.build_report(db, YEAR, today=TODAY)
    assert report.summary.active_clients == 0
    assert report.summary.retention_rate is None
    assert report.summary.top20_revenue_share == 0
    assert reports.report_dict(report)["summary"]["retention_rate"] is None


def test_default_and_available_years(db, practice):
    assert reports.default_year(db, TODAY) == 2025
    assert reports.available_years(db, TODAY) == [2026, 2025, 2024, 2023]
    assert reports.default_year(db, dt.date(2029, 5, 1)) == 2029  # nothing in 2028: this year


def test_json_contract(db, practice):
    data = reports.report_dict(reports.build_report(db, YEAR, today=TODAY))
    assert list(data) == ["summary", "clients", "revenue_by_month"]
    assert list(data["summary"]) == ["year", "currency", "revenue", "revenue_prev", "sessions", "active_clients", "new_clients",
                                     "retained_clients", "lost_clients", "retention_rate", "avg_revenue_per_client",
                                     "top20_revenue_share", "referrals", "touchpoints_by_channel", "not_included"]
    assert set(data["clients"][0]) == {"id", "name", "tier", "sessions", "revenue", "revenue_prev", "revenue_total",
                                       "first_session", "last_contact", "touchpoints", "referred_count"}
    assert list(data["revenue_by_month"])[0] == "2025-01" and len(data["revenue_by_month"]) == 12


# --- the files ---------------------------------------------------------------------------------
def test_xlsx_read_back(db, practice, tmp_path):
    import openpyxl

    report = reports.build_report(db, YEAR, today=TODAY)
    path = reports.write_report(report, tmp_path / "report.xlsx", lang="en")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[:5] == ["Summary", "Clients", "Lost clients", "By month", "By kind"]
    ws = wb["Clients"]
    assert ws.freeze_panes == "A2"
    headers = [c.value for c in ws[1]]
    assert headers[:3] == ["ID", "Name", "Reading"]
    rows = {r[1]: dict(zip(headers, r)) for r in ws.iter_rows(min_row=2, values_only=True)}
    assert rows["青木 健"]["Revenue"] == 30000 and rows["青木 健"]["Change"] == -20000
    assert rows["青木 健"]["First session"] == dt.datetime(2024, 3, 10)
    revenue_col = headers.index("Revenue") + 1
    assert ws.cell(row=2, column=revenue_col).number_format == '"¥"#,##0;"−¥"#,##0'  # yen: whole, as before
    assert ws.cell(row=2, column=headers.index("First session") + 1).number_format == "yyyy-mm-dd"
    assert ws.column_dimensions["B"].width >= 10
    summary = {r[0]: r[1] for r in wb["Summary"].iter_rows(min_row=2, values_only=True)}
    assert summary["Revenue"] == 185000
    assert summary["Retention rate"] == pytest.approx(2 / 3)
    assert [r[1] for r in wb["Lost clients"].iter_rows(min_row=2, values_only=True)] == ["Doi"]
    months = list(wb["By month"].iter_rows(min_row=2, values_only=True))
    assert months[0][:2] == ("2025-01", 10000) and months[-1][1] == 185000  # the total row


def test_xlsx_japanese_headers(db, practice, tmp_path):
    import openpyxl

    report = reports.build_report(db, YEAR, today=TODAY)
    wb = openpyxl.load_workbook(reports.write_report(report, tmp_path / "report.xlsx", lang="ja"))
    assert wb.sheetnames[:3] == ["概要", "顧客別", "離脱顧客"]
    assert [c.value for c in wb["顧客別"][1]][:3] == ["ID", "氏名", "フリガナ"]


def test_csv_has_bom_and_the_client_table(db, practice, tmp_path):
    report = reports.build_report(db, YEAR, today=TODAY)
    path = reports.write_report(report, tmp_path / "report.csv", lang="ja")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:2] == ["ID", "氏名"]
    assert len(rows) == 1 + len(expected_figures(YEAR)["names"])
    by_name = {r[1]: r for r in rows[1:]}
    assert by_name["青木 健"][rows[0].index("売上")] == "30000"
    assert by_name["青木 健"][rows[0].index("初回利用日")] == "2024-03-10"


@pytest.mark.parametrize("lang, title, name", [("en", "Annual client report 2025", "Endo"),
                                               ("ja", "2025年 年間顧客レポート", "青木 健")])
def test_pdf_text(db, practice, tmp_path, lang, title, name):
    from pypdf import PdfReader

    report = reports.build_report(db, YEAR, today=TODAY)
    path = reports.write_report(report, tmp_path / f"report-{lang}.pdf", lang=lang)
    reader = PdfReader(path)
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert title in text
    assert name in text and "馬場 花子" in text
    assert "¥185,000" in text
    fonts = set()
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            fonts.add(str(font.get("/BaseFont")))
    assert any("IPAexGothic" in f for f in fonts)
    if lang == "ja":
        assert "離脱顧客" in text and "継続率" in text


def test_write_errors_are_user_errors(db, practice, tmp_path):
    report = reports.build_report(db, YEAR, today=TODAY)
    with pytest.raises(LoyalDeskError) as exc:
        reports.write_report(report, tmp_path / "report.docx")
    assert "report.docx" in str(exc.value)
    with pytest.raises(LoyalDeskError):
        reports.write_report(report, tmp_path / "missing" / "report.xlsx")
    assert not list(tmp_path.glob("*.part"))


def test_pdf_of_a_large_practice_lists_the_top_clients_and_says_where_the_rest_is(db, practice, tmp_path,
                                                                                   monkeypatch):
    from pypdf import PdfReader

    from loyaldesk.core import report_formats

    monkeypatch.setattr(report_formats, "PDF_CLIENT_ROWS", 3)
    report = reports.build_report(db, YEAR, today=TODAY)
    assert len(report.clients) > 3
    path = reports.write_report(report, tmp_path / "large.pdf", lang="en")
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())
    assert (f"The 3 clients with the most revenue in {YEAR}, of {len(report.clients):,}: every client is in the "
            "Excel (.xlsx) and CSV versions of this report.") in text
    top = report.clients[0].name
    last = report.clients[-1].name
    client_pages = text.split("every client is in the")[1]
    assert top.split()[0] in client_pages and last not in client_pages
