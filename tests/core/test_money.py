"""Amounts in the practice's currency: minor units in, the language's way of writing them out."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from loyaldesk.core import money
from loyaldesk.core.money import AmountError, format_amount, parse_amount, parse_money


def test_decimals_come_from_the_iso_table():
    assert [money.decimals(c) for c in ("JPY", "USD", "EUR", "GBP", "KRW", "BHD")] == [0, 2, 2, 2, 0, 3]


@pytest.mark.parametrize("text, currency, lang, expected", [
    # JPY: everything the yen importer always accepted
    ("¥30,000", "JPY", "en", 30000), ("￥３０，０００", "JPY", "ja", 30000), ("30,000円", "JPY", "ja", 30000),
    ("\\30,000", "JPY", "ja", 30000), ("30000", "JPY", "en", 30000), ("30,000.00", "JPY", "en", 30000),
    ("3万", "JPY", "ja", 30000), ("3.5万円", "JPY", "ja", 35000), ("3万5千円", "JPY", "ja", 35000),
    ("5,000円(税込)", "JPY", "ja", 5000), ("JPY 12,000", "JPY", "en", 12000), ("", "JPY", "en", 0),
    # USD: cents
    ("150.00", "USD", "en", 15000), ("150", "USD", "en", 15000), ("6.75", "USD", "en", 675),
    ("$1,234.56", "USD", "en", 123456), ("USD 1,234.56", "USD", "en", 123456), ("1,234.56 USD", "USD", "en", 123456),
    ("US$5", "USD", "en", 500), ("$ 0.99", "USD", "ja", 99), ("1,234", "USD", "en", 123400),
    # EUR and GBP, and the German way of writing (Babel's de_DE symbols)
    ("1.234,50 €", "EUR", "de_DE", 123450), ("1 234,50 €", "EUR", "de_DE", 123450), ("12,5", "EUR", "de_DE", 1250),
    ("€1,234.50", "EUR", "en", 123450), ("1.234,50", "EUR", "en", 123450), ("£12.5", "GBP", "en", 1250),
    # three decimals
    ("1.250", "BHD", "en", 1250),
])
def test_parse_amount(text, currency, lang, expected):
    assert parse_amount(text, currency, lang) == expected


def test_spreadsheet_numbers_are_major_units():
    assert parse_amount(6.75, "USD") == 675  # a float cell: 6.75 is 6.7499999... in binary
    assert parse_amount(150, "USD") == 15000
    assert parse_amount(4500, "JPY") == 4500
    assert parse_amount(Decimal("0.1"), "EUR") == 10
    assert parse_amount(None, "USD") == 0


@pytest.mark.parametrize("text, currency, key", [
    ("6.755", "USD", "money.too_many_decimals"), ("30000.5", "JPY", "money.no_decimals"),
    ("1.234", "USD", "money.too_many_decimals"), ("abc", "USD", "money.invalid"), ("3,00", "JPY", "money.invalid"),
    ("1e5", "JPY", "money.invalid"), ("円", "JPY", "money.invalid"), ("12,34,5", "USD", "money.invalid"),
    ("-3000", "JPY", "money.negative"), ("△3,000", "JPY", "money.negative"), ("(12.50)", "USD", "money.negative"),
    ("$-5", "USD", "money.negative"), ("€5", "USD", "money.other_currency"), ("$30", "JPY", "money.other_currency"),
    ("EUR 5", "GBP", "money.other_currency"), ("1" * 20, "JPY", "money.too_large"),
])
def test_bad_amounts_say_why(text, currency, key):
    with pytest.raises(AmountError) as info:
        parse_amount(text, currency, "en")
    assert info.value.key == key
    assert info.value.field == "fee"
    assert text in info.value.message or key == "money.too_large"


def test_messages_in_japanese():
    with pytest.raises(AmountError) as info:
        parse_amount("6.755", "USD", "ja")
    assert info.value.params["digits"] == 2
    from loyaldesk.core.i18n import t
    assert t(info.value.key, "ja", **info.value.params) == "USD の金額は小数点以下 2桁までです: 6.755"


def test_negative_allowed_on_request():
    assert parse_amount("−$12.50", "USD", allow_negative=True) == -1250


def test_parse_money_reads_another_currency_in_its_own_minor_units():
    assert parse_money("€1.234,50", "JPY", "ja") == (123450, "EUR")
    assert parse_money("USD 150.00", "JPY", "ja") == (15000, "USD")
    assert parse_money("30,000円", "USD", "en") == (30000, "JPY")
    assert parse_money("150.00", "USD", "en") == (15000, "USD")


@pytest.mark.parametrize("minor, currency, lang, expected", [
    (30000, "JPY", "en", "¥30,000"), (30000, "JPY", "ja", "¥30,000"), (0, "JPY", "en", "¥0"),
    (123456, "USD", "en", "$1,234.56"), (15000, "USD", "ja", "$150.00"), (5, "USD", "en", "$0.05"),
    (123450, "EUR", "de_DE", "1.234,50\xa0€"), (123450, "EUR", "en", "€1,234.50"), (99, "GBP", "en", "£0.99"),
    (-1250, "USD", "en", "−$12.50"), (1250, "BHD", "en", "BHD\xa01.250"),
])
def test_format_amount(minor, currency, lang, expected):
    assert format_amount(minor, currency, lang) == expected


def test_format_with_code_and_blank():
    assert format_amount(15000, "USD", "ja", code=True) == "USD\xa0150.00"
    assert format_amount(5000, "JPY", "en", code=True) == "JPY\xa05,000"
    assert format_amount(None, "USD") == ""
    assert money.format_number(123456, "USD", "en") == "1,234.56"
    assert money.plain(123456, "USD") == "1234.56" and money.plain(30000, "JPY") == "30000"


def test_xlsx_number_formats():
    assert money.xlsx_number_format("USD", "en") == '"$"#,##0.00;"−$"#,##0.00'
    assert money.xlsx_number_format("JPY", "ja") == '"¥"#,##0;"−¥"#,##0'
    assert money.xlsx_number_format("EUR", "de_DE") == '#,##0.00" €";"−"#,##0.00" €"'


def test_currency_codes():
    assert money.normalize_currency(" usd ") == "USD"
    assert money.current_currencies()[:4] == ("JPY", "USD", "EUR", "GBP")
    assert "DEM" not in money.current_currencies()  # the Deutsche Mark is no longer tender
    with pytest.raises(AmountError) as info:
        money.normalize_currency("XYZ")
    assert info.value.field == "currency"
    assert money.currency_label("USD", "en") == "USD — US Dollar ($)"
    assert money.currency_label("JPY", "ja") == "JPY — 日本円 (¥)"


def test_axis_units():
    assert money.axis_unit("JPY", 3_000_000, "ja") == (10_000, "万円")
    assert money.axis_unit("JPY", 3_000_000, "en") == (1000, "¥ thousands")
    assert money.axis_unit("USD", 12_000_00, "en") == (1000_00, "$ thousands")
    assert money.axis_unit("USD", 900_00, "en") == (100, "$")
    assert money.axis_unit("USD", 12_000_00, "ja") == (1000_00, "千米ドル")
    assert money.axis_unit("EUR", 900_00, "ja") == (100, "ユーロ")


@given(st.integers(min_value=0, max_value=10**13), st.sampled_from(["JPY", "USD", "EUR", "GBP", "BHD"]),
       st.sampled_from(["en", "ja", "de_DE", "fr_FR"]))
def test_what_is_written_reads_back(minor, currency, lang):
    assert parse_amount(format_amount(minor, currency, lang), currency, lang) == minor
    assert parse_amount(format_amount(minor, currency, lang, code=True), currency, lang) == minor


@given(st.text(max_size=30), st.sampled_from(["JPY", "USD"]))
def test_anything_else_is_an_amount_error(text, currency):
    try:
        assert parse_amount(text, currency) >= 0
    except AmountError:
        pass
