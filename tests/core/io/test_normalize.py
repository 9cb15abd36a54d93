"""Cleaning single values and whole records (no database)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, strategies as st

from loyaldesk.core.i18n import set_language
from loyaldesk.core.io import normalize as n
from loyaldesk.core.io.records import ClientRecord, SessionRecord


@pytest.mark.parametrize("raw, expected", [
    ("  山田\u3000\u3000太郎 \n", "山田 太郎"),
    ("\u3000Emily   Carter\t", "Emily Carter"),
    ("a\u00a0b", "a b"),
    ("\ufeff山田\u200b", "山田"),
    ("", ""),
    (None, ""),
    ("plain", "plain"),
])
def test_trim(raw, expected):
    assert n.trim(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("０３－１２３４－５６７８", "03-1234-5678"),
    ("090ｰ1234ｰ5678", "090-1234-5678"),
    ("090ー1234ー5678", "090-1234-5678"),
    ("03−1234‐5678", "03-1234-5678"),
    ("03―1234–5678", "03-1234-5678"),
    ("03 1234 5678", "03 1234 5678"),  # spaces kept as written, single
    ("＋８１ (３) １２３４　５６７８", "+81 (3) 1234 5678"),
    ("（０３）１２３４－５６７８", "(03)1234-5678"),
    ("", ""),
])
def test_normalize_phone(raw, expected):
    assert n.normalize_phone(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("〒１５０－０００１", "150-0001"),
    ("1500001", "150-0001"),
    ("150-0001", "150-0001"),
    (" 〒150 0001 ", "150-0001"),
    ("150ー0001", "150-0001"),
    ("", ""),
])
def test_normalize_postal(raw, expected):
    assert n.normalize_postal(raw) == expected


@pytest.mark.parametrize("raw", ["12345", "150-00011", "abc-defg", "〒", "150-000１x", "١٥٠٠٠٠١"])
def test_bad_postal_codes_are_rejected_with_a_reason_key(raw):
    with pytest.raises(ValueError) as info:
        n.normalize_postal(raw)
    assert info.value.key == "import.postal_invalid"
    assert "7" in info.value.message


@pytest.mark.parametrize("raw, expected", [
    (" Taro@Example.JP ", "taro@example.jp"),
    ("ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ", "taro@example.jp"),
    ("mailto:ann@example.com", "ann@example.com"),
    ("a.b+c@mail.example.co.jp", "a.b+c@mail.example.co.jp"),
    ("", ""),
])
def test_normalize_email(raw, expected):
    assert n.normalize_email(raw) == expected


@pytest.mark.parametrize("raw", ["taro", "taro@example", "taro@@example.jp", "a@b@example.jp", "taro @example.jp",
                                 "taro@.jp", "taro@example.", "@example.jp"])
def test_implausible_emails_are_rejected(raw):
    with pytest.raises(ValueError) as info:
        n.normalize_email(raw)
    assert info.value.key == "import.email_invalid"


def test_normalize_kana():
    assert n.normalize_kana(" ﾔﾏﾀﾞ\u3000ﾀﾛｳ ") == "ヤマダ タロウ"
    assert n.normalize_kana("ﾊﾟﾊﾟ") == "パパ"
    assert n.normalize_kana("やまだ たろう") == "やまだ たろう"
    assert n.normalize_kana("Yamada") == "Yamada"


@pytest.mark.parametrize("family, given_, expected", [
    ("山田", "太郎", "山田 太郎"),
    ("やまだ", "たろう", "やまだ たろう"),
    ("ヤマダ", "Taro", "ヤマダ Taro"),
    ("Carter", "Emily", "Emily Carter"),
    ("髙橋", "", "髙橋"),
    ("", "Emily", "Emily"),
    ("\u3000山田 ", " 太郎", "山田 太郎"),
])
def test_join_name(family, given_, expected):
    assert n.join_name(family, given_) == expected


def test_name_key():
    assert n.name_key("山田　太郎") == n.name_key("山田 太郎") == n.name_key("山田太郎") == "山田太郎"
    assert n.name_key("Ｅｍｉｌｙ Carter") == "emilycarter"


@pytest.mark.parametrize("raw, expected", [
    ("¥30,000", 30000), ("￥３０，０００", 30000), ("30,000円", 30000), ("30000", 30000), ("30,000.00", 30000),
    ("3万", 30000), ("3.5万円", 35000), ("3万5千円", 35000), ("\\30,000", 30000), ("5,000円(税込)", 5000),
    ("JPY 12,000", 12000), (" 1,000,000 ", 1000000), ("0", 0), ("", 0), (None, 0), (4500, 4500),
])
def test_parse_amount(raw, expected):
    assert n.parse_amount(raw) == expected


@pytest.mark.parametrize("raw, key", [
    ("-3000", "import.amount_negative"), ("△3,000", "import.amount_negative"), ("▲3000", "import.amount_negative"),
    ("(3000)", "import.amount_negative"), ("¥-500", "import.amount_negative"), (-1, "import.amount_negative"),
    ("abc", "import.amount_invalid"), ("3,00", "import.amount_invalid"), ("30000.5", "import.amount_invalid"),
    ("$30", "import.amount_invalid"), ("1e5", "import.amount_invalid"), ("円", "import.amount_invalid"),
    ("30,000円です", "import.amount_invalid"),
])
def test_bad_amounts(raw, key):
    with pytest.raises(ValueError) as info:
        n.parse_amount(raw)
    assert info.value.key == key


@pytest.mark.parametrize("raw, expected", [
    ("60", 60), ("60分", 60), ("90 min", 90), ("1:30", 90), ("01:30:00", 90), ("1時間", 60), ("1時間30分", 90),
    ("1.5h", 90), ("６０分", 60), ("60.0", 60), ("", None), (None, None), (45, 45),
])
def test_parse_duration(raw, expected):
    assert n.parse_duration(raw) == expected


@pytest.mark.parametrize("raw", ["-5", "2000", "abc", "0.5", "NaN"])
def test_bad_durations(raw):
    with pytest.raises(ValueError):
        n.parse_duration(raw)


@pytest.mark.parametrize("raw, expected", [
    ("経営者、ニュースレター", ["経営者", "ニュースレター"]),
    ("a, b; c／d|e / f；g", ["a", "b", "c", "d", "e", "f", "g"]),
    ("* myContacts ::: 経営者 ::: * starred", ["経営者"]),
    ("* myContacts ::: * Friends ::: VIP", ["Friends", "VIP"]),
    ("* My Contacts", []),
    ("VIP,,VIP, ", ["VIP"]),
    ("", []),
])
def test_split_tags(raw, expected):
    assert n.split_tags(raw) == expected


def test_normalize_client_record_cleans_every_field():
    rec = ClientRecord(
        row=2, name=" 山田\u3000太郎 ", name_kana="ﾔﾏﾀﾞ ﾀﾛｳ", company=" 株式会社みらい ", email=" Taro@Example.JP ",
        phone="０９０－１２３４－５６７８", postal_code="〒１５０－０００１", address1=" 東京都渋谷区 ", notes="  一行目\n二行目 ",
        tags=[" 経営者 ", "", "経営者"],
    )
    assert n.normalize_client_record(rec) is rec
    assert (rec.name, rec.name_kana, rec.company, rec.email, rec.phone, rec.postal_code, rec.address1) == (
        "山田 太郎", "ヤマダ タロウ", "株式会社みらい", "taro@example.jp", "090-1234-5678", "150-0001", "東京都渋谷区")
    assert rec.notes == "一行目\n二行目" and rec.tags == ["経営者"]
    assert rec.problems == [] and not rec.has_errors


def test_normalize_client_record_reports_problems_by_field():
    rec = n.normalize_client_record(ClientRecord(row=7, name="\u3000", email="taro@", postal_code="12-345"))
    # the e-mail and the postal code are left out with a warning; only the missing name is an error
    assert [(p.row, p.column, p.severity) for p in rec.problems] == [
        (7, "email", "warning"), (7, "postal_code", "warning"), (7, "name", "error")]
    assert rec.has_errors and (rec.email, rec.postal_code) == ("", "")
    assert "taro@" in rec.problems[0].reason and "12-345" in rec.problems[1].reason


def test_a_row_without_a_name_is_imported_under_its_company_or_email():
    rec = n.normalize_client_record(ClientRecord(row=2, company="株式会社みらい", email="info@mirai.jp"))
    assert rec.name == "株式会社みらい" and not rec.has_errors
    assert [(p.column, p.severity) for p in rec.problems] == [("name", "warning")]
    rec = n.normalize_client_record(ClientRecord(row=3, email="Only@Example.com"))
    assert rec.name == "only@example.com" and not rec.has_errors


def test_problem_labels_can_be_header_texts_and_reasons_follow_the_language():
    set_language("ja")
    rec = n.normalize_client_record(ClientRecord(row=3, name="", email="x"), {"name": "氏名", "email": "メール"})
    assert [(p.column, p.reason) for p in rec.problems] == [
        ("メール", "メールアドレス x が正しくないため、この項目には入れませんでした（行のほかの値は取り込みます）"),
        ("氏名", "氏名が入力されていません。")]


def test_postal_code_that_lost_its_leading_zero_is_a_warning():
    rec = n.normalize_client_record(ClientRecord(row=2, name="北海 太郎", postal_code="600001"))
    assert rec.postal_code == "060-0001"
    assert [(p.column, p.severity) for p in rec.problems] == [("postal_code", "warning")]
    assert not rec.has_errors


def test_normalize_session_record():
    rec = n.normalize_session_record(SessionRecord(row=2, date="令和5年4月1日", client_email=" Ann@Example.com ",
                                                   fee="¥30,000", duration_minutes="1時間", kind=" 個別相談 "))
    assert (rec.date, rec.client_email, rec.fee, rec.duration_minutes, rec.kind) == (
        dt.date(2023, 4, 1), "ann@example.com", 30000, 60, "個別相談")
    assert rec.problems == []


def test_normalize_session_record_requires_date_client_and_a_fee_of_zero_or_more():
    rec = n.normalize_session_record(SessionRecord(row=4, fee=-1))
    assert [p.column for p in rec.problems] == ["date", "client_email", "fee"]
    rec = n.normalize_session_record(SessionRecord(row=5, date="2023-02-30", client_name="Ann", fee="abc",
                                                   duration_minutes="9999"))
    assert [p.column for p in rec.problems] == ["date", "fee", "duration_minutes"]


@given(st.text(max_size=30))
def test_normalizers_raise_only_value_errors(text):
    assert n.trim(n.trim(text)) == n.trim(text)
    n.normalize_phone(text)
    n.normalize_kana(text)
    n.name_key(text)
    n.split_tags(text)
    n.join_name(text, text)
    for fn in (n.normalize_postal, n.normalize_email, n.parse_amount, n.parse_duration):
        try:
            fn(text)
        except ValueError:
            pass


@given(st.integers(min_value=0, max_value=10**11))
def test_amount_round_trip(amount):
    assert n.parse_amount(f"¥{amount:,}") == amount
    assert n.parse_amount(f"{amount:,}円") == amount
    assert n.parse_amount(f"{amount:,}".translate(str.maketrans("0123456789,", "０１２３４５６７８９，"))) == amount
