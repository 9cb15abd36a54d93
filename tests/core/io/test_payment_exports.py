"""Sales and payment exports (Stripe, PayPal, Shopify, Square, freee, Money Forward) as sessions: the date, the
amount the client paid, the client by e-mail or name; never an identifier as a name, never the service's fee."""

from __future__ import annotations

import datetime as dt

from loyaldesk.core.io import files, importer
from loyaldesk.core.io.mapping import guess_session_mapping, session_records
from loyaldesk.core.io.tabular import read_table_bytes
from tests.conftest import add_client
from tests.core.io.exports import (
    FREEE_HEADER,
    MONEYFORWARD_HEADER,
    PAYPAL_HEADER,
    SHOPIFY_HEADER,
    SQUARE_HEADER,
    STRIPE_HEADER,
    csv_text,
)


def named(headers, mapping):
    return {headers[i]: f for i, f in mapping.items()}


def sessions(header, rows, name="export.csv", encoding="utf-8", currency="JPY"):
    table = read_table_bytes(csv_text(header, rows).encode(encoding), name)
    return session_records(table, guess_session_mapping(table.headers), currency)


def test_stripe_payments_export():
    mapping = named(STRIPE_HEADER, guess_session_mapping(STRIPE_HEADER))
    assert mapping["Created (UTC)"] == "date" and mapping["Amount"] == "fee" and mapping["Currency"] == "currency"
    assert mapping["Customer Email"] == "client_email" and mapping["Customer Description"] == "client_name"
    assert "Customer ID" not in mapping and "Fee" not in mapping and "Converted Amount" not in mapping
    paid, failed = sessions(STRIPE_HEADER, [
        {"id": "ch_3PqR", "Created (UTC)": "2025-09-12 04:31:10", "Amount": "30000", "Currency": "jpy", "Fee": "1080",
         "Status": "Paid", "Customer ID": "cus_QxY12abcDEF", "Customer Description": "山田 太郎",
         "Customer Email": "taro@example.jp"},
        {"id": "ch_3PqS", "Created (UTC)": "2025-09-13 04:31:10", "Amount": "30000", "Currency": "jpy",
         "Status": "Failed", "Customer ID": "cus_QxY12abcDEF", "Customer Email": "taro@example.jp"},
    ])
    assert (paid.date, paid.fee, paid.client_name, paid.client_email) == (
        dt.date(2025, 9, 12), 30000, "山田 太郎", "taro@example.jp")
    assert failed.skip_reason and not failed.has_errors


def test_stripe_customer_id_is_never_a_name():
    [rec] = sessions(["Created (UTC)", "Amount", "Customer ID"],
                     [{"Created (UTC)": "2025-09-12", "Amount": "5000", "Customer ID": "cus_QxY12abcDEF"}])
    assert rec.client_name == ""


def test_paypal_activity_download():
    mapping = named(PAYPAL_HEADER, guess_session_mapping(PAYPAL_HEADER))
    assert mapping["Gross"] == "fee" and mapping["Name"] == "client_name"
    assert mapping["From Email Address"] == "client_email" and "To Email Address" not in mapping
    assert "Fee" not in mapping and "Net" not in mapping
    [rec] = sessions(PAYPAL_HEADER, [{"Date": "9/22/2025", "Name": "Emily Carter", "Type": "Express Checkout Payment",
                                      "Status": "Completed", "Currency": "JPY", "Gross": "15,000", "Fee": "-559",
                                      "Net": "14,441", "From Email Address": "emily@example.com",
                                      "To Email Address": "me@practice.example"}])
    assert (rec.date, rec.fee, rec.client_email) == (dt.date(2025, 9, 22), 15000, "emily@example.com")


