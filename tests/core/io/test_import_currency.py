"""Sales ledgers with decimals and a currency column: amounts land in minor units of the right currency."""

from __future__ import annotations

import pytest

from loyaldesk.core import practice, reports
from loyaldesk.core.io import files, importer
from tests.conftest import add_client


def _import(db, tmp_path, text, name="sales.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    loaded = files.load_table(db, path, "sessions")
    records = files.session_records(loaded)
    plan = importer.plan_session_import(db, records, create_clients=True)
    return records, importer.apply_session_import(db, plan)


def _sessions(db):
    return [tuple(r) for r in db.query(
        "SELECT date, fee, foreign_currency, foreign_fee FROM sessions ORDER BY date", plain=True)]


def test_dollars_with_cents_into_a_dollar_practice(db, tmp_path):
    practice.set_currency(db, "USD")
    records, result = _import(db, tmp_path, "Date,Email,Client,Amount\n"
                              '2026-04-01,emily@example.com,Emily Carter,"$1,234.56"\n'
                              "2026-04-02,emily@example.com,Emily Carter,$150.00\n"
                              "2026-04-03,emily@example.com,Emily Carter,6.75\n")
    assert not [p for r in records for p in r.problems]
    assert result.added == 3
    assert _sessions(db) == [("2026-04-01", 123456, None, None), ("2026-04-02", 15000, None, None),
                             ("2026-04-03", 675, None, None)]


def test_stripe_export_with_a_currency_column(db, tmp_path):
    """Stripe's payments export: lower-case currency codes, plain decimal amounts."""
    practice.set_currency(db, "USD")
    _import(db, tmp_path, "id,Created (UTC),Amount,Currency,Customer Email,Description\n"
            "ch_1,2026-05-01 10:00:00,150.00,usd,anna@example.com,Coaching\n"
            "ch_2,2026-05-02 10:00:00,80.00,eur,hans@example.com,Coaching\n", "stripe.csv")
    assert _sessions(db) == [("2026-05-01", 15000, None, None), ("2026-05-02", None, "EUR", 8000)]


def test_a_euro_row_in_a_yen_practice_becomes_a_euro_session(db, tmp_path):
    cid = add_client(db, "Hans Müller", email="hans@example.com")
    records, result = _import(db, tmp_path, "日付,メール,金額,通貨\n"
                              "2025/4/1,hans@example.com,\"30,000\",JPY\n"
                              "2025/5/1,hans@example.com,\"1.234,50 €\",EUR\n"
                              "2025/6/1,hans@example.com,€80,\n")
    assert result.added == 3 and not [p for r in records for p in r.problems]
    assert _sessions(db) == [("2025-04-01", 30000, None, None), ("2025-05-01", None, "EUR", 123450),
                             ("2025-06-01", None, "EUR", 8000)]
    summary = reports.build_report(db, 2025).summary
    assert summary.revenue == 30000 and summary.not_included == {"EUR": 2}
    assert summary.not_included_text("en") == "2 sessions in EUR are not included."
    # imported again: the same rows are recognised, not doubled
    _records, again = _import(db, tmp_path, "日付,メール,金額,通貨\n2025/5/1,hans@example.com,\"1.234,50 €\",EUR\n",
                              "again.csv")
    assert again.added == 0 and len(_sessions(db)) == 3
    assert cid


def test_yen_import_unchanged(db, tmp_path):
    _import(db, tmp_path, "日付,メール,顧客名,金額\n2026/4/1,taro@example.jp,山田 太郎,\"¥30,000\"\n"
            "2026/5/1,taro@example.jp,山田 太郎,\"15,000円\"\n")
    assert _sessions(db) == [("2026-04-01", 30000, None, None), ("2026-05-01", 15000, None, None)]


@pytest.mark.parametrize("amount, reason", [
    ("6.755", "USD amounts have 2 decimal places at most: 6.755"),
    ("-5.00", "The amount cannot be negative: -5.00"),
])
def test_bad_dollar_amounts_say_why(db, tmp_path, amount, reason):
    practice.set_currency(db, "USD")
    records, result = _import(db, tmp_path, f"Date,Email,Amount\n2026-04-01,emily@example.com,{amount}\n")
    assert [p.reason for p in records[0].problems] == [reason]
    assert result.added == 0


def test_an_unknown_currency_code_is_a_problem_of_its_row(db, tmp_path):
    practice.set_currency(db, "USD")
    records, _result = _import(db, tmp_path, "Date,Email,Amount,Currency\n2026-04-01,emily@example.com,5.00,XYZ\n")
    assert records[0].problems[0].column == "Currency" and "XYZ" in records[0].problems[0].reason
