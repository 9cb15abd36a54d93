import datetime as dt

import pytest
from hypothesis import given, strategies as st

from loyaldesk.core.dates import from_db, parse_date
from loyaldesk.core.errors import ValidationError


@pytest.mark.parametrize("text", ["2023-04-01", "2023/4/1", "2023.04.01", "2023年4月1日", "20230401", "２０２３－０４－０１", " 2023/04/01 "])
def test_accepted_forms(text):
    assert parse_date(text) == dt.date(2023, 4, 1)


@pytest.mark.parametrize("text", ["2023-02-30", "2023/13/01", "yesterday", "2023-4", "0000-01-01"])
def test_impossible_dates_rejected(text):
    with pytest.raises(ValidationError) as info:
        parse_date(text)
    assert text in info.value.message


def test_empty_is_none():
    assert parse_date("") is None and parse_date(None) is None


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_round_trip(day):
    assert parse_date(day.isoformat()) == day
    assert parse_date(f"{day.year}/{day.month}/{day.day}") == day
    assert from_db(day.isoformat() + "T10:00:00") == day


# --- Japanese eras and other forms spreadsheets produce ---------------------------------------
from loyaldesk.core.dates import era_to_date, to_era  # noqa: E402


@pytest.mark.parametrize("text, expected", [
    ("令和5年4月1日", dt.date(2023, 4, 1)),
    ("令和元年5月1日", dt.date(2019, 5, 1)),
    ("令和 5年 4月 1日", dt.date(2023, 4, 1)),
    ("R5.4.1", dt.date(2023, 4, 1)),
    ("R05/04/01", dt.date(2023, 4, 1)),
    ("r5-4-1", dt.date(2023, 4, 1)),
    ("Ｒ５．４．１", dt.date(2023, 4, 1)),
    ("令和５年４月１日", dt.date(2023, 4, 1)),
    ("㋿5年4月1日", dt.date(2023, 4, 1)),
    ("R元.5.1", dt.date(2019, 5, 1)),
    ("平成3年1月8日", dt.date(1991, 1, 8)),
    ("平成元年1月8日", dt.date(1989, 1, 8)),
    ("平成31年4月30日", dt.date(2019, 4, 30)),
    ("H3.1.8", dt.date(1991, 1, 8)),
    ("h31.4.30", dt.date(2019, 4, 30)),
    ("昭和55年4月1日", dt.date(1980, 4, 1)),
    ("S55.4.1", dt.date(1980, 4, 1)),
    ("昭和64年1月7日", dt.date(1989, 1, 7)),
    ("昭和元年12月25日", dt.date(1926, 12, 25)),
    ("大正15年12月24日", dt.date(1926, 12, 24)),
    ("T1.7.30", dt.date(1912, 7, 30)),
    ("S55年4月1日", dt.date(1980, 4, 1)),
    ("2023年4月1日(土)", dt.date(2023, 4, 1)),
    ("2023年4月1日（土）", dt.date(2023, 4, 1)),
    ("2023/4/1 0:00:00", dt.date(2023, 4, 1)),
    ("2023-04-01T09:30:00+09:00", dt.date(2023, 4, 1)),
    ("2023-04-01T...", dt.date(2023, 4, 1)),
    ("R5.4.1 10:00", dt.date(2023, 4, 1)),
    ("19900315", dt.date(1990, 3, 15)),
])
def test_era_and_spreadsheet_forms(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", [
    "令和元年4月30日",     # before 令和 began
    "R1.4.30",
    "平成元年1月7日",      # still 昭和
    "平成31年5月1日",      # already 令和
    "H32.1.1",
    "昭和64年1月8日",      # already 平成
    "S0.1.1",
    "大正15年12月25日",    # already 昭和
    "T1.7.29",            # still 明治
    "令和5年2月29日",      # 2023 is not a leap year
    "R5.13.1",
    "X5.4.1",
    "令和",
    "2023/4/1/5",
])
def test_impossible_era_dates_rejected(text):
    with pytest.raises(ValidationError) as info:
        parse_date(text, field="birthday")
    assert info.value.key == "date.invalid" and info.value.field == "birthday"
    assert text in info.value.message


def test_datetime_and_date_objects_pass_through():
    assert parse_date(dt.datetime(2023, 4, 1, 15, 30)) == dt.date(2023, 4, 1)
    assert parse_date(dt.date(2023, 4, 1)) == dt.date(2023, 4, 1)


_LETTER = {"明治": "M", "大正": "T", "昭和": "S", "平成": "H", "令和": "R"}


@given(st.dates(min_value=dt.date(1912, 7, 30), max_value=dt.date(2100, 12, 31)))
def test_round_trip_through_eras(day):
    era, year = to_era(day)
    assert era_to_date(era, year, day.month, day.day) == day
    kanji_year = "元" if year == 1 else str(year)
    assert parse_date(f"{era}{kanji_year}年{day.month}月{day.day}日") == day
    assert parse_date(f"{_LETTER[era]}{year}.{day.month}.{day.day}") == day
    assert parse_date(f"{_LETTER[era].lower()}{year:02d}/{day.month:02d}/{day.day:02d}") == day
    full = f"{era}{year}年{day.month}月{day.day}日".translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    assert parse_date(full) == day
    assert parse_date(f"{day.year}/{day.month}/{day.day} 0:00:00") == day
    assert parse_date(day.strftime("%Y%m%d")) == day


@given(st.text(max_size=40))
def test_parse_date_raises_only_validation_error(text):
    try:
        result = parse_date(text)
    except ValidationError:
        return
    assert result is None or isinstance(result, dt.date)


@given(st.text(alphabet="0123456789０１２３４５６７８９/.-年月日元RHSTrhst令和平成昭和大正 :T", max_size=20))
def test_parse_date_on_date_like_garbage(text):
    try:
        result = parse_date(text)
    except ValidationError:
        return
    assert result is None or isinstance(result, dt.date)