def test_shopify_orders_export_one_session_per_order():
    mapping = named(SHOPIFY_HEADER, guess_session_mapping(SHOPIFY_HEADER))
    assert mapping["Paid at"] == "date" and mapping["Total"] == "fee" and mapping["Email"] == "client_email"
    first, line, second = sessions(SHOPIFY_HEADER, [
        {"Name": "#1001", "Email": "hanako@example.jp", "Financial Status": "paid",
         "Paid at": "2025-09-12 10:15:00 +0900", "Currency": "JPY", "Total": "22000", "Created at": "2025-09-12 10:14:00 +0900",
         "Lineitem name": "個別相談 60分", "Billing Name": "佐藤 花子"},
        {"Name": "#1001", "Lineitem name": "資料セット"},
        {"Name": "#1002", "Email": "ken@example.jp", "Financial Status": "paid", "Paid at": "2025-09-13 09:00:00 +0900",
         "Currency": "JPY", "Total": "11000", "Billing Name": "Ken Ito"},
    ])
    assert (first.client_name, first.fee, first.date) == ("佐藤 花子", 22000, dt.date(2025, 9, 12))
    assert line.skip_reason and "2" in line.skip_reason
    assert (second.client_name, second.fee) == ("Ken Ito", 11000)


def test_square_transactions_export():
    mapping = named(SQUARE_HEADER, guess_session_mapping(SQUARE_HEADER))
    assert mapping["Customer Name"] == "client_name" and "Fees" not in mapping and "Customer ID" not in mapping
    [rec] = sessions(SQUARE_HEADER, [{"Date": "2025-09-12", "Gross Sales": "¥20,000", "Total Collected": "¥20,000",
                                      "Fees": "-¥650", "Customer ID": "7XKQ2M", "Customer Name": "鈴木 一郎"}])
    assert (rec.fee, rec.client_name) == (20000, "鈴木 一郎")


def test_freee_and_money_forward_exports():
    freee = named(FREEE_HEADER, guess_session_mapping(FREEE_HEADER))
    assert freee["発生日"] == "date" and freee["取引先"] == "client_name" and freee["金額"] == "fee"
    assert "管理番号" not in freee
    [rec] = sessions(FREEE_HEADER, [{"収支区分": "収入", "発生日": "2025/09/12", "取引先": "株式会社みらい",
                                     "勘定科目": "売上高", "金額": "55000", "決済金額": "55000"}], encoding="cp932")
    assert (rec.client_name, rec.fee) == ("株式会社みらい", 55000)
    mf = named(MONEYFORWARD_HEADER, guess_session_mapping(MONEYFORWARD_HEADER))
    assert mf["取引先名"] == "client_name" and mf["請求日"] == "date" and mf["合計金額"] == "fee"
    assert "請求書番号" not in mf and mf["件名"] == "topic"


def test_payment_export_matches_clients_by_email_first_then_name(db, tmp_path):
    by_mail = add_client(db, "Taro Yamada", email="taro@example.jp")
    by_name = add_client(db, "佐藤 花子")
    path = tmp_path / "unified_payments.csv"
    path.write_text(csv_text(STRIPE_HEADER, [
        {"Created (UTC)": "2025-09-12 04:31", "Amount": "30000", "Currency": "jpy", "Status": "Paid",
         "Customer ID": "cus_A1b2C3d4E5", "Customer Description": "山田 太郎", "Customer Email": "taro@example.jp"},
        {"Created (UTC)": "2025-09-13 04:31", "Amount": "20000", "Currency": "jpy", "Status": "Paid",
         "Customer ID": "cus_Z9y8X7w6V5", "Customer Description": "佐藤 花子"},
        {"Created (UTC)": "2025-09-14 04:31", "Amount": "20000", "Currency": "jpy", "Status": "Refunded",
         "Customer ID": "cus_Z9y8X7w6V5", "Customer Description": "佐藤 花子"},
    ]), encoding="utf-8")
    loaded = files.load_table(db, path, "sessions")
    plan = importer.plan_session_import(db, files.session_records(loaded))
    assert [(i.action, i.client_id) for i in plan.items] == [("add", by_mail), ("add", by_name), ("skip", None)]
    importer.apply_session_import(db, plan)
    assert db.query("SELECT client_id, fee FROM sessions ORDER BY date", plain=True) == [(by_mail, 30000),
                                                                                        (by_name, 20000)]
